"""The conference the benchmarks measure: the Seljord programme with 646 invented
leaders in 100 network groups of 6–7 (46 of seven, 54 of six), as in the issue that
asked for it. Shared by bench_conference.py and bench_memory.py."""

from __future__ import annotations

from pathlib import Path

from tuiroom.groups import work as groupwork
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

HERE = Path(__file__).resolve().parent
SELJORD = HERE.parent / "data" / "seljord.toml"
PEOPLE = 646
GROUPS = 100
FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Astrid", "Nils", "Marit", "Knut"]
LAST = ["Nordmann", "Hansen", "Berg", "Haugen", "Lie", "Dahl", "Moen", "Lunde", "Bakke", "Vik"]


def conference_groups() -> dict[str, list[str]]:
    """100 tables, the first 46 of seven and the rest of six: 646 people."""
    groups: dict[str, list[str]] = {}
    number = 0
    for table in range(GROUPS):
        members = []
        for _ in range(7 if table < PEOPLE - 6 * GROUPS else 6):
            number += 1
            members.append(f"{FIRST[number % 10]} {LAST[(number // 10) % 10]} {number}")
        groups[f"Bord {table + 1}"] = members
    return groups


def programme_text(groups: dict[str, list[str]]) -> str:
    """Seljord's programme with `groups` as its network groups instead of its own six."""
    text = SELJORD.read_text("utf-8")
    head, _, rest = text.partition("[[group]]")
    samlinger = rest[rest.index("[[samling]]") :]
    blocks = "".join(
        f"[[group]]\nname = {quoted(name)}\nmembers = [{', '.join(map(quoted, members))}]\n\n"
        for name, members in groups.items()
    )
    return head + blocks + samlinger


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def open_store(folder: Path, groups: dict[str, list[str]] | None = None) -> tuple[Store, int]:
    """The programme loaded into a database in `folder`, roles drawn for every group;
    the id of Samling 3."""
    path = folder / "conference.toml"
    path.write_text(programme_text(groups or conference_groups()), encoding="utf-8")
    return loaded(path, folder / "conference.db")


def loaded(programme: Path, db: Path) -> tuple[Store, int]:
    """`programme` loaded into the database `db`, roles drawn for every group; the id of
    Samling 3."""
    store = Store.open(db)
    store.load(load_programme(programme))
    samling = next(s.id for s in store.samlinger() if s.key == "s3")
    draw_roles(store, samling)
    return store, samling


def draw_roles(store: Store, samling: int) -> None:
    """The programme's roles drawn in every network group, with a fixed seed."""
    sources = groupwork.network_sources(store.roster(samling))
    info = store.programme()
    assert info is not None
    groupwork.draw_roles(store, samling, sources, info.roles, None, False, "nb", seed=1)
