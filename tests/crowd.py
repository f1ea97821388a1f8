"""Rooms larger than Seljord's six tables: a programme with any number of network
groups of invented people, its clock running, for projector and paging tests."""

from __future__ import annotations

import itertools
from pathlib import Path

from tests.running import running
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.groups import work as groupwork
from tuiroom.programme.loading import load_programme
from tuiroom.screens.groups_roles import role_card
from tuiroom.store import Store
from tuiroom.store.groups import DrawnRole

FIRST = (
    "Astrid", "Bjørn", "Cecilie", "Dag", "Eirik", "Frøydis", "Gunnar", "Hege", "Idun",
    "Jostein", "Kjersti", "Leif", "Marit", "Njål", "Oddny", "Pål", "Ragnhild", "Sindre",
    "Torild", "Ulv", "Vigdis", "Åse", "Øystein", "Ærling", "Zakarias", "Yngve",
)  # fmt: skip
LAST = (
    "Aasheim", "Bakken", "Dahl", "Eng", "Fossum", "Grønli", "Holm", "Isaksen", "Jahr",
    "Kvam", "Lund", "Moe", "Nes", "Opsahl", "Rud", "Strand", "Tangen", "Ulstein", "Vik",
    "Wold", "Østby", "Ødegård-Kristiansen", "Årdal", "Sæther",
)  # fmt: skip
TABLES = (
    "Fjellrev", "Havørn", "Jerv", "Lirype", "Moskus", "Oter", "Rein", "Sel", "Trane",
    "Ulv", "Bever", "Elg",
)  # fmt: skip


def people(count: int) -> list[str]:
    """`count` different invented names, in no particular order."""
    triples = itertools.product(("", "Marie ", "Johan "), LAST, FIRST)
    names = [f"{first} {middle}{last}" for middle, last, first in itertools.islice(triples, count)]
    return names[::2] + names[1::2]


def group_name(number: int) -> str:
    return f"{TABLES[number % len(TABLES)]} {number // len(TABLES) + 1}"


def programme_text(groups: int, size: int, page_seconds: float = 8) -> str:
    names = people(groups * size)
    lines = [
        '[programme]\ntitle = "Storsamling"\nlanguage = "nb"\n',
        f"[clock]\npage_seconds = {page_seconds}\n",
        '[[samling]]\nid = "s1"\ntitle = "Samling 1"\ndate = 2026-11-23\n',
        '[[samling.item]]\ntime = "08:30 – 10:00"\ntitle = "Velkommen"\n',
    ]
    for number in range(groups):
        members = ", ".join(f'"{n}"' for n in names[number * size : (number + 1) * size])
        lines.append(f'[[group]]\nname = "{group_name(number)}"\nmembers = [{members}]\n')
    return "\n".join(lines)


def crowd_db(tmp_path: Path, groups: int, size: int = 5) -> tuple[Path, Store]:
    path = tmp_path / f"crowd-{groups}.toml"
    path.write_text(programme_text(groups, size), encoding="utf-8")
    db = tmp_path / "room.db"
    store = Store.open(db)
    store.load(load_programme(path))
    return db, store


def project_roles(store: Store) -> FakeClock:
    """Draw the roles of every group and put the cards on the projector."""
    samling = store.samlinger()[0].id
    clock = running(store, "s1", start="08:30", now="08:40")
    roster = store.roster(samling)
    sources = groupwork.network_sources(roster)
    roles = ("Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum")
    draw = groupwork.draw_roles(store, samling, sources, roles, None, False, "nb", seed=7)
    names = {p.id: p.name for p in roster}
    keyed: dict[str, list[DrawnRole]] = {}
    for role in draw.roles:
        keyed.setdefault(role.group_key, []).append(role)
    cards = [role_card(group, names).as_payload() for group in keyed.values()]
    day = Day.live(store, samling, clock)
    current = day.current()
    assert current is not None
    # Up for the item running now, as v puts it: the projector shows it until the item ends.
    store.set_stage(day.run.id, "cards", {"title": "Roller", "cards": cards}, current.id)
    return clock
