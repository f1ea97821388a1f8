"""Reading one typed answer: the items of a list, one a line or several a line, without
their list markers and closing punctuation.
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
    """Items one a line or several a line, since facilitators type both under pressure.

    A slash is not a separator: "mot/modig" is one value written two ways.
    """
    items = (_clean(part) for line in text.splitlines() for part in _SEPARATORS.split(line))
    return [item for item in items if item]
