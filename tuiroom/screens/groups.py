"""The people of the samling: who is here, new groups for an exercise, and roles."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

from tuiroom.i18n import t
from tuiroom.screens.base import SectionScreen
from tuiroom.screens.groups_attendance import AttendancePane
from tuiroom.screens.groups_regroup import RegroupPane
from tuiroom.screens.groups_roles import RolesPane

TABS = ("attendance", "regroup", "roles")


class GroupsScreen(SectionScreen):
    SECTION = "groups"
    BINDINGS = [
        Binding("o", "tab('attendance')", "groups.tab_attendance"),
        Binding("n", "tab('regroup')", "groups.tab_regroup"),
        Binding("r", "tab('roles')", "groups.tab_roles"),
    ]

    def compose_body(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        with TabbedContent(initial="attendance"):
            with TabPane(t("groups.tab_attendance"), id="attendance"):
                yield AttendancePane(store)
            with TabPane(t("groups.tab_regroup"), id="regroup"):
                yield RegroupPane(store)
            with TabPane(t("groups.tab_roles"), id="roles"):
                yield RolesPane(store)

    def on_mount(self) -> None:
        self.watch(self.app, "samling_id", self.show_samling)

    async def show_samling(self, samling_id: int) -> None:
        self.query_one(AttendancePane).show(samling_id)
        await self.query_one(RegroupPane).show(samling_id)
        await self.query_one(RolesPane).show(samling_id)

    async def action_tab(self, tab: str) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = tab
        if tab == "attendance":
            self.query_one(AttendancePane).show(self.app.samling_id)  # type: ignore[attr-defined]
            self.query_one("#attendance").query_one("SelectTable").focus()
        elif tab == "regroup":
            self.query_one("#regroup-cards").focus()
        else:
            await self.query_one(RolesPane).show(self.app.samling_id)  # type: ignore[attr-defined]
            cards = self.query("#role-cards CardView")
            (cards.first() if cards else self.query_one("#role-cards")).focus()
