"""The only place that talks SQL. Screens and the export call a Store; nothing else
touches the database.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from tuiroom.programme import Programme
from tuiroom.store.database import StoreError, memory_database, open_database, open_reader
from tuiroom.store.programme_rows import ProgrammeQueries
from tuiroom.store.sync import sync_programme
from tuiroom.store.timing import TimingQueries

__all__ = ["Store", "StoreError", "memory_database", "open_database", "open_reader"]


class Store(ProgrammeQueries, TimingQueries):
    """Everything tuiroom keeps, in one SQLite file handed in as a sqlite-utils Database."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Store:
        return cls(open_database(path), Path(path).resolve())

    @classmethod
    def reader(cls, path: Path | str) -> Store:
        return cls(open_reader(path), Path(path))

    @classmethod
    def memory(cls) -> Store:
        return cls(memory_database())

    def load(self, programme: Programme, source: Path | str = "", text: str = "") -> None:
        """Bring the store up to date with a programme file; safe to repeat."""
        digest = hashlib.sha256(text.encode()).hexdigest() if text else ""
        sync_programme(self.db, programme, str(source), digest)

    def close(self) -> None:
        self.db.close()
