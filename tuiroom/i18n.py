"""One catalogue per language, and the one function every visible string goes through.

The catalogues live in `tuiroom/locales/<lang>.toml`. Nynorsk falls back to bokmål for
any key it does not define, since most interface words are the same in both.

Parsing a catalogue (and importing tomllib) is a few milliseconds of every start, so the
parsed catalogue is kept as JSON in the user's cache folder, named by the size and time
of the TOML file it came from: an edited or upgraded catalogue is simply parsed again.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

import humanize

LOCALES: Final = Path(__file__).parent / "locales"  # shipped as plain files beside this module
LANGUAGES: Final = ("nb", "nn", "en")
FALLBACK: Final = {"nn": "nb", "nb": None, "en": None}
HUMANIZE_LOCALE: Final = {"nb": "nb", "nn": "nb", "en": None}
# humanize speaks bokmål only; in nynorsk these of its words differ.
NYNORSK_WORDS: Final = {
    "en": "ein",
    "et": "eitt",
    "timer": "timar",
    "minutter": "minutt",
    "sekunder": "sekund",
    "dager": "dagar",
    "måned": "månad",
    "måneder": "månader",
}

_current = "nb"


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat.update(_flatten({str(i): v for i, v in enumerate(value)}, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def cache_folder() -> Path | None:
    """$XDG_CACHE_HOME/tuiroom, else ~/.cache/tuiroom; None without a home to keep it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory at all
            return None
    return Path(base) / "tuiroom"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The strings a language defines itself, without fallback."""
    source = LOCALES / f"{lang}.toml"
    stat = source.stat()
    folder = cache_folder()
    cached = folder / f"locale-{lang}-{stat.st_size}-{stat.st_mtime_ns}.json" if folder else None
    try:
        kept = json.loads(cached.read_text("utf-8")) if cached else None
    except (OSError, ValueError):
        kept = None
    if isinstance(kept, dict):
        return kept
    import tomllib

    flat = _flatten(tomllib.loads(source.read_text("utf-8")))
    if cached:
        _keep(lang, cached, flat)
    return flat


def _keep(lang: str, path: Path, flat: dict[str, str]) -> None:
    """Write the parsed catalogue for the next start, replacing older copies of the same
    language. A cache that cannot be written (a read-only home) is no loss."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"locale-{lang}-*.json"):
            old.unlink(missing_ok=True)
        temporary = path.parent / f".{path.name}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(flat, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def set_language(lang: str) -> None:
    """Switch the interface and humanize to `lang` (one of LANGUAGES)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang
    use_humanize(lang)


def use_humanize(lang: str) -> None:
    """humanize in `lang`. Its translations are looked up in humanize's own folder,
    named here so humanize need not import importlib.resources to find it (a tenth of
    tuiroom's start-up); a packaging without that folder falls back to humanize's way."""
    locale = HUMANIZE_LOCALE[lang]
    if locale is None:
        humanize.i18n.deactivate()
        return
    folder = Path(humanize.__file__).parent / "locale"
    humanize.i18n.activate(locale, path=folder if folder.is_dir() else None)


def humanized(text: str, lang: str | None = None) -> str:
    """humanize's words (bokmål, for both Norwegian languages) in `lang`: nynorsk swaps
    the few that differ, so "2 timer og 30 minutter" reads "2 timar og 30 minutt"."""
    if (lang or _current) != "nn":
        return text
    return re.sub(r"\w+", lambda word: NYNORSK_WORDS.get(word[0], word[0]), text)


def language() -> str:
    return _current


def lookup(key: str, lang: str) -> str | None:
    """The text for `key` in `lang`, following the fallback chain; None if missing."""
    current: str | None = lang
    while current is not None:
        text = catalogue(current).get(key)
        if text is not None:
            return text
        current = FALLBACK[current]
    return None


_SLOT: Final = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def fill(text: str, values: Mapping[str, object]) -> str:
    """`{name}` slots filled with `values`, in one pass: a value is never read as a
    template itself, and a brace that is not a known slot stays as it is (a catalogue
    text may speak of `{` and `}` in a programme file). `{{` and `}}` are one brace."""

    def slot(match: re.Match[str]) -> str:
        name = match[1]
        if name is None:
            return match[0][0]
        return str(values[name]) if name in values else match[0]

    return _SLOT.sub(slot, text)


def t(key: str, /, lang: str | None = None, **values: object) -> str:
    """Translate `key` and fill in `values`; a missing key shows itself, never crashes."""
    text = lookup(key, lang or _current)
    if text is None:
        return key
    return fill(text, values)


def tn(key: str, count: int, /, lang: str | None = None, **values: object) -> str:
    """Like t(), choosing `key_one` for a count of one when the catalogue has it."""
    one = f"{key}_one"
    chosen = one if count == 1 and lookup(one, lang or _current) is not None else key
    return t(chosen, lang=lang, count=count, **values)
