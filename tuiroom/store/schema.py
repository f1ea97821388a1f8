"""The database schema, built and upgraded by sqlite-utils migrations.

Never edit a migration that has shipped: add a new one below it. Each runs once, in
a transaction, and is recorded in `_sqlite_migrations`; a database that records a
migration this list does not know was written by a newer tuiroom.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

SET = "tuiroom"
TABLE = "_sqlite_migrations"
Step = Callable[["Database"], None]
STEPS: list[tuple[str, Step]] = []
NAMES: list[str] = []


def migration(name: str) -> Callable[[Step], Step]:
    """Register a migration under `name`; sqlite-utils is imported only to apply them."""

    def register(step: Step) -> Step:
        STEPS.append((name, step))
        NAMES.append(name)
        return step

    return register


@cache
def migrations() -> Migrations:
    """The sqlite-utils migration set, built on first need (an up-to-date database never
    needs it, and sqlite-utils is slow to import)."""
    from sqlite_utils import Migrations

    built = Migrations(SET)
    for name, step in STEPS:
        built(name=name)(step)
    return built


@migration("0001_programme")
def programme_tables(db: Database) -> None:
    """The programme as last loaded from its file, plus key-value settings."""
    db.table("programme").create(
        {
            "id": int,
            "title": str,
            "organisation": str,
            "language": str,
            "roles": str,
            "source": str,
            "source_hash": str,
            "loaded_at": str,
        },
        pk="id",
        not_null={"title"},
    )
    db.table("samling").create(
        {
            "id": int,
            "key": str,
            "position": int,
            "title": str,
            "date": str,
            "theme": str,
            "note": str,
            "retired": int,
        },
        pk="id",
        not_null={"key", "title"},
        defaults={"retired": 0},
    )
    db.table("item").create(
        {
            "id": int,
            "samling_id": int,
            "key": str,
            "position": int,
            "start_min": int,
            "end_min": int,
            "title": str,
            "note": str,
            "kind": str,
            "fixed": int,
            "retired": int,
        },
        pk="id",
        foreign_keys=[("samling_id", "samling", "id")],
        defaults={"retired": 0},
    )
    db.table("exercise").create(
        {
            "id": int,
            "item_id": int,
            "key": str,
            "position": int,
            "title": str,
            "note": str,
            "answer": str,
            "options": str,
            "phases": str,
            "draw_roles": int,
            "take_home": int,
            "retired": int,
        },
        pk="id",
        foreign_keys=[("item_id", "item", "id")],
        defaults={"retired": 0},
    )
    db.table("question").create(
        {
            "id": int,
            "exercise_id": int,
            "key": str,
            "position": int,
            "text": str,
            "origin": str,
            "retired": int,
        },
        pk="id",
        foreign_keys=[("exercise_id", "exercise", "id")],
        defaults={"retired": 0, "origin": "file"},
    )
    db.table("network_group").create(
        {"id": int, "key": str, "position": int, "name": str, "retired": int},
        pk="id",
        not_null={"key", "name"},
        defaults={"retired": 0},
    )
    db.table("person").create(
        {
            "id": int,
            "key": str,
            "position": int,
            "name": str,
            "group_id": int,
            "occasional": int,
            "email": str,
            "origin": str,
            "retired": int,
        },
        pk="id",
        foreign_keys=[("group_id", "network_group", "id")],
        defaults={"retired": 0, "origin": "file", "occasional": 0},
    )
    db.table("meeting").create(
        {"id": int, "group_id": int, "position": int, "date": str, "lead": str},
        pk="id",
        foreign_keys=[("group_id", "network_group", "id")],
    )
    db.table("setting").create({"key": str, "value": str}, pk="key")
    db.table("samling").create_index(["key"], unique=True)
    db.table("network_group").create_index(["key"], unique=True)
    for table, parent in (("item", "samling"), ("exercise", "item"), ("question", "exercise")):
        db.table(table).create_index([f"{parent}_id", "position"])
    db.table("person").create_index(["key"])


@migration("0002_clock")
def clock_tables(db: Database) -> None:
    """Running the day: runs (live or rehearsal), item and exercise timings, cuts, the stage.

    Instants are ISO 8601 strings in UTC; remaining time is always computed from them.
    """
    db.table("programme").add_column("clock", str)
    db.table("run").create(
        {
            "id": int,
            "samling_id": int,
            "mode": str,
            "day": str,
            "origin_real": str,
            "origin_virtual": str,
            "speed": float,
            "autopilot": int,
            "muted": int,
            "paused_at": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("samling_id", "samling", "id")],
        defaults={"speed": 1.0, "autopilot": 0, "muted": 0},
    )
    db.table("item_run").create(
        {
            "run_id": int,
            "item_id": int,
            "started_at": str,
            "deadline": str,
            "ended_at": str,
            "adjust_s": float,
        },
        pk=("run_id", "item_id"),
        foreign_keys=[("run_id", "run", "id"), ("item_id", "item", "id")],
        defaults={"adjust_s": 0.0},
    )
    db.table("exercise_run").create(
        {
            "run_id": int,
            "exercise_id": int,
            "started_at": str,
            "phase": int,
            "phase_started_at": str,
            "ended_at": str,
        },
        pk=("run_id", "exercise_id"),
        foreign_keys=[("run_id", "run", "id"), ("exercise_id", "exercise", "id")],
    )
    db.table("cut").create(
        {"id": int, "run_id": int, "created_at": str, "undone_at": str, "changes": str},
        pk="id",
        foreign_keys=[("run_id", "run", "id")],
    )
    db.table("stage").create(
        {"run_id": int, "kind": str, "payload": str, "updated_at": str},
        pk="run_id",
        foreign_keys=[("run_id", "run", "id")],
    )
    db.table("run").create_index(["samling_id", "mode"])


@migration("0003_programme_warnings")
def programme_warnings(db: Database) -> None:
    """The warnings the programme file gave when it was loaded, to repeat them at start-up
    without reading the file again."""
    db.table("programme").add_column("warnings", str)


@migration("0004_groups")
def group_tables(db: Database) -> None:
    """Attendance, people added or moved in the room, regroupings and role draws.

    A person moved or removed in the room keeps that change when the programme file is
    loaded again; groups and people made in the room are never retired by a reload.
    """
    db.table("network_group").add_column("origin", str, not_null_default="file")
    db.table("person").add_column("moved", int, not_null_default=0)
    db.table("person").add_column("removed", int, not_null_default=0)
    db.table("attendance").create(
        {"samling_id": int, "person_id": int, "present": int, "updated_at": str},
        pk=("samling_id", "person_id"),
        foreign_keys=[("samling_id", "samling", "id"), ("person_id", "person", "id")],
    )
    db.table("pair_rule").create(
        {"id": int, "person_a": int, "person_b": int, "kind": str, "created_at": str},
        pk="id",
        foreign_keys=[("person_a", "person", "id"), ("person_b", "person", "id")],
    )
    db.table("grouping").create(
        {
            "id": int,
            "samling_id": int,
            "created_at": str,
            "seed": int,
            "mode": str,
            "value": int,
            "mix": str,
            "avoid_repeats": int,
            "active": int,
        },
        pk="id",
        foreign_keys=[("samling_id", "samling", "id")],
        defaults={"active": 1},
    )
    db.table("grouping_member").create(
        {"grouping_id": int, "group_no": int, "person_id": int},
        pk=("grouping_id", "person_id"),
        foreign_keys=[("grouping_id", "grouping", "id"), ("person_id", "person", "id")],
    )
    db.table("role_draw").create(
        {
            "id": int,
            "samling_id": int,
            "grouping_id": int,
            "created_at": str,
            "seed": int,
            "playful": int,
            "active": int,
        },
        pk="id",
        foreign_keys=[("samling_id", "samling", "id"), ("grouping_id", "grouping", "id")],
        defaults={"active": 1, "playful": 0},
    )
    db.table("role_assignment").create(
        {
            "draw_id": int,
            "group_key": str,
            "group_label": str,
            "role_no": int,
            "role_name": str,
            "person_id": int,
            "criterion": str,
        },
        pk=("draw_id", "group_key", "role_no"),
        foreign_keys=[("draw_id", "role_draw", "id"), ("person_id", "person", "id")],
    )
    db.table("grouping").create_index(["samling_id", "active"])
    db.table("role_draw").create_index(["samling_id", "active"])


@migration("0005_grouping_item")
def grouping_item(db: Database) -> None:
    """Which agenda item a regrouping was drawn for: drawing again for the same exercise
    replaces the draw, while the groups of earlier exercises stay in the history that
    "avoid repeats" reads."""
    db.table("grouping").add_column("item_id", int)


@migration("0006_answers")
def answers(db: Database) -> None:
    """What the groups answered, one row per question and group, edited in place and
    deleted softly (so a delete can be undone); full-text search over every answer; the
    facilitator's merges of list items, per question."""
    db.table("answer").create(
        {
            "id": int,
            "question_id": int,
            "group_key": str,
            "group_label": str,
            "position": int,
            "fields": str,
            "body": str,
            "created_at": str,
            "changed_at": str,
            "deleted": int,
        },
        pk="id",
        foreign_keys=[("question_id", "question", "id")],
        defaults={"deleted": 0, "position": 0},
    )
    db.table("answer").create_index(["question_id", "group_key"], unique=True)
    db.table("answer").enable_fts(
        ["body", "group_label"], tokenize="unicode61", create_triggers=True
    )
    db.table("merge_link").create(
        {"question_id": int, "key": str, "into_key": str},
        pk=("question_id", "key"),
        foreign_keys=[("question_id", "question", "id")],
    )


