"""The day's notes as Markdown: golden files of Samling 3 as a room would leave it, the
structure markdown-it-py reads back even from nasty answers, anonymizing, and the whole
programme with its table of contents.

Regenerate the golden files after an intended change with
`UPDATE_GOLDEN=1 pytest tests/unit/test_export.py`, and read the diff before committing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.conftest import DATA, SELJORD
from tests.running import at, samling_id
from tuiroom.day.clock import FakeClock
from tuiroom.day.running import Day
from tuiroom.groups import work as groupwork
from tuiroom.notes.markdown import anchor, cell, heading, paragraph
from tuiroom.notes.referat import export_programme, export_samling
from tuiroom.programme.loading import load_programme
from tuiroom.programme.models import Programme
from tuiroom.store import Store
from tuiroom.store.records import ExerciseRow, QuestionRow

GOLDEN = Path(__file__).parent / "golden"
ROLES = ["Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum"]

NASTY = (
    "1. Vi | sa *fri* og _tale_ og `kode`\n"
    "# ikke en overskrift\n"
    "<b>ikke html</b> & &amp; [lenke](http://x.no)\n"
    "- ikke et punkt\n"
    "    ikke kode\n"
    "---\n"
    "2) heller ikke\n"
    "=\n"
    "> ikke sitat | \\| slutt \\"
)
DIAMOND_GYGRENE = (
    "likeverd\nrespekt\ntoleranse\nærlighet\nåpenhet\nkreativitet\ninkludering\nretning\ntillit"
)
DIAMOND_RLG = "tillit\nrespekt\nopenheit\nærlegdom\nmot\nlojalitet\nlikeverd\nglede\nansvar"


def run_the_day(store: Store) -> int:
    """Samling 3 as a room leaves it at 10:00: three items run (one over, one under),
    the fourth running, groups and roles drawn with fixed seeds, answers of every kind
    (one of them nasty), one leader away. Returns the samling's id."""
    sid = samling_id(store, "s3")
    clock = FakeClock(at("08:32"))
    day = Day.live(store, sid, clock)
    day.toggle()
    for minutes in (35, 25, 10):
        clock.advance(minutes=minutes)
        day.next()
    store.set_present(sid, _person(store, sid, "Liv Hovdenak"), False)
    grouping = groupwork.regroup(store, sid, "count", 3, "mixed", False, seed=7)
    sources = groupwork.network_sources(store.roster(sid))
    groupwork.draw_roles(store, sid, sources, ROLES, grouping.id, False, "nb", seed=11)
    for exercise, question in _questions(store, sid):
        for key, fields in _answers_for(
            exercise.answer_of(question), exercise.take_home, question.position
        ):
            store.save_answer(question.id, key, key, fields)
    return sid


def _person(store: Store, sid: int, name: str) -> int:
    return next(p.id for p in store.roster(sid) if p.name == name)


def _questions(store: Store, sid: int) -> Iterator[tuple[ExerciseRow, QuestionRow]]:
    for exercises in store.exercises(sid).values():
        for exercise in exercises:
            for question in exercise.questions:
                yield exercise, question


def _answers_for(kind: str, take_home: bool, position: int) -> list[tuple[str, dict[str, str]]]:
    if take_home:
        return []
    if kind == "text" and position == 0:
        return [("Gygrene", {"text": NASTY}), ("RLG", {"text": "Tor Arne Myrvold sa: tillit"})]
    if kind in ("diamond", "ranked"):
        return [("Gygrene", {"text": DIAMOND_GYGRENE}), ("RLG", {"text": DIAMOND_RLG})]
    if kind == "points":
        return [
            ("Blåveis", {"text": "Tillit: 50\nRespekt: 30\nÅpenhet: 20"}),
            ("RLG", {"text": "Tillit: 40\nOpenheit: 60"}),
        ]
    if kind == "list":
        return [("Blåveis", {"text": "Lytter, gir tillit, er ærlig"}), ("RLG", {"text": "lytter"})]
    if kind == "scale" and position == 0:
        scores = "Gir autonomi og tillit: 4\nStiller krav: 5\nSer ansatte: 6"
        return [
            ("Blåveis", {"score": scores, "reason": "Vi er trygge"}),
            ("RLG", {"score": "Gir autonomi og tillit: 3\nStiller krav: 2", "reason": ""}),
        ]
    if kind == "evaluation" and position == 0:
        fields = {"good": "Gruppearbeidet", "why": "Vi fikk snakke", "more": "Pauser"}
        return [("Blåveis", fields)]
    return []


@pytest.fixture
def day_store(seljord_store: Store) -> Store:
    run_the_day(seljord_store)
    return seljord_store


def matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"no golden file {path}: run with UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


# ── Golden files ──────────────────────────────────────────────────────────────


def test_samling_matches_golden(day_store: Store) -> None:
    matches_golden("seljord-samling-3.md", export_samling(day_store, samling_id(day_store, "s3")))


