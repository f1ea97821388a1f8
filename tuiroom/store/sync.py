"""Loading a programme file into the store, again and again, without losing anything.

Rows are matched to what the store already holds by a stable key (an explicit id, a
title, a name) and then by place, so fixing a typo in a question keeps the answers
given to it. Rows that left the file are marked retired, never deleted: whatever was
captured against them stays in the database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from tuiroom.names import name_key
from tuiroom.programme.models import Exercise, Group, Item, Programme, Samling


def keys_for(names: Sequence[str]) -> list[str]:
    """Stable, distinct keys for titles that may repeat ("pause", "pause#2").

    A generated key never collides with a title that happens to read "pause#2".
    """
    used: set[str] = set()
    keys = []
    for name in names:
        base = key = name_key(name)
        number = 1
        while key in used:
            number += 1
            key = f"{base}#{number}"
        used.add(key)
        keys.append(key)
    return keys


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _existing(db: Database, table: str, where: str, args: list[Any]) -> list[dict[str, Any]]:
    return list(db.table(table).rows_where(where, args, order_by="position, id"))


Row = dict[str, Any]


Paired = tuple[list[Row | None], list[Row]]


def _pair(
    existing: list[Row], wanted: list[Row], by_place: bool, placeable: Callable[[Row], bool]
) -> Paired:
    """Each wanted row's existing twin (same key, else same place) and the rows left over."""
    by_key: dict[str, Row] = {}
    for row in existing:
        by_key.setdefault(row["key"], row)
    used: set[int] = set()
    pairs: list[Row | None] = []
    for row in wanted:
        twin = by_key.get(row["key"])
        pairs.append(twin)
        if twin is not None:
            used.add(twin["id"])
    places = {
        r["position"]: r
        for r in existing
        if r["id"] not in used and not r["retired"] and placeable(r)
    }
    for index, row in enumerate(wanted):
        twin = places.get(row["position"]) if by_place else None
        if pairs[index] is None and twin is not None and twin["id"] not in used:
            pairs[index] = twin
            used.add(twin["id"])
    return pairs, [r for r in existing if r["id"] not in used]


def _merge(
    db: Database,
    table: str,
    existing: list[Row],
    wanted: list[Row],
    by_place: bool = True,
    from_file: Callable[[Row], bool] = lambda row: True,
    kept: Callable[[Row, Row], Row] = lambda twin, values: values,
    pairing: Callable[[list[Row], list[Row], bool, Callable[[Row], bool]], Paired] | None = None,
) -> list[int]:
    """Write `wanted` over `existing`; return the id of each wanted row, in order.

    Rows made in the room (not `from_file`) are matched by key only and never retired;
    `kept` may leave alone what the room changed in a row (a person moved elsewhere).
    """
    pairs, leftovers = (pairing or _pair)(existing, wanted, by_place, from_file)
    ids = []
    for row, twin in zip(wanted, pairs, strict=True):
        values = {**row, "retired": 0}
        if twin is None:
            ids.append(_insert(db, table, values))
            continue
        values = kept(twin, values)
        if any(twin.get(k) != v for k, v in values.items()):
            db.table(table).update(twin["id"], values)
        ids.append(twin["id"])
    for row in leftovers:
        if not row["retired"] and from_file(row):
            db.table(table).update(row["id"], {"retired": 1})
    return ids


def _insert(db: Database, table: str, values: dict[str, Any]) -> int:
    """Insert one row and return its id."""
    last_pk = db.table(table).insert(values).last_pk
    assert last_pk is not None
    return int(last_pk)


def sync_programme(
    db: Database,
    programme: Programme,
    source: str,
    digest: str,
    warnings: Sequence[str] = (),
    *,
    loaded_at: dt.datetime,
) -> None:
    """Make the store hold `programme`, in one transaction; `loaded_at` is the store's now."""
    with db.atomic():
        _header(db, programme, source, digest, warnings, loaded_at)
        _groups(db, programme.groups)
        rows = [
            {
                "key": s.id.casefold() or key,
                "position": n,
                "title": s.title,
                "date": s.date.isoformat() if s.date else None,
                "theme": s.theme,
                "note": s.note,
            }
            for n, (s, key) in enumerate(
                zip(
                    programme.samlinger,
                    keys_for([s.title for s in programme.samlinger]),
                    strict=True,
                )
            )
        ]
        ids = _merge(db, "samling", _existing(db, "samling", "1", []), rows)
        for samling_id, samling in zip(ids, programme.samlinger, strict=True):
            _items(db, samling_id, samling)


def _header(
    db: Database,
    programme: Programme,
    source: str,
    digest: str,
    warnings: Sequence[str],
    loaded_at: dt.datetime,
) -> None:
    info = programme.programme
    row = {
        "id": 1,
        "title": info.title,
        "organisation": info.organisation,
        "language": info.language,
        "roles": as_json(info.roles),
        "clock": as_json(programme.clock.model_dump()),
        "source": source,
        "source_hash": digest,
        "warnings": json.dumps(list(warnings), ensure_ascii=False),
    }
    current = next(db.table("programme").rows_where("id = 1"), None)
    if current is None or any(current.get(k) != v for k, v in row.items()):
        row["loaded_at"] = loaded_at.astimezone(dt.UTC).isoformat(timespec="seconds")
        db.table("programme").upsert(row, pk="id")


def _from_file(row: Row) -> bool:
    return bool(row.get("origin", "file") == "file")


