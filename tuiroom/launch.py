"""From command-line arguments to a loaded store and a chosen samling.

Everything that can go wrong before the first frame is turned into a UserError whose
message says what to do; the CLI prints it and exits with code 2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tuiroom.i18n import t
from tuiroom.loading import read_programme, read_text
from tuiroom.programme import Programme
from tuiroom.store import Store, StoreError


class UserError(Exception):
    """A problem the user can fix; its message is complete and translated."""


@dataclass
class Session:
    store: Store
    programme: Programme
    samling_id: int
    language: str
    source: Path
    warnings: list[str] = field(default_factory=list)


def store_error(exc: StoreError, lang: str | None = None) -> UserError:
    return UserError(t(f"db.{exc.code}", lang=lang, **exc.values))


def open_store(path: Path, lang: str | None = None) -> Store:
    try:
        return Store.open(path)
    except StoreError as exc:
        raise store_error(exc, lang) from exc


def load_session(
    file: Path, db: Path, session: str | None, lang: str | None, today: dt.date | None = None
) -> Session:
    """Validate the file, bring the store up to date and pick the samling to show."""
    result = read_programme(file, lang)
    if result.programme is None:
        raise UserError("\n".join(result.messages()))
    programme, language = result.programme, lang or result.language
    samling_index = pick_samling(programme, session, today or dt.date.today(), language, file)
    store = open_store(db, language)
    text, _ = read_text(file)
    try:
        store.load(programme, file.resolve(), text or "")
    except StoreError as exc:
        store.close()
        raise store_error(exc, language) from exc
    samling_id = store.samlinger()[samling_index].id
    warnings = result.messages(language, only="warning")
    return Session(store, programme, samling_id, language, file, warnings)


def pick_samling(
    programme: Programme, name: str | None, today: dt.date, lang: str, file: Path
) -> int:
    """The index of the samling to open: the one named, else today's or the next."""
    if not programme.samlinger:
        raise UserError(t("app.no_samlinger", lang=lang, file=file))
    chosen = programme.find_samling(name) if name else programme.default_samling(today)
    if chosen is None:
        choices = ", ".join(f"{n} ({s.title})" for n, s in enumerate(programme.samlinger, 1))
        raise UserError(t("app.session_missing", lang=lang, name=name, choices=choices))
    return programme.samlinger.index(chosen)
