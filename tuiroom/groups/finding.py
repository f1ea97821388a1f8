"""Where is Per Aarsland? Everyone and every group of the samling as something to find,
each with the answer the room asks for: the name (told apart from namesakes), the table
in the latest new grouping and the network group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tuiroom.groups.people import shown_names
from tuiroom.i18n import t
from tuiroom.store.groups import GroupingRow, RosterPerson


class Findable(NamedTuple):
    """One person or group to find: `text` is what typing matches, `label` the answer."""

    key: str  # "p12" a person, "g" + name a network group, "n3" the fourth new group
    text: str
    label: str
    network: str = ""  # the network group of a person, or the group itself
    new_group: int | None = None  # the place in the new grouping, if any
    place: int | None = None  # where it takes the list it was found for (plenum's groups)


def new_group_label(number: int) -> str:
    return t("groups.group_number", number=number + 1)


def everyone(roster: Sequence[RosterPerson], grouping: GroupingRow | None) -> list[Findable]:
    """People first, then the groups: "aarsland" finds Per, "12" the twelfth new group."""
    names = shown_names(roster)
    table = {
        person: number
        for number, members in enumerate(grouping.groups if grouping else ())
        for person in members
    }
    found = [_person(p, names[p.id], table.get(p.id)) for p in roster]
    sizes: dict[str, int] = {}
    for person in roster:
        sizes[person.group] = sizes.get(person.group, 0) + 1
    found += [
        Findable("g" + name, name, t("find.network_group", name=name, count=count), name)
        for name, count in sizes.items()
        if name
    ]
    for number, members in enumerate(grouping.groups if grouping else ()):
        who = ", ".join(names.get(m, "?") for m in members)
        label = t("find.new_group", group=new_group_label(number), people=who)
        found.append(Findable(f"n{number}", new_group_label(number), label, "", number))
    return found


def _person(person: RosterPerson, name: str, table: int | None) -> Findable:
    places = [new_group_label(table)] if table is not None else []
    places += [person.group] if person.group else []
    where = ", ".join(places) or t("find.no_group")
    away = "" if person.present else " " + t("find.away")
    label = t("find.person", name=name, where=where) + away
    text = f"{name} {person.email}"
    return Findable(f"p{person.id}", text, label, person.group, table)


def in_plenum(
    speakers: Sequence[tuple[str, str]],
    roster: Sequence[RosterPerson],
    grouping: GroupingRow | None,
) -> list[Findable]:
    """Plenum's groups by number ("73") or name, and everyone, each taking plenum to the
    group that reads out for them. `speakers` are (key, label) in speaking order; with a
    `grouping` they are its groups, else the network groups (keyed by name)."""
    found = [
        Findable(f"s{n}", f"{n + 1} {label}", f"{n + 1} · {label}", place=n)
        for n, (_, label) in enumerate(speakers)
    ]
    index = {key: n for n, (key, _) in enumerate(speakers)}
    for person in everyone(roster, grouping):
        if person.key.startswith("p"):
            place = person.new_group if grouping is not None else index.get(person.network)
            found.append(person._replace(place=place))
    return found
