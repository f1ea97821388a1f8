"""Dates, times and durations as the room reads them, in the interface language."""

from __future__ import annotations

import datetime as dt

import humanize

from tuiroom.i18n import humanized, t


def hhmm(minutes: int) -> str:
    """08:30 for 510; wraps past midnight so a late rehearsal never shows 24:10."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def long_date(day: dt.date | None) -> str:
    """torsdag 21. september 2023 / Thursday 21 September 2023."""
    if day is None:
        return t("samling.no_date")
    return t(
        "date.format",
        weekday=t(f"date.weekday.{day.weekday()}"),
        day=day.day,
        month=t(f"date.month.{day.month - 1}"),
        year=day.year,
    )


def short_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def span(start: int, end: int) -> str:
    return hhmm(start) if end == start else f"{hhmm(start)}–{hhmm(end)}"


def duration(minutes: float) -> str:
    """6 timer og 30 minutter / 6 hours and 30 minutes (humanize, active language)."""
    if minutes <= 0:
        return "0 min"
    delta = dt.timedelta(minutes=minutes)
    return humanized(humanize.precisedelta(delta, minimum_unit="minutes", format="%d"))


def minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
