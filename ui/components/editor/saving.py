"""When an editor saves: after a pause in the typing, never twice the same refused edits, later when unreachable.

Pure bookkeeping (no page, no database), so that the rules of autosave read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTOSAVE_AFTER = 1.5  # seconds of quiet after the last keystroke
RETRY_AFTER = 5.0  # seconds before saving again once the database was out of reach


@dataclass
class Saving:
    """The edits typed and saved (keystrokes counted), and what holds the next save back."""

    edits: int = 0
    saved: int = 0
    refused: int | None = None  # the edits a refused save held: not sent again as they are
    last_edit: float = 0.0
    retry_at: float = 0.0
    busy: bool = False  # a save is on its way
    stopped: bool = False  # the viewer may not save this post at all

    @property
    def unsaved(self) -> bool:
        """Whether something typed is not saved yet."""
        return self.edits != self.saved

    def typed(self, now: float) -> None:
        """A keystroke."""
        self.edits += 1
        self.last_edit = now

    def due(self, now: float) -> bool:
        """Whether autosave should save now: quiet for a moment, something new, nothing refusing it."""
        quiet = max(self.last_edit + AUTOSAVE_AFTER, self.retry_at) <= now
        new = self.edits not in (self.saved, self.refused)
        return quiet and new and not (self.busy or self.stopped)

    def done(self, edits: int) -> None:
        """A save holding the first `edits` keystrokes went through."""
        self.saved, self.refused, self.retry_at = edits, None, 0.0

    def refuse(self, edits: int, *, for_good: bool = False) -> None:
        """A save of `edits` was refused: wait for new edits (or for nothing, `for_good`)."""
        self.refused = edits
        self.stopped = self.stopped or for_good

    def unreachable(self, now: float) -> None:
        """The database was out of reach: the same edits may be tried again a little later."""
        self.retry_at = now + RETRY_AFTER
