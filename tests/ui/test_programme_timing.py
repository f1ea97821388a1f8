"""Screen 0 shows the timing report across the samlinger (issue 13, problem 7)."""

from __future__ import annotations

from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tests.unit.test_timing_report import S1_DAY, S3_DAY, run
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store


async def test_programme_screen_shows_planned_against_actual(seljord_store: Store) -> None:
    run(seljord_store, "s1", S1_DAY, ["08:50", "09:40", "10:05"])
    run(seljord_store, "s3", S3_DAY, ["09:00", "09:40", "09:58"])
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("08:20")))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        table = app.screen.query_one("#timing")
        rows = [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]
        pause = ["Pause", "Pause", "Samling 1 +10 min · Samling 3 +3 min", "30 min", "43 min"]
        assert rows[2][:5] == pause
        assert rows[2][5] == "+13 min"
        text = flat(screen_text(app))
        assert "Tidsbruk: plan og faktisk" in text
        assert "Går mest over tiden: Samling 1 › Pause +10 min" in text


async def test_programme_screen_before_any_clock(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("08:20")))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        assert not app.screen.query_one("#timing").display
        assert "Klokka er ikke startet i noen samling ennå." in flat(screen_text(app))
