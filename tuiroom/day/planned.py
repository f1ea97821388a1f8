"""A samling opened on another day than its date: shown as planned, with a way in.

Projected from now it would read "12 timer bak skjema" with lunch at midnight; shown as
planned it keeps its own times, and one line offers a rehearsal on them, or Space to
start the day now.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tuiroom import fmt
from tuiroom.i18n import t

if TYPE_CHECKING:
    from tuiroom.day.running import Day

LEAD_MINUTES = 1  # a rehearsal starts a minute before the first item
REHEARSAL_SPEED = 60


class Planned(NamedTuple):
    """The samling's date, its first item's start (minutes after midnight), and the
    programme file as `tuiroom run` takes it ("" for the bundled example)."""

    date: dt.date
    start: int
    file: str = ""


def planned_of(day: Day) -> Planned | None:
    if not day.items or day.date is None or not day.planned():
        return None
    info = day.store.programme()
    return Planned(day.date, day.items[0].start, command_file(info.source if info else ""))


def command_file(source: str) -> str:
    """The file's name, as typed in its folder; nothing for the bundled example."""
    if not source:
        return ""
    from tuiroom.paths import bundled

    path = Path(source)
    return "" if path.resolve() == bundled().resolve() else path.name


def rehearsal_command(planned: Planned) -> str:
    """tuiroom run seljord.toml --now 08:29 --speed 60"""
    words = ["tuiroom", "run", *([planned.file] if planned.file else [])]
    words += ["--now", fmt.hhmm(planned.start - LEAD_MINUTES), "--speed", str(REHEARSAL_SPEED)]
    return " ".join(words)


def planned_face(planned: Planned) -> str:
    return fmt.hhmm(planned.start)


def planned_subline(planned: Planned) -> str:
    return t("clock.planned", date=fmt.long_date(planned.date))


def planned_hint(planned: Planned) -> str:
    """The facilitator's line: the samling's date, a rehearsal, or Space to start now."""
    return t(
        "clock.planned_hint",
        date=fmt.long_date(planned.date),
        command=rehearsal_command(planned),
    )
