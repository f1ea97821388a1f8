"""The summary at a hundred tables: the groups behind the highlighted bar are counted,
Enter unfolds them on screen, and the next bar starts folded again."""

from __future__ import annotations

from tests.crowd_answers import table_answers
from tests.running import at, samling_id
from tests.samling3 import question
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.screens.summary import SummaryScreen
from tuiroom.store import Store
from tuiroom.widgets.bar_chart import BarChart


async def test_enter_unfolds_the_groups_behind_a_bar(seljord_store: Store) -> None:
    table_answers(seljord_store, question(seljord_store, "points"), "points")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("12:20")))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        row_line = screen.query_one("#summary-row")
        chart = screen.query_one(BarChart)
        top = chart.rows[0]
        assert (
            flat(screen_text(app, row_line))
            == f"{top.label}: {len(top.groups)} grupper · Enter viser hvem"
        )
        chart.focus()
        await pilot.press("enter")
        opened = flat(screen_text(app, row_line))
        assert opened.startswith(f"{top.label} · {len(top.groups)} grupper: Bord ")
        assert opened.endswith(top.groups[-1])  # the whole list, its last line not cut off
        await pilot.press("down")
        second = chart.rows[1]
        assert flat(screen_text(app, row_line)).startswith(
            f"{second.label}: {len(second.groups)} grupper"
        )
        await pilot.press("enter", "enter")
        assert "Enter viser hvem" in flat(screen_text(app, row_line))
