"""Line numbers for paths in a TOML document, as pydantic error locations name them."""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

from tuiroom.programme.positions import key_lines, line_of

SELJORD = Path(__file__).resolve().parents[2] / "data" / "seljord.toml"


def _lines(text: str) -> dict[tuple[str | int, ...], int]:
    text = textwrap.dedent(text).lstrip("\n")
    tomllib.loads(text)  # the scanner only ever sees text tomllib accepted
    return key_lines(text)


NESTED = """
[programme]
title = "P"

[[samling]]
title = "S1"

[[samling.item]]
time = "08:00"

[[samling.item.exercise]]
title = "E1"

[[samling.item.exercise]]
title = "E2"

[[samling.item]]
time = "09:00"

[[samling]]
title = "S2"

[[samling.item]]
time = "10:00"

[[samling.item.exercise]]
title = "E3"
"""


def test_table_and_its_keys() -> None:
    lines = _lines(NESTED)
    assert lines[("programme",)] == 1
    assert lines[("programme", "title")] == 2


def test_arrays_of_tables_are_numbered_per_parent() -> None:
    lines = _lines(NESTED)
    assert lines[("samling", 0)] == 4
    assert lines[("samling", 0, "title")] == 5
    assert lines[("samling", 0, "item", 0)] == 7
    assert lines[("samling", 0, "item", 0, "time")] == 8
    assert lines[("samling", 0, "item", 0, "exercise", 0)] == 10
    assert lines[("samling", 0, "item", 0, "exercise", 0, "title")] == 11
    assert lines[("samling", 0, "item", 0, "exercise", 1)] == 13
    assert lines[("samling", 0, "item", 0, "exercise", 1, "title")] == 14
    assert lines[("samling", 0, "item", 1)] == 16
    assert lines[("samling", 0, "item", 1, "time")] == 17
    assert lines[("samling", 1)] == 19
    assert lines[("samling", 1, "title")] == 20
    assert lines[("samling", 1, "item", 0)] == 22
    assert lines[("samling", 1, "item", 0, "exercise", 0)] == 25
    assert lines[("samling", 1, "item", 0, "exercise", 0, "title")] == 26


def test_array_of_tables_without_index_is_its_first_header() -> None:
    lines = _lines(NESTED)
    assert lines[("samling",)] == 4
    assert lines[("samling", 1, "item")] == 22


def test_no_phantom_indices() -> None:
    lines = _lines(NESTED)
    assert ("samling", 2) not in lines
    assert ("samling", 1, "item", 1) not in lines
    assert ("samling", 0, "item", 1, "exercise", 0) not in lines
    assert ("samling", 0, "item", 0, "exercise", 2) not in lines


def test_every_path_matches_a_value_tomllib_read() -> None:
    data = tomllib.loads(textwrap.dedent(NESTED).lstrip("\n"))
    for path in _lines(NESTED):
        node = data
        for part in path:
            node = node[part]  # KeyError/IndexError would mean a path that does not exist


def test_multiline_array_elements_have_their_own_lines() -> None:
    lines = _lines(
        """
        [[group]]
        name = "G"
        members = [
          "Ann",  # first ]
          "Bo",

          "Cai",
        ]
        after = 1
        """
    )
    assert lines[("group", 0, "members")] == 3
    assert lines[("group", 0, "members", 0)] == 4
    assert lines[("group", 0, "members", 1)] == 5
    assert lines[("group", 0, "members", 2)] == 7
    assert ("group", 0, "members", 3) not in lines
    assert lines[("group", 0, "after")] == 9


def test_single_line_array_elements_share_its_line() -> None:
    lines = _lines('members = ["A", "B", "C"]\nnext = 2\n')
    assert [lines[("members", i)] for i in range(3)] == [1, 1, 1]
    assert ("members", 3) not in lines
    assert lines[("next",)] == 2


def test_nested_arrays() -> None:
    lines = _lines("a = [\n  [1,\n   2],\n  [3],\n]\nb = 1\n")
    assert lines[("a", 0)] == 2
    assert lines[("a", 0, 1)] == 3
    assert lines[("a", 1)] == 4
    assert lines[("a", 1, 0)] == 4
    assert lines[("b",)] == 6


def test_inline_tables_inside_an_array() -> None:
    lines = _lines(
        """
        [[samling]]
        title = "S"
        [[samling.item]]
        time = "09:00"
        [[samling.item.exercise]]
        title = "E"
        phases = [
          { form = "individual", minutes = 3 },
          { form = "group", title = "x}, y = {z" },
          { form = "plenum", nested = { deep = 1 } },
        ]
        answer = "list"
        """
    )
    phases = ("samling", 0, "item", 0, "exercise", 0, "phases")
    assert lines[phases] == 7
    assert lines[(*phases, 0)] == 8
    assert lines[(*phases, 0, "form")] == 8
    assert lines[(*phases, 0, "minutes")] == 8
    assert lines[(*phases, 1, "title")] == 9
    assert lines[(*phases, 2, "nested", "deep")] == 10
    assert ("samling", 0, "item", 0, "exercise", 0, "y") not in lines
    assert lines[("samling", 0, "item", 0, "exercise", 0, "answer")] == 12


