"""SVG snapshots of what the projector shows. Textual is pinned, so they are stable;
look at a changed one with your own eyes before accepting it (--snapshot-update).
"""

from __future__ import annotations

from tests.running import at, samling_id
from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock
from tuiroom.store import Store


def make(store: Store, key: str):  # type: ignore[no-untyped-def]
    """The app before the day starts, at 08:20 on a fixed day."""
    return make_app(store, samling_id(store, key), clock=FakeClock(at("08:20")))


def test_agenda_120x35(snap_compare, seljord_store: Store) -> None:
    app = make(seljord_store, "s3")
    assert snap_compare(app, terminal_size=(120, 35))


def test_agenda_80x24(snap_compare, seljord_store: Store) -> None:
    app = make(seljord_store, "s3")
    assert snap_compare(app, terminal_size=(80, 24))


def test_agenda_light_theme_samling_1(snap_compare, seljord_store: Store) -> None:
    seljord_store.set_setting("theme", "tuiroom-light")
    app = make(seljord_store, "s1")
    assert snap_compare(app, terminal_size=(120, 35), press=["down", "down", "down"])


def test_programme_120x35(snap_compare, seljord_store: Store) -> None:
    app = make(seljord_store, "s3")
    assert snap_compare(app, terminal_size=(120, 35), press=["0"])
