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

LOCALES: Final = Path(__file__).parent / "locales"  # shipped as plain files beside this module
LANGUAGES: Final = ("nb", "nn", "en")
FALLBACK: Final = {"nn": "nb", "nb": None, "en": None}

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
        keep(f"locale-{lang}", cached, flat)
    return flat


def keep(name: str, path: Path, data: object) -> None:
    """Write `data` as JSON to `path` for the next start, replacing older copies
    (`name`-*.json). A cache that cannot be written (a read-only home) is no loss."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{name}-*.json"):
            old.unlink(missing_ok=True)
        temporary = path.parent / f".{path.name}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def set_language(lang: str) -> None:
    """Switch the interface to `lang` (one of LANGUAGES)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


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
