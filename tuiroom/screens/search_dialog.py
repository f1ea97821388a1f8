"""Find what a group said, in any samling of the programme: "who said 'raushet' last
time?" is asked in the room, and the answer is three keys away. Enter on a hit opens
the summary of that question with that group's answer picked out."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tuiroom.i18n import t
from tuiroom.screens.base import Dialog
from tuiroom.store import Store
from tuiroom.store.answers import HIT_END, HIT_START, SearchHit

_HIT = re.compile(f"{HIT_START}(.*?){HIT_END}", re.DOTALL)


def marked(snippet: str) -> Content:
    """The snippet on one line, the words that matched in bold reverse."""
    parts: list[str | tuple[str, str]] = []
    flat = " ".join(snippet.split())
    last = 0
    for found in _HIT.finditer(flat):
        parts.append(flat[last : found.start()])
        parts.append((found.group(1), "bold reverse"))
        last = found.end()
    parts.append(flat[last:].replace(HIT_START, ""))  # a hit the snippet cut short
    return Content.assemble(*parts)


def hit_prompt(hit: SearchHit) -> Content:
    where = " · ".join(part for part in (hit.samling, hit.exercise, hit.group_label) if part)
    return Content.assemble(
        (where, "dim"), "\n", (" ".join(hit.question.split()), "italic"), "\n", marked(hit.snippet)
    )


class SearchDialog(Dialog[SearchHit | None]):
    BINDINGS = [
        Binding("escape", "cancel", "summary.key.cancel"),
        Binding("down", "to_results", "summary.key.results", show=False),
    ]
    DEFAULT_CSS = """
    SearchDialog > Vertical {
        width: 90%;
        max-width: 110;
        height: 80%;
    }
    SearchDialog #search-title { text-style: bold; color: $primary; }
    SearchDialog #search-count { color: $text-muted; margin: 1 0 0 0; }
    SearchDialog OptionList { height: 1fr; }
    SearchDialog OptionList > .option-list--option { padding: 0 1; }
    SearchDialog #search-help { color: $text-muted; }
    """

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.query_text = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("summary.search_title"), id="search-title", markup=False)
            yield Input(self.query_text, placeholder=t("summary.search_placeholder"), id="query")
            yield Static(id="search-count", markup=False)
            yield OptionList(id="hits")
            yield Static(t("summary.search_help"), id="search-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.find(self.query_text)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        self.find(event.value)

    def find(self, query: str) -> None:
        self.hits = self.store.search(query) if query.strip() else []
        found = self.query_one(OptionList)
        found.clear_options()
        for index, hit in enumerate(self.hits):
            if index:
                found.add_option(None)  # a rule between hits: three lines each
            found.add_option(Option(hit_prompt(hit), id=str(index)))
        if self.hits:
            found.highlighted = 0
        count = t("summary.search_count", count=len(self.hits)) if self.hits else ""
        empty = t("summary.search_none") if query.strip() and not self.hits else ""
        self.query_one("#search-count", Static).update(count or empty)

    @on(Input.Submitted)
    def jump_to_first(self) -> None:
        """Enter while typing opens the best hit: the usual case takes one key."""
        found = self.query_one(OptionList).highlighted
        if self.hits:
            self.dismiss(self.hits[found or 0])

    def action_to_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
