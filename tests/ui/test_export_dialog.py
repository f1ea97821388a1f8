"""The export dialog driven by the Pilot: the preview, writing the file, and asking
before an existing file is replaced."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, Static

from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tests.unit.test_export import run_the_day
from tuiroom.app import TuiroomApp, make_app
from tuiroom.day.clock import FakeClock
from tuiroom.notes.referat import export_samling
from tuiroom.screens.confirm import ConfirmDialog
from tuiroom.screens.export_dialog import ExportDialog, preview_text
from tuiroom.store import Store


def opened(store: Store, results: list[Path | None]) -> TuiroomApp:
    """The app at 10:00 with the day run so far; the dialog opens once the app is up."""
    sid = run_the_day(store)
    app = make_app(store, sid, clock=FakeClock(at("10:00")))
    app.call_later(lambda: app.push_screen(ExportDialog(store, sid), results.append))
    return app


def status(app: TuiroomApp) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def type_path(app: TuiroomApp, path: Path) -> None:
    app.screen.query_one("#path", Input).value = str(path)


async def test_the_preview_shows_the_notes(seljord_store: Store) -> None:
    app = opened(seljord_store, [])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        sid = samling_id(seljord_store, "s3")
        expected = export_samling(seljord_store, sid)
        assert app.screen.query_one("#preview", Markdown).source == preview_text(expected)
        text = flat(screen_text(app))
        assert "Samling 3" in text
        assert "Dagsplan" in text
        default = app.screen.query_one("#path", Input).value
        assert default.endswith("tuiroom-samling-3.md")  # a database in memory has no folder


async def test_enter_writes_the_file_and_says_where(seljord_store: Store, tmp_path: Path) -> None:
    results: list[Path | None] = []
    app = opened(seljord_store, results)
    target = tmp_path / "notater.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_path(app, target)
        await pilot.press("enter")
        await pilot.pause()
        sid = samling_id(seljord_store, "s3")
        assert target.read_text("utf-8") == export_samling(seljord_store, sid)
        assert status(app) == f"Notatene er skrevet til {target}"
        await pilot.press("escape")
        await pilot.pause()
    assert results == [target]


async def test_an_existing_file_is_replaced_only_after_a_yes(
    seljord_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "notater.md"
    target.write_text("gamle notater", "utf-8")
    app = opened(seljord_store, [])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_path(app, target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == f"{target} finnes allerede. Vil du erstatte den?"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert target.read_text("utf-8") == "gamle notater"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert target.read_text("utf-8").startswith("# Samling 3\n")
        assert status(app) == f"Notatene er skrevet til {target}"


async def test_a_bad_folder_is_named_and_nothing_breaks(
    seljord_store: Store, tmp_path: Path
) -> None:
    results: list[Path | None] = []
    app = opened(seljord_store, results)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_path(app, tmp_path / "finnes-ikke" / "notater.md")
        await pilot.press("enter")
        await pilot.pause()
        assert status(app).startswith(f"Mappen {tmp_path / 'finnes-ikke'} finnes ikke.")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert results == [None]


async def test_ctrl_t_switches_to_the_participants_referat(
    seljord_store: Store, tmp_path: Path
) -> None:
    sid = samling_id(seljord_store, "s3")  # a day not begun: a short preview to build
    app = make_app(seljord_store, sid, clock=FakeClock(at("08:00")))
    app.call_later(lambda: app.push_screen(ExportDialog(seljord_store, sid)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        participants = export_samling(seljord_store, sid, participants=True)
        assert app.screen.query_one("#preview", Markdown).source == preview_text(participants)
        path = app.screen.query_one("#path", Input)
        assert path.value.endswith("tuiroom-samling-3-deltakere.md")
        assert "Referat for deltakerne" in flat(screen_text(app))
        await type_path(app, tmp_path / "til-deltakerne.md")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "til-deltakerne.md").read_text("utf-8") == participants
        await pilot.press("ctrl+t")  # back to the whole log; the typed path stays
        await pilot.pause()
        assert path.value == str(tmp_path / "til-deltakerne.md")
        assert "Fullt referat" in flat(screen_text(app))
