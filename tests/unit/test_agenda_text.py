"""An agenda pasted from a slide, read into items and written as a programme file that
`tuiroom check` passes: the agenda slides of the decks, and agendas in nb, nn and en."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuiroom.fmt import hhmm
from tuiroom.programme.agenda_text import Agenda, read_agenda
from tuiroom.programme.agenda_words import kind_of_title
from tuiroom.programme.loading import load_programme, read_programme, validate
from tuiroom.programme.models import Programme
from tuiroom.programme.toml_text import agenda_toml, toml_string

AGENDAS = Path(__file__).parent / "agendas"


def read(name: str) -> Agenda:
    return read_agenda((AGENDAS / name).read_bytes().decode("utf-8"))


def rows(agenda: Agenda) -> list[tuple[str, str, str | None]]:
    return [
        (hhmm(i.start) + (f"–{hhmm(i.end)}" if i.end is not None else ""), i.title, i.kind)
        for i in agenda.items
    ]


def written(agenda: Agenda, tmp_path: Path, lang: str = "nb") -> Programme:
    """The programme file for `agenda`, through `tuiroom check`'s reading: no errors, no
    warnings."""
    path = tmp_path / "dag.toml"
    path.write_text(agenda_toml(agenda, lang, "agenda.txt", str(path)), encoding="utf-8")
    result = read_programme(path)
    assert result.problems == [], result.messages()
    assert result.programme is not None
    return result.programme


def test_samling_3_slide_ranges_notes_and_lunch(tmp_path: Path) -> None:
    agenda = read("samling-3.txt")
    assert rows(agenda) == [
        ("08:30–09:00", "Velkommen!", None),
        ("09:00–09:30", "Mestringsorientert ledelse", None),
        ("09:30–09:45", "Pause", "break"),
        ("09:45–10:45", "Psykologisk trygghet", None),
        ("10:45–11:00", "Pause", "break"),
        ("11:00–11:30", "Lærende organisasjoner", None),
        ("11:30–12:15", "Lunsj", "lunch"),
        ("12:15–15:00", "Vi jobber videre med felles lederplattform", None),
    ]
    assert agenda.items[0].note == "Påkobling siden sist"
    assert agenda.samling == "Samling 3"
    assert agenda.theme == "Mestringsorientert ledelse"
    assert agenda.language == "nb"
    programme = written(agenda, tmp_path)
    samling = programme.samlinger[0]
    assert [i.title for i in samling.items if i.is_fixed] == ["Lunsj"]
    assert samling.items[1].note.startswith("Hva er komponentene")
    assert (samling.start, samling.end) == (8 * 60 + 30, 15 * 60)


def test_samling_1_slide_start_times_and_pdf_typos(tmp_path: Path) -> None:
    agenda = read("samling-1.txt")
    assert [(hhmm(i.start), i.kind) for i in agenda.items] == [
        ("08:30", None),
        ("08:45", None),
        ("09:45", "break"),
        ("10:00", None),
        ("11:00", None),
        ("11:30", "lunch"),
        ("12:15", None),
        ("13:45", "break"),
        ("14:00", None),
        ("15:15", None),
        ("15:30", "end"),
    ]
    titles = [i.title for i in agenda.items]
    assert titles[2] == "Pause" and titles[5] == "Lunsj"  # "Pouse", "Lunsf" on the slide
    assert titles[4].endswith("effektiv ledelse?")  # a title the PDF broke over two lines
    assert "Vi starter arbeidet med" in titles[6]
    assert agenda.items[1].note == "Forankring og forventninger"
    assert agenda.items[8].note == (
        "Hva vil det bety for meg som leder? Oppstart av eget individuelt arbeid."
    )
    assert [(r.line, r.code) for r in agenda.remarks if r.code == "typo"] == [
        (15, "typo"),
        (23, "typo"),
    ]
    assert agenda.not_read == [(2, "Seljord kommune")]
    programme = written(agenda, tmp_path)
    items = programme.samlinger[0].items
    assert [i.title for i in items if i.is_fixed] == ["Lunsj", "Avslutning — vel hjem!"]
    assert (items[0].start, items[0].end) == (8 * 60 + 30, 8 * 60 + 45)  # to the next start
    assert items[-1].duration == 0  # the end of the day is a moment


def test_nynorsk_agenda(tmp_path: Path) -> None:
    agenda = read("nynorsk.txt")
    assert rows(agenda) == [
        ("09:00–09:15", "Kaffi og velkomst", None),  # the welcome, not a break
        ("09:15–10:30", "Kva er godt leiarskap?", None),
        ("10:30", "Kaffi", "break"),
        ("10:45–11:30", "Gruppearbeid", None),
        ("11:30", "Lunsj", "lunch"),  # the time after the title
        ("12:15", "Arbeid i nettverksgruppene", None),
        ("13:45", "Oppsummering og avslutting", "end"),
    ]
    assert (agenda.language, agenda.samling, str(agenda.date)) == ("nn", "Samling 2", "2024-03-14")
    assert agenda.theme == "Korleis leie i endring"
    programme = written(agenda, tmp_path, "nn")
    assert programme.samlinger[0].date is not None
    assert programme.language == "nn"


def test_english_agenda_with_am_and_pm(tmp_path: Path) -> None:
    agenda = read("english.txt")
    assert rows(agenda) == [
        ("09:00–09:30", "Welcome and coffee", None),
        ("09:30–10:45", "Keynote: what makes change stick", None),
        ("10:45", "Break", "break"),
        ("11:00", 'Workshop "Values" [in groups]', None),
        ("12:30", "Lunch", "lunch"),
        ("13:30–15:00", "Working in groups", None),
        ("15:00–15:15", "Coffee break", "break"),
        ("15:15", "Summary and close", "end"),
    ]
    assert (agenda.language, agenda.title, agenda.samling) == ("en", "Leadership day", "Session 4")
    programme = written(agenda, tmp_path, "en")
    assert programme.samlinger[0].items[3].title == 'Workshop "Values" [in groups]'


def test_odd_lines_are_read_or_listed_with_their_number(tmp_path: Path) -> None:
    agenda = read("oddities.txt")
    assert rows(agenda) == [
        ("08:30–09:00", "Velkommen!", None),  # em dash; the title on the next line
        ("09:00–10:15", "Mestring og motivasjon", None),  # a bullet, a hyphen
        ("10:15", "Pause", "break"),  # "kl. 10.15 Pouse"
        ("10:30", "Gruppearbeid", None),
        ("12:00", "Lunsj", "lunch"),
        ("12:30", "Ettermiddagen", None),
        ("13:15", "Gruppearbeid igjen", None),  # 1.15 after 12.30 is the afternoon
        ("14:00", "Slutt", "end"),
    ]
    codes = [(r.line, r.code) for r in agenda.remarks]
    assert (11, "afternoon") in codes and (12, "out_of_order") in codes
    assert agenda.not_read == [(16, "Side 2 av et annet lysbilde")]  # after two blank lines
    text = agenda_toml(agenda, "nb", "oddities.txt", "dag.toml")
    assert "#   oddities.txt:12: «Dette kom for tidlig» starter før punktet over" in text
    assert "#   oddities.txt:16: ikke lest: «Side 2 av et annet lysbilde»" in text
    written(agenda, tmp_path)


def test_a_last_item_with_only_a_start_gets_minutes_and_a_remark(tmp_path: Path) -> None:
    agenda = read_agenda("09:00 Velkommen\n09:30 Gruppearbeid\n")
    assert agenda.items[-1].minutes == 30
    assert [(r.line, r.code) for r in agenda.remarks] == [(2, "last_minutes")]
    text = agenda_toml(agenda, "en", "a.txt", "dag.toml")
    assert "minutes = 30   # guessed" in text
    assert written(agenda, tmp_path).samlinger[0].end == 10 * 60


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Samling 2 – Kommunikasjon og tillit", "Samling 2 – Kommunikasjon og tillit"),
        ("SAMLING 4: Endring", "Samling 4 – Endring"),
        ("Forslag til program for samling 3", "Samling 3"),
        ("Samling 2 – 14.03.2024", "Samling 2"),
    ],
)
def test_a_samling_heading_keeps_its_subtitle(heading: str, title: str) -> None:
    assert read_agenda(f"{heading}\n09:00 – 10:00 Velkommen\n").samling == title


def test_a_time_from_another_slide_is_left_out(tmp_path: Path) -> None:
    agenda = read_agenda("12:15 – 15:00 Arbeid\n15.30 Avslutning\n\nLunsj 11:30 - 12:15\n")
    assert [i.title for i in agenda.items] == ["Arbeid", "Avslutning"]
    assert [(r.line, r.code) for r in agenda.remarks] == [(4, "out_of_order")]
    written(agenda, tmp_path)


def test_overlapping_times_shorten_the_item_above(tmp_path: Path) -> None:
    agenda = read_agenda("09:00 - 10:00 Først\n09:45 - 10:30 Så\n10:30 - 10:30 Null\n")
    assert rows(agenda)[:2] == [("09:00–09:45", "Først", None), ("09:45–10:30", "Så", None)]
    assert [(r.line, r.code) for r in agenda.remarks] == [
        (3, "bad_end"),  # an end at its start: the item lasts until the next one
        (1, "overlap"),
        (3, "last_minutes"),
    ]
    written(agenda, tmp_path)


def test_the_file_says_where_exercises_go_and_what_is_fixed() -> None:
    text = agenda_toml(read("samling-3.txt"), "nb", "agenda.txt", "dag.toml")
    assert "# Øvelser: legg en [[samling.item.exercise]] under punktet" in text
    assert 'kind = "lunch"   # fast: holder selv om formiddagen drar ut' in text
    assert text.index("# [[samling.item.exercise]]") > text.index('title = "Velkommen!"')
    assert text.count("# [[samling.item.exercise]]") == 1


@pytest.mark.parametrize(
    ("line", "span", "title"),
    [
        ("kl. 9.00 Velkommen", "09:00", "Velkommen"),
        ("Kl 08.30 – kl. 09.00: Velkommen", "08:30–09:00", "Velkommen"),
        ("08:30-09:00 Velkommen", "08:30–09:00", "Velkommen"),
        ("08.30—09.00 Velkommen", "08:30–09:00", "Velkommen"),
        ("08:30 til 09:00 Velkommen", "08:30–09:00", "Velkommen"),
        ("Lunsj 11:30 – 12:15", "11:30–12:15", "Lunsj"),
        ("9:00 AM Welcome", "09:00", "Welcome"),
        ("12:00 PM – 1:00 PM Lunch", "12:00–13:00", "Lunch"),
        ("11:30 – 1:00 PM Long lunch", "11:30–13:00", "Long lunch"),
        ("11:30 – 11:00 Lunsj", "11:30", "Lunsj"),
        ("12:15 – 1:00 Lunsj", "12:15–13:00", "Lunsj"),
    ],
)
def test_one_time_line(line: str, span: str, title: str) -> None:
    assert rows(read_agenda(line))[0][:2] == (span, title)


@pytest.mark.parametrize(
    "line", ["Kommune 3.0 - hva betyr det?", "neste samling 13.06.23!", "10 deltakere", "2023"]
)
def test_numbers_that_are_no_time(line: str) -> None:
    assert read_agenda(line).items == []


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Pause", "break"),
        ("Pouse", "break"),
        ("Kaffepause", "break"),
        ("Kaffe og velkomst", None),
        ("Lunsf", "lunch"),
        ("Middag", "lunch"),
        ("Lunch", "lunch"),
        ("Launch", None),
        ("Launch of the strategy", None),
        ("Avslutning — vel hjem!", "end"),
        ("Oppsummering og avslutning", "end"),
        ("Avslutting", "end"),
        ("Avsluting", "end"),
        ("Slutt", "end"),
        ("End", "end"),
        ("And", None),
        ("Oppsummering og veien videre", None),
        ("Break", "break"),
        ("Kaffe", "break"),
        ("Coffee break", "break"),
        ("Closing", "end"),
        ("Dinner", "lunch"),
        ("Velkommen!", None),
    ],
)
def test_kind_of_title(title: str, kind: str | None) -> None:
    assert kind_of_title(title).kind == kind


TITLES = [
    'Sitat: "Vi er til for dem"',
    "C:\\mapper\\og\\skråstreker\\",
    "Velkommen 🎉👋🏽",
    "[b]fet[/b] og [@click=app.quit]klikk[/]",
    "'enkle' og \"doble\" og ''' tre '''",
    "Tab\tinni og \\n som tekst",
    "æøå ÆØÅ – — ‒ … «»",
    '"""',
    "# ikke en kommentar",
]


