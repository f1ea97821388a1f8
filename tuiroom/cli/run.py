"""`tuiroom run`: open a programme (the bundled example by default) in the app."""

from __future__ import annotations

import sys
from pathlib import Path

from tuiroom.cli.launch import facilitator_window, require_terminal
from tuiroom.day.clock import RehearsalClock, at_time_of_day, local_date, system_now
from tuiroom.i18n import set_language, tn
from tuiroom.paths import bundled, default_db
from tuiroom.startup import pause_collector, resume_collector


def rehearsal_clock(
    now: int | None, speed: float | None, autopilot: bool = False
) -> RehearsalClock | None:
    """The clock of `--now HH:MM --speed N`: the day played from HH:MM at N times speed
    (`--autopilot` alone rehearses from now, at real speed)."""
    if now is None and speed is None and not autopilot:
        return None
    real = system_now()
    start = real if now is None else at_time_of_day(local_date(real), now)
    return RehearsalClock(start, speed or 1.0, real_origin=real)


def run_app(
    file: Path | None,
    db: Path | None,
    session: str | None,
    lang: str | None,
    now: int | None = None,
    speed: float | None = None,
    autopilot: bool = False,
) -> int:
    pause_collector()
    try:
        return _run_app(file, db, session, lang, now, speed, autopilot)
    finally:
        resume_collector(freeze=False)  # the app did, unless it never drew a frame


def _run_app(
    file: Path | None,
    db: Path | None,
    session: str | None,
    lang: str | None,
    now: int | None,
    speed: float | None,
    autopilot: bool,
) -> int:
    from tuiroom.app import make_app

    example = file is None
    source = bundled() if file is None else file
    database = db or default_db(source, example=example)
    clock = rehearsal_clock(now, speed, autopilot)
    # The store stamps rows with the wall clock, in a rehearsal too: a saved answer says
    # when it was typed, not where the rehearsed day had got to.
    with facilitator_window(
        source, database, session, lang, rehearsal=clock is not None, now=system_now
    ) as opened:
        set_language(opened.language)
        for warning in opened.warnings:
            print(warning, file=sys.stderr)
        notice = [tn("app.warnings", len(opened.warnings), file=source)] if opened.warnings else []
        require_terminal()  # last: every mistake in the file is told first
        app = make_app(
            opened.store,
            opened.samling_id,
            clock=clock,
            rehearsal=clock is not None,
            autopilot=autopilot,
            warnings=notice,
        )
        app.run()
    return app.return_code or 0
