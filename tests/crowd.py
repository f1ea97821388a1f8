"""Rooms larger than Seljord's six tables: a programme with any number of network
groups of invented people, its clock running, for projector and paging tests; and the
conference of issue 17 (646 leaders at 100 tables, namesakes among them) as a programme
file and a roster CSV.

    python -m tests.crowd OUT_DIR     writes conference.toml and conference.csv there
"""

from __future__ import annotations

import itertools
import sys
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


# Namesakes of the conference: (name, how many hold it). Each holder sits at another
# table; the roster tells them apart by their e-mail, the programme file does not.
NAMESAKES = (("Per Aarsland", 2), ("Kari Nordmann", 3), ("Ola Nordmann", 2))


def conference(people_count: int = 646, groups: int = 100) -> list[tuple[str, str, str]]:
    """(name, table, e-mail) of everyone at a conference: tables of nearly equal size
    (646 at 100 tables: 46 of seven, 54 of six), the `NAMESAKES` spread over the tables."""
    extra = [name for name, count in NAMESAKES for _ in range(count)]
    names = people(people_count - len(extra))
    for n, name in enumerate(extra):  # each at its own table: the n-th at table n
        names.insert(min(len(names), n * (groups + 1)), name)
    rows = []
    for n, name in enumerate(names):
        table = group_name(n % groups)
        email = ".".join(name.casefold().split()) + f".{n}@example.no"
        rows.append((name, table, email))
    return rows


def conference_toml(rows: list[tuple[str, str, str]]) -> str:
    """The conference as a programme file: its tables as network groups, no e-mails."""
    tables: dict[str, list[str]] = {}
    for name, table, _ in rows:
        tables.setdefault(table, []).append(name)
    lines = [
        '[programme]\ntitle = "Lederkonferansen"\nlanguage = "nb"\n',
        '[[samling]]\nid = "s1"\ntitle = "Konferansedagen"\ndate = 2026-11-23\n',
        '[[samling.item]]\ntime = "08:30 – 10:00"\ntitle = "Velkommen"\n',
        '[[samling.item]]\ntime = "10:00 – 11:00"\ntitle = "Trioer"\n',
    ]
    for table, names in tables.items():
        members = ", ".join(f'"{n}"' for n in names)
        lines.append(f'[[group]]\nname = "{table}"\nmembers = [{members}]\n')
    return "\n".join(lines)


def conference_csv(rows: list[tuple[str, str, str]]) -> str:
    """The conference as a roster file, as a Norwegian spreadsheet exports it."""
    return "navn;gruppe;e-post\n" + "".join(f"{n};{g};{e}\n" for n, g, e in rows)


def write_conference(folder: Path) -> tuple[Path, Path]:
    rows = conference()
    folder.mkdir(parents=True, exist_ok=True)
    toml, csv = folder / "conference.toml", folder / "conference.csv"
    toml.write_text(conference_toml(rows), encoding="utf-8")
    csv.write_text(conference_csv(rows), encoding="utf-8")
    return toml, csv


if __name__ == "__main__":
    for written in write_conference(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(written)
