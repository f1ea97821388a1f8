"""Roles in every group, drawn fairly across the programme, shown as cards large enough
for the room; in playful mode each role gets a criterion instead of a name."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tuiroom.day import stage
from tuiroom.day.stage import Offer
from tuiroom.groups import work as groupwork
from tuiroom.groups.finding import Findable
from tuiroom.groups.people import shown_names
from tuiroom.i18n import language, t
from tuiroom.screens.staging import STAGE_BINDINGS, Staging
from tuiroom.store import Store
from tuiroom.store.groups import DrawnRole, RoleDrawRow
from tuiroom.widgets.cards import Card, CardGrid
from tuiroom.widgets.room_app import RoomApp


class RolesPane(Vertical, RoomApp, Staging):
    BINDINGS = [
        Binding("t", "draw", "groups.key.draw_roles"),
        Binding("g", "redraw_group", "groups.key.redraw_group"),
        Binding("e", "redraw_role", "groups.key.redraw_role"),
        Binding("k", "source", "groups.key.source", show=False),
        Binding("l", "playful", "groups.key.playful"),
        *STAGE_BINDINGS,
    ]
    DEFAULT_CSS = """
    RolesPane #roles-summary { padding: 0 1; text-style: bold; height: 1;
                               text-wrap: nowrap; text-overflow: ellipsis; }
    RolesPane #roles-empty { padding: 1 1; }
    """

    def __init__(self, store: Store, samling_id: int) -> None:
        super().__init__()
        self.store = store
        self.samling_id = samling_id
        self.use_grouping = False
        self.playful = False
        self.draw: RoleDrawRow | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="roles-summary", markup=False)
        yield Static(t("groups.no_roles"), id="roles-empty", markup=False)
        yield CardGrid(id="role-cards")

    async def on_mount(self) -> None:
        await self.show(self.samling_id)
        self.query_one(CardGrid).focus()  # built when its tab is first opened

    @property
    def roles(self) -> tuple[str, ...]:
        info = self.store.programme()
        return (
            info.roles
            if info and info.roles
            else (t("roles.chair"), t("roles.focus"), t("roles.secretary"))
        )

    def sources(self) -> list[groupwork.Source]:
        grouping = self.store.current_grouping(self.samling_id) if self.use_grouping else None
        if grouping is not None:
            return groupwork.grouping_sources(grouping, t("groups.group_number", number="{number}"))
        return groupwork.network_sources(self.store.roster(self.samling_id))

    async def show(self, samling_id: int) -> None:
        self.samling_id = samling_id
        self.draw = self.store.current_role_draw(samling_id)
        if self.draw is not None:
            self.playful = self.draw.playful
            self.use_grouping = self.draw.grouping_id is not None
        elif self.store.current_grouping(samling_id) is None:
            self.use_grouping = False  # another samling, without a new grouping
        await self.show_draw()

    def shown_draw(self) -> RoleDrawRow | None:
        """The draw for the source and mode the heading names, or None: after `k` or `l`
        the cards of the other source are never shown, projected or redrawn."""
        draw = self.draw
        if draw is None or draw.playful != self.playful:
            return None
        if not self.use_grouping:
            return draw if draw.grouping_id is None else None
        grouping = self.store.current_grouping(self.samling_id)
        return draw if grouping is not None and draw.grouping_id == grouping.id else None

    def cards(self) -> list[Card]:
        draw = self.shown_draw()
        if draw is None:
            return []
        if draw.playful:  # one criterion per role, the same in every group
            first = next(iter(draw.roles), None)
            key = first.group_key if first else ""
            roles = [r for r in draw.roles if r.group_key == key]
            return [role_card(roles, {})._replace(title=t("groups.every_group"))]
        names = shown_names(self.store.roster(self.samling_id))
        groups: dict[str, list[DrawnRole]] = {}
        for role in draw.roles:
            groups.setdefault(role.group_key, []).append(role)
        return [role_card(roles, names) for roles in groups.values()]

    async def show_draw(self, before: Offer | None = None) -> None:
        """Show the cards as they are now; `before`, the offer before a change, lets the
        projector follow when the room saw it."""
        source = t("groups.source_grouping") if self.use_grouping else t("groups.source_network")
        mode = t("groups.playful_on") if self.playful else ""
        text = t("groups.roles_summary", roles=" · ".join(self.roles), source=source)
        self.query_one("#roles-summary", Static).update(f"{text} {mode}".strip())
        empty = self.query_one("#roles-empty", Static)
        empty.display = self.shown_draw() is None
        empty.update(t("groups.no_roles") if self.draw is None else t("roles_tab.not_drawn"))
        self.query_one(CardGrid).show(self.cards())
        if before is not None:
            stage.follow(self.room_app.day, before, self.stage_offer())
        self.refresh_bindings()  # `v` offers the cards as they are now

    async def action_draw(self) -> None:
        before = self.stage_offer()
        grouping = self.store.current_grouping(self.samling_id) if self.use_grouping else None
        self.use_grouping = grouping is not None
        self.draw = groupwork.draw_roles(
            self.store,
            self.samling_id,
            self.sources(),
            self.roles,
            grouping.id if grouping else None,
            self.playful,
            language(),
        )
        await self.show_draw(before)

    def focused_group(self) -> tuple[str, int] | None:
        grid = self.query_one(CardGrid)
        draw = self.shown_draw()
        if not grid.has_focus or draw is None:
            return None
        keys = list(dict.fromkeys(r.group_key for r in draw.roles))
        card, line = grid.selected
        return (keys[card], line) if card < len(keys) else None

    async def redraw(self, role: bool) -> None:
        chosen = self.focused_group()
        draw = self.shown_draw()
        if chosen is None or draw is None or self.playful:
            self.notify(t("groups.pick_card"), timeout=3)
            return
        group_key, selected = chosen
        before = self.stage_offer()
        redrawn = groupwork.redraw(
            self.store,
            self.samling_id,
            draw,
            self.sources(),
            self.roles,
            group_key,
            selected if role else None,
        )
        if redrawn is None:  # everyone in it was marked away since the draw
            self.notify(t("roles_tab.group_gone"), timeout=4)
            return
        self.draw = redrawn
        await self.show_draw(before)

    async def action_redraw_group(self) -> None:
        await self.redraw(role=False)

    async def action_redraw_role(self) -> None:
        await self.redraw(role=True)

    async def action_source(self) -> None:
        if self.store.current_grouping(self.samling_id) is None and not self.use_grouping:
            self.notify(t("groups.no_grouping"), timeout=3)
            return
        before = self.stage_offer()
        self.use_grouping = not self.use_grouping
        await self.show_draw(before)

    async def action_playful(self) -> None:
        before = self.stage_offer()
        self.playful = not self.playful
        await self.show_draw(before)

    def jump_to(self, found: Findable) -> None:
        """The card of the group found, or of the group the person found is in here."""
        draw = self.shown_draw()
        if draw is None or draw.playful:
            self.notify(t("groups.no_roles"), timeout=3)
            return
        keys = list(dict.fromkeys(r.group_key for r in draw.roles))
        if self.use_grouping:
            key = str(found.new_group + 1) if found.new_group is not None else None
        else:
            key = (found.network or "-") if not found.key.startswith("n") else None
        if key not in keys:
            self.notify(t("find.no_card"), timeout=3)
            return
        grid = self.query_one(CardGrid)
        grid.focus()
        grid.action_select(keys.index(key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        staged = self.stage_check(action)
        return True if staged is None else staged

    def stage_offer(self) -> Offer | None:
        cards = [card.as_payload() for card in self.cards()]
        return Offer("cards", {"title": t("groups.tab_roles"), "cards": cards}) if cards else None

    def stage_notice(self, offer: Offer) -> str:
        return t("groups.on_projector")


def role_card(roles: Sequence[DrawnRole], names: dict[int, str]) -> Card:
    """A group's card: each role with its person (or criterion), and who holds two."""
    lines = tuple((r.role_name, r.criterion or names.get(r.person_id or 0, "?")) for r in roles)
    held: dict[int, list[str]] = {}
    for r in roles:
        if r.person_id is not None:
            held.setdefault(r.person_id, []).append(r.role_name)
    doubles = [
        t("groups.combined", name=names.get(p, "?"), roles=" + ".join(rs))
        for p, rs in held.items()
        if len(rs) > 1
    ]
    title = roles[0].group_label if roles else ""
    return Card(title, lines, " ".join(doubles))
