"""A DataTable whose Enter key shows in the footer, so the room knows it opens something."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable


class SelectTable(DataTable[Any]):
    BINDINGS = [Binding("enter", "select_cursor", "app.open")]
