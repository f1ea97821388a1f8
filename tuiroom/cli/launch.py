"""From command-line arguments to a loaded store and a chosen samling.

Everything that can go wrong before the first frame is turned into a UserError whose
message says what to do; the CLI prints it and exits with code 2.

A programme file that has not changed since the database last loaded it is not read
again: its digest says so, and the app starts from the store alone. Reading and
checking the file (with pydantic) happens only when it is new or was edited.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Collection, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import NamedTuple

from tuiroom.cldr import joined
from tuiroom.i18n import t
from tuiroom.paths import rehearsal_db
from tuiroom.programme import choose
from tuiroom.store import (
    DayLock,
    Now,
    Store,
    StoreError,
    copy_database,
    digest_of,
    is_held,
    stored_digest,
    stored_language,
    wall_clock,
)
from tuiroom.store.records import SamlingRow


class UserError(Exception):
    """A problem the user can fix; its message is complete and translated."""


def require_terminal() -> None:
    """A window needs a terminal on both sides: from a pipe, cron or </dev/null Textual
    would write escape codes nowhere and wait for keys that never come."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("cli.no_terminal"))


class Session(NamedTuple):
    store: Store
    samling_id: int
    language: str
    source: Path
    warnings: tuple[str, ...] = ()


def reader_language(path: Path) -> str | None:
    """The language of the programme a database last loaded, read as `tuiroom export`
    reads (nothing left beside the file); None if it cannot be read."""
    try:
        store = Store.reader(path)
    except StoreError:
        return None
    try:
        info = store.programme()
    except sqlite3.Error:  # a damaged file: the projector will say so
        return None
    finally:
        store.close()
    return info.language if info else None


def store_error(exc: StoreError, lang: str | None = None) -> UserError:
    return UserError(t(f"db.{exc.code}", lang=lang, **exc.values))


def open_store(path: Path, lang: str | None = None, now: Now = wall_clock) -> Store:
    try:
        return Store.open(path, now)
    except StoreError as exc:
        raise store_error(exc, lang) from exc


def _text(file: Path) -> str | None:
    try:
        return file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def load_session(
    file: Path,
    db: Path,
    session: str | None,
    lang: str | None,
    today: dt.date | None = None,
    now: Now = wall_clock,
) -> Session:
    """Bring the store up to date with the file (if it changed) and pick the samling.

    `now` is the clock the store stamps its rows with.
    """
    text = _text(file)
    unchanged = text is not None and stored_digest(db) == digest_of(text)
    if unchanged:
        store, language, warnings = _from_store(db, lang, now)
    else:
        store, language, warnings = _from_file(file, db, lang, now)
    try:
        samling_id = pick_samling(
            store.samlinger(),
            session,
            today or dt.date.today(),
            language,
            file,
            store.samlinger_with_items(),
        )
    except UserError:
        store.close()
        raise
    return Session(store, samling_id, language, file, tuple(warnings))


def _from_store(db: Path, lang: str | None, now: Now) -> tuple[Store, str, list[str]]:
    store = open_store(db, lang or stored_language(db), now)
    info = store.programme()
    _, warnings = store.loaded()
    return store, lang or (info.language if info else "nb"), warnings


def _from_file(file: Path, db: Path, lang: str | None, now: Now) -> tuple[Store, str, list[str]]:
    from tuiroom.programme.loading import read_programme, read_text

    result = read_programme(file, lang)
    if result.programme is None:
        raise UserError("\n".join(result.messages()))
    language = lang or result.language
    warnings = result.messages(language, only="warning")
    store = open_store(db, language, now)
    text, _ = read_text(file)
    try:
        store.load(result.programme, file.resolve(), text or "", warnings)
    except StoreError as exc:
        store.close()
        raise store_error(exc, language) from exc
    return store, language, warnings


@contextmanager
def facilitator_window(
    file: Path,
    db: Path,
    session: str | None,
    lang: str | None,
    *,
    rehearsal: bool = False,
    today: dt.date | None = None,
    now: Now = wall_clock,
) -> Iterator[Session]:
    """The loaded session of the one facilitator window on `db`, held until the block ends.

    The hold is taken before anything is read or written, so a second window on the same
    day is refused with the database exactly as it was. A rehearsal never opens `db` for
    writing: it runs in a fresh copy beside it (paths.rehearsal_db), which is removed when
    the block ends; meanwhile it holds `db` shared, so the real day cannot be opened in
    another window (the projector follows the rehearsal while it runs).
    """
    with ExitStack() as holds:
        where = _claim_rehearsal(db, lang, holds) if rehearsal else _claim_day(db, lang, holds)
        opened = load_session(file, where, session, lang, today, now)
        holds.callback(opened.store.close)  # closed before the holds are let go
        yield opened


def _language(db: Path) -> str | None:
    """The programme's language for a refusal, read from the day (or its rehearsal)."""
    return stored_language(db) or stored_language(rehearsal_db(db))


def _claim(path: Path, day: Path, lang: str | None, *, shared: bool = False) -> DayLock:
    try:
        return DayLock.claim(path, shared=shared)
    except StoreError as exc:
        if exc.code == "open_elsewhere":
            exc = StoreError("open_elsewhere", day)
        raise store_error(exc, lang or _language(day)) from exc


def _claim_day(db: Path, lang: str | None, holds: ExitStack) -> Path:
    holds.enter_context(_claim(db, db, lang))
    if is_held(rehearsal_db(db)):
        raise store_error(StoreError("open_elsewhere", db), lang or _language(db))
    return db


def _claim_rehearsal(db: Path, lang: str | None, holds: ExitStack) -> Path:
    copy = rehearsal_db(db)
    lock = _claim(copy, db, lang)
    holds.callback(lock.release, remove=True)
    if db.exists():
        holds.enter_context(_claim(db, db, lang, shared=True))
    lock.empty()
    try:
        copy_database(db, copy)
    except StoreError as exc:
        raise store_error(exc, lang or _language(db)) from exc
    return copy


def pick_samling(
    rows: Sequence[SamlingRow],
    name: str | None,
    today: dt.date,
    lang: str,
    file: Path,
    filled: Collection[int] | None = None,
) -> int:
    """The id of the samling to open: the one named, else today's or the next of those
    with items (`filled`: their ids; None when every samling counts)."""
    if not rows:
        raise UserError(t("app.no_samlinger", lang=lang, file=file))
    if name:
        chosen = choose.find(rows, name, key=lambda r: r.key)
    else:
        chosen = choose.default(rows, today, lambda r: filled is None or r.id in filled)
    if chosen is None:
        choices = joined([f"{n} ({r.title})" for n, r in enumerate(rows, 1)], lang, "or")
        raise UserError(t("app.session_missing", lang=lang, name=name, choices=choices))
    return chosen.id
