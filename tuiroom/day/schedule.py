"""The rest of the day, projected from where the room actually is.

Items already run keep their recorded times; the current item ends at its deadline
(or now, once over); every later item follows on, at its planned length less any
cut. A fixed item (lunch, the end of the day) never starts before its planned time:
the slack before it grows when the room is early and shrinks when it is late. So does
an item planned after a gap (09:40 after an item ending 09:30): its start was told to
the room, so it holds when the room is early or on time, and the gap absorbs delay
before it moves. When a fixed point can no longer be met, `propose_cut` shortens the
flexible items before it, in proportion to their length.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

Seconds = float
TOLERANCE: Seconds = 1.0  # a fixed point missed by less than a second is met


class PlanItem(NamedTuple):
    id: int
    start: dt.datetime
    end: dt.datetime
    fixed: bool
    title: str = ""

    @property
    def length(self) -> Seconds:
        return (self.end - self.start).total_seconds()


class ItemTiming(NamedTuple):
    """What happened to an item: when it started, its deadline, when it ended."""

    started: dt.datetime
    deadline: dt.datetime
    ended: dt.datetime | None = None


class Projected(NamedTuple):
    item: PlanItem
    status: str  # done, current, future, skipped
    start: dt.datetime
    end: dt.datetime

    @property
    def late(self) -> Seconds:
        """How much later than planned it starts (negative: earlier)."""
        return (self.start - self.item.start).total_seconds()


class Miss(NamedTuple):
    """A fixed point the room will not reach in time; item None is the end of the day."""

    item: PlanItem | None
    planned: dt.datetime
    projected: dt.datetime

    @property
    def by(self) -> Seconds:
        return (self.projected - self.planned).total_seconds()


class Projection(NamedTuple):
    rows: tuple[Projected, ...]
    now: dt.datetime
    planned_end: dt.datetime | None
    projected_end: dt.datetime | None
    misses: tuple[Miss, ...] = ()

    @property
    def behind(self) -> Seconds:
        """Seconds the day ends after its plan (negative: ahead of it)."""
        if self.planned_end is None or self.projected_end is None:
            return 0.0
        return (self.projected_end - self.planned_end).total_seconds()

    def row(self, item_id: int) -> Projected | None:
        return next((r for r in self.rows if r.item.id == item_id), None)

    @property
    def current(self) -> Projected | None:
        return next((r for r in self.rows if r.status == "current"), None)

    def upcoming(self) -> Projected | None:
        return next((r for r in self.rows if r.status == "future"), None)


class Cut(NamedTuple):
    """Seconds to take from each flexible item so that `miss` is met again."""

    miss: Miss
    changes: tuple[tuple[int, Seconds], ...]
    left_over: Seconds = 0.0

    @property
    def total(self) -> Seconds:
        return sum(s for _, s in self.changes)


def _seconds(delta: dt.timedelta) -> Seconds:
    return delta.total_seconds()


def project(
    plan: Sequence[PlanItem],
    timings: Mapping[int, ItemTiming],
    now: dt.datetime,
    cuts: Mapping[int, Seconds] | None = None,
    end: dt.datetime | None = None,
) -> Projection:
    """Every item's start and end as things stand at `now`.

    Items not run that lie before the current item (or, between items, before the
    last one started) were skipped; the ones after it follow on from the current
    item's deadline, or from now. `end` is the planned end of the day when it is not
    the last item's (the agenda changed on the day, and the end holds).
    """
    cuts = cuts or {}
    anchor = _anchor(plan, timings)
    cursor = _cursor(plan, timings, now, anchor)
    rows: list[Projected] = []
    misses: list[Miss] = []
    for index, item in enumerate(plan):
        timing = timings.get(item.id)
        if timing is not None and timing.ended is not None:
            rows.append(Projected(item, "done", timing.started, timing.ended))
        elif timing is not None:
            rows.append(Projected(item, "current", timing.started, cursor))
        elif index < anchor:
            rows.append(Projected(item, "skipped", cursor, cursor))
        else:
            start = max(item.start, cursor) if holds(plan, index) else cursor
            if item.fixed and _seconds(start - item.start) >= TOLERANCE:
                misses.append(Miss(item, item.start, start))
            length = max(0.0, item.length - cuts.get(item.id, 0.0))
            cursor = start + dt.timedelta(seconds=length)
            rows.append(Projected(item, "future", start, cursor))
    planned_end = end or (plan[-1].end if plan else None)
    projected_end = max((r.end for r in rows), default=None)
    last_is_fixed = bool(plan) and plan[-1].fixed
    late = planned_end and projected_end and _seconds(projected_end - planned_end) >= TOLERANCE
    if late and planned_end and projected_end and not last_is_fixed:
        misses.append(Miss(None, planned_end, projected_end))
    return Projection(tuple(rows), now, planned_end, projected_end, tuple(misses))


def holds(plan: Sequence[PlanItem], index: int) -> bool:
    """Whether the item never starts before its planned time: a fixed point, or an item
    with a planned gap before it (the room was told when it starts)."""
    item = plan[index]
    return item.fixed or (index > 0 and plan[index - 1].end < item.start)


def _anchor(plan: Sequence[PlanItem], timings: Mapping[int, ItemTiming]) -> int:
    """The place of the running item, else of the last item started; -1 before the day."""
    running = [i for i, p in enumerate(plan) if p.id in timings and timings[p.id].ended is None]
    if running:
        return running[0]
    return max((i for i, p in enumerate(plan) if p.id in timings), default=-1)


def _cursor(
    plan: Sequence[PlanItem], timings: Mapping[int, ItemTiming], now: dt.datetime, anchor: int
) -> dt.datetime:
    """When the next item not yet run can begin."""
    if anchor < 0:
        return max(now, plan[0].start) if plan else now
    timing = timings[plan[anchor].id]
    if timing.ended is None:
        return max(now, timing.deadline)
    ended = max(t.ended for t in timings.values() if t.ended is not None)
    return max(now, ended)


def propose_cut(
    projection: Projection,
    timings: Mapping[int, ItemTiming],
    only: Iterable[int] | None = None,
    keep: float = 0.5,
) -> Cut | None:
    """Shorten flexible items before the first missed fixed point, in proportion.

    Every chosen item keeps at least `keep` of what it had left; if that is not
    enough, the cut takes what it can and `left_over` says how much is still missing.
    """
    if not projection.misses:
        return None
    miss = projection.misses[0]
    chosen = set(only) if only is not None else None
    room: dict[int, Seconds] = {}
    for row in projection.rows:
        if miss.item is not None and row.item.id == miss.item.id:
            break
        if row.status not in ("current", "future") or row.item.fixed:
            continue
        if chosen is not None and row.item.id not in chosen:
            continue
        left = _seconds(row.end - max(row.start, projection.now))
        if left > 0:
            room[row.item.id] = left * (1 - keep)
    capacity = sum(room.values())
    if capacity <= 0:
        return None
    wanted = min(miss.by, capacity)
    # Whole seconds, rounded up: people read minutes, and the sum must reach the miss.
    changes = tuple(
        (item_id, min(share, math.ceil(wanted * share / capacity - 1e-6)))
        for item_id, share in room.items()
    )
    return Cut(miss, changes, max(0.0, miss.by - capacity))
