"""The timing report across the samlinger (issue 13, problem 7): each item's planned
against actual time, and the items that ran over most."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.running import samling_id
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.report import signed_minutes, timing_report
from tuiroom.day.running import Day
from tuiroom.notes.referat import export_programme
from tuiroom.store import Store

S1_DAY = dt.date(2023, 6, 1)
S3_DAY = dt.date(2023, 9, 21)


def run(store: Store, key: str, day: dt.date, moves: list[str]) -> None:
    """Start the samling at 08:30 and move on at each of `moves` (HH:MM)."""
    clock = FakeClock(at_time_of_day(day, 8 * 60 + 30))
    live = Day.live(store, samling_id(store, key), clock)
    live.toggle()
    for hhmm in moves:
        hours, minutes = hhmm.split(":")
        clock.set(at_time_of_day(day, int(hours) * 60 + int(minutes)))
        live.next()


@pytest.fixture
def two_samlinger(seljord_store: Store) -> Store:
    # Samling 1: Velkommen 15 → 20, Mål og rammer 60 → 50, Pause 15 → 25; the next runs.
    run(seljord_store, "s1", S1_DAY, ["08:50", "09:40", "10:05"])
    # Samling 3: Velkommen! 30 → 30, Mestringsorientert ledelse 30 → 40, Pause 15 → 18.
    run(seljord_store, "s3", S3_DAY, ["09:00", "09:40", "09:58"])
    # A rehearsal never counts.
    clock = FakeClock(at_time_of_day(S3_DAY, 8 * 60 + 30))
    rehearsal = Day.rehearsal(seljord_store, samling_id(seljord_store, "s3"), clock, clock.now())
    rehearsal.toggle()
    clock.advance(minutes=90)
    rehearsal.next()
    return seljord_store


def test_each_title_across_the_samlinger(two_samlinger: Store) -> None:
    report = timing_report(two_samlinger)
    rows = [
        (r.title[:20], r.kind, len(r.runs), r.planned, round(r.actual), round(r.over))
        for r in report.titles
    ]
    assert rows == [
        ("Velkommen til første", "talk", 1, 15, 20, 5),
        ("Mål og rammer for le", "exercise", 1, 60, 50, -10),
        ("Pause", "break", 2, 30, 43, 13),
        ("Velkommen!", "exercise", 1, 30, 30, 0),
        ("Mestringsorientert l", "exercise", 1, 30, 40, 10),
    ]
    pause = report.titles[2]
    assert [(r.samling, round(r.over)) for r in pause.runs] == [("Samling 1", 10), ("Samling 3", 3)]


def test_the_items_that_run_over_most(two_samlinger: Store) -> None:
    worst = [(i.samling, i.title[:20], round(i.over)) for i in timing_report(two_samlinger).worst()]
    assert worst == [
        ("Samling 1", "Pause", 10),
        ("Samling 3", "Mestringsorientert l", 10),
        ("Samling 1", "Velkommen til første", 5),
        ("Samling 3", "Pause", 3),
    ]


def test_nothing_run_gives_an_empty_report(seljord_store: Store) -> None:
    report = timing_report(seljord_store)
    assert report.titles == () and report.worst() == []


def test_signed_minutes() -> None:
    assert [signed_minutes(m) for m in (12.4, -3.2, 0.3)] == ["+12 min", "−3 min", "0 min"]


def test_the_programme_export_has_the_report(two_samlinger: Store) -> None:
    text = export_programme(two_samlinger)
    section = text.split("## Tidsbruk", 1)[1].split("## Datoer nettverk", 1)[0]
    assert "- [Tidsbruk](#tidsbruk)" in text
    assert "| Pause | Pause | Samling 1 +10 min · Samling 3 +3 min | 30 min | 43 min |" in section
    assert "13 minutter over tiden" in section
    assert "### Går mest over tiden" in section
    assert "- Samling 1 › Pause: 10 minutter over tiden" in section
    assert "- Samling 3 › Mestringsorientert ledelse: 10 minutter over tiden" in section


def test_the_programme_export_before_any_clock(seljord_store: Store) -> None:
    text = export_programme(seljord_store)
    assert "## Tidsbruk\n\nKlokka er ikke startet i noen samling ennå." in text
