"""What the capture screen walks through: the samling's questions in agenda order, and
the groups in the order they speak in plenum. No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from tuiroom.answers import forms as answer_forms
from tuiroom.answers import parsing
from tuiroom.store import Store
from tuiroom.store.groups import RosterPerson
from tuiroom.store.records import ExerciseRow, QuestionRow


class Slot(NamedTuple):
    """One question of one exercise, as the capture screen steps through them."""

    item_id: int
    exercise: ExerciseRow
    question: QuestionRow

    @property
    def kind(self) -> str:
        """The question's answer kind: its own, else the exercise's."""
        return self.exercise.answer_of(self.question)

    @property
    def options(self) -> tuple[str, ...]:
        return self.exercise.options_of(self.question)


class Speaker(NamedTuple):
    """A group that reads out its answers."""

    key: str
    label: str


def slots(store: Store, samling_id: int) -> list[Slot]:
    """Every question of the samling's exercises, in agenda order."""
    found: list[Slot] = []
    exercises = store.exercises(samling_id)
    for item in store.items(samling_id):
        for exercise in exercises.get(item.id, []):
            found.extend(Slot(item.id, exercise, q) for q in exercise.questions)
    return found


def first_slot(found: Sequence[Slot], exercise_id: int | None, item_id: int | None) -> int:
    """Where plenum starts: the first question of the exercise in hand (running, else
    next), else of the item in hand, else the top."""
    for n, slot in enumerate(found):
        if slot.exercise.id == exercise_id:
            return n
    return next((n for n, s in enumerate(found) if s.item_id == item_id), 0)


def network_speakers(roster: Sequence[RosterPerson]) -> list[Speaker]:
    """The network groups with someone present, in the programme's order."""
    seen: dict[str, Speaker] = {}
    for person in roster:
        if person.present and person.group and person.group not in seen:
            seen[person.group] = Speaker(person.group, person.group)
    return list(seen.values())


def grouping_speakers(grouping_id: int, count: int, label: str) -> list[Speaker]:
    """The groups of a regrouping, "Gruppe 1" and on; `label` has a {number} slot."""
    return [
        Speaker(f"grouping-{grouping_id}-{n}", label.format(number=n)) for n in range(1, count + 1)
    ]


def check_line(kind: str, fields: Mapping[str, str]) -> tuple[str, dict[str, object], bool]:
    """The line under a form: a catalogue key, its values, and whether it is a warning."""
    if kind == "points":
        check = answer_forms.points_check(fields)
        if check.negative:
            return "capture.check.negative", {"options": ", ".join(check.negative)}, True
        key = "capture.check.points_over" if check.over else "capture.check.points"
        return key, {"total": check.total, "left": check.left, "over": -check.left}, check.over
    if kind == "scale":
        bad = answer_forms.bad_scores(fields)
        if bad:
            return "capture.check.scale_bad", {"labels": ", ".join(bad)}, True
        return "capture.check.scale", {"count": len(answer_forms.scores(fields))}, False
    if kind == "diamond":
        rows = answer_forms.diamond(fields)
        placed = sum(len(r) for r in rows)
        text = " / ".join(" · ".join(r) for r in rows if r)
        return "capture.check.diamond", {"placed": placed, "rows": text}, placed > 9
    if kind == "ranked":
        ranked = answer_forms.ranked(fields)
        listed = "  ".join(f"{n}. {item}" for n, item in enumerate(ranked, 1))
        return "capture.check.ranked", {"count": len(ranked), "items": listed}, False
    if kind == "list":
        items = parsing.parse_list(fields.get("text", ""))
        return "capture.check.list", {"count": len(items), "items": " · ".join(items)}, False
    return "", {}, False
