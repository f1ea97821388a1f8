"""Cards and the who-sits-where list on the projector, fitted to its size: one page at
a time, turning by itself every few seconds when there is more than one page.

The fitting is tuiroom.day.stage_pages; this widget only draws a page, keeps the
page-turning timer, and lays the pages out again when the terminal changes size.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual import events
from textual.timer import Timer
from textual.widgets import Static

from tuiroom.day import stage_pages as fit
from tuiroom.i18n import t
from tuiroom.widgets.cards import Colours, theme_colours

DEFAULT_SIZE = (96, 20)  # before the first layout the widget has no size yet


class StagePages(Static):
    """What the facilitator put on the projector, page by page."""

    DEFAULT_CSS = "StagePages { width: 1fr; height: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cards: tuple[fit.CardText, ...] = ()
        self.people: tuple[tuple[str, str], ...] | None = None
        self.laid: fit.CardPages | fit.ListPages = fit.CardPages(1, ())
        self.page = 0
        self.held = False
        self.seconds = 8.0
        self.timer: Timer | None = None

    @property
    def pages(self) -> int:
        return len(self.laid.pages)

    def pace(self, seconds: float) -> None:
        """How long each page stays up (the programme's `[clock] page_seconds`)."""
        if seconds != self.seconds:
            self.seconds = seconds
            self.run_timer()

    def show_cards(self, cards: Sequence[fit.CardText], page: int = 0) -> None:
        self.cards, self.people, self.page = tuple(cards), None, page
        self.lay_out()

    def show_people(self, people: Sequence[tuple[str, str]], page: int = 0) -> None:
        self.cards, self.people, self.page = (), tuple(people), page
        self.lay_out()

    def lay_out(self) -> None:
        width, height = self.content_size if self.content_size.width else DEFAULT_SIZE
        self.laid = self.fitted(width, height)
        if self.pages > 1:  # the last line says which page this is
            self.laid = self.fitted(width, height - 1)
        self.page %= max(1, self.pages)
        self.run_timer()
        self.draw()

    def fitted(self, width: int, height: int) -> fit.CardPages | fit.ListPages:
        if self.people is not None:
            return fit.fit_list(self.people, width, height)
        return fit.fit_cards(self.cards, width, height)

    def run_timer(self) -> None:
        """Give the page shown its full time from now (and none when there is one page)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.pages > 1 and not self.held:
            self.timer = self.set_interval(self.seconds, self.advance)

    def advance(self) -> None:
        """The timer's turn of the page: on to the next, and round again."""
        if self.pages > 1:
            self.page = (self.page + 1) % self.pages
            self.draw()

    def turn(self, step: int) -> None:
        """A page turned by hand: that page then gets its full time."""
        if self.pages > 1:
            self.page = (self.page + step) % self.pages
            self.run_timer()
            self.draw()

    def hold(self) -> None:
        """Keep the page up until held again; the keys still turn it meanwhile."""
        self.held = not self.held
        self.run_timer()
        self.draw()

    def on_resize(self, event: events.Resize) -> None:
        self.lay_out()

    def colours(self) -> Colours:
        return theme_colours(self.app.theme_variables)

    def draw(self) -> None:
        if not self.laid.pages:
            self.update("")
            return
        colours = self.colours()
        if isinstance(self.laid, fit.ListPages):
            body = list_page(self.laid, self.page, colours)
        else:
            body = card_page(self.laid, self.page, colours)
        if self.pages == 1:
            self.update(body)
            return
        self.update(Group(body, Text(self.footer(), style="dim", justify="center")))

    def footer(self) -> str:
        words = [t("projector.page", page=self.page + 1, pages=self.pages)]
        if isinstance(self.laid, fit.ListPages):
            page = [e for column in self.laid.pages[self.page] for e in column]
            if page:
                first, last = (" ".join(filter(None, e.name)) for e in (page[0], page[-1]))
                words.append(f"{first} – {last}")
        if self.held:
            words.append(t("projector.held"))
        return " · ".join(words)


def columns_table(count: int, width: int, gap: int) -> Table:
    table = Table.grid(padding=0)
    for column in range(count):
        table.add_column(width=width, no_wrap=True)
        if column < count - 1:
            table.add_column(width=gap)
    return table


STYLES = {"title": "bold {primary}", "label": "dim", "value": "bold", "note": "italic {warning}"}


def card_page(laid: fit.CardPages, page: int, colours: Colours) -> Table:
    table = columns_table(laid.columns, laid.width, fit.GAP)
    for row in laid.pages[page]:
        tall = max(piece.height for piece in row)
        cells: list[RenderableType] = []
        for piece in row:
            text = Text()  # a style given to Text() itself would colour every line
            for number, (line, kind) in enumerate(piece.lines):
                style = STYLES[kind].format(primary=colours.primary, warning=colours.warning)
                text.append(("\n" if number else "") + line, style=style)
            border = colours.border
            cells += [Panel(text, border_style=border, width=laid.width, height=tall), ""]
        table.add_row(*cells[: 2 * len(row) - 1])
    return table


def list_page(laid: fit.ListPages, page: int, colours: Colours) -> Table:
    columns = laid.pages[page]
    table = columns_table(max(1, len(columns)), laid.width, fit.LIST_GAP)
    cells: list[RenderableType] = []
    for column in columns:
        text = Text()
        for one in column:
            for line in one.name[:-1]:
                text.append(("\n" if text else "") + line, style="bold")
            last = one.name[-1]
            dots = "·" * (laid.width - len(last) - len(one.group) - 2)
            text.append(("\n" if text else "") + last, style="bold")
            text.append(f" {dots} ", style="dim")
            text.append(one.group, style=f"bold {colours.primary}")
        cells += [text, ""]
    table.add_row(*cells[: max(1, 2 * len(columns) - 1)])
    return table
