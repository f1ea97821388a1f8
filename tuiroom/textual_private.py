"""Every use of Textual's private API in tuiroom, in one small module.

Textual is pinned exactly (pyproject.toml). `tests/unit/test_textual_private.py` checks
that each private name used here still exists with the shape we rely on, so an upgrade
that moves one fails loudly there instead of quietly in the room.

- An app that closes quietly when work arrives after Ctrl+Q. A facilitator may quit
  while a screen is still building what comes a frame after its first one (the agenda
  table, the footer, a form). Textual takes widgets down from the bottom up, so a
  handler still queued then finds its children gone: a `query_one` raises NoMatches or
  a `mount` raises MountError. Once the app is exiting that work is no longer wanted,
  and it must not turn a clean exit into a traceback and exit code 1. Textual has no
  public hook for unhandled errors, so this overrides `App._handle_exception`.
  (Its `notify` override, plain text by default, is public API: it lives here only
  because this is the base class both apps share.)
- The screen as rendered strips, for tests that read what the room would see
  (`Screen._compositor`): Textual's public screenshot is SVG, not text.
- The command palette's "No matches found", which Textual writes in English inside
  `CommandPalette._start_no_matches_countdown` (the placeholder is a public argument).
- Rendering caches let go of widgets that are gone. `StylesCache.get_inner_outer` is an
  `lru_cache` on a method, so its 1,024 keys hold as many StylesCache objects (each with
  its widget's rendered lines) long after their widgets were removed: every footer built
  anew added some, a few megabytes over a long day (`textual._styles_cache`).

Not private API, but a workaround of the same kind: Textual's Footer keeps every key it
ever composed bound to its `compact` flag (Textual issue 6666), so each visit to a screen
leaked its keys. `RoomFooter.release_removed_keys` (widgets/footer.py) lets them go with
the public `mutate_reactive`; a test here fails once Textual no longer leaks them, and the
workaround can go.
"""

from __future__ import annotations

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual._styles_cache import StylesCache
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import MountError
from textual.widgets.option_list import Option

LATE = (NoMatches, MountError)


def late_work(exiting: bool, error: BaseException) -> bool:
    """True for a failure that only means the app closed before the work was done."""
    return exiting and isinstance(error, LATE)


class ClosingQuietly(App[None]):
    """Both of tuiroom's apps: errors from late work during exit are dropped; every
    other error (and any error before exit) is Textual's to report as usual."""

    exiting = False

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.exiting = True
        super().exit(result, return_code, message)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Textual's notify, always as plain text. Notices quote people's text (titles,
        names, file rows): `[/]` in one must not crash the app, nor `[@click=app.quit]`
        become a link. `markup` is ignored: a screen's or widget's `notify` passes
        Textual's default `markup=True` on, and tuiroom writes no notice in markup."""
        del markup
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        if late_work(self.exiting, error):
            return
        super()._handle_exception(error)


def rendered_strips(screen: Screen[object]) -> list[Strip]:
    """What the screen shows now, one strip per terminal row."""
    return list(screen._compositor.render_strips())


class Palette(CommandPalette):
    """Textual's command palette saying "No matches found" in words of our choosing."""

    def __init__(self, *, placeholder: str, no_matches: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own (8.2.8), with `no_matches` for its English words."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def forget_removed_widgets() -> None:
    """Clear the colour cache that holds the StylesCache of removed widgets; it is
    filled again, two colours a widget, by the next frame."""
    StylesCache.get_inner_outer.cache_clear()
