"""Issue 12, problems 4 and 5: the clock is on every screen, and every screen fits a
laptop's 80 columns without cutting a label, breaking a word or covering the agenda."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Footer

from tests.running import running, samling_id
from tests.ui.notices import Notices
from tests.ui.screen_text import screen_text
from tuiroom.app import make_app
from tuiroom.i18n import t
from tuiroom.store import Store
from tuiroom.widgets.phase_bar import PhaseBar

SCREENS = {"1": "agenda", "2": "groups", "3": "capture", "4": "summary", "0": "programme"}


def top_line(app) -> str:  # type: ignore[no-untyped-def]
    return screen_text(app).splitlines()[0]


@pytest.mark.parametrize("key", list(SCREENS))
async def test_every_screen_shows_the_time_left_in_the_header(
    seljord_store: Store, key: str
) -> None:
    clock = running(seljord_store, now="08:57")  # Velkommen! 08:30–09:00: 3 min left
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.current_mode == SCREENS[key]
        assert "Velkommen! 03:00" in top_line(app)
        assert app.screen.query_one("HeaderClock").has_class("-warning")


async def test_the_agenda_header_counts_with_its_big_clock(seljord_store: Store) -> None:
    """The agenda has the header clock too, and it says what the big digits say, in the
    same colour, second by second."""
    clock = running(seljord_store, now="08:57")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2", "1")
        await pilot.pause()
        header = app.screen.query_one("HeaderClock")
        assert app.screen.query_one("ClockFace #face").value == "03:00"  # type: ignore[attr-defined]
        assert "Velkommen! 03:00" in top_line(app) and header.has_class("-warning")
        clock.advance(4 * 60)
        app.tick()
        await pilot.pause()
        assert app.screen.query_one("ClockFace #face").value == "+01:00"  # type: ignore[attr-defined]
        assert "Velkommen! +01:00" in top_line(app) and header.has_class("-over")


@pytest.mark.parametrize("key", ["3", "0"])
async def test_the_header_clock_turns_red_once_over_and_follows_the_day(
    seljord_store: Store, key: str
) -> None:
    clock = running(seljord_store, now="08:40")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        header = app.screen.query_one("HeaderClock")
        assert "Velkommen! 20:00" in top_line(app) and header.has_class("-normal")
        clock.advance(23 * 60)
        app.tick()
        await pilot.pause()
        assert "Velkommen! +03:00" in top_line(app)
        assert header.has_class("-over") and not header.has_class("-normal")


async def test_the_header_shows_the_running_phase_and_its_countdown(seljord_store: Store) -> None:
    clock = running(seljord_store, now="08:32", exercise=True)  # a duo of 7 minutes
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert f"Velkommen! 28:00 · {t('form.duo')} 05:00" in top_line(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 35), (160, 45)], ids=str)
@pytest.mark.parametrize("key", list(SCREENS))
async def test_the_section_bar_never_cuts_a_label(
    seljord_store: Store, key: str, size: tuple[int, int]
) -> None:
    clock = running(seljord_store, now="08:35", exercise=True)  # the duo: 2 min left
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        line = top_line(app)
        for section in app.sections:
            whole = f" {section.key} {t(section.label)} "
            if section.name == app.current_mode:
                assert whole in line
            else:
                assert whole in line or f" {section.key} " in line
        assert line.rstrip().endswith(f"Velkommen! 25:00 · {t('form.duo')} 02:00")


def whole(app, key: str) -> bool:  # type: ignore[no-untyped-def]
    footer = app.screen.query_one(Footer)
    return any(
        k.key == key and k.display and 0 < k.region.right <= footer.region.right
        for k in footer.query("FooterKey")
    ) and key not in footer_problems(app)


def footer_problems(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Keys the footer shows only in part: past its edge, or under the palette key."""
    footer = app.screen.query_one(Footer)
    keys = [k for k in footer.query("FooterKey") if k.display and k.parent.display]
    palette = [k for k in keys if k.has_class("-command-palette")]
    right = palette[0].region.x if palette else footer.region.right
    problems = [
        f"{k.key} {k.description}"
        for k in keys
        if k not in palette and (k.region.width == 0 or k.region.right > right)
    ]
    if not any(k.key == "f1" for k in keys):
        problems.append("f1 is not shown")
    return problems


