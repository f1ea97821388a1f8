"""Summing up what the groups read out: parsing, spellings, merges, shortlists, points,
diamonds and the 1–6 scale, on the Seljord programme's real value lists."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuiroom.answers.parsing import parse_list
from tuiroom.answers.tally import (
    PointsCheck,
    check_points,
    consensus,
    diamond_rows,
    points,
    scale_summary,
    tally,
    top_k,
)
from tuiroom.answers.variants import (
    NO_MERGES,
    Merges,
    Variants,
    VariantsError,
    bundled_variants,
    load_variants,
    resolve,
)

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = bundled_variants()
key = VARIANTS.key

# Samling 3 of the Seljord programme, "Verdier": each group's nine values, as on the slide.
GYGRENE_NB = (
    "likeverd, respekt, toleranse, ærlighet, åpenhet, kreativitet, inkludering, retning, tillit"
)
GYGRENE_NN = (
    "likeverd, respekt, toleranse, ærlegdom, openheit, kreativitet, inkludering, retning, tillit"
)
LISTS = {
    "Gygrene": GYGRENE_NB,
    "Einingsleiarane": (
        "trygghet, profesjonalitet, troverdighet, respekt, kreativitet, lojalitet, tillit, "
        "raushet, glede"
    ),
    "RLG": "mot/modig, lojalitet, retning, støtte, tillit, respekt, raushet, åpenhet, ansvar",
    "Stjernelaget": (
        "likeverd, tillit, respekt, raushet, inkludering, åpenhet, modig, ærlighet, kunnskapsbasert"
    ),
    "Blåveis": (
        "trygghet, tillit, anerkjenne, raushet, åpenhet, respekt, inkludering, bærekraft, "
        "medvirkning"
    ),
    "Godt og blandet": (
        "tillit, ansvarlig, åpenhet, respekt, inkluderende, lojal, miljøbevisst, kompetanse, humør"
    ),
}
SIX = {group: parse_list(text) for group, text in LISTS.items()}
SLIDE_SHORTLIST = [
    "Likeverd", "Respekt", "Toleranse", "Trygghet", "Profesjonalitet", "Troverdighet", "Mot",
    "Lojalitet", "Retning", "Tillit", "Anerkjenne", "Ansvarlig", "Åpenhet",
]  # fmt: skip
COMMON = [
    "tillit", "respekt", "raushet", "rausheit", "trygghet", "tryggleik", "likeverd", "toleranse",
    "kreativitet", "inkludering", "retning", "profesjonalitet", "troverdighet", "truverde",
    "lojalitet", "glede", "støtte", "ansvar", "kunnskapsbasert", "anerkjennelse", "bærekraft",
    "berekraft", "medvirkning", "miljøbevisst", "kompetanse", "humør", "mot", "ærlighet",
    "åpenhet", "samarbeid", "nysgjerrighet", "tydelighet", "helhet",
]  # fmt: skip


def by_key(counts):
    return {c.key: c for c in counts}


# ── parse_list ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- tillit\n• respekt\n* åpenhet\n– mot\n— glede",
         ["tillit", "respekt", "åpenhet", "mot", "glede"]),
        ("1. tillit\n2) respekt\na) åpenhet\n10. mot", ["tillit", "respekt", "åpenhet", "mot"]),
        ("tillit, respekt,åpenhet", ["tillit", "respekt", "åpenhet"]),
        ("tillit; respekt ;åpenhet", ["tillit", "respekt", "åpenhet"]),
        ("\n\n  tillit  \n\n , ;\n\trespekt\n\n", ["tillit", "respekt"]),
        ("mot/modig, lojalitet", ["mot/modig", "lojalitet"]),
        ("Tillit.\nRespekt!\n«Åpenhet»\nMot …", ["Tillit", "Respekt", "Åpenhet", "Mot"]),
        ("- 1. ÆRLEGDOM", ["ÆRLEGDOM"]),
        ("1. tillit, respekt; 2. åpenhet", ["tillit", "respekt", "åpenhet"]),
        ("psykologisk trygghet\n-\n3.", ["psykologisk trygghet"]),
        ("", []),
    ],
)  # fmt: skip
def test_parse_list(text: str, expected: list[str]) -> None:
    assert parse_list(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tid til oppfølging etterpå, ikke bare måling\nMer praksis",
         ["Tid til oppfølging etterpå, ikke bare måling", "Mer praksis"]),
        ("- Tillit, også når det er vanskelig\n- Respekt; for alle",
         ["Tillit, også når det er vanskelig", "Respekt; for alle"]),
        ("1. tillit, respekt\n2. åpenhet", ["tillit, respekt", "åpenhet"]),
        ("Tid til oppfølging etterpå, ikke bare måling",
         ["Tid til oppfølging etterpå", "ikke bare måling"]),
        ("tillit, respekt\n\n", ["tillit", "respekt"]),
        ("tillit, respekt\n-\n3.", ["tillit", "respekt"]),
    ],
)  # fmt: skip
def test_several_lines_are_one_item_a_line_and_only_one_line_splits_at_commas(
    text: str, expected: list[str]
) -> None:
    assert parse_list(text) == expected


def test_parse_list_reads_the_slide_lists_as_nine_values_each() -> None:
    assert {group: len(items) for group, items in SIX.items()} == dict.fromkeys(LISTS, 9)
    assert SIX["RLG"][0] == "mot/modig"
    assert SIX["Godt og blandet"][-1] == "humør"


# ── Variants ──────────────────────────────────────────────────────────────────


def test_bokmal_and_nynorsk_gygrene_lists_give_the_same_nine_keys() -> None:
    bokmal = [key(item) for item in parse_list(GYGRENE_NB)]
    nynorsk = [key(item) for item in parse_list(GYGRENE_NN)]
    assert bokmal == nynorsk
    assert len(set(bokmal)) == 9
    assert key("ærlegdom") == key("ærlighet") == "ærlighet"
    assert key("openheit") == key("åpenhet") == "åpenhet"


def test_tally_over_both_gygrene_lists_counts_each_value_once_per_list() -> None:
    two = {"bokmål": parse_list(GYGRENE_NB), "nynorsk": parse_list(GYGRENE_NN)}
    assert [c.count for c in tally(two, VARIANTS)] == [2] * 9
    one = tally({"Gygrene": parse_list(GYGRENE_NB) + parse_list(GYGRENE_NN)}, VARIANTS)
    assert [c.count for c in one] == [1] * 9
    assert by_key(one)["åpenhet"].spellings == ("åpenhet", "openheit")
    assert by_key(one)["ærlighet"].label == "Ærlighet"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("åpenhet", "openheit"), ("ærlighet", "ærlegdom"), ("mot", "modig"),
        ("inkludering", "inkluderende"), ("lojalitet", "lojal"), ("ansvar", "ansvarlig"),
        ("anerkjennelse", "anerkjenne"), ("raushet", "rausheit"), ("trygghet", "tryggleik"),
        ("troverdighet", "truverde"), ("bærekraft", "berekraft"), ("Åpenhet", "  ÅPEN "),
        ("psykologisk trygghet", "Psykologisk   TRYGGLEIK"), ("åpenhet", "a\u030apenhet"),
    ],
)  # fmt: skip
def test_spellings_of_one_value_share_a_key(one: str, other: str) -> None:
    assert key(one) == key(other)


def test_the_bundled_table_covers_the_common_values() -> None:
    assert [c for c in COMMON if key(c) not in VARIANTS.labels] == []
    assert len({key(c) for c in COMMON}) == len(COMMON) - 4  # four nynorsk forms


def test_an_item_with_a_slash_is_the_first_of_its_parts_the_table_knows() -> None:
    assert key("mot/modig") == key("Modig / MOT") == "mot"
    assert key("samskaping/openheit") == "åpenhet"
    assert key("Samskaping / Medskaping") == "samskaping/medskaping"
    assert VARIANTS.label(key("samskaping / medskaping")) == "Samskaping/medskaping"


def test_label_is_the_tables_else_the_first_spelling_seen_capitalised() -> None:
    assert VARIANTS.label(key("openheit")) == "Åpenhet"
    assert VARIANTS.label("samskaping") == "Samskaping"
    assert VARIANTS.label("samskaping", seen="samSKAPing  i lag") == "SamSKAPing i lag"
    assert VARIANTS.label("") == ""


def test_bundled_variants_is_the_data_file() -> None:
    assert load_variants(ROOT / "data" / "lists" / "variants.toml") == VARIANTS


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "variants.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_load_variants_reads_a_table(tmp_path: Path) -> None:
    variants = load_variants(
        write(tmp_path, '[values]\n"Samskaping" = ["samskape", "co-creation"]\n')
    )
    assert variants.key("CO-CREATION") == "samskaping"
    assert variants.label("samskaping") == "Samskaping"
    assert variants.key("åpen") == "åpen"  # only the given table counts


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[values]\n"Mot" = ["modig"]\n"Glede" = ["MODIG"]\n', ["modig", "Mot", "Glede"]),
        ('[values]\n"Mot" = ["modig"]\n"mot" = []\n', ["Mot", "mot"]),
        ('[values]\n"Mot" = "modig"\n', ["[values]"]),
        ('[values]\n"Mot" = ["modig", 3]\n', ["[values]"]),
        ("values = 3\n", ["[values]"]),
        ('[values\n"Mot" = []\n', ["variants.toml"]),
    ],
)
def test_load_variants_refuses_a_table_it_cannot_use(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    with pytest.raises(VariantsError) as caught:
        load_variants(write(tmp_path, text))
    assert all(word in str(caught.value) for word in words), str(caught.value)


# ── tally over the real lists ─────────────────────────────────────────────────


def test_tillit_and_respekt_are_named_by_all_six_groups() -> None:
    counts = tally(SIX, VARIANTS)
    assert [(c.key, c.count) for c in counts[:2]] == [("respekt", 6), ("tillit", 6)]
    assert by_key(counts)["tillit"].groups == tuple(SIX)
    assert all(c.count <= 5 for c in counts[2:])


def test_apenhet_is_named_by_five_groups() -> None:
    apenhet = by_key(tally(SIX, VARIANTS))["åpenhet"]
    assert apenhet.count == 5
    assert set(apenhet.groups) == {"RLG", "Stjernelaget", "Blåveis", "Godt og blandet", "Gygrene"}


@pytest.mark.parametrize(
    ("value", "groups", "spellings"),
    [
        ("mot", ("RLG", "Stjernelaget"), ("mot/modig", "modig")),
        ("inkludering", ("Gygrene", "Stjernelaget", "Blåveis", "Godt og blandet"),
         ("inkludering", "inkluderende")),
        ("lojalitet", ("Einingsleiarane", "RLG", "Godt og blandet"), ("lojalitet", "lojal")),
        ("ansvar", ("RLG", "Godt og blandet"), ("ansvar", "ansvarlig")),
        ("anerkjennelse", ("Blåveis",), ("anerkjenne",)),
    ],
)  # fmt: skip
def test_word_forms_count_as_one_value(
    value: str, groups: tuple[str, ...], spellings: tuple[str, ...]
) -> None:
    count = by_key(tally(SIX, VARIANTS))[key(value)]
    assert (count.count, count.groups, count.spellings) == (len(groups), groups, spellings)


def test_tally_sorts_by_count_then_first_appearance() -> None:
    counts = tally(SIX, VARIANTS)
    assert len(counts) == 25
    assert [c.count for c in counts] == sorted((c.count for c in counts), reverse=True)
    twos = [c.label for c in counts if c.count == 2]
    assert twos == [
        "Likeverd", "Ærlighet", "Kreativitet", "Retning", "Trygghet", "Mot", "Ansvar",
    ]  # fmt: skip


def test_the_nynorsk_gygrene_list_gives_the_same_tally() -> None:
    nynorsk = {**SIX, "Gygrene": parse_list(GYGRENE_NN)}
    strip = [(c.key, c.label, c.count, c.groups) for c in tally(nynorsk, VARIANTS)]
    assert strip == [(c.key, c.label, c.count, c.groups) for c in tally(SIX, VARIANTS)]


# ── top_k ─────────────────────────────────────────────────────────────────────


def test_top_three_reproduces_the_slides_shortlist() -> None:
    shortlist = top_k(SIX, 3, VARIANTS)
    assert len(shortlist) == 13
    assert {c.key.casefold() for c in shortlist} == {key(label) for label in SLIDE_SHORTLIST}
    labels = {c.label.casefold() for c in shortlist}
    assert {label.casefold() for label in SLIDE_SHORTLIST} - labels == {"anerkjenne", "ansvarlig"}


def test_top_three_orders_by_groups_then_best_rank_then_first_appearance() -> None:
    shortlist = top_k(SIX, 3, VARIANTS)
    assert [c.key for c in shortlist[:4]] == ["tillit", "likeverd", "trygghet", "respekt"]
    assert shortlist[0].groups == ("Stjernelaget", "Blåveis", "Godt og blandet")
    assert [c.count for c in shortlist] == [3, 2, 2, 2] + [1] * 9
    ones = [c.key for c in shortlist if c.count == 1]
    assert ones == [
        "mot",  # the only rank 1 of the rest
        "profesjonalitet", "lojalitet", "ansvar",  # rank 2, in order of first appearance
        "toleranse", "troverdighet", "retning", "anerkjennelse", "åpenhet",
    ]  # fmt: skip


def test_top_k_skips_a_value_written_twice_and_blank_items() -> None:
    ranked = {"A": ["åpenhet", "openheit", " ", "tillit", "respekt", "mot"]}
    shortlist = top_k(ranked, 3, VARIANTS)
    assert [c.key for c in shortlist] == ["åpenhet", "tillit", "respekt"]
    assert shortlist[0].spellings == ("åpenhet", "openheit")
    assert top_k(ranked, 0, VARIANTS) == []


# ── merges ────────────────────────────────────────────────────────────────────


def test_a_merge_counts_two_items_as_one_value() -> None:
    answers = {"A": ["samskaping"], "B": ["samarbeid", "medskaping"], "C": ["medskaping"]}
    merges = NO_MERGES.merge("samskaping", "samarbeid")
    counts = tally(answers, VARIANTS, merges)
    assert [(c.label, c.count, c.spellings) for c in counts] == [
        ("Samarbeid", 2, ("samskaping", "samarbeid")),
        ("Medskaping", 2, ("medskaping",)),
    ]
    assert resolve("Samskaping", VARIANTS, merges) == "samarbeid"


def test_merges_work_on_the_keys_of_the_variants() -> None:
    merges = NO_MERGES.merge(key("tolerant"), key("respektfull"))
    assert resolve("toleranse", VARIANTS, merges) == "respekt"
    assert by_key(tally(SIX, VARIANTS, merges))["respekt"].spellings == ("respekt", "toleranse")


def test_merges_are_transitive() -> None:
    merges = NO_MERGES.merge("a", "b").merge("b", "c")
    assert merges.root("a") == merges.root("b") == "c"
    assert merges.members("c") == ("a", "b")
    merges = merges.merge("d", "a")  # into a's group, which is c's
    assert merges.root("d") == "c"
    counts = tally({"X": ["a"], "Y": ["b", "d"], "Z": ["c"]}, Variants(), merges)
    assert [(c.key, c.label, c.count) for c in counts] == [("c", "C", 3)]


def test_a_merge_that_would_loop_is_refused() -> None:
    merges = NO_MERGES.merge("a", "b")
    assert merges.merge("b", "a") is merges
    assert merges.merge("a", "a") is merges
    longer = merges.merge("b", "c")
    assert longer.merge("c", "a") is longer
    assert longer.root("c") == "c"
    assert Merges.of([("a", "b"), ("b", "a"), ("c", "a")]) == {"a": "b", "c": "b"}


@pytest.mark.parametrize(
    "links", [{"a": "b", "b": "a"}, {"a": "a"}, {"a": "b", "b": "c", "c": "a"}]
)
def test_merges_with_a_loop_cannot_be_built(links: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="loop"):
        Merges(links)


def test_split_takes_an_item_back_out() -> None:
    merges = NO_MERGES.merge("a", "b").merge("c", "a")
    assert dict(merges) == {"a": "b", "c": "b"}
    split = merges.split("a")
    assert (split.root("a"), split.root("c")) == ("a", "b")
    assert split.split("a") == split  # nothing left to split
    chain = NO_MERGES.merge("a", "b").merge("b", "c").split("b")
    assert (chain.root("a"), chain.root("b"), chain.root("c")) == ("b", "b", "c")
    assert tally({"X": ["a", "c"]}, Variants(), merges.split("c").split("a"))[1].key == "c"


def test_merges_and_variants_cannot_be_changed_in_place() -> None:
    with pytest.raises(TypeError):
        NO_MERGES.links["a"] = "b"  # type: ignore[index]
    with pytest.raises(TypeError):
        VARIANTS.spellings["modig"] = "glede"  # type: ignore[index]
    assert len(NO_MERGES) == 0
    assert key("modig") == "mot"


# ── 100 points ────────────────────────────────────────────────────────────────


def test_points_are_summed_per_value_across_spellings() -> None:
    allocations = {
        "Kari": {"tillit": 40, "Åpenhet": 30, "openheit": 10, "respekt": 20},
        "Ola": {"respekt": 50, "tillit": 50},
        "Per": {"mot": 100, "humør": 0, "glede": -5},
    }
    totals = points(allocations, VARIANTS)
    assert [(t.label, t.points, t.voters) for t in totals] == [
        ("Mot", 100, ("Per",)),
        ("Tillit", 90, ("Kari", "Ola")),
        ("Respekt", 70, ("Kari", "Ola")),
        ("Åpenhet", 40, ("Kari",)),
        ("Humør", 0, ()),
        ("Glede", 0, ()),
    ]


def test_points_tie_goes_to_more_voters_and_merges_apply() -> None:
    allocations = {"A": {"samskaping": 50, "tillit": 50}, "B": {"samarbeid": 50, "respekt": 50}}
    totals = points(allocations, VARIANTS, NO_MERGES.merge("samskaping", "samarbeid"))
    assert [(t.key, t.points, len(t.voters)) for t in totals] == [
        ("samarbeid", 100, 2),
        ("tillit", 50, 1),
        ("respekt", 50, 1),
    ]


@pytest.mark.parametrize(
    ("allocation", "budget", "expected"),
    [
        ({"tillit": 40, "respekt": 30}, 100, PointsCheck(70, 30, False, [])),
        ({"tillit": 60, "respekt": 40}, 100, PointsCheck(100, 0, False, [])),
        ({"tillit": 80, "respekt": 30}, 100, PointsCheck(110, -10, True, [])),
        (
            {"tillit": 120, "mot": -20, "glede": -1},
            100,
            PointsCheck(99, 1, False, ["mot", "glede"]),
        ),
        ({"tillit": 7}, 5, PointsCheck(7, -2, True, [])),
        ({}, 100, PointsCheck(0, 100, False, [])),
    ],
)
def test_check_points(allocation: dict[str, int], budget: int, expected: PointsCheck) -> None:
    assert check_points(allocation, budget) == expected


# ── diamond of nine ───────────────────────────────────────────────────────────


def test_diamond_rows_are_one_two_three_two_one() -> None:
    nine = list("abcdefghi")
    assert diamond_rows(nine) == [["a"], ["b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]
    assert diamond_rows(nine[:4]) == [["a"], ["b", "c"], ["d"], [], []]
    assert diamond_rows([]) == [[], [], [], [], []]
    assert diamond_rows([*nine, "j", "k"]) == diamond_rows(nine)


def test_consensus_ranks_by_points_then_groups_then_best_row() -> None:
    #        row:  1         2          2     3          3     3     4     4     5
    one = ["mot", "respekt", "f1", "åpenhet", "f2", "f3", "f4", "f5", "tillit"]
    two = ["tillit", "g1", "g2", "g3", "g4", "g5", "respekt", "openheit", "g6"]
    scores = consensus({"one": one, "two": two}, VARIANTS)
    top = [(s.key, s.points, s.groups, s.best_row) for s in scores[:4]]
    assert top == [
        ("tillit", 6, ("one", "two"), 1),  # 1 + 5
        ("respekt", 6, ("one", "two"), 2),  # 4 + 2, same points and groups, lower best row
        ("åpenhet", 5, ("one", "two"), 3),  # 3 + 2, two groups beat mot's one
        ("mot", 5, ("one",), 1),
    ]
    assert [s.points for s in scores[4:]] == [4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 1]


def test_consensus_counts_a_value_placed_twice_in_one_diamond_once_at_its_best_row() -> None:
    scores = consensus({"Gygrene": ["openheit", "tillit", "åpenhet", "", "Åpen"]}, VARIANTS)
    assert [(s.label, s.points, s.best_row) for s in scores] == [
        ("Åpenhet", 5, 1),
        ("Tillit", 4, 2),
    ]
    assert scores[0].groups == ("Gygrene",)


def test_consensus_over_the_real_diamonds() -> None:
    scores = consensus(SIX, VARIANTS)
    assert [(s.key, s.points, len(s.groups), s.best_row) for s in scores[:3]] == [
        ("respekt", 20, 6, 2),
        ("tillit", 19, 6, 1),
        ("åpenhet", 15, 5, 2),
    ]


# ── 1–6 scale ─────────────────────────────────────────────────────────────────


def test_scale_summary_ignores_scores_outside_one_to_six() -> None:
    scores = {
        "Kari": {"Vi har tillit": 5, "Vi er tydelige": 2},
        "Ola": {"Vi har tillit": 3, "Vi er tydelige": 7, "Vi feirer": 0},
        "Per": {"Vi har tillit": 6, "Vi er tydelige": True},
    }
    rows = scale_summary(scores)
    assert [(r.statement, r.low, r.high, r.count) for r in rows] == [
        ("Vi har tillit", 3, 6, 3),
        ("Vi er tydelige", 2, 2, 1),
    ]
    assert rows[0].mean == pytest.approx(14 / 3)
    assert rows[1].mean == 2.0
    assert scale_summary({}) == []


# ── properties ────────────────────────────────────────────────────────────────

KNOWN = sorted(
    {s for s in VARIANTS.spellings} | set(VARIANTS.labels.values()) | {"mot/modig", "Åpen / OPEN"}
)
latin = st.text(st.characters(max_codepoint=0x24F, exclude_categories=("Cs",)), max_size=12)
spelled = st.builds(
    lambda word, upper, pad: f"{pad}{word.upper() if upper else word}{pad}",
    st.sampled_from(KNOWN),
    st.booleans(),
    st.sampled_from(["", " ", "  "]),
)
items = st.one_of(spelled, latin, st.sampled_from(["", "  ", "x/y", "ukjent", "Ukjent"]))
answers = st.dictionaries(st.text(min_size=1, max_size=6), st.lists(items, max_size=10), max_size=6)


@st.composite
def answers_and_merges(draw: st.DrawFn) -> tuple[dict[str, list[str]], Merges]:
    given_answers = draw(answers)
    keys = sorted({key(i) for group in given_answers.values() for i in group} - {""}) or ["x"]
    pair = st.tuples(st.sampled_from(keys), st.sampled_from(keys))
    return given_answers, Merges.of(draw(st.lists(pair, max_size=6)))


def distinct_keys(group: list[str], merges: Merges) -> list[str]:
    """A reference the code under test does not share: the group's values in order."""
    found = [resolve(item, VARIANTS, merges) for item in group]
    return list(dict.fromkeys(k for k in found if k))


