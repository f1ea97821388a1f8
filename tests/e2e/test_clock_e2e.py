"""A rehearsal in a real terminal, and the projector following it from another one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux

pytestmark = pytest.mark.e2e


def open_term(terms: list[Tmux], width: int = 120, height: int = 35) -> Tmux:
    term = Tmux(width, height)
    terms.append(term)
    return term


def test_rehearsal_plays_the_day_and_the_items_change(terms: list[Tmux], programme: Path) -> None:
    term = open_term(terms)
    term.start(
        [
            "run",
            str(programme),
            "--session",
            "s3",
            "--now",
            "08:29",
            "--speed",
            "120",
            "--autopilot",
        ]
    )
    term.wait_for("Neste: Mestringsorientert ledelse 09:00", timeout=20)
    screen = term.wait_for("Neste: Pause 09:30", timeout=40)
    assert "Mestringsorientert ledelse" in screen
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_projector_follows_the_facilitator(terms: list[Tmux], programme: Path) -> None:
    projector = open_term(terms)
    db = programme.with_name("seljord.tuiroom.db")
    projector.start(["projector", "--db", str(db)])
    projector.wait_for("seljord.tuiroom.db", timeout=20)  # waiting for the database
    facilitator = open_term(terms)
    facilitator.start(["run", str(programme), "--session", "s3"])
    facilitator.wait_for("Denne samlingen er")  # opened on another day than its date
    projector.wait_for("Velkommen!", timeout=10)
    facilitator.keys("Space")
    projector.wait_for("startet", timeout=3)
    facilitator.keys("n")
    started = time.monotonic()
    projector.wait_for("Mestringsorientert ledelse", timeout=3)
    assert time.monotonic() - started < 1.5, "the projector follows within a second"
    facilitator.keys("C-q")
    facilitator.wait_for("EXIT=0")
    screen = projector.wait_for("Neste: Pause", timeout=5)
    assert "Mestringsorientert ledelse" in screen, "still showing the day with nobody at the helm"
    facilitator.close()
    again = open_term(terms)
    again.start(["run", str(programme), "--session", "s3"])
    again.wait_for("Mestringsorientert ledelse")
    again.keys("n")
    projector.wait_for("Neste: Psykologisk trygghet", timeout=3)
