"""How long a roster of 10,000 rows takes to import: the file checked and read, then
every row added to the store (bench/conference.py's programme, whose 100 tables are
the rows' groups). Baseline, in the same run: the same 10,000 rows inserted into a bare
SQLite table with one executemany and a commit.

    nice .venv/bin/python bench/bench_import.py [--runs 3]

Prints milliseconds against the target (about a second: under 1,500 ms) and the ratio
to the baseline; exits 1 if the target is missed.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from conference import open_store
from timing import median_ms, report, runs_args, target_line

from tuiroom.groups import roster

ROWS = 10_000
TARGET_MS = 1500.0


def roster_text() -> str:
    lines = ["navn;gruppe;e-post"]
    lines += [f"Deltaker {n:05d} Nordmann;Bord {n % 100 + 1};d{n}@example.no" for n in range(ROWS)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = runs_args(__doc__ or "", argv, runs=3, quick=1)
    text = roster_text()

    folder = tempfile.TemporaryDirectory()
    tables = {f"Bord {n}": [] for n in range(1, 101)}
    places = [Path(folder.name) / str(run) for run in range(args.runs)]
    for place in places:
        place.mkdir()
    stores = [open_store(place, tables) for place in places]

    def imported(run: int) -> object:
        """The file checked and read, every row into a store of its own (made untimed)."""
        store, samling = stores[run]
        parsed = roster.parse(text)
        assert not parsed.problems
        added, _ = store.import_roster([(r.name, r.group, r.email) for r in parsed.rows], samling)
        assert added == ROWS
        return added

    def baseline(run: int) -> object:
        with tempfile.TemporaryDirectory() as folder:
            conn = sqlite3.connect(Path(folder) / "bare.db")
            conn.execute("create table person (id integer primary key, name, grp, email)")
            rows = [tuple(line.split(";")) for line in text.splitlines()[1:]]
            conn.executemany("insert into person (name, grp, email) values (?, ?, ?)", rows)
            conn.commit()
            conn.close()
        return rows

    base = median_ms(baseline, args.runs)
    took = median_ms(imported, args.runs)
    for store, _ in stores:
        store.close()
    folder.cleanup()
    print(f"roster import · {ROWS} rows · median of {args.runs}")
    print(f"baseline_ms {base:.1f} (the rows into a bare table with one executemany)")
    return report([target_line("import_ms", took, base, TARGET_MS)])


if __name__ == "__main__":
    sys.exit(main())
