"""What the room sees of a running day, computed from a Day at one instant.

Both the facilitator's screen and the projector build their display from `view()`, and
`signals()` says what crossed a boundary since the last look (a phase ended, the next
speaker is due, the item turned to warning or ran out), so the bell rings once, on time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from tuiroom.day.phases import (
    DuoTurn,
    GalleryTurn,
    Turn,
    duo,
    gallery,
    marks,
    moves_on_by_itself,
    phase_deadline,
    round_robin,
    settle,
    stations,
)
from tuiroom.day.planned import Planned, planned_of
from tuiroom.day.running import Day, Held
from tuiroom.day.schedule import Cut, Projected, Projection
from tuiroom.store.records import ExerciseRow, ItemRow, PhaseSpec


class WarnRule(NamedTuple):
    """Warn in an item's last `minutes`, or its last `share` if that is shorter."""

    minutes: float = 5.0
    share: float = 0.2

    def threshold(self, length: float) -> float:
        return min(self.minutes * 60, self.share * length)


class Room(NamedTuple):
    """What the timers need to know about the people: the largest group, the groups."""

    speakers: int = 1
    groups: tuple[str, ...] = ()


class PhaseView(NamedTuple):
    exercise: ExerciseRow
    position: int  # which phase, from 0
    phase: PhaseSpec
    start: dt.datetime
    deadline: dt.datetime
    remaining: float
    moves_on: bool
    turn: Turn | DuoTurn | GalleryTurn | None = None
    posters: tuple[tuple[str, str], ...] = ()

    @property
    def length(self) -> float:
        return (self.deadline - self.start).total_seconds()


class DayView(NamedTuple):
    now: dt.datetime
    state: str  # planned (another day than the samling's), waiting, running, paused, finished
    current: ItemRow | None
    remaining: float
    tone: str  # normal, warning, over
    following: ItemRow | None
    projection: Projection
    phase: PhaseView | None = None
    cut: Cut | None = None
    muted: bool = False
    rehearsal: bool = False
    first: ItemRow | None = None
    items: tuple[ItemRow, ...] = ()
    autopilot: bool = False  # a rehearsal that follows the plan by itself
    planned: Planned | None = None
    held: Held | None = None  # time the last key could not take, said for a few seconds

    def row(self, item: ItemRow | None) -> Projected | None:
        return self.projection.row(item.id) if item else None


def _tone(remaining: float, length: float, warn: WarnRule) -> str:
    if remaining < 0:
        return "over"
    return "warning" if remaining <= warn.threshold(length) else "normal"


def phase_view(day: Day, room: Room) -> PhaseView | None:
    running = day.running_exercise()
    current = day.current()
    if running is None or current is None:
        return None
    exercise, state = running
    if state.phase >= len(exercise.phases):
        return None
    phase = exercise.phases[state.phase]
    deadline = phase_deadline(phase, state.phase_started, day.timings[current.id].deadline)
    now = day.now()
    elapsed = (now - state.phase_started).total_seconds()
    length = (deadline - state.phase_started).total_seconds()
    turn: Turn | DuoTurn | GalleryTurn | None = None
    posters: tuple[tuple[str, str], ...] = ()
    if phase.form == "round-robin":
        turn = round_robin(elapsed, length, room.speakers)
    elif phase.form == "duo":
        turn = duo(elapsed, length)
    elif phase.form == "gallery" and phase.present and phase.comment:
        turn = gallery(elapsed, length, phase.present * 60, phase.comment * 60, len(room.groups))
        if turn.part != "return":
            posters = tuple(stations(room.groups, turn.rotation))
    remaining = (deadline - now).total_seconds()
    return PhaseView(
        exercise,
        state.phase,
        phase,
        state.phase_started,
        deadline,
        remaining,
        moves_on_by_itself(phase),
        turn,
        posters,
    )


