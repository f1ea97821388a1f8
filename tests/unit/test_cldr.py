"""Dates, durations and lists in nb, nn and en, in CLDR's words through Babel, kept in
the cache folder so that a start with them kept never imports Babel."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tuiroom import cldr, fmt
from tuiroom.day import words as livetext
from tuiroom.i18n import set_language

WEEK = [dt.date(2023, 9, 18) + dt.timedelta(days=n) for n in range(7)]  # Monday to Sunday


@pytest.mark.parametrize(
    ("lang", "weekdays"),
    [
        ("nn", "måndag tysdag onsdag torsdag fredag laurdag søndag"),
        ("nb", "mandag tirsdag onsdag torsdag fredag lørdag søndag"),
        ("en", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    ],
)
def test_weekday_names(lang: str, weekdays: str) -> None:
    assert [fmt.long_date(day, lang).split()[0].rstrip(",") for day in WEEK] == weekdays.split()


@pytest.mark.parametrize(
    ("lang", "date", "months"),
    [
        ("nn", "måndag 2. januar 2023", "januar februar mars april mai juni juli august"),
        ("nb", "mandag 2. januar 2023", "januar februar mars april mai juni juli august"),
        ("en", "Monday, 2 January 2023", "January February March April May June July August"),
    ],
)
def test_long_dates_and_month_names(lang: str, date: str, months: str) -> None:
    assert fmt.long_date(dt.date(2023, 1, 2), lang) == date
    named = [fmt.long_date(dt.date(2023, m, 1), lang).split()[-2] for m in range(1, 9)]
    assert named == months.split()
    assert cldr.words(lang)["months"][11] == ("December" if lang == "en" else "desember")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nn", ["2 timar og 30 minutt", "1 time og 1 minutt", "1 minutt", "12 minutt", "3 timar"]),
        (
            "nb",
            ["2 timer og 30 minutter", "1 time og 1 minutt", "1 minutt", "12 minutter", "3 timer"],
        ),
        (
            "en",
            ["2 hours and 30 minutes", "1 hour and 1 minute", "1 minute", "12 minutes", "3 hours"],
        ),
    ],
)
def test_durations(lang: str, said: list[str]) -> None:
    assert [fmt.duration(m, lang) for m in (150, 61, 1, 12, 180)] == said
    set_language(lang)
    assert livetext.minutes_text(150 * 60) == said[0]  # "2 timar og 30 minutt bak skjema"
    assert fmt.duration(0) == "0 min"


@pytest.mark.parametrize(
    ("lang", "three", "either"),
    [
        ("nn", "a, b og c", "a eller b"),
        ("nb", "a, b og c", "a eller b"),
        ("en", "a, b and c", "a or b"),
    ],
)
def test_lists(lang: str, three: str, either: str) -> None:
    assert cldr.joined(["a", "b", "c"], lang) == three
    assert cldr.joined(["a", "b"], lang, style="or") == either
    assert cldr.joined(["{0}", "b"], lang).startswith("{0}")  # an item is never a pattern
    assert cldr.joined(["a"], lang) == "a"


def test_the_words_are_kept_and_read_back_without_babel(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cldr.words.cache_clear()
    try:
        first = cldr.words("nn")
        kept = list((tmp_path / "tuiroom").glob("cldr-nn-*.json"))
        assert len(kept) == 1 and json.loads(kept[0].read_text("utf-8")) == first
    finally:
        cldr.words.cache_clear()
    script = (
        "import sys, datetime as dt; from tuiroom import fmt; "
        "print(fmt.long_date(dt.date(2023, 9, 19), 'nn'), fmt.duration(150, 'nn')); "
        "print('babel' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.stdout.splitlines() == ["tysdag 19. september 2023 2 timar og 30 minutt", "False"]


def test_babel_is_not_imported_at_start() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import tuiroom.app, tuiroom.cli.main"],
        capture_output=True,
        text=True,
    )
    assert "tuiroom.app" in done.stderr
    assert "babel" not in done.stderr.lower()
