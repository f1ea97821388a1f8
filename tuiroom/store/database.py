"""Opening the database file without ever harming it.

Everything that can refuse a file (a folder, someone else's database, a damaged file,
one from a newer tuiroom, a lock, no write access) is checked by reading before the
first write, so a refused file is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from sqlite_utils import Database

from tuiroom.store.schema import MIGRATIONS, NAMES

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 2.0


class StoreError(Exception):
    """A database that cannot be used; `code` names the catalogue message (db.*)."""

    def __init__(self, code: str, path: Path | str, **values: object) -> None:
        super().__init__(f"{code}: {path}")
        self.code = code
        self.values = {"path": str(path), **{k: str(v) for k, v in values.items()}}


def _check_file(path: Path, write: bool) -> bool:
    """Refuse what is plainly not usable; True if the file exists with content."""
    if path.is_dir():
        raise StoreError("not_file", path)
    folder = path.parent if str(path.parent) else Path(".")
    if write and not (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)):
        raise StoreError("folder", folder)
    if not path.exists():
        return False
    if write and (not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR):
        raise StoreError("readonly", path)
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise StoreError("corrupt", path)
    return bool(head)


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite opens it."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError("locked", path)
    if "readonly" in text or "read-only" in text:
        return StoreError("readonly", path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError("corrupt", path)
    return StoreError("failed", path, reason=str(exc))


def _refuse_unknown(db: Database, path: Path) -> None:
    """A database that is not ours, or that a newer tuiroom has migrated."""
    tables = set(db.table_names())
    applied = (
        [m.name for m in MIGRATIONS.applied(db)] if MIGRATIONS.migrations_table in tables else []
    )
    unknown = [name for name in applied if name not in NAMES]
    if unknown:
        raise StoreError("newer", path, names=", ".join(unknown))
    ours = tables - {MIGRATIONS.migrations_table} - {t for t in tables if t.startswith("sqlite_")}
    if ours and not applied:
        raise StoreError("corrupt", path)


def _refuse_locked(conn: sqlite3.Connection) -> None:
    """Take the write lock and give it back at once: raises if another program holds it.

    In WAL mode readers never block, so only asking for the write lock tells us.
    """
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("ROLLBACK")


def open_database(path: Path | str) -> Database:
    """The database at `path`, created or upgraded, in WAL mode with foreign keys on."""
    path = Path(path)
    existed = _check_file(path, write=True)
    if not path.exists():
        _create_private(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        db = Database(conn, execute_plugins=False)
        if existed:
            _refuse_unknown(db, path)
            _refuse_locked(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        MIGRATIONS.apply(db)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _translate(exc, path) from exc
    return db


def open_reader(path: Path | str) -> Database:
    """A read-only connection for a second window; it never writes to the file."""
    path = Path(path)
    if not _check_file(path, write=False):
        raise StoreError("missing", path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        db = Database(conn, execute_plugins=False)
        _refuse_unknown(db, path)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _translate(exc, path) from exc
    return db


def memory_database() -> Database:
    """A fresh in-memory database with the full schema, for tests and previews."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys=ON")
    MIGRATIONS.apply(db)
    return db
