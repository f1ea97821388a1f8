"""The two projector themes and what a saved theme name becomes."""

from __future__ import annotations

from tuiroom import themes


def test_our_themes_are_kept() -> None:
    assert themes.known("tuiroom-light") == "tuiroom-light"
    assert themes.known("tuiroom-dark") == "tuiroom-dark"


def test_any_other_name_is_the_default() -> None:
    assert themes.known("textual-dark") == themes.DEFAULT
    assert themes.known("") == themes.DEFAULT


def test_other_swaps_dark_and_light() -> None:
    assert themes.other(themes.DARK.name) == themes.LIGHT.name
    assert themes.other(themes.LIGHT.name) == themes.DARK.name
