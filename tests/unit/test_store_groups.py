"""The roster in the store: attendance per samling, walk-ins, moves, removals, imports,
and what a reload of the programme file leaves alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import SELJORD
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store
from tuiroom.store.groups import DrawnRole


def samling(store: Store, key: str = "s3") -> int:
    return next(s.id for s in store.samlinger() if s.key == key)


def person(store: Store, name: str, key: str = "s3"):  # type: ignore[no-untyped-def]
    return next(p for p in store.roster(samling(store, key)) if p.name == name)


def test_everyone_but_the_occasional_is_present_until_marked(seljord_store: Store) -> None:
    roster = seljord_store.roster(samling(seljord_store))
    assert len(roster) == 33
    assert [p.name for p in roster if not p.present] == ["Randi Moheim", "Guri Lundefaret"]
    assert roster[0].group == "Stjernelaget"


def test_attendance_is_kept_per_samling(seljord_store: Store) -> None:
    kari = person(seljord_store, "Hege Lindtveit")
    seljord_store.set_present(samling(seljord_store, "s3"), kari.id, False)
    assert person(seljord_store, "Hege Lindtveit", "s3").present is False
    assert person(seljord_store, "Hege Lindtveit", "s1").present is True
    seljord_store.set_present(samling(seljord_store, "s3"), kari.id, True)
    assert person(seljord_store, "Hege Lindtveit", "s3").present is True


def test_a_walk_in_is_added_present_and_in_a_new_group(seljord_store: Store) -> None:
    group_id = seljord_store.add_group("Gjester")
    seljord_store.add_person("Nora Nyberg", group_id, "nora@example.no", samling(seljord_store))
    nora = person(seljord_store, "Nora Nyberg")
    assert (nora.group, nora.present, nora.email, nora.origin) == (
        "Gjester",
        True,
        "nora@example.no",
        "room",
    )
    assert seljord_store.add_group("gjester ") == group_id, "the same group, found by name"


def test_moves_and_removals_survive_a_reload(seljord_store: Store, seljord) -> None:
    rlg = next(g.id for g in seljord_store.groups() if g.name == "RLG")
    hege = person(seljord_store, "Hege Lindtveit")
    seljord_store.move_person(hege.id, rlg)
    eirik = person(seljord_store, "Eirik Holtan")
    seljord_store.remove_person(eirik.id)
    gjester = seljord_store.add_group("Gjester")
    seljord_store.add_person("Nora Nyberg", gjester)
    seljord_store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8") + "\n")
    assert person(seljord_store, "Hege Lindtveit").group == "RLG"
    assert "Eirik Holtan" not in {p.name for p in seljord_store.roster(samling(seljord_store))}
    assert person(seljord_store, "Nora Nyberg").group == "Gjester"
    assert "Gjester" in {g.name for g in seljord_store.groups()}


def test_a_room_group_later_written_into_the_file_is_adopted(
    store: Store, write_toml: Callable[..., Path]
) -> None:
    first = write_toml(
        '[programme]\ntitle = "P"\n[[samling]]\ntitle = "S"\n'
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "x"\n',
        "a.toml",
    )
    store.load(load_programme(first))
    gjester = store.add_group("Gjester")
    store.add_person("Nora Nyberg", gjester)
    second = write_toml(
        '[programme]\ntitle = "P"\n[[group]]\nname = "Gjester"\n'
        'members = ["Nora Nyberg", "Per Pettersen"]\n[[samling]]\ntitle = "S"\n'
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "x"\n',
        "b.toml",
    )
    store.load(load_programme(second))
    groups = store.groups()
    assert [g.name for g in groups] == ["Gjester"]
    assert groups[0].id == gjester
    assert sorted(m.name for m in groups[0].members) == ["Nora Nyberg", "Per Pettersen"]


def test_import_adds_and_updates_in_one_go(seljord_store: Store) -> None:
    added, updated = seljord_store.import_roster(
        [("Nora Nyberg", "Gjester", "nora@example.no"), ("Hege Lindtveit", "RLG", "")],
        samling(seljord_store),
    )
    assert (added, updated) == (1, 1)
    assert person(seljord_store, "Nora Nyberg").group == "Gjester"
    assert person(seljord_store, "Hege Lindtveit").group == "RLG"


def test_pair_rules_are_stored_once_per_pair(seljord_store: Store) -> None:
    a, b = person(seljord_store, "Hege Lindtveit").id, person(seljord_store, "Bente Rui").id
    seljord_store.add_pair_rule(b, a, "apart")
    seljord_store.add_pair_rule(a, b, "together")
    rules = seljord_store.pair_rules()
    assert [(x, y, kind) for _, x, y, kind in rules] == [(min(a, b), max(a, b), "together")]
    seljord_store.remove_pair_rule(rules[0][0])
    assert seljord_store.pair_rules() == []


def test_only_the_grouping_in_use_counts_as_history(seljord_store: Store) -> None:
    s3 = samling(seljord_store)
    seljord_store.save_grouping(s3, 1, "pairs", 0, "mixed", True, [[1, 2], [3, 4]])
    assert seljord_store.pair_history() == {(1, 2): 1, (3, 4): 1}
    seljord_store.save_grouping(s3, 2, "pairs", 0, "mixed", True, [[1, 3], [2, 4]])
    assert seljord_store.pair_history() == {(1, 3): 1, (2, 4): 1}
    s1 = samling(seljord_store, "s1")
    seljord_store.save_grouping(s1, 3, "pairs", 0, "mixed", True, [[1, 3]])
    assert seljord_store.pair_history() == {(1, 3): 2, (2, 4): 1}
    grouping = seljord_store.current_grouping(s3)
    assert grouping is not None and grouping.groups == ((1, 3), (2, 4)) and grouping.seed == 2


def test_groups_of_an_earlier_exercise_today_stay_in_the_history(seljord_store: Store) -> None:
    s3 = samling(seljord_store)
    first, second = (i.id for i in seljord_store.items(s3)[:2])
    seljord_store.save_grouping(s3, 1, "pairs", 0, "mixed", True, [[1, 2]], first)
    seljord_store.save_grouping(s3, 2, "pairs", 0, "mixed", True, [[1, 3]], first)  # again
    seljord_store.save_grouping(s3, 3, "pairs", 0, "mixed", True, [[2, 4]], second)
    assert seljord_store.pair_history() == {(1, 3): 1, (2, 4): 1}
    grouping = seljord_store.current_grouping(s3)
    assert grouping is not None and grouping.seed == 3


def test_role_history_counts_draws_in_use_by_role_name(seljord_store: Store) -> None:
    s1, s3 = samling(seljord_store, "s1"), samling(seljord_store, "s3")
    roles = [
        DrawnRole("g", "G", 0, "Ordstyrer og tidtaker", 7, ""),
        DrawnRole("g", "G", 1, "Viddevakt", 8, ""),
    ]
    seljord_store.save_role_draw(s1, 11, False, None, roles)
    seljord_store.save_role_draw(s3, 12, False, None, roles[:1])
    assert seljord_store.role_history() == {(7, "ordstyrer og tidtaker"): 2, (8, "viddevakt"): 1}
    assert seljord_store.role_history(exclude_samling=s3) == {
        (7, "ordstyrer og tidtaker"): 1,
        (8, "viddevakt"): 1,
    }
    seljord_store.save_role_draw(
        s3, 13, True, None, [DrawnRole("g", "G", 0, "Viddevakt", None, "den høyeste")]
    )
    assert seljord_store.role_history() == {(7, "ordstyrer og tidtaker"): 1, (8, "viddevakt"): 1}
    current = seljord_store.current_role_draw(s3)
    assert current is not None and current.playful and current.roles[0].criterion == "den høyeste"
