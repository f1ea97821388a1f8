"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tuiroom.i18n import set_language
from tuiroom.programme.loading import load_programme
from tuiroom.programme.models import Programme
from tuiroom.store import Store

# Parsed catalogues are cached per user (tuiroom.i18n); tests keep theirs to themselves,
# and so do the processes the end-to-end tests start.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tuiroom-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SELJORD = DATA / "seljord.toml"


@pytest.fixture(autouse=True)
def bokmal() -> Iterator[None]:
    """Every test starts in bokmål, whatever the one before switched to."""
    set_language("nb")
    yield
    set_language("nb")


@pytest.fixture
def seljord() -> Programme:
    return load_programme(SELJORD)


@pytest.fixture
def store() -> Iterator[Store]:
    """A fresh in-memory store with the full schema."""
    fresh = Store.memory()
    yield fresh
    fresh.close()


@pytest.fixture
def seljord_store(store: Store, seljord: Programme) -> Store:
    store.load(seljord, SELJORD, SELJORD.read_text("utf-8"))
    return store


@pytest.fixture
def write_toml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented TOML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "programme.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def ranked_store(tmp_path: Path) -> Store:
    """Samling 3 with the diamond exercise answered as a ranked list instead."""
    text = SELJORD.read_text("utf-8").replace('answer = "diamond"', 'answer = "ranked"')
    path = tmp_path / "seljord-ranked.toml"
    path.write_text(text, encoding="utf-8")
    store = Store.memory()
    store.load(load_programme(path), path, text)
    return store
