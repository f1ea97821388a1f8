"""Opening the database file without ever harming it.

Everything that can refuse a file (a folder, someone else's database, a damaged file,
one from a newer tuiroom, a lock, no write access) is checked by reading before the
first write, so a refused file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from tuiroom.store.schema import NAMES, SET, TABLE, migrations
from tuiroom.visible import visible

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 2.0


class StoreError(Exception):
    """A database that cannot be used; `code` names the catalogue message (db.*)."""

    def __init__(self, code: str, path: Path | str, **values: object) -> None:
        super().__init__(f"{code}: {path}")
        self.code = code
        self.values = {"path": str(path), **{k: str(v) for k, v in values.items()}}


def check_file(path: Path, write: bool) -> bool:
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


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}


def applied(conn: sqlite3.Connection) -> list[str]:
    """The tuiroom migrations this database records, read with plain SQL."""
    if TABLE not in _tables(conn):
        return []
    rows = conn.execute(f"select name from {TABLE} where migration_set = ? order by rowid", [SET])
    return [r[0] for r in rows]


def _refuse_unknown(conn: sqlite3.Connection, path: Path) -> None:
    """A database that is not ours, or that a newer tuiroom has migrated."""
    tables = _tables(conn)
    done = applied(conn)
    unknown = [name for name in done if name not in NAMES]
    if unknown:
        raise StoreError("newer", path, names=", ".join(unknown))
    ours = {t for t in tables if t != TABLE and not t.startswith("sqlite_")}
    if ours and not done:
        raise StoreError("corrupt", path)


def _refuse_locked(conn: sqlite3.Connection) -> None:
    """Take the write lock and give it back at once: raises if another program holds it.

    In WAL mode readers never block, so only asking for the write lock tells us.
    """
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("ROLLBACK")


def upgrade(conn: sqlite3.Connection) -> None:
    """Apply the migrations this database lacks; sqlite-utils is loaded only if some are."""
    if set(NAMES) <= set(applied(conn)):
        return
    from sqlite_utils import Database

    migrations().apply(Database(conn, execute_plugins=False))


def _text(raw: bytes) -> str:
    """Every TEXT value as it is read: the database is a file anyone can edit, so a
    control character in it is shown as a picture, never sent to a terminal."""
    return visible(raw.decode("utf-8", errors="replace"))


def _connect(target: str | Path, *, uri: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, timeout=timeout, check_same_thread=False)
    conn.text_factory = _text
    return conn


def open_database(path: Path | str) -> sqlite3.Connection:
    """The database at `path`, created or upgraded, in WAL mode with foreign keys on."""
    path = Path(path)
    existed = check_file(path, write=True)
    if not path.exists():
        _create_private(path)
    conn = _connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        if existed:
            _refuse_unknown(conn, path)
            _refuse_locked(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA recursive_triggers=ON")
        upgrade(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _translate(exc, path) from exc
    return conn


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory index beside a WAL database."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def absent_sidecars(path: Path | str) -> tuple[Path, ...]:
    """The sidecars not there now: a reader that finds none must leave none behind."""
    return tuple(p for p in sidecars(Path(path)) if not p.exists())


def remove_sidecars(path: Path | str, absent: tuple[Path, ...]) -> None:
    """Take away the sidecars a reader's connection made (SQLite leaves them when the
    last connection is a read-only one), unless a writer has used the log since."""
    wal, _ = sidecars(Path(path))
    with contextlib.suppress(OSError):
        if wal in absent and wal.exists() and wal.stat().st_size > 0:
            return
        for made in absent:
            made.unlink(missing_ok=True)


def open_reader(path: Path | str) -> sqlite3.Connection:
    """A read-only connection for a second window; it never writes to the file, and a
    refused file is left as it was found."""
    path = Path(path)
    if not check_file(path, write=False):
        raise StoreError("missing", path)
    absent = absent_sidecars(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = _connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        _refuse_unknown(conn, path)
        if not set(NAMES) <= set(applied(conn)):
            raise StoreError("not_ready", path)  # being created or upgraded: look again soon
    except StoreError:
        conn.close()
        remove_sidecars(path, absent)
        raise
    except sqlite3.Error as exc:
        conn.close()
        remove_sidecars(path, absent)
        raise _translate(exc, path) from exc
    return conn


def copy_database(source: Path | str, target: Path | str) -> bool:
    """Copy the database at `source` into the empty file `target` as one consistent
    snapshot, with SQLite's backup API from a read-only connection: `source` is never
    written. False (and nothing copied) when there is no database at `source` yet."""
    source = Path(source)
    if not check_file(source, write=False):
        return False
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        _refuse_unknown(src, source)
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise _translate(exc, source) from exc
    finally:
        src.close()
    return True


def _stored(path: Path | str, column: str) -> str | None:
    """One column of the programme a database last loaded, read without changing
    anything; None when there is no usable database there yet."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            row = conn.execute(f"select {column} from programme where id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None


def stored_digest(path: Path | str) -> str | None:
    """The digest of the programme file a database last loaded."""
    return _stored(path, "source_hash")


def stored_language(path: Path | str) -> str | None:
    """The language of the programme a database last loaded, for a message about it."""
    return _stored(path, "language")


def memory_database() -> sqlite3.Connection:
    """A fresh in-memory database with the full schema, for tests and previews."""
    conn = _connect(":memory:")
    conn.execute("PRAGMA foreign_keys=ON")
    upgrade(conn)
    return conn
