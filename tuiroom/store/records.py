"""Plain, immutable rows handed to screens: no SQL and no Textual on either side.

NamedTuples rather than dataclasses: a start-up builds dozens of these classes, and a
NamedTuple class is several times quicker to make.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class ProgrammeRow(NamedTuple):
    title: str
    organisation: str
    language: str
    roles: tuple[str, ...]
    source: str
    warn_minutes: float = 5.0
    warn_share: float = 0.2
    page_seconds: float = 8.0


class SamlingRow(NamedTuple):
    id: int
    key: str
    position: int
    title: str
    date: dt.date | None
    theme: str
    note: str


class ItemRow(NamedTuple):
    id: int
    samling_id: int
    position: int
    start: int
    end: int
    title: str
    note: str
    kind: str
    fixed: bool

    @property
    def duration(self) -> int:
        return self.end - self.start


class PhaseSpec(NamedTuple):
    form: str
    minutes: float | None = None
    title: str = ""
    wait: bool = False
    present: float | None = None
    comment: float | None = None


class QuestionRow(NamedTuple):
    """A question as the file (or the room) gave it; its own `answer` and `options`, when
    it has them, else "" and None: ask ExerciseRow.answer_of and options_of."""

    id: int
    position: int
    text: str
    origin: str
    answer: str = ""
    options: tuple[str, ...] | None = None


class ExerciseRow(NamedTuple):
    id: int
    item_id: int
    position: int
    title: str
    note: str
    answer: str
    options: tuple[str, ...]
    phases: tuple[PhaseSpec, ...]
    draw_roles: bool
    take_home: bool
    questions: tuple[QuestionRow, ...] = ()

    def answer_of(self, question: QuestionRow) -> str:
        """The answer kind a question takes: its own, else this exercise's. Everything that
        picks a form, a check line or a summary for a question asks here."""
        return question.answer or self.answer

    def options_of(self, question: QuestionRow) -> tuple[str, ...]:
        """The statements or options of a question: its own, else this exercise's."""
        return self.options if question.options is None else question.options


class PersonRow(NamedTuple):
    id: int
    name: str
    group_id: int
    occasional: bool
    email: str


class MeetingRow(NamedTuple):
    date: dt.date | None
    lead: str


class GroupRow(NamedTuple):
    id: int
    position: int
    name: str
    members: tuple[PersonRow, ...] = ()
    meetings: tuple[MeetingRow, ...] = ()


class RunRow(NamedTuple):
    """One running of a samling: live, or a rehearsal on its own clock."""

    id: int
    samling_id: int
    mode: str
    day: dt.date
    origin_real: dt.datetime
    origin_virtual: dt.datetime
    speed: float
    autopilot: bool
    muted: bool
    paused_at: dt.datetime | None
    updated_at: dt.datetime


class ItemRunRow(NamedTuple):
    item_id: int
    started: dt.datetime
    deadline: dt.datetime
    ended: dt.datetime | None
    adjust_s: float


class ExerciseRunRow(NamedTuple):
    exercise_id: int
    started: dt.datetime
    phase: int
    phase_started: dt.datetime
    ended: dt.datetime | None


class CutChange(NamedTuple):
    item_id: int
    seconds: float
    on_deadline: bool


class CutRow(NamedTuple):
    id: int
    created: dt.datetime
    changes: tuple[CutChange, ...]


class StageRow(NamedTuple):
    """What the facilitator put on the projector; `item_id` is the item that was running
    then (None before the day began), `pinned` keeps it up when the item changes."""

    kind: str
    payload: dict[str, object]
    updated_at: dt.datetime
    item_id: int | None = None
    pinned: bool = False


class DayChangeRow(NamedTuple):
    """One change the facilitator made to the agenda on the day (see tuiroom.day.changes):
    `kind` says what, `value` the rest, as JSON gave it back."""

    id: int
    kind: str
    item_id: int | None
    value: dict[str, object]
    created: dt.datetime
