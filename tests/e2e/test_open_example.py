"""The installed `tuiroom` in a real terminal, as a new user meets it."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tests.e2e.tmux import Tmux, require_tmux

pytestmark = pytest.mark.e2e


@pytest.fixture
def term() -> Iterator[Tmux]:
    require_tmux()
    terminal = Tmux(120, 35)
    yield terminal
    terminal.close()


def test_tuiroom_opens_the_example_day(term: Tmux, tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    term.start([], env={"XDG_DATA_HOME": str(data_home), "LANG": "C.UTF-8"})
    term.wait_for("seljord.tuiroom.db")
    screen = term.wait_for("08:30–09:00")
    assert "SAMLING 3" in screen and "Velkommen!" in screen
    db = data_home / "tuiroom" / "seljord.tuiroom.db"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    term.keys("0")
    term.wait_for("Nettverksgrupper")
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_run_keeps_the_database_beside_the_programme(term: Tmux, tmp_path: Path) -> None:
    programme = tmp_path / "dag.toml"
    programme.write_text(SELJORD.read_text("utf-8"), encoding="utf-8")
    term.start(["run", str(programme), "--session", "1"], cwd=tmp_path)
    screen = term.wait_for("Velkommen til første ledersamling")
    assert "SAMLING 1" in screen
    assert (tmp_path / "dag.tuiroom.db").exists()
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_a_bad_file_gets_one_message_and_exit_2(term: Tmux, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[programme]\ntitle = "x"\n[[samling]]\ntitle = "S"\n'
        '[[samling.item]]\ntime = "25:00"\ntitle = "y"\n',
        encoding="utf-8",
    )
    term.start(["run", str(bad)])
    screen = term.wait_for("EXIT=2")
    assert f"{bad}:6: feil" in screen
    assert "Traceback" not in screen
