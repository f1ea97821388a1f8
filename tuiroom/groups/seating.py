"""Who sits where: everyone present in alphabetical order with their table, so a
conference of hundreds finds its seats from one list on the projector."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from tuiroom.store.groups import RosterPerson

# Norwegian order: æ, ø, å after z; ä and ö are read as æ and ø, as in a phone book.
AFTER_Z = {"æ": "{0", "ä": "{0", "ø": "{1", "ö": "{1", "å": "{2"}


def name_order(name: str) -> tuple[str, str]:
    """A sort key that puts names where a Norwegian reader looks for them."""
    folded = []
    for char in name.casefold():
        if char in AFTER_Z:
            folded.append(AFTER_Z[char])
        else:  # é, ü and the like sort with their plain letter
            plain = unicodedata.normalize("NFKD", char)
            folded.append("".join(c for c in plain if not unicodedata.combining(c)))
    return " ".join("".join(folded).split()), name


def seating(
    roster: Sequence[RosterPerson], group_of: Mapping[int, str] | None = None, missing: str = "–"
) -> list[tuple[str, str]]:
    """Everyone present, by name, with their network group, or with their group in a
    new grouping (`group_of`; someone present but not placed in it gets `missing`)."""
    people = [
        (p.name, (group_of.get(p.id, missing) if group_of is not None else p.group) or missing)
        for p in roster
        if p.present
    ]
    return sorted(people, key=lambda person: name_order(person[0]))
