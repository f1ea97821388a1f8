"""A long burst of plenum typing in a real terminal: nothing typed is lost, lands in the
wrong place or turns into a command.

The installed `tuiroom` runs in tmux on a copy of the example day, with a HOME and a
working folder of its own. A fixed, seeded burst of several hundred keys (letters with
t and e among them, æøå, digits, punctuation, Enter inside the answers) goes to four
groups and two questions, with Esc → 1 → 3 trips to the agenda in between and the
first keys after each trip being app keys elsewhere (t, e, digits). Afterwards the
database holds exactly what was typed, no file appeared, and the theme is unchanged.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux
from tuiroom.answers import capture
from tuiroom.store import Store

pytestmark = pytest.mark.e2e

AGENDA = "Denne samlingen er"  # Samling 3 opened on another day than its date
PLENUM = "bytter spørsmål"  # the line over the question, in plenum only
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
OTHERS = "0123456789,.:;!?-()'"


def words(rng: random.Random, count: int) -> str:
    """Lines of words and numbers with punctuation, as a sekretær reads them out."""
    lines: list[str] = []
    for _ in range(count):
        line = " ".join(
            "".join(rng.choice(LETTERS if rng.random() < 0.8 else OTHERS) for _ in range(n))
            for n in (rng.randint(1, 9) for _ in range(rng.randint(3, 7)))
        )
        lines.append(line)
    return "\n".join(lines)


def type_text(term: Tmux, text: str) -> None:
    """Literal text line by line, Enter between lines. tmux reads an argument ending in
    ";" as the end of its command, so a final ";" goes escaped."""
    for n, line in enumerate(text.split("\n")):
        if n:
            term.tmux("send-keys", "-t", "main", "Enter")
        if line:
            literal = line[:-1] + "\\;" if line.endswith(";") else line
            term.tmux("send-keys", "-t", "main", "-l", "--", literal)


def key(term: Tmux, name: str) -> None:
    term.tmux("send-keys", "-t", "main", name)


def saved(db: Path) -> dict[tuple[int, str], str]:
    """Every answer in the database, by (question number, group), as a fresh reader sees it."""
    store = Store.reader(db)
    try:
        samling = next(s.id for s in store.samlinger() if s.key == "s3")
        numbers = {slot.question.id: n for n, slot in enumerate(capture.slots(store, samling))}
        found: dict[tuple[int, str], str] = {}
        for question in store.answered_questions(samling):
            for answer in store.answers(question):
                assert set(answer.fields) == {"text"}, answer.fields
                found[(numbers[question], answer.group_label)] = answer.fields["text"]
        return found
    finally:
        store.close()


def theme(db: Path) -> str | None:
    store = Store.reader(db)
    try:
        return store.setting("theme", None)
    finally:
        store.close()


def groups(db: Path) -> list[str]:
    store = Store.reader(db)
    try:
        samling = next(s.id for s in store.samlinger() if s.key == "s3")
        return [s.label for s in capture.network_speakers(store.roster(samling))]
    finally:
        store.close()


def files(*folders: Path) -> set[Path]:
    return {path for folder in folders for path in folder.rglob("*")}


def wait_saved(db: Path, expected: dict[tuple[int, str], str], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    found = saved(db)
    while found != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        found = saved(db)
    assert found == expected


def test_a_burst_across_groups_and_questions_is_saved_exactly(
    terms: list[Tmux], programme: Path, tmp_path: Path
) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    db = tmp_path / "burst.db"
    term = Tmux(120, 35)
    terms.append(term)
    term.start(
        ["run", str(programme), "--db", str(db), "--session", "s3"],
        env={"HOME": str(home)},
        cwd=cwd,
    )
    term.wait_for(AGENDA)
    before = files(tmp_path)
    theme_before = theme(db)
    names = groups(db)
    rng = random.Random(20231021)
    expected: dict[tuple[int, str], str] = {}

    def answer(question: int, group: int, text: str) -> None:
        type_text(term, text)
        where = (question, names[group])
        expected[where] = expected.get(where, "") + text
        wait_saved(db, expected)

    def trip_to_the_agenda() -> None:
        key(term, "Escape")
        term.wait_for(AGENDA)
        key(term, "1")
        time.sleep(0.2)
        key(term, "3")
        term.wait_for(PLENUM)

    key(term, "3")
    term.wait_for(PLENUM)
    answer(0, 0, words(rng, 3))
    key(term, "PageDown")
    answer(0, 1, words(rng, 2))
    key(term, "PageDown")
    answer(0, 2, "e" + words(rng, 3))  # e: the export key anywhere else
    trip_to_the_agenda()
    answer(0, 2, "t" + words(rng, 2) + "\n")  # t: the theme key; back at the same group
    key(term, "PageUp")
    answer(0, 1, "\n01 " + words(rng, 2))  # 0 then 1: the section keys anywhere else
    key(term, "C-Down")
    answer(1, 0, "3" + words(rng, 3))
    key(term, "PageDown")
    key(term, "PageDown")
    key(term, "PageDown")
    answer(1, 3, words(rng, 2))
    trip_to_the_agenda()
    answer(1, 3, "4e " + words(rng, 2))
    key(term, "C-Up")
    answer(0, 0, "\nte: " + words(rng, 3))

    typed = sum(len(text) for text in expected.values())
    assert typed > 300, f"only {typed} keys typed"
    assert saved(db) == expected
    assert theme(db) == theme_before
    appeared = {p for p in files(tmp_path) - before if not p.name.startswith(db.name)}
    assert appeared == set(), f"files appeared: {sorted(appeared)}"
    key(term, "C-q")
    term.wait_for("EXIT=0")
