"""Telling people apart and finding them: a conference of 650 has namesakes, and a
facilitator types "aarsland" for "Årsland" in a hurry.

Two people may share a name; wherever a name is shown among others it carries what
tells the namesakes apart (their group, else their e-mail). Finding folds case and
diacritics away, so "ase" finds "Åse" and "aarsland" finds "Årsland".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from tuiroom.names import name_key

T = TypeVar("T")

# Letters Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ð": "d", "þ": "th", "ł": "l"})


class Person(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def email(self) -> str: ...


def fold(text: str) -> str:
    """Text as finding compares it: no case, no accents, "aa" read as "å" (both "a")."""
    lowered = text.casefold().translate(_LETTERS)
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
    )
    return " ".join(bare.replace("aa", "a").split())


def rank(query: str, text: str) -> int | None:
    """How well `text` answers `query` (lower is better), None if it does not: every word
    of the query must be in the text. The whole text first, then a whole word ("12"
    finds "Gruppe 12" before "Gruppe 120"), then the text's start, word starts, inside."""
    words = fold(query).split()
    folded = fold(text)
    if not words or not all(w in folded for w in words):
        return None
    starts = folded.split()
    if folded == " ".join(words):
        return 0
    if all(w in starts for w in words):
        return 1
    at_start = all(any(s.startswith(w) for s in starts) for w in words)
    return 2 if at_start and folded.startswith(words[0]) else 3 if at_start else 4


def find(query: str, items: Iterable[tuple[T, str]]) -> list[T]:
    """The items whose text answers `query`, best first, in their own order within a rank."""
    ranked = [
        (r, n, item) for n, (item, text) in enumerate(items) if (r := rank(query, text)) is not None
    ]
    return [item for _, _, item in sorted(ranked, key=lambda found: found[:2])]


def namesakes(people: Iterable[Person]) -> dict[str, list[Person]]:
    """The names held by more than one person (by `name_key`), with their holders."""
    by_name: dict[str, list[Person]] = {}
    for person in people:
        by_name.setdefault(name_key(person.name), []).append(person)
    return {key: found for key, found in by_name.items() if len(found) > 1}


def _tags(same: Sequence[Person]) -> list[str]:
    """What tells namesakes apart, in the order of `same`: group, e-mail, both, a number."""
    for tags in (
        [p.group for p in same],
        [p.email for p in same],
        [", ".join(part for part in (p.group, p.email) if part) for p in same],
    ):
        if all(tags) and len(set(map(name_key, tags))) == len(tags):
            return tags
    return [str(number) for number in range(1, len(same) + 1)]


def shown_names(people: Iterable[Person]) -> dict[int, str]:
    """Each person's name as shown among the others: a namesake's carries what tells
    them apart ("Per Aarsland (Blåveis)")."""
    everyone = list(people)
    names = {p.id: p.name for p in everyone}
    for same in namesakes(everyone).values():
        for person, tag in zip(same, _tags(same), strict=True):
            names[person.id] = f"{person.name} ({tag})"
    return names


def told_apart(email: str, group: str, holders: Iterable[Person]) -> bool:
    """Whether someone new of a name already held differs from each holder by e-mail
    or by group (a note in parentheses makes it another name altogether)."""

    def apart(other: Person) -> bool:
        by_email = bool(email) and email.casefold() != other.email.casefold()
        return by_email or (bool(group) and name_key(group) != name_key(other.group))

    return all(apart(other) for other in holders)
