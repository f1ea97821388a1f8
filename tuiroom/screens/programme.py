"""The whole programme: every samling, how its items keep time across the samlinger, the
network groups and their meeting dates."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tuiroom import fmt
from tuiroom.day.report import signed_minutes, timing_report
from tuiroom.i18n import t
from tuiroom.screens.base import SectionScreen
from tuiroom.store.records import GroupRow, MeetingRow
from tuiroom.widgets.select_table import SelectTable


def meeting_text(meeting: MeetingRow) -> Text:
    date = meeting.date.strftime("%d.%m.%y") if meeting.date else t("programme_screen.unknown_date")
    return Text(f"{date} {meeting.lead}".strip())  # a plain str cell would be read as markup


def members_text(group: GroupRow) -> Text:
    names = [
        t("programme_screen.occasional", name=m.name) if m.occasional else m.name
        for m in group.members
    ]
    return Text(", ".join(names))


class ProgrammeScreen(SectionScreen):
    SECTION = "programme"
    members_width = 0  # the screen width the members' column was made for

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="programme-body"):
            yield Static(id="programme-title", markup=False)
            yield Static(t("programme_screen.samlinger"), classes="heading", markup=False)
            yield SelectTable(id="samlinger", cursor_type="row")
            yield Static(t("programme_screen.timing"), classes="heading", markup=False)
            yield DataTable(id="timing", cursor_type="none")
            yield Static(id="timing-worst", markup=False)
            yield Static(t("programme_screen.groups"), classes="heading", markup=False)
            yield DataTable(id="groups", cursor_type="none")
            yield Static(t("programme_screen.meetings"), classes="heading", markup=False)
            yield DataTable(id="meetings", cursor_type="none")

    def on_mount(self) -> None:
        store = self.room_app.store
        info = store.programme()
        title = (
            f"{info.title} · {info.organisation}"
            if info and info.organisation
            else (info.title if info else "")
        )
        self.query_one("#programme-title", Static).update(Text(title, style="bold"))
        self.groups = store.groups()
        self.fill_groups()
        self.fill_meetings()
        self.fill_timing()
        self.watch(self.app, "samling_id", self.fill_samlinger)
        self.query_one("#samlinger", DataTable).focus()

    def fill_samlinger(self, current: int) -> None:
        store = self.room_app.store
        table: DataTable[str | Text] = self.query_one("#samlinger", DataTable)
        if not table.columns:
            table.add_columns(
                "",
                t("programme_screen.col_title"),
                t("programme_screen.col_date"),
                t("programme_screen.col_theme"),
                t("programme_screen.col_items"),
            )
        table.clear()
        for row, samling in enumerate(store.samlinger()):
            items = store.items(samling.id)
            mark = t("programme_screen.current") if samling.id == current else ""
            table.add_row(
                mark,
                Text(samling.title, style="bold"),
                fmt.short_date(samling.date),
                Text(samling.theme),
                str(len(items)),
                key=str(samling.id),
            )
            if samling.id == current:
                table.move_cursor(row=row)

    def on_resize(self, event: events.Resize) -> None:
        """The members' column follows the window: shrunk, it wraps the names anew."""
        if event.size.width != self.members_width:
            self.query_one("#groups", DataTable).clear(columns=True)
            self.fill_groups()

    def fill_timing(self) -> None:
        """Each item's planned against actual time across the samlinger, and the items
        that ran over most."""
        report = timing_report(self.room_app.store)
        table: DataTable[str | Text] = self.query_one("#timing", DataTable)
        worst = self.query_one("#timing-worst", Static)
        table.display = bool(report.titles)
        if not report.titles:
            worst.update(t("programme_screen.timing_none"))
            return
        keys = ("col_item", "col_kind", "col_runs", "col_plan", "col_actual", "col_diff")
        table.add_columns(*(t(f"programme_screen.{key}") for key in keys))
        for title in report.titles:
            table.add_row(
                Text(title.title, style="bold"),
                t(f"kind.{title.kind}"),
                Text(" · ".join(f"{r.samling} {signed_minutes(r.over)}" for r in title.runs)),
                f"{round(title.planned)} min",
                f"{round(title.actual)} min",
                signed_minutes(title.over),
            )
        names = ", ".join(
            f"{i.samling} › {i.title} {signed_minutes(i.over)}" for i in report.worst()
        )
        worst.update(Text(t("programme_screen.timing_worst", items=names)) if names else "")

    def fill_groups(self) -> None:
        table: DataTable[str | Text] = self.query_one("#groups", DataTable)
        self.members_width = self.size.width
        table.add_column(t("programme_screen.col_group"))
        table.add_column(t("programme_screen.col_members"), width=max(30, self.size.width - 30))
        for group in self.groups:
            table.add_row(Text(group.name, style="bold"), members_text(group), height=None)

    def fill_meetings(self) -> None:
        table: DataTable[Text] = self.query_one("#meetings", DataTable)
        table.add_columns(*(Text(g.name) for g in self.groups))
        rows = max((len(g.meetings) for g in self.groups), default=0)
        for index in range(rows):
            table.add_row(
                *(
                    meeting_text(g.meetings[index]) if index < len(g.meetings) else Text("")
                    for g in self.groups
                )
            )

    @on(DataTable.RowSelected, "#samlinger")
    def open_samling(self) -> None:
        table = self.query_one("#samlinger", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.room_app.samling_id = int(key or 0)
        self.room_app.action_section("agenda")
