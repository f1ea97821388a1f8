"""The bundled programme in plenum (3) and the summary (4), driven by the Pilot: a list
typed one item a line keeps its commas; each question of an exercise gets its own form;
the ranked question gives everyone's top three."""

from __future__ import annotations

from tests.running import at, samling_id
from tests.samling3 import SHORTLIST, VALUES, answer, question
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.screens.summary import SummaryScreen
from tuiroom.store import Store
from tuiroom.widgets.answer_form import AnswerForm
from tuiroom.widgets.bar_chart import BarChart

FOLLOW_UP = "Tid til oppfølging etterpå, ikke bare måling"


def app_for(store: Store, now: str = "08:20"):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at(now)))


async def goto(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Step with Ctrl+↓ until the screen shows the question (or exercise)."""
    for _ in range(30):
        if text in flat(screen_text(pilot.app)):
            return
        await pilot.press("ctrl+down")
        await pilot.pause()
    raise AssertionError(f"never reached {text!r}")


def form(app) -> AnswerForm:  # type: ignore[no-untyped-def]
    return app.screen.query_one(AnswerForm)  # type: ignore[no-any-return]


async def open_summary(app, pilot) -> SummaryScreen:  # type: ignore[no-untyped-def]
    await pilot.press("4")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


# ── 4: a list on several lines is one item a line ────────────────────────────


async def test_a_list_typed_one_a_line_keeps_its_commas_on_screen_and_in_the_tally(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store, "12:20")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "VERDI: Som leder skal jeg…")
        assert form(app).kind == "list"
        await pilot.press(*FOLLOW_UP, "enter", *"Mot")
        await pilot.pause()
        assert f"2: {FOLLOW_UP} · Mot" in flat(screen_text(app))
        await pilot.press("pagedown", *"mot, tillit")  # one line: split at the comma
        await pilot.pause()
        assert "2: mot · tillit" in flat(screen_text(app))
        await pilot.press("escape")
        screen = await open_summary(app, pilot)
        assert screen.summary is not None and screen.summary.kind == "list"
        rows = {row.label: row.number for row in screen.query_one(BarChart).rows}
        assert rows == {"Mot": "2", FOLLOW_UP: "1", "Tillit": "1"}
        assert "Tid til oppfølging etterpå," in flat(screen_text(app))  # one bar, one label
        assert "Ikke bare måling" not in flat(screen_text(app))


# ── 5: each question its own form ────────────────────────────────────────────


async def test_the_self_assessment_scores_statements_then_takes_the_goals_as_text(
    seljord_store: Store,
) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "Hvor er du i forhold til mestringsorientert ledelse?")
        assert form(app).kind == "scale"
        text = flat(screen_text(app))
        assert "Påstand: skår fra 1 til 6, én per linje" in text and "Begrunnelse" in text
        assert "Gir autonomi og tillit:" in text
        await pilot.press("ctrl+down")
        await pilot.pause()
        await goto(pilot, "Lag deg et eller to utviklingsmål.")
        assert form(app).kind == "text"
        text = flat(screen_text(app))
        assert "Svaret (flere linjer går fint" in text
        assert "skår fra 1 til 6" not in text and "Gir autonomi og tillit" not in text
        await pilot.press(*"Gi tydeligere tilbakemeldinger")
        await pilot.pause()
    s3 = samling_id(seljord_store, "s3")
    goal = next(
        q for es in seljord_store.exercises(s3).values() for e in es for q in e.questions
        if q.text.startswith("Lag deg")
    )  # fmt: skip
    (saved,) = seljord_store.answers(goal.id)
    assert saved.fields == {"text": "Gi tydeligere tilbakemeldinger"}


async def test_the_evaluations_second_question_has_its_own_form(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "Hva synes dere har vært bra med dagens samling, og hvorfor?")
        assert form(app).kind == "evaluation"
        assert "Hva har vært bra?" in flat(screen_text(app))
        await pilot.press("ctrl+down")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Hva ønsker dere mer av den siste samlingen, og hvordan?" in text
        assert form(app).kind == "text"
        assert "Hva har vært bra?" not in text and "Hvorfor?" not in text


async def test_the_bundled_ranked_question_gives_everyones_top_three(
    seljord_store: Store,
) -> None:
    asked = question(seljord_store, "ranked")
    answer(seljord_store, asked, VALUES)
    app = app_for(seljord_store, "12:20")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.question_id == asked
        assert "Verdiene deres, viktigst først" in flat(screen_text(app))
        info = flat(screen_text(app, screen.query_one("#summary-info")))
        assert "Vi henter ut de tre øverste hos alle" in info
        assert "de 3 øverste hos alle" in info
        assert {row.label for row in screen.query_one(BarChart).rows} == SHORTLIST
