"""The agenda of the chosen samling, live: the countdown, the running exercise, the day's
forecast, and the keys that keep time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding

from tuiroom.day.stage import Offer
from tuiroom.day.view import DayView
from tuiroom.day.words import on_projector
from tuiroom.i18n import t
from tuiroom.screens.agenda_changes import CHANGE_BINDINGS, AgendaChanges
from tuiroom.screens.base import SectionScreen
from tuiroom.screens.staging import STAGE_BINDINGS, Staging
from tuiroom.store.records import ExerciseRow, ItemRow
from tuiroom.widgets.clock_face import ClockFace
from tuiroom.widgets.samling_header import SamlingHeader
from tuiroom.widgets.status import StatusLine

if TYPE_CHECKING:
    from tuiroom.day.running import Day
    from tuiroom.widgets.agenda_body import AgendaBody

WIDE = 150
NARROW = 100
MINUTE = Binding.Group("clock.key.minute")  # + and − share one label in the footer


class AgendaScreen(SectionScreen, Staging, AgendaChanges):
    SECTION = "agenda"
    FOOTER_KEEP = SectionScreen.FOOTER_KEEP | {"cut"}  # shown only while a cut is offered
    body: AgendaBody | None  # mounted a frame after the screen
    BINDINGS = [
        Binding("space", "toggle_clock", "clock.key.toggle"),
        Binding("n", "next_item", "clock.key.next"),
        Binding("p", "previous_item", "clock.key.previous"),
        Binding("j", "jump", "clock.key.jump", show=False),
        Binding("x", "exercise", "clock.key.exercise"),
        Binding("plus,equals_sign", "more(60)", "clock.key.plus1", group=MINUTE),
        Binding("minus", "more(-60)", "clock.key.minus1", group=MINUTE),
        Binding("greater_than_sign", "more(300)", "clock.key.plus5", show=False),
        Binding("less_than_sign", "more(-300)", "clock.key.minus5", show=False),
        Binding("r", "restart", "clock.key.restart", show=False),
        Binding("m", "mute", "clock.key.mute", show=False),
        Binding("c", "cut", "clock.key.cut"),
        Binding("k", "pick_cut", "clock.key.pick_cut", show=False),
        Binding("u", "undo_cut", "clock.key.undo_cut", show=False),
        *STAGE_BINDINGS,
        *CHANGE_BINDINGS,
    ]

    def compose_body(self) -> ComposeResult:
        # Classes for the size first, so the children are styled once, for this size.
        self.fit(*self.app.size, update=False)
        # The first frame is the clock and what it counts; the rest follows a frame later.
        yield SamlingHeader()
        yield ClockFace()

    async def mount_rest(self) -> None:
        from tuiroom.widgets.agenda_body import AgendaBody  # imported after the first frame

        body = AgendaBody()
        body.exercises = self.exercises
        await self.mount(body, before=self.query_one(StatusLine))
        self.body = body
        body.focus_table()
        self.show_view(self.room_app.day_view)
        await body.show_details()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The cut key shows in the footer only while a fixed point is in danger; `v`
        says whether it puts the item up or takes it down."""
        staged = self.stage_check(action)
        if staged is not None:
            return staged
        if action == "cut":
            view = self.room_app.day_view
            return view is not None and view.cut is not None
        return True

    def on_mount(self) -> None:
        self.exercises: dict[int, list[ExerciseRow]] = {}
        self.body = None
        self._no_cut = True
        self._current: int | None = None
        self._highlighted: ItemRow | None = None
        self.watch(self.app, "samling_id", self.show_samling)
        self.watch(self.app, "day_view", self.show_view)
        self.after_first_frame(self.mount_rest)  # the heavy part after the clock

    @property
    def day(self) -> Day:
        return self.room_app.day

    async def show_samling(self, samling_id: int) -> None:
        samling = self.room_app.store.samling(samling_id)
        if samling is None:
            return
        self.exercises = self.day.exercises  # the app's Day has read them already
        self.query_one(SamlingHeader).show(samling, self.day.items)
        self.show_view(self.room_app.day_view)
        if self.body is not None:
            self.body.exercises = self.exercises
            await self.body.show_details()

    def show_view(self, view: DayView | None) -> None:
        if view is None:
            return
        self.query_one(ClockFace).show(view)
        if self.body is None:
            return  # the rest of the screen is still on its way
        self.body.show(view, self.day.agenda.marks)
        current = view.current.id if view.current else None
        if (view.cut is None) != self._no_cut or current != self._current:
            self._no_cut, self._current = view.cut is None, current
            self.refresh_bindings()  # the cut key comes or goes; `v` may mean another thing

    def followed(self, item_id: int | None) -> None:
        """After a change of the agenda: the exercises as changed, and the cursor on the
        item changed (where it went)."""
        self.exercises = self.day.exercises
        samling = self.room_app.store.samling(self.day.run.samling_id)
        if samling is not None:
            self.query_one(SamlingHeader).show(samling, self.day.items)
        if self.body is None:
            return
        self.body.exercises = self.exercises
        index = next((n for n, i in enumerate(self.day.items) if i.id == item_id), None)
        if index is not None:
            self.body.move_cursor(index)

    def on_data_table_row_highlighted(self) -> None:
        item = self.highlighted()
        if item != self._highlighted:
            self._highlighted = item
            self.refresh_bindings()  # `v` now offers another item

    def fit(self, width: int, height: int, update: bool = True) -> None:
        """Classes for the screen size: no details panel under WIDE, compact under NARROW."""
        self.set_class(width < WIDE, "no-details", update=update)
        self.set_class(width < NARROW or height < 30, "narrow", update=update)

    async def on_resize(self, event: events.Resize) -> None:
        hidden = self.has_class("no-details")
        self.fit(event.size.width, event.size.height)
        if hidden and not self.has_class("no-details") and self.body is not None:
            await self.body.show_details()

    def on_agenda_body_item_chosen(self, message: AgendaBody.ItemChosen) -> None:
        from tuiroom.screens.item_dialog import ItemDialog

        self.app.push_screen(ItemDialog(message.item, self.exercises.get(message.item.id, [])))

    # ── keeping time ──────────────────────────────────────────────────────────

    def highlighted(self) -> ItemRow | None:
        """The item under the table's cursor; None while the table is still being built."""
        return self.body.highlighted() if self.body is not None else None

    def act(self, operation: str, *args: object) -> None:
        self.room_app.act(getattr(self.day, operation), *args)

    def action_toggle_clock(self) -> None:
        self.act("toggle")

    def action_next_item(self) -> None:
        self.act("next")

    def action_previous_item(self) -> None:
        self.act("previous")

    def action_jump(self) -> None:
        item = self.highlighted()
        if item is not None:
            self.act("jump", item.id)

    def action_exercise(self) -> None:
        before = self.day.running_exercise()
        self.act("exercise_step")
        if before is None and self.day.running_exercise() is None:
            self.notify(t("clock.no_exercise"), timeout=3)

    def action_more(self, seconds: int) -> None:
        self.act("adjust", seconds)

    def action_restart(self) -> None:
        """r asks first: a restart takes the item and its exercise back to the beginning."""
        current = self.day.current()
        if current is None:
            return
        from tuiroom.screens.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes and self.day.current() == current:
                self.act("restart")

        question = t("clock.restart_question", title=current.title)
        self.app.push_screen(ConfirmDialog(question), answered)

    def action_mute(self) -> None:
        self.act("toggle_mute")
        self.notify(t("clock.muted") if self.day.run.muted else t("clock.unmuted"), timeout=2)

    def action_cut(self) -> None:
        cut = self.day.proposed_cut()
        if cut is None:
            self.notify(t("clock.no_cut"), timeout=3)
            return
        self.act("accept_cut", cut)
        self.notify(t("clock.cut_done", delta=_minutes(cut.total)), timeout=4)

    def action_pick_cut(self) -> None:
        if not self.day.projection().misses:
            self.notify(t("clock.no_cut"), timeout=3)
            return

        def chosen(ids: set[int] | None) -> None:
            cut = self.day.proposed_cut(ids) if ids else None
            if cut is not None:
                self.act("accept_cut", cut)
                self.notify(t("clock.cut_done", delta=_minutes(cut.total)), timeout=4)

        from tuiroom.screens.cut_dialog import CutDialog

        self.app.push_screen(CutDialog(self.day), chosen)

    def stage_offer(self) -> Offer | None:
        """The highlighted item's questions (or note), for the projector."""
        item = self.highlighted()
        if item is None:
            return None
        return Offer("text", stage_payload(item, self.exercises.get(item.id, [])))

    def stage_notice(self, offer: Offer) -> str:
        return on_projector(str(offer.payload.get("title", "")))

    def action_undo_cut(self) -> None:
        undone = self.day.undo_cut()
        self.room_app.act(lambda: None)
        self.notify(t("clock.cut_undone") if undone else t("clock.nothing_to_undo"), timeout=3)


def stage_payload(item: ItemRow, exercises: list[ExerciseRow]) -> dict[str, object]:
    """What the projector shows for an item: its exercise and numbered questions."""
    asked = next((e for e in exercises if e.questions), None)
    if asked is None:
        return {"item": item.id, "title": item.title, "lines": [item.note] if item.note else []}
    lines = [f"{n}. {q.text}" for n, q in enumerate(asked.questions, 1)]
    if asked.note:
        lines += ["", asked.note]
    return {"item": item.id, "title": asked.title, "lines": lines}


def _minutes(seconds: float) -> str:
    from tuiroom.day.words import minutes_text

    return minutes_text(seconds)
