"""A countdown in block digits that grows with the screen: across a room, the clock is
the one thing everybody must be able to read.

Each digit is a 3×5 grid of pixels; a pixel is `2h` cells wide and `h` rows tall (a
terminal cell is about twice as tall as it is wide), with `h` as large as fits.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
ROWS = 5


def pixel_rows(text: str) -> list[str]:
    """The text as five rows of '#' and '.', one pixel column of space between glyphs."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(ROWS)]


def scale_for(text: str, width: int, height: int) -> int:
    """The largest pixel height h such that the clock fits in width × height cells."""
    columns = len(pixel_rows(text)[0]) if text else 1
    return max(1, min(height // ROWS, width // (2 * columns)))


class BigClock(Widget):
    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
        min-height: 5;
        color: $foreground;
        text-style: bold;
    }
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value
        self._lines: list[Strip] = []
        self._drawn: tuple[object, ...] = ()

    def update(self, value: str) -> None:
        """Show `value`, repainting only the digits that changed."""
        if value == self.value:
            return
        old, self.value = self.value, value
        width, height = self.size
        region = _changed(old, value, width, height)
        self.refresh(region) if region is not None else self.refresh()

    def notify_style_update(self) -> None:
        self._drawn = ()
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return ROWS * scale_for(self.value, width, max(ROWS, container.height))

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ready()  # once a frame, not once a line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if not self._drawn or self._drawn[0] != self.value:
            self._ready()
        return self._lines[y] if y < len(self._lines) else Strip.blank(self.size.width)

    def _ready(self) -> None:
        key = (self.value, self.size)  # a change of style clears _drawn instead
        if key != self._drawn:
            self._lines, self._drawn = self._draw(), key

    def _draw(self) -> list[Strip]:
        """Every line of the clock at once: a tick draws them one time, not per line. A
        pixel row is `scale` lines tall, and those lines are one and the same strip."""
        width, height = self.size
        style = self.rich_style
        scale = scale_for(self.value, width, height)
        top = (height - ROWS * scale) // 2
        blank = Strip([Segment(" " * width, style)], width)
        drawn = []
        for pixels in pixel_rows(self.value):
            line = "".join("█" * (2 * scale) if p == "#" else " " * (2 * scale) for p in pixels)
            left = max(0, (width - len(line)) // 2)
            drawn.append(Strip([Segment((" " * left + line)[:width].ljust(width), style)], width))
        return [
            drawn[(y - top) // scale] if 0 <= y - top < ROWS * scale else blank
            for y in range(height)
        ]


def _changed(old: str, new: str, width: int, height: int) -> Region | None:
    """The part of the widget where `new` differs from `old`; None to repaint it all."""
    scale = scale_for(new, width, height)
    if not width or len(old) != len(new) or scale != scale_for(old, width, height):
        return None
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if not differ:
        return None
    widths = [len(FONT.get(c, FONT[" "])[0]) + 1 for c in new]
    total = (sum(widths) - 1) * 2 * scale
    left = max(0, (width - total) // 2)
    x0 = left + 2 * scale * sum(widths[: differ[0]])
    x1 = left + 2 * scale * sum(widths[: differ[-1] + 1])
    top = (height - ROWS * scale) // 2
    return Region(x0, top, x1 - x0, ROWS * scale)
