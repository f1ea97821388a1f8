"""The summary screen driven by the Pilot: the tally on screen, the groups' answers, a
merge made in the dialog and kept in the store, search across samlinger, the projector."""

from __future__ import annotations

from tests.running import at, samling_id
from tests.samling3 import VALUES as SAMLING3
from tests.samling3 import answer, question
from tests.ui.screen_text import flat, screen_text
from tuiroom.answers import summaries
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.screens.pick_dialog import PickDialog
from tuiroom.screens.search_dialog import SearchDialog
from tuiroom.screens.summary import PROJECTOR_WIDTH, SummaryScreen
from tuiroom.store import Store
from tuiroom.widgets.bar_chart import BarChart
from tuiroom.widgets.cards import CardGrid

# Four of the six groups, in the order they speak here.
VALUES = {g: SAMLING3[g] for g in ("Gygrene", "RLG", "Stjernelaget", "Einingsleiarane")}


def app_for(store: Store, samling: str = "s3"):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, samling), clock=FakeClock(at("12:20")))


async def open_summary(app, pilot) -> SummaryScreen:  # type: ignore[no-untyped-def]
    """By its section key."""
    await pilot.press("4")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


def info(app, screen: SummaryScreen) -> str:  # type: ignore[no-untyped-def]
    return flat(screen_text(app, screen.query_one("#summary-info")))


def chart_labels(screen: SummaryScreen) -> list[str]:
    return [row.label for row in screen.query_one(BarChart).rows]


async def test_the_tally_of_the_first_answered_question_is_shown(seljord_store: Store) -> None:
    asked = question(seljord_store, "diamond")
    answer(seljord_store, asked, VALUES)
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        text = flat(screen_text(app))
        assert "Oppsummering fra Samling 3" in text
        assert "Hvilke verdier skal prege lederskapet vårt?" in text
        assert "4 grupper har svart" in info(app, screen)
        lines = screen_text(app).splitlines()
        respekt = next(line for line in lines if "Respekt " in line and "█" in line)
        assert respekt.rstrip().endswith("14")
        assert chart_labels(screen)[:3] == ["Respekt", "Tillit", "Likeverd"]
        assert "Respekt: Gygrene, RLG, Stjernelaget, Einingsleiarane" in text


async def test_b_shows_every_groups_answer_as_a_card(seljord_store: Store) -> None:
    asked = question(seljord_store, "diamond")
    answer(seljord_store, asked, VALUES)
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        cards = screen.query_one(CardGrid)
        assert cards.display and not screen.query_one(BarChart).display
        assert [c.title for c in cards.cards] == list(VALUES)
        text = flat(screen_text(app))
        assert "ærlegdom · openheit · kreativitet" in text  # Gygrene's third row, as typed
        await pilot.press("b")
        await pilot.pause()
        assert screen.query_one(BarChart).display


async def test_merge_in_the_dialog_is_kept_and_counted_then_split(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {g: VALUES[g] for g in ("Gygrene", "RLG", "Stjernelaget")})
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        chart = screen.query_one(BarChart)
        chart.focus()
        await pilot.press(*["down"] * chart_labels(screen).index("Kreativitet"))
        assert chart.current is not None and chart.current.label == "Kreativitet"
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        targets = [label for _, label in dialog.choices]
        assert "Kreativitet (1)" not in targets and "Mot (2)" in targets
        await pilot.press(*["down"] * targets.index("Mot (2)"), "enter")
        await pilot.pause()
        assert seljord_store.merge_links(asked) == {"kreativitet": "mot"}
        assert app.screen is screen and "Kreativitet" not in chart_labels(screen)
        assert chart.current is not None and (chart.current.label, chart.current.number) == (
            "Mot",
            "3",
        )
        detail = flat(screen_text(app, screen.query_one("#summary-row")))
        spelled = "skrevet som kreativitet, mot/modig, modig"  # in the order the room said them
        assert detail == f"Mot: Gygrene, RLG, Stjernelaget · {spelled}"
        await pilot.press("u")
        await pilot.pause()
        assert seljord_store.merge_links(asked) == {}
        assert "Kreativitet" in chart_labels(screen)


async def test_escape_leaves_the_merge_dialog_without_a_change(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {"RLG": VALUES["RLG"]})
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    assert seljord_store.merge_links(asked) == {}