@settings(max_examples=200)
@given(answers_and_merges())
def test_tally_counts_each_value_once_per_group(case) -> None:
    given_answers, merges = case
    counts = tally(given_answers, VARIANTS, merges)
    assert all(1 <= c.count <= len(given_answers) and c.count == len(c.groups) for c in counts)
    per_group = sum(len(distinct_keys(group, merges)) for group in given_answers.values())
    assert sum(c.count for c in counts) == per_group
    assert len({c.key for c in counts}) == len(counts)


@settings(max_examples=200)
@given(answers_and_merges())
def test_every_item_lands_in_exactly_one_count(case) -> None:
    given_answers, merges = case
    counts = tally(given_answers, VARIANTS, merges)
    for group, items_ in given_answers.items():
        for item in items_:
            spelling = " ".join(item.split())
            holding = [c for c in counts if spelling in c.spellings]
            if not resolve(item, VARIANTS, merges):
                assert holding == []
                continue
            assert len(holding) == 1
            assert holding[0].key == resolve(item, VARIANTS, merges)
            assert group in holding[0].groups


@settings(max_examples=200)
@given(answers_and_merges(), st.integers(min_value=0, max_value=4))
def test_top_k_is_a_subset_held_by_its_groups_top_k(case, k: int) -> None:
    given_answers, merges = case
    shortlist = top_k(given_answers, k, VARIANTS, merges)
    assert {c.key for c in shortlist} <= {c.key for c in tally(given_answers, VARIANTS, merges)}
    for count in shortlist:
        holders = [
            group
            for group, ranked in given_answers.items()
            if count.key in distinct_keys(ranked, merges)[:k]
        ]
        assert holders and count.groups == tuple(holders)
    assert [c.count for c in shortlist] == sorted((c.count for c in shortlist), reverse=True)


@given(st.one_of(st.text(), latin, spelled))
def test_key_is_idempotent_and_case_insensitive(text: str) -> None:
    k = key(text)
    assert key(VARIANTS.label(k)) == k
    assert key(k) == k
    assert key(text.upper()) == key(text.lower()) == key(text.swapcase()) == k


@given(st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("abcde")), max_size=12))
def test_merges_never_loop_and_each_merge_joins_two_groups_or_none(pairs) -> None:
    merges = NO_MERGES
    for merged, into in pairs:
        joined = merges.root(merged) == merges.root(into)
        before = {merges.root(x) for x in "abcde"}
        merges = merges.merge(merged, into)
        after = {merges.root(x) for x in "abcde"}
        assert merges.root(merged) == merges.root(into)
        assert len(before) - len(after) == (0 if joined else 1)
    assert Merges(dict(merges)) == merges
