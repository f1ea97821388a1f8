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
