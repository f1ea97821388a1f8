"""Choosing where the time for a cut comes from, when the proportional cut will not do."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from tuiroom.day import words as livetext
from tuiroom.day.running import Day
from tuiroom.i18n import t
from tuiroom.screens.base import Dialog


class CutDialog(Dialog[set[int] | None]):
    """Returns the ids of the items to cut from, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "app.close"),
        Binding("enter,c", "accept", "clock.key.cut", priority=True),
    ]
    DEFAULT_CSS = """
    CutDialog > Vertical {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: thick $warning;
    }
    CutDialog #title { text-style: bold; color: $warning; }
    CutDialog SelectionList { height: auto; max-height: 16; margin: 1 0; }
    CutDialog #result { text-style: bold; }
    """

    def __init__(self, day: Day) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        projection = self.day.projection()
        choices = []
        miss = projection.misses[0] if projection.misses else None
        for row in projection.rows:
            if miss is not None and miss.item is not None and row.item.id == miss.item.id:
                break
            if row.status in ("current", "future") and not row.item.fixed:
                minutes = round((row.end - max(row.start, projection.now)).total_seconds() / 60)
                label = f"{livetext.clock_time(row.start)}  {row.item.title}  ({minutes} min)"
                choices.append(Selection(label, row.item.id, True))
        with Vertical():
            yield Static(t("cut.title"), id="title", markup=False)
            yield Static(livetext.miss_line(miss) if miss else "", id="miss", markup=False)
            yield SelectionList[int](*choices)
            yield Static(id="result", markup=False)
            yield Static(t("cut.help"), id="help", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self.update_result()

    @on(SelectionList.SelectedChanged)
    def update_result(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        self.query_one("#result", Static).update(livetext.cut_line(self.day.proposed_cut(chosen)))

    def action_accept(self) -> None:
        self.dismiss(set(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
