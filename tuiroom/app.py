"""The Textual app: sections, keys, command palette and theme, built by make_app()."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand, get_system_commands_provider
from textual.binding import Binding
from textual.reactive import reactive, var
from textual.screen import Screen

from tuiroom import themes
from tuiroom.day.clock import Clock, SystemClock, system_now
from tuiroom.day.runner import DayRunner, room_of
from tuiroom.day.running import Day
from tuiroom.day.view import DayView, WarnRule
from tuiroom.textual_private import ClosingQuietly

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel
from tuiroom.day.words import signal_text
from tuiroom.i18n import t
from tuiroom.screens.agenda import AgendaScreen
from tuiroom.screens.base import Dialog
from tuiroom.sections import Section, lazy
from tuiroom.store import Store

SECTIONS: tuple[Section, ...] = (
    Section("agenda", "1", "nav.agenda", "nav.agenda_help", AgendaScreen),
    Section(
        "groups",
        "2",
        "nav.groups",
        "nav.groups_help",
        lazy("tuiroom.screens.groups", "GroupsScreen"),
    ),
    Section(
        "capture",
        "3",
        "capture.nav.title",
        "capture.nav.help",
        lazy("tuiroom.screens.capture", "CaptureScreen"),
    ),
    Section(
        "summary",
        "4",
        "summary.nav.title",
        "summary.nav.help",
        lazy("tuiroom.screens.summary", "SummaryScreen"),
    ),
    Section(
        "programme",
        "0",
        "nav.programme",
        "nav.programme_help",
        lazy("tuiroom.screens.programme", "ProgrammeScreen"),
    ),
)


# The app's actions behind a single letter or digit. On a screen for typing (plenum)
# those keys are text, so these actions are off there: neither run nor listed. The
# palette and a click on the section bar still reach them (see action_click_section).
SINGLE_KEY_ACTIONS = frozenset({"toggle_theme", "export", "section"})


def room_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from tuiroom.commands import RoomCommands

    return RoomCommands


class TuiroomApp(ClosingQuietly):
    CSS_PATH = "tuiroom.tcss"
    TITLE = "tuiroom"
    DEFAULT_MODE = SECTIONS[0].name  # the first screen is the agenda itself, not a blank one
    COMMANDS = {get_system_commands_provider, room_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit_safely", "app.quit", priority=True, show=False),
        Binding("ctrl+p", "command_palette", "app.palette", show=False, priority=True),
        Binding("f1", "toggle_keys", "app.help"),
        Binding("t", "toggle_theme", "nav.toggle_theme", show=False),
        Binding("e", "export", "export.dialog_title", show=False),
        *(Binding(s.key, f"section('{s.name}')", s.label, show=False) for s in SECTIONS),
    ]

    samling_id: reactive[int] = reactive(0)
    # A var, not a reactive: widgets redraw what changed; the screen is not repainted.
    day_view: var[DayView | None] = var(None, always_update=True, init=False)

    def __init__(
        self,
        store: Store,
        samling_id: int,
        *,
        clock: Clock | None = None,
        rehearsal: bool = False,
        autopilot: bool = False,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.autopilot = autopilot
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.rehearsal = rehearsal
        self.sections = SECTIONS
        self.startup_warnings = list(warnings)  # shown on every screen's bottom lines
        self.quit_warned = -99.0  # monotonic time of the last unsaved-answer warning
        self.previous_section = self.DEFAULT_MODE  # where plenum's Esc goes back to
        info = store.programme()
        self.programme_title = info.title if info else ""
        for section in self.sections:
            self.add_mode(section.name, section.screen)
        for theme in themes.THEMES:
            self.register_theme(theme)
        self.start_theme(store.setting("theme", themes.DEFAULT))
        self.set_reactive(TuiroomApp.samling_id, samling_id)
        warn = WarnRule(info.warn_minutes, info.warn_share) if info else WarnRule()
        self.runner = DayRunner(self.open_day(samling_id), warn, room_of(store))
        self.set_reactive(TuiroomApp.day_view, self.runner.view())

    def start_theme(self, name: str) -> None:
        """The saved theme (the default one if it is not ours), before the first
        style pass. A dark theme is set quietly: Textual starts in dark mode, so only
        the colours differ, and they are read when the stylesheet is first built.
        Setting `theme` would parse the whole stylesheet once more before the first
        frame. A light theme goes through `theme`, which also swaps the dark mode."""
        chosen = self.get_theme(themes.known(name))
        assert chosen is not None
        if chosen.dark and self.current_theme.dark:
            self.set_reactive(App.theme, chosen.name)
        else:
            self.theme = chosen.name

    # ── the running day ───────────────────────────────────────────────────────

    def open_day(self, samling_id: int) -> Day:
        if self.rehearsal:
            return Day.rehearsal(
                self.store, samling_id, self.clock, system_now(), autopilot=self.autopilot
            )
        return Day.live(self.store, samling_id, self.clock)

    @property
    def day(self) -> Day:
        return self.runner.day

    def watch_samling_id(self, samling_id: int) -> None:
        self.runner.follow(self.open_day(samling_id))
        self.refresh_view()

    @property
    def tick_interval(self) -> float:
        """Once a second; faster in a rehearsal, so its clock still reads smoothly."""
        return self.runner.interval(slowest=1.0)

    def tick(self) -> None:
        self.day_view, kind = self.runner.tick()
        if kind is not None:
            self.signal(kind)

    def refresh_view(self) -> None:
        self.day_view = self.runner.view()

    def act(self, operation: Callable[..., object], *args: object) -> None:
        """Run a Day operation for a key, then show the result at once."""
        self.day_view = self.runner.act(operation, *args)

    def signal(self, kind: str) -> None:
        """A bell (unless muted) and a flash that everyone in the room can see."""
        about = self.runner.signalled or self.day_view  # the view the signal is about
        assert about is not None
        if not self.day.run.muted:
            self.bell()
        severity: SeverityLevel = "error" if kind in ("over", "phase_over") else "warning"
        self.notify(signal_text(kind, about), severity=severity, timeout=6)
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(1.5, lambda: screen.remove_class("-flash"))

    def on_mount(self) -> None:
        self.set_interval(self.tick_interval, self.tick)

    @on(events.Key)
    def keys_for_a_dialog_just_opened(self, event: events.Key) -> None:
        """A key typed right after the one that opened a dialog went to the screen below
        and came back unused: it was meant for the dialog, which takes it."""
        screen = self.screen
        if isinstance(screen, Dialog) and screen.takes(event):
            event.stop()
            event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = getattr(self.screen, "TYPING", False)
        return not (typing and action in SINGLE_KEY_ACTIONS)

    def action_section(self, name: str) -> None:
        if name != self.current_mode:
            self.previous_section = self.current_mode
            self.switch_mode(name)

    def action_click_section(self, name: str) -> None:
        """A click on the section bar: no key was typed, so it works in plenum too."""
        self.action_section(name)

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

    def action_new_run(self) -> None:
        """Start the samling's clock afresh; the earlier run stays in the database."""

        def answered(yes: bool | None) -> None:
            if yes:
                fresh = Day.fresh(
                    self.store, self.samling_id, self.clock, self.rehearsal, self.autopilot
                )
                self.runner.follow(fresh)
                self.refresh_view()
                self.notify(t("clock.new_run_done"), timeout=3)

        from tuiroom.screens.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(t("clock.new_run_question")), answered)

    def action_export(self) -> None:
        """The samling's notes as Markdown: a preview, then the file beside the database."""
        from tuiroom.screens.export_dialog import ExportDialog

        self.push_screen(ExportDialog(self.store, self.samling_id))

    def action_quit_safely(self) -> None:
        """Quit, unless plenum holds an answer the database has not taken: then the first
        Ctrl+Q says so, and a second one within a few seconds quits all the same."""
        unsaved = any(getattr(screen, "unsaved", False) for screen in self.installed_screens())
        now = time.monotonic()
        if unsaved and now - self.quit_warned > 5:
            self.quit_warned = now
            self.notify(t("capture.quit.unsaved"), severity="error", timeout=6)
            return
        self.exit()

    def installed_screens(self) -> list[Screen[object]]:
        """Every screen of every section opened so far."""
        screens: list[Screen[object]] = []
        for section in self.sections:
            try:
                screens += self.get_screen_stack(section.name)
            except KeyError:  # a section not opened yet
                continue
        return screens

    def action_command_palette(self) -> None:
        """Textual's palette, in the interface language."""
        from textual.command import CommandPalette

        from tuiroom.commands import RoomPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(RoomPalette())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(t("clock.new_run"), t("clock.new_run_help"), self.action_new_run)
        yield SystemCommand(
            t("nav.toggle_theme"), t("nav.toggle_theme_help"), self.action_toggle_theme
        )
        yield SystemCommand(t("app.help"), t("app.help_help"), self.action_toggle_keys)
        yield SystemCommand(t("app.quit"), t("app.quit_help"), self.action_quit_safely)


def make_app(
    store: Store,
    samling_id: int,
    *,
    clock: Clock | None = None,
    rehearsal: bool = False,
    autopilot: bool = False,
    warnings: Sequence[str] = (),
) -> TuiroomApp:
    """The app the CLI runs and the tests drive: the same object both ways."""
    return TuiroomApp(
        store,
        samling_id,
        clock=clock,
        rehearsal=rehearsal,
        autopilot=autopilot,
        warnings=warnings,
    )
