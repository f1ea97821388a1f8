"""What the groups said, summed up for the room: the values every group named, the
shortlist of everyone's top three, 100 points, the diamond of nine and the 1–6 scale.

The facilitator types the answers as the groups read them out, so one value arrives in
many spellings ("Åpenhet", "openheit", "åpen"). A variant table folds known spellings
into one key; the facilitator merges on screen what the table does not know. Answers
come in as plain mappings and summaries go out as records: the store is elsewhere.
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

DIAMOND: Final = (1, 2, 3, 2, 1)
"""Places per row of the diamond of nine, top row first."""

_ROW_OF_PLACE: Final = tuple(row for row, size in enumerate(DIAMOND, 1) for _ in range(size))
_SEPARATORS: Final = re.compile(r"[,;]")
_MARKER: Final = re.compile(r"^(?:[-–—•*·▪◦‣]+\s*|\d{1,3}[.)]\s*|[^\W\d_]\)\s+)+")
_TRAILING: Final = re.compile(r"[\s.,;:!?…]+$")
_QUOTES: Final = " \t\"'«»“”‘’"
_SLASH: Final = re.compile(r"\s*/\s*")


# ── Parsing what was typed ────────────────────────────────────────────────────


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


# ── Gathering items under their keys ─────────────────────────────────────────


@dataclass
class _Pool:
    """Keys in order of first appearance, with who named them, how they spelled it, the
    points they gave and the best place (rank or row) any of them put it in."""

    variants: Variants
    merges: Merges
    groups: dict[str, dict[str, None]] = field(default_factory=dict)
    spellings: dict[str, dict[str, None]] = field(default_factory=dict)
    own: dict[str, str] = field(default_factory=dict)
    sums: dict[str, int] = field(default_factory=dict)
    best: dict[str, int] = field(default_factory=dict)

    def add(
        self, group: str, item: str, *, gain: int = 0, place: int = 0, voted: bool = True
    ) -> None:
        """Blank items are skipped: nobody meant them as a value."""
        spelling = " ".join(item.split())
        own = self.variants.key(spelling)
        if not own:
            return
        key = self.merges.root(own)
        self.groups.setdefault(key, {})
        self.spellings.setdefault(key, {})[spelling] = None
        if own == key:
            self.own.setdefault(key, spelling)
        if voted:
            self.groups[key][group] = None
        self.sums[key] = self.sums.get(key, 0) + gain
        self.best[key] = min(self.best.get(key, place), place)

    def named(self, group: str, item: str) -> bool:
        """Whether the group has this item's value already, under any spelling."""
        return group in self.groups.get(resolve(item, self.variants, self.merges), {})

    def label(self, key: str) -> str:
        seen = self.own.get(key) or next(iter(self.spellings[key]))
        return self.variants.label(key, seen)

    def counts(self) -> list[Count]:
        """One Count a key, in order of first appearance, which is every sort's last tie."""
        return [self._count(key) for key in self.groups]

    def _count(self, key: str) -> Count:
        groups = tuple(self.groups[key])
        return Count(key, self.label(key), len(groups), groups, tuple(self.spellings[key]))


@dataclass(frozen=True, slots=True)
class Count:
    """One value and the groups that named it, with every spelling it arrived in."""

    key: str
    label: str
    count: int
    groups: tuple[str, ...]
    spellings: tuple[str, ...]


def tally(
    answers: Mapping[str, Sequence[str]], variants: Variants, merges: Merges = NO_MERGES
) -> list[Count]:
    """How many groups named each value; a group naming it twice still counts once."""
    pool = _Pool(variants, merges)
    for group, items in answers.items():
        for item in items:
            pool.add(group, item)
    return sorted(pool.counts(), key=lambda c: -c.count)


def top_k(
    ranked: Mapping[str, Sequence[str]],
    k: int,
    variants: Variants,
    merges: Merges = NO_MERGES,
) -> list[Count]:
    """Everyone's top k in one shortlist ("Vi henter ut de tre øverste hos alle")."""
    pool = _Pool(variants, merges)
    for group, items in ranked.items():
        for rank, item in _ranked_top(items, k, variants, merges):
            pool.add(group, item, place=rank)
    return sorted(pool.counts(), key=lambda c: (-c.count, pool.best[c.key]))


