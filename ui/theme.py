"""Tidings' colours, for what takes them from Python (Quasar's brand colour, charts); tidings.css has the rest.

Each is a colour a chart's bar can take on the light page and on the dark one alike: its contrast is at least 3:1
against white and against the dark page (#121212), as WCAG asks of graphics.
"""

from __future__ import annotations

PRIMARY = "#2f6f4f"  # Tidings' green
AMBER = "#d97706"
SLATE = "#64748b"
SERIES = (PRIMARY, AMBER, SLATE)  # a chart's colours, in order
