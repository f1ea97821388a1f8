"""Answers the facilitator types in plenum: saved on every change, deleted softly so a
delete can be undone, searchable with SQLite full-text search."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from tuiroom.store.base import Connected, from_json
from tuiroom.store.records import QuestionRow


class AnswerRow(NamedTuple):
    id: int
    question_id: int
    group_key: str
    group_label: str
    position: int
    fields: dict[str, str]
    body: str
    created_at: str
    changed_at: str

    def text(self, name: str = "text") -> str:
        return self.fields.get(name, "")


# Private-use characters mark a hit in a snippet: control characters would be shown as
# pictures by the connection, like any control character in the database.
HIT_START, HIT_END = "\ue000", "\ue001"


class SearchHit(NamedTuple):
    answer_id: int
    question_id: int
    question: str
    exercise: str
    item_id: int
    samling_id: int
    samling: str
    group_label: str
    snippet: str  # the hit between HIT_START and HIT_END


class AnswerQueries(Connected):
    # ── answers ──────────────────────────────────────────────────────────────

    def save_answer(
        self,
        question_id: int,
        group_key: str,
        group_label: str,
        fields: Mapping[str, str],
        position: int = 0,
    ) -> AnswerRow | None:
        """Keep what a group answered, replacing what was there; one commit. An empty
        answer that was never saved is not made into a row."""
        body = "\n".join(v.strip() for v in fields.values() if v.strip())
        now = self.stamp("milliseconds")
        data = json.dumps(dict(fields), ensure_ascii=False)
        with self.conn:
            cursor = self.conn.execute(
                """update answer set fields = ?, body = ?, group_label = ?, position = ?,
                          changed_at = ?, deleted = 0
                   where question_id = ? and group_key = ?""",
                [data, body, group_label, position, now, question_id, group_key],
            )
            if cursor.rowcount == 0:
                if not body:
                    return None
                self.conn.execute(
                    """insert into answer (question_id, group_key, group_label, position,
                                           fields, body, created_at, changed_at, deleted)
                       values (?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                    [question_id, group_key, group_label, position, data, body, now, now],
                )
        return self.answer(question_id, group_key)

    def answer(self, question_id: int, group_key: str) -> AnswerRow | None:
        row = self.row(
            "select * from answer where question_id = ? and group_key = ? and deleted = 0",
            [question_id, group_key],
        )
        return _answer(row) if row else None

    def answers(self, question_id: int) -> list[AnswerRow]:
        """Every group's answer to a question, in the order the groups were taken."""
        rows = self.rows(
            "select * from answer where question_id = ? and deleted = 0 order by position, id",
            [question_id],
        )
        return [_answer(r) for r in rows]

    def delete_answer(self, question_id: int, group_key: str) -> AnswerRow | None:
        """Remove a group's answer, kept aside so `restore_answer` can bring it back."""
        found = self.answer(question_id, group_key)
        if found is not None:
            with self.conn:
                self.conn.execute(
                    "update answer set deleted = 1, changed_at = ? where id = ?",
                    [self.stamp("milliseconds"), found.id],
                )
        return found

    def restore_answer(self, answer_id: int) -> None:
        with self.conn:
            self.conn.execute(
                "update answer set deleted = 0, changed_at = ? where id = ?",
                [self.stamp("milliseconds"), answer_id],
            )

    def add_question(self, exercise_id: int, text: str) -> QuestionRow:
        """A question the facilitator adds in the room; a reload of the file keeps it."""
        row = self.row(
            "select coalesce(max(position), -1) + 1 as next from question where exercise_id = ?",
            [exercise_id],
        )
        position = int(row["next"]) if row else 0
        key = "room-" + self.stamp("milliseconds")
        with self.conn:
            cursor = self.conn.execute(
                """insert into question (exercise_id, key, position, text, origin, retired)
                   values (?, ?, ?, ?, 'room', 0)""",
                [exercise_id, key, position, text.strip()],
            )
        return QuestionRow(int(cursor.lastrowid or 0), position, text.strip(), "room")

    # ── search ───────────────────────────────────────────────────────────────

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Every answer in the programme that matches, best first, with the hit marked."""
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        try:
            rows = self.rows(
                """select a.id, a.question_id, q.text as question, e.title as exercise,
                          i.id as item_id, s.id as samling_id, s.title as samling,
                          a.group_label,
                          snippet(answer_fts, 0, char(57344), char(57345), '…', 12) as snippet
                   from answer_fts
                   join answer a on a.rowid = answer_fts.rowid
                   join question q on q.id = a.question_id
                   join exercise e on e.id = q.exercise_id
                   join item i on i.id = e.item_id
                   join samling s on s.id = i.samling_id
                   where answer_fts match ? and a.deleted = 0
                   order by rank limit ?""",
                [match, limit],
            )
        except sqlite3.OperationalError:
            return []
        return [SearchHit(*r.values()) for r in rows]

    # ── merges of list items ─────────────────────────────────────────────────

    def merge_links(self, question_id: int) -> dict[str, str]:
        rows = self.rows(
            "select key, into_key from merge_link where question_id = ?", [question_id]
        )
        return {r["key"]: r["into_key"] for r in rows}

    def save_merge_links(self, question_id: int, links: Mapping[str, str]) -> None:
        with self.conn:
            self.conn.execute("delete from merge_link where question_id = ?", [question_id])
            self.conn.executemany(
                "insert into merge_link (question_id, key, into_key) values (?, ?, ?)",
                [(question_id, k, v) for k, v in links.items()],
            )

    def answered_questions(self, samling_id: int) -> list[int]:
        """The questions of a samling that have at least one answer."""
        rows = self.rows(
            """select distinct a.question_id from answer a
               join question q on q.id = a.question_id
               join exercise e on e.id = q.exercise_id
               join item i on i.id = e.item_id
               where i.samling_id = ? and a.deleted = 0
               order by i.position, e.position, q.position""",
            [samling_id],
        )
        return [r["question_id"] for r in rows]


def _answer(row: Mapping[str, Any]) -> AnswerRow:
    return AnswerRow(
        row["id"],
        row["question_id"],
        row["group_key"],
        row["group_label"] or "",
        row["position"] or 0,
        from_json(row["fields"]),
        row["body"] or "",
        row["created_at"],
        row["changed_at"],
    )


__all__: Sequence[str] = ("AnswerQueries", "AnswerRow", "SearchHit")
