"""Who sits with whom: people, pairs, the facilitator's keep-apart and keep-together
rules and who has sat together before, as pair weights and keep-together blocks.

Weights are scaled so the priorities stay strict: keep-apart and keep-together first,
then (mixed) people of one network group together, then repeats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple


class Person(NamedTuple):
    """Someone who can be placed; `group` is the fixed network group, "" for none."""

    id: int
    name: str
    group: str


class Pair(NamedTuple):
    """Two person ids, smaller first, so a pair has one spelling as a key."""

    a: int
    b: int


def pair(x: int, y: int) -> Pair:
    """The one spelling of an unordered pair."""
    return Pair(x, y) if x <= y else Pair(y, x)


class Rules(NamedTuple):
    """What the facilitator asked for, plus who has already sat together."""

    apart: frozenset[Pair] = frozenset()
    together: frozenset[Pair] = frozenset()
    history: Mapping[Pair, int] = MappingProxyType({})


def pair_weights(
    index: Mapping[int, int], rules: Rules, largest: int, spread: bool
) -> tuple[int, list[dict[int, int]], int]:
    """Pair weights per person; each level outweighs anything one swap can do below it."""
    history = [(i, j, c) for i, j, c in _known(index, rules.history.items()) if c > 0]
    per_person = [0] * len(index)
    for i, j, c in history:
        per_person[i] += c
        per_person[j] += c
    heaviest = max(per_person, default=0)
    net_weight = max(10, 2 * heaviest + 1) if spread else 0
    hard = max(1000, 4 * (heaviest + largest * net_weight) + 1)
    weights: list[dict[int, int]] = [{} for _ in index]
    for i, j, c in history:
        _add(weights, i, j, c)
    for i, j, _ in _known(index, ((p, 1) for p in rules.apart)):
        _add(weights, i, j, hard)
    for i, j, _ in _known(index, ((p, 1) for p in rules.together)):
        _add(weights, i, j, -hard)
    return hard, weights, net_weight


def _known(
    index: Mapping[int, int], items: Iterable[tuple[tuple[int, int], int]]
) -> list[tuple[int, int, int]]:
    """Pairs of present people only, as indices; rules about absent people do not bind."""
    out = []
    for (x, y), value in items:
        i, j = index.get(x), index.get(y)
        if i is not None and j is not None and i != j:
            out.append((i, j, value))
    return out


def _add(weights: list[dict[int, int]], i: int, j: int, value: int) -> None:
    weights[i][j] = weights[i].get(j, 0) + value
    weights[j][i] = weights[j].get(i, 0) + value


def together_blocks(index: Mapping[int, int], rules: Rules, largest: int) -> list[list[int]]:
    """Keep-together chains as units, unless one would be too big or hold a keep-apart pair."""
    apart = {(i, j) for i, j, _ in _known(index, ((p, 1) for p in rules.apart))}
    apart |= {(j, i) for i, j in apart}
    root = list(range(len(index)))
    parts = {i: [i] for i in root}
    for i, j, _ in sorted(_known(index, ((p, 1) for p in rules.together))):
        ri, rj = _find(root, i), _find(root, j)
        if ri != rj and _can_join(parts[ri], parts[rj], apart, largest):
            root[rj] = ri
            parts[ri] += parts.pop(rj)
    return [part for part in parts.values() if len(part) > 1]


def _can_join(one: list[int], other: list[int], apart: set[tuple[int, int]], largest: int) -> bool:
    """A block that cannot fit one group, or must be split anyway, is not worth forming."""
    if len(one) + len(other) > largest:
        return False
    return not any((x, y) in apart for x in one for y in other)


def _find(root: list[int], i: int) -> int:
    while root[i] != i:
        root[i] = root[root[i]]
        i = root[i]
    return i
