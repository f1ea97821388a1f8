"""`tuiroom export`: find the database, write the notes, and say what went wrong in
words the user can act on.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tuiroom.i18n import language, set_language, t
from tuiroom.notes.files import ExportError, default_output, write_atomic
from tuiroom.notes.referat import export_programme, export_samling
from tuiroom.store import Store


def export_command(
    file: Path | None,
    db: Path | None,
    session: str | None,
    output: Path | None,
    *,
    programme: bool = False,
    anonymize: bool = False,
    force: bool = False,
    participants: bool = False,
    lang: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Find the database as `tuiroom run` does, export, and return where it was written.

    Raises UserError with a complete message for anything the user can fix.
    """
    from tuiroom.cli.launch import UserError, pick_samling, store_error
    from tuiroom.paths import bundled, default_db
    from tuiroom.programme.loading import language_of_file
    from tuiroom.store import StoreError

    source = file or bundled()
    database = db or default_db(source, example=file is None)
    # Until the database is read, the file's language, else the system's.
    set_language(lang or (language_of_file(file) if file else None) or language())
    try:
        store = Store.reader(database)
    except StoreError as exc:
        if exc.code == "not_ready":
            raise UserError(t("export.not_ready", path=database)) from exc
        raise store_error(exc) from exc
    try:
        info = store.programme()
        set_language(lang or (info.language if info else language()))
        if programme:
            text = export_programme(
                store, anonymize=anonymize, lang=lang, participants=participants
            )
            samling = None
        else:
            day = today or dt.date.today()
            found = pick_samling(
                store.samlinger(), session, day, language(), source, store.samlinger_with_items()
            )
            samling = store.samling(found)
            text = export_samling(
                store, found, anonymize=anonymize, lang=lang, participants=participants
            )
        suffix = t("export.participants.file_suffix") if participants else ""
        target = output or default_output(database, samling, suffix)
        return write_atomic(target, text, force=force)
    except ExportError as exc:
        raise UserError(exc.message()) from exc
    except sqlite3.Error as exc:  # a file damaged past its first pages
        raise UserError(t("db.failed", path=database, reason=exc)) from exc
    finally:
        store.close()


def as_run_command(
    file: Path | None,
    db: Path | None,
    session: str | None,
    output: Path,
    *,
    force: bool = False,
    today: dt.date | None = None,
) -> Path:
    """Write the programme file again with the live day's changes of one samling (see
    tuiroom.programme.as_run) to `output`, which is never replaced without --force."""
    from tuiroom.cli.launch import UserError, pick_samling, store_error
    from tuiroom.paths import bundled, default_db
    from tuiroom.programme.as_run import InlineItems, StaleFile, programme_as_run
    from tuiroom.store import StoreError

    source = file or bundled()
    database = db or default_db(source, example=file is None)
    try:
        text = source.read_text("utf-8")
        store = Store.reader(database)
    except OSError as exc:
        raise UserError(t("change.as_run_unreadable", path=source, reason=exc)) from exc
    except StoreError as exc:
        raise store_error(exc) from exc
    try:
        day = today or dt.date.today()
        found = pick_samling(store.samlinger(), session, day, language(), source)
        written = programme_as_run(store, found, store.live_run(found), text)
        return write_atomic(output, written, force=force)
    except StaleFile as exc:
        raise UserError(t("change.as_run_stale", path=source)) from exc
    except InlineItems as exc:
        raise UserError(t("change.as_run_inline", path=source)) from exc
    except ExportError as exc:
        raise UserError(exc.message()) from exc
    except sqlite3.Error as exc:
        raise UserError(t("db.failed", path=database, reason=exc)) from exc
    finally:
        store.close()
