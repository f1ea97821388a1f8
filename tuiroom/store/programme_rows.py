"""Reading the programme back out of the store, as the screens and the export need it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tuiroom.store.base import Connected, from_json
from tuiroom.store.records import (
    ExerciseRow,
    GroupRow,
    ItemRow,
    MeetingRow,
    PersonRow,
    PhaseSpec,
    ProgrammeRow,
    QuestionRow,
    SamlingRow,
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class ProgrammeQueries(Connected):
    """Reads with plain SQL (see Store.rows); the one write here goes through sqlite-utils."""

    def programme(self) -> ProgrammeRow | None:
        row = self.row("select * from programme where id = 1")
        if row is None:
            return None
        clock = from_json(row.get("clock"))
        return ProgrammeRow(
            row["title"],
            row["organisation"] or "",
            row["language"] or "nb",
            tuple(from_json(row["roles"], "[]")),
            row["source"] or "",
            float(clock.get("warn_minutes", 5.0)),
            float(clock.get("warn_share", 0.2)),
            float(clock.get("page_seconds", 8.0)),
        )

    def samlinger(self) -> list[SamlingRow]:
        rows = self.rows("select * from samling where retired = 0 order by position")
        return [_samling(r) for r in rows]

    def samling(self, samling_id: int) -> SamlingRow | None:
        row = self.row("select * from samling where id = ?", [samling_id])
        return _samling(row) if row else None

    def samling_by_key(self, key: str) -> SamlingRow | None:
        row = self.row("select * from samling where key = ?", [key])
        return _samling(row) if row else None

    def items(self, samling_id: int) -> list[ItemRow]:
        rows = self.rows(
            "select * from item where samling_id = ? and retired = 0 and run_id is null"
            " order by position",
            [samling_id],
        )
        return [item_row(r) for r in rows]

    def exercises(self, samling_id: int) -> dict[int, list[ExerciseRow]]:
        """Every current exercise of a samling with its questions, by item id."""
        sql = """select e.* from exercise e join item i on i.id = e.item_id
                 where i.samling_id = ? and e.retired = 0 and i.retired = 0
                 order by i.position, e.position"""
        rows = self.rows(sql, [samling_id])
        questions = self._questions([r["id"] for r in rows])
        found: dict[int, list[ExerciseRow]] = {}
        for row in rows:
            found.setdefault(row["item_id"], []).append(
                _exercise(row, questions.get(row["id"], ()))
            )
        return found

    def _questions(self, exercise_ids: list[int]) -> dict[int, tuple[QuestionRow, ...]]:
        if not exercise_ids:
            return {}
        marks = ",".join("?" * len(exercise_ids))
        rows = self.rows(
            f"select * from question where retired = 0 and exercise_id in ({marks})"
            " order by exercise_id, position, id",
            exercise_ids,
        )
        found: dict[int, list[QuestionRow]] = {}
        for r in rows:
            found.setdefault(r["exercise_id"], []).append(
                QuestionRow(
                    r["id"],
                    r["position"],
                    r["text"],
                    r["origin"],
                    r["answer"] or "",
                    None if r["options"] is None else tuple(from_json(r["options"])),
                )
            )
        return {k: tuple(v) for k, v in found.items()}

    def groups(self) -> list[GroupRow]:
        """The network groups with their current members and meeting dates."""
        people: dict[int, list[PersonRow]] = {}
        for r in self.rows(
            "select * from person where retired = 0 and removed = 0 order by position, id"
        ):
            people.setdefault(r["group_id"], []).append(
                PersonRow(
                    r["id"], r["name"], r["group_id"], bool(r["occasional"]), r["email"] or ""
                )
            )
        meetings: dict[int, list[MeetingRow]] = {}
        for r in self.rows("select * from meeting order by position"):
            meetings.setdefault(r["group_id"], []).append(MeetingRow(_date(r["date"]), r["lead"]))
        groups = self.rows("select * from network_group where retired = 0 order by position")
        return [
            GroupRow(
                r["id"],
                r["position"],
                r["name"],
                tuple(people.get(r["id"], ())),
                tuple(meetings.get(r["id"], ())),
            )
            for r in groups
        ]

    def samlinger_with_items(self) -> set[int]:
        """The ids of the samlinger that have at least one current item."""
        rows = self.rows("select distinct samling_id from item where retired = 0")
        return {int(r["samling_id"]) for r in rows}

    def setting(self, key: str, default: str = "") -> str:
        row = self.row("select value from setting where key = ?", [key])
        return str(row["value"]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.table("setting").upsert({"key": key, "value": value}, pk="key")


def _samling(r: dict[str, Any]) -> SamlingRow:
    return SamlingRow(
        r["id"],
        r["key"],
        r["position"],
        r["title"],
        _date(r["date"]),
        r["theme"] or "",
        r["note"] or "",
    )


def item_row(r: dict[str, Any]) -> ItemRow:
    return ItemRow(
        r["id"],
        r["samling_id"],
        r["position"],
        r["start_min"],
        r["end_min"],
        r["title"],
        r["note"] or "",
        r["kind"],
        bool(r["fixed"]),
    )


def _exercise(r: dict[str, Any], questions: tuple[QuestionRow, ...]) -> ExerciseRow:
    phases = tuple(PhaseSpec(**p) for p in from_json(r["phases"], "[]"))
    return ExerciseRow(
        r["id"],
        r["item_id"],
        r["position"],
        r["title"],
        r["note"] or "",
        r["answer"],
        tuple(from_json(r["options"], "[]")),
        phases,
        bool(r["draw_roles"]),
        bool(r["take_home"]),
        questions,
    )
