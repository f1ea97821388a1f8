"""Every command speaks the programme's language (or --lang); before any programme is
read, the system's (LC_ALL, LC_MESSAGES, LANG) when it is nb, nn or en, else English.
argparse's own words follow too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SELJORD
from tuiroom.cli.launch import load_session
from tuiroom.cli.main import main

SYSTEM = {"nb": "nb_NO.UTF-8", "nn": "nn_NO.UTF-8", "en": "en_GB.UTF-8"}
ENGLISH = {"the", "is", "not", "no", "error", "usage", "written", "choose", "invalid", "does"}
ENGLISH |= {"exist", "required", "options", "called", "needs", "to", "of", "from", "first"}

# What each command says, in each language: (words expected, in order of the checks below)
SAYS = {
    "missing_file": {
        "nb": "Filen finnes ikke",
        "nn": "Fila finst ikkje",
        "en": "The file does not exist",
    },
    "usage": {"nb": "bruk: tuiroom", "nn": "bruk: tuiroom", "en": "usage: tuiroom"},
    "bad_choice": {
        "nb": "tuiroom: feil: COMMAND: ugyldig valg: 'bogus' (velg blant",
        "nn": "tuiroom: feil: COMMAND: ugyldig val: 'bogus' (vel mellom",
        "en": "tuiroom: error: argument COMMAND: invalid choice: 'bogus' (choose from",
    },
    "required": {
        "nb": "tuiroom export: feil: --programme: kan ikke brukes sammen med --session",
        "nn": "tuiroom export: feil: --programme: kan ikkje brukast saman med --session",
        "en": "error: argument --programme: not allowed with argument --session",
    },
    "help": {
        "nb": "vis denne hjelpen og avslutt",
        "nn": "vis denne hjelpa og avslutt",
        "en": "show this help message and exit",
    },
    "no_session": {
        "nb": "Fant ingen samling «99». Velg en av: 1 (Samling 1) eller 2 (Samling 3).",
        "nn": "Fann inga samling «99». Vel ei av: 1 (Samling 1) eller 2 (Samling 3).",
        "en": "No session called “99”. Choose one of: 1 (Samling 1) or 2 (Samling 3).",
    },
    "written": {
        "nb": "Notatene er skrevet til",
        "nn": "Notata er skrivne til",
        "en": "The notes are written to",
    },
    "no_database": {
        "nb": "Fant ingen database",
        "nn": "Fann ingen database",
        "en": "No database at",
    },
    "no_terminal": {
        "nb": "tuiroom trenger en terminal",
        "nn": "tuiroom treng ein terminal",
        "en": "tuiroom needs a terminal",
    },
}


def english_words(text: str) -> set[str]:
    """English marker words in `text`, paths and quoted names left out."""
    text = re.sub(r"\S*/\S*|'[^']*'|«[^»]*»", " ", text)
    return {w for w in re.findall(r"[A-Za-z]+", text.lower())} & ENGLISH


@pytest.fixture
def system(monkeypatch: pytest.MonkeyPatch):
    def speak(lang: str) -> None:
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", SYSTEM[lang])

    return speak


def programme_in(lang: str, folder: Path) -> Path:
    """Seljord written in `lang`, loaded into its database beside it."""
    file = folder / "seljord.toml"
    text = SELJORD.read_text("utf-8").replace('language = "nb"', f'language = "{lang}"', 1)
    file.write_text(text, "utf-8")
    opened = load_session(file, folder / "seljord.tuiroom.db", None, None)
    opened.store.close()
    return file


def said(capsys: pytest.CaptureFixture[str], lang: str, key: str) -> str:
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert SAYS[key][lang] in text
    if lang != "en":
        assert english_words(text) == set(), text
    return text


LANGS = ("nb", "nn", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_before_a_file_is_read_the_system_language(lang, system, tmp_path, capsys) -> None:
    system(lang)
    assert main(["run", str(tmp_path / "missing.toml")]) == 2
    said(capsys, lang, "missing_file")
    assert main(["check", str(tmp_path / "missing.toml")]) == 2
    said(capsys, lang, "missing_file")
    assert main(["export", "--db", str(tmp_path / "none.tuiroom.db")]) == 2
    said(capsys, lang, "no_database")


def test_another_system_language_is_english(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert main(["check", str(tmp_path / "missing.toml")]) == 2
    said(capsys, "en", "missing_file")


def test_lc_messages_before_lang(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "nn_NO.UTF-8")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["check", str(tmp_path / "missing.toml")]) == 2
    said(capsys, "nn", "missing_file")


@pytest.mark.parametrize("lang", LANGS)
def test_argparse_speaks_the_system_language(lang, system, capsys) -> None:
    system(lang)
    with pytest.raises(SystemExit):
        main(["bogus"])
    said(capsys, lang, "bad_choice")
    with pytest.raises(SystemExit):
        main(["export", "--session", "3", "--programme"])
    said(capsys, lang, "required")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = said(capsys, lang, "help")
    assert SAYS["usage"][lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_commands_speak_the_programme_language(lang, system, tmp_path, capsys) -> None:
    """The system says English, or Norwegian when the programme is English: what the
    commands say follows the programme all the same."""
    system("nb" if lang == "en" else "en")
    file = programme_in(lang, tmp_path)
    assert main(["export", str(file), "--session", "99"]) == 2
    said(capsys, lang, "no_session")
    assert main(["export", str(file)]) == 0
    said(capsys, lang, "written")
    assert main(["run", str(file)]) == 2  # pytest's stdin is no terminal
    said(capsys, lang, "no_terminal")
    assert main(["projector", "--db", str(tmp_path / "seljord.tuiroom.db")]) == 2
    said(capsys, lang, "no_terminal")
    assert sorted(p.name for p in tmp_path.iterdir() if "tuiroom.db" in p.name) == [
        "seljord.tuiroom.db"  # the read-only commands leave no -wal or -shm beside it
    ]
    assert main(["check", str(file)]) == 0
    assert {"nb": "Nettverksgrupper: 6", "nn": "Nettverksgrupper: 6", "en": "Network groups: 6"}[
        lang
    ] in capsys.readouterr().out


@pytest.mark.parametrize("lang", LANGS)
def test_lang_overrides_the_programme(lang, tmp_path, capsys) -> None:
    file = programme_in("nb" if lang != "nb" else "en", tmp_path)
    assert main(["export", str(file), "--session", "99", "--lang", lang]) == 2
    said(capsys, lang, "no_session")


def test_an_empty_samling_is_never_opened_by_default(tmp_path, write_toml) -> None:
    """A date kept as a placeholder, without items, is skipped for the next real day."""
    file = write_toml("""
        [programme]
        title = "x"
        [[samling]]
        title = "Dag 1"
        date = 2023-09-21
        [[samling.item]]
        time = "09:00 – 10:00"
        title = "Velkommen"
        [[samling]]
        title = "Dag 2"
        date = 2099-01-01
        """)
    opened = load_session(file, tmp_path / "x.db", None, None)
    try:
        assert opened.store.samling(opened.samling_id).title == "Dag 1"
    finally:
        opened.store.close()
    shutil.rmtree(tmp_path / "x.db", ignore_errors=True)


def test_a_plain_start_reads_no_catalogue_for_argparse() -> None:
    """argparse's texts are looked up only when shown: a start on a system in another
    language than the programme's parses no second catalogue before the first frame."""
    from tuiroom import i18n
    from tuiroom.cli.main import argparse_speaks_ours, build_parser

    i18n.catalogue.cache_clear()
    parser = build_parser()  # as main() does
    with argparse_speaks_ours():
        args = parser.parse_args(["run", "x.toml", "--db", "y.db", "--lang", "nn"])
    assert args.lang == "nn"
    assert i18n.catalogue.cache_info().currsize == 0
