"""Dates, times and durations as the room reads them, in the interface language."""

from __future__ import annotations

import datetime as dt

from tuiroom import cldr
from tuiroom.i18n import t


def hhmm(minutes: int) -> str:
    """08:30 for 510; wraps past midnight so a late rehearsal never shows 24:10."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def long_date(day: dt.date | None, lang: str | None = None) -> str:
    """torsdag 21. september 2023 / Thursday, 21 September 2023 (CLDR's long date)."""
    if day is None:
        return t("samling.no_date", lang=lang)
    return cldr.long_date(day, lang)


def short_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def span(start: int, end: int) -> str:
    return hhmm(start) if end == start else f"{hhmm(start)}–{hhmm(end)}"


def duration(minutes: float, lang: str | None = None) -> str:
    """6 timer og 30 minutter / 6 timar og 30 minutt / 6 hours and 30 minutes (CLDR's
    words, in `lang` or the interface's); whole minutes, never days."""
    if minutes <= 0:
        return "0 min"
    return cldr.hours_and_minutes(max(1, round(minutes)), lang)


def minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, ending in "…" when cut, at a word boundary
    unless that would throw away more than half of what fits."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[: max(width, 0)]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.:;–-") + "…"


def shorten_all(texts: list[str], width: int) -> list[str]:
    """Texts shortened to share `width` characters between them: the longest give way
    first, so a short title keeps all of itself beside a long one."""
    cap = max((len(text) for text in texts), default=0)
    while cap > 1 and sum(len(shorten(text, cap)) for text in texts) > width:
        cap -= 1
    return [shorten(text, cap) for text in texts]
