"""The only place that talks SQL. Screens and the export call a Store; nothing else
touches the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tuiroom.store.answers import AnswerQueries
from tuiroom.store.base import Now, from_json, wall_clock
from tuiroom.store.database import (
    StoreError,
    absent_sidecars,
    copy_database,
    memory_database,
    open_database,
    open_reader,
    remove_sidecars,
    stored_digest,
    stored_language,
)
from tuiroom.store.day_changes import DayChangeQueries
from tuiroom.store.groups import GroupQueries
from tuiroom.store.lock import DayLock, LockProbe, is_held
from tuiroom.store.programme_rows import ProgrammeQueries
from tuiroom.store.timing import TimingQueries

if TYPE_CHECKING:
    from tuiroom.programme.models import Programme

__all__ = [
    "DayLock",
    "LockProbe",
    "Now",
    "Store",
    "StoreError",
    "copy_database",
    "digest_of",
    "is_held",
    "memory_database",
    "open_database",
    "open_reader",
    "stored_digest",
    "stored_language",
    "wall_clock",
]


def digest_of(text: str) -> str:
    """The fingerprint of a programme file's text, to see whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(ProgrammeQueries, TimingQueries, GroupQueries, AnswerQueries, DayChangeQueries):
    """Everything tuiroom keeps, in one SQLite file (see Connected for how it is reached)."""

    @classmethod
    def open(cls, path: Path | str, now: Now = wall_clock) -> Store:
        return cls(open_database(path), Path(path).resolve(), now)

    @classmethod
    def reader(cls, path: Path | str, now: Now = wall_clock) -> Store:
        absent = absent_sidecars(path)
        store = cls(open_reader(path), Path(path), now)
        store.absent_sidecars = absent
        return store

    @classmethod
    def memory(cls, now: Now = wall_clock) -> Store:
        return cls(memory_database(), None, now)

    def load(
        self,
        programme: Programme,
        source: Path | str = "",
        text: str = "",
        warnings: Sequence[str] = (),
    ) -> None:
        """Bring the store up to date with a programme file; safe to repeat."""
        from tuiroom.store.sync import sync_programme  # pydantic only when a file changed

        digest = digest_of(text) if text else ""
        sync_programme(self.db, programme, str(source), digest, warnings, loaded_at=self.now())

    def loaded(self) -> tuple[str, list[str]]:
        """The digest of the file last loaded and the warnings it gave."""
        row = self.row("select source_hash, warnings from programme where id = 1")
        if row is None:
            return "", []
        return row["source_hash"] or "", from_json(row["warnings"], "[]")

    def close(self) -> None:
        """Close the file; a reader leaves nothing beside it that it did not find."""
        self.conn.close()
        if self.absent_sidecars and self.path is not None and not is_held(self.path):
            remove_sidecars(self.path, self.absent_sidecars)
