"""Drawing new groups from the people present, and (re-exported from roles) their roles.

A regroup seats keep-together pairs first (a swap of two people cannot move a pair), deals
the rest round-robin, then swaps two people at a time while that helps. The cost is a sum
over pairs sitting together, so a swap's change comes from the two people's neighbour maps
and running per-group sums alone: 650 people in 100 groups take milliseconds. The pair
weights and keep-together blocks come from tuiroom.groups.pairs.

Everything random comes from the caller's `random.Random`, so a draw can be shown again
from its seed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from tuiroom.groups.pairs import Person, Rules, pair, pair_weights, together_blocks

# The role draws live in tuiroom.groups.roles; callers import them from here.
from tuiroom.groups.roles import Assignment as Assignment
from tuiroom.groups.roles import combined as combined
from tuiroom.groups.roles import draw_all as draw_all
from tuiroom.groups.roles import draw_criteria as draw_criteria
from tuiroom.groups.roles import draw_roles as draw_roles
from tuiroom.groups.roles import load_criteria as load_criteria

SizeMode = Literal["pairs", "trios", "count", "size"]
Mix = Literal["mixed", "within", "any"]

FIXED_SIZES = {"pairs": 2, "trios": 3}
PASSES = 12  # improvement rounds at most; a round without a swap ends it sooner
SAMPLE = 32  # swap partners tried per person when trying everyone would be too slow
TRY_ALL = 80  # up to this many people, every partner is tried


class Cost(NamedTuple):
    """What a grouping gets wrong, for the screen: pairs broken, and pairs repeated."""

    apart: int  # keep-apart pairs sitting in one group
    together: int  # keep-together pairs split
    same_network: int  # pairs of one network group in one group (mixed only, else 0)
    repeats: int  # pairs in one group who have sat together before


class _State(NamedTuple):
    """The grouping being improved, with what makes a swap's cost cheap to compute."""

    members: list[list[int]]  # group -> person indices
    where: list[int]  # person index -> group
    weights: list[dict[int, int]]  # person -> neighbour -> cost when in one group
    sums: list[dict[int, int]]  # person -> group -> summed weights of neighbours there
    nets: list[int]  # person -> network group index, -1 for none
    counts: list[list[int]]  # group -> network group -> members there; empty if not mixed
    net_weight: int
    hard: int


def group_sizes(n: int, mode: SizeMode, value: int = 0) -> list[int]:
    """Sizes within one of each other, largest first: a leftover joins a group, never alone."""
    if n <= 0:
        return []
    count = _group_count(n, mode, value)
    base, extra = divmod(n, count)
    return [base + 1] * extra + [base] * (count - extra)


