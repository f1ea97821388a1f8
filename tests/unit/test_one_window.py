"""One facilitator window per database: a second `tuiroom run` on the same day says so
and leaves the database exactly as it was (exit 2), and a rehearsal is held the same way."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tuiroom.cli.launch import UserError, facilitator_window, load_session
from tuiroom.cli.main import main
from tuiroom.paths import rehearsal_db
from tuiroom.store import DayLock, is_held

HOLDER = """
import sys, time
from tuiroom.store import DayLock
lock = DayLock.claim(sys.argv[1])
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """Seljord with its database beside it, loaded once; then the file was edited, so a
    start that went ahead would load it into the database again."""
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    load_session(file, tmp_path / "seljord.tuiroom.db", None, "nb").store.close()
    file.write_text(file.read_text("utf-8") + "\n# edited\n", "utf-8")
    return file


def files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_second_run_on_the_same_day_is_refused_and_writes_nothing(
    programme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    before = files(programme.parent)
    with DayLock.claim(db):
        assert main(["run", str(programme), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"The day in {db} is already open in another tuiroom window (or a rehearsal of it "
        "is). Close it there first, then try again.\n"
    )
    assert files(programme.parent) == before


def test_the_refusal_speaks_the_programme_language(
    programme: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    db = programme.with_name("seljord.tuiroom.db")
    with DayLock.claim(db):
        assert main(["run", str(programme)]) == 2
    assert capsys.readouterr().err.startswith(f"Dagen i {db} er allerede åpen i et annet")


def test_a_second_tuiroom_process_exits_2_with_one_line(programme: Path) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        env = {**os.environ, "LANG": "C.UTF-8"}
        done = subprocess.run(
            [sys.executable, "-m", "tuiroom.cli.main", "run", str(programme), "--lang", "nn"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"Dagen i {db} er alt open i eit anna tuiroom-vindauge (eller ei øving av han er "
        "det). Lukk han der først, og prøv att."
    ]
    assert "Traceback" not in done.stderr


def test_a_window_holds_its_day_until_it_closes(programme: Path) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    with facilitator_window(programme, db, "s3", "nb") as opened:
        assert opened.store.path == db.resolve()
        assert is_held(db)
        for rehearsal in (False, True):
            second = facilitator_window(programme, db, "s3", "nb", rehearsal=rehearsal)
            with pytest.raises(UserError, match="er allerede åpen"), second:
                pass
    assert not is_held(db)
    assert not rehearsal_db(db).exists()


def test_a_rehearsal_holds_the_day_too(programme: Path) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    copy = rehearsal_db(db)
    with facilitator_window(programme, db, "s3", "nb", rehearsal=True) as opened:
        assert opened.store.path == copy.resolve()
        assert is_held(copy)
        for rehearsal in (False, True):
            second = facilitator_window(programme, db, "s3", "nb", rehearsal=rehearsal)
            with pytest.raises(UserError, match=f"Dagen i {db} er allerede åpen"), second:
                pass
    assert not copy.exists()
    with facilitator_window(programme, db, "s3", "nb"):
        pass


def test_a_rehearsal_with_no_real_day_yet_creates_none(tmp_path: Path) -> None:
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    db = tmp_path / "seljord.tuiroom.db"
    with facilitator_window(file, db, "s3", "nb", rehearsal=True) as opened:
        assert [s.key for s in opened.store.samlinger()] == ["s1", "s3"]
        assert not db.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seljord.toml"]


def test_a_start_during_a_first_rehearsal_is_refused_in_its_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    db = tmp_path / "seljord.tuiroom.db"
    with facilitator_window(file, db, "s3", None, rehearsal=True):
        assert main(["run", str(file)]) == 2
        assert not db.exists()
    assert capsys.readouterr().err.startswith(f"Dagen i {db} er allerede åpen i et annet")
