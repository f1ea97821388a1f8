"""Textual's `Digits`, drawn line by line without Rich's layout.

The agenda's countdown changes every second. Textual's `Digits` draws each change through
Rich (an `Align` around its renderable, then the console's line renderer): about half of
what a tick cost the agenda. This draws the same three rows of the same font, in the same
styles, straight into strips. `tests/unit/test_clock_digits.py` holds it to Textual's own
drawing, so an upgrade that changes the font or its styles fails there.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widgets import Digits

META = Style(meta={"offset": (0, 0)})  # what Textual's renderable adds to the digits


def digit_rows(value: str, bold: bool) -> tuple[str, str, str]:
    """The three rows of `value` in Textual's 3×3 font (the bold one for bold text)."""
    font = DIGITS3X3_BOLD if bold else DIGITS3X3
    rows: tuple[list[str], list[str], list[str]] = ([], [], [])
    for character in value.translate(DigitsRenderable.REPLACEMENTS):
        position = DIGITS.find(character) * 3
        if position < 0:
            pieces = (" ", " ", character)
        else:
            pieces = (
                font[position].ljust(3),
                font[position + 1].ljust(3),
                font[position + 2].ljust(3),
            )
        for row, piece in zip(rows, pieces, strict=True):
            row.append(piece)
    top, middle, bottom = ("".join(row) for row in rows)
    return top, middle, bottom


class ClockDigits(Digits):
    """A `Digits` for a value that changes every second. Left-aligned, as ours are; centred
    or right-aligned, or under a mouse selection, Textual draws it."""

    _drawn: tuple[object, ...] = ()
    _strips: tuple[Strip, ...] = ()
    _style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The style once a frame, not once a line: an ancestor's background (a flash)
        # changes it without telling this widget, so it is not kept between frames.
        self._style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._style = None

    def render_line(self, y: int) -> Strip:
        if self.text_selection or self.styles.text_align in ("center", "right"):
            return super().render_line(y)  # a mouse selection: Textual's own drawing
        width = self.size.width
        style = self._style or self.rich_style
        key = (self.value, width, style)
        if key != self._drawn:
            self._drawn = key
            digits = style + META
            self._strips = tuple(
                Strip([Segment(row, digits)] if row else []).adjust_cell_length(width, style)
                for row in digit_rows(self.value, bool(style.bold))
            )
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width, style)
