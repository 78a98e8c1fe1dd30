"""Pure helpers: percentiles, rates and plain-text tables (no I/O, unit-tested)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any


def percentile(values: Iterable[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile by the nearest-rank method; NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and max of durations given in seconds, in milliseconds."""
    return {
        "p50": percentile(seconds, 0.50) * 1000,
        "p95": percentile(seconds, 0.95) * 1000,
        "p99": percentile(seconds, 0.99) * 1000,
        "max": (max(seconds) if seconds else math.nan) * 1000,
    }


def fmt(value: object, digits: int = 1) -> str:
    """A number as a table shows it: thousands separated, `digits` decimals below 100, none above."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.{digits}f}"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, markdown: bool = False) -> str:
    """Rows under headers, as aligned plain text or as a Markdown table; numbers are right-aligned."""
    cells = [[fmt(cell) for cell in row] for row in rows]
    numeric = [all(_numeric(row[i]) for row in cells) and bool(cells) for i in range(len(headers))]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True))

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in cells)]).rstrip()


def _numeric(text: str) -> bool:
    return text == "–" or text.replace(",", "").replace(".", "", 1).lstrip("-").rstrip("%×").isdigit()


IDLE = "idle (waiting for work)"


def breakdown(root: Any, buckets: Sequence[tuple[str, str]], default: str) -> dict[str, float]:
    """A pyinstrument profile's self time summed per bucket, as shares of the time not spent idle.

    A frame goes to the first bucket whose key is in its file path or function name; any other frame (built-ins, the
    standard library) counts for the bucket of the code that called it; time in the selector's wait is idle.
    """
    totals: dict[str, float] = defaultdict(float)

    def walk(frame: Any, inherited: str) -> None:
        path = f"{frame.file_path or ''} {frame.function or ''}"
        # Waiting shows as the selector's wait, or with uvloop (its loop is C) as the runner's own time.
        waiting = "selectors.py" in path or path.endswith("asyncio/runners.py run")
        bucket = IDLE if waiting else next((name for key, name in buckets if key in path), None)
        if bucket is None:  # built-ins and the standard library count for the code that called them
            bucket = inherited
        if not frame.is_synthetic:  # a "[self]" frame's time is already its parent's total_self_time
            totals[bucket] += frame.total_self_time
        for child in frame.children:
            walk(child, bucket)

    walk(root, default)
    totals.pop(IDLE, None)
    whole = sum(totals.values()) or 1.0
    return dict(sorted(((name, value / whole) for name, value in totals.items()), key=lambda kv: -kv[1]))
