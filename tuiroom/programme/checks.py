"""Checks that need more than one field: times that clash, names used twice, plans
that do not fit. They run on every part of the file that validated, so `tuiroom check`
can list every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tuiroom.fmt import hhmm
from tuiroom.names import name_key
from tuiroom.programme.models import Group, Item, Samling
from tuiroom.programme.problems import Problem


def _fmt_minutes(value: float) -> str:
    return f"{value:g}"


def check_items(items: Sequence[tuple[int, Item]], at: int) -> Iterator[Problem]:
    """Times within one samling: order, overlaps, ends, and phase plans that overrun.

    `items` pairs each item with its place in the file; items that could not be read
    at all are left out, and the ones around them are still checked.
    """
    for position, (index, item) in enumerate(items):
        loc = ("samling", at, "item", index)
        given_end = item.time[1]
        if given_end is not None and given_end <= item.start:
            yield Problem(
                "error",
                "end_before_start",
                (*loc, "time"),
                {"start": hhmm(item.start), "end": hhmm(given_end)},
            )
        if given_end is not None and item.minutes is not None:
            yield Problem("error", "end_and_minutes", (*loc, "minutes"))
        last = position == len(items) - 1
        if last and given_end is None and item.minutes is None and item.kind_name != "end":
            yield Problem("error", "no_end", (*loc, "time"), {"start": hhmm(item.start)})
        if position:
            yield from _against_previous(items[position - 1][1], item, loc)
        yield from _phase_fit(item, loc)


Loc = tuple[str | int, ...]


def _against_previous(previous: Item, item: Item, loc: Loc) -> Iterator[Problem]:
    values = {
        "start": hhmm(item.start),
        "other": previous.title,
        "other_start": hhmm(previous.start),
        "end": hhmm(previous.end),
    }
    if item.start < previous.start:
        yield Problem("error", "out_of_order", (*loc, "time"), values)
    elif item.start < previous.end:
        yield Problem("error", "overlap", (*loc, "time"), values)


def _phase_fit(item: Item, loc: Loc) -> Iterator[Problem]:
    planned = sum(e.planned_minutes() for e in item.exercises)
    if item.duration > 0 and planned > item.duration:
        where = (*loc, "exercise", 0, "phases") if len(item.exercises) == 1 else (*loc, "exercise")
        yield Problem(
            "warning",
            "phases_too_long",
            where,
            {"planned": _fmt_minutes(planned), "available": item.duration},
        )


def check_names(
    groups: Sequence[tuple[int, Group]], samlinger: Sequence[tuple[int, Samling]]
) -> Iterator[Problem]:
    """Group names, people and samlinger must each be told apart."""
    seen_groups: dict[str, int] = {}
    seen_people: dict[str, list[tuple[str, str]]] = {}  # name -> (group, e-mail)
    for at, group in groups:
        key = name_key(group.name)
        if key and key in seen_groups:
            yield Problem("error", "duplicate_group", ("group", at, "name"), {"name": group.name})
        seen_groups.setdefault(key, at)
        for index, member in enumerate(group.members):
            person = name_key(member.name)
            earlier = seen_people.setdefault(person, []) if person else []
            yield from _namesake(member.name, (group.name, member.email), earlier, at, index)
            earlier.append((group.name, member.email))
    seen_samlinger: set[str] = set()
    for at, samling in samlinger:
        names = {name_key(n) for n in (samling.title, samling.id) if n}
        if names & seen_samlinger:
            yield Problem(
                "error", "duplicate_samling", ("samling", at, "title"), {"name": samling.title}
            )
        seen_samlinger |= names


def _namesake(
    name: str, here: tuple[str, str], earlier: Sequence[tuple[str, str]], at: int, index: int
) -> Iterator[Problem]:
    """Namesakes are allowed: two people may share a name. Told apart by their e-mail,
    nothing is said; only by their group, a warning asks to tell them apart; by nothing
    (the same group, no e-mail between them), it is the same person twice."""
    loc = ("group", at, "members", index)
    for group, email in earlier:
        if email and here[1] and email.casefold() != here[1].casefold():
            continue
        if name_key(group) != name_key(here[0]):
            yield Problem("warning", "namesake", loc, {"name": name, "group": group})
        else:
            yield Problem("error", "duplicate_person", loc, {"name": name, "group": group})
        return


def check_roles(
    groups: Sequence[tuple[int, Group]], samlinger: Sequence[tuple[int, Samling]], roles: int
) -> Iterator[Problem]:
    """Warn once per group that is too small for the roles drawn in it, and once for
    all the groups with no members at all (their members may come from a roster CSV:
    a conference of 100 tables is one warning, not 100)."""
    drawing = next((e.title for _, s in samlinger for _, e in s.exercises() if e.draw_roles), None)
    if drawing is None:
        return
    empty = [(at, group) for at, group in groups if not group.members]
    if empty:
        yield _without_members(empty)
    for at, group in groups:
        if not group.members:
            continue
        size = len(group.regulars())
        if size < roles:
            yield Problem(
                "warning",
                "group_too_small",
                ("group", at, "members"),
                {"name": group.name, "size": size, "roles": roles, "exercise": drawing},
            )


SHOWN_EMPTY = 3  # groups named in the warning about groups without members


def _without_members(empty: Sequence[tuple[int, Group]]) -> Problem:
    names = ", ".join(group.name for _, group in empty[:SHOWN_EMPTY])
    if len(empty) > SHOWN_EMPTY:
        names += ", …"
    code = "group_without_members" if len(empty) == 1 else "groups_without_members"
    return Problem("warning", code, ("group", empty[0][0]), {"count": len(empty), "names": names})
