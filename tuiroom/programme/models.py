"""The programme file as typed models: what a facilitator writes, checked on the way in.

Field names are the TOML keys, so a validation error's location is a path in the file.
Enumerated values accept the English word and the Norwegian one the decks use
("rekkeframlegg", "lunsj", "diamant"), and are stored under the English name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tuiroom.programme import choose
from tuiroom.programme.times import parse_date, parse_span
from tuiroom.visible import visible_strings

Language = Literal["nb", "nn", "en"]

FORMS: Final = {
    "individual": ("individual", "individuelt", "individuell", "i"),
    "group": ("group", "gruppe", "g"),
    "round-robin": ("round-robin", "rekkeframlegg", "rekkefremlegg"),
    "duo": ("duo", "duoer", "pair", "par"),
    "gallery": ("gallery", "gallery-walk", "gallerivandring"),
    "plenum": ("plenum", "p"),
}
ANSWERS: Final = {
    "text": ("text", "tekst"),
    "list": ("list", "liste"),
    "ranked": ("ranked", "rangert", "rangering"),
    "diamond": ("diamond", "diamant"),
    "points": ("points", "poeng", "100-points", "100 poeng"),
    "scale": ("scale", "skala"),
    "evaluation": ("evaluation", "evaluering"),
}
KINDS: Final = {
    "talk": ("talk", "innlegg", "foredrag"),
    "exercise": ("exercise", "oppgave", "øvelse", "gruppearbeid"),
    "break": ("break", "pause"),
    "lunch": ("lunch", "lunsj"),
    "end": ("end", "avslutning", "slutt"),
    "other": ("other", "annet"),
}
LANGUAGE_ALIASES: Final = {"nb": ("nb",), "nn": ("nn",), "en": ("en",)}
FIXED_KINDS: Final = frozenset({"lunch", "end"})
_TITLE_KINDS: Final = {
    "pause": "break",
    "kaffepause": "break",
    "break": "break",
    "lunsj": "lunch",
    "lunch": "lunch",
}


def _choice(table: dict[str, tuple[str, ...]]) -> BeforeValidator:
    """A validator that maps any accepted word to its canonical name."""
    lookup = {alias: name for name, aliases in table.items() for alias in aliases}

    def pick(value: object) -> str:
        key = str(value).strip().lower().replace("_", "-")
        if isinstance(value, str) and key in lookup:
            return lookup[key]
        raise PydanticCustomError(
            "unknown_choice",
            "unknown {value}",
            {"value": str(value), "choices": ", ".join(table)},
        )

    return BeforeValidator(pick)


Form = Annotated[str, _choice(FORMS)]
AnswerKind = Annotated[str, _choice(ANSWERS)]
ItemKind = Annotated[str, _choice(KINDS)]
LanguageCode = Annotated[str, _choice(LANGUAGE_ALIASES)]
Span = Annotated[tuple[int, int | None], BeforeValidator(parse_span)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Minutes = Annotated[float, Field(gt=0, le=24 * 60)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)

    @model_validator(mode="before")
    @classmethod
    def _shown_as_written(cls, data: Any) -> Any:
        """Control characters in any string of the file (a TOML escape such as \\u001b
        makes one) are shown as pictures, on screen, in check and in exports."""
        return visible_strings(data)


class Member(Model):
    """A network group member; `occasional` is the name in parentheses on the roster."""

    name: Text
    occasional: bool = False
    email: str = ""


def _member(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 2 and text.startswith("(") and text.endswith(")"):
            return {"name": text[1:-1].strip(), "occasional": True}
        return {"name": text}
    return value


class Meeting(Model):
    """A network meeting: its date (None while it is still "?") and who leads it."""

    date: Date | None = None
    lead: str = ""


def _meeting(value: object) -> object:
    if isinstance(value, dt.date):
        return {"date": value}
    if isinstance(value, str):
        date, _, lead = value.strip().partition(" ")
        if date in ("?", ""):
            return {"date": None, "lead": lead.strip()}
        return {"date": date, "lead": lead.strip()}
    return value


class Group(Model):
    name: Text
    members: list[Annotated[Member, BeforeValidator(_member)]] = Field(default_factory=list)
    meetings: list[Annotated[Meeting, BeforeValidator(_meeting)]] = Field(default_factory=list)

    def regulars(self) -> list[Member]:
        return [m for m in self.members if not m.occasional]


class Phase(Model):
    """One timed step of an exercise. No minutes: it takes what is left of the item."""

    form: Form
    minutes: Minutes | None = None
    title: str = ""
    wait: bool = False
    present: Minutes | None = None
    comment: Minutes | None = None


class Question(Model):
    """A question of an exercise. Without its own `answer` or `options` it is answered
    with the exercise's; `options = []` says it has none of the exercise's options."""

    text: Text
    answer: AnswerKind | None = None
    options: list[Text] | None = None


def _question(value: object) -> object:
    """A question is its text, or a table with the text and its own answer kind."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict):
        return value
    raise PydanticCustomError("want_question", "a question is text or a table", {})


