"""The capture form as the room sees it: 100 points for one group, two groups answered."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from textual.widgets import TextArea

from tests.running import running, samling_id
from tuiroom.app import make_app
from tuiroom.store import Store

SIZES = [(120, 35), (80, 24)]


def question(store: Store, start: str) -> int:
    s3 = samling_id(store, "s3")
    for exercises in store.exercises(s3).values():
        for exercise in exercises:
            for q in exercise.questions:
                if q.text.startswith(start):
                    return q.id
    raise AssertionError(start)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_points_form(
    snap_compare, seljord_store: Store, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    typed_at = dt.datetime(2026, 11, 23, 13, 5, tzinfo=dt.UTC)
    monkeypatch.setattr(seljord_store, "now", lambda: typed_at)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(time, "tzset", time.tzset)  # undone below, after the env
    points = question(seljord_store, "Prioriter de verdiene")
    seljord_store.save_answer(points, "Stjernelaget", "Stjernelaget", {"text": "Tillit: 50"})
    seljord_store.save_answer(
        points, "Blåveis", "Blåveis", {"text": "Tillit: 40\nÅpenhet: 35\nRespekt: 15"}, 1
    )
    s3 = samling_id(seljord_store, "s3")
    app = make_app(seljord_store, s3, clock=running(seljord_store, now="14:10"))

    async def to_points(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("3")
        await pilot.pause()
        screen = pilot.app.screen
        while screen.slots[screen.slot].question.id != points:
            await pilot.press("ctrl+down")
        await pilot.press("pagedown")
        await pilot.pause()
        # A blinking cursor is drawn or not by the time of the shot: keep it steady.
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=to_points)
    finally:
        monkeypatch.undo()
        time.tzset()
