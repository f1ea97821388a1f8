"""The projector in a real 100x30 terminal pages through twelve groups' role cards by
itself: every group's people come round within one cycle of pages."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.crowd import group_name, programme_text
from tests.e2e.tmux import Tmux
from tuiroom.store import Store

pytestmark = pytest.mark.e2e

PAGE_SECONDS = 3


def role_lines(db: Path) -> list[tuple[str, str]]:
    """What the facilitator put on the projector: every role with its person."""
    store = Store.reader(db)
    run = store.latest_run()
    stage = store.stage(run.id) if run else None
    store.close()
    cards = stage.payload.get("cards", []) if stage else []
    assert isinstance(cards, list)
    return [(str(role), str(name)) for card in cards for role, name in card["lines"]]


def test_twelve_groups_all_come_round_on_a_100x30_projector(
    terms: list[Tmux], tmp_path: Path
) -> None:
    programme = tmp_path / "storsamling.toml"
    programme.write_text(programme_text(12, 5, PAGE_SECONDS), encoding="utf-8")
    facilitator = Tmux(120, 35)
    terms.append(facilitator)
    facilitator.start(["run", str(programme), "--session", "s1"])
    facilitator.wait_for("Plan: ferdig")  # today, or planned on another date
    facilitator.keys("2", "r")
    facilitator.wait_for("Ingen roller trukket")
    facilitator.keys("t")
    facilitator.wait_for("Sekretær / melder i plenum")
    facilitator.keys("v")
    facilitator.wait_for("Vises på projektoren")
    db = tmp_path / "storsamling.tuiroom.db"
    names = {name for _, name in role_lines(db)}
    assert len(names) == 36

    projector = Tmux(100, 30)
    terms.append(projector)
    projector.start(["projector", "--db", str(db)])
    screen = projector.wait_for("side 1 av", timeout=20)
    found = re.search(r"side 1 av (\d+)", screen)
    pages = int(found.group(1)) if found else 0
    seen = screen
    deadline = time.monotonic() + pages * PAGE_SECONDS + 2
    while time.monotonic() < deadline:
        time.sleep(0.5)
        seen += projector.text()
    assert all(f"│ {group_name(n)} " in seen for n in range(12))
    assert "│ Sekretær / melder i plenum │" in seen, "the secretary's line is shown whole"
    missing = {name for name in names if name not in seen}
    assert names and not missing, f"never on the projector: {sorted(missing)}"
    assert f"side {pages} av {pages}" in seen