async def test_search_jumps_to_the_answer_in_an_earlier_samling(seljord_store: Store) -> None:
    earlier = question(seljord_store, "list", "s1")
    answer(
        seljord_store,
        earlier,
        {"Gygrene": "Dele erfaringer", "Blåveis": "Raushet og humor", "RLG": "Møte forberedt"},
    )
    answer(seljord_store, question(seljord_store, "diamond"), {"RLG": VALUES["RLG"]})
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        await pilot.press(*"humor")
        await pilot.pause()
        assert [hit.group_label for hit in dialog.hits] == ["Blåveis"]
        assert "Raushet og humor" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Oppsummering fra Samling 1" in flat(screen_text(app))
        assert screen.question_id == earlier
        cards = screen.query_one(CardGrid)
        assert cards.display and cards.has_focus
        assert cards.cards[cards.selected[0]].title == "Blåveis"


async def test_v_puts_the_tally_then_the_cards_on_the_projector(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {g: VALUES[g] for g in ("Gygrene", "RLG")})
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        stage = seljord_store.stage(app.day.run.id)
        assert stage is not None and stage.kind == "summary"
        summary = summaries.summarise(seljord_store, asked)
        assert stage.payload == {
            "title": "VERDI: Som leder skal jeg…",
            "lines": summaries.tally_lines(summary, PROJECTOR_WIDTH),
        }
        assert stage.payload["lines"][0].startswith("Respekt")  # both groups: first
        await pilot.press("b", "v")
        await pilot.pause()
        stage = seljord_store.stage(app.day.run.id)
        assert stage is not None and stage.kind == "cards"
        cards = stage.payload["cards"]
        assert [c["title"] for c in cards] == ["Gygrene", "RLG"]
        assert ["", "mot/modig"] in cards[1]["lines"]


async def test_nothing_answered_says_so_and_keys_do_no_harm(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        assert "Ingen svar ennå på dette spørsmålet." in flat(screen_text(app))
        await pilot.press("b", "m", "u", "plus", "v", "right_square_bracket")
        await pilot.pause()
        assert app.screen is screen
        assert "Ingen svar ennå på dette spørsmålet." in flat(screen_text(app))
    assert seljord_store.stage(app.day.run.id) is None


async def test_s_looks_back_at_the_samling_before(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "Oppsummering fra Samling 1" in flat(screen_text(app))
        assert screen.samling_id == samling_id(seljord_store, "s1")
        assert app.samling_id == samling_id(seljord_store, "s3")  # the day goes on
        await pilot.press("s")
        await pilot.pause()
        assert "Oppsummering fra Samling 3" in flat(screen_text(app))


async def test_brackets_step_through_the_questions(seljord_store: Store) -> None:
    asked = question(seljord_store, "points")
    answer(seljord_store, asked, {"RLG": "Tillit: 60\nMot: 40"})
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.question_id == asked and chart_labels(screen) == ["Tillit", "Mot"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.summary is not None and screen.summary.kind == "list"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.summary is not None and screen.summary.kind == "text"  # a lost value?
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.summary is not None and screen.summary.kind == "ranked"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.summary is not None and screen.summary.kind == "diamond"


async def test_plus_and_minus_change_how_many_of_each_top_count(ranked_store: Store) -> None:
    answer(ranked_store, question(ranked_store, "ranked"), VALUES)
    app = app_for(ranked_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        assert "de 3 øverste hos alle" in info(app, screen)
        three = len(chart_labels(screen))
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert "de 1 øverste hos alle" in info(app, screen)
        assert chart_labels(screen) == ["Likeverd", "Mot", "Trygghet"]
        await pilot.press("plus", "plus", "plus")
        await pilot.pause()
        assert screen.k == 4 and len(chart_labels(screen)) > three


async def test_u_asks_which_value_to_split_out_when_several_were_merged(
    seljord_store: Store,
) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {g: VALUES[g] for g in ("Gygrene", "RLG", "Stjernelaget")})
    summaries.merge(seljord_store, asked, "kreativitet", "mot")
    summaries.merge(seljord_store, asked, "støtte", "mot")
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_summary(app, pilot)
        chart = screen.query_one(BarChart)
        chart.focus()
        await pilot.press(*["down"] * chart_labels(screen).index("Mot"))
        await pilot.press("u")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        assert dialog.choices == (("kreativitet", "Kreativitet"), ("støtte", "Støtte"))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert seljord_store.merge_links(asked) == {"kreativitet": "mot"}
        assert "Støtte" in chart_labels(screen) and "Kreativitet" not in chart_labels(screen)
