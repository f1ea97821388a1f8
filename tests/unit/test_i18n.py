"""Every visible string exists in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tuiroom import i18n
from tuiroom.i18n import LANGUAGES, catalogue, lookup, set_language, t

PACKAGE = Path(i18n.__file__).parent
LITERAL_KEY = re.compile(r"""\btn?\(\s*["']([a-z_]+(?:\.[a-z0-9_-]+)+)["']""")


def used_keys() -> set[str]:
    found: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        found |= set(LITERAL_KEY.findall(source.read_text("utf-8")))
    return found


def test_bokmal_and_english_define_the_same_keys() -> None:
    assert set(catalogue("nb")) == set(catalogue("en"))


def test_nynorsk_defines_no_key_that_bokmal_lacks() -> None:
    assert set(catalogue("nn")) - set(catalogue("nb")) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_resolves_in_every_language(lang: str) -> None:
    missing = [key for key in catalogue("nb") if lookup(key, lang) is None]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_used_in_code_exists(lang: str) -> None:
    assert used_keys(), "the scan found no t() calls"
    missing = sorted(key for key in used_keys() if lookup(key, lang) is None)
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_bokmal(lang: str) -> None:
    """A translation may not drop or invent a {placeholder}."""
    fields = re.compile(r"{(\w+)}")
    for key, text in catalogue(lang).items():
        assert set(fields.findall(text)) == set(fields.findall(catalogue("nb")[key])), key


def test_nynorsk_falls_back_to_bokmal_and_has_its_own_words() -> None:
    assert t("kind.break", lang="nn") == t("kind.break", lang="nb")
    assert t("roles.chair", lang="nn") == "Ordstyrar og tidtakar"


def test_missing_key_shows_itself() -> None:
    assert t("no.such.key") == "no.such.key"


def test_durations_on_screen_follow_nynorsk() -> None:
    from tuiroom import fmt
    from tuiroom.day import words as livetext

    set_language("nn")
    assert fmt.duration(390) == "6 timar og 30 minutt"
    assert livetext.minutes_text(3600) == "1 time"
    set_language("nb")
    assert fmt.duration(390) == "6 timer og 30 minutter"
