"""The operator at the server's command line (`python main.py role NAME admin`): how the first admin is made.

Not part of core's public interface: main.py alone acts as the console, and tests/test_architecture.py keeps this
module and its actor out of ui/ and api/.
"""

from __future__ import annotations

from .actor import Actor, Role

# No user (no id, no session), so nothing a browser or a token sends can become it.
CONSOLE = Actor(username="console", role=Role.ADMIN)
