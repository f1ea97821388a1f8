"""The rest of the day, projected from where the room actually is.

Items already run keep their recorded times; the current item ends at its deadline
(or now, once over); every later item follows on, at its planned length less any
cut. A fixed item (lunch, the end of the day) never starts before its planned time:
the slack before it grows when the room is early and shrinks when it is late. When
a fixed point can no longer be met, `propose_cut` shortens the flexible items before
it, in proportion to their length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Seconds = float


@dataclass(frozen=True)
class PlanItem:
    id: int
    start: dt.datetime
    end: dt.datetime
    fixed: bool
    title: str = ""

    @property
    def length(self) -> Seconds:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True)
class ItemTiming:
    """What happened to an item: when it started, its deadline, when it ended."""

    started: dt.datetime
    deadline: dt.datetime
    ended: dt.datetime | None = None


@dataclass(frozen=True)
class Projected:
    item: PlanItem
    status: str  # done, current, future, skipped
    start: dt.datetime
    end: dt.datetime

    @property
    def late(self) -> Seconds:
        """How much later than planned it starts (negative: earlier)."""
        return (self.start - self.item.start).total_seconds()


@dataclass(frozen=True)
class Miss:
    """A fixed point the room will not reach in time; item None is the end of the day."""

    item: PlanItem | None
    planned: dt.datetime
    projected: dt.datetime

    @property
    def by(self) -> Seconds:
        return (self.projected - self.planned).total_seconds()


@dataclass(frozen=True)
class Projection:
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


@dataclass(frozen=True)
class Cut:
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
) -> Projection:
    """Every item's start and end as things stand at `now`."""
    cuts = cuts or {}
    last_started = max((i for i, p in enumerate(plan) if p.id in timings), default=-1)
    cursor = _cursor(plan, timings, now, last_started)
    rows: list[Projected] = []
    misses: list[Miss] = []
    for index, item in enumerate(plan):
        timing = timings.get(item.id)
        if timing is not None and timing.ended is not None:
            rows.append(Projected(item, "done", timing.started, timing.ended))
        elif timing is not None:
            rows.append(Projected(item, "current", timing.started, cursor))
        elif index < last_started:
            rows.append(Projected(item, "skipped", cursor, cursor))
        else:
            start = max(item.start, cursor) if item.fixed else cursor
            if item.fixed and start > item.start:
                misses.append(Miss(item, item.start, start))
            length = max(0.0, item.length - cuts.get(item.id, 0.0))
            cursor = start + dt.timedelta(seconds=length)
            rows.append(Projected(item, "future", start, cursor))
    planned_end = plan[-1].end if plan else None
    projected_end = max((r.end for r in rows), default=None)
    last_is_fixed = bool(plan) and plan[-1].fixed
    if planned_end and projected_end and projected_end > planned_end and not last_is_fixed:
        misses.append(Miss(None, planned_end, projected_end))
    return Projection(tuple(rows), now, planned_end, projected_end, tuple(misses))


def _cursor(
    plan: Sequence[PlanItem], timings: Mapping[int, ItemTiming], now: dt.datetime, last: int
) -> dt.datetime:
    """When the next unstarted item can begin."""
    if last < 0:
        return max(now, plan[0].start) if plan else now
    timing = timings[plan[last].id]
    if timing.ended is None:
        return max(now, timing.deadline)
    return max(now, timing.ended)


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
    changes = tuple((item_id, wanted * share / capacity) for item_id, share in room.items())
    return Cut(miss, changes, max(0.0, miss.by - capacity))
