"""Every facilitator screen on a laptop's 80×24, with the day running (issue 12): the
clock in the header, whole labels in the section bar and the footer, nothing covered."""

from __future__ import annotations

import pytest

from tests.running import at, samling_id
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.store import Store

SCREENS: dict[str, list[str]] = {
    "agenda": [],
    "attendance": ["2"],
    "regroup": ["2", "n"],
    "roles": ["2", "r"],
    "plenum": ["3"],
    "summary": ["4"],
    "programme": ["0"],
    "keys": ["f1"],
}


def on_time_at_09_50(store: Store) -> FakeClock:
    """Samling 3 run to plan: at 09:50, Psykologisk trygghet, its group phase running."""
    clock = FakeClock(at("08:30"))
    day = Day.live(store, samling_id(store, "s3"), clock)
    day.toggle()
    for hhmm in ("09:00", "09:30", "09:45"):
        clock.set(at(hhmm))
        day.next()
    day.exercise_step()
    clock.set(at("09:50"))
    return clock


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, seljord_store: Store, screen: str) -> None:
    app = make_app(
        seljord_store, samling_id(seljord_store, "s3"), clock=on_time_at_09_50(seljord_store)
    )
    assert snap_compare(app, terminal_size=(80, 24), press=SCREENS[screen])
