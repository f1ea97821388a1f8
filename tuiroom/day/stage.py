"""What the projector shows beside the clock, and what `v` and `V` do about it.

A stage is put up for the item running at that moment and gives way to the clock by
itself when the day moves to another item, unless the facilitator pinned it. Nothing is
written when the item changes, so the read-only projector follows the same rule.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from tuiroom.day.running import Day
from tuiroom.store.records import StageRow


class Offer(NamedTuple):
    """What a screen would put on the projector."""

    kind: str
    payload: dict[str, object]


def seen(stage: StageRow | None, current_id: int | None) -> StageRow | None:
    """The stage the room sees now, or None for the clock."""
    if stage is None or stage.kind == "clock":
        return None
    return stage if stage.pinned or stage.item_id == current_id else None


def showing(stage: StageRow | None, current_id: int | None, offer: Offer | None) -> bool:
    """Whether the room already sees exactly what `offer` would put up."""
    shown = seen(stage, current_id)
    if shown is None or offer is None:
        return False
    content = {key: value for key, value in shown.payload.items() if key != "turn"}
    return shown.kind == offer.kind and content == _stored(offer.payload)


def _stored(payload: dict[str, object]) -> object:
    """The payload as it reads back from the store (tuples become lists)."""
    return json.loads(json.dumps(payload, ensure_ascii=False))


def _current_id(day: Day) -> int | None:
    current = day.current()
    return current.id if current else None


def is_showing(day: Day, offer: Offer | None) -> bool:
    return showing(day.store.stage(day.run.id), _current_id(day), offer)


def shown_now(day: Day) -> StageRow | None:
    """What the room sees beside the clock now, if anything."""
    return seen(day.store.stage(day.run.id), _current_id(day))


def is_showing_anything(day: Day) -> bool:
    return seen(day.store.stage(day.run.id), _current_id(day)) is not None


def is_pinned(day: Day, offer: Offer | None) -> bool:
    stage = day.store.stage(day.run.id)
    return showing(stage, _current_id(day), offer) and stage is not None and stage.pinned


def to_clock(day: Day) -> None:
    day.store.set_stage(day.run.id, "clock", {})


def toggle(day: Day, offer: Offer | None) -> bool:
    """`v`: put the offer up for the running item; if the room sees it already (or there
    is nothing to offer), back to the clock. Returns whether the offer is up now."""
    if offer is None or is_showing(day, offer):
        to_clock(day)
        return False
    day.store.set_stage(day.run.id, offer.kind, offer.payload, _current_id(day))
    return True


def toggle_pin(day: Day, offer: Offer) -> bool:
    """`V`: pin the offer up (putting it up if need be); pinned already, unpin it, so it
    stays up until the item changes. Returns whether it is pinned now."""
    pinned = not is_pinned(day, offer)
    day.store.set_stage(day.run.id, offer.kind, offer.payload, _current_id(day), pinned)
    return pinned


def follow(day: Day, before: Offer | None, after: Offer | None) -> None:
    """A screen's offer changed (a redraw, another source): if the room saw the old one,
    it sees the new one in its place (pinned as it was), or the clock when there is none."""
    stage = day.store.stage(day.run.id)
    if before is None or before == after or not showing(stage, _current_id(day), before):
        return
    if after is None or stage is None:
        to_clock(day)
        return
    day.store.set_stage(day.run.id, after.kind, after.payload, stage.item_id, stage.pinned)
