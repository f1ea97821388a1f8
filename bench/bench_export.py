"""How long `tuiroom export --programme` takes for a large programme: 10 samlinger,
100 network groups, 20 questions in each samling and every group answering every one
(20,000 answers of every kind: free text, lists, rankings, diamonds, 100 points, scales).

Measures, in the same run and the same number of times:

* export_programme: the whole Markdown document, summaries included, written to a file
  (atomically, as `tuiroom export --programme --force` does);
* export_samling: one samling of it (2,000 answers), what the app's preview builds;
* the baseline: reading every answer row from the database with plain sqlite3.

Prints the median of each in milliseconds, its ratio to the baseline, and one line per
target; exits 1 if a target is missed. The target is absolute (the facilitator waits for
the file at the end of the day); the ratio shows how much of the time is the machine.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from timing import median_ms, report, runs_args, target_line

from tuiroom.notes.files import write_atomic
from tuiroom.notes.referat import export_programme, export_samling
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

SAMLINGER = 10
GROUPS = 100
QUESTIONS = 20  # per samling: 5 exercises of 4 questions
KINDS = ("text", "list", "ranked", "diamond", "points")
PROGRAMME_TARGET_MS = 1000.0
SAMLING_TARGET_MS = 200.0
VALUES = [
    "tillit", "respekt", "åpenhet", "openheit", "ærlighet", "ærlegdom", "likeverd", "mot",
    "modig", "inkludering", "inkluderende", "lojalitet", "lojal", "glede", "ansvar", "retning",
    "toleranse", "kreativitet", "raushet", "nysgjerrighet", "trygghet", "humor",
]  # fmt: skip


def programme_toml() -> str:
    """10 samlinger of one item with 5 exercises of 4 questions each, 100 groups of 5."""
    lines = ['[programme]\ntitle = "Stor kommune"\nlanguage = "nb"\n']
    for g in range(GROUPS):
        members = ", ".join(f'"Leder {g + 1:03d}-{m + 1}"' for m in range(5))
        lines.append(f'[[group]]\nname = "Nettverk {g + 1:03d}"\nmembers = [{members}]\n')
    for s in range(SAMLINGER):
        lines.append(f'[[samling]]\nid = "s{s + 1}"\ntitle = "Samling {s + 1}"\n')
        lines.append(f'[[samling.item]]\ntime = "09:00 – 15:00"\ntitle = "Arbeid {s + 1}"\n')
        for e, kind in enumerate(KINDS):
            questions = ", ".join(f'"Spørsmål {s + 1}.{e + 1}.{q + 1}?"' for q in range(4))
            lines.append(
                f'[[samling.item.exercise]]\ntitle = "Oppgave {e + 1}"\nanswer = "{kind}"\n'
                f"questions = [{questions}]\n"
            )
    return "\n".join(lines)


def answer_text(kind: str, rng: random.Random) -> str:
    if kind == "text":
        return "Vi snakket om | tillit *og* _respekt_\n1. at alle skal bli hørt\n# neste gang"
    if kind == "points":
        chosen = rng.sample(VALUES, 4)
        return "\n".join(f"{v}: {p}" for v, p in zip(chosen, (40, 30, 20, 10), strict=True))
    return "\n".join(rng.sample(VALUES, 9))


def seeded_store(folder: Path) -> Store:
    path = folder / "stor.toml"
    path.write_text(programme_toml(), encoding="utf-8")
    store = Store.open(folder / "stor.tuiroom.db")
    store.load(load_programme(path), path, path.read_text("utf-8"))
    rng = random.Random(1)
    for samling in store.samlinger():
        for exercises in store.exercises(samling.id).values():
            for exercise in exercises:
                for question in exercise.questions:
                    for g in range(GROUPS):
                        label = f"Nettverk {g + 1:03d}"
                        text = answer_text(exercise.answer, rng)
                        store.save_answer(question.id, label, label, {"text": text}, g)
    return store


def main(argv: list[str] | None = None) -> int:
    args = runs_args(__doc__ or "", argv, runs=5, quick=2)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = seeded_store(Path(folder))
        setup_s = time.perf_counter() - started
        try:
            return measure(store, args.runs, setup_s, Path(folder) / "stor.md")
        finally:
            store.close()


def measure(store: Store, runs: int, setup_s: float, out: Path) -> int:
    answers = store.conn.execute("select count(*) from answer").fetchone()[0]
    print(
        f"tuiroom export benchmark · {SAMLINGER} samlinger · {GROUPS} groups · "
        f"{answers} answers · median of {runs} (setup {setup_s:.1f} s)",
        flush=True,
    )
    first = store.samlinger()[0].id

    def baseline() -> object:
        return store.conn.execute("select * from answer where deleted = 0").fetchall()

    document = export_programme(store)  # untimed: warms caches, and shows the size
    base_ms = median_ms(lambda _: baseline(), runs)
    programme_ms = median_ms(lambda _: write_atomic(out, export_programme(store), force=True), runs)
    samling_ms = median_ms(lambda _: export_samling(store, first), runs)
    print(f"baseline_ms {base_ms:.2f} (select * from answer, plain sqlite3)")
    print(f"document {len(document.encode()) / 1e6:.1f} MB, {document.count(chr(10))} lines")
    lines = [
        target_line("export_programme_ms", programme_ms, base_ms, PROGRAMME_TARGET_MS),
        target_line("export_samling_ms", samling_ms, base_ms, SAMLING_TARGET_MS),
    ]
    return report(lines)


if __name__ == "__main__":
    sys.exit(main())
