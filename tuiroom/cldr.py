"""Dates, durations and lists in nb, nn and en, in the words of CLDR (through Babel).

Importing Babel and unpickling its locale data takes tens of milliseconds, more than the
first frame can spare, and that frame shows a long date and a duration. So the few words
tuiroom needs (weekday and month names, the pattern of a long date, the units of a
duration, how a list is joined) are taken from Babel once and kept as JSON in the cache
folder beside the interface texts, named after the Babel they came from. A start that
finds them there never imports Babel.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

from tuiroom.i18n import cache_folder, fill, keep, language

# The CLDR locale for each interface language: British English writes the day before the
# month, as the Norwegian dates beside it do.
BABEL_LOCALE: Final = {"nb": "nb", "nn": "nn", "en": "en_GB"}
LAYOUT: Final = 1  # of the kept table: a new layout is simply taken from Babel again
UNITS: Final = ("hour", "minute")
_SAMPLE: Final = dt.date(2023, 9, 21)  # a Thursday; its numbers appear once each


@cache
def words(lang: str) -> dict[str, Any]:
    """The CLDR words of `lang`, from the cache folder or else from Babel."""
    path = _kept_as(lang)
    try:
        kept = json.loads(path.read_text("utf-8")) if path else None
    except (OSError, ValueError):
        kept = None
    if isinstance(kept, dict) and kept.get("layout") == LAYOUT:
        return kept
    found = from_babel(lang)
    if path:
        keep(f"cldr-{lang}", path, found)
    return found


def _kept_as(lang: str) -> Path | None:
    """cldr-nn-SIZE-MTIME.json, after Babel's own file: an upgraded Babel is read again.
    Finding Babel does not import it."""
    folder = cache_folder()
    spec = importlib.util.find_spec("babel")
    if folder is None or spec is None or spec.origin is None:
        return None
    stat = Path(spec.origin).stat()
    return folder / f"cldr-{lang}-{stat.st_size}-{stat.st_mtime_ns}.json"


def from_babel(lang: str) -> dict[str, Any]:
    """The words tuiroom uses, read from Babel's CLDR data (Babel imported only here)."""
    from babel import Locale
    from babel.dates import format_date, get_day_names, get_month_names
    from babel.units import format_unit

    locale = Locale.parse(BABEL_LOCALE[lang])
    weekdays = [str(get_day_names("wide", "format", locale)[n]) for n in range(7)]
    months = [str(get_month_names("wide", "format", locale)[n]) for n in range(1, 13)]
    pattern = format_date(_SAMPLE, "full", locale=locale).replace("{", "{{").replace("}", "}}")
    for value, slot in (
        (weekdays[_SAMPLE.weekday()], "weekday"),
        (months[_SAMPLE.month - 1], "month"),
        (str(_SAMPLE.year), "year"),
        (str(_SAMPLE.day), "day"),
    ):
        pattern = pattern.replace(value, f"{{{slot}}}")
    units = {
        unit: {
            form: format_unit(count, f"duration-{unit}", "long", locale=locale).replace(
                str(count), "{count}"
            )
            for form, count in (("one", 1), ("other", 2))
        }
        for unit in UNITS
    }
    lists = {style: dict(locale.list_patterns[style]) for style in ("standard", "or")}
    return {
        "layout": LAYOUT,
        "weekdays": weekdays,
        "months": months,
        "date": pattern,
        "units": units,
        # Which whole numbers take the singular; past 99 none does in nb, nn or en.
        "one": [n for n in range(100) if locale.plural_form(n) == "one"],
        "lists": lists,
    }


def long_date(day: dt.date, lang: str | None = None) -> str:
    """torsdag 21. september 2023 · Thursday, 21 September 2023."""
    found = words(lang or language())
    return fill(
        found["date"],
        {
            "weekday": found["weekdays"][day.weekday()],
            "day": day.day,
            "month": found["months"][day.month - 1],
            "year": day.year,
        },
    )


def unit(count: int, name: str, lang: str | None = None) -> str:
    """ "1 time", "2 timar", "30 minutes": a count of hours or minutes."""
    found = words(lang or language())
    form = "one" if count in found["one"] else "other"
    return fill(found["units"][name][form], {"count": count})


def joined(items: Sequence[str], lang: str | None = None, style: str = "standard") -> str:
    """ "a, b og c" (style "or": "a, b eller c"), as CLDR joins a list in `lang`."""
    patterns = words(lang or language())["lists"][style]
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return str(patterns["2"]).format(*items)
    text = str(patterns["start"]).format(items[0], items[1])
    for item in items[2:-1]:
        text = str(patterns["middle"]).format(text, item)
    return str(patterns["end"]).format(text, items[-1])


def hours_and_minutes(minutes: int, lang: str | None = None) -> str:
    """ "2 timar og 30 minutt" · "2 hours and 30 minutes" · "1 minutt"."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = [unit(hours, "hour", lang)] if hours else []
    if rest or not hours:
        parts.append(unit(rest, "minute", lang))
    return joined(parts, lang)
