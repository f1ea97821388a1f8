"""From an agenda on a slide to the day on screen, as a new user does it: `tuiroom new
--from` on the agenda text, then `tuiroom run` on the file it wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.e2e

AGENDA = Path(__file__).resolve().parents[1] / "unit" / "agendas" / "samling-3.txt"


def test_new_from_an_agenda_then_run_shows_the_first_item(
    terms: list[Tmux], tmp_path: Path
) -> None:
    shutil.copy(AGENDA, tmp_path / "agenda.txt")
    env = {"LANG": "C.UTF-8", "XDG_DATA_HOME": str(tmp_path / "data")}
    making = Tmux(100, 30)
    terms.append(making)
    making.start(["new", "dag.toml", "--from", "agenda.txt"], env=env, cwd=tmp_path)
    screen = making.wait_for("EXIT=")
    assert "EXIT=0" in screen and "Wrote dag.toml: 8 items from agenda.txt." in screen
    assert (tmp_path / "dag.toml").exists()

    running = Tmux(120, 35)
    terms.append(running)
    running.start(["run", "dag.toml"], env=env, cwd=tmp_path)
    screen = running.wait_for("08:30–09:00")  # the agenda table, a moment after the clock
    assert "Velkommen!" in screen and "SAMLING 3" in screen
    assert (tmp_path / "dag.tuiroom.db").exists()
    running.keys("C-q")
    running.wait_for("EXIT=0")
