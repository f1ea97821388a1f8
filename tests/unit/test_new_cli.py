"""`tuiroom new`: a starter, a copy of the example or a programme from an agenda, never
over a file that exists; and `tuiroom check` without a file checks the example."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import DATA, SELJORD
from tuiroom.cli.main import main
from tuiroom.programme.loading import read_programme

AGENDAS = Path(__file__).parent / "agendas"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_new_writes_a_commented_starter_that_check_passes(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dag.toml"
    assert main(["new", str(path), "--lang", lang]) == 0
    result = read_programme(path)
    assert result.problems == [] and result.programme is not None
    programme = result.programme
    assert programme.language == lang
    samling = programme.samlinger[0]
    assert [i.title for i in samling.items if i.is_fixed] == [
        samling.items[4].title,
        samling.items[-1].title,
    ]
    assert [p.form for p in samling.items[1].exercises[0].phases] == [
        "individual",
        "round-robin",
        "plenum",
    ]
    assert len(programme.groups) == 2 and programme.programme.roles
    assert path.read_text("utf-8").count("#") > 20  # the comments teach the format
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"tuiroom check {path}" in out


def test_new_follows_the_system_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "nn_NO.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["new", str(tmp_path / "dag.toml")]) == 0
    assert 'language = "nn"' in (tmp_path / "dag.toml").read_text("utf-8")
    assert "Skreiv" in capsys.readouterr().out


def test_new_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mitt.toml"
    path.write_text("mitt eget program\n", encoding="utf-8")
    assert main(["--lang", "nb", "new", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path} finnes allerede" in err and "--force" in err
    assert path.read_text("utf-8") == "mitt eget program\n"
    agenda = str(AGENDAS / "samling-3.txt")
    assert main(["new", str(path), "--from", agenda]) == 2
    assert path.read_text("utf-8") == "mitt eget program\n"
    assert main(["new", str(path), "--force", "--example"]) == 0
    assert path.read_text("utf-8") == SELJORD.read_text("utf-8")


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/dag.toml", "does not exist"), (".", "is a folder")],
)
def test_new_names_a_place_it_cannot_write(
    where: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "new", str(tmp_path / where)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


def test_new_from_an_agenda_lists_what_it_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english_system(monkeypatch)
    path = tmp_path / "samling1.toml"
    agenda = AGENDAS / "samling-1.txt"
    assert main(["new", str(path), "--from", str(agenda)]) == 0
    captured = capsys.readouterr()
    assert f"Wrote {path}: 11 items from {agenda}." in captured.out
    assert "Fixed points, which hold even when the morning runs late: “Lunsj”, “Avslutning" in (
        captured.out
    )
    assert f"{agenda}:15: “Pouse” is read as “Pause”." in captured.err
    assert f"{agenda}:2: not read: “Seljord kommune”" in captured.err
    text = path.read_text("utf-8")
    assert 'language = "nb"' in text  # the agenda's language, not the messages'
    assert "#   samling-1.txt:2: ikke lest: «Seljord kommune»" in text
    assert main(["check", str(path)]) == 0
    assert main(["new", str(tmp_path / "en.toml"), "--from", str(agenda), "--lang", "en"]) == 0
    assert 'language = "en"' in (tmp_path / "en.toml").read_text("utf-8")


def test_new_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("09.00–09.15 Kaffi og velkomst\nLunsj 11.30\n"))
    path = tmp_path / "dag.toml"
    assert main(["--lang", "nn", "new", str(path), "--from", "-"]) == 0
    assert "Skreiv" in capsys.readouterr().out
    programme = read_programme(path).programme
    assert programme is not None
    assert [i.kind_name for i in programme.samlinger[0].items] == ["talk", "lunch"]


def test_new_from_an_agenda_without_times_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("Velkommen\nPause\n", encoding="utf-8")
    path = tmp_path / "dag.toml"
    assert main(["--lang", "en", "new", str(path), "--from", str(agenda)]) == 2
    assert "found no times" in capsys.readouterr().err
    assert not path.exists()
    assert main(["--lang", "en", "new", str(path), "--from", str(tmp_path / "nope.txt")]) == 2
    assert "Found no agenda" in capsys.readouterr().err


def test_new_from_a_windows_1252_agenda(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_bytes("08:30 – 09:00 Påkobling\n11:30 – 12:15 Lunsj\n".encode("cp1252"))
    path = tmp_path / "dag.toml"
    assert main(["--lang", "en", "new", str(path), "--from", str(agenda)]) == 0
    assert "read as Windows-1252" in capsys.readouterr().err
    programme = read_programme(path).programme
    assert programme is not None and programme.samlinger[0].items[0].title == "Påkobling"


def test_check_without_a_file_checks_the_bundled_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "en", "check"]) == 0
    assert f"{DATA / 'seljord.toml'}: OK" in capsys.readouterr().out


def test_help_says_where_the_example_is_and_how_to_copy_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"which is at {DATA / 'seljord.toml'}" in out
    assert "tuiroom new FILE --example a copy of the example" in out
    assert "tuiroom new FILE writes a commented starter" in out
