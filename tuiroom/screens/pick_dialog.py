"""Pick one of a short list: the row to merge a value into, or the value to split back
out. Enter picks, Escape leaves everything as it was."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuiroom.i18n import t
from tuiroom.screens.base import Dialog


class PickDialog(Dialog[str | None]):
    """`choices` are (id, label); the dialog answers with the id picked, or None."""

    BINDINGS = [Binding("escape", "cancel", "summary.key.cancel")]
    DEFAULT_CSS = """
    PickDialog > Vertical {
        width: 70%;
        max-width: 70;
        height: auto;
        max-height: 80%;
    }
    PickDialog #pick-title { text-style: bold; color: $primary; margin-bottom: 1; }
    PickDialog OptionList { height: auto; max-height: 20; }
    PickDialog #pick-help { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="pick-title", markup=False)
            yield OptionList(*(Option(label, id=key) for key, label in self.choices), markup=False)
            yield Static(t("summary.pick_help"), id="pick-help", markup=False)

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
