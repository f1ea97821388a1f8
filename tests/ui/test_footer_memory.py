"""The footer lets go of the keys it showed before: visiting a screen again and again
keeps memory flat (Textual's Footer kept every key it ever composed alive)."""

from __future__ import annotations

import gc
import weakref

from textual.widget import Widget
from textual.widgets import Footer

from tests.running import at, samling_id
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store


def keys_of(app) -> list[weakref.ref[Widget]]:  # type: ignore[no-untyped-def]
    footer = app.screen.query_one(Footer)
    return [weakref.ref(key) for key in footer.query("FooterKey")]


async def test_the_keys_of_earlier_visits_are_released(seljord_store: Store) -> None:
    app = make_app(seljord_store, samling_id(seljord_store, "s3"), clock=FakeClock(at("08:20")))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        first = keys_of(app)
        assert first
        for key in ("n", "1", "2", "1", "2"):
            await pilot.press(key)
            await pilot.pause()
        gc.collect()
        alive = [ref for ref in first if ref() is not None]
        assert not alive, f"{len(alive)} of {len(first)} footer keys of the first visit live on"
        shown = sum(len(s.query("FooterKey")) for s in app.installed_screens())
        everywhere = sum(type(o).__name__ == "FooterKey" for o in gc.get_objects())
        # Besides the keys shown, at most the ones a screen out of view last drew.
        assert everywhere <= 2 * shown
