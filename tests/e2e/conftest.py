"""What the end-to-end tests share: a copy of the example programme to open, and the
tmux terminals a test opened, closed after it whatever happens."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tests.e2e.tmux import Tmux, require_tmux


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    path = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, path)
    return path


@pytest.fixture
def terms() -> Iterator[list[Tmux]]:
    require_tmux()
    opened: list[Tmux] = []
    yield opened
    for term in opened:
        term.close()
