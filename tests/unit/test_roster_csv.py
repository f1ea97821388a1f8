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
        "kari  nordmann;Gygrene;\n"
    )
    roster = roster_csv.read(write(tmp_path, text))
    assert [(p.line, p.code) for p in roster.problems] == [
        (3, "no_name"),
        (4, "bad_email"),
        (6, "duplicate"),
    ]


def test_no_name_column(tmp_path: Path) -> None:
    roster = roster_csv.read(write(tmp_path, "Fornavn;Etternavn\nKari;Nordmann\n"))
    assert [(p.line, p.code) for p in roster.problems] == [(1, "no_name_column")]
    assert roster.rows == []


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert roster_csv.read(tmp_path / "nope.csv").problems[0].code == "missing"
    assert roster_csv.read(write(tmp_path, "\n\n")).problems[0].code == "empty"
    assert roster_csv.read(tmp_path).problems[0].code == "unreadable"
