"""People in the room: attendance, walk-ins, moves, regroupings and role draws.

Everything the facilitator changes here is kept in the store; the programme file is
never rewritten. Regroupings and role draws are kept with their seeds; drawing again
makes the earlier draw inactive, so history counts only the draws the room used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from tuiroom.names import name_key
from tuiroom.store.base import Connected


class RosterPerson(NamedTuple):
    id: int
    name: str
    group_id: int | None
    group: str
    occasional: bool
    email: str
    present: bool
    origin: str


class GroupingRow(NamedTuple):
    id: int
    seed: int
    mode: str
    value: int
    mix: str
    avoid_repeats: bool
    groups: tuple[tuple[int, ...], ...]


class DrawnRole(NamedTuple):
    group_key: str
    group_label: str
    role_no: int
    role_name: str
    person_id: int | None
    criterion: str


class RoleDrawRow(NamedTuple):
    id: int
    seed: int
    playful: bool
    grouping_id: int | None
    roles: tuple[DrawnRole, ...]


def pair_key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class GroupQueries(Connected):
    def roster(self, samling_id: int) -> list[RosterPerson]:
        """Everyone still on the roster, with their presence at this samling.

        Nobody marked yet counts as present, except the occasional ones (the names in
        parentheses on the roster slide), who are counted only when marked.
        """
        rows = self.rows(
            """select p.id, p.name, p.group_id, coalesce(g.name, '') as grp, p.occasional,
                      p.email, a.present, p.origin
               from person p left join network_group g on g.id = p.group_id
               left join attendance a on a.person_id = p.id and a.samling_id = ?
               where p.retired = 0 and p.removed = 0
               order by coalesce(g.position, 1e9), g.id, p.position, p.id""",
            [samling_id],
        )
        return [
            RosterPerson(
                r["id"],
                r["name"],
                r["group_id"],
                r["grp"],
                bool(r["occasional"]),
                r["email"] or "",
                bool(r["present"]) if r["present"] is not None else not r["occasional"],
                r["origin"],
            )
            for r in rows
        ]

    def set_present(self, samling_id: int, person_id: int, present: bool) -> None:
        with self.db.atomic():
            self.db.table("attendance").upsert(
                {
                    "samling_id": samling_id,
                    "person_id": person_id,
                    "present": int(present),
                    "updated_at": self.stamp(),
                },
                pk=("samling_id", "person_id"),
            )

    def add_group(self, name: str) -> int:
        """A group made in the room (or found again by its name)."""
        found = self.row("select id from network_group where key = ?", [name_key(name)])
        if found is not None:
            self.db.table("network_group").update(found["id"], {"retired": 0})
            return int(found["id"])
        place = self.row("select coalesce(max(position), -1) + 1 as n from network_group")
        return int(
            self.db.table("network_group")
            .insert(
                {
                    "key": name_key(name),
                    "position": place["n"] if place else 0,
                    "name": name,
                    "origin": "room",
                    "retired": 0,
                }
            )
            .last_pk
            or 0
        )

    def add_person(
        self, name: str, group_id: int | None, email: str = "", samling_id: int | None = None
    ) -> int:
        """Someone who walks in: on the roster from now on, and present today."""
        with self.db.atomic():
            place = self.row("select coalesce(max(position), -1) + 1 as n from person")
            person_id = int(
                self.db.table("person")
                .insert(
                    {
                        "key": name_key(name),
                        "position": place["n"] if place else 0,
                        "name": name,
                        "group_id": group_id,
                        "occasional": 0,
                        "email": email,
                        "origin": "room",
                        "retired": 0,
                        "moved": 0,
                        "removed": 0,
                    }
                )
                .last_pk
                or 0
            )
            if samling_id is not None:
                self.set_present(samling_id, person_id, True)
        return person_id

    def move_person(self, person_id: int, group_id: int | None) -> None:
        with self.db.atomic():
            self.db.table("person").update(person_id, {"group_id": group_id, "moved": 1})

    def remove_person(self, person_id: int) -> None:
        """Off the roster; what they took part in stays in the store."""
        with self.db.atomic():
            self.db.table("person").update(person_id, {"removed": 1})

    def import_roster(
        self,
        rows: Sequence[tuple[str, str, str]],
        samling_id: int | None,
        claimed: set[int] | None = None,
    ) -> tuple[int, int]:
        """Add or update people from (name, group, email), all in one transaction.
        `claimed`, shared by the chunks of one file, holds the people its rows are about
        already, so a namesake further down is never taken for one of them.

        Returns how many were added and how many already there were updated. The people
        and groups already there are read once, into dicts by name key, and the writes
        go in batches: a roster of 10,000 rows takes about a second, not a query (and a
        scan for the next position) per row.
        """
        with self.db.atomic():
            batch = _RosterBatch(
                self._groups_by_key(), self._people_by_key(), self._next_free(), claimed
            )
            for name, group, email in rows:
                group_id = batch.group_id(group) if group else None
                batch.person(name, group_id, email)
            self._write_roster_batch(batch, samling_id)
        return len(batch.added), len(batch.updated)

    def _groups_by_key(self) -> dict[str, int]:
        return {r["key"]: r["id"] for r in self.rows("select id, key from network_group")}

    def _people_by_key(self) -> dict[str, list[dict[str, Any]]]:
        """Everyone on the roster (not retired), by name key, the earliest first."""
        people: dict[str, list[dict[str, Any]]] = {}
        for r in self.rows(
            "select id, key, group_id, email from person where retired = 0 order by id"
        ):
            people.setdefault(r["key"], []).append(r)
        return people

    def _next_free(self) -> _Free:
        """The next position and id of a group and of a person."""
        found = self.row(
            """select (select coalesce(max(position), -1) + 1 from network_group) as gp,
                      (select coalesce(max(id), 0) + 1 from network_group) as gi,
                      (select coalesce(max(position), -1) + 1 from person) as pp,
                      (select coalesce(max(id), 0) + 1 from person) as pi"""
        )
        assert found is not None
        return _Free(found["gp"], found["gi"], found["pp"], found["pi"])

    def _write_roster_batch(self, batch: _RosterBatch, samling_id: int | None) -> None:
        conn = self.conn
        conn.executemany(
            """insert into network_group (id, key, position, name, origin, retired)
               values (?, ?, ?, ?, 'room', 0)""",
            batch.new_groups,
        )
        conn.executemany(
            "update network_group set retired = 0 where id = ?", [(g,) for g in batch.old_groups]
        )
        conn.executemany(
            """insert into person (id, key, position, name, group_id, occasional, email,
                                   origin, retired, moved, removed)
               values (?, ?, ?, ?, ?, 0, ?, 'room', 0, 0, 0)""",
            batch.added,
        )
        conn.executemany(
            "update person set group_id = ?, moved = 1, removed = 0, email = ? where id = ?",
            batch.updated.values(),
        )
        if samling_id is not None:
            stamp = self.stamp()
            conn.executemany(
                """insert into attendance (samling_id, person_id, present, updated_at)
                   values (?, ?, 1, ?)
                   on conflict (samling_id, person_id)
                   do update set present = 1, updated_at = excluded.updated_at""",
                [(samling_id, new[0], stamp) for new in batch.added],
            )

    # ── keep apart, keep together ─────────────────────────────────────────────

    def pair_rules(self) -> list[tuple[int, int, int, str]]:
        rows = self.rows("select id, person_a, person_b, kind from pair_rule order by id")
        return [(r["id"], r["person_a"], r["person_b"], r["kind"]) for r in rows]

    def add_pair_rule(self, a: int, b: int, kind: str) -> None:
        first, second = pair_key(a, b)
        with self.db.atomic():
            self.db.execute(
                "delete from pair_rule where person_a = ? and person_b = ?", [first, second]
            )
            self.db.table("pair_rule").insert(
                {"person_a": first, "person_b": second, "kind": kind, "created_at": self.stamp()}
            )

    def remove_pair_rule(self, rule_id: int) -> None:
        with self.db.atomic():
            self.db.execute("delete from pair_rule where id = ?", [rule_id])

    # ── regroupings ───────────────────────────────────────────────────────────

    def save_grouping(
        self,
        samling_id: int,
        seed: int,
        mode: str,
        value: int,
        mix: str,
        avoid: bool,
        groups: Sequence[Sequence[int]],
        item_id: int | None = None,
    ) -> int:
        """Keep a regrouping for an agenda item (or none). A draw made again for the same
        item replaces the one before; the groups of other items stay in the history."""
        with self.db.atomic():
            self.db.execute(
                "update grouping set active = 0 where samling_id = ? and item_id is ?",
                [samling_id, item_id],
            )
            grouping_id = int(
                self.db.table("grouping")
                .insert(
                    {
                        "samling_id": samling_id,
                        "created_at": self.stamp(),
                        "seed": seed,
                        "mode": mode,
                        "value": value,
                        "mix": mix,
                        "avoid_repeats": int(avoid),
                        "active": 1,
                        "item_id": item_id,
                    }
                )
                .last_pk
                or 0
            )
            self.db.table("grouping_member").insert_all(
                {"grouping_id": grouping_id, "group_no": n, "person_id": person}
                for n, members in enumerate(groups)
                for person in members
            )
        return grouping_id

    def current_grouping(self, samling_id: int) -> GroupingRow | None:
        row = self.row(
            "select * from grouping where samling_id = ? and active = 1 order by id desc",
            [samling_id],
        )
        if row is None:
            return None
        members = self.rows(
            "select group_no, person_id from grouping_member where grouping_id = ?"
            " order by group_no, rowid",
            [row["id"]],
        )
        groups: dict[int, list[int]] = {}
        for m in members:
            groups.setdefault(m["group_no"], []).append(m["person_id"])
        return GroupingRow(
            row["id"],
            row["seed"],
            row["mode"],
            row["value"],
            row["mix"],
            bool(row["avoid_repeats"]),
            tuple(tuple(groups[k]) for k in sorted(groups)),
        )

    def pair_history(self) -> dict[tuple[int, int], int]:
        """How often each pair sat together in the regroupings used in the programme."""
        rows = self.rows(
            """select a.person_id as x, b.person_id as y, count(*) as times
               from grouping_member a join grouping_member b
                 on a.grouping_id = b.grouping_id and a.group_no = b.group_no
                    and a.person_id < b.person_id
               join grouping g on g.id = a.grouping_id and g.active = 1
               group by a.person_id, b.person_id"""
        )
        return {(r["x"], r["y"]): r["times"] for r in rows}

    # ── role draws ────────────────────────────────────────────────────────────

    def save_role_draw(
        self,
        samling_id: int,
        seed: int,
        playful: bool,
        grouping_id: int | None,
        roles: Sequence[DrawnRole],
    ) -> int:
        with self.db.atomic():
            self.db.execute("update role_draw set active = 0 where samling_id = ?", [samling_id])
            draw_id = int(
                self.db.table("role_draw")
                .insert(
                    {
                        "samling_id": samling_id,
                        "grouping_id": grouping_id,
                        "created_at": self.stamp(),
                        "seed": seed,
                        "playful": int(playful),
                        "active": 1,
                    }
                )
                .last_pk
                or 0
            )
            self.db.table("role_assignment").insert_all(
                {"draw_id": draw_id, **role._asdict()} for role in roles
            )
        return draw_id

    def current_role_draw(self, samling_id: int) -> RoleDrawRow | None:
        row = self.row(
            "select * from role_draw where samling_id = ? and active = 1 order by id desc",
            [samling_id],
        )
        if row is None:
            return None
        roles = self.rows(
            "select * from role_assignment where draw_id = ? order by rowid", [row["id"]]
        )
        return RoleDrawRow(
            row["id"],
            row["seed"],
            bool(row["playful"]),
            row["grouping_id"],
            tuple(_drawn(r) for r in roles),
        )

    def role_history(self, exclude_samling: int | None = None) -> dict[tuple[int, str], int]:
        """How often each person held each role (by name) in the draws the room used."""
        rows = self.rows(
            """select r.person_id, r.role_name, count(*) as times
               from role_assignment r join role_draw d on d.id = r.draw_id
               where d.active = 1 and d.playful = 0 and r.person_id is not null
                 and d.samling_id is not ?
               group by r.person_id, r.role_name""",
            [exclude_samling],
        )
        found: dict[tuple[int, str], int] = {}
        for r in rows:
            key = (r["person_id"], name_key(r["role_name"]))
            found[key] = found.get(key, 0) + r["times"]
        return found


def _drawn(row: Mapping[str, Any]) -> DrawnRole:
    return DrawnRole(
        row["group_key"],
        row["group_label"] or "",
        row["role_no"],
        row["role_name"],
        row["person_id"],
        row["criterion"] or "",
    )


class _Free(NamedTuple):
    group_position: int
    group_id: int
    person_position: int
    person_id: int


class _RosterBatch:
    """What a roster import writes, worked out in memory before it is written.

    New rows get their ids here (after the largest id in use), so a name or group that
    comes twice in one file finds the row made for its first line, as one query a row
    would.
    """

    def __init__(
        self,
        groups: dict[str, int],
        people: dict[str, list[dict[str, Any]]],
        free: _Free,
        claimed: set[int] | None = None,
    ) -> None:
        self.groups = groups
        self.people = people
        self.free = free
        self.new_groups: list[tuple[int, str, int, str]] = []
        self.old_groups: set[int] = set()
        self.added: list[tuple[int, str, int, str, int | None, str]] = []
        self.updated: dict[int, tuple[int | None, str, int]] = {}
        self.claimed = set() if claimed is None else claimed  # namesakes: one person each

    def group_id(self, name: str) -> int:
        """The group of that name, found (and brought back if retired) or made."""
        key = name_key(name)
        found = self.groups.get(key)
        if found is not None:
            self.old_groups.add(found)
            return found
        free = self.free
        group_id = free.group_id
        self.new_groups.append((group_id, key, free.group_position, name))
        self.free = free._replace(group_id=group_id + 1, group_position=free.group_position + 1)
        self.groups[key] = group_id
        return group_id

    def person(self, name: str, group_id: int | None, email: str) -> None:
        """Add the person, or update the one of that name the row is about (`twin`)."""
        key = name_key(name)
        known = self.people.setdefault(key, [])
        row = self.twin(known, group_id, email)
        if row is None:
            free = self.free
            person_id = free.person_id
            self.added.append((person_id, key, free.person_position, name, group_id, email))
            self.free = free._replace(
                person_id=person_id + 1, person_position=free.person_position + 1
            )
            known.append({"id": person_id, "group_id": group_id, "email": email})
            self.claimed.add(person_id)
            return
        self.claimed.add(row["id"])
        if (row["group_id"], row["email"] or "") == (group_id, email):
            return
        row["group_id"], row["email"] = group_id, email or row["email"] or ""
        self.updated[row["id"]] = (group_id, row["email"], row["id"])

    def twin(
        self, known: list[dict[str, Any]], group_id: int | None, email: str
    ) -> dict[str, Any] | None:
        """The person a roster row is about: someone of that name with the same e-mail,
        else in the same group, else with no other e-mail. A different e-mail is a
        namesake, a new person; so is anyone already matched to another row."""
        found = [r for r in known if r["id"] not in self.claimed]
        address = email.casefold()

        def other_email(row: dict[str, Any]) -> bool:
            return bool(address and row["email"])

        matches = (
            [r for r in found if address and (r["email"] or "").casefold() == address]
            + [r for r in found if r["group_id"] == group_id and not other_email(r)]
            + [r for r in found if not other_email(r)]
        )
        return matches[0] if matches else None
