"""How long the draws take for the largest events: 650 leaders in 100 groups.

Measures, in the same run and the same number of times:

* regroup: 650 people (invented names, network groups of 6–7) into 100 groups, mixed,
  with 20 keep-apart and 20 keep-together rules and the pair history of three earlier
  groupings;
* draw_all: three roles in each of 100 groups of 6–7, with the history of 10 earlier draws;
* the baseline: `random.Random(seed).shuffle` of the 650 ids and slicing them into groups.

Prints the median of each in milliseconds, its ratio to the baseline, and one line per
target; exits 1 if a target is missed. The targets are absolute (the projector laptop must
answer a key press at once); the ratio shows how much of the time is the machine.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable

from timing import median_ms, report, runs_args, target_line

from tuiroom.groups.draws import draw_all, group_sizes, regroup, regroup_cost
from tuiroom.groups.pairs import Pair, Person, Rules, pair
from tuiroom.names import name_key

PEOPLE = 650
GROUPS = 100
ROLES = ["Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum"]
REGROUP_TARGET_MS = 50.0
DRAW_ALL_TARGET_MS = 50.0
FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Astrid", "Nils", "Marit", "Knut"]
LAST = ["Nordmann", "Hansen", "Berg", "Haugen", "Lie", "Dahl", "Moen", "Lunde", "Bakke", "Vik"]


def invented_people() -> list[Person]:
    """100 network groups, alternately of 7 and 6: 650 leaders."""
    people: list[Person] = []
    for g in range(GROUPS):
        for _ in range(7 if g % 2 == 0 else 6):
            pid = len(people) + 1
            name = f"{FIRST[pid % 10]} {LAST[(pid // 10) % 10]} {pid}"
            people.append(Person(pid, name, f"Nettverk {g + 1:03d}"))
    return people


def pairs_of(groups: list[list[int]]) -> list[Pair]:
    return [pair(x, y) for group in groups for x in group for y in group if x < y]


def regroup_rules(people: list[Person]) -> Rules:
    """20 keep-apart and 20 keep-together pairs (disjoint), and three earlier groupings."""
    history: Counter[Pair] = Counter()
    for seed in (101, 102, 103):
        earlier = regroup(people, "count", GROUPS, "mixed", Rules(), random.Random(seed))
        history.update(pairs_of(earlier))
    ids = [p.id for p in people]
    random.Random(7).shuffle(ids)
    apart = frozenset(pair(ids[k], ids[k + 1]) for k in range(0, 40, 2))
    together = frozenset(pair(ids[k], ids[k + 1]) for k in range(40, 80, 2))
    return Rules(apart, together, dict(history))


def role_setup(people: list[Person]) -> tuple[dict[str, list[int]], dict[tuple[int, str], int]]:
    """The network groups as role groups, and the history of 10 earlier draws."""
    groups: dict[str, list[int]] = {}
    for person in people:
        groups.setdefault(person.group, []).append(person.id)
    history: Counter[tuple[int, str]] = Counter()
    rng = random.Random(11)
    for _ in range(10):
        for drawn in draw_all(groups, ROLES, history, rng).values():
            history.update((a.person, name_key(ROLES[a.role])) for a in drawn if a.person)
    return groups, dict(history)


def baseline(ids: list[int], sizes: list[int]) -> Callable[[int], object]:
    def run(seed: int) -> object:
        order = list(ids)
        random.Random(seed).shuffle(order)
        groups, start = [], 0
        for size in sizes:
            groups.append(order[start : start + size])
            start += size
        return groups

    return run


def main(argv: list[str] | None = None) -> int:
    args = runs_args(__doc__ or "", argv, runs=20, quick=5)
    people = invented_people()
    rules = regroup_rules(people)
    role_groups, role_history = role_setup(people)
    sizes = group_sizes(len(people), "count", GROUPS)
    print(
        f"tuiroom draws benchmark · {len(people)} people in {GROUPS} groups · "
        f"{len(rules.history)} pairs of history · median of {args.runs}",
        flush=True,
    )

    def do_regroup(seed: int) -> object:
        return regroup(people, "count", GROUPS, "mixed", rules, random.Random(seed))

    def do_draw_all(seed: int) -> object:
        return draw_all(role_groups, ROLES, role_history, random.Random(seed))

    # One untimed run of each warms caches and checks the result is sound.
    base_ms = median_ms(baseline([p.id for p in people], sizes), args.runs)
    first = regroup(people, "count", GROUPS, "mixed", rules, random.Random(0))
    cost = regroup_cost(first, people, "mixed", rules)
    do_draw_all(0)
    regroup_ms = median_ms(do_regroup, args.runs)
    draw_all_ms = median_ms(do_draw_all, args.runs)
    print(f"baseline_ms {base_ms:.2f} (shuffle of {len(people)} ids and slicing)")
    print(f"regroup cost {tuple(cost)} (apart, together, same_network, repeats)")
    lines = [
        target_line("regroup_ms", regroup_ms, base_ms, REGROUP_TARGET_MS),
        target_line("draw_all_ms", draw_all_ms, base_ms, DRAW_ALL_TARGET_MS),
    ]
    return report(lines)


if __name__ == "__main__":
    sys.exit(main())
