"""A question with its own answer kind and options: read from the programme file (or
refused with a line number), kept in the store (an older database upgraded in place),
and used wherever a form, a check line, a summary or the export is chosen by kind."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tuiroom.answers import capture
from tuiroom.answers.summaries import summarise
from tuiroom.cli.main import main
from tuiroom.notes.referat import export_samling
from tuiroom.programme.loading import load_programme, read_programme
from tuiroom.store import Store

WriteToml = Callable[..., Path]

PROGRAMME = """
    [programme]
    title = "P"
    language = "{language}"

    [[samling]]
    id = "s1"
    title = "S"

    [[samling.item]]
    time = "08:30 – 09:30"
    title = "Oppgave"

    [[samling.item.exercise]]
    title = "Styrker og utviklingsmål"
    answer = "scale"
    options = ["Gir autonomi og tillit", "Stiller krav"]
    questions = [
      "Hvor er du?",
      {{ text = "Lag deg et eller to utviklingsmål.", answer = "tekst" }},
      {{ text = "Hva er viktigst?", answer = "list" }},
      {{ text = "Fordel 100 poeng", answer = "points", options = ["Tillit", "Mot"] }},
      {{ text = "Hvor godt gjør du dette?", options = [] }},
    ]
    """


def write_programme(write_toml: WriteToml, language: str = "nb", **replace: str) -> Path:
    text = PROGRAMME.format(language=language)
    for old, new in replace.items():
        text = text.replace(old, new)
    return write_toml(text)  # type: ignore[no-any-return]


# ── the programme file ───────────────────────────────────────────────────────


def test_a_question_is_text_or_a_table_with_its_own_answer_and_options(write_toml) -> None:
    exercise = load_programme(write_programme(write_toml)).samlinger[0].items[0].exercises[0]
    assert [q.text for q in exercise.questions][:2] == [
        "Hvor er du?",
        "Lag deg et eller to utviklingsmål.",
    ]
    assert [q.answer for q in exercise.questions] == [None, "text", "list", "points", None]
    assert [q.options for q in exercise.questions] == [None, None, None, ["Tillit", "Mot"], []]


@pytest.mark.parametrize(
    ("replace", "where", "message"),
    [
        (
            {'answer = "list"': 'answer = "liste2"'},
            "viktigst",
            "«liste2» er ikke gyldig her. Velg en av: text, list,",
        ),
        (
            {'answer = "list"': 'anwser = "list"'},
            "viktigst",
            "Ukjent felt «anwser». Mente du «answer»?",
        ),
        ({'"Hvor er du?"': "3"}, "  3,", "Et spørsmål er tekst i anførselstegn, eller en tabell"),
        ({'text = "Hva er viktigst?", ': ""}, '{ answer = "list" }', "«text» mangler"),
    ],
)
def test_a_bad_question_is_named_with_its_line(
    write_toml, capsys, replace: dict[str, str], where: str, message: str
) -> None:
    path = write_programme(write_toml, **replace)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if where in text)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: feil: " in err, err
    assert "questions" in err and message in err
    assert read_programme(path).programme is None


def test_the_message_is_in_the_programmes_language(write_toml, capsys) -> None:
    path = write_programme(write_toml, "en", **{'answer = "list"': 'anwser = "list"'})
    assert main(["check", str(path)]) == 2
    assert 'Unknown field "anwser". Did you mean "answer"?' in capsys.readouterr().err.replace(
        "“", '"'
    ).replace("”", '"')


# ── the store ────────────────────────────────────────────────────────────────


def loaded(store: Store, path: Path) -> list[capture.Slot]:
    store.load(load_programme(path), path, path.read_text("utf-8"))
    return capture.slots(store, store.samlinger()[0].id)


def test_each_question_takes_its_own_kind_else_the_exercises(write_toml, store: Store) -> None:
    slots = loaded(store, write_programme(write_toml))
    assert [s.kind for s in slots] == ["scale", "text", "list", "points", "scale"]
    statements = ("Gir autonomi og tillit", "Stiller krav")
    assert [s.options for s in slots] == [statements, statements, statements, ("Tillit", "Mot"), ()]
    assert {s.exercise.answer for s in slots} == {"scale"}


def test_a_question_added_in_the_room_takes_the_exercises_kind(write_toml, store: Store) -> None:
    slots = loaded(store, write_programme(write_toml))
    added = store.add_question(slots[0].exercise.id, "Fra rommet?")
    slot = next(s for s in capture.slots(store, store.samlinger()[0].id) if s.question == added)
    assert (slot.kind, slot.options) == ("scale", ("Gir autonomi og tillit", "Stiller krav"))


def test_changing_a_questions_kind_in_the_file_keeps_its_answers(write_toml, store) -> None:
    path = write_programme(write_toml)
    slots = loaded(store, path)
    store.save_answer(slots[2].question.id, "RLG", "RLG", {"text": "tillit, respekt"})
    before = store.answers(slots[2].question.id)
    path.write_text(path.read_text().replace('answer = "list"', 'answer = "ranked"'))
    again = loaded(store, path)
    assert again[2].question.id == slots[2].question.id and again[2].kind == "ranked"
    assert store.answers(slots[2].question.id) == before
    assert summarise(store, slots[2].question.id).kind == "ranked"


def test_an_older_database_is_upgraded_in_place_and_keeps_its_answers(
    tmp_path: Path, write_toml
) -> None:
    db = tmp_path / "old.tuiroom.db"
    path = write_programme(write_toml)
    store = Store.open(db)
    slots = loaded(store, path)
    store.save_answer(slots[1].question.id, "RLG", "RLG", {"text": "Lytte mer"})
    store.close()
    # Back to the schema before questions had kinds of their own.
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("alter table question drop column answer")
        conn.execute("alter table question drop column options")
        conn.execute("delete from _sqlite_migrations where name = ?", ["0007_question_answer"])
    conn.close()

    store = Store.open(db)
    try:
        columns = set(store.db["question"].columns_dict)
        assert {"answer", "options"} <= columns
        old = capture.slots(store, store.samlinger()[0].id)
        assert [s.kind for s in old] == ["scale"] * 5  # nothing said otherwise yet
        assert store.answers(slots[1].question.id)[0].fields == {"text": "Lytte mer"}
        again = loaded(store, path)
        assert [s.kind for s in again] == ["scale", "text", "list", "points", "scale"]
        assert [s.question.id for s in again] == [s.question.id for s in slots]
        assert store.answers(slots[1].question.id)[0].fields == {"text": "Lytte mer"}
    finally:
        store.close()


# ── summaries and the export ─────────────────────────────────────────────────


def test_summary_and_export_follow_the_questions_kind(write_toml, store: Store) -> None:
    slots = loaded(store, write_programme(write_toml))
    goal, values = slots[1].question.id, slots[2].question.id
    store.save_answer(goal, "RLG", "RLG", {"text": "Gi tid til oppfølging, ikke bare måling"})
    store.save_answer(values, "RLG", "RLG", {"text": "Tid til oppfølging, ikke bare måling\nMot"})
    store.save_answer(values, "Gygrene", "Gygrene", {"text": "tillit, mot"})
    assert summarise(store, goal).kind == "text" and summarise(store, goal).counts == ()
    summary = summarise(store, values)
    assert summary.kind == "list"
    assert [(c.label, c.count) for c in summary.counts] == [
        ("Mot", 2),
        ("Tid til oppfølging, ikke bare måling", 1),
        ("Tillit", 1),
    ]
    text = export_samling(store, store.samlinger()[0].id)
    assert "| Gruppe | Svar |" in text  # the goals: one text column, not score and reason
    assert "| Tid til oppfølging, ikke bare måling | 1 | RLG |" in text
