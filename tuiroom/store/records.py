"""Plain, immutable rows handed to screens: no SQL and no Textual on either side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProgrammeRow:
    title: str
    organisation: str
    language: str
    roles: tuple[str, ...]
    source: str
    warn_minutes: float = 5.0
    warn_share: float = 0.2


@dataclass(frozen=True)
class SamlingRow:
    id: int
    key: str
    position: int
    title: str
    date: dt.date | None
    theme: str
    note: str


@dataclass(frozen=True)
class ItemRow:
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


@dataclass(frozen=True)
class PhaseSpec:
    form: str
    minutes: float | None = None
    title: str = ""
    wait: bool = False
    present: float | None = None
    comment: float | None = None


@dataclass(frozen=True)
class QuestionRow:
    id: int
    position: int
    text: str
    origin: str


@dataclass(frozen=True)
class ExerciseRow:
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


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    group_id: int
    occasional: bool
    email: str


@dataclass(frozen=True)
class MeetingRow:
    date: dt.date | None
    lead: str


@dataclass(frozen=True)
class GroupRow:
    id: int
    position: int
    name: str
    members: tuple[PersonRow, ...] = ()
    meetings: tuple[MeetingRow, ...] = field(default=())


@dataclass(frozen=True)
class RunRow:
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


@dataclass(frozen=True)
class ItemRunRow:
    item_id: int
    started: dt.datetime
    deadline: dt.datetime
    ended: dt.datetime | None
    adjust_s: float


@dataclass(frozen=True)
class ExerciseRunRow:
    exercise_id: int
    started: dt.datetime
    phase: int
    phase_started: dt.datetime
    ended: dt.datetime | None


@dataclass(frozen=True)
class CutChange:
    item_id: int
    seconds: float
    on_deadline: bool


@dataclass(frozen=True)
class CutRow:
    id: int
    created: dt.datetime
    changes: tuple[CutChange, ...]


@dataclass(frozen=True)
class StageRow:
    kind: str
    payload: dict[str, object]
    updated_at: dt.datetime
