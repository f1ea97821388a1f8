"""One agenda item in full, over the agenda: readable on a narrow screen too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from tuiroom.screens.base import Dialog
from tuiroom.store.records import ExerciseRow, ItemRow
from tuiroom.widgets.item_details import ItemDetails


class ItemDialog(Dialog[None]):
    BINDINGS = [Binding("escape,enter,q", "dismiss", "app.close")]
    DEFAULT_CSS = """
    ItemDialog ItemDetails {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    """

    def __init__(self, item: ItemRow, exercises: list[ExerciseRow]) -> None:
        super().__init__()
        self.item = item
        self.exercises = exercises

    def compose(self) -> ComposeResult:
        yield ItemDetails()

    async def on_mount(self) -> None:
        details = self.query_one(ItemDetails)
        await details.show(self.item, self.exercises)
        details.focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
