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
    DEFAULT_CSS = """
    SamlingHeader {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, samling: SamlingRow, items: list[ItemRow]) -> None:
        parts: list[str | tuple[str, str]] = [
            (samling.title.upper(), "bold $primary"),
            "  ·  ",
            (fmt.long_date(samling.date), "bold"),
        ]
        if samling.theme:
            parts += ["  ·  ", (t("samling.theme", theme=samling.theme), "bold")]
        line = day_line(items)
        if line:
            parts += ["\n", (line, "$text-muted")]
        if samling.note:
            parts += ["  ·  ", (samling.note, "italic $text-muted")]
        self.update(Content.assemble(*parts))
