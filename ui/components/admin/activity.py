"""Activity per day: posts published, comments, sign-ups (NiceGUI's own chart)."""

from __future__ import annotations

import time

from nicegui import ui

from core import Actor, Event, audit

from ... import live, theme

REDRAW_AT_MOST_EVERY = 5.0  # seconds: a busy site must not redraw the chart on every action


class ActivityPanel:
    """A bar chart of the last 30 days."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer, self.drawn_at = viewer, 0.0
        self.chart = ui.echart(
            {
                "color": list(theme.SERIES),
                "tooltip": {"trigger": "axis"},
                "legend": {"data": ["Posts", "Comments", "Sign-ups"]},
                "xAxis": {"type": "category", "data": []},
                "yAxis": {"type": "value", "minInterval": 1},
                "series": [{"name": n, "type": "bar", "data": []} for n in ("Posts", "Comments", "Sign-ups")],
            }
        ).classes("w-full h-80")
        live.subscribe(audit.AUDIT_TOPIC, self.on_event)

    async def load(self) -> None:
        """Count again and redraw."""
        days = await audit.activity(self.viewer)
        options = self.chart.options
        options["xAxis"]["data"] = [day.day.strftime("%d %b") for day in days]
        for series, values in zip(
            options["series"],
            ([d.posts for d in days], [d.comments for d in days], [d.signups for d in days]),
            strict=True,
        ):
            series["data"] = values
        self.chart.update()
        self.drawn_at = time.monotonic()

    async def on_event(self, event: Event) -> None:
        """Redraw as things happen, at most every few seconds."""
        if time.monotonic() - self.drawn_at >= REDRAW_AT_MOST_EVERY:
            await self.load()