class Exercise(Model):
    title: Text
    note: str = ""
    questions: list[Annotated[Question, BeforeValidator(_question)]] = Field(default_factory=list)
    answer: AnswerKind = "text"
    options: list[Text] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    draw_roles: bool = False
    take_home: bool = False

    def planned_minutes(self) -> float:
        return sum(p.minutes or 0 for p in self.phases)


class Item(Model):
    """An agenda item. Its end comes from `time`, else `minutes`, else the next item."""

    time: Span
    minutes: Annotated[int, Field(gt=0, le=24 * 60)] | None = None
    title: Text
    note: str = ""
    kind: ItemKind | None = None
    fixed: bool | None = None
    exercises: list[Exercise] = Field(default_factory=list, alias="exercise")
    _end: int | None = PrivateAttr(default=None)

    @property
    def start(self) -> int:
        return self.time[0]

    @property
    def end(self) -> int:
        """Resolved end in minutes after midnight; the start when nothing says otherwise."""
        return self._end if self._end is not None else self.start

    @property
    def duration(self) -> int:
        return self.end - self.start

    @property
    def kind_name(self) -> str:
        if self.kind is not None:
            return self.kind
        if self.exercises:
            return "exercise"
        first = re.split(r"[\s.!:–-]+", self.title.strip().lower(), maxsplit=1)[0]
        return _TITLE_KINDS.get(first, "talk")

    @property
    def is_fixed(self) -> bool:
        return self.fixed if self.fixed is not None else self.kind_name in FIXED_KINDS


def resolve_ends(items: list[Item]) -> None:
    """Give every item its end: its own, its minutes, the next start, or its start."""
    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if item.time[1] is not None:
            item._end = item.time[1]
        elif item.minutes is not None:
            item._end = item.start + item.minutes
        elif following is not None:
            item._end = max(following.start, item.start)
        else:
            item._end = item.start


class Samling(Model):
    id: str = ""
    title: Text
    date: Date | None = None
    theme: str = ""
    note: str = ""
    items: list[Item] = Field(default_factory=list, alias="item")

    def model_post_init(self, context: Any, /) -> None:
        resolve_ends(self.items)

    def exercises(self) -> Iterator[tuple[Item, Exercise]]:
        for item in self.items:
            for exercise in item.exercises:
                yield item, exercise

    @property
    def start(self) -> int | None:
        return self.items[0].start if self.items else None

    @property
    def end(self) -> int | None:
        return max(i.end for i in self.items) if self.items else None

    def names(self) -> tuple[str, ...]:
        """What `--session` may say for this samling: id, title, or the title's last word."""
        return choose.names(self.id, self.title)


class ClockSettings(Model):
    """When an item's countdown turns to warning: in its last `warn_minutes`, or in its
    last `warn_share` if that is shorter (a 10-minute item warns at 2 minutes); and how
    long the projector shows each page of what does not fit on one (`page_seconds`)."""

    warn_minutes: Annotated[float, Field(ge=0, le=120)] = 5
    warn_share: Annotated[float, Field(ge=0, le=1)] = 0.2
    page_seconds: Annotated[float, Field(ge=2, le=120)] = 8


class ProgrammeInfo(Model):
    title: Text
    organisation: str = ""
    language: LanguageCode = "nb"
    roles: list[Text] = Field(default_factory=list)


class Programme(Model):
    programme: ProgrammeInfo
    clock: ClockSettings = Field(default_factory=ClockSettings)
    groups: list[Group] = Field(default_factory=list, alias="group")
    samlinger: list[Samling] = Field(default_factory=list, alias="samling")

    @property
    def language(self) -> str:
        return self.programme.language

    def people(self) -> list[Member]:
        return [m for g in self.groups for m in g.members]

    def find_samling(self, name: str) -> Samling | None:
        return choose.find(self.samlinger, name, key=lambda s: s.id)

    def default_samling(self, today: dt.date) -> Samling | None:
        return choose.default(self.samlinger, today, filled=lambda s: bool(s.items))
