"""The database file is never harmed: refused files are left byte for byte as they were,
new files are private, a failed load rolls back, and a reader never writes."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import tuiroom.store.database
import tuiroom.store.sync
from tests.conftest import SELJORD
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store, StoreError
from tuiroom.store.schema import NAMES

SIBLINGS = ("-wal", "-shm", "-journal")


# ── helpers ──────────────────────────────────────────────────────────────────────────


def snapshot(path: Path) -> dict[str, Any]:
    """What a refusal must not change: the bytes, the mode and which siblings exist."""
    state: dict[str, Any] = {
        "exists": path.exists(),
        "is_dir": path.is_dir(),
        "bytes": path.read_bytes() if path.is_file() else None,
        "mode": stat.S_IMODE(path.stat().st_mode) if path.exists() else None,
        "listing": sorted(os.listdir(path)) if path.is_dir() else None,
        "folder": path.parent.is_dir(),
    }
    for suffix in SIBLINGS:
        state[suffix] = Path(f"{path}{suffix}").exists()
    return state


def dump(db_conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    names = [
        r[0]
        for r in db_conn.execute(
            "select name from sqlite_master where type = 'table' order by name"
        )
    ]
    out = {
        # order by 1: the full-text index keeps tables without rowid
        name: db_conn.execute(f"select * from [{name}] order by 1").fetchall()
        for name in names
    }
    out["<sqlite_master>"] = db_conn.execute(
        "select type, name, sql from sqlite_master order by type, name"
    ).fetchall()
    return out


def make_tuiroom_db(path: Path) -> Path:
    """A real tuiroom database holding the Seljord programme, closed cleanly."""
    store = Store.open(path)
    store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    store.close()
    assert not Path(f"{path}-wal").exists()
    return path


def refuse(path: Path, code: str, opener: Callable[[Path], Store] = Store.open) -> StoreError:
    """Open `path` expecting a refusal with `code`; the file must be untouched."""
    before = snapshot(path)
    opened: Store | None = None
    try:
        opened = opener(path)
    except StoreError as exc:
        error: StoreError | None = exc
    else:
        error = None
        opened.close()
    assert error is not None, f"{path} was opened; expected StoreError({code!r})"
    assert error.code == code, f"expected {code!r}, got {error.code!r} ({error.values})"
    assert snapshot(path) == before
    return error


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# ── a new file is private ────────────────────────────────────────────────────────────


def test_new_database_file_is_owner_only(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "private.db"
    store = Store.open(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        # SQLite gives its side files the database's own permissions.
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
    finally:
        store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_new_database_file_is_owner_only_even_with_an_open_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = Store.open(tmp_path / "open-umask.db")
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "open-umask.db").stat().st_mode) == 0o600


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = make_tuiroom_db(tmp_path / "kept.db")
    path.chmod(0o640)
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# ── refusals leave the file exactly as it was ────────────────────────────────────────


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep me")
    refuse(folder, "not_file")
    assert (folder / "inside.txt").read_text() == "keep me"


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "tuiroom.db"
    error = refuse(path, "folder")
    assert not path.parent.exists()
    assert error.values["path"] == str(path.parent)


def test_file_without_owner_write_bit_is_refused(tmp_path: Path) -> None:
    path = make_tuiroom_db(tmp_path / "readonly.db")
    path.chmod(0o400)
    try:
        refuse(path, "readonly")
        assert stat.S_IMODE(path.stat().st_mode) == 0o400
    finally:
        path.chmod(0o600)


def test_random_bytes_are_refused_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    data = random.Random(20230921).randbytes(8192)
    assert not data.startswith(b"SQLite format 3\x00")
    path.write_bytes(data)
    refuse(path, "corrupt")
    assert path.read_bytes() == data


def test_sqlite_header_with_garbage_is_refused_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    data = b"SQLite format 3\x00" + random.Random(7).randbytes(8192 - 16)
    path.write_bytes(data)
    refuse(path, "corrupt")
    assert path.read_bytes() == data


@pytest.mark.parametrize("other_migrations", [False, True], ids=["plain", "own-migrations"])
def test_another_applications_database_is_refused(tmp_path: Path, other_migrations: bool) -> None:
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    conn.execute("create table accounts (id integer primary key, owner text, balance int)")
    conn.executemany(
        "insert into accounts (owner, balance) values (?, ?)", [("Kari", 100), ("Ola", 250)]
    )
    if other_migrations:
        conn.execute(
            "create table _sqlite_migrations (id integer primary key, "
            "migration_set text, name text, applied_at text)"
        )
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('bank', '0001_accounts', '2023-01-01')"
        )
    conn.commit()
    conn.close()
    refuse(path, "corrupt")
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        assert "programme" not in tables
        assert conn.execute("select owner, balance from accounts order by id").fetchall() == [
            ("Kari", 100),
            ("Ola", 250),
        ]
    finally:
        conn.close()


def test_database_from_a_newer_tuiroom_is_refused(tmp_path: Path) -> None:
    path = make_tuiroom_db(tmp_path / "newer.db")
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('tuiroom', '9999_future', '2099-01-01 00:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    error = refuse(path, "newer")
    assert "9999_future" in str(error.values.get("names"))
    # A reader refuses it too, and never writes to the database file itself. (A
    # read-only SQLite connection may leave empty -wal/-shm files behind, so only the
    # main file is compared here.)
    original = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.reader(path).close()
    assert caught.value.code == "newer"
    assert path.read_bytes() == original


def test_an_unknown_migration_set_alone_is_not_newer(tmp_path: Path) -> None:
    """Only the 'tuiroom' set counts: another tool's migrations are not ours."""
    path = make_tuiroom_db(tmp_path / "mixed.db")
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('plugin', '9999_other', '2099-01-01')"
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    try:
        names = [
            r[0]
            for r in store.db.conn.execute(
                "select name from _sqlite_migrations where migration_set = 'tuiroom' order by id"
            )
        ]
        assert names == NAMES
    finally:
        store.close()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_locked_database_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journal: str
) -> None:
    """Another connection holds BEGIN EXCLUSIVE. A tuiroom file is in WAL mode ("wal");
    the same file switched to a rollback journal ("delete") is checked as well."""
    monkeypatch.setattr(tuiroom.store.database, "BUSY_TIMEOUT_S", 0.2)
    path = make_tuiroom_db(tmp_path / f"locked-{journal}.db")
    if journal == "delete":
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
        conn.close()
    locker = sqlite3.connect(path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        refuse(path, "locked")
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    # Once the lock is gone the same file opens and takes writes.
    store = Store.open(path)
    try:
        store.set_setting("after", "lock")
        assert store.setting("after") == "lock"
    finally:
        store.close()


# ── a failed load rolls back ─────────────────────────────────────────────────────────


EDITS = (
    ('title = "Lederutviklingsprogram"', 'title = "Lederutviklingsprogram 2024"'),
    ('"Solveig Brekkestø", ', ""),
    ('members = ["Bente Rui",', 'members = ["Ny Person", "Bente Rui",'),
    (
        'meetings = ["11.05.23 EL", "19.06.23 EL", "03.11.23 EL", "04.12.23 FL"]',
        'meetings = ["12.05.23 EL"]',
    ),
    ('title = "Samling 1"', 'title = "Første samling"'),
    ('title = "Mål og rammer for lederutviklingsprogrammet"', 'title = "Mål og rammer"'),
    ('"Hva er det viktigste vi skal levere?"', '"Hva skal vi levere?"'),
    ('title = "Velkommen!"', 'title = "Velkommen tilbake!"'),
)


def edited_seljord(write_toml: Callable[..., Path]) -> Path:
    text = SELJORD.read_text("utf-8")
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    return write_toml(text, "seljord-edited.toml")


def test_failed_load_leaves_earlier_data_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_toml: Callable[..., Path]
) -> None:
    path = make_tuiroom_db(tmp_path / "rollback.db")
    edited = edited_seljord(write_toml)
    store = Store.open(path)
    try:
        store.set_setting("theme", "dark")
        before = dump(store.db.conn)

        real_items = tuiroom.store.sync._items
        calls: list[int] = []

        def failing_items(db: Any, samling_id: int, samling: Any) -> None:
            calls.append(samling_id)
            if len(calls) > 1:
                raise RuntimeError("disk pulled out mid-load")
            real_items(db, samling_id, samling)

        monkeypatch.setattr(tuiroom.store.sync, "_items", failing_items)
        with pytest.raises(RuntimeError, match="mid-load"):
            store.load(load_programme(edited), edited, edited.read_text("utf-8"))
        assert len(calls) == 2  # the first samling had been written when it failed
        assert not store.db.conn.in_transaction
        assert dump(store.db.conn) == before
    finally:
        store.close()

    # What is on disk is the earlier state too.
    conn = sqlite3.connect(path)
    try:
        assert dump(conn) == before
    finally:
        conn.close()

    # The same edited file, loaded without the failure, does change every table that
    # the comparison above covers: the rollback is what kept them.
    monkeypatch.undo()
    store = Store.open(path)
    try:
        store.load(load_programme(edited), edited, edited.read_text("utf-8"))
        after = dump(store.db.conn)
        for table in ("programme", "samling", "item", "question", "person", "meeting"):
            assert after[table] != before[table], table
    finally:
        store.close()


