"""Bad programme files: every mistake is reported, never raised, on the right line,
naming the field, in the programme's own language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuiroom.programme.loading import LoadResult, ProgrammeError, load_programme, read_programme
from tuiroom.programme.problems import Problem

SEVERITY = {
    "nb": {"error": "feil", "warning": "advarsel"},
    "nn": {"error": "feil", "warning": "åtvaring"},
    "en": {"error": "error", "warning": "warning"},
}


def _head(language: str) -> str:
    """Lines 1–4: the [programme] table and a blank line."""
    return f'[programme]\ntitle = "Kurs"\nlanguage = "{language}"\n\n'


def _samling(items: str) -> str:
    """Lines 5–6 (after the head): one samling, then its items."""
    return '[[samling]]\ntitle = "Dag 1"\n\n' + items


def _read(path: Path, lang: str | None = None) -> LoadResult:
    """read_programme, which must never raise, whatever the file holds."""
    try:
        return read_programme(path, lang)
    except Exception as exc:  # pragma: no cover - the failure message is the point
        pytest.fail(f"read_programme raised {exc!r}")


def _one(result: LoadResult, code: str) -> Problem:
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, f"{code} not reported once: {result.messages()}"
    return found[0]


def _message(result: LoadResult, problem: Problem) -> str:
    """The rendered line for `problem`, which must start with file:line:."""
    prefix = f"{result.path}:{problem.line}:" if problem.line else f"{result.path}: "
    body = problem.message(result.language)
    found = [m for m in result.messages() if m.startswith(prefix) and m.endswith(body)]
    assert len(found) == 1, f"no message {prefix}…{body} in {result.messages()}"
    return found[0]


def _check(
    result: LoadResult,
    code: str,
    severity: str,
    line: int | None,
    field: str,
    lang: str,
    phrase: str,
) -> str:
    """Assert everything a bad-input test proves; return the rendered message."""
    problem = _one(result, code)
    assert problem.severity == severity
    assert problem.line == line
    message = _message(result, problem)
    if line is not None:
        assert message.startswith(f"{result.path}:{line}: ")
    else:
        assert message.startswith(f"{result.path}: ")
    assert f": {SEVERITY[lang][severity]}: " in message
    assert field in message
    assert phrase in message, message
    if severity == "error":
        assert result.programme is None
    return message


# ── TOML syntax ───────────────────────────────────────────────────────────────


def test_unquoted_title_is_a_toml_syntax_error(write_toml) -> None:
    path = write_toml(
        _head("nb") + _samling('[[samling.item]]\ntime = "09:00 – 09:15"\ntitle = Pause\n')
    )
    result = _read(path)
    _check(result, "toml_syntax", "error", 10, "title", "nb", "Tekst må stå i anførselstegn")
    assert result.messages()[0].count("TOML-feil") == 1


def test_unquoted_time_hints_that_times_need_quotes(write_toml) -> None:
    path = write_toml(_head("nb") + _samling('[[samling.item]]\ntime = 08:30\ntitle = "A"\n'))
    result = _read(path)
    message = _check(
        result, "toml_syntax", "error", 9, "time", "nb", "Klokkeslett må stå i anførselstegn"
    )
    assert '"08:30 – 09:00"' in message


def test_toml_syntax_error_in_english_file_is_told_in_english(write_toml) -> None:
    path = write_toml(
        _head("en") + _samling('[[samling.item]]\ntime = "09:00 – 09:15"\ntitle = Pause\n')
    )
    result = _read(path)
    _check(result, "toml_syntax", "error", 10, "title", "en", "Text must be in quotes")


def test_unterminated_string_is_reported_on_the_line_it_opens(write_toml) -> None:
    path = write_toml(
        _head("nb")
        + _samling(
            '[[samling.item]]\ntime = "09:00 – 09:15"\ntitle = "A"\nnote = """Husk\nlappene\n'
        )
    )
    result = _read(path)
    # tomllib says "at end of document"; the string that never closes opens on line 11.
    _check(result, "toml_syntax", "error", 11, "aldri avsluttes", "nb", "TOML-feil")


