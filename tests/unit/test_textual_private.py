"""Only late work during exit is dropped quietly; every other error still counts; and
the private Textual names tuiroom uses are still there."""

from __future__ import annotations

import asyncio
import contextlib
import inspect

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widget import MountError
from textual.widgets import Static

from tuiroom.textual_private import ClosingQuietly, late_work, rendered_strips


def test_a_missing_widget_while_exiting_is_late_work() -> None:
    assert late_work(True, NoMatches("No nodes match 'AgendaTable'"))
    assert late_work(True, MountError("Can't mount widget(s)"))


def test_the_same_error_before_exit_is_a_real_error() -> None:
    assert not late_work(False, NoMatches("No nodes match 'AgendaTable'"))
    assert not late_work(False, MountError("Can't mount widget(s)"))


def test_other_errors_while_exiting_are_real_errors() -> None:
    assert not late_work(True, ValueError("bad"))
    assert not late_work(True, OSError("disk full"))


# ── the private names themselves: an upgrade of Textual that moves one fails here ──


def test_textual_still_has_the_exception_hook_we_override() -> None:
    hook = getattr(App, "_handle_exception", None)
    assert callable(hook), "Textual no longer has App._handle_exception"
    assert list(inspect.signature(hook).parameters) == ["self", "error"]
    assert list(inspect.signature(App.exit).parameters) == [
        "self",
        "result",
        "return_code",
        "message",
    ]


class Shown(ClosingQuietly):
    def compose(self) -> ComposeResult:
        yield Static("Psykologisk trygghet")


async def test_rendered_strips_read_the_screen_as_text() -> None:
    app = Shown()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        strips = rendered_strips(app.screen)
    assert len(strips) == 3
    assert strips[0].text.rstrip() == "Psykologisk trygghet"


class LateQuery(ClosingQuietly):
    """Quits, then looks for a widget that is already gone: late work."""

    def __init__(self, quit_first: bool) -> None:
        super().__init__()
        self.quit_first = quit_first

    def on_mount(self) -> None:
        self.set_timer(0.05, self.look_for_gone)

    def look_for_gone(self) -> None:
        if self.quit_first:
            self.exit()
        self.query_one("#gone")


@pytest.mark.parametrize(("quit_first", "code"), [(True, 0), (False, 1)])
async def test_late_work_during_exit_is_dropped_and_nothing_else(
    quit_first: bool, code: int
) -> None:
    app = LateQuery(quit_first)
    with contextlib.suppress(NoMatches):  # Pilot re-raises a real error
        async with app.run_test():
            await asyncio.sleep(0.2)
    assert app.return_code == code


def test_textual_still_has_the_palettes_no_matches_countdown() -> None:
    """tuiroom.textual_private.Palette rewrites it to say "No matches found" in our words."""
    from textual.command import CommandPalette

    assert list(inspect.signature(CommandPalette._start_no_matches_countdown).parameters) == [
        "self",
        "search_value",
    ]
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN"):
        assert hasattr(CommandPalette, name), name
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert "_no_matches_timer" in source and "_list_visible" in source


# ── Textual's Footer keeps the keys of every recompose (RoomFooter works around it) ──


class Keys(App[None]):
    BINDINGS = [("a", "bell", "Ring"), ("b", "bell", "Ring again")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Footer

        yield Footer()


async def test_textuals_footer_still_keeps_the_keys_it_took_away() -> None:
    """When this fails, Textual lets go of them itself: RoomFooter.release_removed_keys
    (tuiroom/widgets/footer.py) can go."""
    import gc

    from textual.widgets import Footer

    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        for _ in range(3):
            footer.refresh(recompose=True)
            await pilot.pause()
        gc.collect()
        shown = len(footer.query("FooterKey"))
        alive = sum(type(o).__name__ == "FooterKey" for o in gc.get_objects())
    assert alive > 2 * shown


def test_the_colour_cache_we_clear_is_still_an_lru_cache() -> None:
    from textual._styles_cache import StylesCache

    from tuiroom.textual_private import forget_removed_widgets

    assert callable(StylesCache.get_inner_outer.cache_clear)
    forget_removed_widgets()
    assert StylesCache.get_inner_outer.cache_info().currsize == 0
