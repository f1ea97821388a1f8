"""Summing up a question for the room, on the Seljord programme's Samling 3: the value
lists of the six network groups (once in nynorsk, as on the second slide), everyone's
top three, 100 points, the diamond and the 1–6 scale, with the room's merges kept."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.running import samling_id
from tests.samling3 import SHORTLIST, VALUES, answer, question
from tuiroom.answers import summaries
from tuiroom.answers.summaries import bar, summarise, tally_lines
from tuiroom.store import Store


def by_label(rows):  # type: ignore[no-untyped-def]
    return {row.label: row for row in rows}


# ── questions in plenum order ────────────────────────────────────────────────


def test_questions_come_in_the_order_of_the_day(seljord_store: Store) -> None:
    pairs = summaries.questions_of(seljord_store, samling_id(seljord_store, "s3"))
    assert pairs[0][1].text == "Hva har du vært opptatt av siden sist?"
    kinds = [e.answer_of(q) for e, q in pairs if e.answer_of(q) != "text"]
    assert kinds == ["scale", "diamond", "ranked", "points", "list", "evaluation"]
    assert [q.position for e, q in pairs if e.answer == "scale"] == [0, 1, 2]


# ── list: every group's values, spellings counted as one ─────────────────────


def test_a_list_counts_bokmal_and_nynorsk_spellings_as_one(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {g: VALUES[g] for g in ("Gygrene", "RLG", "Stjernelaget")})
    summary = summarise(seljord_store, asked)
    assert (summary.kind, summary.question) == ("list", "VERDI: Som leder skal jeg…")
    assert summary.exercise.startswith("Hva betyr verdiene for oss")
    assert [a.group_label for a in summary.answers] == ["Gygrene", "RLG", "Stjernelaget"]
    counts = by_label(summary.counts)
    assert counts["Åpenhet"].count == 3
    assert set(counts["Åpenhet"].spellings) == {"openheit", "åpenhet"}
    assert counts["Ærlighet"].groups == ("Gygrene", "Stjernelaget")
    assert counts["Mot"].groups == ("RLG", "Stjernelaget")  # "mot/modig" and "modig"
    top = [(c.label, c.count) for c in summary.counts[:4]]
    assert top == [("Respekt", 3), ("Åpenhet", 3), ("Tillit", 3), ("Likeverd", 2)]
    assert (summary.totals, summary.scores, summary.scale) == ((), (), ())


def test_unanswered_and_unknown_questions_give_empty_summaries(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    empty = summarise(seljord_store, asked)
    assert (empty.answers, empty.counts, tally_lines(empty, 60)) == ((), (), [])
    unknown = summarise(seljord_store, 999_999)
    assert (unknown.kind, unknown.question, unknown.answers) == ("text", "", ())


# ── ranked: everyone's top k ─────────────────────────────────────────────────


def test_everyones_top_three_is_the_shortlist_on_the_slide(ranked_store: Store) -> None:
    asked = question(ranked_store, "ranked")
    answer(ranked_store, asked, VALUES)
    summary = summarise(ranked_store, asked)
    assert summary.k == 3
    assert {c.label for c in summary.counts} == SHORTLIST
    first = summary.counts[0]
    assert (first.label, first.groups) == ("Tillit", ("Stjernelaget", "Blåveis", "Godt og blanda"))


def test_top_one_keeps_each_groups_first_value(ranked_store: Store) -> None:
    asked = question(ranked_store, "ranked")
    answer(ranked_store, asked, VALUES)
    top = summarise(ranked_store, asked, k=1)
    assert {c.label: c.count for c in top.counts} == {
        "Likeverd": 2,
        "Trygghet": 2,
        "Mot": 1,
        "Tillit": 1,
    }
    assert summarise(ranked_store, asked, k=0).k == 1  # no top nothing


# ── points ───────────────────────────────────────────────────────────────────


def test_points_are_summed_per_value_across_spellings(seljord_store: Store) -> None:
    asked = question(seljord_store, "points")
    answer(
        seljord_store,
        asked,
        {
            "Gygrene": "Tillit: 40\nÅpenhet: 30\nRespekt: 30",
            "RLG": "tillit 50\nopenheit 20\nMot: 30",
            "Blåveis": "Trygghet: 100",
        },
    )
    totals = by_label(summarise(seljord_store, asked).totals)
    assert {label: t.points for label, t in totals.items()} == {
        "Tillit": 90,
        "Trygghet": 100,
        "Åpenhet": 50,
        "Respekt": 30,
        "Mot": 30,
    }
    assert totals["Åpenhet"].voters == ("Gygrene", "RLG")
    assert summarise(seljord_store, asked).totals[0].label == "Trygghet"


# ── diamond ──────────────────────────────────────────────────────────────────


def test_diamond_consensus_weighs_the_rows(seljord_store: Store) -> None:
    asked = question(seljord_store, "diamond")
    answer(seljord_store, asked, {g: VALUES[g] for g in list(VALUES)[:4]})
    scores = summarise(seljord_store, asked).scores
    # Top row 5, then 4, 3, 2, 1: Respekt sits in rows 2, 3, 3 and 2 of the four diamonds.
    assert (scores[0].label, scores[0].points, scores[0].best_row) == ("Respekt", 14, 2)
    assert by_label(scores)["Tillit"].points == 1 + 2 + 3 + 4
    assert by_label(scores)["Åpenhet"].groups == ("Gygrene", "RLG", "Stjernelaget")


# ── scale ────────────────────────────────────────────────────────────────────


def test_scale_scores_per_statement_leave_slips_out(seljord_store: Store) -> None:
    asked = question(seljord_store, "scale")
    answer(
        seljord_store,
        asked,
        {
            "Gygrene": "Gir autonomi og tillit: 5\nStiller krav: 3",
            "RLG": "Gir autonomi og tillit: 4\nStiller krav: 9",
        },
        field="score",
    )
    rows = {r.statement: r for r in summarise(seljord_store, asked).scale}
    assert (rows["Gir autonomi og tillit"].mean, rows["Gir autonomi og tillit"].count) == (4.5, 2)
    assert (rows["Stiller krav"].low, rows["Stiller krav"].count) == (3, 1)
    lines = tally_lines(summarise(seljord_store, asked), 60)
    assert lines[0].startswith("Gir autonomi og tillit") and lines[0].endswith("4,5")


# ── merges the facilitator makes ─────────────────────────────────────────────


def test_a_merge_is_kept_in_the_store_and_counted_until_split(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {g: VALUES[g] for g in ("Gygrene", "RLG", "Stjernelaget")})
    summaries.merge(seljord_store, asked, "kreativitet", "mot")
    assert seljord_store.merge_links(asked) == {"kreativitet": "mot"}
    merged = by_label(summarise(seljord_store, asked).counts)
    assert "Kreativitet" not in merged
    assert merged["Mot"].groups == ("Gygrene", "RLG", "Stjernelaget")
    row = next(r for r in summaries.chart_rows(summarise(seljord_store, asked)) if r.key == "mot")
    assert summaries.merged_into(seljord_store, asked, row) == [("kreativitet", "Kreativitet")]
    summaries.split(seljord_store, asked, "kreativitet")
    assert seljord_store.merge_links(asked) == {}
    assert by_label(summarise(seljord_store, asked).counts)["Mot"].count == 2


def test_merges_that_loop_are_ignored_not_raised(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, {"RLG": VALUES["RLG"]})
    seljord_store.save_merge_links(asked, {"mot": "tillit", "tillit": "mot"})
    assert by_label(summarise(seljord_store, asked).counts)["Mot"].count == 1


# ── bars and the projector's lines ───────────────────────────────────────────


def test_bar_fills_in_eighths_of_a_cell() -> None:
    assert bar(6, 6, 10) == "█" * 10
    assert bar(3, 6, 10) == "█" * 5
    assert bar(1, 6, 10) == "█▋"  # 13 eighths of 80
    assert bar(0.01, 6, 10) == "▏"  # anything at all shows
    assert bar(0, 6, 10) == ""
    assert bar(9, 6, 10) == "█" * 10  # never past the end


@pytest.mark.parametrize(
    "value, maximum, width",
    [(1, 0, 10), (-3, 6, 10), (math.nan, 6, 10), (3, math.inf, 10), (3, 6, 0), (3, 6, -4)],
)
def test_bar_of_nonsense_is_empty(value: float, maximum: float, width: int) -> None:
    assert bar(value, maximum, width) == ""


@given(
    st.floats(0, 1000, allow_nan=False),
    st.floats(0.001, 1000, allow_nan=False),
    st.integers(0, 200),
)
def test_bar_never_overflows_and_grows_with_the_value(
    value: float, maximum: float, width: int
) -> None:
    drawn = bar(value, maximum, width)
    assert len(drawn) <= width
    assert len(bar(value / 2, maximum, width)) <= len(drawn)


def test_tally_lines_fit_the_width_and_read_label_bar_number(seljord_store: Store) -> None:
    asked = question(seljord_store, "list")
    answer(seljord_store, asked, VALUES)
    summary = summarise(seljord_store, asked)
    lines = tally_lines(summary, 60)
    assert len(lines) == len(summary.counts)
    assert all(len(line) == 60 for line in lines)
    assert [line.split()[0] for line in lines[:2]] == ["Respekt", "Tillit"]  # all six
    # "Profesjonalitet" sets the label column (15), the number takes 1: 42 cells of bar.
    assert lines[0] == "Respekt".ljust(15) + " " + "█" * 42 + " 6"  # six of six: full
    assert lines[-1] == "Humør".ljust(15) + " " + ("█" * 7).ljust(42) + " 1"  # a sixth
    narrow = tally_lines(summary, 24)
    assert all(len(line) <= 24 for line in narrow)
    assert "Profesjonali… " in "\n".join(narrow)  # cut to a good half of the line


def test_answer_lines_read_each_kind_back(seljord_store: Store) -> None:
    asked = question(seljord_store, "diamond")
    answer(seljord_store, asked, {"RLG": VALUES["RLG"]})
    (diamond,) = summarise(seljord_store, asked).answers
    lines = summaries.answer_lines("diamond", diamond)
    assert [text for _, text in lines] == [
        "mot/modig",
        "lojalitet · retning",
        "støtte · tillit · respekt",
        "raushet · åpenhet",
        "ansvar",
    ]
    evaluation = question(seljord_store, "evaluation")
    seljord_store.save_answer(evaluation, "RLG", "RLG", {"good": "Praktisk", "why": "", "more": ""})
    (said,) = seljord_store.answers(evaluation)
    assert summaries.answer_lines("evaluation", said) == (("Bra", "Praktisk"),)
