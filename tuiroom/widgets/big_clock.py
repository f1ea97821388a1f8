"""A countdown in block digits that grows with the screen: across a room, the clock is
the one thing everybody must be able to read.

Each digit is a 3×5 grid of pixels; a pixel is `2h` cells wide and `h` rows tall (a
terminal cell is about twice as tall as it is wide), with `h` as large as fits.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
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

    def update(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return ROWS * scale_for(self.value, width, max(ROWS, container.height))

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        scale = scale_for(self.value, width, height)
        rows = pixel_rows(self.value)
        drawn_height = ROWS * scale
        top = (height - drawn_height) // 2
        pixel_row = (y - top) // scale if scale else -1
        style = self.rich_style
        if not 0 <= y - top < drawn_height:
            return Strip([Segment(" " * width, style)], width)
        line = "".join(
            "█" * (2 * scale) if p == "#" else " " * (2 * scale) for p in rows[pixel_row]
        )
        left = max(0, (width - len(line)) // 2)
        text = (" " * left + line)[:width].ljust(width)
        return Strip([Segment(text, style)], width)
