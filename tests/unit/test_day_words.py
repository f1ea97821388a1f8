"""The sentences of a running day, read in nb, nn and en (issue 13, problem 6).

Sentences start with a capital letter, the cut's key hint and its warning are apart,
the status line counts minutes the way the table shows times, a title ending in its
own punctuation gets no extra full stop, and a finished day says when it ended once.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tuiroom.day import words
from tuiroom.day.clock import FakeClock, at_time_of_day, local_time
from tuiroom.day.running import Day
from tuiroom.day.schedule import Cut, Miss, PlanItem
from tuiroom.day.view import DayView, Room, WarnRule, view
from tuiroom.i18n import set_language
from tuiroom.store import Store

DAY = dt.date(2026, 11, 23)
LANGUAGES = ("nb", "nn", "en")


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    set_language(request.param)
    return str(request.param)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at(8, 25))


@pytest.fixture
def day(seljord_store: Store, clock: FakeClock) -> Day:
    s3 = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    return Day.live(seljord_store, s3, clock)


def look(day: Day) -> DayView:
    return view(day, WarnRule(), Room())


def starts_with_capital(sentence: str) -> bool:
    return sentence[:1].isupper() or sentence[:1].isdigit()


def test_a_minute_behind_starts_with_a_capital(day: Day, clock: FakeClock, lang: str) -> None:
    clock.set(at(8, 31))
    day.toggle()
    line = words.status_line(look(day))
    assert starts_with_capital(line), line


def test_the_warning_bell_starts_with_a_capital(day: Day, clock: FakeClock, lang: str) -> None:
    clock.set(at(8, 30))
    day.toggle()
    clock.set(at(8, 59))
    line = words.signal_text("warning", look(day))
    assert starts_with_capital(line), line


def test_the_cut_hint_and_its_warning_are_apart(lang: str) -> None:
    lunch = PlanItem(7, at(11, 30), at(12, 15), True, "Lunsj")
    cut = Cut(Miss(lunch, at(11, 30), at(11, 50)), ((1, 300.0), (2, 360.0)), 420.0)
    line = words.cut_line(cut)
    hint, warning = line.split(" · ")[-2:]
    assert hint.startswith("k "), line
    assert starts_with_capital(warning) and warning.endswith("."), line


def test_minutes_behind_agree_with_the_times_shown(day: Day, clock: FakeClock, lang: str) -> None:
    """20 minutes and 40 seconds late: the table shows 15:20 for 15:00, so 20 minutes."""
    clock.set(at(8, 50, 40))
    day.toggle()
    seen = look(day)
    assert seen.projection.projected_end == at(15, 20, 40)
    line = words.status_line(seen)
    assert local_time(at(15, 20)) in line
    assert re.match(r"20 ", line), line


def test_a_missed_fixed_point_agrees_with_the_times_shown(lang: str) -> None:
    lunch = PlanItem(7, at(11, 30), at(12, 15), True, "Lunsj")
    line = words.miss_line(Miss(lunch, at(11, 30), at(11, 50, 40)))
    assert "20 " in line and "21 " not in line, line


@pytest.mark.parametrize(
    ("title", "shown"), [("Velkommen!", "Velkommen! "), ("Lunsj", "Lunsj. "), ("Hva nå?", "nå? ")]
)
def test_a_title_with_its_own_punctuation_gets_no_full_stop(
    lang: str, title: str, shown: str
) -> None:
    line = words.on_projector(title)
    assert shown in line and "!." not in line and "?." not in line, line


def test_after_the_end_the_end_is_said_once(day: Day, clock: FakeClock, lang: str) -> None:
    clock.set(at(12, 15))
    day.jump(day.items[-1].id)
    clock.set(at(15, 23))
    day.next()
    seen = look(day)
    assert seen.state == "finished"
    lines = f"{words.subline(seen)} | {words.status_line(seen)}"
    assert lines.count(local_time(at(15, 23))) == 1, lines
    assert starts_with_capital(words.status_line(seen)), lines
    assert re.match(r"23 ", words.status_line(seen)), lines
