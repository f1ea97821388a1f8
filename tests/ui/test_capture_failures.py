"""The capture screen when the database stops taking writes in the middle of plenum:
the text stays in the form, the line under it says plainly that it is NOT saved and why,
the screen will not move on to the next group, and Ctrl+S saves it once the fault is gone.

Two ways to break the database: `save_answer` replaced by one that raises what SQLite
raises, and SQLite itself refusing (PRAGMA query_only gives the real SQLITE_READONLY,
PRAGMA max_page_count the real SQLITE_FULL) so the real transaction is rolled back.
"""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Static, TextArea

from tests.running import at, samling_id
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store

FIRST_QUESTION = "Hva har du vært opptatt av siden sist?"

READONLY = ("attempt to write a readonly database", "skrivebeskyttet")
FULL = ("database or disk is full", "Disken er full")


def app_for(store: Store):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


def first_answers(store: Store) -> dict[str, dict[str, str]]:
    s3 = samling_id(store, "s3")
    for exercises in store.exercises(s3).values():
        for exercise in exercises:
            for question in exercise.questions:
                if question.text == FIRST_QUESTION:
                    return {a.group_label: a.fields for a in store.answers(question.id)}
    raise AssertionError(f"no question {FIRST_QUESTION!r}")


def saved_line(app) -> str:  # type: ignore[no-untyped-def]
    return flat(screen_text(app, app.screen.query_one("#saved", Static)))


def field(app) -> TextArea:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#field-text", TextArea)


async def open_capture(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    assert FIRST_QUESTION in flat(screen_text(pilot.app))
    assert pilot.app.focused is field(pilot.app)


async def assert_refused_and_kept(pilot, notices: Notices, text: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    """The failure is on screen, the text is in the form and no key moves away from it."""
    app = pilot.app
    line = saved_line(app)
    assert "IKKE LAGRET" in line and reason in line, line
    assert "Ctrl+S" in line
    assert app.screen.query_one("#saved").has_class("-error")
    assert field(app).text == text
    for key in ("pagedown", "ctrl+n", "pageup", "ctrl+down"):
        await pilot.press(key)
        await pilot.pause()
        assert (app.screen.speaker, app.screen.slot) == (0, 0), f"{key} moved on"
        assert field(app).text == text, f"{key} lost the text"
        assert FIRST_QUESTION in flat(screen_text(app))
    assert any("ikke lagret" in m for m in notices), notices
    assert "IKKE LAGRET" in saved_line(app)


async def assert_ctrl_s_saves(pilot, notices: Notices, store: Store, text: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert first_answers(store) == {"Stjernelaget": {"text": text}}
    assert "Lagret." in notices
    line = saved_line(app)
    assert line.startswith("Lagret ") and "IKKE" not in line, line
    assert not app.screen.query_one("#saved").has_class("-error")
    await pilot.press("pagedown")  # and now it moves on
    await pilot.pause()
    assert app.screen.speaker == 1
    assert field(app).text == ""


@pytest.mark.parametrize(("error", "reason"), [READONLY, FULL], ids=["readonly", "full"])
async def test_a_failing_save_keeps_the_text_and_blocks_moving_on(
    seljord_store: Store, monkeypatch: pytest.MonkeyPatch, error: str, reason: str
) -> None:
    calls: list[dict[str, str]] = []

    def failing(question_id, group_key, group_label, fields, position=0):  # type: ignore[no-untyped-def]
        calls.append(dict(fields))
        raise sqlite3.OperationalError(error)

    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await open_capture(pilot)
        monkeypatch.setattr(seljord_store, "save_answer", failing)
        await pilot.press(*"Familien")
        await pilot.pause()
        assert calls and calls[-1] == {"text": "Familien"}, "every change still tries to save"
        await assert_refused_and_kept(pilot, notices, "Familien", reason)
        assert first_answers(seljord_store) == {}

        monkeypatch.undo()  # the disk has room again / the file is writable again
        await assert_ctrl_s_saves(pilot, notices, seljord_store, "Familien")


async def test_sqlite_refusing_for_real_as_read_only(seljord_store: Store) -> None:
    """A group's earlier answer stays as it was in the store while the edit is refused."""
    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await open_capture(pilot)
        await pilot.press(*"Familien")
        await pilot.pause()
        assert first_answers(seljord_store) == {"Stjernelaget": {"text": "Familien"}}

        seljord_store.conn.execute("PRAGMA query_only = ON")  # SQLITE_READONLY on writes
        await pilot.press(*" og jobben")
        await pilot.pause()
        assert not seljord_store.conn.in_transaction, "the failed save was rolled back"
        assert first_answers(seljord_store) == {"Stjernelaget": {"text": "Familien"}}
        await assert_refused_and_kept(pilot, notices, "Familien og jobben", READONLY[1])

        seljord_store.conn.execute("PRAGMA query_only = OFF")
        await assert_ctrl_s_saves(pilot, notices, seljord_store, "Familien og jobben")


async def test_sqlite_refusing_for_real_as_full(seljord_store: Store) -> None:
    """A paste the database has no room for; typing on once there is room saves it all."""
    conn = seljord_store.conn
    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await open_capture(pilot)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL on the next new page
        pasted = "Tillit og åpenhet. " * 400
        field(app).insert(pasted)
        await pilot.pause()
        assert not conn.in_transaction, "the failed save was rolled back"
        assert first_answers(seljord_store) == {}
        await assert_refused_and_kept(pilot, notices, pasted, FULL[1])

        conn.execute("PRAGMA max_page_count = 1073741823")
        await pilot.press("!")  # the next change saves on its own, and clears the alarm
        await pilot.pause()
        assert first_answers(seljord_store) == {"Stjernelaget": {"text": pasted + "!"}}
        assert saved_line(app).startswith("Lagret ")
        assert not app.screen.query_one("#saved").has_class("-error")


async def test_ctrl_q_warns_once_while_an_answer_is_unsaved(
    seljord_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("08:20")))
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await pilot.press("3")
        await pilot.pause()
        monkeypatch.setattr(seljord_store, "save_answer", refuse)
        await pilot.press(*"Familien")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any("ikke lagret" in m for m in notices)
        await pilot.press("ctrl+r")  # a refused delete says why and does not crash
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
