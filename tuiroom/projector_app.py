"""`tuiroom projector`: a second, read-only window that follows the facilitator's.

It needs no network and no server: it watches the database file, and notices within
half a second when the facilitator's window has written something. It computes the
countdown from the saved instants and its own clock, so it keeps time by itself even
while the facilitator's window is closed, restarting, or not started yet.

While a rehearsal of the day runs (its window holds the copy beside the database), it
follows the rehearsal's copy instead, and goes back to the real day when that closes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding

from tuiroom import themes
from tuiroom.day import stage
from tuiroom.day.clock import Clock, RehearsalClock, SystemClock
from tuiroom.day.runner import DayRunner, room_of
from tuiroom.day.running import Day
from tuiroom.day.view import Room, WarnRule
from tuiroom.i18n import set_language, t
from tuiroom.paths import rehearsal_db
from tuiroom.screens.projector import ProjectorScreen
from tuiroom.store import LockProbe, Store, StoreError
from tuiroom.store.records import RunRow, StageRow
from tuiroom.textual_private import ClosingQuietly

LOOK_S = 0.5  # how often to look at the file while there is no day to follow
TURN_S = 0.02  # how long after the clock's second turns the projector looks again


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
        self.rehearsal = LockProbe(rehearsal_db(path))
        self.following = path
        self.lang = lang
        self.store: Store | None = None
        self.runner: DayRunner | None = None
        self.stage: StageRow | None = None
        self.version = -1
        self.warn = WarnRule()
        self.room = Room()
        self.clock_for = clock_for

    async def on_mount(self) -> None:
        for theme in themes.THEMES:
            self.register_theme(theme)
        self.theme = themes.DEFAULT
        await self.push_screen(ProjectorScreen())
        self.shown: dt.datetime | None = None
        self.ticker = self.set_timer(LOOK_S, self.look_again)
        self.poll()

    def _open(self) -> bool:
        if self.store is not None:
            return True
        try:
            self.store = Store.reader(self.following)
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
            screen = self.screen
            if isinstance(screen, ProjectorScreen):
                screen.pace(info.page_seconds)
        self.room = room_of(self.store)
        return True

    def poll(self) -> None:
        """Look at the file; reload only when another window has committed something."""
        self.follow(rehearsal_db(self.path) if self.rehearsal.held() else self.path)
        if not self._open():
            return
        assert self.store is not None
        try:
            version = self.store.data_version()
        except Exception:  # the file went away or is being replaced: start over
            self.store, self.runner = None, None
            return
        if version == self.version:
            return
        self.version = version
        self.reload()

    def follow(self, path: Path) -> None:
        """Switch between the real day and a rehearsal's copy, starting afresh."""
        if path == self.following:
            return
        if self.store is not None:
            self.store.close()
        self.store, self.runner, self.version = None, None, -1
        self.following = path

    def reload(self) -> None:
        assert self.store is not None
        run = self.store.latest_run()
        if run is None:
            self.runner = None
            self.screen_waiting(t("projector.waiting_run"))
            return
        if self.runner is None or self.runner.day.run.id != run.id:
            day = Day(self.store, run, self.clock_for(run), writable=False)
            self.runner = DayRunner(day, self.warn, self.room, with_cut=False)
        else:
            self.runner.day.reload()
        theme = themes.known(self.store.setting("theme", themes.DEFAULT))
        if theme != self.theme:
            self.theme = theme
        self.stage = self.store.stage(run.id)
        self.tick()

    def look_again(self) -> None:
        """One look, and the next one planned (`until_next_look`)."""
        self.look()
        self.ticker.stop()  # one plan at a time, also when called by hand
        self.ticker = self.set_timer(self.until_next_look(), self.look_again)

    def until_next_look(self) -> float:
        """Following a day at real speed, the projector looks once a second, just after
        the clock's second turns: its digits turn with the facilitator's second, and it
        wakes no more often than the clock needs (it sees a change in the file at that
        look, within a second). A rehearsal at another speed is looked at as often as
        it ticks, and at least every half second; without a day, every half second."""
        if self.runner is None:
            return LOOK_S
        clock = self.runner.day.clock
        if clock.speed != 1:
            return self.runner.interval(slowest=LOOK_S)
        return till_next_second(clock.now()) + TURN_S

    def look(self) -> None:
        """Poll the file; between changes, redraw only when the second shown has moved."""
        version = self.version
        self.poll()
        if version == self.version and self.runner is not None:
            second = self.runner.day.clock.now().replace(microsecond=0)
            if second != self.shown:
                self.tick()

    def tick(self) -> None:
        if self.runner is None:
            return
        self.shown = self.runner.day.clock.now().replace(microsecond=0)
        seen, kind = self.runner.tick()
        if kind is not None:
            self.flash()
        screen = self.screen
        if isinstance(screen, ProjectorScreen):
            screen.show_view(
                seen, stage.seen(self.stage, seen.current.id if seen.current else None)
            )

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


def till_next_second(now: dt.datetime) -> float:
    """Seconds until the next whole second after `now`."""
    return 1.0 - now.microsecond / 1_000_000


def make_projector(path: Path, *, lang: str | None = None) -> ProjectorApp:
    """The projector app the CLI runs and the tests drive."""
    return ProjectorApp(path, lang=lang)
