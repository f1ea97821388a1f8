"""`tuiroom export`: where the file goes, exit codes, messages that name the file, and a
write that either happens whole or leaves the old file as it was. Never a traceback."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tests.unit.test_export import run_the_day
from tuiroom.cli.launch import load_session
from tuiroom.cli.main import main
from tuiroom.notes import files as notes_files


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """Seljord beside its database, as `tuiroom run` leaves it after a day."""
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    session = load_session(file, tmp_path / "seljord.tuiroom.db", None, "nb")
    try:
        run_the_day(session.store)
    finally:
        session.store.close()
    return file


def export_cli(*args: str) -> int:
    return main(["export", *args, "--lang", "nb"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files(folder: Path) -> list[str]:
    """The folder's files, SQLite's -wal and -shm included: a read-only command leaves
    nothing beside a database it did not open for writing."""
    return sorted(p.name for p in folder.iterdir())


def test_writes_beside_the_database_and_says_where(programme: Path, capsys) -> None:
    assert export_cli(str(programme)) == 0
    written = programme.with_name("seljord-samling-3.md")
    assert written.read_text("utf-8").startswith("# Samling 3\n")
    assert capsys.readouterr().out == f"Notatene er skrevet til {written}\n"


def test_an_existing_file_is_kept_without_force(programme: Path, capsys) -> None:
    target = programme.with_name("seljord-samling-3.md")
    target.write_text("gamle notater", "utf-8")
    assert export_cli(str(programme)) == 2
    err = capsys.readouterr().err
    assert err == (
        f"{target} finnes allerede. Bruk --force for å erstatte den, "
        "eller velg et annet navn med -o.\n"
    )
    assert target.read_text("utf-8") == "gamle notater"


def test_force_replaces_the_file(programme: Path) -> None:
    target = programme.with_name("seljord-samling-3.md")
    target.write_text("gamle notater", "utf-8")
    assert export_cli(str(programme), "--force") == 0
    assert target.read_text("utf-8").startswith("# Samling 3\n")


def test_session_output_and_db(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "notater.md"
    db = programme.with_name("seljord.tuiroom.db")
    assert export_cli("--db", str(db), "--session", "1", "-o", str(out)) == 0
    assert out.read_text("utf-8").startswith("# Samling 1\n")


def test_programme_goes_to_one_file_named_after_the_database(programme: Path) -> None:
    assert export_cli(str(programme), "--programme") == 0
    text = programme.with_name("seljord.md").read_text("utf-8")
    assert text.startswith("# Lederutviklingsprogram\n")
    assert "## Innhold" in text
    assert "## Datoer nettverk" in text


def test_anonymize_leaves_out_every_name(programme: Path) -> None:
    assert export_cli(str(programme), "--anonymize", "--programme") == 0
    text = programme.with_name("seljord.md").read_text("utf-8")
    assert "Tor Arne Myrvold" not in text
    assert "Oppmøte" not in text


def test_lang_chooses_the_document_language(programme: Path) -> None:
    assert main(["export", str(programme), "--lang", "en"]) == 0
    assert "## Agenda\n" in programme.with_name("seljord-samling-3.md").read_text("utf-8")


def test_session_and_programme_together_is_a_usage_error(programme: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        export_cli(str(programme), "--session", "1", "--programme")
    assert exited.value.code == 2
    assert "--programme" in capsys.readouterr().err


def test_unknown_session(programme: Path, capsys) -> None:
    assert export_cli(str(programme), "--session", "9") == 2
    assert "Fant ingen samling «9»" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/notater.md", "Mappen {tmp}/missing finnes ikke."),
        (".", "{tmp} er en mappe, ikke en fil."),
    ],
)
def test_a_bad_output_path_is_named(
    programme: Path, tmp_path: Path, capsys, where: str, message: str
) -> None:
    out = tmp_path / where if where != "." else tmp_path
    assert export_cli(str(programme), "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert message.format(tmp=tmp_path) in err
    assert "Traceback" not in err


def test_a_missing_database_is_named_and_not_created(tmp_path: Path, capsys) -> None:
    db = tmp_path / "nope.tuiroom.db"
    assert export_cli("--db", str(db)) == 2
    assert f"Fant ingen database {db}." in capsys.readouterr().err
    assert not db.exists()


def test_a_file_that_is_no_database(tmp_path: Path, capsys) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("ikke en database", "utf-8")
    assert export_cli("--db", str(db)) == 2
    assert f"{db} er ikke en tuiroom-database" in capsys.readouterr().err
    assert files(tmp_path) == ["notes.txt"]


def test_a_refused_database_gets_no_files_beside_it(programme: Path, capsys) -> None:
    """A database from a newer tuiroom is refused by export and the projector alike, and
    SQLite's -wal and -shm are not left beside it."""
    import sqlite3

    db = programme.with_name("seljord.tuiroom.db")
    conn = sqlite3.connect(db)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('tuiroom', '9999_future', '2099-01-01 00:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    before = files(programme.parent)
    assert export_cli("--db", str(db)) == 2
    assert files(programme.parent) == before
    from tuiroom.store import Store, StoreError

    with pytest.raises(StoreError):
        Store.reader(db)
    assert files(programme.parent) == before


def test_an_export_killed_while_writing_leaves_nothing_for_good(programme: Path) -> None:
    """The temporary file of a writer that is gone is swept at the next export there;
    one whose writer still runs is left alone."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    folder = programme.parent
    gone = folder / f".seljord-samling-3.md.{dead.stdout.strip()}.k2j4x9q1.tmp"
    older = folder / ".seljord-samling-3.md.q8x1zz3a.tmp"  # before the pid was in the name
    running = folder / f".seljord-samling-3.md.{os.getpid()}.a1b2c3d4.tmp"
    for leftover in (gone, older, running):
        leftover.write_text("# halvskrevet", "utf-8")
    assert export_cli(str(programme)) == 0
    assert not gone.exists() and not older.exists()
    assert running.exists()
    assert (folder / "seljord-samling-3.md").read_text("utf-8").startswith("# ")


def test_export_never_writes_to_the_database(programme: Path) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    before = (digest(db), files(programme.parent))
    assert export_cli(str(programme)) == 0
    after = [name for name in files(programme.parent) if name != "seljord-samling-3.md"]
    assert (digest(db), after) == before


def test_a_failed_rename_leaves_the_old_file_intact(
    programme: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    target = programme.with_name("seljord-samling-3.md")
    target.write_text("gamle notater", "utf-8")
    before = files(programme.parent)

    def full_disk(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(notes_files.os, "replace", full_disk)
    assert export_cli(str(programme), "--force") == 2
    err = capsys.readouterr().err
    assert f"Kunne ikke skrive {target}: No space left on device." in err
    assert "er ikke endret" in err
    assert target.read_text("utf-8") == "gamle notater"
    assert files(programme.parent) == before  # no temporary file left behind


def test_a_failure_while_writing_leaves_nothing_behind(
    programme: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files(programme.parent)

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(notes_files.os, "fsync", broken)
    assert export_cli(str(programme)) == 2
    assert files(programme.parent) == before


def test_write_atomic_refuses_then_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert notes_files.write_atomic(target, "én\n") == target
    with pytest.raises(notes_files.ExportError) as refused:
        notes_files.write_atomic(target, "to\n")
    assert refused.value.code == "exists"
    notes_files.write_atomic(target, "to\n", force=True)
    assert target.read_bytes() == b"to\n"
    assert files(tmp_path) == ["a.md"]


def test_the_real_command_prints_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tuiroom", "export", "--db", str(tmp_path / "nope.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": ""},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("No database")
    assert "Traceback" not in done.stderr


def test_a_new_file_is_private_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    fresh = notes_files.write_atomic(tmp_path / "ny.md", "x\n")
    assert fresh.stat().st_mode & 0o777 == 0o600
    shared = tmp_path / "delt.md"
    shared.write_text("gammel\n", "utf-8")
    shared.chmod(0o644)
    notes_files.write_atomic(shared, "ny\n", force=True)
    assert shared.stat().st_mode & 0o777 == 0o644


def test_messages_name_the_file_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("x", "utf-8")
    with pytest.raises(notes_files.ExportError) as refused:
        notes_files.write_atomic(Path("a.md"), "y")
    assert refused.value.values["path"] == str(tmp_path / "a.md")


def test_a_damaged_database_gives_a_message(programme: Path, tmp_path: Path, capsys) -> None:
    whole = programme.with_name("seljord.tuiroom.db").read_bytes()
    broken = tmp_path / "broken.db"
    broken.write_bytes(whole[: len(whole) // 2])
    assert export_cli("--db", str(broken), "-o", str(tmp_path / "b.md")) == 2
    err = capsys.readouterr().err
    assert str(broken) in err
    assert "Traceback" not in err
