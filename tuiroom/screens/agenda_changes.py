"""The agenda screen's keys that change the day: add, an unplanned break, remove, move,
rename, length, start, phase minutes, and undo. The screen asks and shows; what a change
may do and how it is kept is tuiroom.day.editing's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding
from textual.screen import Screen

from tuiroom import fmt
from tuiroom.day import editing
from tuiroom.i18n import t
from tuiroom.store.records import ItemRow

if TYPE_CHECKING:
    from tuiroom.app import TuiroomApp
    from tuiroom.day.running import Day
    from tuiroom.screens.change_dialogs import NewItem


CHANGE_BINDINGS = [
    Binding("a", "add_item(1)", "change.key.add"),
    Binding("A", "add_item(0)", "change.key.add_before", show=False),
    Binding("b", "add_break", "change.key.add_break"),
    Binding("delete,d", "remove_item", "change.key.remove", show=False),
    Binding("shift+up", "move_item(-1)", "change.key.move_up", show=False),
    Binding("shift+down", "move_item(1)", "change.key.move_down", show=False),
    Binding("f2", "rename_item", "change.key.rename", show=False),
    Binding("l", "item_length", "change.key.length", show=False),
    Binding("s", "item_start", "change.key.start", show=False),
    Binding("f", "phase_minutes", "change.key.phases", show=False),
    Binding("ctrl+z", "undo_change", "change.key.undo"),
]
V = TypeVar("V")
Command = tuple[str, str, Callable[[], object]]


class AgendaChanges:
    """Mixed into the agenda screen, which provides the day and the highlighted item."""

    if TYPE_CHECKING:

        @property
        def room_app(self) -> TuiroomApp: ...
        @property
        def day(self) -> Day: ...

        def highlighted(self) -> ItemRow | None: ...
        def notify(self, message: str, *, timeout: float | None = None) -> None: ...
        def followed(self, item_id: int | None) -> None: ...

    def palette_commands(self) -> list[Command]:
        """The change keys the palette cannot list itself (Ctrl+Z)."""
        return [
            (t("change.key.undo"), t("app.key_help", key="Ctrl+Z"), self.action_undo_change),
            (t("change.key.as_run"), t("change.as_run_help"), self.action_write_as_run),
        ]

    def action_write_as_run(self) -> None:
        """The programme file as this day ran it, as a new file beside the database (asks
        before replacing one written before; the programme file itself is never touched)."""
        from tuiroom.notes.files import ExportError, write_atomic
        from tuiroom.programme.as_run import (  # tomlkit: only now
            InlineItems,
            StaleFile,
            programme_as_run,
        )

        store, run = self.room_app.store, self.day.run
        programme = store.programme()
        if programme is None or not programme.source or store.path is None:
            return
        source = Path(programme.source)
        target = store.path.parent / f"{source.stem}.as-run.toml"
        try:
            text = programme_as_run(store, run.samling_id, run, source.read_text("utf-8"))
        except (OSError, StaleFile):
            self.notify(t("change.as_run_stale", path=source), timeout=6)
            return
        except InlineItems:
            self.notify(t("change.as_run_inline", path=source), timeout=6)
            return

        def write(force: bool | None) -> None:
            if force is False:
                return
            try:
                written = write_atomic(target, text, force=bool(force))
            except ExportError as exc:
                self.notify(exc.message(), timeout=6)
                return
            self.notify(t("change.as_run_written", path=written), timeout=6)

        if not target.exists():
            write(None)
            return
        from tuiroom.screens.confirm import ConfirmDialog

        question = t("change.as_run_replace", path=target)
        self.room_app.push_screen(ConfirmDialog(question), write)

    def changed(self, refused: str | None, item_id: int | None = None, done: str = "") -> None:
        """Show the day after a change (or why it was refused)."""
        if refused is not None:
            self.notify(t(refused), timeout=4)
            return
        self.room_app.act(lambda: None)
        self.followed(item_id)
        if done:
            self.notify(done, timeout=3)

    def _ask(self, dialog: Screen[V | None], then: Callable[[V], None]) -> None:
        def answered(value: V | None) -> None:
            if value is not None:
                then(value)

        self.room_app.push_screen(dialog, answered)

    def action_add_item(self, after: int) -> None:
        item = self.highlighted()
        at = (self.day.items.index(item) + after) if item in self.day.items else len(self.day.items)
        heading = t("change.add_title" if after else "change.add_before_title")
        from tuiroom.screens.change_dialogs import ItemDialog  # at the first change, not at start

        if item is not None:
            heading += f" «{item.title}»"

        def add(value: NewItem) -> None:
            made, refused = editing.add_item(self.day, value.title, value.minutes, value.kind, at)
            self.changed(refused, made, t("change.added", title=value.title))

        self._ask(ItemDialog(heading), add)

    def action_add_break(self) -> None:
        from tuiroom.screens.change_dialogs import ItemDialog

        def add(value: NewItem) -> None:
            refused = editing.add_break(
                self.day, self.highlighted(), value.title, value.minutes, value.kind
            )
            self.changed(refused, None, t("change.added", title=value.title))

        self._ask(ItemDialog(t("change.break_title"), t("change.break_name"), 10, "break"), add)

    def _item(self) -> ItemRow | None:
        item = self.highlighted()
        if item is None:
            self.notify(t("change.no_item"), timeout=3)
        return item

    def action_remove_item(self) -> None:
        """Asks first: the item leaves the day (the notes say it was removed)."""
        item = self._item()
        if item is None:
            return
        from tuiroom.screens.confirm import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                refused = editing.remove_item(self.day, item)
                self.changed(refused, None, t("change.removed", title=item.title))

        question = t("change.remove_question", title=item.title)
        self.room_app.push_screen(ConfirmDialog(question), answer)

    def action_move_item(self, step: int) -> None:
        item = self._item()
        if item is not None:
            self.changed(editing.move_item(self.day, item, step), item.id)

    def action_rename_item(self) -> None:
        item = self._item()
        if item is None:
            return

        from tuiroom.screens.change_dialogs import ValueDialog

        def rename(title: str) -> None:
            self.changed(editing.rename_item(self.day, item, title), item.id)

        dialog = ValueDialog(
            t("change.rename_title"),
            item.title,
            lambda text: " ".join(text.split()) or None,
            t("change.no_title"),
            t("change.value_help"),
        )
        self._ask(dialog, rename)

    def action_item_length(self) -> None:
        item = self._item()
        if item is None:
            return

        from tuiroom.screens.change_dialogs import ValueDialog, whole_minutes

        def length(minutes: int) -> None:
            self.changed(editing.set_length(self.day, item, minutes), item.id)

        heading = t("change.length_title", title=item.title)
        dialog = ValueDialog(
            heading,
            str(item.duration),
            whole_minutes,
            t("change.bad_minutes"),
            t("change.value_help"),
        )
        self._ask(dialog, length)

    def action_item_start(self) -> None:
        item = self._item()
        if item is None:
            return

        from tuiroom.screens.change_dialogs import ValueDialog, time_of_day

        def start(minutes: int) -> None:
            self.changed(editing.set_start(self.day, item, minutes), item.id)

        heading = t("change.start_title", title=item.title)
        dialog = ValueDialog(
            heading,
            fmt.hhmm(item.start),
            time_of_day,
            t("change.bad_time"),
            t("change.start_help"),
        )
        self._ask(dialog, start)

    def action_phase_minutes(self) -> None:
        item = self._item()
        if item is None:
            return
        running = self.day.running_exercise()
        exercises = [e for e in self.day.exercises.get(item.id, []) if e.phases]
        if running is not None and running[0].item_id == item.id:
            exercises = [running[0]]
        if not exercises:
            self.notify(t("change.no_phases"), timeout=3)
            return
        exercise = exercises[0]
        count = len(exercise.phases)

        from tuiroom.screens.change_dialogs import ValueDialog, phase_minutes

        def phases(minutes: list[float | None]) -> None:
            self.changed(editing.set_phases(self.day, exercise.id, minutes), item.id)

        shown = " ".join("-" if p.minutes is None else f"{p.minutes:g}" for p in exercise.phases)
        names = " · ".join(p.title or t(f"form.{p.form}") for p in exercise.phases)
        dialog = ValueDialog(
            t("change.phases_title", title=exercise.title, phases=names),
            shown,
            lambda text: phase_minutes(text, count),
            t("change.bad_phases", count=count),
            t("change.phases_help"),
        )
        self._ask(dialog, phases)

    def action_undo_change(self) -> None:
        kind, refused = editing.undo(self.day)
        if kind is not None:
            self.changed(None, None, t("change.undone", what=t(f"change.kind.{kind}")))
        else:
            self.changed(refused)
