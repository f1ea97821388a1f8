"""An exercise's phases in time: which phase is on, how long it has left, and what the
room needs to hear inside it (next speaker, switch at half time, move to the next
poster).

Phases chain from the instant the exercise started: a phase ends at its deadline and
the next begins at that same instant, so nothing drifts however late the app notices.
A phase that waits for the facilitator (`wait`), or that has no minutes (the rest of
the item), ends only when the facilitator moves on.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from tuiroom.store.records import ExerciseRunRow, PhaseSpec


def _after(start: dt.datetime, seconds: float) -> dt.datetime:
    return start + dt.timedelta(seconds=seconds)


def phase_seconds(phase: PhaseSpec) -> float | None:
    return phase.minutes * 60 if phase.minutes else None


def phase_deadline(phase: PhaseSpec, start: dt.datetime, item_deadline: dt.datetime) -> dt.datetime:
    """When the phase is up: its own minutes, else the end of the agenda item, and never
    after that end. More time for the item is more time for its phases; a phase that
    starts once the item is up has none."""
    end = max(start, item_deadline)
    seconds = phase_seconds(phase)
    return min(_after(start, seconds), end) if seconds is not None else end


def moves_on_by_itself(phase: PhaseSpec) -> bool:
    return not phase.wait and phase.minutes is not None


def settle(
    phases: Sequence[PhaseSpec], state: ExerciseRunRow, now: dt.datetime, item_deadline: dt.datetime
) -> ExerciseRunRow:
    """The state at `now`: past every phase whose time is up and that moves on by itself."""
    index, start = state.phase, state.phase_started
    while index < len(phases) and moves_on_by_itself(phases[index]):
        end = phase_deadline(phases[index], start, item_deadline)
        if end > now:
            break
        index, start = index + 1, end
    ended = start if index >= len(phases) else state.ended
    return ExerciseRunRow(state.exercise_id, state.started, index, start, ended)


class Turn(NamedTuple):
    """Round-robin: whose turn it is and when the next one speaks."""

    speaker: int
    speakers: int
    share: float
    next_in: float


class DuoTurn(NamedTuple):
    half: int
    switch_in: float


class GalleryTurn(NamedTuple):
    """Gallery walk: rotation, and whether the host presents, visitors comment, or all
    are back at their own poster (`part` is present, comment or return)."""

    rotation: int
    rotations: int
    part: str
    part_left: float


def round_robin(elapsed: float, length: float, speakers: int) -> Turn:
    speakers = max(1, speakers)
    share = length / speakers
    index = min(speakers - 1, int(elapsed // share)) if share > 0 else 0
    return Turn(index + 1, speakers, share, max(0.0, (index + 1) * share - elapsed))


def duo(elapsed: float, length: float) -> DuoTurn:
    half = length / 2
    return DuoTurn(1 if elapsed < half else 2, max(0.0, half - elapsed))


def gallery_rotations(length: float, station: float, groups: int) -> int:
    fits = int(length // station) if station > 0 else 0
    return min(fits, groups - 1) if groups > 1 else fits


def gallery(
    elapsed: float, length: float, present: float, comment: float, groups: int
) -> GalleryTurn:
    station = present + comment
    rotations = gallery_rotations(length, station, groups)
    rotation = int(elapsed // station) if station > 0 else rotations
    if rotation >= rotations:
        return GalleryTurn(rotations, rotations, "return", max(0.0, length - elapsed))
    into = elapsed - rotation * station
    if into < present:
        return GalleryTurn(rotation + 1, rotations, "present", present - into)
    return GalleryTurn(rotation + 1, rotations, "comment", station - into)


def stations(groups: Sequence[str], rotation: int) -> list[tuple[str, str]]:
    """(poster, visitors) for rotation 1..n: each group moves one poster on per rotation."""
    count = len(groups)
    return [(groups[s], groups[(s - rotation) % count]) for s in range(count)] if count else []


def marks(
    phase: PhaseSpec, start: dt.datetime, deadline: dt.datetime, speakers: int, groups: int
) -> Iterator[tuple[dt.datetime, str]]:
    """The instants inside a phase when the room should hear a signal, with their kind."""
    length = (deadline - start).total_seconds()
    if length <= 0:
        return
    if phase.form == "round-robin" and speakers > 1:
        share = length / speakers
        for n in range(1, speakers):
            yield _after(start, n * share), "speaker"
    elif phase.form == "duo":
        yield _after(start, length / 2), "switch"
    elif phase.form == "gallery" and phase.present and phase.comment:
        present, comment = phase.present * 60, phase.comment * 60
        rotations = gallery_rotations(length, present + comment, groups)
        for n in range(rotations):
            yield _after(start, n * (present + comment) + present), "comment"
            yield _after(start, (n + 1) * (present + comment)), "move"


def progress(elapsed: float, length: float | None) -> float:
    """Share of a phase gone, 0..1; an open phase shows none."""
    if not length:
        return 0.0
    return min(1.0, max(0.0, elapsed / length))


def whole_minutes(seconds: float) -> int:
    return math.ceil(seconds / 60)