def test_unclosed_array_is_reported_on_the_line_it_opens(write_toml) -> None:
    path = write_toml(
        _head("en")
        + _samling('[[samling.item]]\ntime = "09:00 – 09:15"\ntitle = "A"\n')
        + '[[group]]\nname = "G"\nmembers = ["Kari",\n  "Ola",\n'
    )
    result = _read(path)
    line = path.read_text("utf-8").splitlines().index('members = ["Kari",') + 1
    _check(result, "toml_syntax", "error", line, "", "en", "TOML error")


# ── Times ─────────────────────────────────────────────────────────────────────


def _one_item(lang: str, time: str, extra: str = "minutes = 10\n") -> str:
    """The item's time is on line 9, its title on 10, `extra` from 11."""
    return _head(lang) + _samling(f'[[samling.item]]\ntime = {time}\ntitle = "A"\n{extra}')


def test_hour_25_is_out_of_range(write_toml) -> None:
    result = _read(write_toml(_one_item("en", '"25:00"')))
    _check(result, "time_range", "error", 9, "time", "en", "“25:00” is not on the clock")


def test_hour_25_in_nynorsk(write_toml) -> None:
    result = _read(write_toml(_one_item("nn", '"25:00"')))
    _check(result, "time_range", "error", 9, "time", "nn", "«25:00» finst ikkje på klokka")


def test_single_digit_dotted_time_suggests_two_digits(write_toml) -> None:
    result = _read(write_toml(_one_item("nb", '"8.30"')))
    message = _check(result, "time_decimal", "error", 9, "time", "nb", "ser ut som et desimaltall")
    assert _one(result, "time_decimal").values["suggestion"] == "08.30"
    assert '"08.30"' in message


def test_unquoted_decimal_time_is_a_number(write_toml) -> None:
    result = _read(write_toml(_one_item("nn", "8.30")))
    _check(result, "time_number", "error", 9, "time", "nn", "8.3 er eit tal, ikkje eit klokkeslett")


def test_one_minute_digit_is_not_a_time(write_toml) -> None:
    result = _read(write_toml(_one_item("en", '"08:3"')))
    _check(result, "time_format", "error", 9, "time", "en", "“08:3” is not a time")


def test_end_before_start(write_toml) -> None:
    result = _read(write_toml(_one_item("nb", '"09:00 – 08:30"', "")))
    message = _check(
        result,
        "end_before_start",
        "error",
        9,
        "time",
        "nb",
        "Slutter 08:30, ikke etter at det starter 09:00",
    )
    assert "item 1 «A»" in message


def test_end_equal_to_start_is_also_refused(write_toml) -> None:
    result = _read(write_toml(_one_item("en", '"09:00 – 09:00"', "")))
    _check(result, "end_before_start", "error", 9, "time", "en", "Ends at 09:00")


def _two_items(lang: str, first: str, second: str) -> str:
    """First item's time on line 9, second item's time on line 13."""
    return _head(lang) + _samling(
        f'[[samling.item]]\ntime = "{first}"\ntitle = "A"\n\n'
        f'[[samling.item]]\ntime = "{second}"\ntitle = "B"\n'
    )


def test_overlapping_items(write_toml) -> None:
    result = _read(write_toml(_two_items("en", "09:00 – 10:00", "09:30 – 10:30")))
    message = _check(
        result,
        "overlap",
        "error",
        13,
        "time",
        "en",
        "Starts at 09:30, before “A” has ended (10:00)",
    )
    assert "item 2 «B»" in message


def test_items_out_of_order(write_toml) -> None:
    result = _read(write_toml(_two_items("nn", "09:00 – 10:00", "08:00 – 08:30")))
    _check(
        result,
        "out_of_order",
        "error",
        13,
        "time",
        "nn",
        "Startar 08:00, før punktet over («A» kl. 09:00)",
    )
    assert [p.code for p in result.problems] == ["out_of_order"]


def test_end_in_time_and_minutes(write_toml) -> None:
    text = _head("nb") + _samling(
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\nminutes = 30\n'
    )
    result = _read(write_toml(text))
    _check(
        result,
        "end_and_minutes",
        "error",
        11,
        "minutes",
        "nb",
        "Har både sluttid i «time» og «minutes»",
    )


def test_last_item_without_end(write_toml) -> None:
    result = _read(write_toml(_two_items("en", "09:00", "10:00")))
    message = _check(result, "no_end", "error", 13, "time", "en", "The last item has no end")
    assert 'time = "10:00 – HH:MM"' in message


