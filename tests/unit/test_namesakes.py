"""Two people called Per Aarsland: loaded, imported and shown as two, told apart; and
finding people and groups by forgiving matches."""

from __future__ import annotations

from pathlib import Path

from tuiroom.groups.finding import in_plenum
from tuiroom.groups.people import find, fold, rank, shown_names, told_apart
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store
from tuiroom.store.groups import RosterPerson

PROGRAMME = """\
[programme]
title = "Konferanse"
language = "nb"

[[group]]
name = "Blåveis"
members = ["Per Aarsland", "Liv Hovdenak"]

[[group]]
name = "RLG"
members = ["Kari Nordmann", "Per Aarsland"]

[[samling]]
id = "s1"
title = "Dagen"
date = 2026-11-23

[[samling.item]]
time = "08:30 – 10:00"
title = "Velkommen"
"""


def person(id: int, name: str, group: str = "", email: str = "") -> RosterPerson:
    return RosterPerson(id, name, None, group, False, email, True, "file")


def test_namesakes_are_shown_with_their_group_else_their_email() -> None:
    people = [
        person(1, "Per Aarsland", "Blåveis"),
        person(2, "per  aarsland", "RLG"),
        person(3, "Kari Nordmann", "RLG", "kari@a.no"),
        person(4, "Kari Nordmann", "RLG", "kari@b.no"),
        person(5, "Ola Nordmann", "RLG"),
        person(6, "Ola Nordmann", "RLG"),
        person(7, "Liv Hovdenak", "Blåveis"),
    ]
    assert shown_names(people) == {
        1: "Per Aarsland (Blåveis)",
        2: "per  aarsland (RLG)",
        3: "Kari Nordmann (kari@a.no)",
        4: "Kari Nordmann (kari@b.no)",
        5: "Ola Nordmann (1)",
        6: "Ola Nordmann (2)",
        7: "Liv Hovdenak",
    }


def test_a_new_namesake_must_differ_from_each_holder() -> None:
    holders = [person(1, "Per Aarsland", "Blåveis", "per@bo.no"), person(2, "Per Aarsland", "RLG")]
    assert told_apart("per@seljord.no", "RLG", holders)
    assert told_apart("", "Gygrene", holders)
    assert not told_apart("", "RLG", holders)
    assert not told_apart("PER@bo.no", "Blåveis", holders)


def load(store: Store, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    store.load(load_programme(path), path, text)


def test_namesakes_in_the_file_stay_two_people_when_it_is_loaded_again(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "konferanse.toml"
    load(store, path, PROGRAMME)
    s1 = store.samlinger()[0].id
    first = {(p.name, p.group): p.id for p in store.roster(s1)}
    assert len(first) == 4
    store.set_present(s1, first[("Per Aarsland", "RLG")], False)
    load(store, path, PROGRAMME.replace('"Liv Hovdenak"', '"Liv Hovdenak", "Ny Person"'))
    again = {(p.name, p.group): (p.id, p.present) for p in store.roster(s1)}
    assert again[("Per Aarsland", "Blåveis")] == (first[("Per Aarsland", "Blåveis")], True)
    assert again[("Per Aarsland", "RLG")] == (first[("Per Aarsland", "RLG")], False)
    assert len(again) == 5


def test_the_roster_import_matches_namesakes_by_email_then_group(store: Store) -> None:
    s1 = None  # no samling: nobody marked present
    added, updated = store.import_roster(
        [("Per Aarsland", "Blåveis", "per@bo.no"), ("Per Aarsland", "RLG", "")], s1
    )
    assert (added, updated) == (2, 0)
    added, updated = store.import_roster(
        [
            ("Per Aarsland", "RLG", "per@seljord.no"),  # the RLG one gets an address
            ("Per Aarsland", "Gygrene", "per@bo.no"),  # the Blåveis one moved
            ("Per Aarsland", "Gygrene", "per.a@tokke.no"),  # a third, new
        ],
        s1,
    )
    assert (added, updated) == (1, 2)
    people = sorted((p.group, p.email) for p in store.roster(0) if p.name == "Per Aarsland")
    assert people == [
        ("Gygrene", "per.a@tokke.no"),
        ("Gygrene", "per@bo.no"),
        ("RLG", "per@seljord.no"),
    ]


def test_finding_forgives_case_accents_and_aa() -> None:
    assert fold("Per ÅRSLAND") == fold("per aarsland") == "per arsland"
    assert fold("Øystein Sæther") == "oystein saether"
    assert fold("Zoë Hélène") == "zoe helene"
    people = [("a", "Per Årsland"), ("b", "Kari Nordmann"), ("c", "Zakarias Holm")]
    assert find("aarsland", people) == ["a"]
    assert find("kari", people) == ["b", "c"]  # the name's start before a word's inside
    assert find("nord kari", people) == ["b"]  # every word, in any order
    assert find("", people) == [] and find("xyz", people) == []


def test_a_number_finds_its_group_before_the_ones_it_starts() -> None:
    groups = [(n, f"Gruppe {n}") for n in (120, 12, 112, 1)]
    assert find("12", groups)[:2] == [12, 120]
    assert rank("gruppe 12", "Gruppe 12") == 0


def test_plenum_finds_a_group_by_number_and_a_person_by_name() -> None:
    roster = [person(1, "Per Aarsland", "Blåveis"), person(2, "Liv Hovdenak", "RLG")]
    speakers = [("RLG", "RLG"), ("Blåveis", "Blåveis")]
    items = in_plenum(speakers, roster, None)
    assert [i.place for i in find("2", ((i, i.text) for i in items))][:1] == [1]
    found = find("aarsland", ((i, i.text) for i in items))
    assert [(f.label, f.place) for f in found] == [("Per Aarsland — Blåveis", 1)]
