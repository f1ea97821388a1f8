"""Anonymised notes: who stands in for each person, and where their names are typed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuiroom.store.groups import RoleDrawRow, RosterPerson


def names_pattern(names: set[str]) -> re.Pattern[str] | None:
    """Longest names first, in any case; a one-word name only as written, so that a
    walk-in called "Bo" leaves "vi bo her" alone."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    parts = [re.escape(n) if " " in n else f"(?-i:{re.escape(n)})" for n in ordered]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I) if parts else None


def stand_ins(
    roster: Sequence[RosterPerson], draw: RoleDrawRow | None, someone: str
) -> dict[int, str]:
    """Anonymize: a person is their group and the roles they were drawn for (`someone`
    if in neither)."""
    found: dict[int, tuple[str, list[str]]] = {}
    for role in draw.roles if draw else ():
        if role.person_id is not None:
            found.setdefault(role.person_id, (role.group_label, []))[1].append(role.role_name)
    stand_ins = {pid: f"{group}, {' / '.join(roles)}" for pid, (group, roles) in found.items()}
    for person in roster:
        stand_ins.setdefault(person.id, person.group or someone)
    return stand_ins
