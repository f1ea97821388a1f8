"""A roster from a spreadsheet export: name, group and e-mail, checked before anything
is saved.

Norwegian spreadsheets export with `;` and often in Windows-1252; English ones with
`,` and UTF-8. The header may be in either language. Every bad row is reported with
its line number, and a file with any bad row imports nothing.
"""

from __future__ import annotations

import csv
import io
import re
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
    """`code` names the catalogue message (roster.*); `line` 0 is about the whole file."""

    line: int
    code: str
    value: str = ""


class Roster(NamedTuple):
    rows: list[RosterRow]
    problems: list[RosterProblem]
    encoding: str = "utf-8"


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def separator(header: str) -> str:
    return ";" if header.count(";") >= header.count(",") and ";" in header else ","


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = " ".join(cell.strip().casefold().split())
        for column, names in COLUMNS.items():
            if label in names and column not in found:
                found[column] = index
    return found


def parse(text: str, encoding: str = "utf-8") -> Roster:
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Roster([], [RosterProblem(0, "empty")], encoding)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=separator(lines[first]))
    table = list(reader)
    columns = _columns(table[first])
    if "name" not in columns:
        return Roster([], [RosterProblem(first + 1, "no_name_column", lines[first])], encoding)
    rows, problems = _rows(table[first + 1 :], first + 2, columns)
    return Roster(rows, problems, encoding)


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _rows(
    table: list[list[str]], start: int, columns: dict[str, int]
) -> tuple[list[RosterRow], list[RosterProblem]]:
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    seen: dict[str, int] = {}
    for line, cells in enumerate(table, start=start):
        if not any(c.strip() for c in cells):
            continue
        name = " ".join(_cell(cells, columns["name"]).split())
        email = _cell(cells, columns.get("email"))
        key = name.casefold()
        if not name:
            problems.append(RosterProblem(line, "no_name"))
        elif key in seen:
            problems.append(RosterProblem(line, "duplicate", name))
        elif email and not _EMAIL.match(email):
            problems.append(RosterProblem(line, "bad_email", email))
        else:
            rows.append(RosterRow(line, name, _cell(cells, columns.get("group")), email))
        seen.setdefault(key, line)
    return rows, problems


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
