"""`tuiroom run`: open a programme (the bundled example by default) in the app."""

from __future__ import annotations

import sys
from pathlib import Path

from tuiroom.i18n import set_language, tn
from tuiroom.launch import load_session
from tuiroom.paths import bundled, default_db


def run_app(file: Path | None, db: Path | None, session: str | None, lang: str | None) -> int:
    from tuiroom.app import make_app

    example = file is None
    source = bundled() if file is None else file
    database = db or default_db(source, example=example)
    opened = load_session(source, database, session, lang)
    set_language(opened.language)
    for warning in opened.warnings:
        print(warning, file=sys.stderr)
    notice = [tn("app.warnings", len(opened.warnings), file=source)] if opened.warnings else []
    app = make_app(opened.store, opened.samling_id, warnings=notice)
    try:
        app.run()
    finally:
        opened.store.close()
    return app.return_code or 0
