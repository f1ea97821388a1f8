"""The keys that change the day's agenda: each checks that the change makes sense where
the day stands, keeps it in the store at once and reads the day again. Each returns
None when done, else the i18n key of the reason it was refused."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tuiroom.day import changes as ch
from tuiroom.day.state import DayState
from tuiroom.store.records import ItemRow

MAX_MINUTES = 24 * 60
Refusal = str | None


def _keep(
    day: DayState, kind: str, item_id: int | None, value: dict[str, Any], **new: Any
) -> int | None:
    item = new.get("item")
    made = day.store.add_day_change(day.run.id, kind, item_id, value, day.clock.now(), item)
    day.reload()
    return made


def _index(day: DayState, item_id: int) -> int:
    return next((n for n, i in enumerate(day.items) if i.id == item_id), -1)


def first_open(day: DayState) -> int:
    """The first place an item can be put or moved to: after every item that has run."""
    started = [n for n, i in enumerate(day.items) if i.id in day.timings]
    return max(started, default=-1) + 1


def _after(day: DayState, index: int) -> int | None:
    return day.items[index - 1].id if index > 0 else None


def add_item(
    day: DayState, title: str, minutes: int, kind: str, at: int
) -> tuple[int | None, Refusal]:
    """A new item at place `at` (0 = first); returns its id, or the reason it was not added."""
    title = title.strip()
    if not title:
        return None, "change.no_title"
    if not 0 < minutes <= MAX_MINUTES:
        return None, "change.bad_minutes"
    if at < first_open(day):
        return None, "change.before_run"
    row = {
        "samling_id": day.run.samling_id,
        "key": None,
        "position": at,
        "start_min": 0,
        "end_min": minutes,
        "title": title,
        "note": "",
        "kind": kind,
        "fixed": 0,  # it has no time of its own to hold until `s` gives it one
        "retired": 0,
    }
    return _keep(day, ch.ADD, None, {"after": _after(day, at)}, item=row), None


def add_break(
    day: DayState, highlighted: ItemRow | None, title: str, minutes: int = 10, kind: str = "break"
) -> Refusal:
    """An unplanned break: right after the item running, else after the highlighted one."""
    current = day.current()
    anchor = current or highlighted
    at = _index(day, anchor.id) + 1 if anchor else first_open(day)
    return add_item(day, title, minutes, kind, max(at, first_open(day)))[1]


def _not_run(day: DayState, item: ItemRow) -> Refusal:
    if item.id in day.timings:
        return "change.has_run"
    return None


def remove_item(day: DayState, item: ItemRow) -> Refusal:
    if refused := _not_run(day, item):
        return refused
    if len(day.items) < 2:
        return "change.last_item"
    _keep(day, ch.REMOVE, item.id, {})
    return None


def move_item(day: DayState, item: ItemRow, step: int) -> Refusal:
    """One place up (step -1) or down (+1), among the items not yet run."""
    if refused := _not_run(day, item):
        return refused
    index = _index(day, item.id)
    target = index + step
    if target < first_open(day) or target >= len(day.items):
        return "change.cannot_move"
    rest = [i for i in day.items if i.id != item.id]
    after = rest[target - 1].id if target > 0 else None
    _keep(day, ch.MOVE, item.id, {"after": after})
    return None


def rename_item(day: DayState, item: ItemRow, title: str) -> Refusal:
    title = title.strip()
    if not title:
        return "change.no_title"
    if title != item.title:
        _keep(day, ch.RENAME, item.id, {"title": title})
    return None


def set_length(day: DayState, item: ItemRow, minutes: int) -> Refusal:
    """The planned length of an item not yet run (the running one takes + and -)."""
    if refused := _not_run(day, item):
        return "change.use_plus" if item.id in day.timings else refused
    if not 0 < minutes <= MAX_MINUTES:
        return "change.bad_minutes"
    if minutes != item.duration:
        _keep(day, ch.LENGTH, item.id, {"minutes": minutes})
    return None


def set_start(day: DayState, item: ItemRow, start: int) -> Refusal:
    """When an item not yet run starts (minutes after midnight); it then holds that time."""
    if refused := _not_run(day, item):
        return refused
    if not 0 <= start < MAX_MINUTES:
        return "change.bad_time"
    if start != item.start:
        _keep(day, ch.START, item.id, {"start": start})
    return None


def set_phases(day: DayState, exercise_id: int, minutes: Sequence[float | None]) -> Refusal:
    """Other minutes for an exercise's phases (None: the rest of the item), also while
    one runs: the running phase ends at its new time."""
    if any(m is not None and not 0 < m <= MAX_MINUTES for m in minutes):
        return "change.bad_minutes"
    _keep(day, ch.PHASES, None, {"exercise": exercise_id, "minutes": list(minutes)})
    return None


def undo(day: DayState) -> tuple[str | None, Refusal]:
    """Take back the latest change; returns its kind, or why there was none to take back.
    An added or moved item that has since run stays where it ran."""
    if not day.changes:
        return None, "change.nothing_to_undo"
    latest = day.changes[-1]
    if latest.kind in (ch.ADD, ch.MOVE) and latest.item_id in day.timings:
        return None, "change.undo_has_run"
    day.store.undo_day_change(day.run.id, day.clock.now())
    day.reload()
    return latest.kind, None
