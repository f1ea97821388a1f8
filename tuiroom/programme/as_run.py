"""The programme as it was run: the original file with the day's changes written into it,
for the next time the day is given.

tomlkit keeps the file's comments and layout: only the values a change touched are
rewritten (a title, a time, minutes, phase minutes), moved items are moved whole, with
their comments, and added items are new tables in their place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from tuiroom.day.changes import Agenda, run_agenda
from tuiroom.store import Store, digest_of
from tuiroom.store.records import ExerciseRow, ItemRow, RunRow

_TIMES = re.compile(r"^(\s*\d{1,2}[:.]\d{2})(?:(\s*(?:–|—|-|til|to)\s*)(\d{1,2}[:.]\d{2}))?\s*$")


def hhmm(minutes: int, like: str = "08:30") -> str:
    """A time of day written the way the file writes its times (08:30 or 8.30)."""
    separator = "." if "." in like else ":"
    hours = f"{minutes // 60:02d}" if like.strip()[:2].isdigit() else str(minutes // 60)
    return f"{hours}{separator}{minutes % 60:02d}"


class StaleFile(Exception):
    """The programme file changed since the store loaded it: its items may not be where
    the store thinks they are."""


class InlineItems(Exception):
    """The samling's items are one inline array (`item = [...]`), not [[samling.item]]
    tables: there is no layout to keep, and the file is better rewritten by hand."""


def programme_as_run(store: Store, samling_id: int, run: RunRow | None, text: str) -> str:
    """The programme file `text` with the changes `run` made to the samling."""
    samling = store.samling(samling_id)
    if store.loaded()[0] != digest_of(text) or samling is None:
        raise StaleFile
    agenda = run_agenda(store, samling_id, run)
    items, exercises = store.items(samling_id), store.exercises(samling_id)
    return as_run(text, samling.position, items, exercises, agenda)


def as_run(
    text: str,
    samling_position: int,
    base: Sequence[ItemRow],
    base_exercises: Mapping[int, list[ExerciseRow]],
    agenda: Agenda,
) -> str:
    """`text` (a programme file) with the samling at `samling_position` as `agenda`.

    `base` are the programme's items as the store holds them, each at its place in the
    file (ItemRow.position).
    """
    doc = tomlkit.parse(text)
    samling = doc["samling"][samling_position]
    tables = samling["item"]
    if not isinstance(tables, AoT):  # items written as one inline array: kept as written
        raise InlineItems
    by_id = {i.id: (i, tables[i.position]) for i in base}
    wanted = []
    for item in agenda.items:
        if item.id in by_id:
            was, table = by_id[item.id]
            _update(table, was, item)
            _phases(table, base_exercises.get(item.id, []), agenda.exercises.get(item.id, []))
        else:
            table = _new(item)
        wanted.append(table)
    while len(tables):
        del tables[0]
    for table in wanted:
        tables.append(table)
    for table in wanted[:-1]:
        if not table.as_string().endswith("\n\n"):
            table.add(tomlkit.nl())
    return tomlkit.dumps(doc)


def _update(table: Table, was: ItemRow, item: ItemRow) -> None:
    if item.title != was.title:
        table["title"] = item.title
    if (item.start, item.end) != (was.start, was.end):
        _time(table, item)
    if item.fixed and not was.fixed:
        table["fixed"] = True


def _time(table: Table, item: ItemRow) -> None:
    """The item's new time, in the form the file gave it (a span, or a start and minutes)."""
    written = str(table.get("time", ""))
    found = _TIMES.match(written)
    if found is not None and found.group(3):
        start, separator, end = found.groups()
        table["time"] = f"{hhmm(item.start, start)}{separator}{hhmm(item.end, end)}"
        return
    table["time"] = hhmm(item.start, found.group(1) if found else "08:30")
    if "minutes" in table or item.duration != 0:
        table["minutes"] = item.duration


def _phases(table: Table, was: Sequence[ExerciseRow], now: Sequence[ExerciseRow]) -> None:
    exercises: Any = table.get("exercise", [])
    for before, after, written in zip(was, now, exercises, strict=False):
        if before.phases == after.phases:
            continue
        for phase, spec in zip(written.get("phases", []), after.phases, strict=False):
            if spec.minutes is None:
                phase.pop("minutes", None)
            else:
                phase["minutes"] = int(spec.minutes) if spec.minutes.is_integer() else spec.minutes


def _new(item: ItemRow) -> Table:
    table = tomlkit.table()
    table["time"] = f"{hhmm(item.start)} – {hhmm(item.end)}"
    table["title"] = item.title
    table["kind"] = item.kind
    return table