def _round_trip(title: str, tmp_path: Path) -> str:
    agenda = read_agenda("09:00 – 10:00 x\n")
    agenda.items[0].title = title
    path = tmp_path / "rundtur.toml"
    path.write_text(agenda_toml(agenda, "nb", "a.txt", "rundtur.toml"), encoding="utf-8")
    return load_programme(path).samlinger[0].items[0].title


@pytest.mark.parametrize("title", TITLES)
def test_a_title_comes_back_equal_through_load_programme(title: str, tmp_path: Path) -> None:
    assert _round_trip(title, tmp_path) == title


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_toml_string_reads_back_as_the_same_text(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


LINE = st.one_of(
    st.sampled_from(
        [
            "08:30 – 09:00 Velkommen!",
            "kl. 9.15 Pause",
            "Lunsj 11.30",
            "11:30-12:15 Lunsf",
            "12.15 Arbeid",
            "1:00 PM – 2:00 PM Workshop",
            "2.30 Avslutning",
            "23:50 Sent",
            "00:05 Tidlig",
            "10:00 – 09:00 Baklengs",
            "09:00",
            "Påkobling siden sist",
            "fortsetter på linjen under",
            "Samling 7",
            "",
            "",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(LINE, max_size=14))
def test_any_agenda_text_gives_a_file_without_errors(lines: list[str]) -> None:
    agenda = read_agenda("\n".join(lines))
    if not agenda.items:
        return
    for lang in ("nb", "en"):
        data = tomllib.loads(agenda_toml(agenda, lang, "a.txt", "dag.toml"))
        programme, problems = validate(data)
        assert programme is not None, problems
        assert [p for p in problems if p.severity == "error"] == []
