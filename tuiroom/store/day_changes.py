"""The day's changes to the agenda, kept per run: each written at once, undone softly."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tuiroom.store.base import Connected, from_json
from tuiroom.store.programme_rows import item_row
from tuiroom.store.records import DayChangeRow, ItemRow
from tuiroom.store.timing import instant, iso


class DayChangeQueries(Connected):
    def day_changes(self, run_id: int) -> list[DayChangeRow]:
        """The run's changes still in force, oldest first."""
        rows = self.rows(
            "select * from day_change where run_id = ? and undone_at is null order by id",
            [run_id],
        )
        return [
            DayChangeRow(
                r["id"], r["kind"], r["item_id"], from_json(r["value"]), instant(r["created_at"])
            )
            for r in rows
        ]

    def day_items(self, run_id: int) -> dict[int, ItemRow]:
        """The items added on the day of this run, by id (whether or not still in force)."""
        rows = self.rows("select * from item where run_id = ? order by id", [run_id])
        return {r["id"]: item_row(r) for r in rows}

    def add_day_change(
        self,
        run_id: int,
        kind: str,
        item_id: int | None,
        value: dict[str, Any],
        when: dt.datetime,
        new_item: dict[str, Any] | None = None,
    ) -> int | None:
        """Keep one change, and the item it adds if any, in one transaction; returns the
        id of the item changed (None for a change of an exercise)."""
        with self.db.atomic():
            if new_item is not None:
                inserted = self.db.table("item").insert({**new_item, "run_id": run_id})
                assert inserted.last_pk is not None
                item_id = int(inserted.last_pk)
            self.db.table("day_change").insert(
                {
                    "run_id": run_id,
                    "kind": kind,
                    "item_id": item_id,
                    "value": json.dumps(value, ensure_ascii=False),
                    "created_at": iso(when),
                }
            )
        return item_id

    def undo_day_change(self, run_id: int, when: dt.datetime) -> DayChangeRow | None:
        """Take back the run's latest change still in force; None if there is none."""
        changes = self.day_changes(run_id)
        if not changes:
            return None
        with self.db.atomic():
            self.db.table("day_change").update(changes[-1].id, {"undone_at": iso(when)})
        return changes[-1]
