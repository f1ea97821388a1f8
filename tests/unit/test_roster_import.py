"""A roster import worked out in memory and written in batches does what one query a
row did: new people after everyone there, in file order, present today; people there
updated; groups found by name (any case), brought back, or made."""

from __future__ import annotations

from tuiroom.store import Store


def samling(store: Store) -> int:
    return next(s.id for s in store.samlinger() if s.key == "s3")


def test_an_import_adds_updates_and_keeps_the_file_order(seljord_store: Store) -> None:
    s3 = samling(seljord_store)
    before = seljord_store.roster(s3)
    seljord_store.set_present(s3, before[0].id, False)
    gone = seljord_store.add_group("Gjester")
    seljord_store.conn.execute("update network_group set retired = 1 where id = ?", [gone])
    rows = [
        ("Nora Nyberg", "gjester", "nora@example.no"),  # a retired group, named in lower case
        ("Hege Lindtveit", "RLG", ""),  # moved from her group
        (before[0].name, before[0].group, before[0].email),  # unchanged: stays away today
        ("Tor Tveit", "Bord 1", ""),  # a group made by the import
        ("Siv Sand", "Bord 1", "siv@example.no"),
        ("Ulf Utne", "", ""),  # no group
    ]
    assert seljord_store.import_roster(rows, s3) == (4, 1)
    after = {p.name: p for p in seljord_store.roster(s3)}
    assert after["Nora Nyberg"].group == "Gjester" and after["Nora Nyberg"].group_id == gone
    assert after["Hege Lindtveit"].group == "RLG"
    assert after[before[0].name].present is False
    assert after["Tor Tveit"].group == after["Siv Sand"].group == "Bord 1"
    assert after["Tor Tveit"].group_id == after["Siv Sand"].group_id
    assert after["Siv Sand"].email == "siv@example.no"
    assert after["Ulf Utne"].group_id is None
    new = ["Nora Nyberg", "Tor Tveit", "Siv Sand", "Ulf Utne"]
    assert all(after[name].present and after[name].origin == "room" for name in new)
    people = seljord_store.rows("select name from person order by position, id")
    assert [r["name"] for r in people][-4:] == new
    groups = seljord_store.rows("select name, retired from network_group order by position")
    assert groups[-2:] == [{"name": "Gjester", "retired": 0}, {"name": "Bord 1", "retired": 0}]


def test_a_walk_in_after_an_import_gets_the_next_place(seljord_store: Store) -> None:
    s3 = samling(seljord_store)
    seljord_store.import_roster([(f"Ny {n}", "Bord 1", "") for n in range(3)], s3)
    walk_in = seljord_store.add_person("Vera Vik", None, "", s3)
    people = seljord_store.rows("select id, name from person order by position, id")
    assert people[-1] == {"id": walk_in, "name": "Vera Vik"}
    assert len({p["id"] for p in people}) == len(people)


def test_importing_the_same_file_again_changes_nothing(seljord_store: Store) -> None:
    s3 = samling(seljord_store)
    rows = [(f"Deltaker {n}", f"Bord {n % 5}", f"d{n}@example.no") for n in range(200)]
    assert seljord_store.import_roster(rows, s3) == (200, 0)
    assert seljord_store.import_roster(rows, s3) == (0, 0)
    assert len(seljord_store.roster(s3)) == 33 + 200


def test_namesakes_in_two_chunks_of_one_file_are_two_people(seljord_store: Store) -> None:
    """The screen imports a long file 500 rows at a time; a namesake in a later chunk is
    someone else, not the person of that name the first chunk made (and moved)."""
    s3 = samling(seljord_store)
    claimed: set[int] = set()
    assert seljord_store.import_roster([("Per Aarsland", "Bord 1", "")], s3, claimed) == (1, 0)
    assert seljord_store.import_roster([("Per Aarsland", "Bord 2", "")], s3, claimed) == (1, 0)
    pers = [(p.name, p.group) for p in seljord_store.roster(s3) if p.name == "Per Aarsland"]
    assert pers == [("Per Aarsland", "Bord 1"), ("Per Aarsland", "Bord 2")]
    # The same file imported again finds both where they are: nobody doubled or moved.
    again: set[int] = set()
    rows = [("Per Aarsland", "Bord 1", ""), ("Per Aarsland", "Bord 2", "")]
    assert seljord_store.import_roster(rows, s3, again) == (0, 0)