def view(day: Day, warn: WarnRule, room: Room, with_cut: bool = True) -> DayView:
    """What to show at this instant; the projector, which offers no cut, skips computing it."""
    now, current = day.now(), day.current()
    projection = day.projection()
    seen = DayView(
        now,
        "waiting",
        None,
        0.0,
        "normal",
        None,
        projection,
        muted=day.run.muted,
        rehearsal=day.run.mode == "rehearsal",
        first=day.items[0] if day.items else None,
        items=tuple(day.items),
        autopilot=day.run.autopilot,
    )
    if current is None and (planned := planned_of(day)) is not None:
        return seen._replace(state="planned", following=seen.first, planned=planned)
    if current is None:
        following = day.next_unstarted()
        row = seen.row(following)
        remaining = (row.item.start - now).total_seconds() if row else 0.0
        state = "finished" if day.finished() else "waiting"
        return seen._replace(state=state, remaining=remaining, following=following)
    timing = day.timings[current.id]
    remaining = (timing.deadline - now).total_seconds()
    length = (timing.deadline - timing.started).total_seconds()
    index = day.items.index(current)
    following = day.items[index + 1] if index + 1 < len(day.items) else None
    return seen._replace(
        state="paused" if day.paused else "running",
        current=current,
        remaining=remaining,
        tone=_tone(remaining, length, warn),
        following=following,
        phase=phase_view(day, room),
        cut=day.proposed_cut(projection=projection) if with_cut else None,
    )


def signals(
    day: Day,
    warn: WarnRule,
    room: Room,
    since: dt.datetime,
    until: dt.datetime,
) -> list[str]:
    """The kinds of signal due in (since, until], in time order, one of each kind."""
    found: list[tuple[dt.datetime, str]] = []
    current = day.current()
    if current is not None and not day.paused:
        timing = day.timings[current.id]
        length = (timing.deadline - timing.started).total_seconds()
        found.append((timing.deadline - dt.timedelta(seconds=warn.threshold(length)), "warning"))
        found.append((timing.deadline, "over"))
        found += _phase_signals(day, room, since, until)
    due = sorted((when, kind) for when, kind in found if since < when <= until)
    kinds: list[str] = []
    for _, kind in due:
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _phase_signals(
    day: Day, room: Room, since: dt.datetime, until: dt.datetime
) -> list[tuple[dt.datetime, str]]:
    """Every boundary of the item's exercises from their saved state up to `until`.

    A phase change or an ending that another window has already saved still counts
    here, so a projector flashes even when the facilitator's window got there first.
    """
    current = day.current()
    if current is None:
        return []
    item_deadline = day.timings[current.id].deadline
    found: list[tuple[dt.datetime, str]] = []
    for exercise in day.exercises.get(current.id, []):
        state = day.exercise_runs.get(exercise.id)
        if state is None:
            continue
        if state.ended is not None:
            found.append((state.ended, "exercise_done"))
            continue
        if state.phase > 0 and state.phase_started > since:
            found.append((state.phase_started, "phase"))
        found += _chain(
            exercise.phases, state.phase, state.phase_started, item_deadline, room, until
        )
    return found


def _chain(
    phases: Sequence[PhaseSpec],
    index: int,
    start: dt.datetime,
    item_deadline: dt.datetime,
    room: Room,
    until: dt.datetime,
) -> list[tuple[dt.datetime, str]]:
    found: list[tuple[dt.datetime, str]] = []
    while index < len(phases):
        phase = phases[index]
        end = phase_deadline(phase, start, item_deadline)
        found += marks(phase, start, end, room.speakers, len(room.groups))
        if not moves_on_by_itself(phase):
            found.append((end, "phase_over"))
            break
        found.append((end, "phase" if index + 1 < len(phases) else "exercise_done"))
        if end > until:
            break
        index, start = index + 1, end
    return found


__all__ = ["DayView", "PhaseView", "Room", "WarnRule", "settle", "signals", "view"]
