"""Who holds which role in a group: a fair rotation over the programme, or a playful criterion.

A role draw is a small bipartite matching (roles to members). Leaders notice quickly when
the same person is made secretary twice while a colleague never has been, so for every
role only the members with the fewest turns at it are allowed first, and the allowance is
widened one turn at a time only when no complete draw exists. Sitting a draw out is treated
as one more role ("sit-out" slots, given to those with the most turns overall): without it
the rotation can paint itself into a corner where one person is everybody's last candidate.

Everything random comes from the caller's `random.Random`, so a draw can be shown again
from its seed. The public names are re-exported by tuiroom.groups.draws; import them from there.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from tuiroom.names import name_key
from tuiroom.paths import bundled

LANGUAGES = ("nb", "nn", "en")
# The first ending is the one added; the others are spellings already seen in the decks.
LEFT_ENDINGS = {
    "nb": (" av dem som er igjen", " av de som er igjen"),
    "nn": (" av dei som er att", " av dei som er igjen"),
    "en": (" of those left",),
}


class Assignment(NamedTuple):
    """One role in one group: a person, or (playful mode) a criterion the room applies."""

    role: int
    person: int | None
    criterion: str = ""


class _Draw(NamedTuple):
    """What one group's matching needs; built once, tried at widening allowances."""

    members: list[int]  # in the random order that breaks ties
    free: list[int]  # role indices still to draw
    caps: list[int]  # roles each member may still take, parallel to members
    turns: list[list[int]]  # turns[k][i]: times members[k] held roles[free[i]]
    totals: list[int]  # turns at any of the roles, parallel to members


class _Board(NamedTuple):
    """The right side of the matching: every place a member can still take a role."""

    slots: list[int]  # slot -> member position
    by_member: dict[int, list[int]]  # member position -> its slots
    able: list[int]  # member positions with a slot
    sitouts: int  # slots no role fills


def draw_roles(
    members: Sequence[int],
    roles: Sequence[str],
    history: Mapping[tuple[int, str], int],
    rng: random.Random,
    keep: Mapping[int, int] | None = None,
) -> list[Assignment]:
    """Draw one group's roles, in role order; only the members passed can be drawn.

    `keep` pins roles to people (to redraw one role, keep the others); a pin to someone not
    in `members` or to a role that does not exist is ignored, so that role is drawn.
    """
    people = list(dict.fromkeys(members))
    if not people or not roles:
        return []
    kept = {r: p for r, p in (keep or {}).items() if 0 <= r < len(roles) and p in people}
    draw = _prepare(people, roles, kept, history, rng)
    chosen = dict(kept)
    chosen.update(_solve(draw, rng))
    return [Assignment(r, chosen[r]) for r in range(len(roles))]


