"""Plenum's keys and focus, one test (or two) per problem of the plenum issue:

1. After Esc, 1, 3 the answer had no focus and letters fired app keys (t theme, e export).
2. 0 then 1, meant to switch screens, was typed into the answer.
3. PageUp back to an answered group put the cursor at the start of the text.
8. Plenum opened an older exercise's question while a later one ran.

Each asserts on the store rows, the theme (on screen and saved), the screen shown and
the notices, not on how it looks.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.conftest import SELJORD
from tests.running import at, samling_id
from tests.samling3 import answers_to
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import TuiroomApp, make_app
from tuiroom.day.clock import FakeClock
from tuiroom.programme.loading import load_programme
from tuiroom.screens.capture import CaptureScreen
from tuiroom.store import Store

FIRST = "Hva har du vært opptatt av siden sist?"


def app_for(store: Store) -> TuiroomApp:
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


def field(app: TuiroomApp) -> TextArea:
    return app.screen.query_one("#field-text", TextArea)


def where(app: TuiroomApp) -> str:
    return flat(screen_text(app, app.screen.query_one("#where")))


def assert_in_plenum_typing(app: TuiroomApp) -> None:
    """Plenum shown, its answer field focused with the cursor after the text."""
    assert isinstance(app.screen, CaptureScreen), type(app.screen).__name__
    area = field(app)
    assert app.focused is area
    assert area.cursor_location == area.document.end


async def open_plenum(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    assert_in_plenum_typing(pilot.app)


# ── 1: letters after Esc, 1, 3 ───────────────────────────────────────────────


async def test_1_after_esc_1_3_letters_go_into_the_answer(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    theme = app.theme
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Familien")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen", "Esc goes back to the agenda"
        await pilot.press("1", "3")
        await pilot.pause()
        assert_in_plenum_typing(app)
        await pilot.press(*" tett etter", "enter", *"ekte tenkepause", "enter")
        await pilot.pause()
        assert_in_plenum_typing(app)
        assert app.theme == theme
    assert answers_to(seljord_store, FIRST) == {
        "Stjernelaget": {"text": "Familien tett etter\nekte tenkepause\n"}
    }
    assert seljord_store.setting("theme", "") in ("", theme), "the theme was not switched"
    assert not any("tema" in n.lower() for n in notices), notices


async def test_1_a_key_that_misses_the_field_is_typed_into_it(seljord_store: Store) -> None:
    """Focus lost some other way: still no app key acts, the keys go into the answer."""
    app = app_for(seljord_store)
    theme = app.theme
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Ferie")
        app.set_focus(None)
        await pilot.press(*" te 3", "enter", *"e0")
        await pilot.pause()
        assert_in_plenum_typing(app)
        await pilot.click("#speakers")  # a click somewhere that takes no typing
        await pilot.press(*"!t")
        await pilot.pause()
        assert_in_plenum_typing(app)
        assert app.theme == theme
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Ferie te 3\ne0!t"}}


async def test_1_app_letter_and_digit_keys_are_off_while_plenum_shows(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        shown = app.screen.active_bindings
        for key in ("t", "e", "1", "2", "3", "4", "0"):
            assert key not in shown, f"{key} still bound in plenum"
        assert shown["escape"].binding.description == "Tilbake"
        await pilot.press("escape")
        await pilot.pause()
        shown = app.screen.active_bindings
        assert all(key in shown for key in ("t", "1", "3")), "back on in the agenda"


# ── 2: switching screens from plenum ─────────────────────────────────────────


async def test_2_digits_are_text_and_esc_is_the_way_out(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press("0", "1")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen), "a digit never switches screens here"
        assert field(app).text == "01"
        footer = screen_text(app).splitlines()[-1]
        assert "esc Tilbake" in footer and "pgdn pgup Grupper" in footer, footer
        await pilot.press("escape", "0")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgrammeScreen"
        await pilot.press("3")  # and Esc goes back where plenum was opened from
        await pilot.pause()
        assert_in_plenum_typing(app)
        await pilot.press(*" og 2", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgrammeScreen"
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "01 og 2"}}


@pytest.mark.parametrize(
    ("key", "screen"),
    [
        ("inverted_exclamation_mark", "AgendaScreen"),
        ("trade_mark_sign", "GroupsScreen"),
        ("cent_sign", "SummaryScreen"),
        ("º", "ProgrammeScreen"),
    ],
)
async def test_2_esc_and_a_digit_pressed_at_once_switch_screens(
    seljord_store: Store, key: str, screen: str
) -> None:
    """A terminal sends Esc and a quick 1 as one sequence, which Textual reads as "¡"
    (Esc 2 "™", Esc 4 "¢", Esc 0 "º"): that is the facilitator leaving, not text."""
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Familien", key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Familien"}}


async def test_2_esc_and_3_at_once_stays_in_plenum_and_types_nothing(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Familien", "pound_sign", *" og")
        await pilot.pause()
        assert_in_plenum_typing(app)
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Familien og"}}


async def test_2_the_palette_and_the_section_bar_still_switch_screens(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Kurs")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Grupper")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "GroupsScreen"
        await pilot.press("3")
        await pilot.pause()
        assert_in_plenum_typing(app)
        await pilot.click("#navbar", offset=(2, 0))  # " 1 Dagsplan " starts the bar
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Kurs"}}


async def test_2_esc_never_leaves_an_unsaved_answer(
    seljord_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await open_plenum(pilot)
        monkeypatch.setattr(seljord_store, "save_answer", refuse)
        await pilot.press(*"Familien", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        assert field(app).text == "Familien"
        assert any("ikke lagret" in n for n in notices), notices
        monkeypatch.undo()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Familien"}}


# ── 3: the cursor after the text already there ───────────────────────────────


async def test_3_back_to_an_answered_group_the_cursor_is_at_the_end(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        await pilot.press(*"Familien", "enter", *"- jobben")
        await pilot.press("pagedown", *"Ferie", "pageup")
        await pilot.pause()
        assert_in_plenum_typing(app)
        await pilot.press(*" og kurs")
        await pilot.press("ctrl+b", *"!")  # Ctrl+B wraps round to the last group
        await pilot.press("ctrl+n", "ctrl+n", *" i sommer")
        await pilot.press("ctrl+down", "ctrl+up", *".")
        await pilot.pause()
        assert_in_plenum_typing(app)
    saved = answers_to(seljord_store, FIRST)
    assert saved.pop("Stjernelaget") == {"text": "Familien\n- jobben og kurs."}
    assert saved.pop("Blåveis") == {"text": "Ferie i sommer"}
    assert list(saved.values()) == [{"text": "!"}]  # the last group


async def test_3_in_a_form_of_options_the_cursor_is_at_the_first_one_left(
    seljord_store: Store,
) -> None:
    """The scale form starts with its statements ("Gir autonomi og tillit: "): typing
    carries on after the first one without a score, not after the last one."""
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        while not app.screen.query("#field-reason"):
            await pilot.press("ctrl+down")
            await pilot.pause()
        scores = app.screen.query_one("#field-score", TextArea)
        assert app.focused is scores and scores.cursor_location == (0, 24)
        await pilot.press("5", "pagedown", "pageup", "4", "tab", *"God dialog")
        await pilot.press("pagedown", "pageup", "tab", *" i gruppa")
        await pilot.pause()
        reason = app.screen.query_one("#field-reason", TextArea)
        assert scores.text.splitlines()[:3] == [
            "Gir autonomi og tillit: 5",
            "Gir konkrete og nyttige tilbakemeldinger: 4",
            "Stiller krav: ",
        ]
        assert reason.text == "God dialog i gruppa"


async def test_3_a_one_line_field_has_its_cursor_at_the_end(tmp_path: Path) -> None:
    """A scale without statements: the score is a one-line field."""
    text = re.sub(
        r'(answer = "scale"\n)options = \[.*?\]\n', r"\1", SELJORD.read_text("utf-8"), flags=re.S
    )
    path = tmp_path / "seljord-scale.toml"
    path.write_text(text, encoding="utf-8")
    store = Store.memory()
    store.load(load_programme(path), path, text)
    app = app_for(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_plenum(pilot)
        while not app.screen.query("#field-reason"):
            await pilot.press("ctrl+down")
            await pilot.pause()
        score = app.screen.query_one("#field-score", Input)
        await pilot.press("4", "pagedown", "pageup")
        await pilot.pause()
        assert app.focused is score and score.cursor_position == 1
        app.set_focus(None)
        await pilot.press("5", "enter")  # missed the field: typed into it, no line break
        await pilot.pause()
        assert app.focused is score and score.value == "45"


# ── 8: the exercise running now ──────────────────────────────────────────────


async def test_8_plenum_follows_the_running_exercise(seljord_store: Store) -> None:
    """The issue's keys on Samling 3: Space, x, 3, type, Esc, 1, n, x, 3."""
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("space", "x", "3")
        await pilot.pause()
        assert where(app).startswith("En rask påkobling · spørsmål 1 av")
        await pilot.press(*"Familien", "escape", "1", "n", "x", "3")
        await pilot.pause()
        assert where(app).startswith("Se på disse 8 områdene · spørsmål 5 av"), where(app)
        assert_in_plenum_typing(app)
        await pilot.press(*"Autonomi")
        await pilot.press("escape", "x", "x", "3")  # that one done, the next one started
        await pilot.pause()
        assert where(app).startswith("Mestringsorientert leder: styrker og utviklingspunkt")
        assert "spørsmål 6 av" in where(app)
    assert answers_to(seljord_store, FIRST) == {"Stjernelaget": {"text": "Familien"}}
    assert answers_to(seljord_store, "Velg to områder") == {"Stjernelaget": {"text": "Autonomi"}}


async def test_8_plenum_leaves_the_facilitator_on_the_running_exercise(
    seljord_store: Store,
) -> None:
    """On another question of the exercise that runs, or on one they chose while the
    day stood still, a return to plenum keeps them there."""
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("space", "n", "x", "x", "x", "3")  # Mestring…: its second exercise
        await pilot.pause()
        assert "spørsmål 6 av" in where(app)
        await pilot.press("ctrl+down", "escape", "3")
        await pilot.pause()
        assert "spørsmål 7 av" in where(app), "same exercise: stays on its question"
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+up", "escape", "2", "3")
        await pilot.pause()
        assert "spørsmål 4 av" in where(app), "the day stood still: stays where they went"


async def test_8_before_the_day_and_between_exercises_it_is_the_next_one(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert where(app).startswith("En rask påkobling · spørsmål 1 av"), "not started"
        await pilot.press("escape", "space", "n", "n", "3")  # the pause after Mestring…
        await pilot.pause()
        assert where(app).startswith("Oppgave: psykologisk trygghet"), where(app)
