"""Answers typed in plenum survive the facilitator's process being killed outright.

The installed `tuiroom` runs in tmux on a copy of the example day with a database of
its own; the answers are typed as a terminal would send them, then the process gets
SIGKILL (no atexit, no finally, no Textual shutdown). What the database file holds
afterwards is what the room would find when the laptop is started again.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.tmux import COMMAND, Tmux
from tuiroom.answers import capture
from tuiroom.store import Store
from tuiroom.store.answers import AnswerRow

pytestmark = pytest.mark.e2e

FIRST = "Mer tillit på tvers av teamene"
SECOND = "Tydeligere roller og færre møter"
QUESTION = "Hva har du vært opptatt av siden sist?"  # the first question of "En rask påkobling"


def open_term(terms: list[Tmux], programme: Path, db: Path) -> Tmux:
    term = Tmux(120, 35)
    terms.append(term)
    term.start(["run", str(programme), "--db", str(db), "--session", "s3"])
    return term


def type_text(term: Tmux, text: str) -> None:
    """Literal text, as the terminal sends it when someone types (or pastes) it."""
    term.tmux("send-keys", "-t", "main", "-l", text)


def wait_until(term: Tmux, done: Callable[[str], bool], what: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    screen = term.text()
    while not done(screen):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} never happened on screen:\n{screen}")
        time.sleep(0.1)
        screen = term.text()
    return screen


def open_capture(term: Tmux) -> None:
    term.wait_for("Denne samlingen er")  # opened on another day than its date
    term.keys("3")
    term.wait_for("En rask påkobling · spørsmål 1 av")
    term.wait_for(QUESTION)
    time.sleep(0.3)  # the form takes focus right after it is drawn


def tuiroom_pid(term: Tmux) -> int:
    """The tuiroom process of the pane: the pane's own process or one below it."""
    pane = int(term.tmux("list-panes", "-t", "main", "-F", "#{pane_pid}").split()[0])
    queue, found = [pane], []
    while queue:
        pid = queue.pop(0)
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        if str(COMMAND).encode() in argv and b"run" in argv:
            found.append(pid)
        queue.extend(int(child) for child in children)
    assert len(found) == 1, f"expected one tuiroom process under pane {pane}, found {found}"
    return found[0]


def kill_hard(term: Tmux, pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    term.wait_for("EXIT=137", timeout=5)  # the shell saw it die of SIGKILL


def saved(db: Path) -> tuple[list[AnswerRow], list[capture.Speaker]]:
    """The first question's answers as a fresh read-only connection finds them."""
    store = Store.reader(db)
    try:
        samling = next(s.id for s in store.samlinger() if s.key == "s3")
        first = capture.slots(store, samling)[0].question
        assert first.text == QUESTION
        assert store.answered_questions(samling) == [first.id]
        speakers = capture.network_speakers(store.roster(samling))
        return store.answers(first.id), speakers
    finally:
        store.close()


def test_two_answers_survive_kill_9_and_come_back(terms: list[Tmux], programme: Path) -> None:
    db = programme.with_name("kill.db")
    term = open_term(terms, programme, db)
    open_capture(term)
    type_text(term, FIRST)
    term.wait_for(FIRST)
    term.keys("PageDown")
    wait_until(term, lambda s: FIRST not in s and "Ikke besvart ennå" in s, "the next group")
    type_text(term, SECOND)
    term.wait_for(SECOND)
    time.sleep(1.5)
    kill_hard(term, tuiroom_pid(term))

    answers, speakers = saved(db)
    assert [(a.position, a.group_key, a.fields) for a in answers] == [
        (0, speakers[0].key, {"text": FIRST}),
        (1, speakers[1].key, {"text": SECOND}),
    ]
    assert [a.body for a in answers] == [FIRST, SECOND]

    again = open_term(terms, programme, db)
    open_capture(again)
    screen = again.wait_for(FIRST)
    in_form = [line for line in screen.splitlines() if FIRST in line]
    assert len(in_form) == 1 and "▊" in in_form[0], f"not in the form:\n{screen}"
    assert SECOND not in screen  # the form shows the first group, not the second
    assert "Lagret " in screen
    again.keys("C-q")
    again.wait_for("EXIT=0")


def test_kill_9_right_after_typing_loses_at_most_the_last_second(
    terms: list[Tmux], programme: Path
) -> None:
    db = programme.with_name("kill.db")
    early = "Alle ansatte ble hørt"
    late = " og tok ansvar for hverandre i hverdagen"
    term = open_term(terms, programme, db)
    open_capture(term)
    pid = tuiroom_pid(term)  # found now, so the kill follows the typing at once
    type_text(term, early)
    time.sleep(1.2)
    for word in late.split(" ")[1:]:  # typed a word at a time, up to the kill
        type_text(term, " " + word)
    os.kill(pid, signal.SIGKILL)
    term.wait_for("EXIT=137", timeout=5)

    answers, speakers = saved(db)
    assert [a.group_key for a in answers] == [speakers[0].key]
    text = answers[0].text()
    assert text.startswith(early), f"typed more than a second before the kill, lost: {text!r}"
    assert (early + late).startswith(text), f"saved text is not what was typed: {text!r}"


def test_a_change_of_the_day_survives_kill_9(terms: list[Tmux], programme: Path) -> None:
    db = programme.with_name("kill.db")
    term = open_term(terms, programme, db)
    term.wait_for("Denne samlingen er")
    term.keys("b")
    term.wait_for("Enter legger til")
    term.keys("Enter")
    term.wait_for("Pause (lagt til på dagen)")
    kill_hard(term, tuiroom_pid(term))

    again = open_term(terms, programme, db)
    screen = again.wait_for("Pause (lagt til på dagen)")
    rows = [line for line in screen.splitlines() if "Velkommen!" in line or "(lagt til" in line]
    assert "Velkommen!" in rows[-2] and "Pause (lagt til på dagen)" in rows[-1], screen
    again.keys("C-q")
    again.wait_for("EXIT=0")
