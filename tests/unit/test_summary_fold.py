"""At a hundred tables the groups behind a value are counted, not named: on the screen's
row line and in the export. Six or fewer are still named."""

from __future__ import annotations

from tests.crowd_answers import table_answers
from tests.running import samling_id
from tests.samling3 import question
from tuiroom.answers import summaries
from tuiroom.notes.referat import export_samling
from tuiroom.screens.summary import row_detail
from tuiroom.store import Store


def test_few_groups_are_named_and_many_counted() -> None:
    six = [f"Bord {n}" for n in range(1, 7)]
    assert summaries.who(six) == "Bord 1, Bord 2, Bord 3, Bord 4, Bord 5, Bord 6"
    assert summaries.who([*six, "Bord 7"]) == "7 grupper"
    assert summaries.who([*six, "Bord 7"], lang="en") == "7 groups"


def test_the_row_line_counts_first_and_unfolds(seljord_store: Store) -> None:
    table_answers(seljord_store, question(seljord_store, "points"), "points")
    summary = summaries.summarise(seljord_store, question(seljord_store, "points"))
    top = summaries.chart_rows(summary)[0]
    assert len(top.groups) > 6
    folded = row_detail(summary, top)
    assert folded == f"{top.label}: {len(top.groups)} grupper · Enter viser hvem"
    opened = row_detail(summary, top, open=True)
    assert opened.startswith(f"{top.label} · {len(top.groups)} grupper: Bord ")
    assert all(group in opened for group in top.groups)


def test_the_export_counts_the_groups_behind_a_value(seljord_store: Store) -> None:
    for kind in ("points", "ranked"):
        table_answers(seljord_store, question(seljord_store, kind), kind)
    text = export_samling(seljord_store, samling_id(seljord_store, "s3"))
    rows = [line for line in text.splitlines() if line.startswith("| ") and "grupper |" in line]
    assert len(rows) >= 2 * 8 - 1  # every value of both summaries (top 3 of each table)
    assert not any("Bord 1," in line for line in rows)
    assert text.count("| Bord 1 |") == 2  # the answers themselves are all still there