def _same_email(wanted: Row, row: Row) -> bool:
    email = str(wanted.get("email") or "").casefold()
    return bool(email) and str(row.get("email") or "").casefold() == email


_LIKENESS: tuple[Callable[[Row, Row], bool], ...] = (
    _same_email,
    lambda wanted, row: row.get("group_id") == wanted["group_id"],
    lambda wanted, row: True,
)


def _pair_people(
    existing: list[Row], wanted: list[Row], by_place: bool, placeable: Callable[[Row], bool]
) -> Paired:
    """Each person of the file with their row in the store, by name: namesakes (one key,
    several people) by their e-mail first, then their group, so two Per Aarslands stay
    two people and keep their own history when the file is loaded again."""
    by_key: dict[str, list[Row]] = {}
    for row in existing:
        by_key.setdefault(row["key"], []).append(row)
    pairs: list[Row | None] = [None] * len(wanted)
    used: set[int] = set()
    for alike in _LIKENESS:
        for index, row in enumerate(wanted):
            if pairs[index] is not None:
                continue
            candidates = by_key.get(row["key"], [])
            twin = next((r for r in candidates if r["id"] not in used and alike(row, r)), None)
            if twin is not None:
                pairs[index] = twin
                used.add(twin["id"])
    return pairs, [r for r in existing if r["id"] not in used]


def _keep_room_changes(twin: Row, values: Row) -> Row:
    """A person the facilitator moved stays in the group they were moved to."""
    return {k: v for k, v in values.items() if not (twin.get("moved") and k == "group_id")}


def _groups(db: Database, groups: list[Group]) -> None:
    rows = [
        {"key": name_key(g.name), "position": n, "name": g.name, "origin": "file"}
        for n, g in enumerate(groups)
    ]
    existing = _existing(db, "network_group", "1", [])
    ids = _merge(db, "network_group", existing, rows, from_file=_from_file)
    people = [
        {
            "key": name_key(m.name),
            "position": n,
            "name": m.name,
            "group_id": group_id,
            "occasional": int(m.occasional),
            "email": m.email,
            "origin": "file",
        }
        for n, (group_id, m) in enumerate(
            (gid, m) for gid, group in zip(ids, groups, strict=True) for m in group.members
        )
    ]
    existing = list(db.table("person").rows_where(order_by="id"))
    # A new name is a new person: people are matched by name only, never by place.
    _merge(
        db,
        "person",
        existing,
        people,
        by_place=False,
        from_file=_from_file,
        kept=_keep_room_changes,
        pairing=_pair_people,
    )
    for group_id, group in zip(ids, groups, strict=True):
        _meetings(db, group_id, group)


def _meetings(db: Database, group_id: int, group: Group) -> None:
    wanted = [
        {
            "group_id": group_id,
            "position": n,
            "date": m.date.isoformat() if m.date else None,
            "lead": m.lead,
        }
        for n, m in enumerate(group.meetings)
    ]
    current = [
        {k: r[k] for k in ("group_id", "position", "date", "lead")}
        for r in db.table("meeting").rows_where("group_id = ?", [group_id], order_by="position")
    ]
    if current != wanted:
        db.table("meeting").delete_where("group_id = ?", [group_id])
        db.table("meeting").insert_all(wanted)


def _items(db: Database, samling_id: int, samling: Samling) -> None:
    rows = [
        {
            "samling_id": samling_id,
            "key": key,
            "position": n,
            "start_min": it.start,
            "end_min": it.end,
            "title": it.title,
            "note": it.note,
            "kind": it.kind_name,
            "fixed": int(it.is_fixed),
        }
        for n, (it, key) in enumerate(
            zip(samling.items, keys_for([i.title for i in samling.items]), strict=True)
        )
    ]
    # Items added on the day belong to their run, never to the file.
    existing = _existing(db, "item", "samling_id = ? and run_id is null", [samling_id])
    ids = _merge(db, "item", existing, rows)
    for item_id, item in zip(ids, samling.items, strict=True):
        _exercises(db, item_id, item)


def _exercises(db: Database, item_id: int, item: Item) -> None:
    keys = keys_for([e.title for e in item.exercises])
    rows = [
        _exercise_row(item_id, n, key, e)
        for n, (e, key) in enumerate(zip(item.exercises, keys, strict=True))
    ]
    ids = _merge(db, "exercise", _existing(db, "exercise", "item_id = ?", [item_id]), rows)
    for exercise_id, exercise in zip(ids, item.exercises, strict=True):
        texts = [q.text for q in exercise.questions]
        wanted = [
            {
                "exercise_id": exercise_id,
                "key": key,
                "position": n,
                "text": q.text,
                "origin": "file",
                "answer": q.answer,
                "options": None if q.options is None else as_json(q.options),
            }
            for n, (q, key) in enumerate(zip(exercise.questions, keys_for(texts), strict=True))
        ]
        existing = _existing(db, "question", "exercise_id = ? and origin = 'file'", [exercise_id])
        _merge(db, "question", existing, wanted)


def _exercise_row(item_id: int, position: int, key: str, exercise: Exercise) -> dict[str, Any]:
    phases = [p.model_dump(exclude_defaults=True) for p in exercise.phases]
    return {
        "item_id": item_id,
        "key": key,
        "position": position,
        "title": exercise.title,
        "note": exercise.note,
        "answer": exercise.answer,
        "options": as_json(exercise.options),
        "phases": as_json(phases),
        "draw_roles": int(exercise.draw_roles),
        "take_home": int(exercise.take_home),
    }
