"""Text that people wrote, made safe to put on a terminal or in a file.

A title, a name or an answer can hold control characters: copied from a web page or an
e-mail, typed into a spreadsheet cell, or written into the database by hand. `ESC [2J`
would clear the facilitator's screen and `ESC ]0;…BEL` set the terminal's title. Every
string from a programme file, a roster or the database passes through here on its way
in, so nothing of the kind reaches a screen, `tuiroom check` or an export: each control
character is shown as its Unicode picture (ESC as ␛), line breaks and tabs stay.
"""

from __future__ import annotations

import re
from typing import Any, Final

# C0 but tab and line feed, DEL, and C1 (which some terminals also obey).
_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS: Final = re.compile("[\t\n\u2028\u2029]+")


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control: no picture of its own


def visible(text: str) -> str:
    """`text` with every control character shown as a picture; tabs and line breaks
    kept (a Windows line end, \\r\\n or \\r, becomes \\n)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str, limit: int = 0) -> str:
    """`text` on one line, for a message that quotes it: line breaks become spaces, so
    the file name at the start of the message stays on every line of it; cut to `limit`
    characters (with …) when one is given."""
    flat = _LINE_BREAKS.sub(" ", visible(text))
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


def visible_strings(value: Any) -> Any:
    """`value` (parsed TOML or JSON) with every string in it made visible."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [visible_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: visible_strings(v) for k, v in value.items()}
    return value
