"""What every fuzz test asserts about output, and where a failing mutant is kept."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

# C0 but tab and line feed, DEL and C1: none may reach the terminal.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KEPT = Path(tempfile.gettempdir()) / "tuiroom-fuzz"


def keep(name: str, data: bytes) -> Path:
    """Write a failing mutant where the failure message can name it."""
    KEPT.mkdir(parents=True, exist_ok=True)
    path = KEPT / name
    path.write_bytes(data)
    return path
