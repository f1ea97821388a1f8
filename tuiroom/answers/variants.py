"""Which spellings are one value. The facilitator types the answers as the groups read
them out, so one value arrives in many spellings ("Åpenhet", "openheit", "åpen"). A
variant table folds known spellings into one key; the facilitator merges on screen what
the table does not know.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final

from tuiroom.paths import bundled

_SLASH: Final = re.compile(r"\s*/\s*")


# ── Spellings of one value ────────────────────────────────────────────────────


def fold(text: str) -> str:
    """Text reduced to what tells values apart: not case, spacing or how å was encoded.

    NFKC first so that an "å" pasted as "a" plus a ring meets the typed one; upper
    before casefold so that the odd letters (dotless ı) land on one key whichever case
    was typed.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).upper().casefold())
    return _SLASH.sub("/", " ".join(folded.split()))


class VariantsError(ValueError):
    """The variant table cannot be used; the message says which file and which value."""


@dataclass(frozen=True)
class Variants:
    """Which spellings are one value, and the label the room sees for it.

    A key is the folded display label for a value in the table, and the folded text
    for anything else, so a value the table lacks still counts together with itself.
    """

    labels: Mapping[str, str] = field(default_factory=dict)
    spellings: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Read-only, since `bundled_variants` hands one table to every caller."""
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "spellings", MappingProxyType(dict(self.spellings)))

    @classmethod
    def from_table(cls, table: Mapping[str, Sequence[str]]) -> Variants:
        """Refuses a spelling under two values: the tally would depend on file order."""
        labels: dict[str, str] = {}
        spellings: dict[str, str] = {}
        for label, others in table.items():
            key = fold(label)
            if key in labels:
                raise VariantsError(f"{labels[key]} and {label.strip()} are one label twice")
            labels[key] = label.strip()
            for spelling in (label, *others):
                _claim(spellings, fold(spelling), key, labels)
        return cls(labels, spellings)

    def key(self, item: str) -> str:
        """The value an item stands for; "mot/modig" is the first of its parts known."""
        folded = fold(item)
        if folded in self.spellings or "/" not in folded:
            return self.spellings.get(folded, folded)
        known = (self.spellings[part] for part in folded.split("/") if part in self.spellings)
        return next(known, folded)

    def label(self, key: str, seen: str = "") -> str:
        """The table's label, else the first spelling seen (or the key) capitalised: the
        room reads its own words back, and the label still folds to the same key."""
        if key in self.labels:
            return self.labels[key]
        text = " ".join(seen.split()) or key
        return text[:1].upper() + text[1:]


def _claim(spellings: dict[str, str], spelling: str, key: str, labels: Mapping[str, str]) -> None:
    taken = spellings.setdefault(spelling, key)
    if taken != key:
        raise VariantsError(f"«{spelling}» is listed under both {labels[taken]} and {labels[key]}")


def _variants_from_text(text: str, source: str) -> Variants:
    try:
        return Variants.from_table(_values(tomllib.loads(text)))
    except (tomllib.TOMLDecodeError, VariantsError) as exc:
        raise VariantsError(f"{source}: {exc}") from exc


def _values(document: Mapping[str, object]) -> dict[str, list[str]]:
    values = document.get("values", {})
    if not isinstance(values, dict) or not all(_is_entry(v) for v in values.values()):
        raise VariantsError("[values] wants a list of spellings for each label")
    return values


def _is_entry(spellings: object) -> bool:
    return isinstance(spellings, list) and all(isinstance(s, str) for s in spellings)


def load_variants(path: Path) -> Variants:
    """A variant table from a TOML file with a `[values]` table of label → spellings."""
    return _variants_from_text(path.read_text(encoding="utf-8"), str(path))


@functools.cache
def bundled_variants() -> Variants:
    """The table shipped in data/lists/ (installed as tuiroom.data)."""
    return load_variants(bundled("lists/variants.toml"))


# ── Merges the facilitator makes on the screen ────────────────────────────────


@dataclass(frozen=True, eq=False)
class Merges(Mapping[str, str]):
    """Key → the key it was merged into, keys as `Variants.key` gives them. A merge only
    ever links two different groups, so following links always ends; a set of links
    that loops (from a damaged store, say) is refused outright."""

    links: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "links", MappingProxyType(dict(self.links)))
        for key in self.links:
            self.root(key)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Merges:
        """Replays merges in the order made, as the store keeps them."""
        return functools.reduce(lambda merges, pair: merges.merge(*pair), pairs, cls())

    def __getitem__(self, key: str) -> str:
        return self.links[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)

    def root(self, key: str) -> str:
        """The key a group is shown under, however many merges it took to get there."""
        seen = {key}
        while key in self.links:
            key = self.links[key]
            if key in seen:
                raise ValueError(f"merges loop through «{key}»")
            seen.add(key)
        return key

    def merge(self, key: str, into: str) -> Merges:
        """`key`'s group joins `into`'s; unchanged if they are one already (no loops)."""
        top, target = self.root(key), self.root(into)
        if top == target:
            return self
        return Merges({**self.links, top: target})

    def split(self, key: str) -> Merges:
        """Takes `key` (and what was merged into it) back out of the group it joined."""
        return Merges({k: v for k, v in self.links.items() if k != key})

    def members(self, root: str) -> tuple[str, ...]:
        """The keys shown under `root`, so the screen can offer which one to split off."""
        return tuple(key for key in self.links if self.root(key) == root)


NO_MERGES: Final = Merges()


def resolve(item: str, variants: Variants, merges: Merges = NO_MERGES) -> str:
    """The key an item is counted under: its spelling's value, then the room's merges."""
    return merges.root(variants.key(item))
