"""Namesakes from the keyboard: the walk-in dialog says a name is taken, and the import
report counts its bad rows, scrolls to every one of them and keeps its help in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from tests.running import at, samling_id
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store

HEGE = "Hege Lindtveit"  # in Stjernelaget


def app_for(store: Store):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


def heges(store: Store) -> list[tuple[str, str, bool]]:
    roster = store.roster(samling_id(store, "s3"))
    return [(p.group, p.email, p.present) for p in roster if p.name == HEGE]


async def test_a_walk_in_of_a_name_on_the_roster_can_be_the_person_there(
    seljord_store: Store,
) -> None:
    s3 = samling_id(seljord_store, "s3")
    hege = next(p for p in seljord_store.roster(s3) if p.name == HEGE)
    seljord_store.set_present(s3, hege.id, False)
    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("2", "a", *HEGE, "enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "«Hege Lindtveit» står allerede på listen" in text
        assert "Hege Lindtveit — Stjernelaget: merk som til stede" in text
        await pilot.press("enter")  # the one there
        await pilot.pause()
    assert heges(seljord_store) == [("Stjernelaget", "", True)]
    assert notices[-1] == "Hege Lindtveit er merket til stede."


async def test_a_new_namesake_must_be_told_apart_before_it_is_added(seljord_store: Store) -> None:
    s3 = samling_id(seljord_store, "s3")
    for person in seljord_store.roster(s3):  # three left in Stjernelaget: each gets a role
        if person.name in ("Marit Sandvold", "Eirik Holtan"):
            seljord_store.set_present(s3, person.id, False)
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "a", *HEGE, "enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # a new person also called Hege Lindtveit
        await pilot.pause()
        assert "skriv e-posten" in flat(screen_text(app))
        await pilot.press("enter")  # nothing tells them apart yet
        await pilot.pause()
        assert heges(seljord_store) == [("Stjernelaget", "", True)]
        await pilot.press(*"hege@tokke.no", "enter")
        await pilot.pause()
        assert heges(seljord_store) == [("Stjernelaget", "", True), ("", "hege@tokke.no", True)]
        table = app.screen.query_one("#attendance-table", DataTable)
        names = {str(table.get_row_at(n)[1]) for n in range(table.row_count)}
        assert {"Hege Lindtveit (Stjernelaget)", "Hege Lindtveit (hege@tokke.no)"} <= names
        await pilot.press("2", "r", "t")  # role cards say which Hege
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Hege Lindtveit (Stjernelaget)" in text


async def test_the_import_report_counts_and_scrolls_to_every_bad_row(
    seljord_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the report names the file as typed: short lines
    bad = tmp_path / "bad.csv"
    rows = [f"Person {n};Gruppe;ikke-en-adresse-{n}" for n in range(1, 64)]
    bad.write_text("navn;gruppe;e-post\n" + "\n".join(rows) + "\n", encoding="utf-8")
    app = app_for(seljord_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "i", *"bad.csv", "enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "63 rader kunne ikke leses" in text
        assert "Enter kontrollerer filen" in text  # the help line is still in view
        assert "ikke-en-adresse-63" not in text
        for _ in range(30):
            await pilot.press("pagedown")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "adresse-63»" in text and "Enter kontrollerer filen" in text
        box = app.screen.query_one("#report-box", VerticalScroll)
        assert box.scroll_y == box.max_scroll_y > 0


async def test_the_walk_in_form_scrolls_to_every_field_at_80x24(seljord_store: Store) -> None:
    """With the namesakes shown the form is taller than a laptop's 24 lines: it scrolls,
    and the field Tab moves to is in sight, e-mail and the help under it too."""
    app = app_for(seljord_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *HEGE, "enter")
        await pilot.pause()
        box = app.screen.query_one("PersonDialog > Vertical")
        seen = []
        for _ in range(2):
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None
            seen.append(focused.id)
            assert box.region.contains_region(focused.region), focused.id
        assert seen == ["group", "email"]
        assert "Esc avbryter" in flat(screen_text(app))
