"""The capture form of each answer kind: which fields it has, and what the typed text
means (list items, ranking, the diamond's rows, points per option, 1–6 scores).

Everything is kept as the text the facilitator typed, field by field, so nothing typed
is ever lost to a parser; the structures below are read from that text when a check
line or a summary needs them. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from tuiroom.answers import parsing, tally


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str  # an i18n key
    lines: int  # 1: a one-line input; more: a text area of that height


FIELDS: Final[dict[str, tuple[Field, ...]]] = {
    "text": (Field("text", "capture.field.text", 6),),
    "list": (Field("text", "capture.field.list", 6),),
    "ranked": (Field("text", "capture.field.ranked", 6),),
    "diamond": (Field("text", "capture.field.diamond", 9),),
    "points": (Field("text", "capture.field.points", 6),),
    "scale": (Field("score", "capture.field.score", 1), Field("reason", "capture.field.reason", 4)),
    "evaluation": (
        Field("good", "capture.field.good", 3),
        Field("why", "capture.field.why", 3),
        Field("more", "capture.field.more", 3),
    ),
}


def fields_of(kind: str, options: Sequence[str] = ()) -> tuple[Field, ...]:
    """The fields of an answer kind; a scale over several statements scores each."""
    if kind == "scale" and options:
        return (Field("score", "capture.field.scores", len(options) + 1), *FIELDS["scale"][1:])
    return FIELDS.get(kind, FIELDS["text"])


def starting_text(kind: str, name: str, options: Sequence[str]) -> str:
    """What an empty field starts with: the options to give points or scores to."""
    if options and ((kind == "points" and name == "text") or (kind == "scale" and name == "score")):
        return "\n".join(f"{option}: " for option in options)
    return ""


def open_line(text: str) -> int | None:
    """In a form that starts with its options ("Tillit: "), the first line still without
    a value: typing carries on there, not after the last option."""
    return next((n for n, line in enumerate(text.split("\n")) if line.rstrip().endswith(":")), None)


# ── Reading what was typed ───────────────────────────────────────────────────

_NUMBER_AT_END: Final = re.compile(
    r"^(?P<label>.*?)[\s:=–-]*(?P<number>-?\d+)\s*(?:p|poeng|points?)?\.?$"
)


def items(fields: Mapping[str, str]) -> list[str]:
    """A list or ranked answer's items, in the order typed (the order is the rank)."""
    return parsing.parse_list(fields.get("text", ""))


def ranked(fields: Mapping[str, str]) -> list[str]:
    """A ranking is read like any list (one item a line, or one line split at commas);
    the order typed is the rank."""
    return parsing.parse_list(fields.get("text", ""))


def diamond(fields: Mapping[str, str]) -> list[list[str]]:
    return tally.diamond_rows(ranked(fields))


def numbered(text: str) -> tuple[dict[str, int], list[str]]:
    """Lines of "option: number" → {option: number}, and the lines without a number."""
    found: dict[str, int] = {}
    unread: list[str] = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•*").strip()
        if not line:
            continue
        match = _NUMBER_AT_END.match(line)
        label = match.group("label").strip(" :=–-") if match else ""
        if match and label:
            found[label] = found.get(label, 0) + int(match.group("number"))
        elif not line.endswith(":"):
            unread.append(line)
    return found, unread


def points(fields: Mapping[str, str]) -> dict[str, int]:
    return numbered(fields.get("text", ""))[0]


def points_check(fields: Mapping[str, str], budget: int = 100) -> tally.PointsCheck:
    return tally.check_points(points(fields), budget)


def scores(fields: Mapping[str, str]) -> dict[str, int]:
    """A scale answer: one score, or one per statement ("statement: 4")."""
    text = fields.get("score", "").strip()
    if text.isdigit():
        return {"": int(text)}
    return numbered(text)[0]


def bad_scores(fields: Mapping[str, str]) -> list[str]:
    """Scores outside 1–6, to name beside the field."""
    return [label or str(score) for label, score in scores(fields).items() if not 1 <= score <= 6]


def is_empty(fields: Mapping[str, str], kind: str, options: Sequence[str] = ()) -> bool:
    """Nothing typed beyond what the form started with."""
    return all(
        value.strip() in ("", starting_text(kind, name, options).strip())
        for name, value in fields.items()
    )