def _group_count(n: int, mode: SizeMode, value: int) -> int:
    if mode == "count":
        if value < 1:
            raise ValueError(f"need at least one group, got {value}")
        return min(value, n)
    if mode not in FIXED_SIZES and mode != "size":
        raise ValueError(f"unknown size mode {mode!r}")
    size = FIXED_SIZES.get(mode, value)
    if size < 1:
        raise ValueError(f"a group needs at least one person, got {value}")
    return max(1, n // size)


def regroup(
    people: Sequence[Person],
    mode: SizeMode,
    value: int,
    mix: Mix,
    rules: Rules,
    rng: random.Random,
) -> list[list[int]]:
    """New groups of the people given (the present ones), each exactly once.

    "within" splits every network group on its own, with the size rule applied to each (so
    "count" means that many groups per network group); people in no group form one pool.
    """
    present = _unique(people)
    if mix == "within":
        pools = _pools(present)
        return [g for pool in pools for g in _regroup_pool(pool, mode, value, False, rules, rng)]
    if mix not in ("mixed", "any"):
        raise ValueError(f"unknown mix {mix!r}")
    return _regroup_pool(present, mode, value, mix == "mixed", rules, rng)


def _unique(people: Sequence[Person]) -> list[Person]:
    """The first entry of each id: someone listed twice is still placed once."""
    first: dict[int, Person] = {}
    for person in people:
        first.setdefault(person.id, person)
    return list(first.values())


def _pools(people: list[Person]) -> list[list[Person]]:
    """Network groups in name order, then those in none."""
    pools: dict[str, list[Person]] = {}
    for person in people:
        pools.setdefault(person.group, []).append(person)
    return [pools[name] for name in sorted(pools, key=lambda name: (name == "", name))]


def _regroup_pool(
    people: list[Person], mode: SizeMode, value: int, spread: bool, rules: Rules, rng: random.Random
) -> list[list[int]]:
    sizes = group_sizes(len(people), mode, value)
    if not sizes:
        return []
    index = {person.id: i for i, person in enumerate(people)}
    hard, weights, net_weight = pair_weights(index, rules, max(sizes), spread)
    state = _empty_state(people, len(sizes), weights, net_weight, hard)
    placed = _place_blocks(state, sizes, together_blocks(index, rules, max(sizes)), rng)
    singles = [i for i in range(len(people)) if i not in placed]
    _deal(state, sizes, _deal_order(state, singles, spread, rng))
    _fill_sums(state)
    _improve(state, rng)
    return [[people[i].id for i in group] for group in state.members]


def _empty_state(
    people: list[Person], groups: int, weights: list[dict[int, int]], net_weight: int, hard: int
) -> _State:
    names = sorted({p.group for p in people if p.group})
    number = {name: k for k, name in enumerate(names)}
    nets = [number.get(p.group, -1) for p in people]
    counts = [[0] * len(names) for _ in range(groups)] if net_weight else []
    members: list[list[int]] = [[] for _ in range(groups)]
    sums: list[dict[int, int]] = [{} for _ in people]
    return _State(members, [-1] * len(people), weights, sums, nets, counts, net_weight, hard)


def _place_blocks(
    state: _State, sizes: list[int], blocks: list[list[int]], rng: random.Random
) -> set[int]:
    """Blocks first, biggest first, each where it breaks the fewest rules and has most room."""
    placed: set[int] = set()
    keyed = [(-len(block), rng.random(), block) for block in blocks]
    for _, _, block in sorted(keyed):
        room = [g for g, size in enumerate(sizes) if size - len(state.members[g]) >= len(block)]
        if room:
            best = min(room, key=lambda g: _block_key(state, sizes, block, g, rng))
            for i in block:
                _put(state, i, best)
            placed.update(block)
    return placed


def _block_key(
    state: _State, sizes: list[int], block: list[int], g: int, rng: random.Random
) -> tuple[int, int, int, float]:
    """Rules broken, then room left (packs pairs best), then soft cost, then chance."""
    broken = 0
    soft = sum(state.counts[g][state.nets[i]] for i in block if state.nets[i] >= 0 and state.counts)
    soft *= state.net_weight
    for i in block:
        for j, w in state.weights[i].items():
            if state.where[j] == g:
                rules, rest = divmod(w, state.hard)
                broken, soft = broken + rules, soft + rest
    return broken, len(state.members[g]) - sizes[g], soft, rng.random()


def _deal_order(state: _State, singles: list[int], spread: bool, rng: random.Random) -> list[int]:
    """Mixed: network groups in random order, shuffled inside, so dealing spreads each one."""
    rng.shuffle(singles)
    if not spread:
        return singles
    rank = list(range(max(state.nets, default=-1) + 1))
    rng.shuffle(rank)
    return sorted(singles, key=lambda i: rank[state.nets[i]] if state.nets[i] >= 0 else len(rank))


def _deal(state: _State, sizes: list[int], order: list[int]) -> None:
    """Round-robin: a run of k people (k up to the number of groups) lands in k groups."""
    g = 0
    for i in order:
        while len(state.members[g]) >= sizes[g]:
            g = (g + 1) % len(sizes)
        _put(state, i, g)
        g = (g + 1) % len(sizes)


def _put(state: _State, i: int, g: int) -> None:
    state.members[g].append(i)
    state.where[i] = g
    if state.counts and state.nets[i] >= 0:
        state.counts[g][state.nets[i]] += 1


def _fill_sums(state: _State) -> None:
    for i, neighbours in enumerate(state.weights):
        sums = state.sums[i]
        for j, w in neighbours.items():
            g = state.where[j]
            sums[g] = sums.get(g, 0) + w


def _improve(state: _State, rng: random.Random) -> None:
    """Swap people out of trouble; a bounded number of rounds keeps the time predictable."""
    for _ in range(PASSES):
        trouble = [i for i in range(len(state.where)) if _troubled(state, i)]
        rng.shuffle(trouble)
        moved = 0
        for i in trouble:
            if _troubled(state, i) and _try_swaps(state, i, rng):
                moved += 1
        if not moved:
            return


def _troubled(state: _State, i: int) -> bool:
    """In a group with someone to avoid, away from someone to join, or with own network."""
    g = state.where[i]
    net = state.nets[i]
    if state.counts and net >= 0 and state.counts[g][net] > 1:
        return True
    where = state.where
    # A positive weight hurts in the same group, a negative one (keep together) elsewhere.
    return any((w > 0) == (where[j] == g) for j, w in state.weights[i].items() if w)


def _try_swaps(state: _State, a: int, rng: random.Random) -> bool:
    """Make the best improving swap of `a` among the partners tried; say if there was one."""
    best, best_delta = -1, 0
    x = state.where[a]
    for b in _partners(state, a, rng):
        if state.where[b] != x:
            delta = _delta(state, a, b)
            if delta < best_delta and _worth_it(state, a, b, delta):
                best, best_delta = b, delta
    if best < 0:
        return False
    _swap(state, a, best)
    return True


def _worth_it(state: _State, a: int, b: int, delta: int) -> bool:
    """A swap that mends no rule must break none: trading one broken rule for another only
    moves the trouble where a later swap may not reach it (a keep-together pair, say)."""
    if delta <= -(state.hard // 2):
        return True
    x, y = state.where[a], state.where[b]
    return not (_breaks_moving(state, a, x, y, b) or _breaks_moving(state, b, y, x, a))


def _breaks_moving(state: _State, i: int, x: int, y: int, other: int) -> bool:
    """Whether i leaves someone to keep together in x, or joins someone to keep apart in y."""
    for j, w in state.weights[i].items():
        level = w // state.hard  # 1: keep apart, -1: keep together, 0: only history
        g = state.where[j]
        if j != other and ((level < 0 and g == x) or (level > 0 and g == y)):
            return True
    return False


def _partners(state: _State, a: int, rng: random.Random) -> list[int]:
    """Everyone in small draws or when a rule is broken (a lucky sample could otherwise
    trade one broken rule for another); else a sample, plus the groups `a` must join.
    """
    n = len(state.where)
    if n <= TRY_ALL or _breaks_rule(state, a):
        return list(range(n))
    out = [rng.randrange(n) for _ in range(SAMPLE)]
    # Sorted: the order of the rules as given must not change a replay of the same seed.
    for j in sorted(j for j, w in state.weights[a].items() if w < 0):
        if state.where[j] != state.where[a]:
            out += state.members[state.where[j]]
    return out


def _breaks_rule(state: _State, a: int) -> bool:
    g, where = state.where[a], state.where
    for j, w in state.weights[a].items():
        level = w // state.hard  # 1: keep apart, -1: keep together, 0: only history
        if (level > 0 and where[j] == g) or (level < 0 and where[j] != g):
            return True
    return False


def _delta(state: _State, a: int, b: int) -> int:
    """Cost change of swapping a and b, from their neighbour sums and the network counts."""
    x, y = state.where[a], state.where[b]
    sa, sb = state.sums[a], state.sums[b]
    w = state.weights[a].get(b, 0)
    change = sa.get(y, 0) - sa.get(x, 0) + sb.get(x, 0) - sb.get(y, 0) - 2 * w
    if state.counts:
        change += state.net_weight * _net_delta(state, state.nets[a], state.nets[b], x, y)
    return change


def _net_delta(state: _State, na: int, nb: int, x: int, y: int) -> int:
    """Same-network pairs gained minus lost when a (network na) and b (nb) swap groups."""
    if na == nb:
        return 0
    counts, change = state.counts, 0
    if na >= 0:
        change += counts[y][na] - (counts[x][na] - 1)
    if nb >= 0:
        change += counts[x][nb] - (counts[y][nb] - 1)
    return change


def _swap(state: _State, a: int, b: int) -> None:
    x, y = state.where[a], state.where[b]
    _move(state, a, x, y)
    _move(state, b, y, x)
    state.members[x][state.members[x].index(a)] = b
    state.members[y][state.members[y].index(b)] = a


def _move(state: _State, i: int, x: int, y: int) -> None:
    """Tell i's neighbours it moved from group x to y (members lists are fixed by the caller)."""
    state.where[i] = y
    for j, w in state.weights[i].items():
        sums = state.sums[j]
        sums[x] -= w
        sums[y] = sums.get(y, 0) + w
    net = state.nets[i]
    if state.counts and net >= 0:
        state.counts[x][net] -= 1
        state.counts[y][net] += 1


def regroup_cost(
    groups: Sequence[Sequence[int]], people: Sequence[Person], mix: Mix, rules: Rules
) -> Cost:
    """Count what a grouping breaks; pairs with someone not placed are not counted."""
    where = {pid: g for g, group in enumerate(groups) for pid in group}
    network = {p.id: p.group for p in people}
    together_pairs = [pair(x, y) for group in groups for x in group for y in group if x < y]
    same = 0
    if mix == "mixed":
        same = sum(1 for x, y in together_pairs if network.get(x, "") == network.get(y, "") != "")
    return Cost(
        apart=sum(1 for x, y in rules.apart if x in where and where.get(y, -1) == where[x]),
        together=sum(1 for x, y in rules.together if _split(where, x, y)),
        same_network=same,
        repeats=sum(1 for p in together_pairs if rules.history.get(p, 0) > 0),
    )


def _split(where: Mapping[int, int], x: int, y: int) -> bool:
    return x in where and y in where and where[x] != where[y]