def test_last_item_of_kind_end_needs_no_end(write_toml) -> None:
    text = _head("nb") + _samling(
        '[[samling.item]]\ntime = "15:30"\ntitle = "Slutt"\nkind = "end"\n'
    )
    result = _read(write_toml(text))
    assert result.problems == []
    assert result.programme is not None


def test_phase_plan_longer_than_its_item_is_a_warning(write_toml) -> None:
    text = _head("nb") + _samling(
        '[[samling.item]]\ntime = "09:00 – 09:10"\ntitle = "A"\n\n'
        '[[samling.item.exercise]]\ntitle = "Oppgave"\nphases = [\n'
        '  { form = "individual", minutes = 5 },\n  { form = "group", minutes = 10 },\n]\n'
    )
    result = _read(write_toml(text))
    _check(
        result,
        "phases_too_long",
        "warning",
        14,
        "phases",
        "nb",
        "Fasene tar 15 min, men punktet varer bare 10 min",
    )
    assert result.errors == []
    assert result.programme is not None


def test_unknown_phase_form_in_multiline_array_is_on_its_own_line(write_toml) -> None:
    text = _head("en") + _samling(
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n\n'
        '[[samling.item.exercise]]\ntitle = "Oppgave"\nphases = [\n'
        '  { form = "individual", minutes = 5 },\n  { form = "rekkefølge", minutes = 10 },\n]\n'
    )
    result = _read(write_toml(text))
    message = _check(
        result, "unknown_choice", "error", 16, "form", "en", "“rekkefølge” is not valid here"
    )
    assert "round-robin" in message


# ── Groups ────────────────────────────────────────────────────────────────────


def _groups(lang: str, first: str, second: str, tail: str = "") -> str:
    """Group 1 on lines 5–7, group 2 on lines 9–11."""
    return _head(lang) + f"[[group]]\n{first}\n\n[[group]]\n{second}\n\n" + tail


def test_duplicate_group_name_ignores_case(write_toml) -> None:
    text = _groups(
        "en", 'name = "Blåveis"\nmembers = ["Liv"]', 'name = "BLÅVEIS"\nmembers = ["Kjetil"]'
    )
    result = _read(write_toml(text))
    message = _check(
        result, "duplicate_group", "error", 10, "name", "en", "The group “BLÅVEIS” already exists"
    )
    assert "group 2" in message


def test_namesakes_in_two_groups_are_a_warning_asking_to_tell_them_apart(write_toml) -> None:
    text = _groups(
        "nb",
        'name = "Blåveis"\nmembers = ["Liv Hovdenak"]',
        'name = "RLG"\nmembers = [\n  "Lars",\n  "liv  hovdenak",\n]',
    )
    result = _read(write_toml(text))
    message = _check(
        result,
        "namesake",
        "warning",
        13,
        "members",
        "nb",
        "«liv  hovdenak» står også i «Blåveis». To personer med samme navn går an",
    )
    assert "group 2 «RLG» › members 2" in message and "e-post" in message
    assert result.programme is not None


def test_namesakes_told_apart_by_email_are_not_a_problem(write_toml) -> None:
    text = _groups(
        "nb",
        'name = "Blåveis"\nmembers = [{ name = "Per Aarsland", email = "per@bo.no" }]',
        'name = "RLG"\nmembers = [{ name = "Per Aarsland", email = "per@seljord.no" }]',
    )
    result = _read(write_toml(text))
    assert [p.code for p in result.problems] == ["no_samlinger"]


def test_the_same_name_twice_in_one_group_is_an_error(write_toml) -> None:
    text = _groups(
        "nb",
        'name = "Blåveis"\nmembers = ["Liv Hovdenak", "Lars", "Liv Hovdenak"]',
        'name = "RLG"\nmembers = ["Kari"]',
    )
    result = _read(write_toml(text))
    problem = _one(result, "duplicate_person")
    assert problem.severity == "error" and result.programme is None
    assert "står to ganger i «Blåveis»" in _message(result, problem)


def test_role_draw_in_too_small_group_is_a_warning(write_toml) -> None:
    text = _groups(
        "nn",
        'name = "Små"\nmembers = ["A", "B", "(C)"]',
        'name = "Store"\nmembers = ["D", "E", "F"]',
        _samling(
            '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n\n'
            '[[samling.item.exercise]]\ntitle = "Roller"\ndraw_roles = true\n'
        ),
    )
    result = _read(write_toml(text))
    _check(
        result,
        "group_too_small",
        "warning",
        7,
        "members",
        "nn",
        "«Små» har 2 faste deltakarar, men 3 roller vert trekte",
    )
    assert result.errors == []
    assert result.programme is not None


