"""A question the facilitator improvises in plenum, added to the exercise on the spot."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tuiroom.i18n import t
from tuiroom.screens.base import Dialog


class QuestionDialog(Dialog[str | None]):
    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = """
    QuestionDialog > Vertical { width: 80%; max-width: 90; height: auto;
                                border: round $primary; }
    QuestionDialog .title { text-style: bold; margin-bottom: 1; }
    QuestionDialog .help { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, exercise: str) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                t("capture.new_question_title", exercise=self.exercise),
                classes="title",
                markup=False,
            )
            yield Input(placeholder=t("capture.new_question_placeholder"), id="question")
            yield Static(t("capture.new_question_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#question").focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
