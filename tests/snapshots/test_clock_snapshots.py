"""The countdown as the room sees it: normal, warning and over time, on the facilitator's
screen and on the projector, at a projector's 120x35 and a laptop's 80x24."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from tests.running import at, running, samling_id
from tuiroom.app import make_app
from tuiroom.projector_app import ProjectorApp
from tuiroom.store import Store
from tuiroom.widgets.cards import CardGrid

STATES = {"normal": "08:40", "warning": "08:57", "over": "09:03"}
SIZES = [(120, 35), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", list(STATES))
def test_agenda(snap_compare, seljord_store: Store, state: str, size: tuple[int, int]) -> None:
    clock = running(seljord_store, now=STATES[state], exercise=True)
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [*SIZES, (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", list(STATES))
def test_projector(snap_compare, tmp_path, state: str, size: tuple[int, int]) -> None:
    from tests.conftest import SELJORD
    from tuiroom.programme.loading import load_programme

    store = Store.open(tmp_path / "room.db")
    store.load(load_programme(SELJORD))
    clock = running(store, now=STATES[state], exercise=True)
    store.close()
    app = ProjectorApp(tmp_path / "room.db", clock_for=lambda run: clock)
    assert snap_compare(app, terminal_size=size)


def test_agenda_gallery_walk(snap_compare, seljord_store: Store) -> None:
    """The afternoon's gallery walk: which group is at which poster, rotations left."""
    from tuiroom.day.running import Day
    from tuiroom.store.records import ExerciseRunRow

    # The walk is under way before the window opens: no "next poster" notice to race.
    clock = running(seljord_store, start="12:15", now="12:15")
    day = Day.live(seljord_store, samling_id(seljord_store, "s3"), clock)
    day.jump(next(i.id for i in day.items if i.title.startswith("Vi jobber")))
    exercise = next(
        e
        for e in day.exercises[day.current().id]
        if e.phases and any(p.form == "gallery" for p in e.phases)
    )
    day.store.write_timings(
        day.run.id, exercises=[ExerciseRunRow(exercise.id, at("12:15"), 2, at("12:15"), None)]
    )
    clock.set(at("12:20"))
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=clock)
    assert snap_compare(app, terminal_size=(120, 35))


def cards_settled(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `keys`, then wait until the role cards hold the focus (they take it a frame
    after their tab is built) and the footer has come: the snapshot is then the same
    however busy the machine is."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(*keys)
        waited = time.monotonic() + 20  # a loaded machine may take long, never forever
        steady = 0  # settled means: still so five looks later (focus may move once more)
        while steady < 5 and time.monotonic() < waited:
            await pilot.pause(0.05)
            focused = pilot.app.focused
            settled = isinstance(focused, CardGrid) and bool(focused.cards)
            steady = steady + 1 if settled and pilot.app.screen.query("Footer") else 0
        focused = pilot.app.focused
        if isinstance(focused, CardGrid):
            focused.draw()  # the highlight as the focused grid draws it, whatever came first
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_role_cards(snap_compare, seljord_store: Store, size: tuple[int, int]) -> None:
    """Six groups' roles at once on a projector-sized terminal."""
    from tuiroom.groups import work as groupwork

    s3 = samling_id(seljord_store, "s3")
    sources = groupwork.network_sources(seljord_store.roster(s3))
    roles = seljord_store.programme().roles
    groupwork.draw_roles(seljord_store, s3, sources, roles, None, False, "nb", seed=7)
    app = make_app(seljord_store, s3, clock=running(seljord_store, now="12:20"))
    assert snap_compare(app, terminal_size=size, run_before=cards_settled("2", "r"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_phase_bar_titles(snap_compare, seljord_store: Store, size: tuple[int, int]) -> None:
    """The phase bar names the phases by the titles in the file, shortened to fit."""
    from tuiroom.day.running import Day
    from tuiroom.store.records import ExerciseRunRow

    # The round-robin is running before the window opens: no phase-change notice to race.
    clock = running(seljord_store, key="s1", start="11:00", now="11:00")
    day = Day.live(seljord_store, samling_id(seljord_store, "s1"), clock)
    day.jump(next(i.id for i in day.items if i.title.startswith("Introduksjon")))
    exercise = next(e for e in day.exercises[day.current().id] if e.phases)
    started = ExerciseRunRow(exercise.id, at("11:00"), 1, at("11:03"), None)
    day.store.write_timings(day.run.id, exercises=[started])
    clock.set(at("11:05"))
    app = make_app(seljord_store, samling_id(seljord_store, "s1"), clock=clock)
    assert snap_compare(app, terminal_size=size)


def test_role_cards_on_the_projector_footer(snap_compare, seljord_store: Store) -> None:
    """After v the footer offers the way back: v Tilbake til klokka."""
    from tuiroom.groups import work as groupwork

    s3 = samling_id(seljord_store, "s3")
    sources = groupwork.network_sources(seljord_store.roster(s3))
    roles = seljord_store.programme().roles
    groupwork.draw_roles(seljord_store, s3, sources, roles, None, False, "nb", seed=7)
    app = make_app(seljord_store, s3, clock=running(seljord_store, now="12:20"))
    assert snap_compare(app, terminal_size=(120, 35), run_before=cards_settled("2", "r", "v"))


def test_role_cards_after_redrawing_one_group(
    snap_compare, seljord_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """g on the second card redraws Blåveis where it stands, highlighted still."""
    from tuiroom.groups import work as groupwork

    s3 = samling_id(seljord_store, "s3")
    sources = groupwork.network_sources(seljord_store.roster(s3))
    roles = seljord_store.programme().roles
    groupwork.draw_roles(seljord_store, s3, sources, roles, None, False, "nb", seed=7)
    app = make_app(seljord_store, s3, clock=running(seljord_store, now="12:20"))
    monkeypatch.setattr(groupwork, "new_seed", lambda: 11)  # the redraw, repeatable
    assert snap_compare(
        app, terminal_size=(120, 35), run_before=cards_settled("2", "r", "right", "g")
    )


@pytest.mark.parametrize(
    ("groups", "size"), [(12, (100, 30)), (100, (160, 45))], ids=["12-100x30", "100-160x45"]
)
def test_projector_role_cards_fitted(
    snap_compare, tmp_path, groups: int, size: tuple[int, int]
) -> None:
    """Many groups' role cards on the projector: whole cards in columns, page 1 of n."""
    from tests.crowd import crowd_db, project_roles

    db, store = crowd_db(tmp_path, groups)
    clock = project_roles(store)
    store.close()
    app = ProjectorApp(db, clock_for=lambda run: clock)
    assert snap_compare(app, terminal_size=size)
