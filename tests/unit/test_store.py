"""The store: schema migrations, a faithful round-trip of the programme, and reloads
that keep every id (and everything captured against it) stable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SELJORD
from tuiroom.programme.loading import load_programme
from tuiroom.programme.models import Programme
from tuiroom.store import Store
from tuiroom.store.records import (
    ExerciseRow,
    MeetingRow,
    PhaseSpec,
    ProgrammeRow,
    QuestionRow,
)
from tuiroom.store.schema import NAMES, migrations

TABLES = (
    "programme",
    "samling",
    "item",
    "exercise",
    "question",
    "network_group",
    "person",
    "meeting",
    "setting",
)


# ── helpers ──────────────────────────────────────────────────────────────────────────


def dump(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every table of the database (schema included), every row, in rowid order."""
    conn = store.db.conn
    names = [
        r[0]
        for r in conn.execute("select name from sqlite_master where type = 'table' order by name")
    ]
    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        try:
            cur = conn.execute(f"select * from [{name}] order by rowid")
        except sqlite3.OperationalError:  # full-text search keeps tables without rowid
            cur = conn.execute(f"select * from [{name}] order by 1")
        cols = [c[0] for c in cur.description]
        out[name] = [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    cur = conn.execute("select type, name, tbl_name, sql from sqlite_master order by type, name")
    out["<sqlite_master>"] = [
        dict(zip(("type", "name", "tbl_name", "sql"), r, strict=True)) for r in cur.fetchall()
    ]
    return out


def load_file(store: Store, path: Path) -> Programme:
    programme = load_programme(path)
    store.load(programme, path, path.read_text("utf-8"))
    return programme


def rows(
    store: Store, table: str, where: str = "1", args: list[Any] | None = None
) -> list[dict[str, Any]]:
    return list(store.db[table].rows_where(where, args or [], order_by="rowid"))


def one(store: Store, table: str, where: str, args: list[Any]) -> dict[str, Any]:
    found = rows(store, table, where, args)
    assert len(found) == 1, f"{table} where {where} {args}: {found}"
    return found[0]


def item_ids(store: Store, samling_id: int) -> dict[str, int]:
    return {i.title: i.id for i in store.items(samling_id)}


def person_ids(store: Store) -> dict[str, int]:
    return {r["name"]: r["id"] for r in rows(store, "person")}


# A small programme that the edit tests vary.
BASE = """
[programme]
title = "Testprogram"
organisation = "Testkommune"
roles = ["Ordstyrer", "Viddevakt", "Sekretær"]

[[group]]
name = "Alfa"
members = ["Anna Aas", "Bjørn Bø", "(Cecilie Dahl)"]
meetings = ["11.05.23 EL", "?"]

[[group]]
name = "Beta"
members = ["Dag Dal", "Eva Ek"]
meetings = ["16.05.23 FL"]

[[samling]]
id = "s1"
title = "Samling 1"

[[samling.item]]
time = "09:00"
title = "Velkommen"

[[samling.item]]
time = "09:30"
title = "Arbeid"

[[samling.item.exercise]]
title = "Oppgave"
questions = ["Første spørsmål?", "Andre spørsmål?"]

[[samling.item]]
time = "10:30"
title = "Pause"

[[samling.item]]
time = "10:45"
title = "Oppsummering"

[[samling.item.exercise]]
title = "Evaluering"
questions = ["Hva var bra?"]

[[samling.item]]
time = "11:30"
title = "Slutt"
kind = "end"
"""


@pytest.fixture
def base_store(store: Store, write_toml: Callable[..., Path]) -> Store:
    load_file(store, write_toml(BASE))
    return store


def s1(store: Store) -> int:
    samling = store.samling_by_key("s1")
    assert samling is not None
    return samling.id


# ── migrations ───────────────────────────────────────────────────────────────────────


def test_open_new_file_creates_every_table_and_records_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    assert not path.exists()
    store = Store.open(path)
    try:
        assert path.is_file()
        tables = set(store.db.table_names())
        assert set(TABLES) <= tables
        assert "_sqlite_migrations" in tables
        recorded = [
            tuple(r)
            for r in store.db.conn.execute(
                "select migration_set, name from _sqlite_migrations order by id"
            )
        ]
        assert recorded == [("tuiroom", name) for name in NAMES]
        assert NAMES  # the schema registers at least one migration
        assert migrations().pending(store.db) == []
        # Every table starts empty.
        for table in TABLES:
            assert store.db[table].count == 0, table
    finally:
        store.close()


def test_columns_of_the_new_schema(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new.db")
    try:
        item = store.db["item"]
        assert set(item.columns_dict) == {
            "id",
            "samling_id",
            "key",
            "position",
            "start_min",
            "end_min",
            "title",
            "note",
            "kind",
            "fixed",
            "retired",
            "run_id",  # 0009: an item added on the day belongs to its run
        }
        assert {fk.other_table for fk in item.foreign_keys} == {"samling"}
        assert {fk.other_table for fk in store.db["question"].foreign_keys} == {"exercise"}
        assert store.db["setting"].pks == ["key"]
    finally:
        store.close()


def test_opening_again_applies_nothing_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    first = Store.open(path)
    first.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    first.set_setting("theme", "dark")
    before = dump(first)
    first.close()

    second = Store.open(path)
    try:
        after = dump(second)
        assert migrations().pending(second.db) == []
    finally:
        second.close()
    assert after == before
    # applied_at of every migration is the original one: nothing was re-applied.
    assert [r["name"] for r in after["_sqlite_migrations"]] == NAMES


def test_memory_store_has_the_same_schema_as_a_file(tmp_path: Path, store: Store) -> None:
    file_store = Store.open(tmp_path / "f.db")
    try:
        schema = lambda s: sorted(  # noqa: E731
            r
            for r in s.db.conn.execute(
                "select type, name, sql from sqlite_master where name not like 'sqlite_%'"
            )
        )
        assert schema(store) == schema(file_store)
    finally:
        file_store.close()


# ── round trip ───────────────────────────────────────────────────────────────────────


def test_samlinger_in_order(seljord_store: Store, seljord: Programme) -> None:
    found = seljord_store.samlinger()
    assert [(s.key, s.position, s.title) for s in found] == [
        ("s1", 0, "Samling 1"),
        ("s3", 1, "Samling 3"),
    ]
    first, third = found
    assert first.date is None and first.theme == "" and first.note == ""
    assert third.date == dt.date(2023, 9, 21)
    assert third.theme == "Mestringsorientert ledelse"
    assert third.note == "Mellomarbeid: eget utviklingsprosjekt"
    assert seljord_store.samling(third.id) == third
    assert seljord_store.samling_by_key("s3") == third
    model = [(s.title, s.date, s.theme, s.note) for s in seljord.samlinger]
    assert [(s.title, s.date, s.theme, s.note) for s in found] == model


def test_items_of_samling_3(seljord_store: Store, seljord: Programme) -> None:
    s3 = seljord_store.samling_by_key("s3")
    assert s3 is not None
    items = seljord_store.items(s3.id)
    assert len(items) == 8
    assert [i.position for i in items] == list(range(8))
    assert all(i.samling_id == s3.id for i in items)
    assert [(i.start, i.end) for i in items] == [
        (510, 540),
        (540, 570),
        (570, 585),
        (585, 645),
        (645, 660),
        (660, 690),
        (690, 735),
        (735, 900),
    ]
    assert [i.kind for i in items] == [
        "exercise",
        "exercise",
        "break",
        "exercise",
        "break",
        "talk",
        "lunch",
        "exercise",
    ]
    assert [i.fixed for i in items] == [False] * 6 + [True, False]
    assert items[0].title == "Velkommen!" and items[0].note == "Påkobling siden sist"
    model = seljord.find_samling("s3")
    assert model is not None
    assert [(i.title, i.note, i.start, i.end, i.kind, i.fixed) for i in items] == [
        (m.title, m.note, m.start, m.end, m.kind_name, m.is_fixed) for m in model.items
    ]


def test_items_of_samling_1_follow_the_model(seljord_store: Store, seljord: Programme) -> None:
    s1_row = seljord_store.samling_by_key("s1")
    assert s1_row is not None
    items = seljord_store.items(s1_row.id)
    model = seljord.samlinger[0].items
    assert [(i.title, i.start, i.end, i.kind, i.fixed) for i in items] == [
        (m.title, m.start, m.end, m.kind_name, m.is_fixed) for m in model
    ]
    assert items[-1].kind == "end" and items[-1].fixed is True
    assert (items[-1].start, items[-1].end) == (930, 930)


def _phase_spec(phase: Any) -> PhaseSpec:
    return PhaseSpec(
        phase.form, phase.minutes, phase.title, phase.wait, phase.present, phase.comment
    )


def test_exercises_of_samling_3(seljord_store: Store, seljord: Programme) -> None:
    s3 = seljord_store.samling_by_key("s3")
    assert s3 is not None
    items = seljord_store.items(s3.id)
    by_item = seljord_store.exercises(s3.id)
    model = seljord.find_samling("s3")
    assert model is not None

    # One entry per item that has exercises, keyed by that item's id.
    expected_items = {i.id for i, m in zip(items, model.items, strict=True) if m.exercises}
    assert set(by_item) == expected_items
    for item, model_item in zip(items, model.items, strict=True):
        found = by_item.get(item.id, [])
        assert [e.title for e in found] == [e.title for e in model_item.exercises]
        for position, (row, exercise) in enumerate(zip(found, model_item.exercises, strict=True)):
            assert isinstance(row, ExerciseRow)
            assert row.item_id == item.id and row.position == position
            assert row.note == exercise.note
            assert row.answer == exercise.answer
            assert row.options == tuple(exercise.options)
            assert row.phases == tuple(_phase_spec(p) for p in exercise.phases)
            assert row.draw_roles == exercise.draw_roles
            assert row.take_home == exercise.take_home
            assert [q.text for q in row.questions] == [q.text for q in exercise.questions]
            assert [(q.answer or None, q.options) for q in row.questions] == [
                (q.answer, None if q.options is None else tuple(q.options))
                for q in exercise.questions
            ]
            assert [q.position for q in row.questions] == list(range(len(exercise.questions)))
            assert all(q.origin == "file" for q in row.questions)

    # Spelled out, so a model and a store that agree on something wrong still fail.
    velkommen, mestring = by_item[items[0].id], by_item[items[1].id]
    assert velkommen[0].phases == (PhaseSpec("duo", 7, "Snakk sammen i duoer"),)
    assert velkommen[1].take_home is True and velkommen[1].answer == "text"
    assert [q.text for q in velkommen[1].questions][-1] == "Problemstilling til kollegaveiledning"
    scale = mestring[1]
    assert scale.answer == "scale"
    assert scale.options == (
        "Gir autonomi og tillit",
        "Gir konkrete og nyttige tilbakemeldinger",
        "Stiller krav",
        "Tydelige forventninger",
        "Gir anerkjennelse",
        "Bruker et inspirerende positivt språk",
        "Støtte til å forbedre ytelse",
        "Inspirerer og motiverer",
        "Ser ansatte",
    )
    assert [p.form for p in scale.phases] == ["individual", "round-robin", "group", "plenum"]
    assert scale.phases[0].minutes == 7 and scale.phases[1].minutes is None

    platform = by_item[items[7].id]
    assert [e.answer for e in platform] == [
        "diamond",
        "text",
        "points",
        "list",
        "text",
        "evaluation",
    ]
    assert platform[0].draw_roles is True
    assert [e.draw_roles for e in platform[1:]] == [False] * 5
    assert [e.take_home for e in platform] == [False, False, False, False, True, False]
    gallery = platform[3].phases[2]
    assert gallery == PhaseSpec("gallery", 20, "Gallerivandring", present=1, comment=3)
    assert platform[3].phases[3] == PhaseSpec("plenum", 5, "Oppsummering")
    top_three = platform[1]
    assert [top_three.answer_of(q) for q in top_three.questions] == ["ranked", "text"]
    evaluation = platform[5]
    assert [(q.text, evaluation.answer_of(q)) for q in evaluation.questions] == [
        ("Hva synes dere har vært bra med dagens samling, og hvorfor?", "evaluation"),
        ("Hva ønsker dere mer av den siste samlingen, og hvordan?", "text"),
    ]
    assert all(isinstance(q, QuestionRow) for q in evaluation.questions)
    assert [scale.answer_of(q) for q in scale.questions] == ["scale", "text", "text"]
    assert [scale.options_of(q) for q in scale.questions] == [scale.options] * 3


def test_groups_members_and_meetings(seljord_store: Store, seljord: Programme) -> None:
    groups = seljord_store.groups()
    assert [g.name for g in groups] == [
        "Stjernelaget",
        "Blåveis",
        "Einingsleiarane",
        "Godt og blanda",
        "RLG",
        "Gygrene",
    ]
    assert [g.position for g in groups] == list(range(6))
    for group, model in zip(groups, seljord.groups, strict=True):
        assert [(m.name, m.occasional, m.email) for m in group.members] == [
            (m.name, m.occasional, m.email) for m in model.members
        ]
        assert all(m.group_id == group.id for m in group.members)
        assert group.meetings == tuple(MeetingRow(m.date, m.lead) for m in model.meetings)

    blaaveis, gygrene = groups[1], groups[5]
    assert [(m.name, m.occasional) for m in blaaveis.members][-1] == ("Randi Moheim", True)
    assert sum(m.occasional for m in blaaveis.members) == 1
    assert [m.name for m in gygrene.members if m.occasional] == ["Guri Lundefaret"]
    assert len(groups[2].members) == 7
    assert blaaveis.meetings == (
        MeetingRow(dt.date(2023, 5, 16), "EL"),
        MeetingRow(dt.date(2023, 6, 16), "EL"),
        MeetingRow(None, ""),
        MeetingRow(dt.date(2023, 12, 8), "EL"),
    )
    assert gygrene.meetings[1] == MeetingRow(dt.date(2023, 6, 20), "")
    assert groups[4].meetings[2].date is None
    # 33 people, all from the file.
    assert sum(len(g.members) for g in groups) == 33
    assert {r["origin"] for r in rows(seljord_store, "person")} == {"file"}


def test_programme_header(seljord_store: Store) -> None:
    assert seljord_store.programme() == ProgrammeRow(
        "Lederutviklingsprogram",
        "Seljord kommune",
        "nb",
        ("Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum"),
        str(SELJORD),
    )
    row = one(seljord_store, "programme", "id = ?", [1])
    assert len(row["source_hash"]) == 64
    assert dt.datetime.fromisoformat(row["loaded_at"]).tzinfo is not None


def test_empty_store_reads_nothing(store: Store) -> None:
    assert store.programme() is None
    assert store.samlinger() == []
    assert store.groups() == []
    assert store.items(1) == []
    assert store.exercises(1) == {}


# ── idempotent loading ───────────────────────────────────────────────────────────────

SENTINEL = "2000-01-01T00:00:00+00:00"


def test_loading_the_same_file_twice_changes_nothing(
    seljord_store: Store, seljord: Programme
) -> None:
    # Mark loaded_at so a rewrite would show even within the same second.
    seljord_store.db["programme"].update(1, {"loaded_at": SENTINEL})
    seljord_store.db.conn.commit()
    before = dump(seljord_store)
    assert len(before["question"]) > 0 and len(before["meeting"]) == 24

    seljord_store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    after = dump(seljord_store)
    assert after == before
    assert one(seljord_store, "programme", "id = 1", [])["loaded_at"] == SENTINEL

    # And once more with the very same model object.
    seljord_store.load(seljord, SELJORD, SELJORD.read_text("utf-8"))
    assert dump(seljord_store) == before


def test_loaded_at_changes_when_the_file_changes(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    base_store.db["programme"].update(1, {"loaded_at": SENTINEL})
    load_file(base_store, write_toml(BASE + "\n# a comment changes the bytes\n"))
    row = one(base_store, "programme", "id = 1", [])
    assert row["loaded_at"] != SENTINEL
    assert dt.datetime.fromisoformat(row["loaded_at"]).year >= 2024


def test_reloading_an_edited_file_twice_is_idempotent(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    edited = write_toml(
        BASE.replace('title = "Arbeid"', 'title = "Gruppearbeid"').replace(
            'members = ["Dag Dal", "Eva Ek"]', 'members = ["Dag Dal"]'
        ),
        "edited.toml",
    )
    load_file(base_store, edited)
    before = dump(base_store)
    load_file(base_store, edited)
    assert dump(base_store) == before


def test_idempotent_in_a_file_store(tmp_path: Path) -> None:
    path = tmp_path / "idem.db"
    store = Store.open(path)
    store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    before = dump(store)
    store.close()
    store = Store.open(path)
    try:
        store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
        assert dump(store) == before
    finally:
        store.close()


# ── reloading an edited file ─────────────────────────────────────────────────────────


def _question(store: Store, text: str) -> dict[str, Any]:
    return one(store, "question", "text = ?", [text])


def test_renamed_question_keeps_its_id(base_store: Store, write_toml: Callable[..., Path]) -> None:
    first = _question(base_store, "Første spørsmål?")
    second = _question(base_store, "Andre spørsmål?")
    load_file(
        base_store,
        write_toml(BASE.replace('"Andre spørsmål?"', '"Andre spørsmål, skrevet om?"'), "v2.toml"),
    )
    renamed = one(base_store, "question", "id = ?", [second["id"]])
    assert renamed["text"] == "Andre spørsmål, skrevet om?"
    assert renamed["retired"] == 0 and renamed["position"] == 1
    assert one(base_store, "question", "id = ?", [first["id"]]) == first
    # Nothing new was inserted, nothing retired.
    assert len(rows(base_store, "question")) == 3
    assert rows(base_store, "question", "retired = 1") == []
    exercise = base_store.exercises(s1(base_store))
    texts = [q.text for ex in exercise.values() for e in ex for q in e.questions]
    assert texts == ["Første spørsmål?", "Andre spørsmål, skrevet om?", "Hva var bra?"]


def test_reordered_agenda_keeps_item_ids(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    before = item_ids(base_store, s1(base_store))
    exercise_ids = {r["title"]: r["id"] for r in rows(base_store, "exercise")}
    reordered = """
    [programme]
    title = "Testprogram"
    organisation = "Testkommune"
    roles = ["Ordstyrer", "Viddevakt", "Sekretær"]

    [[group]]
    name = "Alfa"
    members = ["Anna Aas", "Bjørn Bø", "(Cecilie Dahl)"]
    meetings = ["11.05.23 EL", "?"]

    [[group]]
    name = "Beta"
    members = ["Dag Dal", "Eva Ek"]
    meetings = ["16.05.23 FL"]

    [[samling]]
    id = "s1"
    title = "Samling 1"

    [[samling.item]]
    time = "09:00"
    title = "Oppsummering"

    [[samling.item.exercise]]
    title = "Evaluering"
    questions = ["Hva var bra?"]

    [[samling.item]]
    time = "09:45"
    title = "Pause"

    [[samling.item]]
    time = "10:00"
    title = "Velkommen"

    [[samling.item]]
    time = "10:30"
    title = "Arbeid"

    [[samling.item.exercise]]
    title = "Oppgave"
    questions = ["Første spørsmål?", "Andre spørsmål?"]

    [[samling.item]]
    time = "11:30"
    title = "Slutt"
    kind = "end"
    """
    load_file(base_store, write_toml(reordered, "reordered.toml"))
    items = base_store.items(s1(base_store))
    assert [i.title for i in items] == ["Oppsummering", "Pause", "Velkommen", "Arbeid", "Slutt"]
    assert {i.title: i.id for i in items} == before
    assert [(i.start, i.end) for i in items] == [
        (540, 585),
        (585, 600),
        (600, 630),
        (630, 690),
        (690, 690),
    ]
    assert {r["title"]: r["id"] for r in rows(base_store, "exercise")} == exercise_ids
    assert rows(base_store, "item", "retired = 1") == []
    # Each exercise still hangs off the item with its title.
    by_item = base_store.exercises(s1(base_store))
    assert [e.title for e in by_item[before["Oppsummering"]]] == ["Evaluering"]
    assert [e.title for e in by_item[before["Arbeid"]]] == ["Oppgave"]


def test_new_item_is_inserted(base_store: Store, write_toml: Callable[..., Path]) -> None:
    before = item_ids(base_store, s1(base_store))
    edited = BASE.replace(
        '[[samling.item]]\ntime = "10:30"\ntitle = "Pause"',
        '[[samling.item]]\ntime = "10:15"\ntitle = "Nytt innlegg"\n\n'
        '[[samling.item]]\ntime = "10:30"\ntitle = "Pause"',
    )
    assert edited != BASE
    load_file(base_store, write_toml(edited, "new.toml"))
    items = base_store.items(s1(base_store))
    assert [i.title for i in items] == [
        "Velkommen",
        "Arbeid",
        "Nytt innlegg",
        "Pause",
        "Oppsummering",
        "Slutt",
    ]
    after = {i.title: i.id for i in items}
    assert {k: after[k] for k in before} == before
    assert after["Nytt innlegg"] not in before.values()
    new = items[2]
    assert (new.position, new.start, new.end, new.kind) == (2, 615, 630, "talk")
    assert len(rows(base_store, "item")) == 6


def test_removed_item_is_retired_and_keeps_its_exercises(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    samling_id = s1(base_store)
    before = item_ids(base_store, samling_id)
    arbeid = before["Arbeid"]
    exercise = one(base_store, "exercise", "item_id = ?", [arbeid])
    questions = rows(base_store, "question", "exercise_id = ?", [exercise["id"]])
    assert len(questions) == 2
    edited = BASE.replace(
        '[[samling.item]]\ntime = "09:30"\ntitle = "Arbeid"\n\n[[samling.item.exercise]]\n'
        'title = "Oppgave"\nquestions = ["Første spørsmål?", "Andre spørsmål?"]\n',
        "",
    )
    assert "Arbeid" not in edited
    load_file(base_store, write_toml(edited, "removed.toml"))

    row = one(base_store, "item", "id = ?", [arbeid])
    assert row["retired"] == 1 and row["title"] == "Arbeid"
    items = base_store.items(samling_id)
    assert [i.title for i in items] == ["Velkommen", "Pause", "Oppsummering", "Slutt"]
    assert arbeid not in {i.id for i in items}
    assert {i.title: i.id for i in items} == {k: v for k, v in before.items() if k != "Arbeid"}
    # Its exercise and questions stay in the database, unchanged, but are not shown.
    assert one(base_store, "exercise", "id = ?", [exercise["id"]]) == exercise
    assert rows(base_store, "question", "exercise_id = ?", [exercise["id"]]) == questions
    assert arbeid not in base_store.exercises(samling_id)
    assert [e.title for es in base_store.exercises(samling_id).values() for e in es] == [
        "Evaluering"
    ]
    # Putting it back revives the same row.
    load_file(base_store, write_toml(BASE, "back.toml"))
    assert item_ids(base_store, samling_id) == before
    assert one(base_store, "item", "id = ?", [arbeid])["retired"] == 0


def test_member_moved_to_another_group_keeps_person_id(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    people = person_ids(base_store)
    groups = {g.name: g.id for g in base_store.groups()}
    edited = BASE.replace(
        '["Anna Aas", "Bjørn Bø", "(Cecilie Dahl)"]', '["Anna Aas", "(Cecilie Dahl)"]'
    ).replace('["Dag Dal", "Eva Ek"]', '["Dag Dal", "Eva Ek", "Bjørn Bø"]')
    load_file(base_store, write_toml(edited, "moved.toml"))
    bjorn = one(base_store, "person", "name = ?", ["Bjørn Bø"])
    assert bjorn["id"] == people["Bjørn Bø"]
    assert bjorn["group_id"] == groups["Beta"]
    assert bjorn["retired"] == 0
    assert person_ids(base_store) == people
    members = {g.name: [m.name for m in g.members] for g in base_store.groups()}
    assert members == {
        "Alfa": ["Anna Aas", "Cecilie Dahl"],
        "Beta": ["Dag Dal", "Eva Ek", "Bjørn Bø"],
    }


def test_removed_member_is_retired_not_deleted(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    eva = one(base_store, "person", "name = ?", ["Eva Ek"])
    load_file(
        base_store, write_toml(BASE.replace('["Dag Dal", "Eva Ek"]', '["Dag Dal"]'), "removed.toml")
    )
    after = one(base_store, "person", "id = ?", [eva["id"]])
    assert after == {**eva, "retired": 1}
    beta = next(g for g in base_store.groups() if g.name == "Beta")
    assert [m.name for m in beta.members] == ["Dag Dal"]
    assert len(rows(base_store, "person")) == 5


def test_room_question_survives_a_reload(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    exercise = one(base_store, "exercise", "title = ?", ["Oppgave"])
    room_id = int(
        base_store.db["question"]
        .insert(
            {
                "exercise_id": exercise["id"],
                "key": "fra rommet?",
                "position": 2,
                "text": "Fra rommet?",
                "origin": "room",
            }
        )
        .last_pk
    )
    base_store.db.conn.commit()
    room = one(base_store, "question", "id = ?", [room_id])

    # The file drops one question and rewrites the other; the room's question stays.
    edited = BASE.replace('["Første spørsmål?", "Andre spørsmål?"]', '["Helt nytt spørsmål?"]')
    load_file(base_store, write_toml(edited, "room.toml"))
    assert one(base_store, "question", "id = ?", [room_id]) == room
    # And again with the room's text in the file itself.
    edited = BASE.replace(
        '["Første spørsmål?", "Andre spørsmål?"]',
        '["Første spørsmål?", "Andre spørsmål?", "Fra rommet?"]',
    )
    load_file(base_store, write_toml(edited, "room2.toml"))
    assert one(base_store, "question", "id = ?", [room_id]) == room
    shown = base_store.exercises(s1(base_store))
    oppgave = next(e for es in shown.values() for e in es if e.title == "Oppgave")
    assert QuestionRow(room_id, 2, "Fra rommet?", "room") in oppgave.questions


def test_room_person_survives_a_reload(base_store: Store, write_toml: Callable[..., Path]) -> None:
    alfa = next(g for g in base_store.groups() if g.name == "Alfa")
    guest_id = int(
        base_store.db["person"]
        .insert(
            {
                "key": "gjest gjestesen",
                "position": 99,
                "name": "Gjest Gjestesen",
                "group_id": alfa.id,
                "origin": "room",
            }
        )
        .last_pk
    )
    guest = one(base_store, "person", "id = ?", [guest_id])
    load_file(base_store, write_toml(BASE.replace('"Anna Aas", ', ""), "guest.toml"))
    assert one(base_store, "person", "id = ?", [guest_id]) == guest
    assert one(base_store, "person", "name = ?", ["Anna Aas"])["retired"] == 1


def test_renamed_samling_with_same_id_keeps_samling_id(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    before = s1(base_store)
    items = item_ids(base_store, before)
    load_file(
        base_store,
        write_toml(BASE.replace('title = "Samling 1"', 'title = "Første samling"'), "renamed.toml"),
    )
    found = base_store.samlinger()
    assert [(s.id, s.key, s.title) for s in found] == [(before, "s1", "Første samling")]
    assert len(rows(base_store, "samling")) == 1
    assert item_ids(base_store, before) == items


def test_meetings_are_replaced_to_match_the_file(
    base_store: Store, write_toml: Callable[..., Path]
) -> None:
    groups = {g.name: g.id for g in base_store.groups()}
    edited = BASE.replace(
        'meetings = ["11.05.23 EL", "?"]', 'meetings = ["03.11.23 FL", "04.12.23 EL", "08.12.23"]'
    ).replace('meetings = ["16.05.23 FL"]', "meetings = []")
    load_file(base_store, write_toml(edited, "meetings.toml"))
    shown = {g.name: g.meetings for g in base_store.groups()}
    assert shown == {
        "Alfa": (
            MeetingRow(dt.date(2023, 11, 3), "FL"),
            MeetingRow(dt.date(2023, 12, 4), "EL"),
            MeetingRow(dt.date(2023, 12, 8), ""),
        ),
        "Beta": (),
    }
    assert [
        (r["group_id"], r["position"], r["date"], r["lead"]) for r in rows(base_store, "meeting")
    ] == [
        (groups["Alfa"], 0, "2023-11-03", "FL"),
        (groups["Alfa"], 1, "2023-12-04", "EL"),
        (groups["Alfa"], 2, "2023-12-08", ""),
    ]


# ── settings and pragmas ─────────────────────────────────────────────────────────────


def test_settings_round_trip_and_default(store: Store) -> None:
    assert store.setting("theme") == ""
    assert store.setting("theme", "light") == "light"
    store.set_setting("theme", "dark")
    assert store.setting("theme") == "dark"
    assert store.setting("theme", "light") == "dark"
    store.set_setting("theme", "høykontrast")
    assert store.setting("theme") == "høykontrast"
    assert rows(store, "setting", "1") == [{"key": "theme", "value": "høykontrast"}]
    store.set_setting("empty", "")
    assert store.setting("empty", "fallback") == ""


def test_settings_persist_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.db"
    store = Store.open(path)
    store.set_setting("language", "nn")
    store.close()
    store = Store.open(path)
    try:
        assert store.setting("language") == "nn"
    finally:
        store.close()


def test_wal_mode_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "pragma.db"
    store = Store.open(path)
    try:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            store.db["item"].insert({"samling_id": 12345, "key": "x", "position": 0, "title": "x"})
    finally:
        store.close()
    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite3.connect(path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


# ── keys that must stay apart ────────────────────────────────────────────────────────


def test_repeated_question_texts_survive_a_reload(
    store: Store, write_toml: Callable[..., Path]
) -> None:
    """keys_for() gives a repeated text the key "text#2"; a question whose own text is
    "text#2" must not collide with it, or a reload merges two questions into one."""
    path = write_toml("""
    [programme]
    title = "Gjentak"

    [[samling]]
    id = "s1"
    title = "Samling 1"

    [[samling.item]]
    time = "09:00 – 10:00"
    title = "Runde"

    [[samling.item.exercise]]
    title = "Runde"
    questions = ["Hva nå?", "Hva nå?", "Hva nå?#2"]
    """)
    load_file(store, path)
    before = dump(store)
    shown = [q.text for es in store.exercises(s1(store)).values() for e in es for q in e.questions]
    assert shown == ["Hva nå?", "Hva nå?", "Hva nå?#2"]

    load_file(store, path)
    shown = [
        (q.id, q.text)
        for es in store.exercises(s1(store)).values()
        for e in es
        for q in e.questions
    ]
    assert [text for _, text in shown] == ["Hva nå?", "Hva nå?", "Hva nå?#2"]
    assert dump(store) == before


def test_group_names_the_checker_accepts_can_be_loaded(
    store: Store, write_toml: Callable[..., Path]
) -> None:
    """The checker tells group names apart by casefold().strip(); the store keys them by
    slug(), which also folds inner whitespace. A file must not pass the one and break
    the other."""
    from tuiroom.programme.loading import read_programme

    path = write_toml("""
    [programme]
    title = "Mellomrom"

    [[group]]
    name = "Blå veis"
    members = ["Anna Aas"]

    [[group]]
    name = "Blå  veis"
    members = ["Bjørn Bø"]

    [[samling]]
    id = "s1"
    title = "Samling 1"

    [[samling.item]]
    time = "09:00 – 10:00"
    title = "Velkommen"
    """)
    result = read_programme(path)
    if result.programme is None:  # rejecting the file up front is a fine answer too
        assert [p.code for p in result.errors] == ["duplicate_group"]
        return
    store.load(result.programme, path, path.read_text("utf-8"))
    groups = store.groups()
    assert [g.name for g in groups] == ["Blå veis", "Blå  veis"]
    assert [[m.name for m in g.members] for g in groups] == [["Anna Aas"], ["Bjørn Bø"]]
