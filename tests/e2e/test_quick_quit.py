"""Ctrl+Q pressed while a screen is still building its second frame quits cleanly.

Each screen shows its first frame at once and mounts the rest (the agenda table, the
footer, a form) a moment later. Quitting in that moment once left a traceback and exit
code 1 on a slow machine; these runs quit as early as a terminal can.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.e2e

SECTIONS = {"agenda": [], "groups": ["2"], "plenum": ["3"], "summary": ["4"], "roles": ["2", "r"]}


@pytest.mark.parametrize("keys", SECTIONS.values(), ids=SECTIONS.keys())
def test_quitting_at_once_exits_0(keys: list[str], programme: Path, terms: list[Tmux]) -> None:
    for _ in range(3):
        term = Tmux(120, 35)
        terms.append(term)
        term.start(["run", str(programme), "--session", "3"])
        term.wait_for("SAMLING 3", poll=0.01)
        term.burst(*keys, "C-q")
        screen = term.wait_for("EXIT=")
        assert "EXIT=0" in screen, screen
        assert "Traceback" not in screen
        term.close()
