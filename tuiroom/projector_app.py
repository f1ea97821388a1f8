"""`tuiroom projector`: a second, read-only window that follows the facilitator's.

It needs no network and no server: it watches the database file, and notices within
half a second when the facilitator's window has written something. It computes the
countdown from the saved instants and its own clock, so it keeps time by itself even
while the facilitator's window is closed, restarting, or not started yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding

from tuiroom import themes
from tuiroom.day.clock import Clock, RehearsalClock, SystemClock
from tuiroom.day.running import Day
from tuiroom.day.view import Room, WarnRule, signals, view
from tuiroom.i18n import set_language, t
from tuiroom.screens.projector import ProjectorScreen
from tuiroom.store import Store, StoreError
from tuiroom.store.records import RunRow, StageRow
from tuiroom.textual_private import ClosingQuietly

LOOK_S = 0.5  # one timer: look at the file, and redraw when the clock's second changed


def run_clock(run: RunRow) -> Clock:
    """The clock the facilitator's window keeps for this run, rebuilt from the store."""
    if run.mode == "rehearsal":
        return RehearsalClock(run.origin_virtual, run.speed, real_origin=run.origin_real)
    return SystemClock()


ClockFor = Callable[[RunRow], Clock]


class ProjectorApp(ClosingQuietly):
    CSS_PATH = "tuiroom.tcss"
    TITLE = "tuiroom"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q,q", "quit", "app.quit", priority=True),
        Binding("t", "toggle_theme", "nav.toggle_theme"),
    ]

    def __init__(
        self, path: Path, *, lang: str | None = None, clock_for: ClockFor = run_clock
    ) -> None:
        super().__init__()
        self.path = path
        self.lang = lang
        self.store: Store | None = None
        self.day: Day | None = None
        self.stage: StageRow | None = None
        self.version = -1
        self.warn = WarnRule()
        self.room = Room()
        self.clock_for = clock_for
        self.last: dt.datetime | None = None

    async def on_mount(self) -> None:
        for theme in themes.THEMES:
            self.register_theme(theme)
        self.theme = themes.DEFAULT
        await self.push_screen(ProjectorScreen())
        self.shown: dt.datetime | None = None
        self.ticker = self.set_interval(LOOK_S, self.look)
        self.poll()

    def _open(self) -> bool:
        if self.store is not None:
            return True
        try:
            self.store = Store.reader(self.path)
        except StoreError as exc:
            waiting = exc.code in ("missing", "not_ready")
            key = f"projector.waiting_{exc.code}" if waiting else f"db.{exc.code}"
            self.screen_waiting(t(key, **exc.values))
            return False
        info = self.store.programme()
        set_language(self.lang or (info.language if info else "nb"))
        self.theme = themes.known(self.store.setting("theme", themes.DEFAULT))
        if info is not None:
            self.warn = WarnRule(info.warn_minutes, info.warn_share)
        groups = self.store.groups()
        self.room = Room(
            max((len(g.members) for g in groups), default=1), tuple(g.name for g in groups)
        )
        return True

    def poll(self) -> None:
        """Look at the file; reload only when another window has committed something."""
        if not self._open():
            return
        assert self.store is not None
        try:
            version = self.store.data_version()
        except Exception:  # the file went away or is being replaced: start over
            self.store, self.day = None, None
            return
        if version == self.version:
            return
        self.version = version
        self.reload()

    def reload(self) -> None:
        assert self.store is not None
        run = self.store.latest_run()
        if run is None:
            self.day = None
            self.screen_waiting(t("projector.waiting_run"))
            return
        if self.day is None or self.day.run.id != run.id:
            self.day = Day(self.store, run, self.clock_for(run), writable=False)
            self.ticker.stop()
            interval = min(LOOK_S, max(0.1, 1.0 / max(run.speed, 1.0)))
            self.ticker = self.set_interval(interval, self.look)
            self.last = self.day.clock.now()
        else:
            self.day.reload()
        theme = themes.known(self.store.setting("theme", themes.DEFAULT))
        if theme != self.theme:
            self.theme = theme
        self.stage = self.store.stage(run.id)
        self.tick()

    def look(self) -> None:
        """Poll the file; between changes, redraw only when the second shown has moved."""
        version = self.version
        self.poll()
        if version == self.version and self.day is not None:
            second = self.day.now().replace(microsecond=0)
            if second != self.shown:
                self.tick()

    def tick(self) -> None:
        if self.day is None:
            return
        now = self.day.clock.now()
        self.shown = self.day.now().replace(microsecond=0)
        if self.last is not None and signals(self.day, self.warn, self.room, self.last, now):
            self.flash()
        self.last = now
        screen = self.screen
        if isinstance(screen, ProjectorScreen):
            screen.show_view(view(self.day, self.warn, self.room, with_cut=False), self.stage)

    def flash(self) -> None:
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(1.5, lambda: screen.remove_class("-flash"))

    def screen_waiting(self, message: str) -> None:
        screen = self.screen
        if isinstance(screen, ProjectorScreen):
            screen.waiting(message)

    def action_toggle_theme(self) -> None:
        self.theme = themes.other(self.theme)


def make_projector(path: Path, *, lang: str | None = None) -> ProjectorApp:
    """The projector app the CLI runs and the tests drive."""
    return ProjectorApp(path, lang=lang)
