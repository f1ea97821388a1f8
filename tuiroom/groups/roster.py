"""A roster from a spreadsheet export: name, group and e-mail, checked before anything
is saved.

Norwegian spreadsheets export with `;` and often in Windows-1252; English ones with
`,` and UTF-8. The header may be in either language. Every bad row is reported with
its line number, and a file with any bad row imports nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

COLUMNS = {
    "name": ("name", "navn", "namn", "fullt navn", "full name", "deltaker", "deltakar"),
    "group": ("group", "gruppe", "nettverksgruppe", "network group", "team"),
    "email": ("email", "e-mail", "e-post", "epost", "mail", "e-postadresse"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class RosterRow(NamedTuple):
    line: int
    name: str
    group: str
    email: str


class RosterProblem(NamedTuple):
    """`code` names the catalogue message (roster.*); `line` 0 is about the whole file;
    `earlier`, the line of the row a namesake is compared with."""

    line: int
    code: str
    value: str = ""
    earlier: int = 0


class Roster(NamedTuple):
    """`notes` do not stop the import: namesakes told apart only by their group."""

    rows: list[RosterRow]
    problems: list[RosterProblem]
    encoding: str = "utf-8"
    notes: tuple[RosterProblem, ...] = ()


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-16 with its BOM (a spreadsheet's "Unicode
    text"), UTF-8 with or without BOM, else Windows-1252 (Excel's "CSV" in Norway)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def separator(header: str) -> str:
    """The separator a header line uses: tab, semicolon or comma, whichever it has most."""
    counts = {sep: header.count(sep) for sep in ("\t", ";", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: a
# spreadsheet cell can hold them, and none belongs in a name, a group or an address.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN_MAX = 80  # characters of a cell quoted back in a message


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = " ".join(cell.strip().casefold().split())
        for column, names in COLUMNS.items():
            if label in names and column not in found:
                found[column] = index
    return found


def shown(value: str) -> str:
    """A cell as a message quotes it: one line, no control characters, not too long."""
    one_line = " ".join(_CONTROL.sub(" ", value).split())
    return one_line if len(one_line) <= _SHOWN_MAX else one_line[: _SHOWN_MAX - 1] + "…"


class BrokenRecord(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Every record with the line it starts on. Only \\n, \\r\\n and \\r end a line (a form
    feed or U+2028 inside a row is part of it), and a quoted cell may span lines.

    Raises:
        BrokenRecord: with the line where a record csv cannot read starts (a quote
        never closed runs to the end of the file, past csv's limit for one cell).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise BrokenRecord(start) from error
        yield start, cells
        start = reader.line_num + 1


def parse(text: str, encoding: str = "utf-8") -> Roster:
    first_line = next((line for line in text.splitlines() if line.strip()), None)
    if first_line is None:
        return Roster([], [RosterProblem(0, "empty")], encoding)
    try:
        table = [(n, cells) for n, cells in records(text, separator(first_line)) if cells]
    except BrokenRecord as broken:
        return Roster([], [RosterProblem(broken.line, "bad_quote")], encoding)
    table = [(n, cells) for n, cells in table if any(c.strip() for c in cells)]
    if not table:
        return Roster([], [RosterProblem(0, "empty")], encoding)
    header_line, header = table[0]
    columns = _columns(header)
    if "name" not in columns:
        return Roster(
            [], [RosterProblem(header_line, "no_name_column", shown(first_line))], encoding
        )
    rows, problems, notes = _rows(table[1:], columns)
    return Roster(rows, problems, encoding, tuple(notes))


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return " ".join(_CONTROL.sub(" ", cells[index]).split())


Seen = dict[str, list[RosterRow]]


def _rows(
    table: list[tuple[int, list[str]]], columns: dict[str, int]
) -> tuple[list[RosterRow], list[RosterProblem], list[RosterProblem]]:
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    notes: list[RosterProblem] = []
    seen: Seen = {}
    for line, cells in table:
        if not any(c.strip() for c in cells):
            continue
        name = _cell(cells, columns["name"])
        email = _cell(cells, columns.get("email"))
        row = RosterRow(line, name, _cell(cells, columns.get("group")), email)
        same = _namesake(row, seen)
        if not name:
            problems.append(RosterProblem(line, "no_name"))
        elif same is not None and same.code == "duplicate":
            problems.append(same)
        elif email and not _EMAIL.match(email):
            problems.append(RosterProblem(line, "bad_email", shown(email)))
        else:
            rows.append(row)
            notes += [same] if same is not None else []
        seen.setdefault(" ".join(name.casefold().split()), []).append(row)
    return rows, problems, notes


def _namesake(row: RosterRow, seen: Seen) -> RosterProblem | None:
    """Two rows of one name are two people when something tells them apart: different
    e-mails, or (with a note asking for more) different groups. Else the same row twice."""
    found: RosterProblem | None = None
    for earlier in seen.get(" ".join(row.name.casefold().split()), []):
        if earlier.email and row.email and earlier.email.casefold() != row.email.casefold():
            continue
        if earlier.group.casefold() == row.group.casefold():
            return RosterProblem(row.line, "duplicate", shown(row.name), earlier.line)
        found = found or RosterProblem(row.line, "namesake", shown(row.name), earlier.line)
    return found


def read(path: Path) -> Roster:
    """The roster in the file at `path`; a missing or unreadable file is one problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Roster([], [RosterProblem(0, "missing")])
    except OSError as exc:
        return Roster([], [RosterProblem(0, "unreadable", exc.strerror or str(exc))])
    text, encoding = decode(raw)
    return parse(text, encoding)
