"""The clocks and the countdown text: time injected, remaining time as `deadline - now`."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tuiroom.day.clock import (
    UTC,
    FakeClock,
    RehearsalClock,
    SystemClock,
    at_time_of_day,
    countdown,
    minutes_of_day,
    parse_clock_time,
)

DAY = dt.date(2026, 11, 23)
OSLO = ZoneInfo("Europe/Oslo")


def at(hours: int, minutes: int = 0, seconds: float = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes) + dt.timedelta(seconds=seconds)


class RealTime:
    """A stand-in for the real wall clock that a test moves by hand."""

    def __init__(self, start: dt.datetime) -> None:
        self.current = start
        self.calls = 0

    def __call__(self) -> dt.datetime:
        self.calls += 1
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += dt.timedelta(seconds=seconds)


# ── countdown ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (0.0, "00:00"),
        (-0.0, "00:00"),
        (0.000001, "00:01"),
        (0.4, "00:01"),
        (1, "00:01"),
        (1.000001, "00:02"),
        (59, "00:59"),
        (59.000001, "01:00"),
        (60, "01:00"),
        (61, "01:01"),
        (724.2, "12:05"),
        (725, "12:05"),
        (1800, "30:00"),
        (3599, "59:59"),
        (3599.5, "1:00:00"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (36000, "10:00:00"),
    ],
)
def test_countdown_rounds_time_left_up(seconds: float, text: str) -> None:
    assert countdown(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (-0.000001, "+00:00"),
        (-0.999999, "+00:00"),
        (-1, "+00:01"),
        (-1.5, "+00:01"),
        (-59.999, "+00:59"),
        (-60, "+01:00"),
        (-192, "+03:12"),
        (-192.9, "+03:12"),
        (-3599.999, "+59:59"),
        (-3600, "+1:00:00"),
        (-3723, "+1:02:03"),
        (-3723.7, "+1:02:03"),
    ],
)
def test_countdown_counts_over_time_up_with_a_plus(seconds: float, text: str) -> None:
    assert countdown(seconds) == text


def test_countdown_shows_zero_exactly_at_the_deadline_never_a_second_early() -> None:
    deadline = at(9, 0)
    just_before = (deadline - (deadline - dt.timedelta(microseconds=1))).total_seconds()
    assert countdown(just_before) == "00:01"
    assert countdown((deadline - deadline).total_seconds()) == "00:00"
    one_micro_over = (deadline - (deadline + dt.timedelta(microseconds=1))).total_seconds()
    assert countdown(one_micro_over) == "+00:00"
    assert countdown((deadline - (deadline + dt.timedelta(seconds=1))).total_seconds()) == "+00:01"


def test_countdown_seen_each_second_of_an_item_never_repeats_or_skips() -> None:
    deadline = at(9, 0)
    clock = FakeClock(at(8, 58))
    texts = []
    while clock.now() <= deadline + dt.timedelta(seconds=3):
        texts.append(countdown((deadline - clock.now()).total_seconds()))
        clock.advance(seconds=1)
    assert texts[0] == "02:00"
    assert texts[1] == "01:59"
    assert texts[119] == "00:01"
    assert texts[120] == "00:00"
    assert texts[121:] == ["+00:01", "+00:02", "+00:03"]
    assert len(set(texts)) == len(texts)


# ── RehearsalClock ────────────────────────────────────────────────────────────


def test_rehearsal_clock_plays_sixty_seconds_of_the_day_per_real_second() -> None:
    real = RealTime(dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC))
    clock = RehearsalClock(at(8, 29), speed=60, real=real)
    assert clock.real_origin == dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    assert clock.speed == 60
    assert clock.now() == at(8, 29)
    real.advance(1)
    assert clock.now() == at(8, 30)
    real.advance(0.5)
    assert clock.now() == at(8, 30, 30)
    real.advance(0.001)
    assert clock.now() == at(8, 30, 30.06)
    real.advance(29.499)
    assert clock.now() == at(9, 0)
    real.advance(6.5 * 60)  # six and a half real minutes: six and a half hours of the day
    assert clock.now() == at(15, 30)


def test_rehearsal_clock_with_a_given_origin_does_not_read_the_real_clock_at_creation() -> None:
    real = RealTime(dt.datetime(2026, 11, 22, 20, 10, tzinfo=UTC))
    origin = dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    clock = RehearsalClock(at(8, 30), speed=60, real_origin=origin, real=real)
    assert real.calls == 0
    assert clock.real_origin == origin
    # Ten real minutes since the origin are ten hours of the day.
    assert clock.now() == at(18, 30)


def test_a_second_window_with_the_saved_origin_runs_the_very_same_clock() -> None:
    real = RealTime(dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC))
    facilitator = RehearsalClock(at(8, 29), speed=60, real=real)
    real.advance(17.25)
    projector = RehearsalClock(
        facilitator.start, speed=facilitator.speed, real_origin=facilitator.real_origin, real=real
    )
    assert projector.now() == facilitator.now() == at(8, 46, 15)
    real.advance(123.456)
    assert projector.now() == facilitator.now()


def test_rehearsal_clock_at_speed_one_follows_real_time() -> None:
    real = RealTime(dt.datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    clock = RehearsalClock(at(8, 30), real=real)
    assert clock.speed == 1.0
    real.advance(90)
    assert clock.now() == at(8, 31, 30)


def test_rehearsal_clock_never_counts_calls() -> None:
    """Reading the clock a thousand times does not move it: only real time does."""
    real = RealTime(dt.datetime(2026, 11, 22, 20, 0, tzinfo=UTC))
    clock = RehearsalClock(at(8, 29), speed=60, real=real)
    for _ in range(1000):
        assert clock.now() == at(8, 29)
    real.advance(45 * 60)  # a suspended laptop: 45 real minutes, no reads in between
    assert clock.now() == at(8, 29) + dt.timedelta(hours=45)


# ── FakeClock and SystemClock ─────────────────────────────────────────────────


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(at(8, 30))
    assert clock.speed == 1.0
    assert clock.now() == at(8, 30)
    assert clock.now() == at(8, 30)
    clock.advance(seconds=1)
    assert clock.now() == at(8, 30, 1)
    clock.advance(minutes=2)
    assert clock.now() == at(8, 32, 1)
    clock.advance(seconds=0.5, minutes=1)
    assert clock.now() == at(8, 33, 1.5)
    clock.advance(seconds=-1.5)
    assert clock.now() == at(8, 33)
    clock.advance()
    assert clock.now() == at(8, 33)
    clock.set(at(12, 15))
    assert clock.now() == at(12, 15)


def test_fake_clock_advance_in_many_small_steps_has_no_drift() -> None:
    clock = FakeClock(at(8, 30))
    for _ in range(3600):
        clock.advance(seconds=1)
    assert clock.now() == at(9, 30)
    for _ in range(1000):
        clock.advance(seconds=0.001)
    assert clock.now() == at(9, 30, 1)


def test_system_clock_is_utc_aware_and_real() -> None:
    clock = SystemClock()
    before = dt.datetime.now(UTC)
    now = clock.now()
    after = dt.datetime.now(UTC)
    assert now.tzinfo is not None
    assert now.utcoffset() == dt.timedelta(0)
    assert before <= now <= after
    assert clock.speed == 1.0


# ── local times of day ────────────────────────────────────────────────────────


def test_at_time_of_day_is_the_utc_instant_of_local_time() -> None:
    instant = at_time_of_day(DAY, 8 * 60 + 30)
    assert instant.utcoffset() == dt.timedelta(0)
    local = instant.astimezone()
    assert (local.date(), local.hour, local.minute, local.second) == (DAY, 8, 30, 0)
    assert minutes_of_day(instant) == 510


def test_at_time_of_day_with_a_zone() -> None:
    assert at_time_of_day(DAY, 510, OSLO) == dt.datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
    assert at_time_of_day(DAY, 510, UTC) == dt.datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    summer = dt.date(2026, 7, 1)
    assert at_time_of_day(summer, 510, OSLO) == dt.datetime(2026, 7, 1, 6, 30, tzinfo=UTC)
    assert minutes_of_day(at_time_of_day(DAY, 510, OSLO), OSLO) == 510


def test_at_time_of_day_keeps_fractions_of_a_minute() -> None:
    assert at_time_of_day(DAY, 510.5) - at_time_of_day(DAY, 510) == dt.timedelta(seconds=30)
    assert minutes_of_day(at_time_of_day(DAY, 510.25)) == 510.25
    assert at_time_of_day(DAY, 0) + dt.timedelta(hours=8, minutes=30) == at(8, 30)


def test_parse_clock_time() -> None:
    assert parse_clock_time("08:29") == 509
    assert parse_clock_time("11.30") == 690
    with pytest.raises(ValueError, match="25:00"):
        parse_clock_time("25:00")
    with pytest.raises(ValueError):
        parse_clock_time("soon")
