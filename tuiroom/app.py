"""The Textual app: sections, keys, command palette and theme, built by make_app()."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.reactive import reactive
from textual.screen import Screen

from tuiroom import themes
from tuiroom.i18n import t
from tuiroom.screens.agenda import AgendaScreen
from tuiroom.screens.programme import ProgrammeScreen
from tuiroom.sections import Section
from tuiroom.store import Store

SECTIONS: tuple[Section, ...] = (
    Section("agenda", "1", "nav.agenda", "nav.agenda_help", AgendaScreen),
    Section("programme", "0", "nav.programme", "nav.programme_help", ProgrammeScreen),
)


class RoomCommands(Provider):
    """Sections and samlinger in the command palette, in the interface language."""

    def commands(self) -> list[tuple[str, str, partial[None]]]:
        app: TuiroomApp = self.app  # type: ignore[assignment]
        found = [(t(s.label), t(s.help), partial(app.action_section, s.name)) for s in app.sections]
        found += [
            (
                f"{t('nav.switch_samling')}: {s.title}",
                t("nav.switch_samling_help"),
                partial(app.open_samling, s.id),
            )
            for s in app.store.samlinger()
        ]
        return found

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class TuiroomApp(App[None]):
    CSS_PATH = "tuiroom.tcss"
    TITLE = "tuiroom"
    COMMANDS = {RoomCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", priority=True),
        Binding("ctrl+p", "command_palette", "app.palette", show=False, priority=True),
        Binding("f1", "toggle_keys", "app.help"),
        Binding("t", "toggle_theme", "nav.toggle_theme", show=False),
        *(Binding(s.key, f"section('{s.name}')", s.label, show=False) for s in SECTIONS),
    ]

    samling_id: reactive[int] = reactive(0)

    def __init__(
        self,
        store: Store,
        samling_id: int,
        *,
        warnings: Sequence[str] = (),
        sections: Sequence[Section] = SECTIONS,
    ) -> None:
        super().__init__()
        self.store = store
        self.sections = tuple(sections)
        self.startup_warnings = list(warnings)
        info = store.programme()
        self.programme_title = info.title if info else ""
        for section in self.sections:
            self.add_mode(section.name, section.screen)
        self.set_reactive(TuiroomApp.samling_id, samling_id)

    def on_mount(self) -> None:
        for theme in themes.THEMES:
            self.register_theme(theme)
        self.theme = self.store.setting("theme", themes.DEFAULT)
        self.switch_mode(self.sections[0].name)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=12)

    def action_section(self, name: str) -> None:
        if name != self.current_mode:
            self.switch_mode(name)

    def open_samling(self, samling_id: int) -> None:
        self.samling_id = samling_id
        self.action_section("agenda")

    def action_toggle_theme(self) -> None:
        self.theme = themes.other(self.theme)
        self.store.set_setting("theme", self.theme)
        label = t("app.theme_light") if self.theme == themes.LIGHT.name else t("app.theme_dark")
        self.notify(t("app.theme_toggled", name=label), timeout=2)

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel, KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            t("nav.toggle_theme"), t("nav.toggle_theme_help"), self.action_toggle_theme
        )
        yield SystemCommand(t("app.help"), t("app.help_help"), self.action_toggle_keys)
        yield SystemCommand(t("app.quit"), t("app.quit_help"), self.exit)


def make_app(store: Store, samling_id: int, *, warnings: Sequence[str] = ()) -> TuiroomApp:
    """The app the CLI runs and the tests drive: the same object both ways."""
    return TuiroomApp(store, samling_id, warnings=warnings)
