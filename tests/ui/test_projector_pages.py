"""The projector fits the cards and the who-sits-where list to its size: all of them
whole on one page when they fit, else page after page, by itself or by hand."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SELJORD
from tests.crowd import crowd_db, project_roles
from tests.running import running, samling_id
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.programme.loading import load_programme
from tuiroom.projector_app import ProjectorApp
from tuiroom.store import Store
from tuiroom.store.records import RunRow
from tuiroom.widgets.stage_pages import StagePages

SECRETARY = "Sekretær / melder i plenum"


def pages_of(app: ProjectorApp) -> StagePages:
    return app.screen.query_one(StagePages)


def role_names(store: Store) -> list[str]:
    run = store.latest_run()
    assert run is not None
    stage = store.stage(run.id)
    assert stage is not None and isinstance(stage.payload["cards"], list)
    return [str(name) for card in stage.payload["cards"] for _, name in card["lines"]]


async def test_five_groups_are_shown_whole_at_100x30(tmp_path: Path) -> None:
    db, store = crowd_db(tmp_path, 5)
    clock = project_roles(store)
    app = ProjectorApp(db, clock_for=lambda run: clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert text.count(SECRETARY) == 5
        assert all(name in text for name in role_names(store))
        assert "side 1 av" not in text and pages_of(app).timer is None


async def test_twelve_groups_page_through_every_name_at_100x30(tmp_path: Path) -> None:
    db, store = crowd_db(tmp_path, 12)
    clock = project_roles(store)
    app = ProjectorApp(db, clock_for=lambda run: clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen_text(app)
        assert "side 1 av 2" in first
        pages_of(app).advance()  # what the page timer does every few seconds
        await pilot.pause()
        second = screen_text(app)
        assert "side 2 av 2" in second
        assert all(name in first + second for name in role_names(store))
        assert first.count(SECRETARY) + second.count(SECRETARY) == 12
        assert pages_of(app).timer is not None


async def test_every_secretary_is_on_a_120x35_projector(tmp_path: Path) -> None:
    db = tmp_path / "room.db"
    store = Store.open(db)
    store.load(load_programme(SELJORD))
    s3 = samling_id(store, "s3")
    clock = running(store, now="12:20")
    facilitator = make_app(store, s3, clock=clock)
    async with facilitator.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "r")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
    projector = ProjectorApp(db, clock_for=lambda run: clock)
    async with projector.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = screen_text(projector)
        assert text.count(SECRETARY) == 6
        assert all(name in text for name in role_names(store))


async def test_the_keys_turn_and_hold_the_pages(tmp_path: Path) -> None:
    db, store = crowd_db(tmp_path, 30)
    clock = project_roles(store)
    app = ProjectorApp(db, clock_for=lambda run: clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pages = pages_of(app)
        count = pages.pages
        assert count >= 3 and f"side 1 av {count}" in screen_text(app)
        await pilot.press("pagedown", "right")
        assert pages.page == 2
        await pilot.press("left")
        assert pages.page == 1
        await pilot.press("pageup", "pageup")
        assert pages.page == count - 1
        await pilot.press("space")
        await pilot.pause()
        assert pages.timer is None and "på pause" in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert f"side 1 av {count} · på pause" in screen_text(app)
        await pilot.press("space")
        assert pages.timer is not None


async def test_the_facilitator_turns_the_projectors_page(tmp_path: Path) -> None:
    db, store = crowd_db(tmp_path, 30)
    clock = project_roles(store)
    samling = store.samlinger()[0].id
    projector = ProjectorApp(db, clock_for=lambda run: clock)
    async with projector.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pages = pages_of(projector)
        facilitator = make_app(store, samling, clock=clock)
        async with facilitator.run_test(size=(100, 30)) as desk:
            await desk.press("2", "right_square_bracket", "right_square_bracket")
            projector.poll()
            await pilot.pause()
            assert pages.page == 2
            await desk.press("left_square_bracket")
        projector.poll()
        await pilot.pause()
        assert pages.page == 1 and pages.pages > 2
        assert f"side 2 av {pages.pages}" in screen_text(projector)


async def test_who_sits_where_for_650_people(tmp_path: Path) -> None:
    db, store = crowd_db(tmp_path, 100, size=7)
    samling = store.samlinger()[0].id
    clock = running(store, "s1", start="08:30", now="08:40")
    roster = store.roster(samling)
    for gone in roster[::14]:  # 50 of 700 did not come
        store.set_present(samling, gone.id, False)
    facilitator = make_app(store, samling, clock=clock)
    async with facilitator.run_test(size=(120, 35)) as desk:
        await desk.press("2", "w")
        await desk.pause()
    run: RunRow | None = store.latest_run()
    assert run is not None
    stage = store.stage(run.id)
    assert stage is not None and stage.kind == "seating"
    everyone = stage.payload["people"]
    assert isinstance(everyone, list)
    listed = [(str(name), str(group)) for name, group in everyone]
    assert len(listed) == 650 and listed[0][0].startswith("Astrid")
    assert listed[-1][0].startswith("Åse") and listed[-2][0].startswith(("Åse", "Øystein"))
    group_of = {p.name: p.group for p in roster}
    assert all(group_of[name] == group for name, group in listed)
    projector = ProjectorApp(db, clock_for=lambda run: clock)
    async with projector.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        pages = pages_of(projector)
        assert "Hvem sitter hvor (650 til stede)" in screen_text(projector)
        seen = ""
        for _ in range(pages.pages):
            seen += screen_text(projector, pages)
            pages.advance()
            await pilot.pause()
        assert all(name in seen for name, _ in listed)
        assert f"side 1 av {pages.pages} · Astrid" in flat(seen)
        cycle = pages.pages * pages.seconds
        assert cycle <= 60, "every name comes round within a minute"
