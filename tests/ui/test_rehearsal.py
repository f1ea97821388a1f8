"""A rehearsal lives apart from the real day: it runs in a copy beside the database, and
nothing it does (clock, answers, groupings, roles, attendance) reaches the real day's
export, summaries, fairness or avoid-repeats. The copy is thrown away when it closes."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tests.running import at, samling_id
from tests.ui.screen_text import flat, screen_text
from tests.unit.test_export import run_the_day
from tuiroom.app import make_app
from tuiroom.cli.launch import facilitator_window, load_session
from tuiroom.cli.main import main
from tuiroom.cli.run import rehearsal_clock
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.groups import work as groupwork
from tuiroom.i18n import set_language
from tuiroom.paths import rehearsal_db
from tuiroom.projector_app import ProjectorApp

CAPTURED = ("run", "item_run", "answer", "grouping", "role_draw", "attendance")


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """Seljord beside its database, with a real day run in it (answers, draws, clock)."""
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    session = load_session(file, tmp_path / "seljord.tuiroom.db", None, "nb")
    try:
        run_the_day(session.store)
    finally:
        session.store.close()
    return file


def export(programme: Path, out: Path) -> bytes:
    assert main(["export", str(programme), "--session", "s3", "-o", str(out), "--force"]) == 0
    return out.read_bytes()


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = conn.execute("select name from sqlite_master where type='table'")
        tables = [r[0] for r in names]
        return {t: sorted(conn.execute(f"select * from [{t}]"), key=repr) for t in tables}
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_rehearsal_leaves_the_real_day_byte_for_byte(
    programme: Path, tmp_path: Path
) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    first = export(programme, tmp_path / "before.md")
    rows = dump(db)
    assert all(rows[table] for table in CAPTURED), "the real day has something of each"
    before = digest(db)

    clock = rehearsal_clock(8 * 60 + 29, 60)
    with facilitator_window(programme, db, "s3", None, rehearsal=True) as opened:
        set_language(opened.language)  # as cli/run does
        store = opened.store
        assert store.path == rehearsal_db(db).resolve()
        app = make_app(store, opened.samling_id, clock=clock, rehearsal=True)
        async with app.run_test(size=(160, 40)) as pilot:
            assert "Øving, en kopi som kastes når du avslutter" in flat(screen_text(app))
            assert "seljord.rehearsal.tuiroom.db" in flat(screen_text(app))
            await pilot.press("space", "n", "n")
            sid = opened.samling_id
            person = store.roster(sid)[0].id
            store.set_present(sid, person, False)
            grouping = groupwork.regroup(store, sid, "count", 2, "mixed", True, seed=3)
            sources = groupwork.network_sources(store.roster(sid))
            roles = ["Ordstyrer", "Viddevakt"]
            groupwork.draw_roles(store, sid, sources, roles, grouping.id, False, "nb", seed=5)
            for exercises in store.exercises(sid).values():
                for exercise in exercises:
                    for question in exercise.questions:
                        store.save_answer(question.id, "Gygrene", "Gygrene", {"text": "øving"})
            await pilot.pause()
            rehearsed = dump(rehearsal_db(db))
            assert all(rehearsed[t] != rows[t] for t in CAPTURED), "the rehearsal did its work"
            assert dump(db) == rows
            await pilot.press("ctrl+q")

    assert not rehearsal_db(db).exists(), "thrown away when the rehearsal closes"
    assert dump(db) == rows
    assert digest(db) == before
    assert export(programme, tmp_path / "after.md") == first


async def test_the_projector_follows_a_rehearsal_while_it_runs(programme: Path) -> None:
    db = programme.with_name("seljord.tuiroom.db")
    clock = FakeClock(at("10:01"))
    projector = ProjectorApp(db, clock_for=lambda run: clock)
    async with projector.run_test(size=(120, 35)) as pilot:
        projector.poll()
        await pilot.pause()
        assert projector.following == db
        assert "Psykologisk trygghet" in flat(screen_text(projector))  # the real day at 10

        with facilitator_window(programme, db, "s3", "nb", rehearsal=True) as opened:
            sid = samling_id(opened.store, "s3")
            day = Day.rehearsal(opened.store, sid, clock, at("10:01"))
            day.toggle()  # the rehearsal starts the day from the top
            projector.poll()
            await pilot.pause()
            assert projector.following == rehearsal_db(db)
            text = flat(screen_text(projector))
            assert "Velkommen!" in text and "Psykologisk trygghet" not in text

        projector.poll()
        await pilot.pause()
        assert projector.following == db
        assert "Psykologisk trygghet" in flat(screen_text(projector))
