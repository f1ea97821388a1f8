"""The words of an agenda slide that mean a break, lunch or the end of the day, in nb, nn
and en, and a guess at the language an agenda is written in.

Text copied out of a PDF loses letters ("Pouse", "Lunsf" in the Samling 1 deck), so a
title that is one word a letter or two from a known word is read as that word. Only a
title of one word: "Launch of the strategy" must not become lunch.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, NamedTuple

# A title that is one of these, whole, is that kind.
WHOLE: Final = {
    "break": (
        "pause",
        "kaffepause",
        "kaffipause",
        "kaffe",
        "kaffi",
        "fruktpause",
        "break",
        "coffee",
        "coffee break",
        "tea break",
    ),
    "lunch": ("lunsj", "lunch", "middag", "dinner", "lunsj og mingling"),
    "end": ("avslutning", "avslutting", "slutt", "end", "closing", "close", "end of day"),
}
# A title that starts with one of these is that kind ("Lunsj i kantina", "Avslutning –
# vel hjem!"); "Kaffe og velkomst" is the welcome, not a break, so coffee is not here.
FIRST: Final = {
    "break": ("pause", "kaffepause", "kaffipause", "fruktpause", "break"),
    "lunch": ("lunsj", "lunch", "middag", "dinner"),
    "end": ("avslutning", "avslutting", "slutt", "closing"),
}
# A title that ends with one of these is the end of the day ("Oppsummering og avslutning",
# "Summary and close").
LAST: Final = {"end": ("avslutning", "avslutting", "closing", "close")}
# A typo is only read as a known word when it is a one-word title; the word as it
# should be written then replaces it.
SPELLED: Final = {
    "pause": "Pause",
    "kaffepause": "Kaffepause",
    "kaffipause": "Kaffipause",
    "lunsj": "Lunsj",
    "lunch": "Lunch",
    "middag": "Middag",
    "avslutning": "Avslutning",
    "avslutting": "Avslutting",
    "slutt": "Slutt",
    "break": "Break",
    "closing": "Closing",
}
NOT_TYPOS: Final = frozenset({"launch", "cause", "bread", "brake", "bleak", "pauser"})

_WORD: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that tell the three languages apart; words all three share say nothing.
ENGLISH: Final = _words(
    "the and of with welcome break lunch coffee closing end what how our is are "
    "introduction day session wrap-up summary we you your why who"
)
NYNORSK: Final = _words(
    "ikkje kva korleis kven kvifor eg me dei ein eit frå velkomen avslutting "
    "kaffi mykje nokon berre vere dykk dykkar noko"
)
BOKMAL: Final = _words(
    "ikke hva hvordan hvem hvorfor jeg en et fra velkommen avslutning kaffe mye "
    "noen bare være dere deres noe hvilke"
)
NORWEGIAN: Final = _words("og lunsj pause med til på av er som vi oss det")


class Kind(NamedTuple):
    """What a title says about its item: its kind, and the title as it should be
    written when it was a known word with a typo (else empty)."""

    kind: str | None
    spelled: str = ""


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with swapped letters counting as one edit, stopping past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1]


def allowed_edits(word: str) -> int:
    """Short words get no typos ("end" is one letter from "and"), long ones two."""
    return 0 if len(word) < 5 else (1 if len(word) < 8 else 2)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _nearest(word: str) -> str | None:
    if word in NOT_TYPOS:
        return None
    for known in SPELLED:
        if distance(word, known, allowed_edits(known)) <= allowed_edits(known):
            return known
    return None


def _kind_of(table: Mapping[str, tuple[str, ...]], phrase: str) -> str | None:
    return next((kind for kind, known in table.items() if phrase in known), None)


def kind_of_title(title: str) -> Kind:
    """The kind an agenda title names: break, lunch, end, or None for any other item."""
    found = words(title)
    if not found:
        return Kind(None)
    phrase = " ".join(found)
    kind = (
        _kind_of(WHOLE, phrase)
        or _kind_of(FIRST, found[0])
        or (_kind_of(LAST, found[-1]) if len(found) <= 4 else None)
    )
    if kind is not None or len(found) > 1:
        return Kind(kind)
    near = _nearest(found[0])
    if near is None:
        return Kind(None)
    return Kind(_kind_of(WHOLE, near) or _kind_of(FIRST, near), SPELLED[near])


def guess_language(text: str) -> str | None:
    """nb, nn or en by the words that tell them apart; None when nothing does."""
    found = words(text)
    english = sum(w in ENGLISH for w in found)
    nynorsk = sum(w in NYNORSK for w in found)
    bokmal = sum(w in BOKMAL for w in found)
    norwegian = nynorsk + bokmal + sum(w in NORWEGIAN for w in found)
    if english > norwegian:
        return "en"
    if norwegian == 0:
        return None
    return "nn" if nynorsk > bokmal else "nb"
