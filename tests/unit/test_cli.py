"""The `tuiroom` command: exit codes and messages, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, SELJORD
from tuiroom import __version__
from tuiroom.cli.launch import UserError, load_session
from tuiroom.cli.main import main

DATA_FILES = sorted(DATA.glob("*.toml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_check_passes_on_every_bundled_file(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: OK" in out


def test_check_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--lang", "nb", "check", str(SELJORD)])
    out = capsys.readouterr().out
    assert "Samlinger: 2" in out
    assert "Samling 3 (torsdag 21. september 2023) – punkter: 8, oppgaver: 11" in out
    assert "Nettverksgrupper: 6" in out
    assert "Deltakere: 33 (av dem 2 av og til)" in out
    assert "Planlagte timer: 13 timer og 30 minutter" in out


def test_check_lists_every_error_and_exits_2(write_toml, capsys) -> None:
    path = write_toml("""
        [programme]
        title = "x"
        language = "en"
        [[samling]]
        title = "A"
        [[samling.item]]
        time = "25:00"
        title = "one"
        [[samling.item]]
        time = "08:00 – 07:00"
        title = "two"
        """)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:7: error:" in err
    assert f"{path}:10: error:" in err
    assert "2 errors" in err
    assert "Traceback" not in err


def test_check_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["--lang", "en", "check", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert "nope.toml: error: The file does not exist" in err


def test_warnings_do_not_fail_check(write_toml, capsys) -> None:
    path = write_toml("""
        [programme]
        title = "x"
        [[samling]]
        title = "A"
        [[samling.item]]
        time = "09:00 – 09:10"
        title = "short"
        [[samling.item.exercise]]
        title = "long"
        phases = [{ form = "group", minutes = 20 }]
        """)
    assert main(["check", str(path)]) == 0
    captured = capsys.readouterr()
    assert "advarsel" in captured.err
    assert "OK (1 advarsel)" in captured.out


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"tuiroom {__version__}"


@pytest.mark.parametrize("command", [[], ["run"], ["check"], ["projector"], ["export"]])
def test_help_explains_every_option(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "en", *command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    expected = {
        (): ["--version", "--lang", "run", "check", "open a programme file"],
        ("run",): ["FILE", "--db", "--session", "--lang", "database file"],
        ("check",): ["FILE", "--lang"],
        ("projector",): ["--db", "the database to follow"],
        ("export",): ["--anonymize", "--force", "Markdown"],
    }[tuple(command)]
    for word in expected:
        assert word in out
    assert "cli." not in out and "export.cli" not in out  # keys are translated when shown


def test_help_follows_the_chosen_language(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "nb", "run", "--help"])
    out = capsys.readouterr().out
    assert "åpne en programfil" in out
    assert "open a programme file" not in out


def test_run_with_a_folder_as_database_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["--lang", "en", "run", str(SELJORD), "--db", str(tmp_path)]) == 2
    assert "is a folder, not a database file" in capsys.readouterr().err


def test_run_with_unknown_session_lists_the_choices(tmp_path: Path, capsys) -> None:
    code = main(["run", str(SELJORD), "--db", str(tmp_path / "x.db"), "--session", "7"])
    assert code == 2
    err = capsys.readouterr().err
    assert "Fant ingen samling «7»" in err
    assert "1 (Samling 1) eller 2 (Samling 3)" in err


def test_run_with_bad_programme_leaves_the_database_alone(tmp_path: Path, write_toml) -> None:
    db = tmp_path / "x.db"
    bad = write_toml("""
        [programme]
        title = "x"
        [[samling]]
        title = "S"
        [[samling.item]]
        time = "9"
        title = "y"
        """)
    assert main(["run", str(bad), "--db", str(db)]) == 2
    assert not db.exists()


def test_load_session_picks_the_named_samling(tmp_path: Path) -> None:
    opened = load_session(SELJORD, tmp_path / "x.db", "s1", None)
    try:
        assert opened.store.samling(opened.samling_id).title == "Samling 1"
        assert opened.language == "nb"
    finally:
        opened.store.close()


def test_load_session_defaults_to_the_latest_samling(tmp_path: Path) -> None:
    opened = load_session(SELJORD, tmp_path / "x.db", None, "en")
    try:
        assert opened.store.samling(opened.samling_id).title == "Samling 3"
        assert opened.language == "en"
    finally:
        opened.store.close()


def test_load_session_raises_user_error_for_a_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(UserError, match="ikke en tuiroom-database"):
        load_session(SELJORD, db, None, None)
    assert db.read_bytes() == b"this is not sqlite at all" * 10


COMMAND = Path(sys.executable).parent / "tuiroom"


@pytest.mark.skipif(not COMMAND.exists(), reason="the tuiroom command is not installed")
def test_installed_command_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'[programme]\ntitle = "\xe6"\n')
    done = subprocess.run([str(COMMAND), "check", str(bad)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "UTF-8" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [["run", str(SELJORD)], ["projector"], []], ids=str)
def test_with_no_terminal_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    """From a pipe, cron or </dev/null: one clear line, never escape codes or a hang."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    db = ["--db", str(tmp_path / "day.tuiroom.db")] if command else []
    done = subprocess.run(
        [sys.executable, "-m", "tuiroom", "--lang", "en", *command, *db],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "needs a terminal" in done.stderr and "\x1b" not in done.stderr
