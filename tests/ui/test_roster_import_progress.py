"""A long roster import shows its progress and leaves the screen answering keys."""

from __future__ import annotations

import asyncio
import time

import pytest
from textual import events
from textual.widgets import ProgressBar

from tests.running import at, samling_id
from tests.ui.notices import Notices
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.screens import groups_attendance
from tuiroom.screens.groups_attendance import AttendancePane
from tuiroom.store import Store


async def test_a_key_is_handled_while_a_long_import_runs(
    seljord_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(groups_attendance, "IMPORT_CHUNK", 20)
    fast = seljord_store.import_roster

    def slow(rows, samling, claimed):  # type: ignore[no-untyped-def]
        time.sleep(0.04)  # an injected delay: ten chunks take as long as a big file
        return fast(rows, samling, claimed)

    monkeypatch.setattr(seljord_store, "import_roster", slow)
    s3 = samling_id(seljord_store, "s3")
    first = seljord_store.roster(s3)[0]
    rows = [(f"Deltaker {n}", f"Bord {n // 7 + 1}", "") for n in range(200)]
    notices = Notices()
    app = make_app(seljord_store, s3, clock=FakeClock(at("08:20")))
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.screen.query_one(AttendancePane)
        worker = pane.import_rows(rows)
        progress = pane.query_one("#import-progress", ProgressBar)
        await pilot.pause(0.1)
        assert progress.display and progress.total == 200
        # The key as the terminal sends it (Pilot's press would wait for the screen to
        # be idle, and a running import keeps the progress bar busy).
        app.post_message(events.Key("space", " "))
        await asyncio.sleep(0.1)
        assert not next(p for p in seljord_store.roster(s3) if p.id == first.id).present
        assert worker.is_running, "the import ended before the key was seen to be handled"
        assert 0 < (progress.progress or 0) < 200
        await worker.wait()
        await pilot.pause()
        assert not progress.display
    assert len(seljord_store.roster(s3)) == 33 + 200
    assert "200 lagt til, 0 oppdatert." in notices
