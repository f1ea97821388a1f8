"""The groups screen driven by the Pilot: attendance, walk-ins, regrouping, role cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tests.ui.walk_in import walk_in_to_a_new_group
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.groups import work as groupwork
from tuiroom.screens.groups_attendance import AttendancePane
from tuiroom.store import Store
from tuiroom.widgets.cards import CardGrid
from tuiroom.widgets.tab_line import TabLine


@pytest.fixture(autouse=True)
def fixed_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = iter(range(101, 200))
    monkeypatch.setattr(groupwork, "new_seed", lambda: next(seeds))


def app_for(store: Store):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


def present(store: Store, name: str) -> bool:
    return next(p.present for p in store.roster(samling_id(store, "s3")) if p.name == name)


async def test_space_marks_someone_absent_and_present_again(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "31 av 33 til stede" in flat(screen_text(app))
        await pilot.press("space")
        assert present(seljord_store, "Solveig Brekkestø") is False
        await pilot.pause()
        assert "30 av 33 til stede" in flat(screen_text(app))
        await pilot.press("space")
        assert present(seljord_store, "Solveig Brekkestø") is True


async def test_a_walk_in_is_added_in_a_new_group(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await walk_in_to_a_new_group(pilot, "Nora Nyberg", "Gjester")
    nora = next(
        p for p in seljord_store.roster(samling_id(seljord_store, "s3")) if p.name == "Nora Nyberg"
    )
    assert (nora.group, nora.present) == ("Gjester", True)


async def test_import_checks_the_file_then_imports_it(seljord_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Navn;Gruppe\nNora Nyberg;Gjester\n;RLG\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("Navn;Gruppe\nNora Nyberg;Gjester\nPer Pettersen;RLG\n", encoding="utf-8")
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "i")
        await pilot.pause()
        await pilot.press(*str(bad), "enter")
        await pilot.pause()
        report = flat(screen_text(app, app.screen.query_one("#report")))
        assert "bad.csv:3:" in report.replace(" ", "") and "Raden mangler navn." in report
        field = app.screen.query_one("#path")
        field.value = str(good)
        await pilot.press("enter")
        await pilot.pause()
        report = flat(screen_text(app, app.screen.query_one("#report")))
        assert "2 deltakere i good.csv er klare" in report
        await pilot.press("enter")
        await pilot.pause()
    names = {p.name: p.group for p in seljord_store.roster(samling_id(seljord_store, "s3"))}
    assert names["Nora Nyberg"] == "Gjester" and names["Per Pettersen"] == "RLG"


async def test_regroup_in_duos_places_everyone_present_once(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "n", "t")
        await pilot.pause()
        grouping = seljord_store.current_grouping(samling_id(seljord_store, "s3"))
        assert grouping is not None and grouping.seed == 101
        placed = [p for g in grouping.groups for p in g]
        assert len(placed) == len(set(placed)) == 31
        assert sorted(len(g) for g in grouping.groups) == [2] * 14 + [3]
        assert "15 grupper · 31 til stede · trekning nr. 101" in flat(screen_text(app))


async def test_the_roles_tab_says_how_to_draw_until_roles_are_drawn(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "r")
        await pilot.pause()
        assert "Ingen roller trukket ennå: t trekker." in flat(screen_text(app))
        await pilot.press("t")
        await pilot.pause()
        assert "Ingen roller trukket ennå" not in flat(screen_text(app))
        assert app.screen.query_one("#role-cards", CardGrid).cards


async def test_role_cards_show_every_group_and_redraw_one(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        grid = app.screen.query_one("#role-cards", CardGrid)
        assert [c.title for c in grid.cards] == [
            "Stjernelaget",
            "Blåveis",
            "Einingsleiarane",
            "Godt og blanda",
            "RLG",
            "Gygrene",
        ]
        draw = seljord_store.current_role_draw(samling_id(seljord_store, "s3"))
        assert draw is not None and len(draw.roles) == 18
        absent = {"Randi Moheim", "Guri Lundefaret"}
        names = {p.id: p.name for p in seljord_store.roster(samling_id(seljord_store, "s3"))}
        assert not {names[r.person_id] for r in draw.roles} & absent
        first = [r for r in draw.roles if r.group_key == "Stjernelaget"]
        grid.focus()
        await pilot.press("down", "e")
        await pilot.pause()
        again = seljord_store.current_role_draw(samling_id(seljord_store, "s3"))
        redrawn = [r for r in again.roles if r.group_key == "Stjernelaget"]
        assert redrawn[0] == first[0] and redrawn[2] == first[2]
        assert redrawn[1].person_id != first[1].person_id


async def test_cards_go_to_the_projector(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t", "v")
        await pilot.pause()
        stage = seljord_store.stage(app.day.run.id)
        assert stage is not None and stage.kind == "cards"
        assert [c["title"] for c in stage.payload["cards"]][:2] == ["Stjernelaget", "Blåveis"]


async def test_a_draw_number_shows_the_same_groups_again(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    s3 = samling_id(seljord_store, "s3")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "n", "t")
        await pilot.pause()
        first = seljord_store.current_grouping(s3)
        await pilot.press("t")  # again for the same exercise: replaces the draw
        await pilot.pause()
        other = seljord_store.current_grouping(s3)
        assert first is not None and other is not None and other.groups != first.groups
        app.screen.query_one("#seed").focus()
        await pilot.press(*str(first.seed), "enter")
        await pilot.pause()
        again = seljord_store.current_grouping(s3)
        assert again is not None and (again.seed, again.groups) == (first.seed, first.groups)
        assert app.screen.query_one("#seed").value == ""  # the next t is a new draw
    assert seljord_store.pair_history() == {
        pair: 1 for group in again.groups for pair in _pairs(group)
    }


def _pairs(group: tuple[int, ...]) -> list[tuple[int, int]]:
    return [(a, b) for a in sorted(group) for b in sorted(group) if a < b]


async def test_n_groups_within_the_network_groups(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    s3 = samling_id(seljord_store, "s3")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        app.screen.query_one("#mode").value = "count"
        app.screen.query_one("#mix").value = "within"
        await pilot.pause()
        value = app.screen.query_one("#value")
        assert value.display
        value.value = "2"
        value.focus()
        await pilot.press("enter")
        await pilot.pause()
    grouping = seljord_store.current_grouping(s3)
    network = {p.id: p.group for p in seljord_store.roster(s3)}
    assert grouping is not None and len(grouping.groups) == 12  # two in each of six
    for members in grouping.groups:
        assert len({network[m] for m in members}) == 1


async def test_playful_roles_give_each_role_a_different_criterion(seljord_store: Store) -> None:
    from tuiroom.groups.roles import load_criteria

    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "l", "t")
        await pilot.pause()
        grid = app.screen.query_one("#role-cards", CardGrid)
        assert [c.title for c in grid.cards] == ["I alle gruppene"]
        criteria = [value for _, value in grid.cards[0].lines]
        assert len(criteria) == 3 and len(set(criteria)) == 3
        known = load_criteria("nb")
        assert criteria[0] in known
        assert all(any(c.startswith(k) for k in known) for c in criteria)
        assert "leken modus" in flat(screen_text(app))
    draw = seljord_store.current_role_draw(samling_id(seljord_store, "s3"))
    assert draw is not None and draw.playful and all(r.person_id is None for r in draw.roles)


async def test_a_small_group_gets_combined_roles_and_the_card_says_so(
    seljord_store: Store,
) -> None:
    s3 = samling_id(seljord_store, "s3")
    rlg = [p for p in seljord_store.roster(s3) if p.group == "RLG"]
    for person in rlg[2:]:
        seljord_store.set_present(s3, person.id, False)
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        card = next(
            c for c in app.screen.query_one("#role-cards", CardGrid).cards if c.title == "RLG"
        )
        holders = [value for _, value in card.lines]
        assert set(holders) <= {p.name for p in rlg[:2]} and len(set(holders)) == 2
        assert "har to roller" in card.note
        assert "har to roller" in flat(screen_text(app))


async def test_redraw_a_whole_group_keeps_the_others(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    s3 = samling_id(seljord_store, "s3")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r", "t")
        await pilot.pause()
        before = seljord_store.current_role_draw(s3)
        await pilot.press("right", "g")  # the second card: Blåveis
        await pilot.pause()
        after = seljord_store.current_role_draw(s3)
    assert before is not None and after is not None
    keep = [r for r in before.roles if r.group_key != "Blåveis"]
    assert [r for r in after.roles if r.group_key != "Blåveis"] == keep
    blaaveis = [r.person_id for r in after.roles if r.group_key == "Blåveis"]
    assert blaaveis != [r.person_id for r in before.roles if r.group_key == "Blåveis"]


async def test_move_and_remove_someone(seljord_store: Store) -> None:
    s3 = samling_id(seljord_store, "s3")
    first = seljord_store.roster(s3)[0]
    target = next(g for g in seljord_store.groups() if g.name == "RLG")
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#group").value = target.id
        await pilot.pause()
        moved = next(p for p in seljord_store.roster(s3) if p.id == first.id)
        assert moved.group == "RLG"
        await pilot.press("x")
        await pilot.pause()
        assert "Fjerne" in flat(screen_text(app))
        await pilot.press("n")  # no: nothing removed
        await pilot.pause()
        assert len(seljord_store.roster(s3)) == 33
        row = app.screen.query_one("#attendance-table").cursor_row
        doomed = app.screen.query_one(AttendancePane).people[row]
        await pilot.press("x", "j")
        await pilot.pause()
    names = [p.name for p in seljord_store.roster(s3)]
    assert len(names) == 32 and doomed.name not in names


async def test_clicking_a_tab_opens_it(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        line = screen_text(app, app.screen.query_one(TabLine))
        x = line.index("Roller (r)") + 1  # the line's left padding
        await pilot.click(TabLine, offset=(x, 0))
        await pilot.pause()
        assert app.screen.query_one(ContentSwitcher).current == "roles"
        assert app.focused is app.screen.query_one("#role-cards")


async def test_the_footer_shows_the_attendance_keys_on_the_first_visit(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Til stede" in footer and "Importer" in footer and "Åpne" not in footer