def test_no_role_draw_no_size_warning(write_toml) -> None:
    text = _groups(
        "nb",
        'name = "Små"\nmembers = ["A"]',
        'name = "Store"\nmembers = ["B"]',
        _samling('[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n'),
    )
    assert _read(write_toml(text)).problems == []


# ── Choices and fields ────────────────────────────────────────────────────────


def test_unknown_answer_kind_lists_the_valid_kinds(write_toml) -> None:
    text = _head("en") + _samling(
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n\n'
        '[[samling.item.exercise]]\ntitle = "Oppgave"\nanswer = "essay"\n'
    )
    result = _read(write_toml(text))
    message = _check(
        result,
        "unknown_choice",
        "error",
        14,
        "answer",
        "en",
        "“essay” is not valid here. Choose one of:",
    )
    assert message.endswith("text, list, ranked, diamond, points, scale, evaluation.")


def test_unknown_language_no(write_toml) -> None:
    text = _head("no") + _samling('[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n')
    result = _read(write_toml(text))
    message = _check(
        result,
        "unknown_choice",
        "error",
        3,
        "language",
        "nb",
        "«no» er ikke gyldig her. Velg en av: nb, nn, en",
    )
    assert "programme › language" in message


def test_language_in_capitals_gives_messages_in_that_language(write_toml) -> None:
    result = _read(write_toml(_one_item("EN", '"25:00"')))
    _check(result, "time_range", "error", 9, "time", "en", "is not on the clock")


def test_misspelt_field_suggests_the_right_one(write_toml) -> None:
    text = _head("en") + _samling('[[samling.item]]\ntime = "09:00 – 10:00"\ntitel = "A"\n')
    result = _read(write_toml(text))
    message = _check(
        result,
        "unknown_field_like",
        "error",
        10,
        "titel",
        "en",
        "Unknown field “titel”. Did you mean “title”?",
    )
    assert _one(result, "unknown_field_like").values["hint"] == "title"
    assert "item 1 › titel" in message


def test_unknown_field_far_from_any_name_lists_the_known_ones(write_toml) -> None:
    text = _head("nb") + '[[group]]\nname = "RLG"\nxyz = 1\n'
    result = _read(write_toml(text))
    message = _check(result, "unknown_field", "error", 7, "xyz", "nb", "Ukjent felt «xyz»")
    assert "name, members, meetings" in message


def test_missing_programme_table(write_toml) -> None:
    path = write_toml(_samling('[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n'))
    result = _read(path)
    _check(
        result,
        "missing_programme",
        "error",
        None,
        "programme",
        "nb",
        "Tabellen [programme] mangler",
    )


# ── The file itself ───────────────────────────────────────────────────────────


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "finnes-ikke.toml"
    result = _read(path)
    _check(result, "file_missing", "error", None, str(path), "nb", "Filen finnes ikke")
    assert result.messages() == [
        f"{path}: feil: Filen finnes ikke. Sjekk stien, eller lag en programfil med "
        "«tuiroom new FIL» (eller «tuiroom new FIL --from DAGSPLAN.txt» fra dagsplanen "
        "på et lysbilde)."
    ]


def test_missing_file_told_in_the_language_asked_for(tmp_path: Path) -> None:
    result = _read(tmp_path / "finnes-ikke.toml", lang="nn")
    _check(result, "file_missing", "error", None, "finnes-ikke.toml", "nn", "Fila finst ikkje")


def test_directory_given_as_file(tmp_path: Path) -> None:
    result = _read(tmp_path, lang="en")
    _check(
        result, "file_is_dir", "error", None, str(tmp_path), "en", "This is a folder, not a file"
    )


def test_latin1_file_is_not_utf8_on_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    text = '[programme]\ntitle = "Kurs"\n\n[[group]]\nname = "Blåveis"\n'
    path.write_bytes(text.encode("latin-1"))
    result = _read(path)
    _check(result, "file_not_utf8", "error", 5, "linje 5", "nb", "Filen er ikke UTF-8")
    assert result.data == {}


