"""A thousand broken roster CSV files: problems with their line, never a crash.

Each mutant is a generated roster (seljord's groups, invented names) after one to four
seeded mutations (tests/fuzz/mutate.py); reproduce one with
`roster_mutant(seed, roster_csv())`.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from tests.fuzz.common import CONTROL, keep
from tests.fuzz.mutate import roster_csv, roster_mutant
from tuiroom.groups import roster
from tuiroom.i18n import set_language, t

BATCHES = 10
PER_BATCH = 100
SOURCE = roster_csv()


def problem_line(path: Path, problem: roster.RosterProblem) -> str:
    """As the import dialog words it (tuiroom/screens/roster_dialogs.py), without Textual."""
    where = f"{path}:{problem.line}" if problem.line else str(path)
    message = t(f"roster.{problem.code}", value=problem.value, earlier=problem.earlier)
    return f"{where}: {message}"


def check_roster(seed: int, path: Path) -> None:
    data = roster_mutant(seed, SOURCE)
    path.write_bytes(data)
    try:
        result = roster.read(path)
        lines = [problem_line(path, p) for p in result.problems]
    except Exception:  # any escape is the finding
        kept = keep(f"roster-{seed}.csv", data)
        pytest.fail(f"seed {seed} ({kept}) raised:\n{traceback.format_exc()}")
    try:
        _check_result(path, result, lines)
    except AssertionError as error:
        kept = keep(f"roster-{seed}.csv", data)
        pytest.fail(f"seed {seed} ({kept}): {error}")


def _check_result(path: Path, result: roster.Roster, lines: list[str]) -> None:
    where = "mutant"
    for problem, line in zip(result.problems, lines, strict=True):
        assert problem.line >= 0, f"{where}: {problem}"
        assert len(line.splitlines()) == 1, f"{where}: {line!r}"
        assert "\u2028" not in line and "\u2029" not in line, f"{where}: {line!r}"
        assert CONTROL.search(line) is None, f"{where}: {line!r}"
        assert line.startswith(str(path)), f"{where}: {line!r}"
    for row in result.rows:
        for cell in (row.name, row.group, row.email):
            assert CONTROL.search(cell) is None, f"{where}: {row}"
            assert "\u2028" not in cell and "\n" not in cell, f"{where}: {row}"
        assert row.name, f"{where}: {row}"
        assert row.line >= 1, f"{where}: {row}"


@pytest.mark.parametrize("batch", range(BATCHES))
def test_roster_mutants(batch: int, tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "roster.csv"
    for seed in range(batch * PER_BATCH, (batch + 1) * PER_BATCH):
        check_roster(seed, path)
