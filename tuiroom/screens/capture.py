"""Plenum: each group's sekretær reads out the answers and the facilitator types them in.
Every change is saved at once; a failed save says so and keeps the text on screen."""

from __future__ import annotations

import datetime as dt
import sqlite3

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static, TextArea

from tuiroom.answers import capture
from tuiroom.groups import finding
from tuiroom.i18n import t
from tuiroom.screens.base import SectionScreen
from tuiroom.screens.find_dialog import FindDialog
from tuiroom.store import Store, StoreError
from tuiroom.store.answers import AnswerRow
from tuiroom.widgets.answer_form import AnswerForm

GROUPS = Binding.Group("capture.key.groups")
QUESTIONS = Binding.Group("capture.key.questions")


ESC_THEN_SECTION = {
    "inverted_exclamation_mark": "agenda",  # Esc 1
    "trade_mark_sign": "groups",  # Esc 2
    "pound_sign": "capture",  # Esc 3
    "cent_sign": "summary",  # Esc 4
    "º": "programme",  # Esc 0
}


class CaptureScreen(SectionScreen):
    """Every key that can be typed is text here: the app's letter and digit keys are off
    (TYPING), and a key that misses the fields is typed into the answer all the same.
    Moving and leaving use keys no one types as text: Esc, PageUp/PageDown, Ctrl."""

    SECTION = "capture"
    TYPING = True
    DEFAULT_CSS = """
    CaptureScreen #where { padding: 0 1; color: $text-muted; height: 1; }
    CaptureScreen #question { padding: 0 1; text-style: bold; color: $primary; }
    CaptureScreen #capture-body { height: 1fr; }
    CaptureScreen #speakers { width: 26; padding: 0 1; border-right: vkey $panel; }
    CaptureScreen #saved { padding: 0 1; height: 1; color: $text-muted; }
    CaptureScreen #saved.-error { color: $error; text-style: bold; }
    CaptureScreen #empty { padding: 1 2; }
    """
    BINDINGS = [
        Binding("escape", "back", "capture.key.back", priority=True),
        Binding(
            "pagedown,ctrl+n", "speaker(1)", "capture.key.next_group", group=GROUPS, priority=True
        ),
        Binding(
            "pageup,ctrl+b",
            "speaker(-1)",
            "capture.key.previous_group",
            group=GROUPS,
            priority=True,
        ),
        Binding(
            "ctrl+down", "slot(1)", "capture.key.next_question", group=QUESTIONS, priority=True
        ),
        Binding(
            "ctrl+up", "slot(-1)", "capture.key.previous_question", group=QUESTIONS, priority=True
        ),
        Binding("ctrl+t", "add_question", "capture.key.add_question", priority=True),
        Binding("ctrl+r", "delete", "capture.key.delete", priority=True),
        Binding("ctrl+g", "restore", "capture.key.restore", show=False, priority=True),
        Binding("ctrl+s", "save", "capture.key.save", show=False, priority=True),
        Binding("ctrl+o", "source", "capture.key.source", show=False, priority=True),
        Binding("ctrl+f", "find", "find.key.group", show=False, priority=True),
        # Esc and a section key pressed quickly arrive as one sequence, which Textual reads
        # as the character a Mac's Option key gives (Esc 1 is "¡"): take it as both keys
        # (the answer fields leave these keys to the screen: widgets/answer_form.py).
        *(
            Binding(key, f"back_to('{section}')", show=False, priority=True)
            for key, section in ESC_THEN_SECTION.items()
        ),
    ]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The screen's keys first, as listed above: the footer shows them in this order
        (a focused field binds PageUp/PageDown too, and would come first)."""
        found = super().active_bindings
        own = (key for b in self.BINDINGS if isinstance(b, Binding) for key in b.key.split(","))
        return {key: found[key] for key in own if key in found} | found

    def compose_body(self) -> ComposeResult:
        yield Static(id="where", markup=False)
        yield Static(id="question", markup=False)
        with Horizontal(id="capture-body"):
            yield Static(id="speakers", markup=False)
            yield Static(t("capture.no_questions"), id="empty", markup=False)
        yield Static(id="saved", markup=False)

    def on_mount(self) -> None:
        self.slots: list[capture.Slot] = []
        self.slot = 0
        self.speakers: list[capture.Speaker] = []
        self.speaker = 0
        self.use_grouping = False
        self.shown: dict[str, str] = {}  # what the form held when last loaded or saved
        self.unsaved = False
        self.deleted: list[AnswerRow] = []
        self.answered: set[str] = set()  # groups with an answer to the question shown
        self.aimed_at: int | None = None  # the exercise in hand when plenum last followed the day
        self.away = False  # another section was shown since
        self.watch(self.app, "samling_id", self.open_samling)

    def on_screen_suspend(self) -> None:
        self.away = self.app.current_mode != self.SECTION  # not just a dialog on top

    async def on_screen_resume(self) -> None:
        if self.away:
            self.away = False
            await self.follow_day()
        if self.query(AnswerForm):
            self.query_one(AnswerForm).focus_field()

    def on_key(self, event: events.Key) -> None:
        """A key no field took (no field had focus): it was meant for the answer, never
        for a key of the app behind."""
        text = "\n" if event.key == "enter" else event.character if event.is_printable else None
        if not text:
            return
        event.stop()
        event.prevent_default()
        if self.query(AnswerForm):
            self.query_one(AnswerForm).type_in(text)

    @property
    def store(self) -> Store:
        return self.room_app.store

    # ── where we are ─────────────────────────────────────────────────────────

    def refused(self, error: BaseException) -> None:
        """A change the database would not take: say why; nothing on screen is lost."""
        self.notify(t("capture.save_failed", reason=_reason(error)), severity="error", timeout=8)

    async def open_samling(self, samling_id: int) -> None:
        if self.slots and not self.save():  # another samling: keep what was typed first
            self.notify(t("capture.still_unsaved"), severity="error", timeout=8)
        self.samling_id = samling_id
        self.slots = capture.slots(self.store, samling_id)
        self.aimed_at = self.room_app.day.exercise_in_hand(samling_id)
        self.slot = capture.first_slot(
            self.slots, self.aimed_at, self.room_app.day.item_in_hand(samling_id)
        )
        self.speakers = self.find_speakers()
        self.speaker = 0
        await self.show_slot()

    async def follow_day(self) -> None:
        """Back in plenum after the day moved on to another exercise: to its first
        question, unless that exercise is the one shown (the facilitator stays put)."""
        exercise = self.room_app.day.exercise_in_hand(self.samling_id)
        if exercise == self.aimed_at or not self.slots:
            return
        self.aimed_at = exercise
        if exercise is None or self.slots[self.slot].exercise.id == exercise:
            return
        if self.can_leave():
            self.slot = capture.first_slot(self.slots, exercise, None)
            self.speaker = 0
            await self.show_slot()

    def find_speakers(self) -> list[capture.Speaker]:
        grouping = self.store.current_grouping(self.samling_id) if self.use_grouping else None
        if grouping is not None:
            label = t("groups.group_number", number="{number}")
            return capture.grouping_speakers(grouping.id, len(grouping.groups), label)
        return capture.network_speakers(self.store.roster(self.samling_id))

    async def show_slot(self) -> None:
        """Build the form of the current question's answer kind."""
        body = self.query_one("#capture-body", Horizontal)
        for old in body.query("AnswerForm, #empty"):
            await old.remove()
        if not self.slots or not self.speakers:
            key = "capture.no_questions" if not self.slots else "capture.no_groups"
            await body.mount(Static(t(key), id="empty", markup=False))
            self.query_one("#where", Static).update("")
            self.query_one("#question", Static).update("")
            self.query_one("#speakers", Static).update("")
            return
        slot = self.slots[self.slot]
        self.query_one("#where", Static).update(
            t(
                "capture.where",
                exercise=slot.exercise.title,
                number=self.slot + 1,
                total=len(self.slots),
            )
        )
        self.query_one("#question", Static).update(slot.question.text)
        form = AnswerForm(slot.kind, slot.options, id="form")
        await body.mount(form)
        self.load_answer()
        form.focus_first()

    def load_answer(self) -> None:
        """Put the current group's saved answer in the form."""
        slot, speaker = self.slots[self.slot], self.speakers[self.speaker]
        found = self.store.answer(slot.question.id, speaker.key)
        form = self.query_one(AnswerForm)
        form.fill(found.fields if found else {})
        self.shown = form.values()
        self.unsaved = False
        self.show_speakers()
        self.show_saved(found.changed_at if found else None)

    def show_speakers(self) -> None:
        question = self.slots[self.slot].question.id
        self.answered = {a.group_key for a in self.store.answers(question)}
        text = Text()
        # As many as the body has lines for, the one speaking among them (a hundred
        # groups would otherwise run off the bottom).
        height = self.query_one("#capture-body").size.height or len(self.speakers)
        first = max(0, min(self.speaker - height // 2, len(self.speakers) - height))
        for n, speaker in enumerate(self.speakers[first : first + height], start=first):
            mark = "✓ " if speaker.key in self.answered else "  "
            style = "bold reverse" if n == self.speaker else ("" if mark.strip() else "dim")
            text.append(f"{mark}{speaker.label}\n", style=style)
        self.query_one("#speakers", Static).update(text)

    def show_saved(self, changed_at: str | None, error: str = "") -> None:
        line = self.query_one("#saved", Static)
        line.set_class(bool(error), "-error")
        if error:
            line.update(error)
        elif changed_at:
            when = dt.datetime.fromisoformat(changed_at).astimezone()
            line.update(t("capture.saved_at", time=when.strftime("%H:%M:%S")))
        else:
            line.update(t("capture.not_answered"))

    # ── saving ───────────────────────────────────────────────────────────────

    @on(TextArea.Changed)
    @on(Input.Changed)
    def typed(self) -> None:
        if self.query(AnswerForm):
            self.query_one(AnswerForm).check()
            self.save()

    def save(self) -> bool:
        """Keep what the form holds; on failure the text stays and the line says why."""
        if not self.slots or not self.speakers or not self.query(AnswerForm):
            return True
        form = self.query_one(AnswerForm)
        values = form.values()
        if values == self.shown and not self.unsaved:
            return True
        slot, speaker = self.slots[self.slot], self.speakers[self.speaker]
        try:
            saved = self.store.save_answer(
                slot.question.id, speaker.key, speaker.label, values, self.speaker
            )
        except (sqlite3.Error, StoreError, OSError) as error:
            self.unsaved = True
            self.show_saved(None, t("capture.save_failed", reason=_reason(error)))
            return False
        self.shown, self.unsaved = values, False
        self.show_saved(saved.changed_at if saved else None)
        if saved is not None and speaker.key not in self.answered:
            self.show_speakers()
        return True

    def can_leave(self) -> bool:
        """Moving on saves first; if that fails, stay so the text is not lost."""
        if self.save():
            return True
        self.notify(t("capture.still_unsaved"), severity="error", timeout=6)
        return False

    def action_save(self) -> None:
        self.unsaved = True
        if self.save():
            self.notify(t("capture.saved_now"), timeout=2)

    # ── moving ───────────────────────────────────────────────────────────────

    def action_speaker(self, step: int) -> None:
        if self.speakers and self.slots and self.can_leave():
            self.speaker = (self.speaker + step) % len(self.speakers)
            self.load_answer()
            self.query_one(AnswerForm).focus_first()

    def action_find(self) -> None:
        """A group by number or name, or whoever is looked for: plenum goes to their group
        (group 73 in two keys and two digits instead of 72 PageDowns)."""
        if not self.speakers or not self.slots:
            return
        grouping = self.store.current_grouping(self.samling_id) if self.use_grouping else None
        speakers = [(s.key, s.label) for s in self.speakers]
        items = finding.in_plenum(speakers, self.store.roster(self.samling_id), grouping)
        self.app.push_screen(FindDialog(t("find.plenum_title"), items), self.go_to)

    def go_to(self, found: finding.Findable | None) -> None:
        if found is not None and found.place is None:
            self.notify(t("find.not_speaking"), timeout=4)
        elif found is not None and found.place is not None and self.can_leave():
            self.speaker = found.place
            self.load_answer()
            self.query_one(AnswerForm).focus_first()

    async def action_slot(self, step: int) -> None:
        if self.slots and self.can_leave():
            self.slot = (self.slot + step) % len(self.slots)
            self.speaker = 0
            await self.show_slot()

    async def action_source(self) -> None:
        if self.store.current_grouping(self.samling_id) is None and not self.use_grouping:
            self.notify(t("groups.no_grouping"), timeout=3)
            return
        if self.can_leave():
            self.use_grouping = not self.use_grouping
            self.speakers = self.find_speakers()
            self.speaker = 0
            await self.show_slot()

    def action_back(self) -> None:
        """Esc: save, then back to the section plenum was opened from; never with the
        answer unsaved (the screen stays and says so)."""
        if self.can_leave():
            back = self.room_app.previous_section
            self.room_app.action_section(back if back != self.SECTION else "agenda")

    def action_back_to(self, section: str) -> None:
        """Esc and a section key at once: save, then that section (plenum stays put)."""
        if section != self.SECTION and self.can_leave():
            self.room_app.action_section(section)

    # ── editing ──────────────────────────────────────────────────────────────

    def action_delete(self) -> None:
        if not self.slots or not self.speakers:
            return
        slot, speaker = self.slots[self.slot], self.speakers[self.speaker]
        try:
            gone = self.store.delete_answer(slot.question.id, speaker.key)
        except (sqlite3.Error, StoreError, OSError) as error:
            self.refused(error)
            return
        if gone is None:
            return
        self.deleted.append(gone)
        self.load_answer()
        self.notify(t("capture.deleted", group=speaker.label), timeout=6)

    def action_restore(self) -> None:
        if not self.deleted:
            self.notify(t("capture.nothing_to_restore"), timeout=3)
            return
        gone = self.deleted[-1]
        try:
            self.store.restore_answer(gone.id)
        except (sqlite3.Error, StoreError, OSError) as error:
            self.refused(error)
            return
        self.deleted.pop()
        if self.slots[self.slot].question.id == gone.question_id:
            self.load_answer()
        self.notify(t("capture.restored", group=gone.group_label), timeout=3)

    def action_add_question(self) -> None:
        from tuiroom.screens.question_dialog import QuestionDialog

        if not self.slots:
            return
        exercise = self.slots[self.slot].exercise

        async def added(text: str | None) -> None:
            if not text or not self.can_leave():
                return
            try:
                question = self.store.add_question(exercise.id, text)
            except (sqlite3.Error, StoreError, OSError) as error:
                self.refused(error)
                return
            self.slots = capture.slots(self.store, self.samling_id)
            self.slot = next(n for n, s in enumerate(self.slots) if s.question.id == question.id)
            self.speaker = 0
            await self.show_slot()

        self.app.push_screen(QuestionDialog(exercise.title), added)


def _reason(error: BaseException) -> str:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or "read only" in text:
        return t("capture.reason.readonly")
    if "full" in text or "no space" in text:
        return t("capture.reason.full")
    if "locked" in text or "busy" in text:
        return t("capture.reason.locked")
    return str(error)
