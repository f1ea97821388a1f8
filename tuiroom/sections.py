"""The sections of the app, each a screen behind one key (digits, so they never clash
with typing or with a screen's own letter keys). Issues add their section here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class Section:
    name: str
    key: str
    label: str
    help: str
    screen: type[Screen[None]]
