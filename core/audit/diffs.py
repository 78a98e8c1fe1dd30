"""How an audit entry's changes are kept and read: short values as `before → after`, texts as their changed lines.

A change of text whose two sides are long together is stored as its diff (the changed lines, CONTEXT unchanged lines
around them, and how many unchanged lines were left out), not as both whole texts: a 100 KB body saved every few
seconds would otherwise store 200 KB an entry. Entries written before that keep both sides, and read the same.
A stored diff is a list of lines, each with a two-character prefix: "  " kept, "- " removed, "+ " added, and
"… " followed by a count of unchanged lines left out.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Literal

SHORT = 80  # a one-line value up to this long reads as `before → after`; a longer or multi-line one, as lines
KEEP_WHOLE = 2_000  # characters of both sides of a text kept as they are; beyond, the entry stores the diff
CONTEXT = 3  # unchanged lines kept around each changed stretch
LONG = 120  # an unchanged line or stretch of words longer than this is shortened around "…"
EDGE = 50  # characters kept at each side of what a shortening leaves out

LineKind = Literal["kept", "removed", "added", "skipped"]
PREFIX: dict[LineKind, str] = {"kept": "  ", "removed": "- ", "added": "+ ", "skipped": "… "}
KIND = {prefix: kind for kind, prefix in PREFIX.items()}
NOTHING = "—"  # how a value that was not there reads
_WORD = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it (or leading spaces)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a diff line; `changed` marks the words that differ from the line it replaced or that replaced it."""

    text: str
    changed: bool = False


@dataclass(frozen=True, slots=True)
class DiffLine:
    """A line of a text's diff: kept around a change, removed, added, or `skipped` unchanged lines left out."""

    kind: LineKind
    spans: tuple[Span, ...] = ()
    skipped: int = 0

    @property
    def text(self) -> str:
        """The line as shown, without its marks."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field as people read it: `before → after`, or, for a text, the lines that changed."""

    field: str
    before: str = ""
    after: str = ""
    lines: tuple[DiffLine, ...] = ()

    @property
    def text(self) -> str:
        """A short value's change in words: `field: after` when it had none before (nothing was replaced), else
        `field: before → after`."""
        name = self.field.replace("_", " ")
        if self.before in (NOTHING, json.dumps(None)):
            return f"{name}: {self.after}"
        return f"{name}: {self.before} → {self.after}"


def compact(changes: Mapping[str, object]) -> dict[str, object]:
    """The changes as an audit entry keeps them: a long text's change as its diff, everything else as given."""
    return {field: _compacted(value) for field, value in changes.items()}


def readable(changes: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    """An entry's changes (as stored now or before) as people read them, in the order they were recorded."""
    return tuple(_readable(field, value) for field, value in changes.items())


def line_diff(before: str, after: str) -> list[str]:
    """The changed lines of a text with CONTEXT unchanged lines around each stretch, in the stored form."""
    old, new = before.split("\n") if before else [], after.split("\n") if after else []
    lines: list[str] = []
    done = 0  # lines of `old` shown or counted as left out
    for group in difflib.SequenceMatcher(None, old, new).get_grouped_opcodes(CONTEXT):
        if group[0][1] > done:
            lines.append(f"{PREFIX['skipped']}{group[0][1] - done}")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [PREFIX["kept"] + _shortened(line, tail=False) for line in old[i1:i2]]
            else:
                lines += [PREFIX["removed"] + line for line in old[i1:i2]]
                lines += [PREFIX["added"] + line for line in new[j1:j2]]
        done = group[-1][2]
    if lines and len(old) > done:
        lines.append(f"{PREFIX['skipped']}{len(old) - done}")
    return lines


def _compacted(value: object) -> object:
    match _pair(value):
        case (str() as before, str() as after) if len(before) + len(after) > KEEP_WHOLE:
            return {"diff": line_diff(before, after)}
    return value


def _readable(field: str, value: Any) -> FieldChange:
    if isinstance(value, dict) and isinstance(value.get("diff"), list):
        return FieldChange(field, lines=_lines(value["diff"]))
    before, after = _pair(value) or (None, value)
    if (texts := _texts(before, after)) is not None:
        return FieldChange(field, lines=_lines(line_diff(*texts)))
    shown = _shown(before), _shown(after)
    if shown[0] == shown[1] and before != after:  # different values that read the same (None and []): as stored
        shown = json.dumps(before), json.dumps(after)
    return FieldChange(field, *shown)


def _pair(value: object) -> tuple[object, object] | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        return value[0], value[1]
    return None


def _texts(before: object, after: object) -> tuple[str, str] | None:
    """Both sides as texts (nothing as ""), when they are best read as lines: one of them long or multi-line."""
    if not all(isinstance(side, str | None) for side in (before, after)):
        return None
    texts = str(before or ""), str(after or "")
    return texts if any("\n" in text or len(text) > SHORT for text in texts) else None


def _shown(value: object) -> str:
    if value is None:
        return NOTHING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_shown(item) for item in value) or "(none)"
    return value if isinstance(value, str) else json.dumps(value)


