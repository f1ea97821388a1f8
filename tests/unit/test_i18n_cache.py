"""The parsed catalogues kept between starts: used when fresh, replaced when the TOML
changes, and never a reason to fail."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tuiroom import i18n


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the catalogues and an empty cache folder, both only this test's."""
    folder = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, folder)
    monkeypatch.setattr(i18n, "LOCALES", folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    i18n.catalogue.cache_clear()
    yield folder
    i18n.catalogue.cache_clear()


def kept_files() -> list[Path]:
    return sorted(i18n.cache_folder().glob("locale-*.json"))


def test_the_first_read_keeps_the_parsed_catalogue(locales: Path) -> None:
    flat = i18n.catalogue("nb")
    [kept] = kept_files()
    assert kept.name.startswith("locale-nb-")
    assert json.loads(kept.read_text("utf-8")) == flat
    assert flat["nav.agenda"] == "Dagsplan"


def test_a_later_start_reads_the_kept_copy(locales: Path) -> None:
    i18n.catalogue("nb")
    [kept] = kept_files()
    data = json.loads(kept.read_text("utf-8"))
    data["nav.agenda"] = "fra mellomlageret"
    kept.write_text(json.dumps(data), encoding="utf-8")
    i18n.catalogue.cache_clear()  # as a new process would start
    assert i18n.catalogue("nb")["nav.agenda"] == "fra mellomlageret"


def test_an_edited_catalogue_is_parsed_again_and_replaces_the_old_copy(locales: Path) -> None:
    i18n.catalogue("nb")
    source = locales / "nb.toml"
    text = source.read_text("utf-8")
    source.write_text(text.replace('agenda = "Dagsplan"', 'agenda = "Program"', 1), "utf-8")
    os.utime(source, ns=(1, 1))  # a different time, whatever the clock's resolution
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("nb")["nav.agenda"] == "Program"
    assert len(kept_files()) == 1


def test_a_damaged_copy_is_parsed_again(locales: Path) -> None:
    i18n.catalogue("en")
    [kept] = kept_files()
    kept.write_text('{"nav.agenda": ', encoding="utf-8")
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("en")["nav.agenda"] == "Agenda"
    assert json.loads(kept.read_text("utf-8"))["nav.agenda"] == "Agenda"


def test_a_cache_that_cannot_be_written_is_no_loss(
    locales: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert i18n.catalogue("nb")["nav.agenda"] == "Dagsplan"
    assert blocked.read_text("utf-8").startswith("a file")


def test_without_a_home_nothing_is_kept_and_nothing_fails(
    locales: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert i18n.cache_folder() is None
    assert i18n.catalogue("nb")["nav.agenda"] == "Dagsplan"
