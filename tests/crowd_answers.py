"""Answers from the tables of a conference: a hundred groups answering one question of
Samling 3, for the summary at that size (screen, snapshot, export)."""

from __future__ import annotations

import random

from tuiroom.store import Store

VALUES = ("Tillit", "Respekt", "Åpenhet", "Raushet", "Likeverd", "Trygghet", "Mot", "Lojalitet")


def table_answers(store: Store, question_id: int, kind: str, tables: int = 100) -> None:
    """Each of `tables` groups ("Bord 1" …) answers: four of the values, most important
    first, or 100 points shared 40-30-20-10 among them. Seeded: the same every run."""
    rng = random.Random(3)
    for number in range(1, tables + 1):
        chosen = rng.sample(VALUES, 4)
        if kind == "points":
            text = "\n".join(f"{v}: {p}" for v, p in zip(chosen, (40, 30, 20, 10), strict=True))
        else:
            text = "\n".join(chosen)
        label = f"Bord {number}"
        store.save_answer(question_id, label, label, {"text": text}, number)
