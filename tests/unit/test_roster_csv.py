"""Rosters from spreadsheets: either language, either separator, every bad row named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuiroom.groups import roster as roster_csv


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "text",
    [
        "Navn;Gruppe;E-post\nKari Nordmann;Blåveis;kari@example.no\nOla Nordmann;RLG;\n",
        "name,group,email\nKari Nordmann,Blåveis,kari@example.no\nOla Nordmann,RLG,\n",
        "\ufeffNAVN ; nettverksgruppe\nKari Nordmann ; Blåveis\nOla Nordmann;RLG\n",
    ],
    ids=["norwegian-semicolon", "english-comma", "bom-and-spaces"],
)
def test_good_files_in_either_language(tmp_path: Path, text: str) -> None:
    roster = roster_csv.read(write(tmp_path, text))
    assert roster.problems == []
    assert [(r.name, r.group) for r in roster.rows] == [
        ("Kari Nordmann", "Blåveis"),
        ("Ola Nordmann", "RLG"),
    ]
    assert roster.rows[0].line == 2


def test_windows_1252_export_is_read(tmp_path: Path) -> None:
    roster = roster_csv.read(write(tmp_path, "Navn;Gruppe\nÅse Ødegård;Blåveis\n", "cp1252"))
    assert roster.encoding == "cp1252"
    assert roster.rows[0].name == "Åse Ødegård"


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    text = (
        "Navn;Gruppe;E-post\n"
        "Kari Nordmann;Blåveis;kari@example.no\n"
        ";RLG;\n"
        "Ola Nordmann;RLG;ikke-en-adresse\n"
        "\n"
        "kari  nordmann;Blåveis;\n"
    )
    roster = roster_csv.read(write(tmp_path, text))
    assert [(p.line, p.code) for p in roster.problems] == [
        (3, "no_name"),
        (4, "bad_email"),
        (6, "duplicate"),
    ]
    assert roster.problems[2].earlier == 2  # the message names the line it repeats


def test_namesakes_told_apart_by_email_or_group_are_two_people(tmp_path: Path) -> None:
    text = (
        "navn;gruppe;e-post\n"
        "Per Aarsland;Blåveis;per@bo.no\n"
        "Per Aarsland;Blåveis;per.aarsland@seljord.no\n"
        "Per Aarsland;RLG;\n"
        "Per Aarsland;RLG;\n"
    )
    roster = roster_csv.read(write(tmp_path, text))
    assert [r.line for r in roster.rows] == [2, 3, 4]
    assert [(p.line, p.code, p.earlier) for p in roster.problems] == [(5, "duplicate", 4)]
    assert [(n.line, n.code, n.earlier) for n in roster.notes] == [(4, "namesake", 2)]


def test_no_name_column(tmp_path: Path) -> None:
    roster = roster_csv.read(write(tmp_path, "Fornavn;Etternavn\nKari;Nordmann\n"))
    assert [(p.line, p.code) for p in roster.problems] == [(1, "no_name_column")]
    assert roster.rows == []


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert roster_csv.read(tmp_path / "nope.csv").problems[0].code == "missing"
    assert roster_csv.read(write(tmp_path, "\n\n")).problems[0].code == "empty"
    assert roster_csv.read(tmp_path).problems[0].code == "unreadable"


# ── hostile rosters: spreadsheets, e-mails and stray characters ──────────────


def test_line_numbers_stay_right_after_a_cell_that_spans_lines(tmp_path: Path) -> None:
    text = (
        "navn;gruppe;e-post\n"
        'Kari Nordmann;"Blåveis\nog litt til";kari@example.no\n'  # lines 2-3
        "Ola Nordmann;RLG;ikke-en-adresse\n"  # line 4
        ";Gygrene;\n"  # line 5
    )
    roster = roster_csv.read(write(tmp_path, text))
    assert [(p.line, p.code) for p in roster.problems] == [(4, "bad_email"), (5, "no_name")]
    assert roster.rows[0].line == 2 and roster.rows[0].group == "Blåveis og litt til"


@pytest.mark.parametrize("inside", ["\f", "\u2028", "\u2029", "\x1c", "\x85", "\v"])
def test_a_stray_separator_inside_a_row_keeps_one_person_one_row(
    tmp_path: Path, inside: str
) -> None:
    text = f"navn;gruppe\nKari{inside}Nordmann;Blåveis\nOla Nordmann;RLG\n"
    roster = roster_csv.read(write(tmp_path, text))
    assert roster.problems == []
    assert [(r.line, r.name, r.group) for r in roster.rows] == [
        (2, "Kari Nordmann", "Blåveis"),
        (3, "Ola Nordmann", "RLG"),
    ]


def test_a_quote_never_closed_is_one_problem_on_its_line(tmp_path: Path) -> None:
    rows = "".join(f"Person {n};Gruppe {n % 7}\n" for n in range(12_000))
    text = 'navn;gruppe\nKari "Nordmann;Blåveis\n' + rows.replace("Person 5;", '"Person 5;', 1)
    roster = roster_csv.read(write(tmp_path, text))
    assert roster.rows == []
    assert [(p.line, p.code) for p in roster.problems] == [(8, "bad_quote")]


def test_control_characters_never_reach_a_name_or_a_message(tmp_path: Path) -> None:
    text = "navn;gruppe;e-post\nKari\x1b[2J Nordmann;Blå\x07veis;\nOla;RLG;\x1b]0;x\x07@y\n"
    roster = roster_csv.read(write(tmp_path, text))
    assert [(r.name, r.group) for r in roster.rows] == [("Kari [2J Nordmann", "Blå veis")]
    (problem,) = roster.problems
    assert (
        problem.code == "bad_email" and "\x1b" not in problem.value and "\x07" not in problem.value
    )


def test_a_long_header_is_quoted_back_short(tmp_path: Path) -> None:
    roster = roster_csv.read(write(tmp_path, "x" * 100_000 + "\nKari;Blåveis\n"))
    (problem,) = roster.problems
    assert problem.code == "no_name_column" and len(problem.value) <= 80


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_the_encodings_spreadsheets_write(tmp_path: Path, encoding: str) -> None:
    separator = "\t" if encoding == "utf-16" else ";"  # Excel's "Unicode text" uses tabs
    text = f"navn{separator}gruppe\nÆsa Ørnes{separator}Blåveis\nÅse Ås{separator}RLG\n"
    roster = roster_csv.read(write(tmp_path, text, encoding))
    assert roster.problems == []
    assert [(r.name, r.group) for r in roster.rows] == [("Æsa Ørnes", "Blåveis"), ("Åse Ås", "RLG")]
