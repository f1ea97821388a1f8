"""Reading one typed answer: the items of a list, without their list markers and closing
punctuation.

One rule for every list the room types, read the same on the screen, in the tallies, the
summaries and the export: an answer on several lines is one item a line, commas and all
("Tid til oppfølging etterpå, ikke bare måling" is one item); an answer on one line is
split at its commas and semicolons ("tillit, respekt, åpenhet" is three).
"""

from __future__ import annotations

import re
from typing import Final

_SEPARATORS: Final = re.compile(r"[,;]")
_MARKER: Final = re.compile(r"^(?:[-–—•*·▪◦‣]+\s*|\d{1,3}[.)]\s*|[^\W\d_]\)\s+)+")
_TRAILING: Final = re.compile(r"[\s.,;:!?…]+$")
_QUOTES: Final = " \t\"'«»“”‘’"


def _clean(item: str) -> str:
    """An item without its list marker and closing punctuation, as the group said it."""
    item = _MARKER.sub("", item.strip())
    return _TRAILING.sub("", item).strip(_QUOTES)


def parse_list(text: str) -> list[str]:
    """One item a line when the answer has several lines; a single line split at commas
    and semicolons, since facilitators type both under pressure.

    A line that holds nothing but a marker or punctuation ("-", "3.") is not a line of
    its own. A slash is never a separator: "mot/modig" is one value written two ways.
    """
    lines = [line for line in text.splitlines() if _clean(line)]
    if len(lines) > 1:
        return [_clean(line) for line in lines]
    items = (_clean(part) for line in lines for part in _SEPARATORS.split(line))
    return [item for item in items if item]
