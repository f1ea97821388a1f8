"""The connection every part of the store shares, and how each part reaches it.

Reads go straight to the sqlite3 connection; writes, migrations and loading go through
sqlite-utils, whose Database is made on the first write (it is slow to import, and a
start-up that only reads should not wait for it).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuiroom.visible import visible_strings

if TYPE_CHECKING:
    from sqlite_utils import Database


Now = Callable[[], dt.datetime]


def wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Connected:
    """A connection and the clock that stamps what is written through it.

    `now` is the opener's clock (the wall clock unless a test fakes it), so every
    created_at, changed_at and updated_at row can be checked against a known instant.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None = None, now: Now = wall_clock
    ) -> None:
        self.conn = conn
        self.path = path
        self.now = now
        self._db: Database | None = None
        self.absent_sidecars: tuple[Path, ...] = ()  # a reader removes them on close

    def stamp(self, timespec: str = "auto") -> str:
        """The clock's now as a UTC ISO 8601 string, the way every row keeps its instants."""
        return self.now().astimezone(dt.UTC).isoformat(timespec=timespec)

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        """The rows of a query as dicts, by column name."""
        cursor = self.conn.execute(sql, list(params))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def row(self, sql: str, params: Sequence[object] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None


def from_json(text: str | None, empty: str = "{}") -> Any:
    """A JSON column read back: json.loads turns an escaped \\u001b into a real control
    character again, so every string in it is made visible as TEXT columns are."""
    return visible_strings(json.loads(text or empty))
