"""Control characters from a programme file, a roster or the database never reach a
terminal or a file: `check`, the store's reads and the export show them as pictures."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.running import samling_id
from tests.samling3 import question
from tuiroom.notes.referat import export_samling
from tuiroom.programme.loading import read_programme
from tuiroom.store import Store
from tuiroom.visible import one_line, visible

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CLEAR_AND_TITLE = "\x1b[2J\x1b]0;overtatt\x07"
PROGRAMME = r"""
[programme]
title = "Leder\u001b[2Jprogram"
language = "nb"

[[group]]
name = "Gygrene\u001b]0;overtatt\u0007"
members = ["Kari\u0007 Nordmann", "Ola Nordmann"]

[[samling]]
id = "s1"
title = "Samling 1"
date = 2023-09-21

[[samling.item]]
time = "09:00"
minutes = 30
title = "Velkommen\nfra\u001b[31m rød"
note = "Linje 1\u009b2J"

[[samling.item.exercise]]
title = "Oppgave"
questions = ["Hva\u001b[5m nå?"]
"""


def test_visible_shows_pictures_and_keeps_lines() -> None:
    assert visible("a\x1b[2Jb\tc\nd\x7f\x9b") == "a␛[2Jb\tc\nd␡\ufffd"
    assert visible("a\r\nb") == "a\nb"
    assert one_line("fra\nlinje\x1b", 0) == "fra linje␛"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"


def test_check_prints_no_control_character(tmp_path: Path) -> None:
    file = tmp_path / "programme.toml"
    file.write_text(PROGRAMME.replace('"09:00"', '"25:00"'), "utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "tuiroom", "check", str(file)], capture_output=True, text=True
    )
    assert bad.returncode == 2
    lines = bad.stderr.splitlines()
    assert lines and all(line.startswith(f"{file}:") for line in lines), lines
    assert "Velkommen fra␛[31m rød" in bad.stderr
    file.write_text(PROGRAMME, "utf-8")
    good = subprocess.run(
        [sys.executable, "-m", "tuiroom", "check", str(file)], capture_output=True, text=True
    )
    assert good.returncode == 0, good.stderr
    assert not RAW.search(good.stdout + good.stderr)
    assert "Leder␛[2Jprogram" in good.stdout


def loaded(tmp_path: Path) -> Store:
    file = tmp_path / "programme.toml"
    file.write_text(PROGRAMME, "utf-8")
    result = read_programme(file)
    assert result.programme is not None, result.messages()
    store = Store.open(tmp_path / "day.tuiroom.db")
    store.load(result.programme, file, PROGRAMME)
    return store


def test_the_programme_is_kept_as_pictures(tmp_path: Path) -> None:
    store = loaded(tmp_path)
    sid = samling_id(store, "s1")
    (item,) = store.items(sid)
    assert item.title == "Velkommen\nfra␛[31m rød" and item.note == "Linje 1\ufffd2J"
    assert [g.name for g in store.groups()] == ["Gygrene␛]0;overtatt␇"]


def test_what_the_database_holds_is_read_as_pictures(tmp_path: Path) -> None:
    """The database is a file anyone can edit: raw control characters written into it
    by hand, in a TEXT column and inside a JSON one, come back visible."""
    store = loaded(tmp_path)
    sid = samling_id(store, "s1")
    q = question(store, "text", "s1")
    store.save_answer(q, "Gygrene", "Gygrene", {"text": "Tillit" + CLEAR_AND_TITLE})
    store.close()
    conn = sqlite3.connect(tmp_path / "day.tuiroom.db")
    conn.execute("update item set title = ?", ["Pause" + CLEAR_AND_TITLE])
    conn.commit()
    conn.close()
    for store in (
        Store.open(tmp_path / "day.tuiroom.db"),
        Store.reader(tmp_path / "day.tuiroom.db"),
    ):
        (item,) = store.items(sid)
        assert item.title == "Pause␛[2J␛]0;overtatt␇"
        (answer,) = store.answers(q)
        assert answer.fields == {"text": "Tillit␛[2J␛]0;overtatt␇"}
        document = export_samling(store, sid)
        assert not RAW.search(document)
        assert "Tillit␛\\[2J" in document or "Tillit␛[2J" in document
        store.close()
