"""The capture screen driven by the Pilot: answers typed for several groups land in the
store as typed; kinds, moving between groups and questions, delete and undo, new questions."""

from __future__ import annotations

from tests.running import at, samling_id
from tests.samling3 import answers_to
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store


def app_for(store: Store):  # type: ignore[no-untyped-def]
    return make_app(store, samling_id(store, "s3"), clock=FakeClock(at("08:20")))


async def goto(pilot, exercise: str) -> None:  # type: ignore[no-untyped-def]
    """Step with Ctrl+↓ until the screen shows the exercise."""
    for _ in range(30):
        if exercise in flat(screen_text(pilot.app)):
            return
        await pilot.press("ctrl+down")
        await pilot.pause()
    raise AssertionError(f"never reached {exercise!r}")


async def test_answers_for_three_groups_are_saved_as_typed(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Hva har du vært opptatt av siden sist?" in flat(screen_text(app))
        await pilot.press(*"Familien", "enter", *"- jobben")
        await pilot.press("pagedown", *"Ferie")
        await pilot.press("ctrl+n", *"Kurs, nytt kontor")
        await pilot.pause()
        saved = answers_to(seljord_store, "Hva har du vært opptatt av")
        assert saved == {
            "Stjernelaget": {"text": "Familien\n- jobben"},
            "Blåveis": {"text": "Ferie"},
            "Einingsleiarane": {"text": "Kurs, nytt kontor"},
        }
        assert "Lagret" in flat(screen_text(app))
        await pilot.press("pageup", "pageup")  # back to the first group: its answer shows
        await pilot.pause()
        assert "- jobben" in screen_text(app)


async def test_points_show_the_sum_as_typed(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "Hvilke verdier er viktigst")
        await pilot.press(*"Tillit: 40", "enter", *"Åpenhet: 35")
        await pilot.pause()
        assert "Sum 75 av 100 · 25 igjen" in flat(screen_text(app))
        await pilot.press("enter", *"Mot: 40")
        await pilot.pause()
        assert "Sum 115: 15 for mye" in flat(screen_text(app))
    saved = answers_to(seljord_store, "Prioriter de verdiene")
    assert saved["Stjernelaget"]["text"] == "Tillit: 40\nÅpenhet: 35\nMot: 40"


async def test_a_diamond_is_laid_out_as_typed(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "Sorter i «diamant»")
        for value in ("Tillit", "Åpenhet", "Respekt", "Mot"):
            await pilot.press(*value, "enter")
        await pilot.pause()
        assert "4 av 9 plassert: Tillit / Åpenhet · Respekt / Mot" in flat(screen_text(app))


async def test_evaluation_has_its_three_fields(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await goto(pilot, "Evaluering")
        await pilot.press(*"Gode samtaler", "tab", *"Vi ble kjent", "tab", *"Mer tid i gruppene")
        await pilot.pause()
    saved = answers_to(seljord_store, "Hva synes dere har vært bra")
    assert saved["Stjernelaget"] == {
        "good": "Gode samtaler",
        "why": "Vi ble kjent",
        "more": "Mer tid i gruppene",
    }


async def test_delete_and_undo(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press(*"Familien")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert answers_to(seljord_store, "Hva har du vært opptatt av") == {}
        assert any("Ctrl+G angrer" in m for m in notices)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert answers_to(seljord_store, "Hva har du vært opptatt av") == {
            "Stjernelaget": {"text": "Familien"}
        }
        assert "Familien" in screen_text(app)


async def test_a_question_added_on_the_spot_takes_answers(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Hva gir deg energi?", "enter")
        await pilot.pause()
        assert "Hva gir deg energi?" in flat(screen_text(app))
        await pilot.press(*"Gode kolleger")
        await pilot.pause()
    assert answers_to(seljord_store, "Hva gir deg energi?") == {
        "Stjernelaget": {"text": "Gode kolleger"}
    }


async def test_escape_leaves_the_field_so_section_keys_work(seljord_store: Store) -> None:
    app = app_for(seljord_store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press(*"12", "escape", "1")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
    assert answers_to(seljord_store, "Hva har du vært opptatt av") == {
        "Stjernelaget": {"text": "12"}
    }
