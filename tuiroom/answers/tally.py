"""What the groups said, summed up for the room: the values every group named, the
shortlist of everyone's top three, 100 points, the diamond of nine and the 1–6 scale.

Answers come in as plain mappings, their spellings folded by tuiroom.answers.variants,
and summaries go out as records: the store is elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from tuiroom.answers.variants import NO_MERGES, Merges, Variants, resolve

DIAMOND: Final = (1, 2, 3, 2, 1)
"""Places per row of the diamond of nine, top row first."""

_ROW_OF_PLACE: Final = tuple(row for row, size in enumerate(DIAMOND, 1) for _ in range(size))


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
