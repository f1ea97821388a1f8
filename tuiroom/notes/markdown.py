"""Markdown for text people typed: escaped for the place it lands in (a table cell, a
heading or a paragraph), so an answer that starts with "1." or holds a "|" stays the
text it was and never becomes a list, a heading or a broken table. Also headings' ids
and file-name slugs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from tuiroom.visible import visible

_INLINE = re.compile(r"([\\`*_\[\]<|~#]|&(?=#?\w+;))")  # & only where it starts an entity
_LINE_MARK = re.compile(r"^([-+=>])")
_NUMBER_MARK = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """Inline markup (emphasis, code, links, HTML, entities, pipes, #) shown as typed,
    and control characters as pictures (they would act in a terminal showing the file)."""
    return _INLINE.sub(r"\\\1", visible(text))


def _lines(text: str) -> list[str]:
    """Non-blank lines without the indentation that would make them a code block."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def cell(text: str) -> str:
    """One table cell: a line break inside an answer must not end the row."""
    return "<br>".join(_lines(escape(text)))  # escaping adds no spaces and no line breaks


def paragraph(text: str, indent: str = "") -> str:
    """Lines held in one paragraph by hard breaks; no line may start a list or a
    heading, nor underline the line above into one."""
    lines = [_NUMBER_MARK.sub(r"\1\\\2", _LINE_MARK.sub(r"\\\1", escape(x))) for x in _lines(text)]
    return ("\\\n" + indent).join(lines)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(' '.join(_lines(text)))}".rstrip()


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; every cell, the header's too, is escaped here."""
    lines = [_row(header), "|" + " --- |" * len(header)]
    lines += [_row(r) for r in rows]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def anchor(text: str) -> str:
    """GitHub's id for a heading: lower case, punctuation out, spaces as dashes."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", " ".join(text.split()).lower()))


def slug(text: str) -> str:
    """An ASCII file-name part: "Samling 3" → "samling-3"."""
    folded = text.casefold().replace("æ", "ae").replace("ø", "o").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