def _ranked_top(
    items: Sequence[str], k: int, variants: Variants, merges: Merges
) -> Iterator[tuple[int, str]]:
    """(rank, item) for a group's first k values; a value written twice takes one place."""
    taken: list[str] = []
    for item in items:
        key = resolve(item, variants, merges)
        if key and key not in taken:
            if len(taken) == k:
                return
            taken.append(key)
        if key:
            yield taken.index(key) + 1, item


# ── 100 points ────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Total:
    """Points for one value, and who gave it any."""

    key: str
    label: str
    points: int
    voters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PointsCheck:
    """The running sum under a person's allocation as they type it."""

    total: int
    left: int
    over: bool
    negative: list[str]


def points(
    allocations: Mapping[str, Mapping[str, int]],
    variants: Variants,
    merges: Merges = NO_MERGES,
) -> list[Total]:
    """Points summed per value. Only positive points count: a negative entry is a typo
    that `check_points` shows, not a vote against."""
    pool = _Pool(variants, merges)
    for person, allocation in allocations.items():
        for option, given in allocation.items():
            pool.add(person, option, gain=max(given, 0), voted=given > 0)
    totals = [Total(c.key, c.label, pool.sums[c.key], c.groups) for c in pool.counts()]
    return sorted(totals, key=lambda t: (-t.points, -len(t.voters)))


def check_points(allocation: Mapping[str, int], budget: int = 100) -> PointsCheck:
    """What to show beside the fields: the sum, what is left, and what to fix."""
    total = sum(allocation.values())
    negative = [option for option, given in allocation.items() if given < 0]
    return PointsCheck(total, budget - total, total > budget, negative)


# ── Diamond of nine ───────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Score:
    """A value's diamond points over all groups, and the highest row any group gave it."""

    key: str
    label: str
    points: int
    groups: tuple[str, ...]
    best_row: int


def diamond_rows(items: Sequence[str]) -> list[list[str]]:
    """Nine items in reading order laid out 1-2-3-2-1; a short list leaves the bottom
    rows short. Items past the ninth have no place in a diamond and are left out."""
    rows: list[list[str]] = [[] for _ in DIAMOND]
    for row, item in zip(_ROW_OF_PLACE, items, strict=False):
        rows[row - 1].append(item)
    return rows


def consensus(
    diamonds: Mapping[str, Sequence[str]],
    variants: Variants,
    merges: Merges = NO_MERGES,
) -> list[Score]:
    """Where the groups' diamonds agree. A value a group placed twice scores its higher
    place only, so writing it both in bokmål and nynorsk earns nothing extra."""
    pool = _Pool(variants, merges)
    for group, items in diamonds.items():
        for row, item in zip(_ROW_OF_PLACE, items, strict=False):
            worth = 0 if pool.named(group, item) else len(DIAMOND) + 1 - row  # top row 5
            pool.add(group, item, gain=worth, place=row)
    scores = [
        Score(c.key, c.label, pool.sums[c.key], c.groups, pool.best[c.key]) for c in pool.counts()
    ]
    return sorted(scores, key=lambda s: (-s.points, -len(s.groups), s.best_row))


# ── 1–6 scale ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ScaleRow:
    """How the room scored one statement."""

    statement: str
    mean: float
    low: int
    high: int
    count: int


def scale_summary(scores: Mapping[str, Mapping[str, int]]) -> list[ScaleRow]:
    """Per statement, in the order the statements first appear; `scores` maps a person
    to statement → score. A score outside 1–6 is a slip of the keyboard, not an opinion,
    so it is left out; a statement with no score left has no row."""
    by_statement: dict[str, list[int]] = {}
    for person_scores in scores.values():
        for statement, score in person_scores.items():
            valid = by_statement.setdefault(statement, [])
            if not isinstance(score, bool) and 1 <= score <= 6:
                valid.append(score)
    return [_scale_row(s, v) for s, v in by_statement.items() if v]


def _scale_row(statement: str, scores: list[int]) -> ScaleRow:
    return ScaleRow(statement, sum(scores) / len(scores), min(scores), max(scores), len(scores))