def _prepare(
    people: list[int],
    roles: Sequence[str],
    kept: Mapping[int, int],
    history: Mapping[tuple[int, str], int],
    rng: random.Random,
) -> _Draw:
    """Capacities: one role each while there are enough members, else floor or ceil each."""
    rng.shuffle(people)
    most = -(-len(roles) // len(people))
    held = Counter(kept.values())
    keys = [name_key(name) for name in roles]
    free = [r for r in range(len(roles)) if r not in kept]
    turns = [[history.get((m, keys[r]), 0) for r in free] for m in people]
    totals = [sum(history.get((m, key), 0) for key in set(keys)) for m in people]
    caps = [max(0, most - held[m]) for m in people]
    return _Draw(people, free, caps, turns, totals)


def _solve(draw: _Draw, rng: random.Random) -> dict[int, int]:
    """The first allowance that gives a complete draw; role index -> person id."""
    board = _board(draw)
    left = list(range(len(draw.free) + board.sitouts))
    rng.shuffle(left)
    bar = _sitout_bar(draw, board)
    roles_widths = _role_widths(draw, board.able)
    sit_widths = sorted({0} | {bar - draw.totals[k] for k in board.able if draw.totals[k] < bar})
    levels = [(0, s) for s in sit_widths] + [(r, sit_widths[-1]) for r in roles_widths[1:]]
    for role_level, sitout_level in levels:
        adjacency = _adjacency(draw, board, role_level, bar - sitout_level)
        owner = _kuhn([adjacency[i] for i in left], len(board.slots))
        if owner is not None:
            return _chosen(draw, board, owner, left)
    # Only when kept roles overload someone: any complete draw of the free roles will do.
    free_only = _adjacency(draw, board, roles_widths[-1], bar)[: len(draw.free)]
    owner = _kuhn(free_only, len(board.slots))
    assert owner is not None, "the capacities always cover the free roles"
    return _chosen(draw, board, owner, list(range(len(draw.free))))


def _board(draw: _Draw) -> _Board:
    slots = [k for k, cap in enumerate(draw.caps) for _ in range(cap)]
    by_member: dict[int, list[int]] = {}
    for index, k in enumerate(slots):
        by_member.setdefault(k, []).append(index)
    able = [k for k, cap in enumerate(draw.caps) if cap]
    return _Board(slots, by_member, able, len(slots) - len(draw.free))


def _role_widths(draw: _Draw, able: list[int]) -> list[int]:
    """The allowances worth trying (from 0): each lets at least one more member take a role.

    Only these, so a history that pushes someone out with a huge count costs no time.
    """
    widths = {0}
    for i in range(len(draw.free)):
        column = [draw.turns[k][i] for k in able]
        widths.update(turns - min(column) for turns in column)
    return sorted(widths)


def _sitout_bar(draw: _Draw, board: _Board) -> int:
    """The fewest turns overall among the `sitouts` members with the most, who sit out first."""
    if not board.sitouts or not board.able:
        return 0
    ranked = sorted((draw.totals[k] for k in board.able), reverse=True)
    return ranked[min(board.sitouts, len(board.able)) - 1]


def _adjacency(draw: _Draw, board: _Board, role_level: int, bar: int) -> list[list[int]]:
    """Left side: free roles, then sit-outs; right side: member slots."""
    rows = []
    for i in range(len(draw.free)):
        fewest = min(draw.turns[k][i] for k in board.able)
        allowed = [k for k in board.able if draw.turns[k][i] <= fewest + role_level]
        rows.append([s for k in allowed for s in board.by_member[k]])
    # A sit-out only takes a member's last slot, so nobody gets fewer than floor(roles/members).
    last = [board.by_member[k][-1] for k in board.able if draw.totals[k] >= bar]
    return rows + [last] * board.sitouts


def _kuhn(adjacency: list[list[int]], right: int) -> list[int] | None:
    """A matching covering every left vertex (owner of each right vertex), or None."""
    owner = [-1] * right
    for vertex in range(len(adjacency)):
        if not _augment(vertex, adjacency, owner, set()):
            return None
    return owner


def _augment(vertex: int, adjacency: list[list[int]], owner: list[int], seen: set[int]) -> bool:
    for slot in adjacency[vertex]:
        if slot not in seen:
            seen.add(slot)
            if owner[slot] < 0 or _augment(owner[slot], adjacency, owner, seen):
                owner[slot] = vertex
                return True
    return False


def _chosen(draw: _Draw, board: _Board, owner: list[int], left: list[int]) -> dict[int, int]:
    """Translate the matching back: the left vertices below len(free) are roles."""
    out = {}
    for slot, position in enumerate(owner):
        if position >= 0 and left[position] < len(draw.free):
            out[draw.free[left[position]]] = draw.members[board.slots[slot]]
    return out


def combined(assignments: Sequence[Assignment]) -> dict[int, list[int]]:
    """Person -> role indices, for those holding more than one (the screen joins the names)."""
    held: dict[int, list[int]] = {}
    for item in assignments:
        if item.person is not None:
            held.setdefault(item.person, []).append(item.role)
    return {person: roles for person, roles in held.items() if len(roles) > 1}


def draw_all(
    groups: Mapping[str, Sequence[int]],
    roles: Sequence[str],
    history: Mapping[tuple[int, str], int],
    rng: random.Random,
) -> dict[str, list[Assignment]]:
    """Every group's roles from one generator, in sorted key order so a seed replays it."""
    return {key: draw_roles(groups[key], roles, history, rng) for key in sorted(groups)}


def load_criteria(lang: str) -> list[str]:
    """The playful criteria of a language; nynorsk borrows bokmål's if its file is missing."""
    if lang not in LANGUAGES:
        raise ValueError(f"no criteria for language {lang!r}; use one of {', '.join(LANGUAGES)}")
    path = _criteria_file(lang)
    if path is None and lang == "nn":
        path = _criteria_file("nb")
    if path is None:
        raise FileNotFoundError(f"criteria-{lang}.txt is neither in data/ nor installed")
    return _parse_criteria(path.read_text(encoding="utf-8"))


def _criteria_file(lang: str) -> Path | None:
    """The language's list in data/lists/, installed or in a checkout."""
    path = bundled(f"lists/criteria-{lang}.txt")
    return path if path.is_file() else None


def _parse_criteria(text: str) -> list[str]:
    """One criterion a line; blank lines and # comments let the files explain themselves."""
    lines = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def draw_criteria(
    criteria: Sequence[str], roles: Sequence[str], lang: str, rng: random.Random
) -> list[Assignment]:
    """A different criterion for every role; the later ones pick among those left.

    Raises ValueError when there are fewer distinct criteria than roles: repeating one
    would leave the room unable to tell who is meant.
    """
    endings = _endings(lang)
    pool = _distinct(criteria, endings)
    if len(pool) < len(roles):
        raise ValueError(f"{len(roles)} roles need {len(roles)} criteria, got {len(pool)}")
    picked = rng.sample(pool, len(roles))
    return [
        Assignment(i, None, text if i == 0 else text + endings[0]) for i, text in enumerate(picked)
    ]


def _endings(lang: str) -> tuple[str, ...]:
    if lang not in LEFT_ENDINGS:
        raise ValueError(f"no criteria for language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return LEFT_ENDINGS[lang]


def _distinct(criteria: Sequence[str], endings: tuple[str, ...]) -> list[str]:
    """The criteria once each, compared as names are (case and spaces do not count)."""
    first: dict[str, str] = {}
    for text in (_bare(c, endings) for c in criteria):
        if text:
            first.setdefault(name_key(text), text)
    return list(first.values())


def _bare(criterion: str, endings: tuple[str, ...]) -> str:
    """Without its "of those left", so the ending is never doubled nor a repeat hidden."""
    text = " ".join(criterion.split())
    for ending in endings:
        if text.casefold().endswith(ending.casefold()):
            return text[: -len(ending)].rstrip()
    return text
