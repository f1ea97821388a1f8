"""The agenda as a table: plan, what actually happened or is forecast, item and kind.

Items run are ticked and show their real times; the current item is marked; the rest
show when they will happen at the present pace. The item column takes the width left,
so long titles wrap instead of hiding.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets.data_table import ColumnKey

from tuiroom import fmt
from tuiroom.day.schedule import Projected, Projection
from tuiroom.day.words import clock_time
from tuiroom.i18n import t
from tuiroom.store.records import ItemRow
from tuiroom.widgets.select_table import SelectTable

MARK_WIDTH = 2
TIME_WIDTH = 11
MIN_WIDTH = 4
KIND_WIDTH = 12
CHROME = 12  # cell padding of six columns


def forecast(row: Projected | None) -> Text:
    if row is None:
        return Text("")
    if row.status == "skipped":
        return Text(t("clock.skipped"), style="italic")
    text = (
        f"{clock_time(row.start)}–{clock_time(row.end)}"
        if row.end != row.start
        else clock_time(row.start)
    )
    late = row.status == "future" and row.item.fixed and row.late >= 60
    return Text(text, style="bold reverse" if late else ("bold" if row.status == "current" else ""))


class AgendaTable(SelectTable):
    BINDINGS = [Binding("enter", "select_cursor", "app.open", show=False)]
    DEFAULT_CSS = """
    AgendaTable {
        height: 1fr;
    }
    """

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, id="agenda")
        self.items: list[ItemRow] = []
        self.projection: Projection | None = None
        self.signature: tuple[object, ...] = ()
        self.marks: dict[int, str] = {}  # what the day did to an item: "added", "moved"

    def on_mount(self) -> None:
        self.add_column("", width=MARK_WIDTH, key="mark")
        self.add_column(t("clock.plan_column"), width=TIME_WIDTH, key="time")
        self.add_column(t("clock.forecast_column"), width=TIME_WIDTH, key="forecast")
        self.add_column(t("agenda.minutes"), width=MIN_WIDTH, key="minutes")
        self.add_column(t("agenda.item"), width=self.title_width(), key="title")
        self.add_column(t("agenda.kind"), width=KIND_WIDTH, key="kind")

    def title_width(self) -> int:
        available = self.size.width or 80
        fixed = MARK_WIDTH + 2 * TIME_WIDTH + MIN_WIDTH + KIND_WIDTH + CHROME + 2
        return max(16, available - fixed)

    def on_resize(self, event: events.Resize) -> None:
        column = self.columns.get(ColumnKey("title"))
        if column is not None and column.width != self.title_width():
            column.width = self.title_width()
            self.rebuild()

    def show(self, items: list[ItemRow], projection: Projection | None = None) -> None:
        """Show the agenda; rows are rebuilt only when something visible changed."""
        signature = (tuple(items), _signature(projection), tuple(self.marks.items()))
        if signature == self.signature:
            return
        # The cursor follows the running item when it changes, and starts on it.
        moved = projection is not None and (
            self.projection is None or _current(projection) != _current(self.projection)
        )
        self.items, self.projection, self.signature = list(items), projection, signature
        self.rebuild()
        current = _current(projection) if projection else None
        if moved and current is not None:
            self.move_cursor(row=next(n for n, i in enumerate(items) if i.id == current))

    def rebuild(self) -> None:
        row = self.cursor_row
        self.clear()
        for item in self.items:
            projected = self.projection.row(item.id) if self.projection else None
            self.add_row(*self.cells(item, projected), key=str(item.id), height=None)
        if self.items:
            self.move_cursor(row=min(max(row, 0), len(self.items) - 1))

    def cells(self, item: ItemRow, row: Projected | None) -> tuple[Text, ...]:
        status = row.status if row else "future"
        dim = "dim" if status in ("done", "skipped") else ""
        mark = {"done": t("clock.done_mark"), "current": t("clock.current_mark")}.get(status, "")
        title = Text(item.title, style=f"bold {dim}".strip())
        if item.id in self.marks:
            title.append(f" ({t(f'change.mark_{self.marks[item.id]}')})", style="italic")
        if item.note:
            title.append("\n" + item.note, style=f"italic {dim}".strip())
        kind = Text(t(f"kind.{item.kind}"), style=dim)
        if item.fixed:
            kind.append("\n" + t("agenda.fixed_mark"), style="bold")
        length = Text(str(item.duration) if item.duration else "", justify="right", style=dim)
        plan = Text(fmt.span(item.start, item.end), style=dim)
        return Text(mark, style="bold"), plan, forecast(row), length, title, kind

    def current_item(self) -> ItemRow | None:
        if not self.items or self.cursor_row < 0:
            return None
        return self.items[min(self.cursor_row, len(self.items) - 1)]


def _current(projection: Projection) -> int | None:
    current = projection.current
    return current.item.id if current else None


def _signature(projection: Projection | None) -> tuple[object, ...]:
    """What the table shows of a projection, to the minute (asked every second)."""
    if projection is None:
        return ()
    return tuple(
        (r.item.id, r.status, r.start.timestamp() // 60, r.end.timestamp() // 60, r.late >= 60)
        for r in projection.rows
    )
