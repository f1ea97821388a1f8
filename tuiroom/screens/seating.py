"""Who sits where, put on the projector from the groups screen: everyone present, by
name, with their network group or their group in the new grouping."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tuiroom.day import stage
from tuiroom.day.stage import Offer
from tuiroom.groups.seating import seating
from tuiroom.i18n import t
from tuiroom.store.groups import GroupingRow

if TYPE_CHECKING:
    from tuiroom.app import TuiroomApp


def project_seating(app: TuiroomApp, samling_id: int, grouping: GroupingRow | None) -> None:
    store = app.store
    group_of = None
    if grouping is not None:
        group_of = {
            person: t("groups.group_number", number=number + 1)
            for number, members in enumerate(grouping.groups)
            for person in members
        }
    people = seating(store.roster(samling_id), group_of)
    if not people:
        app.notify(t("groups.nobody_present"), timeout=3)
        return
    title = t("groups.seating_title", count=len(people))
    # Like v: up for the item running now (the clock again when the day moves on), and
    # w once more, while the room sees it, takes it down.
    if stage.toggle(app.day, Offer("seating", {"title": title, "people": people})):
        app.notify(t("groups.on_projector"), timeout=3)
    else:
        app.notify(t("clock.stage_clock"), timeout=3)
