"""Clock times and dates as facilitators write them.

Times are kept as minutes after midnight. The decks write both `11:30` and `11.30`;
`8.30` is refused because TOML and spreadsheets read it as the number 8.3.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from pydantic_core import PydanticCustomError

_TIME: Final = re.compile(r"^(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>\d{2})$")
_RANGE_SPLIT: Final = re.compile(r"\s*(?:–|—|-|\btil\b|\bto\b)\s*")
_DATE_DOTTED: Final = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2}|\d{4})\.?$")


def time_error(value: object) -> PydanticCustomError:
    return PydanticCustomError("time_format", "bad time {value}", {"value": str(value)})


def parse_time(value: object) -> int:
    """Minutes after midnight for "08:30", "11.30", "8:30" or a TOML time 08:30:00."""
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("time_number", "number {value}", {"value": str(value)})
    if not isinstance(value, str):
        raise time_error(value)
    match = _TIME.match(value.strip())
    if match is None:
        raise time_error(value)
    hours, minutes = int(match["h"]), int(match["m"])
    if match["sep"] == "." and len(match["h"]) == 1:
        raise PydanticCustomError(
            "time_decimal", "decimal {value}", {"value": value, "suggestion": "0" + value.strip()}
        )
    if hours > 23 or minutes > 59:
        raise PydanticCustomError("time_range", "range {value}", {"value": value})
    return hours * 60 + minutes


def parse_span(value: object) -> tuple[int, int | None]:
    """(start, end or None) for "08:30 – 09:00", "08:30-09:00" or a single "08:30"."""
    if isinstance(value, str) and not _TIME.match(value.strip()):
        parts = [p for p in _RANGE_SPLIT.split(value.strip()) if p]
        if len(parts) == 2:
            return parse_time(parts[0]), parse_time(parts[1])
        if len(parts) > 2:
            raise time_error(value)
    return parse_time(value), None


def parse_date(value: object) -> dt.date:
    """A TOML date (2023-09-21) or the decks' "21.09.23" / "21.09.2023"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _DATE_DOTTED.match(text)
        try:
            if match:
                year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
                return dt.date(year, int(match["m"]), int(match["d"]))
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("date_format", "bad date {value}", {"value": str(value)})
