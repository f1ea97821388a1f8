"""Which samling `--session` means, and which one to open when it says nothing.

Shared by the programme model (read from a file) and the launcher (read from the
store), so both answer the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class Samlingish(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def date(self) -> dt.date | None: ...


T = TypeVar("T", bound=Samlingish)


def names(key: str, title: str) -> tuple[str, ...]:
    """What may name a samling: its id, its title, or the title's last word ("3")."""
    words = title.casefold().split() or [""]
    return tuple(n for n in (key.casefold(), title.casefold(), words[-1]) if n)


def find(samlinger: Sequence[T], name: str, key: Callable[[T], str]) -> T | None:
    """The samling `name` refers to: an id or title first, then its place in the file."""
    wanted = name.strip().casefold()
    for samling in samlinger:
        if wanted in names(key(samling), samling.title):
            return samling
    if wanted.isdigit() and 0 < int(wanted) <= len(samlinger):
        return samlinger[int(wanted) - 1]
    return None


def default(
    samlinger: Sequence[T], today: dt.date, filled: Callable[[T], bool] = lambda s: True
) -> T | None:
    """Today's samling, else the next one, else the latest; undated ones last. A samling
    without items (a date kept as a placeholder) is never the one opened, while any
    samling has items: `filled` says which have them."""
    with_items = [s for s in samlinger if filled(s)] or list(samlinger)
    dated = sorted((s for s in with_items if s.date), key=lambda s: s.date or today)
    upcoming = [s for s in dated if s.date and s.date >= today]
    if upcoming:
        return upcoming[0]
    if dated:
        return dated[-1]
    return with_items[0] if with_items else None
