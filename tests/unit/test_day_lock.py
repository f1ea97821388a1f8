"""One facilitator window per database: the hold on the file, its release when the
holder dies however it dies, and the readers (projector, export) it never stops."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tuiroom.paths import rehearsal_db
from tuiroom.programme.loading import load_programme
from tuiroom.store import DayLock, LockProbe, Store, StoreError, is_held

HOLDER = """
import sys, time
from tuiroom.store import DayLock
lock = DayLock.claim(sys.argv[1])
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """Another process that holds tmp_path/day.db, as a facilitator's window does."""
    path = tmp_path / "day.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held"
        yield proc, path
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_second_claim_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    with DayLock.claim(path):
        with pytest.raises(StoreError) as refused:
            DayLock.claim(path)
        assert refused.value.code == "open_elsewhere"
        assert refused.value.values["path"] == str(path)
    DayLock.claim(path).release()


def test_another_process_holding_it_refuses_the_claim(holder) -> None:
    _, path = holder
    assert is_held(path)
    with pytest.raises(StoreError, match="open_elsewhere"):
        DayLock.claim(path)


def test_a_killed_holder_never_blocks_the_next_start(holder) -> None:
    proc, path = holder
    proc.kill()  # SIGKILL: no finally, no atexit, nothing of its own runs
    proc.wait(timeout=10)
    assert not is_held(path)
    DayLock.claim(path).release()


def test_the_projector_and_the_export_read_a_held_database(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    with DayLock.claim(path):
        store = Store.open(path)
        store.load(load_programme(SELJORD))
        store.close()
        reader = Store.reader(path)
        assert [s.key for s in reader.samlinger()] == ["s1", "s3"]
        reader.close()
        probe = LockProbe(path)
        assert probe.held() and probe.held()  # looking takes nothing away
        probe.close()
        with pytest.raises(StoreError):
            DayLock.claim(path)


def test_a_probe_follows_a_file_that_was_replaced(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    probe = LockProbe(path)
    assert not probe.held()  # no file yet, and the probe does not make one
    assert not path.exists()
    first = DayLock.claim(path)
    assert probe.held()
    first.release(remove=True)
    assert not probe.held()
    with DayLock.claim(path):
        assert probe.held()
    probe.close()


def test_a_claim_leaves_no_empty_file_behind_but_keeps_a_database(tmp_path: Path) -> None:
    path = tmp_path / "day.db"
    DayLock.claim(path).release()
    assert not path.exists()
    with DayLock.claim(path):
        Store.open(path).close()
    assert path.stat().st_size > 0


def test_refusals_of_the_file_itself_come_first(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not_file"):
        DayLock.claim(tmp_path)
    with pytest.raises(StoreError, match="folder"):
        DayLock.claim(tmp_path / "nowhere" / "day.db")


@pytest.mark.parametrize(
    ("real", "copy"),
    [
        ("seljord.tuiroom.db", "seljord.rehearsal.tuiroom.db"),
        ("room.db", "room.rehearsal.db"),
        ("room", "room.rehearsal"),
    ],
)
def test_the_rehearsal_copy_lies_beside_the_database(real: str, copy: str) -> None:
    assert rehearsal_db(Path("/x") / real) == Path("/x") / copy