async def test_every_footer_shows_whole_keys_f1_and_v(seljord_store: Store) -> None:
    """Each screen and tab at a laptop's 80 columns and a projector's 120: a key that does
    not fit is left out (F1 lists it), never cut; F1, and v where it is, always show."""
    found: dict[str, list[str]] = {}
    for size in [(80, 24), (120, 35)]:
        for keys in [["1"], ["2"], ["2", "n"], ["2", "r"], ["3"], ["4"], ["0"]]:
            clock = running(seljord_store, now="08:40")
            app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
            async with app.run_test(size=size) as pilot:
                await pilot.press(*keys)
                await pilot.pause()
                await pilot.pause()
                problems = footer_problems(app)
                if keys in (["1"], ["2", "n"], ["2", "r"]) and not whole(app, "v"):
                    problems.append("v is not shown whole")
                if problems:
                    found[f"{''.join(keys)} at {size[0]}"] = problems
    assert found == {}


async def test_the_phase_bar_never_wraps_inside_a_label(seljord_store: Store) -> None:
    """Samling 1's Kommune 3.0: Individuelt 3 min, Rekkeframlegg 15 min, Plenum 10 min."""
    clock = running(seljord_store, key="s1", now="08:40")
    app = make_app(seljord_store, samling_id(seljord_store, "s1"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        day = app.day
        day.jump(
            next(
                i.id
                for i in day.items
                if any(len(e.phases) == 3 for e in day.exercises.get(i.id, []))
            )
        )
        day.exercise_step()
        app.refresh_view()
        await pilot.pause()
        assert app.screen.query_one("PhaseBar #phases").size.height == 1
        # The phase titles from the file, shortened to fit the one line (as "Rekkeframle…").
        assert "Rekkefram" in screen_text(app, app.screen.query_one(PhaseBar))


async def test_the_summary_list_breaks_no_word(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s1"), clock=running(seljord_store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        listing = screen_text(app, app.screen.query_one("#summary-questions"))
        assert "lederutviklingsprogrammet?" in listing


async def test_startup_warnings_stay_on_the_bottom_line_not_over_the_agenda(
    seljord_store: Store,
) -> None:
    notices = Notices()
    warning = t("app.warnings_one", count=1, file="seljord.toml")
    s3 = samling_id(seljord_store, "s3")
    app = make_app(seljord_store, s3, clock=running(seljord_store), warnings=[warning])
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
        assert notices == []  # no notice over the agenda
        bottom = screen_text(app, app.screen.query_one("StatusLine"))
        assert " ".join(bottom.split()).startswith(" ".join(warning.split()))
        await pilot.press("2")
        await pilot.pause()
        assert "seljord.toml" in screen_text(app, app.screen.query_one("StatusLine"))


async def test_the_programme_screen_reflows_when_the_window_shrinks(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=running(seljord_store))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        groups = app.screen.query_one("#groups", DataTable)
        assert groups.virtual_size.width <= 80 - 4  # inside the screen's padding


async def test_beside_the_keys_panel_the_clock_gives_up_the_title_not_the_sections(
    seljord_store: Store,
) -> None:
    clock = running(seljord_store, now="08:35", exercise=True)
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "f1")  # plenum: the screen where the header clock counts
        await pilot.pause()
        line = screen_text(app, app.screen.query_one("#top-bar"))
        current = next(s for s in app.sections if s.name == app.current_mode)
        assert f" 3 {t(current.label)} " in line
        assert all(f" {section.key} " in line for section in app.sections)
        assert line.rstrip().endswith(f" 25:00 · {t('form.duo')} 02:00")


async def test_a_section_shown_again_has_its_header_clock_on_time(seljord_store: Store) -> None:
    """Only the section the room sees keeps its header clock going (a tick costs one
    clock, not five); coming back, the clock is right at once."""
    clock = running(seljord_store, now="08:57")
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        groups_clock = app.screen.query_one("HeaderClock")
        assert "Velkommen! 03:00" in top_line(app)
        await pilot.press("1")
        await pilot.pause()
        clock.advance(60)
        app.tick()
        await pilot.pause()
        assert "Velkommen! 03:00" in str(groups_clock.render()), "hidden: not redrawn"
        await pilot.press("2")
        await pilot.pause()
        assert "Velkommen! 02:00" in top_line(app)


async def test_the_first_screen_resumes_the_collector_paused_for_the_start(
    seljord_store: Store,
) -> None:
    """`tuiroom run` pauses the cyclic collector while Textual starts; the first screen
    turns it on again once it has drawn (a day is long: it must not stay off)."""
    import gc

    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=running(seljord_store))
    gc.disable()
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.pause()
            assert app.screen.query(Footer)  # the footer came after the first frame
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
