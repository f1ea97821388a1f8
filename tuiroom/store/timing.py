"""Runs of a samling and their timings: every instant written here is UTC ISO 8601.

Each method that writes commits before it returns, so the projector (another process
reading the same file) sees the change at its next look, and a crash loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from tuiroom.store.base import Connected, from_json
from tuiroom.store.records import (
    CutChange,
    CutRow,
    ExerciseRunRow,
    ItemRunRow,
    RunRow,
    StageRow,
)


def iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat()


def instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def maybe(text: str | None) -> dt.datetime | None:
    return instant(text) if text else None


def _run(r: dict[str, Any]) -> RunRow:
    return RunRow(
        r["id"],
        r["samling_id"],
        r["mode"],
        dt.date.fromisoformat(r["day"]),
        instant(r["origin_real"]),
        instant(r["origin_virtual"]),
        float(r["speed"]),
        bool(r["autopilot"]),
        bool(r["muted"]),
        maybe(r["paused_at"]),
        instant(r["updated_at"]),
    )


class TimingQueries(Connected):
    def run(self, run_id: int) -> RunRow | None:
        row = self.row("select * from run where id = ?", [run_id])
        return _run(row) if row else None

    def live_run(self, samling_id: int) -> RunRow | None:
        row = self.row(
            "select * from run where samling_id = ? and mode = 'live' order by id desc limit 1",
            [samling_id],
        )
        return _run(row) if row else None

    def latest_run(self) -> RunRow | None:
        """The run a second window should follow: the one written to last."""
        row = self.row("select * from run order by updated_at desc, id desc limit 1")
        return _run(row) if row else None

    def create_run(
        self,
        samling_id: int,
        mode: str,
        day: dt.date,
        origin_real: dt.datetime,
        origin_virtual: dt.datetime,
        speed: float,
        autopilot: bool,
    ) -> RunRow:
        with self.db.atomic():
            run_id = (
                self.db.table("run")
                .insert(
                    {
                        "samling_id": samling_id,
                        "mode": mode,
                        "day": day.isoformat(),
                        "origin_real": iso(origin_real),
                        "origin_virtual": iso(origin_virtual),
                        "speed": speed,
                        "autopilot": int(autopilot),
                        "muted": 0,
                        "created_at": iso(origin_real),
                        "updated_at": iso(origin_real),
                    }
                )
                .last_pk
            )
        run = self.run(int(run_id or 0))
        assert run is not None
        return run

    def _touch(self, run_id: int, values: dict[str, Any] | None = None) -> None:
        self.db.table("run").update(run_id, {**(values or {}), "updated_at": self.stamp()})

    def set_run(self, run_id: int, **values: Any) -> None:
        """Change run fields (muted, paused_at, day) and mark the run as written to."""
        encoded = {k: (iso(v) if isinstance(v, dt.datetime) else v) for k, v in values.items()}
        with self.db.atomic():
            self._touch(run_id, encoded)

    def item_runs(self, run_id: int) -> dict[int, ItemRunRow]:
        rows = self.rows("select * from item_run where run_id = ?", [run_id])
        return {
            r["item_id"]: ItemRunRow(
                r["item_id"],
                instant(r["started_at"]),
                instant(r["deadline"]),
                maybe(r["ended_at"]),
                float(r["adjust_s"] or 0),
            )
            for r in rows
        }

    def exercise_runs(self, run_id: int) -> dict[int, ExerciseRunRow]:
        rows = self.rows("select * from exercise_run where run_id = ?", [run_id])
        return {
            r["exercise_id"]: ExerciseRunRow(
                r["exercise_id"],
                instant(r["started_at"]),
                r["phase"],
                instant(r["phase_started_at"]),
                maybe(r["ended_at"]),
            )
            for r in rows
        }

    def write_timings(
        self,
        run_id: int,
        items: Sequence[ItemRunRow] = (),
        exercises: Sequence[ExerciseRunRow] = (),
        drop_items: Sequence[int] = (),
        run: dict[str, Any] | None = None,
        drop_exercises: Sequence[int] = (),
    ) -> None:
        """Save changed item and exercise timings and run fields in one transaction."""
        with self.db.atomic():
            for row in items:
                self.db.table("item_run").upsert(
                    {
                        "run_id": run_id,
                        "item_id": row.item_id,
                        "started_at": iso(row.started),
                        "deadline": iso(row.deadline),
                        "ended_at": iso(row.ended) if row.ended else None,
                        "adjust_s": row.adjust_s,
                    },
                    pk=("run_id", "item_id"),
                )
            for ex in exercises:
                self.db.table("exercise_run").upsert(
                    {
                        "run_id": run_id,
                        "exercise_id": ex.exercise_id,
                        "started_at": iso(ex.started),
                        "phase": ex.phase,
                        "phase_started_at": iso(ex.phase_started),
                        "ended_at": iso(ex.ended) if ex.ended else None,
                    },
                    pk=("run_id", "exercise_id"),
                )
            for exercise_id in drop_exercises:
                self.db.table("exercise_run").delete_where(
                    "run_id = ? and exercise_id = ?", [run_id, exercise_id]
                )
            for item_id in drop_items:
                self.db.table("item_run").delete_where(
                    "run_id = ? and item_id = ?", [run_id, item_id]
                )
            encoded = {
                k: (iso(v) if isinstance(v, dt.datetime) else v) for k, v in (run or {}).items()
            }
            self._touch(run_id, encoded)

    def cuts(self, run_id: int) -> list[CutRow]:
        """Cuts still in force, oldest first."""
        rows = self.rows(
            "select * from cut where run_id = ? and undone_at is null order by id", [run_id]
        )
        return [
            CutRow(
                r["id"],
                instant(r["created_at"]),
                tuple(CutChange(**c) for c in from_json(r["changes"], "[]")),
            )
            for r in rows
        ]

    def add_cut(
        self,
        run_id: int,
        changes: Sequence[CutChange],
        when: dt.datetime,
        deadlines: Sequence[ItemRunRow],
    ) -> None:
        with self.db.atomic():
            self.db.table("cut").insert(
                {
                    "run_id": run_id,
                    "created_at": iso(when),
                    "changes": json.dumps([c._asdict() for c in changes]),
                }
            )
            self.write_timings(run_id, items=deadlines)

    def undo_cut(
        self, run_id: int, cut_id: int, when: dt.datetime, deadlines: Sequence[ItemRunRow]
    ) -> None:
        with self.db.atomic():
            self.db.table("cut").update(cut_id, {"undone_at": iso(when)})
            self.write_timings(run_id, items=deadlines)

    def stage(self, run_id: int) -> StageRow | None:
        row = self.row("select * from stage where run_id = ?", [run_id])
        if row is None:
            return None
        return StageRow(
            row["kind"],
            from_json(row["payload"]),
            instant(row["updated_at"]),
            row["item_id"],
            bool(row["pinned"]),
        )

    def set_stage(
        self,
        run_id: int,
        kind: str,
        payload: dict[str, Any],
        item_id: int | None = None,
        pinned: bool = False,
    ) -> None:
        """Put something on the projector (kind "clock" shows the countdown again), for
        the item running now; pinned, it stays up when the day moves on."""
        with self.db.atomic():
            self.db.table("stage").upsert(
                {
                    "run_id": run_id,
                    "kind": kind,
                    "payload": json.dumps(payload, ensure_ascii=False),
                    "updated_at": self.stamp(),
                    "item_id": item_id,
                    "pinned": int(pinned),
                },
                pk="run_id",
            )
            self._touch(run_id)

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap "anything new?"."""
        return int(self.conn.execute("pragma data_version").fetchone()[0])
