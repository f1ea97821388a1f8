"""The agenda as the facilitator changed it on the day: items added, removed, moved,
renamed, made longer or shorter, given another start, and exercises' phases given other
minutes.

Changes are kept in the store per run (see store/day_changes.py) and replayed here over
the programme's items on every reload, so a restart, a projector and a reloaded file all
see the same day. A change names its item by id, and an item keeps its id when the file
is loaded again (store/sync.py matches it by key), so the day's changes survive an
edited file. Places are kept as "after which item", never as a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from tuiroom.store import Store
from tuiroom.store.records import DayChangeRow, ExerciseRow, ItemRow, RunRow

ADD, REMOVE, MOVE, RENAME, LENGTH, START, PHASES = (
    "add",
    "remove",
    "move",
    "rename",
    "length",
    "start",
    "phases",
)
RETIMING = frozenset({ADD, REMOVE, MOVE, LENGTH, START})
ADDED, MOVED, REMOVED = "added", "moved", "removed"


class Agenda(NamedTuple):
    """The run's agenda: its items in order, timed again after the day's changes."""

    items: list[ItemRow]
    exercises: dict[int, list[ExerciseRow]]
    marks: dict[int, str]  # item id -> ADDED or MOVED
    removed: list[ItemRow]
    end: int | None = None  # the planned end of the day, in minutes (None: the last item's)


def apply(
    base: Sequence[ItemRow],
    exercises: Mapping[int, list[ExerciseRow]],
    added: Mapping[int, ItemRow],
    changes: Sequence[DayChangeRow],
) -> Agenda:
    """Replay `changes` over the programme's items; `added` holds the items made on the day."""
    order = list(base)
    marks: dict[int, str] = {}
    removed: list[ItemRow] = []
    lengths: dict[int, int] = {}
    starts: dict[int, int] = {}
    phases: dict[int, tuple[float | None, ...]] = {}
    for change in changes:
        found = next((i for i in order if i.id == change.item_id), None)
        if change.kind == PHASES:
            phases[_int(change.value["exercise"])] = tuple(
                None if m is None else float(str(m)) for m in _list(change.value["minutes"])
            )
        elif change.kind == ADD and (new := added.get(change.item_id or -1)) and not found:
            _place(order, new, change.value.get("after"))
            marks[new.id] = ADDED
        elif found is None:
            continue
        elif change.kind == REMOVE:
            order.remove(found)
            removed.append(found)
        elif change.kind == MOVE:
            order.remove(found)
            _place(order, found, change.value.get("after"))
            marks.setdefault(found.id, MOVED)
        elif change.kind == RENAME:
            order[order.index(found)] = found._replace(title=str(change.value["title"]))
        elif change.kind == LENGTH:
            lengths[found.id] = _int(change.value["minutes"])
        elif change.kind == START:
            starts[found.id] = _int(change.value["start"])
    retimed = any(c.kind in RETIMING for c in changes)
    items = _retime(order, base, lengths, starts) if retimed else order
    end = base[-1].end if retimed and base else None
    return Agenda(items, _with_phases(exercises, phases), marks, removed, end)


def run_agenda(store: Store, samling_id: int, run: RunRow | None) -> Agenda:
    """A samling's agenda as a run of it changed it (the programme's, without a run)."""
    items, exercises = store.items(samling_id), store.exercises(samling_id)
    changes = store.day_changes(run.id) if run else []
    if run is None or not changes:
        return Agenda(items, exercises, {}, [])
    return apply(items, exercises, store.day_items(run.id), changes)


def _int(value: object) -> int:
    return int(str(value))


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _place(order: list[ItemRow], item: ItemRow, after: object) -> None:
    """Put `item` after the item with id `after` (first if None; last if it is gone)."""
    if after is None:
        order.insert(0, item)
        return
    index = next((n for n, i in enumerate(order) if i.id == after), len(order) - 1)
    order.insert(index + 1, item)


def _retime(
    order: Sequence[ItemRow],
    base: Sequence[ItemRow],
    lengths: Mapping[int, int],
    starts: Mapping[int, int],
) -> list[ItemRow]:
    """Each item follows the one before, at its own length; a fixed item keeps its time,
    and so does an item given a start on the day (from then on it holds it like lunch)."""
    cursor = base[0].start if base else 0
    items = []
    for index, item in enumerate(order):
        length = lengths.get(item.id, item.duration)
        fixed = item.fixed or (item.id in starts and index > 0)
        start = starts.get(item.id, item.start if item.fixed else cursor)
        items.append(item._replace(position=index, start=start, end=start + length, fixed=fixed))
        cursor = start + length
    return items


def _with_phases(
    exercises: Mapping[int, list[ExerciseRow]], minutes: Mapping[int, tuple[float | None, ...]]
) -> dict[int, list[ExerciseRow]]:
    if not minutes:
        return dict(exercises)
    changed: dict[int, list[ExerciseRow]] = {}
    for item_id, rows in exercises.items():
        changed[item_id] = [
            e._replace(
                phases=tuple(
                    p._replace(minutes=m) for p, m in zip(e.phases, minutes[e.id], strict=False)
                )
                + e.phases[len(minutes[e.id]) :]
            )
            if e.id in minutes
            else e
            for e in rows
        ]
    return changed
