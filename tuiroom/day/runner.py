"""The tick loop both windows share: what to show now, and whether to ring or flash.

The facilitator's app and the projector each hold a DayRunner and only add what is
Textual's to it (a timer, a bell, a notice, a flash); the timing decisions live here,
once, where a test with a fake clock can drive them without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tuiroom.day.running import Day, Held
from tuiroom.day.view import DayView, Room, WarnRule, signals, view
from tuiroom.store import Store

HELD_SECONDS = 5.0  # how long the line under the clock says why time could not be taken


def room_of(store: Store) -> Room:
    """The people the timers share time between: the largest group speaks in turn."""
    groups = store.groups()
    largest = max((len(g.members) for g in groups), default=1)
    return Room(largest, tuple(g.name for g in groups))


class DayRunner:
    """One running Day with the rules it is shown by and the instant it was last looked at.

    `with_cut` is off for the projector, which offers no cut and so skips computing one.
    """

    def __init__(
        self,
        day: Day,
        warn: WarnRule,
        room: Room,
        *,
        with_cut: bool = True,
    ) -> None:
        self.warn, self.room, self.with_cut = warn, room, with_cut
        self.follow(day)

    def follow(self, day: Day) -> None:
        """Run another Day (another samling, a new run): signals count from now on."""
        self.day = day
        self.last_tick: dt.datetime = day.clock.now()
        self.signalled: DayView | None = None
        self.held: tuple[Held, dt.datetime] | None = None

    def interval(self, slowest: float = 1.0) -> float:
        """Seconds between ticks: `slowest` at real speed, shorter in a fast rehearsal so
        its clock still reads smoothly, but never under a tenth of a second."""
        return min(slowest, max(0.1, 1.0 / max(self.day.clock.speed, 1.0)))

    def view(self) -> DayView:
        seen = view(self.day, self.warn, self.room, with_cut=self.with_cut)
        return seen._replace(held=self._held_now(seen))

    def _held_now(self, seen: DayView) -> Held | None:
        """What the last key could not take, for a few (real) seconds, while that item runs."""
        if self.held is None:
            return None
        held, when = self.held
        fresh = self.day.clock.now() - when < dt.timedelta(
            seconds=HELD_SECONDS * max(self.day.clock.speed, 1.0)
        )
        return held if fresh and seen.current == held.item else None

    def tick(self) -> tuple[DayView, str | None]:
        """Save what time alone changed and look again. Returns the view and the latest
        signal due since the last look, so a bell rings once per boundary, on time.

        `signalled` keeps the view the signal is about, from before the clock's own
        moves: on autopilot, "time is up" names the item that ran out, not the next one."""
        now = self.day.clock.now()
        kinds = signals(self.day, self.warn, self.room, self.last_tick, now)
        self.last_tick = now
        self.signalled = self.view() if kinds else None
        self.day.catch_up()
        return self.view(), kinds[-1] if kinds else None

    def act(self, operation: Callable[..., object], *args: object) -> DayView:
        """Run a Day operation for a key and look at once; what the key did rings no bell."""
        result = operation(*args)
        self.last_tick = self.day.clock.now()
        self.held = (result, self.last_tick) if isinstance(result, Held) else None
        return self.view()


__all__ = ["DayRunner", "room_of"]
