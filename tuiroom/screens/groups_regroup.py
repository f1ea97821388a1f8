"""New groups for an exercise: duos, trios, N groups or groups of k, mixed across the
network groups or inside them, drawn from a seed so a draw can be shown again."""

from __future__ import annotations

from typing import cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Select, Static

from tuiroom.day.stage import Offer
from tuiroom.groups import work as groupwork
from tuiroom.groups.draws import Mix, SizeMode
from tuiroom.groups.finding import Findable
from tuiroom.groups.people import shown_names
from tuiroom.i18n import t
from tuiroom.screens.staging import STAGE_BINDINGS, Staging
from tuiroom.store import Store
from tuiroom.store.groups import GroupingRow
from tuiroom.widgets.cards import Card, CardGrid
from tuiroom.widgets.room_app import RoomApp

MODES = ("pairs", "trios", "count", "size")
MIXES = ("mixed", "within", "any")


class RegroupPane(Vertical, RoomApp, Staging):
    BINDINGS = [
        Binding("t", "draw", "groups.key.draw"),
        *STAGE_BINDINGS,
        Binding("w", "seating", "groups.key.seating"),
    ]
    DEFAULT_CSS = """
    RegroupPane #regroup-form { height: auto; padding: 0 1; margin-bottom: 1; }
    RegroupPane #regroup-form > * { margin-right: 2; }
    RegroupPane #regroup-form Select { width: 22; }
    RegroupPane #regroup-form #value { width: 6; }
    RegroupPane #regroup-form #seed { width: 14; }
    RegroupPane #regroup-form Checkbox { border: none; padding: 0; height: 1; width: auto; }
    RegroupPane.narrow #regroup-form { layout: grid; grid-size: 3; grid-rows: 1; grid-gutter: 0 1; }
    RegroupPane.narrow #regroup-form > * { width: 1fr; margin-right: 0; }
    RegroupPane #regroup-summary { padding: 0 1; text-style: bold; }
    """

    def __init__(self, store: Store, samling_id: int) -> None:
        super().__init__()
        self.store = store
        self.samling_id = samling_id
        self.grouping: GroupingRow | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="regroup-form"):
            yield Select(
                [(t(f"groups.mode.{m}"), m) for m in MODES],
                value="pairs",
                allow_blank=False,
                compact=True,
                id="mode",
            )
            yield Input("6", type="integer", compact=True, id="value")
            yield Select(
                [(t(f"groups.mix.{m}"), m) for m in MIXES],
                value="mixed",
                allow_blank=False,
                compact=True,
                id="mix",
            )
            yield Checkbox(t("groups.avoid_repeats"), value=True, id="avoid")
            yield Input(
                placeholder=t("groups.seed_placeholder"),
                type="integer",
                valid_empty=True,
                compact=True,
                id="seed",
            )
        yield Static(id="regroup-summary", markup=False)
        yield CardGrid(id="regroup-cards")  # focusable: arrows and pages scroll 212 trios

    async def on_mount(self) -> None:
        self.query_one("#value").display = False
        await self.show(self.samling_id)
        self.query_one("#mode").focus()  # built when its tab is first opened

    @on(Select.Changed, "#mode")
    def mode_changed(self, event: Select.Changed) -> None:
        self.query_one("#value").display = event.value in ("count", "size")

    def on_resize(self, event: events.Resize) -> None:
        """Below 110 columns the settings take two lines instead of running off the edge."""
        self.set_class(event.size.width < 110, "narrow")

    @on(Input.Submitted)
    async def submitted(self) -> None:
        """Enter in the number or draw-number field draws."""
        await self.action_draw()

    async def show(self, samling_id: int) -> None:
        self.samling_id = samling_id
        self.grouping = self.store.current_grouping(samling_id)
        await self.show_grouping()

    def names(self) -> dict[int, str]:
        return shown_names(self.store.roster(self.samling_id))

    def cards(self) -> list[Card]:
        if self.grouping is None:
            return []
        names = self.names()
        return [
            Card(
                t("groups.group_number", number=n + 1),
                tuple(("", names.get(i, "?")) for i in members),
            )
            for n, members in enumerate(self.grouping.groups)
        ]

    async def show_grouping(self) -> None:
        summary = self.query_one("#regroup-summary", Static)
        if self.grouping is None:
            summary.update(t("groups.no_grouping"))
        else:
            people = sum(len(g) for g in self.grouping.groups)
            summary.update(
                t(
                    "groups.grouping_summary",
                    groups=len(self.grouping.groups),
                    people=people,
                    seed=self.grouping.seed,
                )
            )
        self.query_one(CardGrid).show(self.cards())
        self.refresh_bindings()  # `v` offers the groups as they are now

    def settings(self) -> tuple[SizeMode, int, Mix, bool]:
        mode = str(self.query_one("#mode", Select).value)
        text = self.query_one("#value", Input).value
        value = int(text) if text.isdigit() else 0
        mix = str(self.query_one("#mix", Select).value)
        avoid = self.query_one("#avoid", Checkbox).value
        return (cast(SizeMode, mode), value, cast(Mix, mix), avoid)

    async def action_draw(self) -> None:
        mode, value, mix, avoid = self.settings()
        if mode in ("count", "size") and value < 1:
            self.notify(t("groups.value_missing"), severity="warning", timeout=4)
            return
        field = self.query_one("#seed", Input)
        seed = int(field.value) if field.value.isdigit() else None
        field.value = ""  # a number shows that draw again; the next t draws a new one
        self.grouping = groupwork.regroup(
            self.store,
            self.samling_id,
            mode,
            value,
            mix,
            avoid,
            seed,
            self.room_app.day.item_in_hand(self.samling_id),
        )
        await self.show_grouping()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        staged = self.stage_check(action)
        return True if staged is None else staged

    def stage_offer(self) -> Offer | None:
        cards = [card.as_payload() for card in self.cards()]
        title = t("groups.tab_regroup")
        return Offer("cards", {"title": title, "cards": cards}) if cards else None

    def stage_notice(self, offer: Offer) -> str:
        return t("groups.on_projector")

    def jump_to(self, found: Findable) -> None:
        """The card of the new group found, or of the person found."""
        if found.new_group is None:
            self.notify(t("find.not_in_grouping"), timeout=3)
            return
        grid = self.query_one(CardGrid)
        grid.focus()
        grid.action_select(found.new_group)

    def action_seating(self) -> None:
        """Who sits where, in this new grouping, on the projector."""
        from tuiroom.screens.seating import project_seating

        if self.grouping is None:
            self.notify(t("groups.no_grouping"), timeout=3)
            return
        project_seating(self.room_app, self.samling_id, self.grouping)
