"""Regrouping and role draws for one samling: the store's people in, the draws module's
fair choices out, and the result kept in the store with its seed.

Only people present at the samling are ever placed or drawn.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import NamedTuple

from tuiroom.groups import draws, pairs
from tuiroom.names import name_key
from tuiroom.store import Store
from tuiroom.store.groups import DrawnRole, GroupingRow, RoleDrawRow, RosterPerson


class Source(NamedTuple):
    """The groups roles are drawn in: key, label and members (present people only)."""

    key: str
    label: str
    members: tuple[int, ...]


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 100_000)  # short enough to read out


def present(roster: Sequence[RosterPerson]) -> list[pairs.Person]:
    return [pairs.Person(p.id, p.name, p.group) for p in roster if p.present]


def rules(store: Store, avoid_repeats: bool) -> pairs.Rules:
    apart: set[pairs.Pair] = set()
    together: set[pairs.Pair] = set()
    for _, a, b, kind in store.pair_rules():
        (apart if kind == "apart" else together).add(pairs.pair(a, b))
    history = {pairs.pair(a, b): n for (a, b), n in store.pair_history().items()}
    return pairs.Rules(frozenset(apart), frozenset(together), history if avoid_repeats else {})


def regroup(
    store: Store,
    samling_id: int,
    mode: draws.SizeMode,
    value: int,
    mix: draws.Mix,
    avoid_repeats: bool,
    seed: int | None = None,
    item_id: int | None = None,
) -> GroupingRow:
    """Draw new groups from everyone present and keep them as the samling's grouping,
    for the agenda item ``item_id`` (drawing again for it replaces the draw)."""
    seed = seed or new_seed()
    people = present(store.roster(samling_id))
    groups = draws.regroup(
        people, mode, value, mix, rules(store, avoid_repeats), random.Random(seed)
    )
    store.save_grouping(samling_id, seed, mode, value, mix, avoid_repeats, groups, item_id)
    found = store.current_grouping(samling_id)
    assert found is not None
    return found


def network_sources(roster: Sequence[RosterPerson]) -> list[Source]:
    found: dict[str, list[int]] = {}
    for person in roster:
        if person.present:
            found.setdefault(person.group, []).append(person.id)
    return [Source(name or "-", name, tuple(ids)) for name, ids in found.items()]


def grouping_sources(grouping: GroupingRow, label: str) -> list[Source]:
    return [
        Source(str(n + 1), label.format(number=n + 1), members)
        for n, members in enumerate(grouping.groups)
    ]


def draw_roles(
    store: Store,
    samling_id: int,
    sources: Sequence[Source],
    roles: Sequence[str],
    grouping_id: int | None,
    playful: bool,
    lang: str,
    seed: int | None = None,
) -> RoleDrawRow:
    """Roles for every group (or criteria, in playful mode), fair across the programme."""
    seed = seed or new_seed()
    rng = random.Random(seed)
    drawn: list[DrawnRole] = []
    if playful:
        criteria = draws.draw_criteria(draws.load_criteria(lang), roles, lang, rng)
        for source in sources:
            drawn += _rows(source, roles, criteria)
    else:
        history = store.role_history(exclude_samling=samling_id)
        for source in sources:
            assignments = draws.draw_roles(source.members, roles, history, rng)
            drawn += _rows(source, roles, assignments)
    store.save_role_draw(samling_id, seed, playful, grouping_id, drawn)
    found = store.current_role_draw(samling_id)
    assert found is not None
    return found


def redraw(
    store: Store,
    samling_id: int,
    current: RoleDrawRow,
    sources: Sequence[Source],
    roles: Sequence[str],
    group_key: str,
    role_no: int | None = None,
    seed: int | None = None,
) -> RoleDrawRow | None:
    """Draw one group again, or only one of its roles, keeping the rest as they are.

    Returns None, drawing nothing, when the group is not among `sources` (everyone in it
    was marked away since the draw, or the draw was of other groups).
    """
    rng = random.Random(seed or new_seed())
    source = next((s for s in sources if s.key == group_key), None)
    if source is None or not source.members:
        return None
    old = [r for r in current.roles if r.group_key == group_key]
    keep = {
        r.role_no: r.person_id
        for r in old
        if role_no is not None and r.role_no != role_no and r.person_id is not None
    }
    history = store.role_history(exclude_samling=samling_id)
    for r in old:  # the one redrawn should not simply get the same person again
        if r.person_id is not None and r.role_no == role_no:
            history = {**history, (r.person_id, name_key(roles[r.role_no])): 10**6}
    assignments = draws.draw_roles(source.members, roles, history, rng, keep or None)
    drawn = _in_place(current.roles, group_key, _rows(source, roles, assignments))
    store.save_role_draw(samling_id, current.seed, current.playful, current.grouping_id, drawn)
    found = store.current_role_draw(samling_id)
    assert found is not None
    return found


def _in_place(
    roles: Sequence[DrawnRole], group_key: str, fresh: Sequence[DrawnRole]
) -> list[DrawnRole]:
    """The draw with one group's roles replaced where they stood, so its card keeps its
    place (and the highlight on it) instead of moving to the end."""
    placed: list[DrawnRole] = []
    done = False
    for role in roles:
        if role.group_key != group_key:
            placed.append(role)
        elif not done:
            placed += fresh
            done = True
    return placed


def _rows(
    source: Source, roles: Sequence[str], assignments: Sequence[draws.Assignment]
) -> list[DrawnRole]:
    return [
        DrawnRole(source.key, source.label, a.role, roles[a.role], a.person, a.criterion)
        for a in assignments
    ]