def test_strings_with_hash_brackets_and_quotes_hide_nothing() -> None:
    lines = _lines(
        r"""
        [programme]
        title = "Nr. #1 [utkast] \"A\" ['x']"
        organisation = 'C:\mappe\ # [ikke tabell]'
        note = "slutter med backslash \\"
        roles = ["a # b", 'c ] d', "e \" ], f"]
        language = "nb" # [comment]
        folder = 'C:\mappe\'
        after = 1
        """
    )
    assert lines[("programme", "title")] == 2
    assert lines[("programme", "organisation")] == 3
    assert lines[("programme", "note")] == 4
    assert lines[("programme", "roles")] == 5
    assert [lines[("programme", "roles", i)] for i in range(3)] == [5, 5, 5]
    assert ("programme", "roles", 3) not in lines
    assert lines[("programme", "language")] == 6
    assert lines[("programme", "folder")] == 7  # a literal string may end in a backslash
    assert lines[("programme", "after")] == 8
    assert not any("ikke tabell" in str(p) or "utkast" in str(p) for p in lines)


def test_multiline_strings_do_not_create_keys_or_tables() -> None:
    lines = _lines(
        '''
        [programme]
        note = """
        title = "falsk"
        [[samling]]
        # ikke kommentar
        """
        literal = \'\'\'
        [group]
        x = 1\'\'\'
        quotes = """ende med to anførsels""\"""
        after = 1
        '''
    )
    assert lines[("programme", "note")] == 2
    assert lines[("programme", "literal")] == 7
    assert lines[("programme", "quotes")] == 10
    assert lines[("programme", "after")] == 11
    assert ("samling",) not in lines
    assert ("group",) not in lines
    assert ("programme", "title") not in lines
    assert ("title",) not in lines


def test_multiline_string_in_array_moves_the_next_element() -> None:
    lines = _lines('roles = [\n  """a\nb\nc""",\n  "d",\n]\n')
    assert lines[("roles", 0)] == 2
    assert lines[("roles", 1)] == 5


def test_dotted_and_quoted_keys() -> None:
    lines = _lines(
        """
        [programme]
        meta.owner = "x"
        "quoted key" = 1
        "a.b" = 2
        [ "samling" ]
        title = "S"
        """
    )
    assert lines[("programme", "meta", "owner")] == 2
    assert lines[("programme", "quoted key")] == 3
    assert lines[("programme", "a.b")] == 4
    assert lines[("samling",)] == 5
    assert lines[("samling", "title")] == 6


def test_spaced_headers_and_comments_after_headers() -> None:
    lines = _lines(
        """
        # [fake] in a comment
        [[ samling ]]  # første
        title = "S"
        [[ samling . item ]]
        time = "09:00"
        """
    )
    assert ("fake",) not in lines
    assert lines[("samling", 0)] == 2
    assert lines[("samling", 0, "item", 0, "time")] == 5


def test_crlf_line_endings() -> None:
    text = '[programme]\r\ntitle = "P"\r\n\r\n[[samling]]\r\ntitle = "S"\r\n'
    tomllib.loads(text)
    lines = key_lines(text)
    assert lines[("programme", "title")] == 2
    assert lines[("samling", 0, "title")] == 5


def test_empty_document() -> None:
    assert key_lines("") == {}
    assert key_lines("# bare en kommentar\n\n") == {}


def test_seljord_lines_point_at_the_keys() -> None:
    text = SELJORD.read_text("utf-8")
    source = text.splitlines()
    lines = key_lines(text)
    # Samling 3 is the second [[samling]]; its fifth item is the second Pause.
    line = lines[("samling", 1, "item", 4, "time")]
    assert source[line - 1] == 'time = "10:45 – 11:00"'
    phase = lines[("samling", 1, "item", 7, "exercise", 3, "phases", 2)]
    assert "Gallerivandring" in source[phase - 1]
    member = lines[("group", 5, "members", 5)]
    assert "(Guri Lundefaret)" in source[member - 1]
    for path, number in lines.items():
        if isinstance(path[-1], str) and path[-1] in ("title", "time", "name"):
            assert f"{path[-1]} = " in source[number - 1], (path, number)


# ── line_of ───────────────────────────────────────────────────────────────────


LINES = {
    ("samling",): 4,
    ("samling", 0): 4,
    ("samling", 0, "item"): 7,
    ("samling", 0, "item", 0): 7,
    ("samling", 0, "item", 0, "time"): 8,
    ("samling", 0, "item", 0, "exercise", 0, "phases"): 12,
    ("samling", 0, "item", 0, "exercise", 0, "phases", 1): 14,
}


def test_line_of_exact_path() -> None:
    assert line_of(LINES, ("samling", 0, "item", 0, "time")) == 8


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("samling", 0, "item", 0, "title"), 7),  # missing key: its table
        (("samling", 0, "item", 0, "exercise", 0, "phases", 1, "minutes"), 14),  # inline table
        (("samling", 0, "item", 0, "exercise", 0, "phases", 3), 12),  # no such element
        (("samling", 0, "date"), 4),
        (("samling", 5, "title"), 4),  # unknown index
    ],
)
def test_line_of_falls_back_to_nearest_enclosing_path(loc: tuple, line: int) -> None:
    assert line_of(LINES, loc) == line


def test_line_of_skips_pydantic_validator_parts() -> None:
    loc = ("samling", 0, "item", 0, "time", "function-before[parse_span(), tuple[int, int]]")
    assert line_of(LINES, loc) == 8


def test_line_of_unknown_or_empty_path_is_none() -> None:
    assert line_of(LINES, ("programme",)) is None
    assert line_of(LINES, ("programme", "title")) is None
    assert line_of(LINES, ()) is None
    assert line_of({}, ("samling", 0)) is None
