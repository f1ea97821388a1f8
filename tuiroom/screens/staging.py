"""The `v` and `V` keys every screen with something for the projector shares.

`v` puts what the screen offers on the projector for the running item, or, when the room
already sees it, takes it down again; the footer says which of the two `v` will do. `V`
pins it up across items (and unpins it). The rule itself is in `tuiroom.day.stage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.binding import Binding

from tuiroom.day import stage
from tuiroom.day.stage import Offer
from tuiroom.i18n import t

if TYPE_CHECKING:
    from tuiroom.app import TuiroomApp

STAGE_BINDINGS = [
    Binding("v", "project", "stage.key.show"),
    Binding("v", "to_clock", "stage.key.clock"),
    Binding("V", "pin", "stage.key.pin", show=False),
    Binding("V", "unpin", "stage.key.unpin", show=False),
]


class _Staged(Protocol):
    @property
    def room_app(self) -> TuiroomApp: ...

    def stage_offer(self) -> Offer | None: ...

    def stage_notice(self, offer: Offer) -> str: ...

    def stage_missing(self) -> str: ...

    def refresh_bindings(self) -> None: ...

    def notify(self, message: str, *, timeout: float | None = None) -> None: ...


class Staging:
    """Mixed into a screen or pane that offers something for the projector. Its
    `check_action` asks `stage_check` first."""

    def stage_offer(self) -> Offer | None:
        """What `v` would put up now; None: nothing (then `v` only shows the clock)."""
        return None

    def stage_notice(self, offer: Offer) -> str:
        return t("stage.shown")

    def stage_missing(self) -> str:
        """Said when there is nothing to put up and the projector shows the clock."""
        return t("clock.stage_clock")

    def stage_check(self: _Staged, action: str) -> bool | None:
        """Which `v` and `V` the footer shows; None for any other action."""
        if action not in ("project", "to_clock", "pin", "unpin"):
            return None
        day, offer = self.room_app.day, self.stage_offer()
        if action in ("pin", "unpin"):
            return offer is not None and stage.is_pinned(day, offer) == (action == "unpin")
        return stage.is_showing(day, offer) == (action == "to_clock")

    def action_project(self: _Staged) -> None:
        offer, day = self.stage_offer(), self.room_app.day
        if offer is None and not stage.is_showing_anything(day):
            self.notify(self.stage_missing(), timeout=3)
        elif stage.toggle(day, offer) and offer is not None:
            self.notify(self.stage_notice(offer), timeout=3)
        else:
            self.notify(t("clock.stage_clock"), timeout=3)
        self.refresh_bindings()

    def action_to_clock(self: _Staged) -> None:
        stage.to_clock(self.room_app.day)
        self.notify(t("clock.stage_clock"), timeout=3)
        self.refresh_bindings()

    def action_pin(self: _Staged) -> None:
        _toggle_pin(self)

    def action_unpin(self: _Staged) -> None:
        _toggle_pin(self)


def _toggle_pin(staged: _Staged) -> None:
    offer = staged.stage_offer()
    if offer is None:
        return
    pinned = stage.toggle_pin(staged.room_app.day, offer)
    staged.notify(t("stage.pinned") if pinned else t("stage.unpinned"), timeout=4)
    staged.refresh_bindings()
