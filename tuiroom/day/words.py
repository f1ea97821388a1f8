"""The words of a running day, in the interface language: what the countdown is about,
how far behind the room is, what the current phase asks of people.

Kept apart from the widgets so the facilitator's screen and the projector say the
same thing, and tests can read it without a terminal.
"""

from __future__ import annotations

import datetime as dt

from tuiroom import fmt
from tuiroom.day.clock import countdown, local_time
from tuiroom.day.phases import DuoTurn, GalleryTurn, Turn
from tuiroom.day.planned import planned_face, planned_subline
from tuiroom.day.running import Held
from tuiroom.day.schedule import Cut, Miss
from tuiroom.day.view import DayView, PhaseView
from tuiroom.i18n import t, tn


def clock_time(when: dt.datetime | None) -> str:
    return local_time(when) if when else ""


def minutes_text(seconds: float) -> str:
    """ "12 minutter", "1 time og 5 minutter" (in the active language), rounded to whole
    minutes."""
    return fmt.duration(max(1, round(abs(seconds) / 60)))


def minutes_apart(later: dt.datetime, earlier: dt.datetime) -> int:
    """Whole minutes between two instants as the clock shows them (15:20:40 is 15:20), so a
    sentence says 20 minutes late where the table shows 15:20 for 15:00."""
    return int(later.timestamp() // 60 - earlier.timestamp() // 60)


def sentence(text: str) -> str:
    """A sentence starts with a capital letter, also when it starts with a filled-in
    value ("et minutt bak skjema" reads "Et minutt bak skjema")."""
    return text[:1].upper() + text[1:]


def closed(title: str) -> str:
    """A title as the end of a sentence: a full stop, unless it ends in its own mark."""
    return title if title.rstrip().endswith((".", "!", "?", "…", ":")) else f"{title}."


def on_projector(title: str) -> str:
    """The notice for what the projector shows now: "Vises på projektoren: Velkommen! …"."""
    return t("clock.stage_shown", title=closed(title))


def face(view: DayView) -> str:
    """The big number: time left of the item, time until the start, or the time over."""
    if view.state == "finished":
        return clock_time(view.projection.projected_end)
    if view.planned is not None:
        return planned_face(view.planned)
    return countdown(view.remaining)


def headline(view: DayView) -> str:
    """What the countdown counts: the current item, or what comes first."""
    if view.current is not None:
        return view.current.title
    if view.state == "finished":
        return t("clock.finished_title")
    return view.following.title if view.following else ""


def subline(view: DayView) -> str:
    if view.planned is not None:
        return planned_subline(view.planned)
    if view.state == "finished":
        return t(
            "clock.finished",
            time=clock_time(view.projection.projected_end),
            plan=clock_time(view.projection.planned_end),
        )
    if view.current is None:
        row = view.row(view.following)
        start = clock_time(row.item.start) if row else ""
        key = "clock.waiting" if view.remaining >= 0 else "clock.waiting_late"
        return t(key, time=start)
    row = view.row(view.current)
    planned = fmt.span(view.current.start, view.current.end)
    text = t("clock.running", span=planned, started=clock_time(row.start if row else None))
    return f"{t('clock.paused')} · {text}" if view.state == "paused" else text


def next_line(view: DayView) -> str:
    if view.current is None or view.following is None:
        return ""
    row = view.row(view.following)
    return t("clock.next", title=view.following.title, time=clock_time(row.start if row else None))


def status_line(view: DayView) -> str:
    """12 minutter bak skjema: ferdig ca. 15:12 (plan 15:00). Once the day is over, only
    how it went: the line above already says when it ended."""
    if view.held is not None:
        return held_line(view.held)
    projection = view.projection
    planned, projected = projection.planned_end, projection.projected_end
    waiting = view.state == "waiting" and view.remaining >= 0
    if planned is None or projected is None or waiting or view.state == "planned":
        return t("clock.plan", end=clock_time(planned))
    prefix = "clock.ended_" if view.state == "finished" else "clock."
    values = {"end": clock_time(projected), "plan": clock_time(planned)}
    behind = minutes_apart(projected, planned)
    if behind == 0:
        return sentence(t(f"{prefix}on_time", **values))
    key = f"{prefix}behind" if behind > 0 else f"{prefix}ahead"
    return sentence(t(key, delta=minutes_text(behind * 60), **values))


def held_line(held: Held) -> str:
    """Why - or < took less than asked: an item's deadline never goes before now."""
    if held.taken <= 0:
        return t("clock.held", title=held.item.title)
    return t("clock.held_some", title=held.item.title, left=countdown(held.taken))


def miss_line(miss: Miss) -> str:
    time = clock_time(miss.planned)
    delta = minutes_text(minutes_apart(miss.projected, miss.planned) * 60)
    if miss.item is None:
        return sentence(t("clock.miss_end", time=time, delta=delta))
    return sentence(t("clock.miss", title=miss.item.title, time=time, delta=delta))


def cut_line(cut: Cut | None) -> str:
    """The cut on offer with its keys, and, set apart, what it leaves missing."""
    if cut is None:
        return t("clock.no_cut")
    parts = [tn("clock.cut_offer", len(cut.changes), delta=minutes_text(cut.total))]
    if cut.left_over >= 60:
        parts.append(sentence(t("clock.cut_short", left=minutes_text(cut.left_over))))
    return " · ".join(parts)


def phase_name(view: PhaseView) -> str:
    return view.phase.title or t(f"form.{view.phase.form}")


def phase_turn(view: PhaseView) -> str:
    """What the phase asks of the room right now: next speaker, switch, move on."""
    turn = view.turn
    if isinstance(turn, Turn) and turn.speakers > 1:
        return t(
            "phase.turn_speaker",
            speaker=turn.speaker,
            speakers=turn.speakers,
            share=countdown(turn.share),
            next=countdown(turn.next_in),
        )
    if isinstance(turn, DuoTurn):
        if turn.half == 1:
            return t("phase.duo_first", left=countdown(turn.switch_in))
        return t("phase.duo_second", left=countdown(max(0.0, view.remaining)))
    if isinstance(turn, GalleryTurn):
        return t(
            f"phase.gallery_{turn.part}",
            rotation=turn.rotation,
            rotations=turn.rotations,
            left=countdown(turn.part_left),
        )
    if not view.moves_on and view.remaining < 0:
        return t("phase.waiting")
    return ""


def signal_text(kind: str, view: DayView) -> str:
    """The words that go with a bell."""
    title = view.current.title if view.current else ""
    phase = phase_name(view.phase) if view.phase else ""
    if kind == "warning":
        return sentence(t("signal.warning", delta=minutes_text(view.remaining), title=title))
    return sentence(t(f"signal.{kind}", title=title, phase=phase))
