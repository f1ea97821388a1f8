"""A samling opened on another day than its date: the agenda shows the plan and one line
that offers a rehearsal or Space (issue 13, problem 5)."""

from __future__ import annotations

import datetime as dt

from tests.running import samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.store import Store
from tuiroom.widgets.clock_face import ClockFace

ANOTHER_DAY = at_time_of_day(dt.date(2026, 11, 23), 14 * 60)


async def test_the_agenda_of_another_day_is_planned_until_space(seljord_store: Store) -> None:
    clock = FakeClock(ANOTHER_DAY)
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        face = flat(screen_text(app, app.screen.query_one(ClockFace)))
        assert "Planlagt torsdag 21. september 2023" in face
        assert "Denne samlingen er torsdag 21. september 2023." in face
        assert "tuiroom run --now 08:29 --speed 60" in face
        assert "Plan: ferdig 15:00" in face
        assert "bak skjema" not in flat(screen_text(app))
        await pilot.press("space")
        current = app.day.current()
        assert current is not None and current.title == "Velkommen!"
        assert app.store.item_runs(app.day.run.id)[current.id].started == ANOTHER_DAY
        assert "Denne samlingen er" not in flat(screen_text(app, app.screen.query_one(ClockFace)))
