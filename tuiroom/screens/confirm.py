"""A yes/no question that must be answered before something is replaced or restarted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tuiroom.i18n import t
from tuiroom.screens.base import Dialog


class ConfirmDialog(Dialog[bool]):
    BINDINGS = [
        Binding("j,y,enter", "answer(True)", "confirm.yes"),
        Binding("n,escape", "answer(False)", "confirm.no"),
    ]
    DEFAULT_CSS = """
    ConfirmDialog > Vertical {
        width: 70%;
        max-width: 80;
        height: auto;
        border: thick $warning;
    }
    ConfirmDialog #question { text-style: bold; }
    ConfirmDialog #keys { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            yield Static(t("confirm.keys"), id="keys", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