def _lines(stored: Sequence[str]) -> tuple[DiffLine, ...]:
    """Stored diff lines as DiffLines; a removed stretch followed by an added one gets its changed words marked."""
    runs = [(kind, [line[2:] for line in run]) for kind, run in groupby(stored, key=lambda line: KIND[line[:2]])]
    lines: list[DiffLine] = []
    for n, (kind, texts) in enumerate(runs):
        if kind == "removed":
            following = runs[n + 1] if n + 1 < len(runs) else None
            lines += _replaced(texts, following[1] if following and following[0] == "added" else [])
        elif kind == "added" and n and runs[n - 1][0] == "removed":
            continue  # drawn with the removed stretch before it
        elif kind == "skipped":
            lines += [DiffLine("skipped", skipped=int(text)) for text in texts]
        else:
            lines += [DiffLine(kind, (Span(_shortened(text, tail=False)),)) for text in texts]
    return tuple(lines)


def _replaced(removed: list[str], added: list[str]) -> list[DiffLine]:
    """Removed lines, then the lines added in their place, each pair of similar lines with its changed words marked."""
    old: list[tuple[Span, ...]] = [(Span(text),) for text in removed]
    new: list[tuple[Span, ...]] = [(Span(text),) for text in added]
    for n in range(min(len(removed), len(added))):
        old[n], new[n] = _words(removed[n], added[n])
    return [DiffLine("removed", spans) for spans in old] + [DiffLine("added", spans) for spans in new]


def _words(before: str, after: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Two versions of a line with the words that differ marked, long unchanged stretches shortened."""
    old, new = _WORD.findall(before), _WORD.findall(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.5:  # hardly alike: one line replaced by another, each shown whole
        return (Span(before),), (Span(after),)
    removed: list[tuple[str, bool]] = []
    added: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            removed.append(("".join(old[i1:i2]), tag != "equal"))
        if j2 > j1:
            added.append(("".join(new[j1:j2]), tag != "equal"))
    return _spans(removed), _spans(added)


def _spans(pieces: list[tuple[str, bool]]) -> tuple[Span, ...]:
    # What changed is shown whole; an unchanged stretch keeps only its ends next to the changes around it.
    last = len(pieces) - 1
    return tuple(
        Span(text if changed else _shortened(text, head=n > 0, tail=n < last), changed)
        for n, (text, changed) in enumerate(pieces)
    )


def _shortened(text: str, *, head: bool = True, tail: bool = True) -> str:
    """`text`, or when it is long its start (`head`) and its end (`tail`) around "…" for what is left out."""
    if len(text) <= LONG:
        return text
    return (text[:EDGE] if head else "") + "…" + (text[-EDGE:] if tail else "")
