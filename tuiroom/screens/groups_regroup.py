"""New groups for an exercise: duos, trios, N groups or groups of k, mixed across the
network groups or inside them, drawn from a seed so a draw can be shown again."""

from __future__ import annotations

from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Select, Static

from tuiroom import groupwork
from tuiroom.i18n import t
from tuiroom.store import Store
from tuiroom.store.groups import GroupingRow
from tuiroom.widgets.cards import Card, Cards

MODES = ("pairs", "trios", "count", "size")
MIXES = ("mixed", "within", "any")


class RegroupPane(Vertical):
    BINDINGS = [
        Binding("t", "draw", "groups.key.draw"),
        Binding("v", "project", "groups.key.project"),
    ]
    DEFAULT_CSS = """
    RegroupPane #regroup-form { height: auto; padding: 0 1; }
    RegroupPane #regroup-form Select { width: 28; margin-right: 1; }
    RegroupPane #regroup-form Input { width: 10; margin-right: 1; }
    RegroupPane #regroup-summary { padding: 0 1; text-style: bold; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.samling_id = 0
        self.grouping: GroupingRow | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="regroup-form"):
            yield Select(
                [(t(f"groups.mode.{m}"), m) for m in MODES],
                value="pairs",
                allow_blank=False,
                id="mode",
            )
            yield Input("6", type="integer", id="value")
            yield Select(
                [(t(f"groups.mix.{m}"), m) for m in MIXES],
                value="mixed",
                allow_blank=False,
                id="mix",
            )
            yield Checkbox(t("groups.avoid_repeats"), value=True, id="avoid")
        yield Static(id="regroup-summary")
        yield Cards(id="regroup-cards")

    def on_mount(self) -> None:
        self.query_one("#value").display = False

    @on(Select.Changed, "#mode")
    def mode_changed(self, event: Select.Changed) -> None:
        self.query_one("#value").display = event.value in ("count", "size")

    async def show(self, samling_id: int) -> None:
        self.samling_id = samling_id
        self.grouping = self.store.current_grouping(samling_id)
        await self.show_grouping()

    def names(self) -> dict[int, str]:
        return {p.id: p.name for p in self.store.roster(self.samling_id)}

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
        await self.query_one(Cards).show(self.cards())

    def settings(self) -> tuple[groupwork.draws.SizeMode, int, groupwork.draws.Mix, bool]:
        mode = str(self.query_one("#mode", Select).value)
        text = self.query_one("#value", Input).value
        value = int(text) if text.isdigit() else 0
        mix = str(self.query_one("#mix", Select).value)
        avoid = self.query_one("#avoid", Checkbox).value
        return (cast(groupwork.draws.SizeMode, mode), value, cast(groupwork.draws.Mix, mix), avoid)

    async def action_draw(self) -> None:
        mode, value, mix, avoid = self.settings()
        if mode in ("count", "size") and value < 1:
            self.notify(t("groups.value_missing"), severity="warning", timeout=4)
            return
        self.grouping = groupwork.regroup(self.store, self.samling_id, mode, value, mix, avoid)
        await self.show_grouping()

    def action_project(self) -> None:
        run = self.app.day.run  # type: ignore[attr-defined]
        cards = [card.as_payload() for card in self.cards()]
        self.store.set_stage(run.id, "cards", {"title": t("groups.tab_regroup"), "cards": cards})
        self.notify(t("groups.on_projector"), timeout=3)
