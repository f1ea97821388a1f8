"""The summary as the room sees it on a projector-sized terminal: the six network groups'
values from Samling 3 counted as bars, nynorsk and bokmål spellings as one."""

from __future__ import annotations

from tests.crowd_answers import table_answers
from tests.running import at, samling_id
from tests.samling3 import VALUES, answer, question
from tuiroom.app import TuiroomApp
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store


def summary_shot(snap_compare, store: Store) -> bool:  # type: ignore[no-untyped-def]
    """Samling 3's summary screen at 120x35, as it stands with the answers given."""
    app = TuiroomApp(store, samling_id(store, "s3"), clock=FakeClock(at("12:20")))

    async def open_summary(pilot) -> None:  # type: ignore[no-untyped-def]
        app.switch_mode("summary")
        await pilot.pause()
        await pilot.pause()

    return bool(snap_compare(app, terminal_size=(120, 35), run_before=open_summary))


def test_tally_of_the_groups_values(snap_compare, seljord_store: Store) -> None:
    answer(seljord_store, question(seljord_store, "list"), VALUES)
    assert summary_shot(snap_compare, seljord_store)


def test_points_of_a_hundred_tables(snap_compare, seljord_store: Store) -> None:
    """At a hundred tables the row under the bars counts the groups behind one."""
    table_answers(seljord_store, question(seljord_store, "points"), "points")
    assert summary_shot(snap_compare, seljord_store)
