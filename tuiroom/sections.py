"""The sections of the app, each a screen behind one key (digits, so they never clash
with typing or with a screen's own letter keys). Issues add their section here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from textual.screen import Screen


class Section(NamedTuple):
    name: str
    key: str
    label: str
    help: str
    screen: Callable[[], Screen[None]]


def lazy(module: str, name: str) -> Callable[[], Screen[None]]:
    """A screen made from `module.name`, imported the first time the section opens."""

    def make() -> Screen[None]:
        screen: type[Screen[None]] = getattr(import_module(module), name)
        return screen()

    return make
