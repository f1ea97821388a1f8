"""Type to find someone or a group: the answers narrow as you type, each saying where
that person sits; Enter takes the best one (the screen behind jumps to it)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tuiroom.groups.finding import Findable
from tuiroom.groups.people import find
from tuiroom.i18n import t, tn
from tuiroom.screens.base import Dialog

SHOWN = 100  # answers listed at most; typing more narrows them


class FindDialog(Dialog[Findable | None]):
    BINDINGS = [
        Binding("escape", "cancel", "app.close"),
        Binding("down", "to_answers", "find.key.answers", show=False),
    ]
    DEFAULT_CSS = """
    FindDialog > Vertical { width: 90%; max-width: 100; height: 80%; }
    FindDialog #find-title { text-style: bold; color: $primary; }
    FindDialog #find-count { color: $text-muted; margin-top: 1; }
    FindDialog OptionList { height: 1fr; }
    FindDialog #find-help { color: $text-muted; }
    """

    def __init__(self, title: str, items: Sequence[Findable], query: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.items = items
        self.query_text = query
        self.found: list[Findable] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="find-title", markup=False)
            yield Input(self.query_text, placeholder=t("find.placeholder"), id="find-query")
            yield Static(id="find-count", markup=False)
            yield OptionList(id="find-answers")
            yield Static(t("find.help"), id="find-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show(self.query_text)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def show(self, query: str) -> None:
        self.found = find(query, ((item, item.text) for item in self.items))
        answers = self.query_one(OptionList)
        answers.clear_options()
        answers.add_options(
            Option(Text(item.label), id=str(n)) for n, item in enumerate(self.found[:SHOWN])
        )
        if self.found:
            answers.highlighted = 0
        count = tn("find.count", len(self.found)) if query.strip() else ""
        self.query_one("#find-count", Static).update(count)

    @on(Input.Submitted)
    def take_best(self) -> None:
        """Enter while typing takes the highlighted answer: the usual case is one key."""
        if self.found:
            self.dismiss(self.found[self.query_one(OptionList).highlighted or 0])

    def action_to_answers(self) -> None:
        if self.found:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