def test_utf8_file_with_bom_reads_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    text = _head("nb") + _samling('[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "Blåveis"\n')
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = _read(path)
    assert result.problems == []
    assert result.programme is not None
    assert result.programme.programme.title == "Kurs"
    assert result.programme.samlinger[0].items[0].title == "Blåveis"


def test_bom_does_not_shift_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _one_item("nb", '"25:00"').encode("utf-8"))
    _check(_read(path), "time_range", "error", 9, "time", "nb", "finnes ikke på klokka")


# ── Many mistakes at once ─────────────────────────────────────────────────────

MANY_MISTAKES = """\
[programme]
title = "Lederutvikling"
language = "en"
organization = "Seljord kommune"

[[group]]
name = "Blåveis"
members = ["Liv", "Kjetil", ""]

[[group]]
name = "Gygrene"
members = ["Anne", "anne"]
meetings = ["32.05.23 FL"]

[[samling]]
title = "Samling 1"

[[samling.item]]
time = "25:00"
title = "Velkommen"
minutes = 15

[[samling.item]]
time = "09:00 – 10:00"
title = "Innlegg"

[[samling]]
title = "Samling 2"
thema = "Ledelse"

[[samling.item]]
time = "09:00 – 10:00"
title = "Oppgave"

[[samling.item]]
time = "09:30 – 10:30"
title = "Pause"
"""

EXPECTED_MISTAKES = [
    (4, "unknown_field_like", "programme › organization"),
    (8, "empty_text", "group 1 «Blåveis» › members 3 › name"),
    (12, "duplicate_person", "group 2 «Gygrene» › members 2"),
    (13, "date_format", "group 2 «Gygrene» › meetings 1 › date"),
    (19, "time_range", "samling 1 «Samling 1» › item 1 «Velkommen» › time"),
    (29, "unknown_field_like", "samling 2 «Samling 2» › thema"),
    (36, "overlap", "samling 2 «Samling 2» › item 2 «Pause» › time"),
]


def test_every_mistake_is_reported_in_one_read(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(MANY_MISTAKES, encoding="utf-8")
    result = _read(path)
    assert result.programme is None
    assert sorted((p.line, p.code) for p in result.problems) == [
        (line, code) for line, code, _ in EXPECTED_MISTAKES
    ]
    assert all(p.severity == "error" for p in result.problems)


def test_many_mistakes_are_rendered_sorted_by_line_in_english(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(MANY_MISTAKES, encoding="utf-8")
    messages = _read(path).messages()
    assert len(messages) == len(EXPECTED_MISTAKES)
    for message, (line, _, where) in zip(messages, EXPECTED_MISTAKES, strict=True):
        assert message.startswith(f"{path}:{line}: error: {where}: "), message
    assert "Did you mean “organisation”?" in messages[0]
    assert "Did you mean “theme”?" in messages[5]
    assert "before “Oppgave” has ended (10:00)" in messages[6]


def test_overlap_is_found_in_samling_with_a_typo_in_an_item(write_toml) -> None:
    text = _head("nb") + _samling(
        '[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\nnotat = "x"\n\n'
        '[[samling.item]]\ntime = "09:45 – 10:30"\ntitle = "B"\n'
    )
    result = _read(write_toml(text))
    assert sorted((p.line, p.code) for p in result.problems) == [
        (11, "unknown_field_like"),
        (14, "overlap"),
    ]


def test_load_programme_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(MANY_MISTAKES, encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        load_programme(path)
    result = caught.value.result
    assert result.path == path
    assert len(result.errors) == len(EXPECTED_MISTAKES)
    assert str(caught.value) == "\n".join(result.messages())


def test_load_programme_keeps_a_file_with_only_warnings(write_toml) -> None:
    text = _head("nb") + _samling(
        '[[samling.item]]\ntime = "09:00 – 09:10"\ntitle = "A"\n\n'
        '[[samling.item.exercise]]\ntitle = "E"\nphases = [{ form = "group", minutes = 20 }]\n'
    )
    programme = load_programme(write_toml(text))
    assert programme.samlinger[0].items[0].exercises[0].phases[0].minutes == 20


def test_an_unknown_top_level_table_is_named(write_toml) -> None:
    path = write_toml('[programme]\ntitle = "x"\n\n[values]\na = 1\n')
    result = _read(path)
    _check(result, "unknown_field", "error", 4, "values", "nb", "Ukjent felt «values»")