def test_anonymized_samling_matches_golden(day_store: Store) -> None:
    text = export_samling(day_store, samling_id(day_store, "s3"), anonymize=True)
    matches_golden("seljord-samling-3-anonymized.md", text)


def test_programme_matches_golden(day_store: Store) -> None:
    matches_golden("seljord.md", export_programme(day_store))


def test_the_same_room_gives_the_same_bytes(day_store: Store, seljord: Programme) -> None:
    again = Store.memory()
    try:
        again.load(seljord, SELJORD, SELJORD.read_text("utf-8"))
        run_the_day(again)
        assert export_programme(again) == export_programme(day_store)
        assert export_programme(day_store) == export_programme(day_store)
    finally:
        again.close()


# ── Structure, read back with markdown-it-py ──────────────────────────────────


def parse(text: str) -> list[Token]:
    return MarkdownIt("gfm-like").parse(text)


def plain(inline: Token) -> str:
    """An inline token's text as a reader sees it; a <br> is a line break."""
    parts = []
    for child in inline.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content == "<br>"
        ):
            parts.append("\n")
        elif child.markup != "linkify":
            parts.append(f"<{child.type}>")  # anything else is markup that leaked
    return "".join(parts)


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    return [
        (int(token.tag[1]), plain(tokens[n + 1]))
        for n, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    for n, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type in ("th_open", "td_open"):
            found[-1][-1].append(plain(tokens[n + 1]))
    return found


def typed(text: str) -> str:
    """An answer as the document should show it: its lines, trimmed, blank ones out."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def test_headings_are_the_intended_ones(day_store: Store) -> None:
    tokens = parse(export_samling(day_store, samling_id(day_store, "s3")))
    found = headings(tokens)
    assert found[0] == (1, "Samling 3")
    assert [text for level, text in found if level == 2] == [
        "Dagsplan",
        "Grupper og roller",
        "Oppgaver og svar",
        "Evaluering av dagen",
        "Mellomarbeid og aksjonslæring",
        "Oppmøte",
    ]
    assert (3, "08:30 Velkommen!") in found
    assert (4, "En rask påkobling") in found
    assert (5, "Hva har du vært opptatt av siden sist?") in found
    assert not any("ikke en overskrift" in text for _, text in found)


def test_nasty_answers_stay_in_their_cells(day_store: Store) -> None:
    tokens = parse(export_samling(day_store, samling_id(day_store, "s3")))
    leaked = {"em_open", "strong_open", "code_inline", "link_open", "html_block", "s_open"}
    children = [c for t in tokens for c in t.children or [] if c.markup != "linkify"]
    assert leaked.isdisjoint(t.type for t in tokens)
    assert leaked.isdisjoint(c.type for c in children)  # a bare address may become a link
    answers = [t for t in tables(tokens) if t[0] == ["Gruppe", "Svar"]]
    first = answers[0]
    assert first[1:] == [["Gygrene", typed(NASTY)], ["RLG", "Tor Arne Myrvold sa: tillit"]]
    assert all(len(row) == 2 for table in answers for row in table)
    # The take-home questions are the only list in the document.
    assert sum(t.type == "bullet_list_open" for t in tokens) == 2
    assert not any(t.type == "ordered_list_open" for t in tokens)


def test_summary_tables(day_store: Store) -> None:
    found = tables(parse(export_samling(day_store, samling_id(day_store, "s3"))))
    diamond = next(t for t in found if t[0] == ["Verdi", "Poeng", "Beste rad", "Hvem"])
    assert diamond[1] == ["Respekt", "8", "2", "Gygrene, RLG"]
    points = next(t for t in found if t[0] == ["Verdi", "Poeng", "Hvem"])
    assert points[1:3] == [["Tillit", "90", "Blåveis, RLG"], ["Åpenhet", "80", "Blåveis, RLG"]]
    scale = next(t for t in found if t[0][0] == "Påstand")
    assert scale[1] == ["Gir autonomi og tillit", "3,5", "3", "4", "2"]
    top_three, tally = [t for t in found if t[0] == ["Verdi", "Antall", "Hvem"]]
    assert top_three[1] == ["Respekt", "2", "Gygrene, RLG"]
    assert len(top_three) - 1 == 5  # likeverd, respekt, toleranse; tillit, respekt, openheit
    assert tally[1] == ["Lytter", "2", "Blåveis, RLG"]


def test_agenda_as_it_was_run(day_store: Store) -> None:
    found = tables(parse(export_samling(day_store, samling_id(day_store, "s3"))))
    agenda = found[0]
    assert agenda[0] == ["Plan", "Punkt", "Faktisk", "Avvik"]
    assert agenda[1] == ["08:30–09:00", "Velkommen!", "08:32–09:07", "5 minutter over tiden"]
    assert agenda[2][3] == "5 minutter under tiden"
    assert agenda[4][2:] == ["09:42–", "pågår"]
    assert agenda[5][2:] == ["ikke nådd", ""]


def test_a_day_never_started_shows_the_plan(seljord_store: Store) -> None:
    text = export_samling(seljord_store, samling_id(seljord_store, "s3"))
    agenda = tables(parse(text))[0]
    assert agenda[0] == ["Plan", "Punkt"]
    assert agenda[1] == ["08:30–09:00", "Velkommen!"]
    assert "Klokka ble ikke startet" in text
    assert "Ingen svar." in text


# ── Escaping, for any text at all ─────────────────────────────────────────────

TYPED = st.text(
    alphabet=st.sampled_from(list("ab 1.)#*_`<>&;|\\-+=~[]()!:\t\næ")), min_size=0, max_size=40
)


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_a_cell_holds_any_text(text: str) -> None:
    rows = tables(parse(f"| x |\n| --- |\n| {cell(text)} |\n"))
    assert rows == [[["x"], [typed(text)]]]


@settings(max_examples=300, deadline=None)
@given(TYPED.filter(lambda s: s.strip()))
def test_a_paragraph_holds_any_text(text: str) -> None:
    tokens = parse(paragraph(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert plain(tokens[1]) == typed(text)


@settings(max_examples=300, deadline=None)
@given(TYPED.filter(lambda s: s.strip()))
def test_a_heading_holds_any_text(text: str) -> None:
    assert headings(parse(heading(3, text))) == [(3, " ".join(typed(text).split("\n")))]


# ── Anonymized ────────────────────────────────────────────────────────────────


def test_anonymized_has_no_names_and_no_attendance(day_store: Store) -> None:
    sid = samling_id(day_store, "s3")
    text = export_samling(day_store, sid, anonymize=True)
    for person in day_store.roster(sid):
        assert person.name not in text
    assert "Oppmøte" not in text
    assert "Navn er byttet ut med gruppe og rolle" in text
    draw = day_store.current_role_draw(sid)
    assert draw is not None
    tor_arne = _person(day_store, sid, "Tor Arne Myrvold")
    held = [r for r in draw.roles if r.person_id == tor_arne]
    stand_in = f"{held[0].group_label}, {' / '.join(r.role_name for r in held)}" if held else ""
    assert f"{stand_in or 'Stjernelaget'} sa: tillit" in text


def test_a_one_word_name_is_replaced_only_as_written(day_store: Store) -> None:
    sid = samling_id(day_store, "s3")
    gygrene = next(g.id for g in day_store.groups() if g.name == "Gygrene")
    day_store.add_person("Bo", gygrene, samling_id=sid)
    question = next(q for e, q in _questions(day_store, sid) if e.answer == "list")
    day_store.save_answer(question.id, "Gygrene", "Gygrene", {"text": "Bo sa: vi bo her"})
    text = export_samling(day_store, sid, anonymize=True)
    assert "| Gygrene | Gygrene sa: vi bo her |" in text


# ── The whole programme ───────────────────────────────────────────────────────


def test_programme_has_contents_that_lead_to_headings(day_store: Store) -> None:
    tokens = parse(export_programme(day_store))
    found = headings(tokens)
    assert found[:2] == [(1, "Lederutviklingsprogram"), (2, "Innhold")]
    links = [
        c.attrs["href"]
        for t in tokens
        for c in t.children or []
        if c.type == "link_open" and c.markup != "linkify"
    ]
    assert links == ["#samling-1", "#samling-3", "#tidsbruk", "#datoer-nettverk"]
    ids: dict[str, int] = {}
    targets = []
    for _, text in found:  # GitHub's ids: the second "Dagsplan" is dagsplan-1
        base = anchor(text)
        targets.append(f"#{base}-{ids[base]}" if base in ids else f"#{base}")
        ids[base] = ids.get(base, 0) + 1
    assert set(links) <= set(targets)
    assert [text for level, text in found if level == 2][1:] == [
        "Samling 1",
        "Samling 3",
        "Tidsbruk",
        "Datoer nettverk",
    ]


def test_programme_has_the_network_meeting_dates(day_store: Store) -> None:
    meetings = tables(parse(export_programme(day_store)))[-1]
    assert meetings[0] == ["Gruppe", "Møte 1", "Møte 2", "Møte 3", "Møte 4"]
    assert meetings[2] == ["Blåveis", "16.05.2023 EL", "16.06.2023 EL", "?", "08.12.2023 EL"]
    assert len(meetings) == 1 + len(day_store.groups())


# ── Language ──────────────────────────────────────────────────────────────────


def test_headings_follow_the_programme_language(store: Store) -> None:
    programme = load_programme(DATA / "example-en.toml")
    store.load(programme)
    text = export_samling(store, store.samlinger()[0].id)
    assert "## Agenda" in text
    assert "Dagsplan" not in text


def test_language_can_be_chosen(day_store: Store) -> None:
    text = export_samling(day_store, samling_id(day_store, "s3"), lang="nn")
    assert "## Oppgåver og svar" in text
    assert "torsdag 21. september 2023" in text
