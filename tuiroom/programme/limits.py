"""Limits a programme file must keep before it is parsed at all.

tomllib recurses once per level of nesting, Python refuses to read an integer of more
than 4,300 digits, and every message about a key repeats its path: a file nested 500
deep, a key of a thousand parts or a number of five thousand digits would end in a
traceback instead of a message. No programme needs more than a few levels, so the limits
are far above anything a facilitator writes, and each is reported with its line like any
other mistake. The scan is one pass over the text that knows TOML's strings and comments.
"""

from __future__ import annotations

from typing import Final, NamedTuple

MAX_DEPTH: Final = 40  # brackets and braces open at once
MAX_KEY_PARTS: Final = 40  # dots in one key or table header
MAX_KEY_LENGTH: Final = 200  # characters before the = of one line
MAX_DIGITS: Final = 1000  # one number's digits


class Breach(NamedTuple):
    code: str  # the problem code: toml_too_deep, toml_key_too_long, toml_number_too_long
    line: int
    limit: int


class _Scan:
    """Where the scan is: in which string or comment, how deep, and on which line."""

    def __init__(self) -> None:
        self.line, self.depth, self.dots, self.key_length = 1, 0, 0, 0
        self.digits = 0
        self.before_equals = True  # still in the key part of the line


def _string_end(text: str, start: int, quote: str) -> int:
    """The index just past the string that opens at `start` with `quote`."""
    triple = text.startswith(quote * 3, start)
    closing = quote * 3 if triple else quote
    i = start + len(closing)
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text.startswith(closing, i):
            return i + len(closing)
        if text[i] == "\n" and not triple:
            return i  # an unclosed one-line string: tomllib will say so
        i += 1
    return i


def first_breach(text: str) -> Breach | None:
    """The first place `text` goes past a limit, if any."""
    scan = _Scan()
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            end = _string_end(text, i, char)
            if scan.before_equals and scan.depth == 0:
                scan.key_length += end - i
            scan.line += text.count("\n", i, end)
            i = end
        elif char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        else:
            breach = _step(scan, char)
            if breach is not None:
                return breach
            i += 1
            continue
        breach = _check(scan)
        if breach is not None:
            return breach
    return None


def _step(scan: _Scan, char: str) -> Breach | None:
    if char == "\n":
        scan.line += 1
        scan.dots = scan.key_length = scan.digits = 0
        scan.before_equals = scan.depth == 0
        return None
    if char in "[{":
        scan.depth += 1
    elif char in "]}":
        scan.depth = max(0, scan.depth - 1)
    elif char == "=" and scan.depth == 0:
        scan.before_equals = False
    elif char == "." and scan.before_equals:
        scan.dots += 1
    scan.digits = scan.digits + 1 if char.isdigit() or (scan.digits and char == "_") else 0
    if scan.before_equals and scan.depth == 0 and not char.isspace():
        scan.key_length += 1
    return _check(scan)


def _check(scan: _Scan) -> Breach | None:
    if scan.depth > MAX_DEPTH:
        return Breach("toml_too_deep", scan.line, MAX_DEPTH)
    if scan.dots >= MAX_KEY_PARTS:
        return Breach("toml_too_deep", scan.line, MAX_KEY_PARTS)
    if scan.key_length > MAX_KEY_LENGTH:
        return Breach("toml_key_too_long", scan.line, MAX_KEY_LENGTH)
    if scan.digits > MAX_DIGITS:
        return Breach("toml_number_too_long", scan.line, MAX_DIGITS)
    return None
