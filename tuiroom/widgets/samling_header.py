"""The samling's name, date and theme, large at the top of the agenda."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tuiroom import fmt
from tuiroom.i18n import t, tn
from tuiroom.store.records import ItemRow, SamlingRow


def day_line(items: list[ItemRow]) -> str:
    if not items:
        return ""
    start, end = items[0].start, max(i.end for i in items)
    return tn(
        "agenda.day",
        len(items),
        start=fmt.span(start, start),
        end=fmt.span(end, end),
        hours=fmt.duration(end - start),
    )


class SamlingHeader(Static):
    """Two lines: the samling (title, date, theme), then the day's span and its note.
    A narrow screen keeps only the first (see .narrow in tuiroom.tcss)."""

    DEFAULT_CSS = """
    SamlingHeader { height: auto; max-height: 2; padding: 0 1; text-wrap: nowrap;
                    text-overflow: ellipsis; }
    """

    def show(self, samling: SamlingRow, items: list[ItemRow]) -> None:
        parts: list[str | tuple[str, str]] = [
            (samling.title.upper(), "bold $primary"),
            "  ·  ",
            (fmt.long_date(samling.date), "bold"),
        ]
        if samling.theme:
            parts += ["  ·  ", (t("samling.theme", theme=samling.theme), "bold")]
        parts += ["\n", (day_line(items), "$text-muted")]
        if samling.note:
            parts += ["  ·  ", (samling.note, "italic $text-muted")]
        self.update(Content.assemble(*parts))
