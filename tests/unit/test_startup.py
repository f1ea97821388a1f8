"""The collector held off while a window starts (tuiroom/startup.py): paused by the
commands that open a window, resumed by the first screen, and never left paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tuiroom.cli.main import main
from tuiroom.startup import pause_collector, resume_collector


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_resuming_after_a_pause_collects_again_and_freezes_what_the_start_built() -> None:
    pause_collector()
    assert not gc.isenabled()
    resume_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_resuming_where_nothing_was_paused_freezes_nothing() -> None:
    """A test's app resumes too: in a process that never paused, nothing is frozen."""
    gc.unfreeze()
    resume_collector()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_start_that_fails_before_its_first_frame_leaves_the_collector_on(
    tmp_path: Path,
) -> None:
    """Without a terminal `run` stops with exit 2 before any frame: the collector it
    paused is on again, and nothing was frozen."""
    gc.unfreeze()
    assert main(["run", str(SELJORD), "--db", str(tmp_path / "day.db"), "--lang", "en"]) == 2
    assert gc.isenabled() and gc.get_freeze_count() == 0
