"""The agenda's countdown digits (widgets/clock_digits.py) look exactly as Textual's
`Digits` would draw them: the same characters in the same styles, cell for cell."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Digits

from tuiroom.widgets.clock_digits import ClockDigits, digit_rows

VALUES = ["12:34", "00:00", "-03:07", "+1:05:59", "59:59", "1.5", "--:--", "", "12 34", "x9"]


class Pair(App[None]):
    CSS = """
    Digits { width: auto; min-width: 16; margin-right: 3; }
    .bold { text-style: bold; color: $warning; }
    .narrow { width: 7; min-width: 7; }
    """

    def __init__(self, classes: str) -> None:
        super().__init__()
        self.classes_ = classes

    def compose(self) -> ComposeResult:
        yield Digits("", id="stock", classes=self.classes_)
        yield ClockDigits("", id="ours", classes=self.classes_)


@pytest.mark.parametrize("classes", ["", "bold", "bold narrow"])
async def test_ours_draw_every_value_as_textual_does(classes: str) -> None:
    app = Pair(classes)
    async with app.run_test(size=(80, 10)) as pilot:
        stock, ours = app.query_one("#stock", Digits), app.query_one("#ours", ClockDigits)
        for value in VALUES:
            stock.update(value)
            ours.update(value)
            await pilot.pause()
            assert ours.size == stock.size
            for y in range(stock.size.height + 1):
                assert list(ours.render_line(y)) == list(stock.render_line(y)), (value, y)


def test_the_rows_are_textual_font() -> None:
    assert digit_rows("10:", bold=True) == ("╺┓ ┏━┓   ", " ┃ ┃ ┃ : ", "╺┻╸┗━┛   ")
    assert digit_rows("1", bold=False)[1] == " │ "


async def test_a_flash_behind_the_digits_reaches_them_as_it_reaches_textuals() -> None:
    """The room's flash colours the screen behind the clock, not the digits' own rules."""
    from textual.geometry import Region

    app = Pair("bold")
    app.CSS += "Screen.-flash { background: red; }"
    async with app.run_test(size=(80, 10)) as pilot:
        stock, ours = app.query_one("#stock", Digits), app.query_one("#ours", ClockDigits)
        for value in ("08:59", "08:59", "09:00"):  # a flash without a new second too
            stock.update(value)
            ours.update(value)
            app.screen.toggle_class("-flash")
            await pilot.pause()
            crop = Region(0, 0, stock.size.width, 3)
            assert list(map(list, ours.render_lines(crop))) == list(
                map(list, stock.render_lines(crop))
            )
            first = next(iter(ours.render_lines(crop)[0]))
            assert first.style is not None and first.style.bgcolor is not None
            flashed = first.style.bgcolor.triplet == (255, 0, 0)
            assert flashed == app.screen.has_class("-flash")
