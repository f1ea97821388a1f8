"""The small forms that change the day's agenda: a new item (title, minutes, kind), and
one value (a title, minutes, a start, phase minutes). They only ask; tuiroom.day.editing
decides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from tuiroom.i18n import t
from tuiroom.screens.base import Dialog
from tuiroom.screens.roster_dialogs import FORM_CSS

V = TypeVar("V")
KINDS = ("talk", "exercise", "break", "lunch", "end", "other")


class NewItem(NamedTuple):
    title: str
    minutes: int
    kind: str


def whole_minutes(text: str) -> int | None:
    """Minutes typed as a whole number from 1 up; None for anything else."""
    text = text.strip()
    return int(text) if text.isdigit() and 0 < int(text) <= 24 * 60 else None


def time_of_day(text: str) -> int | None:
    """ "10:15" or "10.15" as minutes after midnight; None if it is no time on the clock."""
    hours, _, minutes = text.strip().replace(".", ":").partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return int(hours) * 60 + int(minutes)


def phase_minutes(text: str, count: int) -> list[float | None] | None:
    """Minutes for each phase, separated by spaces or commas; "-" for the rest of the item."""
    parts = text.replace(",", " ").split()
    if len(parts) != count:
        return None
    found: list[float | None] = []
    for part in parts:
        minutes = None if part == "-" else whole_minutes(part)
        if minutes is None and part != "-":
            return None
        found.append(minutes)
    return found


class _Answer:
    """A dialog answers once: a hurried Enter and Esc (or two Enters) may both arrive
    before it has gone, and the second must not close the screen under it."""

    def answer(self, value: object) -> None:
        screen = cast("Dialog[object]", self)
        if screen.is_active:
            screen.dismiss(value)


class ItemDialog(_Answer, Dialog[NewItem | None]):
    """A new item: its title, its minutes and its kind; Enter in any field adds it."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    # Compact, so the whole form and its help fit a 24-row terminal.
    DEFAULT_CSS = (
        FORM_CSS.format(name="ItemDialog")
        + """
    ItemDialog > Vertical { padding: 0 2; }
    ItemDialog Input, ItemDialog Select { margin-bottom: 0; }
    ItemDialog .title { margin-bottom: 0; }
    ItemDialog .help { margin-top: 0; }
    """
    )

    def __init__(self, heading: str, title: str = "", minutes: int = 15, kind: str = "talk"):
        super().__init__()
        self.heading, self.start = heading, NewItem(title, minutes, kind)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="title", markup=False)
            yield Label(t("change.field_title"), markup=False)
            yield Input(self.start.title, id="title")
            yield Label(t("change.field_minutes"), markup=False)
            yield Input(str(self.start.minutes), id="minutes", type="integer")
            yield Label(t("change.field_kind"), markup=False)
            choices = [(Text(t(f"kind.{k}")), k) for k in KINDS]
            yield Select(choices, value=self.start.kind, allow_blank=False, id="kind")
            yield Static(id="problem", classes="problems", markup=False)
            yield Static(t("change.form_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        # A break offered as it is: Enter adds it (or type its minutes first).
        self.query_one("#minutes" if self.start.title else "#title").focus()

    @on(Input.Submitted)
    def submit(self) -> None:
        title = " ".join(self.query_one("#title", Input).value.split())
        minutes = whole_minutes(self.query_one("#minutes", Input).value)
        kind = self.query_one("#kind", Select).value
        if not title:
            self.query_one("#problem", Static).update(t("change.no_title"))
        elif minutes is None:
            self.query_one("#problem", Static).update(t("change.bad_minutes"))
        else:
            self.answer(NewItem(title, minutes, str(kind)))

    def action_cancel(self) -> None:
        self.answer(None)


class ValueDialog(_Answer, Dialog[V | None], Generic[V]):
    """One value typed in; `read` turns the text into it, or None with `problem` shown."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = FORM_CSS.format(name="ValueDialog")

    def __init__(
        self, heading: str, value: str, read: Callable[[str], V | None], problem: str, help: str
    ) -> None:
        super().__init__()
        self.heading, self.value, self.read = heading, value, read
        self.problem, self.help = problem, help

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="title", markup=False)
            yield Input(self.value, id="value")
            yield Static(id="problem", classes="problems", markup=False)
            yield Static(self.help, classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#value").focus()

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        value = self.read(event.value)
        if value is None:
            self.query_one("#problem", Static).update(self.problem)
        else:
            self.answer(value)

    def action_cancel(self) -> None:
        self.answer(None)
