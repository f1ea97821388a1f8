"""The programme models: the bundled Seljord file as the slides show it, aliases,
finding a samling, and the roles a programme gets when it names none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tuiroom.fmt import hhmm
from tuiroom.programme.loading import read_programme
from tuiroom.programme.models import (
    Exercise,
    Item,
    Member,
    Phase,
    Programme,
    ProgrammeInfo,
    Samling,
)

DATA = Path(__file__).resolve().parents[2] / "data"
SELJORD = DATA / "seljord.toml"

NB_ROLES = ["Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum"]
EN_ROLES = ["Chair and timekeeper", "Focus keeper", "Secretary / reports in plenum"]


def _item(programme: Programme, samling: str, title: str) -> Item:
    found = programme.find_samling(samling)
    assert found is not None
    matches = [i for i in found.items if i.title == title]
    assert len(matches) == 1, f"{title!r} in {samling}: {[i.title for i in found.items]}"
    return matches[0]


def _programme(*samlinger: dict[str, object]) -> Programme:
    return Programme.model_validate({"programme": {"title": "P"}, "samling": list(samlinger)})


# ── The bundled file ──────────────────────────────────────────────────────────


def test_seljord_reads_without_errors_or_warnings() -> None:
    result = read_programme(SELJORD)
    assert result.problems == []
    assert result.messages() == []
    assert result.programme is not None
    assert result.language == "nb"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_every_bundled_data_file_reads_without_errors(path: Path) -> None:
    result = read_programme(path)
    assert result.errors == [], result.messages()
    assert result.programme is not None


def test_bundled_data_folder_holds_seljord() -> None:
    assert SELJORD in list(DATA.glob("*.toml"))


def test_samling_3_has_the_eight_items_of_the_slide(seljord: Programme) -> None:
    s3 = seljord.find_samling("s3")
    assert s3 is not None
    assert [(hhmm(i.start), hhmm(i.end), i.title) for i in s3.items] == [
        ("08:30", "09:00", "Velkommen!"),
        ("09:00", "09:30", "Mestringsorientert ledelse"),
        ("09:30", "09:45", "Pause"),
        ("09:45", "10:45", "Psykologisk trygghet"),
        ("10:45", "11:00", "Pause"),
        ("11:00", "11:30", "Lærende organisasjoner"),
        ("11:30", "12:15", "Lunsj"),
        ("12:15", "15:00", "Vi jobber videre med felles lederplattform"),
    ]


def test_samling_3_times_are_minutes_after_midnight(seljord: Programme) -> None:
    s3 = seljord.find_samling("s3")
    assert s3 is not None
    first, last = s3.items[0], s3.items[-1]
    assert (first.start, first.end, first.duration) == (510, 540, 30)
    assert (last.start, last.end, last.duration) == (735, 900, 165)
    assert (s3.start, s3.end) == (510, 900)


def test_samling_3_welcome_has_its_note(seljord: Programme) -> None:
    assert _item(seljord, "s3", "Velkommen!").note == "Påkobling siden sist"


def test_samling_3_header_fields(seljord: Programme) -> None:
    s3 = seljord.find_samling("s3")
    assert s3 is not None
    assert s3.date == dt.date(2023, 9, 21)
    assert s3.theme == "Mestringsorientert ledelse"


def test_lunch_is_a_fixed_lunch(seljord: Programme) -> None:
    lunch = _item(seljord, "s3", "Lunsj")
    assert lunch.kind_name == "lunch"
    assert lunch.is_fixed is True


def test_pause_is_a_break_that_is_not_fixed(seljord: Programme) -> None:
    s3 = seljord.find_samling("s3")
    assert s3 is not None
    pauses = [i for i in s3.items if i.title == "Pause"]
    assert len(pauses) == 2
    assert all(p.kind_name == "break" for p in pauses)
    assert not any(p.is_fixed for p in pauses)


def test_samling_1_items_with_only_a_start_end_where_the_next_begins(seljord: Programme) -> None:
    s1 = seljord.find_samling("s1")
    assert s1 is not None
    assert all(item.time[1] is None for item in s1.items)
    for item, following in zip(s1.items, s1.items[1:], strict=False):
        assert item.end == following.start, item.title
    assert (hhmm(s1.items[0].start), hhmm(s1.items[0].end)) == ("08:30", "08:45")
    assert (hhmm(s1.items[1].start), hhmm(s1.items[1].end)) == ("08:45", "09:45")


def test_samling_1_ends_with_a_fixed_end_item_at_1530(seljord: Programme) -> None:
    s1 = seljord.find_samling("s1")
    assert s1 is not None
    last = s1.items[-1]
    assert last.title == "Avslutning – vel hjem!"
    assert last.kind_name == "end"
    assert last.is_fixed is True
    assert last.start == 15 * 60 + 30
    assert last.end == last.start


def test_dotted_and_colon_times_are_both_accepted(seljord: Programme) -> None:
    # Samling 1 writes "11.30", Samling 3 writes "11:30 – 12:15".
    assert _item(seljord, "s1", "Lunsj").start == 690
    assert _item(seljord, "s3", "Lunsj").start == 690
    dotted = Item.model_validate({"time": "11.30", "title": "x"})
    colon = Item.model_validate({"time": "11:30", "title": "x"})
    assert dotted.start == colon.start == 690


def test_six_groups_with_the_roster_sizes(seljord: Programme) -> None:
    assert [(g.name, len(g.members)) for g in seljord.groups] == [
        ("Stjernelaget", 5),
        ("Blåveis", 5),
        ("Einingsleiarane", 7),
        ("Godt og blanda", 5),
        ("RLG", 5),
        ("Gygrene", 6),
    ]


def test_name_in_parentheses_is_an_occasional_member(seljord: Programme) -> None:
    blaaveis = seljord.groups[1]
    randi = blaaveis.members[-1]
    assert randi == Member(name="Randi Moheim", occasional=True)
    assert randi not in blaaveis.regulars()
    assert len(blaaveis.regulars()) == 4
    occasional = [m.name for m in seljord.people() if m.occasional]
    assert occasional == ["Randi Moheim", "Guri Lundefaret"]
    assert not any("(" in m.name or ")" in m.name for m in seljord.people())


def test_meeting_text_gives_date_and_lead(seljord: Programme) -> None:
    rlg = next(g for g in seljord.groups if g.name == "RLG")
    first = rlg.meetings[0]
    assert first.date == dt.date(2023, 5, 16)
    assert first.lead == "FL"


def test_question_mark_meeting_has_no_date(seljord: Programme) -> None:
    rlg = next(g for g in seljord.groups if g.name == "RLG")
    assert rlg.meetings[2].date is None
    assert rlg.meetings[2].lead == ""
    assert [m.date for m in rlg.meetings].count(None) == 1


def test_meeting_without_lead_has_an_empty_lead(seljord: Programme) -> None:
    gygrene = next(g for g in seljord.groups if g.name == "Gygrene")
    assert gygrene.meetings[1].date == dt.date(2023, 6, 20)
    assert gygrene.meetings[1].lead == ""


def test_kommune_30_is_individual_round_robin_plenum_with_roles(seljord: Programme) -> None:
    s1 = seljord.find_samling("s1")
    assert s1 is not None
    exercise = next(e for _, e in s1.exercises() if e.title == "Kommune 3.0")
    assert [(p.form, p.minutes) for p in exercise.phases] == [
        ("individual", 3),
        ("round-robin", 15),
        ("plenum", 10),
    ]
    assert exercise.draw_roles is True
    assert exercise.planned_minutes() == 28


# ── Aliases ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("rekkeframlegg", "round-robin"),
        ("gallerivandring", "gallery"),
        ("Rekkefremlegg", "round-robin"),
        ("round_robin", "round-robin"),
        ("plenum", "plenum"),
    ],
)
def test_phase_form_alias_maps_to_canonical_name(word: str, form: str) -> None:
    assert Phase.model_validate({"form": word}).form == form


@pytest.mark.parametrize(
    ("word", "answer"),
    [("diamant", "diamond"), ("Diamant", "diamond"), ("100 poeng", "points"), ("skala", "scale")],
)
def test_answer_alias_maps_to_canonical_name(word: str, answer: str) -> None:
    assert Exercise.model_validate({"title": "x", "answer": word}).answer == answer


@pytest.mark.parametrize(
    ("word", "kind"),
    [("lunsj", "lunch"), ("Lunsj", "lunch"), ("pause", "break"), ("avslutning", "end")],
)
def test_item_kind_alias_maps_to_canonical_name(word: str, kind: str) -> None:
    item = Item.model_validate({"time": "11:30", "title": "x", "kind": word})
    assert item.kind == kind
    assert item.kind_name == kind


def test_alias_in_a_file_is_stored_under_the_english_name(write_toml) -> None:
    path = write_toml(
        """
        [programme]
        title = "P"

        [[samling]]
        title = "S"

        [[samling.item]]
        time = "11:30 – 12:00"
        title = "Mat"
        kind = "lunsj"

        [[samling.item.exercise]]
        title = "E"
        answer = "diamant"
        phases = [{ form = "rekkeframlegg", minutes = 5 }, { form = "gallerivandring" }]
        """
    )
    result = read_programme(path)
    assert result.problems == []
    assert result.programme is not None
    item = result.programme.samlinger[0].items[0]
    assert item.kind == "lunch"
    assert item.is_fixed is True
    assert item.exercises[0].answer == "diamond"
    assert [p.form for p in item.exercises[0].phases] == ["round-robin", "gallery"]


def test_unknown_form_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown"):
        Phase.model_validate({"form": "rekkefølge"})


# ── Finding a samling ─────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", ["s3", "S3", "Samling 3", "samling 3", "  SAMLING 3 ", "3", "2"])
def test_find_samling_by_id_title_last_word_or_place(seljord: Programme, name: str) -> None:
    found = seljord.find_samling(name)
    assert found is not None
    assert found.id == "s3"


@pytest.mark.parametrize("name", ["s1", "Samling 1", "1"])
def test_find_samling_1(seljord: Programme, name: str) -> None:
    found = seljord.find_samling(name)
    assert found is not None
    assert found.id == "s1"


@pytest.mark.parametrize("name", ["s2", "Samling 2 ekstra", "0", "4", "-1", ""])
def test_find_samling_unknown_name_gives_none(seljord: Programme, name: str) -> None:
    assert seljord.find_samling(name) is None


def test_find_samling_by_place_in_file() -> None:
    programme = _programme({"title": "Vår"}, {"title": "Høst"})
    assert programme.find_samling("1") is programme.samlinger[0]
    assert programme.find_samling("2") is programme.samlinger[1]
    assert programme.find_samling("høst") is programme.samlinger[1]
    assert programme.find_samling("3") is None


def test_find_samling_prefers_a_title_word_over_a_place() -> None:
    programme = _programme({"title": "Samling 2"}, {"title": "Samling 1"})
    assert programme.find_samling("1") is programme.samlinger[1]
    assert programme.find_samling("2") is programme.samlinger[0]


def test_a_blank_samling_title_is_an_error_not_a_crash(write_toml) -> None:
    path = write_toml(
        """
        [programme]
        title = "P"

        [[samling]]
        title = "   "

        [[samling.item]]
        time = "09:00 – 10:00"
        title = "x"
        """
    )
    result = read_programme(path)
    assert result.programme is None
    assert [(p.code, p.line) for p in result.errors] == [("empty_text", 5)]


DATED = (
    {"id": "a", "title": "A", "date": "2023-05-11"},
    {"id": "u", "title": "Udatert"},
    {"id": "c", "title": "C", "date": "2023-12-08"},
    {"id": "b", "title": "B", "date": "2023-09-21"},
)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2023, 1, 1), "a"),  # before everything: the first one
        (dt.date(2023, 5, 11), "a"),  # today
        (dt.date(2023, 5, 12), "b"),  # the next upcoming, not the next in the file
        (dt.date(2023, 9, 21), "b"),
        (dt.date(2023, 12, 8), "c"),
        (dt.date(2024, 3, 1), "c"),  # all past: the latest dated one
    ],
)
def test_default_samling_is_today_else_next_else_latest(today: dt.date, expected: str) -> None:
    programme = _programme(*DATED)
    chosen = programme.default_samling(today)
    assert chosen is not None
    assert chosen.id == expected


def test_default_samling_without_dates_is_the_first() -> None:
    programme = _programme({"id": "x", "title": "X"}, {"id": "y", "title": "Y"})
    chosen = programme.default_samling(dt.date(2023, 9, 21))
    assert chosen is not None
    assert chosen.id == "x"


def test_default_samling_of_empty_programme_is_none() -> None:
    assert _programme().default_samling(dt.date(2023, 9, 21)) is None


def test_default_samling_in_seljord_is_samling_3(seljord: Programme) -> None:
    for today in (dt.date(2023, 5, 1), dt.date(2023, 9, 21), dt.date(2024, 1, 1)):
        chosen = seljord.default_samling(today)
        assert chosen is not None
        assert chosen.id == "s3"


def test_samling_names_are_id_title_and_last_word() -> None:
    samling = Samling.model_validate({"id": "S3", "title": "Samling 3"})
    assert samling.names() == ("s3", "samling 3", "3")


# ── Default roles ─────────────────────────────────────────────────────────────


def _roles_file(write_toml, language: str | None) -> Path:
    line = f'language = "{language}"\n' if language else ""
    return write_toml(
        '[programme]\ntitle = "P"\n'
        + line
        + '\n[[samling]]\ntitle = "S"\n\n[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "x"\n'
    )


def test_default_roles_are_bokmal_without_language(write_toml) -> None:
    programme = read_programme(_roles_file(write_toml, None)).programme
    assert programme is not None
    assert programme.programme.roles == NB_ROLES


def test_default_roles_are_english_for_english_programme(write_toml) -> None:
    programme = read_programme(_roles_file(write_toml, "en")).programme
    assert programme is not None
    assert programme.programme.roles == EN_ROLES


def test_default_roles_follow_language_written_in_capitals(write_toml) -> None:
    # language = "EN" is accepted and stored as "en", so the roles must be English too.
    programme = read_programme(_roles_file(write_toml, "EN")).programme
    assert programme is not None
    assert programme.language == "en"
    assert programme.programme.roles == EN_ROLES


def test_roles_written_in_the_file_are_kept(write_toml) -> None:
    path = write_toml(
        """
        [programme]
        title = "P"
        language = "en"
        roles = ["Leder", "Skriver"]

        [[samling]]
        title = "S"

        [[samling.item]]
        time = "09:00 – 10:00"
        title = "x"
        """
    )
    programme = read_programme(path).programme
    assert programme is not None
    assert programme.programme.roles == ["Leder", "Skriver"]


def test_seljord_roles_are_the_bokmal_ones(seljord: Programme) -> None:
    assert seljord.programme.roles == NB_ROLES


def test_model_alone_does_not_invent_roles() -> None:
    assert ProgrammeInfo.model_validate({"title": "P"}).roles == []