# ── the reader ───────────────────────────────────────────────────────────────────────


def test_reader_reads_but_never_writes(tmp_path: Path) -> None:
    path = make_tuiroom_db(tmp_path / "shared.db")
    original = path.read_bytes()
    reader = Store.reader(path)
    try:
        assert [s.title for s in reader.samlinger()] == ["Samling 1", "Samling 3"]
        assert len(reader.groups()) == 6
        with pytest.raises(sqlite3.OperationalError):
            reader.set_setting("theme", "dark")
        with pytest.raises(sqlite3.OperationalError):
            reader.db.execute("delete from person")
        with pytest.raises(sqlite3.OperationalError):
            reader.load(load_programme(SELJORD), SELJORD, "changed text")
        assert reader.setting("theme") == ""
        assert len(list(reader.db.query("select id from person"))) == 33
    finally:
        reader.close()
    assert path.read_bytes() == original


def test_reader_sees_what_the_writer_commits(tmp_path: Path) -> None:
    path = make_tuiroom_db(tmp_path / "live.db")
    writer = Store.open(path)
    reader = Store.reader(path)
    try:
        writer.set_setting("timer", "running")
        assert reader.setting("timer") == "running"
    finally:
        reader.close()
        writer.close()


def test_reader_refuses_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    error = refuse(path, "missing", Store.reader)
    assert error.values["path"] == str(path)
    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_reader_refuses_a_directory(tmp_path: Path) -> None:
    refuse(tmp_path, "not_file", Store.reader)
