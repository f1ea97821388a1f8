"""How tuiroom's own screens and widgets reach the app: one typed property, no ignores.

They only ever run inside TuiroomApp, so `room_app` is `self.app` told so. The app is
imported for the type checker alone: tuiroom.app imports the screens, not the reverse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from tuiroom.app import TuiroomApp


class _HasApp(Protocol):
    @property
    def app(self) -> App[object]: ...


class RoomApp:
    """Mixed into a screen or widget that runs inside TuiroomApp (after its Textual base)."""

    @property
    def room_app(self: _HasApp) -> TuiroomApp:
        return cast("TuiroomApp", self.app)
