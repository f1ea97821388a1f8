"""The people of the samling: who is here, new groups for an exercise, and roles."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher

from tuiroom.day import stage
from tuiroom.day import stage_pages as paging
from tuiroom.groups import finding
from tuiroom.i18n import t
from tuiroom.screens.base import SectionScreen
from tuiroom.screens.find_dialog import FindDialog
from tuiroom.screens.groups_attendance import AttendancePane
from tuiroom.screens.groups_regroup import RegroupPane
from tuiroom.screens.groups_roles import RolesPane
from tuiroom.widgets.tab_line import TabLine

TABS = ("attendance", "regroup", "roles")


class GroupsScreen(SectionScreen):
    SECTION = "groups"
    AUTO_FOCUS = "#attendance-table"
    DEFAULT_CSS = """
    GroupsScreen ContentSwitcher { height: 1fr; }
    GroupsScreen ContentSwitcher > Vertical { height: 1fr; }
    GroupsScreen ContentSwitcher > Vertical > Vertical { height: 1fr; }
    """
    BINDINGS = [
        Binding("o", "tab('attendance')", "groups.tab_attendance", show=False),
        Binding("n", "tab('regroup')", "groups.tab_regroup", show=False),
        Binding("r", "tab('roles')", "groups.tab_roles", show=False),
        Binding("right_square_bracket", "turn_projector(1)", "groups.key.page_next", show=False),
        Binding(
            "left_square_bracket", "turn_projector(-1)", "groups.key.page_previous", show=False
        ),
        Binding("slash,ctrl+f", "find", "find.key.where"),
    ]

    def compose_body(self) -> ComposeResult:
        store = self.room_app.store
        keys = {"attendance": "o", "regroup": "n", "roles": "r"}
        yield TabLine([(tab, t(f"groups.tab_{tab}"), keys[tab]) for tab in TABS], "attendance")
        with ContentSwitcher(initial="attendance"):
            with Vertical(id="attendance"):
                yield AttendancePane(store)
            # The other two panes are built when their tab is first opened, so the
            # attendance list of a large conference reaches the screen sooner.
            yield Vertical(id="regroup")
            yield Vertical(id="roles")

    def on_mount(self) -> None:
        self.watch(self.app, "samling_id", self.show_samling)

    async def show_samling(self, samling_id: int) -> None:
        """Fill the pane in view; the others are filled when their tab is opened."""
        await self.fill(self.query_one(ContentSwitcher).current or "attendance", samling_id)

    async def fill(self, tab: str, samling_id: int) -> None:
        if tab == "attendance":
            self.query_one(AttendancePane).show(samling_id)
            return
        pane_type: type[RegroupPane | RolesPane] = RegroupPane if tab == "regroup" else RolesPane
        panes = self.query(pane_type)
        if not panes:  # built on first use; it fills itself when mounted
            store = self.room_app.store
            await self.query_one(f"#{tab}", Vertical).mount(pane_type(store, samling_id))
        elif panes.first(pane_type).is_mounted:
            await panes.first(pane_type).show(samling_id)

    async def action_tab(self, tab: str) -> None:
        self.query_one(ContentSwitcher).current = tab
        self.query_one(TabLine).show(tab)
        await self.opened(tab)

    async def opened(self, tab: str) -> None:
        await self.fill(tab, self.room_app.samling_id)
        focus = {"attendance": "#attendance-table", "regroup": "#mode", "roles": "#role-cards"}
        found = self.query(focus[tab])
        if found:  # a pane built just now focuses itself once mounted
            found.first().focus()

    def action_turn_projector(self, step: int) -> None:
        """Turn the page of the cards or the list on the projector."""
        day = self.room_app.day
        shown = stage.shown_now(day)
        if shown is None or shown.kind not in paging.PAGED:
            self.notify(t("groups.nothing_paged"), timeout=3)
            return
        turned = paging.turned(shown.payload, step)
        day.store.set_stage(day.run.id, shown.kind, turned, shown.item_id, shown.pinned)

    def action_find(self) -> None:
        """Where is …: type a name, a group or a number; Enter jumps to it in this tab."""
        store, samling = self.room_app.store, self.room_app.samling_id
        items = finding.everyone(store.roster(samling), store.current_grouping(samling))
        tab = self.query_one(ContentSwitcher).current or "attendance"
        self.app.push_screen(
            FindDialog(t("find.where_title"), items), lambda found: self.jump(tab, found)
        )

    def jump(self, tab: str, found: finding.Findable | None) -> None:
        if found is None or tab != self.query_one(ContentSwitcher).current:
            return
        for pane in self.query(f"#{tab} > *"):
            if isinstance(pane, AttendancePane | RegroupPane | RolesPane):
                pane.jump_to(found)
