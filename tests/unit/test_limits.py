"""Files past the limits a programme keeps: a message with its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuiroom.i18n import fill
from tuiroom.programme.limits import MAX_DEPTH, MAX_DIGITS, MAX_KEY_LENGTH, first_breach
from tuiroom.programme.loading import read_programme

HEAD = '[programme]\ntitle = "Lederutviklingsprogram"\nlanguage = "nb"\n'
CASES = {
    "arrays 600 deep": (HEAD + "x = " + "[" * 600 + "]" * 600 + "\n", "toml_too_deep", 4),
    "a dotted key of 1,000 parts": (
        HEAD + ".".join(f"k{i}" for i in range(1000)) + " = 1\n",
        "toml_too_deep",
        4,
    ),
    "a table header of 1,000 parts": (
        "[" + ".".join(f"k{i}" for i in range(1000)) + "]\nx = 1\n",
        "toml_too_deep",
        1,
    ),
    "an integer of 5,000 digits": (HEAD + "x = " + "9" * 5000 + "\n", "toml_number_too_long", 4),
    "a key of 5,000 letters": (HEAD + "k" * 5000 + " = 1\n", "toml_key_too_long", 4),
    "a quoted key of 5,000 letters": (HEAD + '"' + "k" * 5000 + '" = 1\n', "toml_key_too_long", 4),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_past_a_limit_is_a_problem_on_its_line(tmp_path: Path, case: str) -> None:
    text, code, line = CASES[case]
    path = tmp_path / "programme.toml"
    path.write_text(text)
    result = read_programme(path)
    assert [(p.code, p.line) for p in result.problems] == [(code, line)]
    (message,) = result.messages()
    assert message.startswith(f"{path}:{line}: ") and "Traceback" not in message
    assert len(message) < len(str(path)) + 300, "the message does not echo the monster back"


def test_an_unclosed_inline_table_is_told_in_every_language(tmp_path: Path) -> None:
    """The catalogue's own braces ("a table { never closed with }") are not slots."""
    path = tmp_path / "programme.toml"
    path.write_text(HEAD + "roles = {a = 1\n")
    for lang, words in (("nb", "tabell {"), ("nn", "tabell {"), ("en", "table {")):
        (message,) = read_programme(path, lang).messages()
        assert words in message, message


def test_what_people_write_is_far_inside_the_limits() -> None:
    bundled = Path(__file__).parents[2] / "data"
    for programme in bundled.glob("*.toml"):
        assert first_breach(programme.read_text("utf-8")) is None, programme
    assert MAX_DEPTH >= 20 and MAX_KEY_LENGTH >= 100 and MAX_DIGITS >= 100


def test_strings_and_comments_do_not_count() -> None:
    long_words = "x" * 5000
    assert (
        first_breach(f'title = "{long_words}"\n# {"[" * 500}\nnote = """\n{"[" * 500}\n"""\n')
        is None
    )
    assert first_breach("n = 1_000_000\nwhen = 2023-09-21\n") is None


def test_fill_takes_each_slot_once_and_leaves_other_braces() -> None:
    assert fill("{name} sa {text}", {"name": "{text}", "text": "hei"}) == "{text} sa hei"
    assert (
        fill("en tabell { som aldri lukkes med }", {"x": 1}) == "en tabell { som aldri lukkes med }"
    )
    assert fill("{{ text = 1 }} og {missing}", {}) == "{ text = 1 } og {missing}"
