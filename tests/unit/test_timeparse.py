"""Clock times, spans and dates as facilitators write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from tuiroom.fmt import hhmm
from tuiroom.programme.times import parse_date, parse_span, parse_time

SEPARATORS = ["-", "–", "—", " til ", " to "]
hours = st.integers(min_value=0, max_value=23)
minutes = st.integers(min_value=0, max_value=59)


def _error(call, value) -> PydanticCustomError:
    with pytest.raises(PydanticCustomError) as caught:
        call(value)
    return caught.value


# ── parse_time ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30", 510),
        ("8:30", 510),
        ("11.30", 690),
        ("11:30", 690),
        (" 09:05 ", 545),
        ("00:00", 0),
        ("23:59", 1439),
        ("12.00", 720),
    ],
)
def test_parse_time_gives_minutes_after_midnight(text: str, expected: int) -> None:
    assert parse_time(text) == expected


def test_parse_time_takes_a_toml_local_time() -> None:
    assert parse_time(dt.time(8, 30)) == 510
    assert parse_time(dt.time(8, 30, 59)) == 510


@pytest.mark.parametrize("text", ["24:00", "25:00", "12:60", "99.99"])
def test_parse_time_out_of_the_clock_is_time_range(text: str) -> None:
    error = _error(parse_time, text)
    assert error.type == "time_range"
    assert error.context == {"value": text}


@pytest.mark.parametrize(("text", "suggestion"), [("8.30", "08.30"), (" 9.15", "09.15")])
def test_parse_time_single_digit_dotted_hour_is_time_decimal(text: str, suggestion: str) -> None:
    error = _error(parse_time, text)
    assert error.type == "time_decimal"
    assert error.context is not None
    assert error.context["suggestion"] == suggestion


@pytest.mark.parametrize("value", [8.3, 8, 830, True])
def test_parse_time_number_is_time_number(value: object) -> None:
    error = _error(parse_time, value)
    assert error.type == "time_number"
    assert error.context == {"value": str(value)}


@pytest.mark.parametrize("value", ["08:3", "0830", "", "halv ni", "08:30:00", "8:3", None, [8, 30]])
def test_parse_time_other_text_is_time_format(value: object) -> None:
    assert _error(parse_time, value).type == "time_format"


def test_time_errors_are_value_errors_for_pydantic() -> None:
    with pytest.raises(ValueError):
        parse_time("25:00")


# ── parse_span ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30 – 09:00", (510, 540)),
        ("08:30-09:00", (510, 540)),
        ("08:30 - 09:00", (510, 540)),
        ("08.30 – 09.00", (510, 540)),
        ("08:30—09:00", (510, 540)),
        ("08:30 til 09:00", (510, 540)),
        ("08:30 to 09:00", (510, 540)),
        ("  11:30 – 12:15  ", (690, 735)),
    ],
)
def test_parse_span_start_and_end(text: str, expected: tuple[int, int]) -> None:
    assert parse_span(text) == expected


@pytest.mark.parametrize("value", ["08:30", "8:30", "08.30", dt.time(8, 30)])
def test_parse_span_single_time_has_no_end(value: object) -> None:
    assert parse_span(value) == (510, None)


def test_parse_span_keeps_an_end_before_the_start_for_the_checks() -> None:
    assert parse_span("09:00 – 08:30") == (540, 510)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("08:30 – 09:00 – 10:00", "time_format"),
        ("08:30 –", "time_format"),
        ("8.30 – 9.00", "time_decimal"),
        ("08:30 – 25:00", "time_range"),
        (8.5, "time_number"),
        ("fra halv ni", "time_format"),
    ],
)
def test_parse_span_refuses_bad_spans(value: object, code: str) -> None:
    assert _error(parse_span, value).type == code


# ── parse_date ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("16.05.23", dt.date(2023, 5, 16)),
        ("21.09.2023", dt.date(2023, 9, 21)),
        ("21.09.23.", dt.date(2023, 9, 21)),
        ("1.2.23", dt.date(2023, 2, 1)),
        ("2023-09-21", dt.date(2023, 9, 21)),
        (" 04.12.23 ", dt.date(2023, 12, 4)),
        (dt.date(2023, 9, 21), dt.date(2023, 9, 21)),
        (dt.datetime(2023, 9, 21, 8, 30), dt.date(2023, 9, 21)),
    ],
)
def test_parse_date_accepts_dotted_iso_and_toml_dates(value: object, expected: dt.date) -> None:
    result = parse_date(value)
    assert result == expected
    assert type(result) is dt.date


@pytest.mark.parametrize("value", ["31.02.23", "2023-13-01", "?", "", "neste uke", 20230921, None])
def test_parse_date_refuses_what_is_not_a_date(value: object) -> None:
    error = _error(parse_date, value)
    assert error.type == "date_format"
    assert error.context == {"value": str(value)}


# ── hhmm ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("minutes_", "text"),
    [
        (0, "00:00"),
        (5, "00:05"),
        (510, "08:30"),
        (1439, "23:59"),
        (1440, "00:00"),
        (1450, "00:10"),
        (-30, "23:30"),
    ],
)
def test_hhmm_formats_and_wraps_past_midnight(minutes_: int, text: str) -> None:
    assert hhmm(minutes_) == text


# ── Properties ────────────────────────────────────────────────────────────────


@given(hours, minutes)
def test_hhmm_parse_time_round_trips(h: int, m: int) -> None:
    text = f"{h:02d}:{m:02d}"
    assert parse_time(text) == h * 60 + m
    assert hhmm(parse_time(text)) == text


@given(hours, minutes)
def test_dotted_time_reads_like_colon_time(h: int, m: int) -> None:
    assert parse_time(f"{h:02d}.{m:02d}") == parse_time(f"{h:02d}:{m:02d}")


@given(st.integers(min_value=0, max_value=24 * 60 - 1))
def test_parse_time_of_hhmm_round_trips(value: int) -> None:
    assert parse_time(hhmm(value)) == value


@given(hours, minutes, hours, minutes, st.sampled_from(SEPARATORS))
def test_every_separator_works_in_spans(h1: int, m1: int, h2: int, m2: int, sep: str) -> None:
    text = f"{h1:02d}:{m1:02d}{sep}{h2:02d}:{m2:02d}"
    assert parse_span(text) == (h1 * 60 + m1, h2 * 60 + m2)


@given(
    hours,
    minutes,
    hours,
    minutes,
    st.sampled_from(SEPARATORS),
    st.sampled_from([":", "."]),
    st.sampled_from(["", " ", "  "]),
)
def test_spans_allow_either_time_separator_and_padding(
    h1: int, m1: int, h2: int, m2: int, sep: str, mark: str, pad: str
) -> None:
    text = f"{pad}{h1:02d}{mark}{m1:02d}{pad}{sep}{pad}{h2:02d}{mark}{m2:02d}{pad}"
    assert parse_span(text) == (h1 * 60 + m1, h2 * 60 + m2)


@given(st.integers(min_value=24, max_value=99), minutes)
def test_hours_past_23_are_always_out_of_range(h: int, m: int) -> None:
    assert _error(parse_time, f"{h}:{m:02d}").type == "time_range"