@migration("0007_question_answer")
def question_answer(db: Database) -> None:
    """A question's own answer kind and options (JSON); NULL means the exercise's."""
    db.table("question").add_column("answer", str)
    db.table("question").add_column("options", str)


@migration("0008_stage_item")
def stage_item(db: Database) -> None:
    """The item a stage was put up for, and whether the facilitator pinned it: an unpinned
    stage gives way to the clock when the day moves to another item."""
    db.table("stage").add_column("item_id", int)
    db.table("stage").add_column("pinned", int, not_null_default=0)


@migration("0009_day_changes")
def day_changes(db: Database) -> None:
    """What the facilitator changed in the agenda on the day (added, removed, moved,
    renamed, lengths, starts, phase minutes), per run, undone softly. An item added on the
    day is an item row that belongs to its run (`run_id`): the programme's own items have
    none, so a reload of the file and every other run leave it alone."""
    db.table("item").add_column("run_id", int)
    db.table("day_change").create(
        {
            "id": int,
            "run_id": int,
            "kind": str,
            "item_id": int,
            "value": str,
            "created_at": str,
            "undone_at": str,
        },
        pk="id",
        foreign_keys=[("run_id", "run", "id"), ("item_id", "item", "id")],
        not_null={"kind"},
    )
    db.table("day_change").create_index(["run_id", "undone_at"])
