"""Samling 3 of the Seljord programme, "Verdier": each network group's nine values as
typed from the slide, Gygrene in nynorsk; and the helpers that find a question and type
the groups' answers into the store. Shared by the tally, summary and snapshot tests."""

from __future__ import annotations

from tests.running import samling_id
from tuiroom.answers import summaries
from tuiroom.store import Store

VALUES = {
    "Gygrene": "likeverd, respekt, toleranse, ærlegdom, openheit, kreativitet, inkludering, "
    "retning, tillit",
    "Einingsleiarane": "trygghet, profesjonalitet, troverdighet, respekt, kreativitet, "
    "lojalitet, tillit, raushet, glede",
    "RLG": "mot/modig, lojalitet, retning, støtte, tillit, respekt, raushet, åpenhet, ansvar",
    "Stjernelaget": "likeverd, tillit, respekt, raushet, inkludering, åpenhet, modig, "
    "ærlighet, kunnskapsbasert",
    "Blåveis": "trygghet, tillit, anerkjenne, raushet, åpenhet, respekt, inkludering, "
    "bærekraft, medvirkning",
    "Godt og blanda": "tillit, ansvarlig, åpenhet, respekt, inkluderende, lojal, miljøbevisst, "
    "kompetanse, humør",
}


def question(store: Store, kind: str, samling: str = "s3") -> int:
    """The first question of the samling answered as `kind`."""
    pairs = summaries.questions_of(store, samling_id(store, samling))
    return next(q.id for e, q in pairs if e.answer_of(q) == kind)


def answer(store: Store, question_id: int, texts: dict[str, str], field: str = "text") -> None:
    """Each group's answer, in the order given, as if typed in plenum."""
    for position, (group, text) in enumerate(texts.items()):
        store.save_answer(question_id, group, group, {field: text}, position)


# "Vi henter ut de tre øverste hos alle": the shortlist on the deck's next slide, as the
# variants table names the values.
SHORTLIST = {
    "Likeverd",
    "Respekt",
    "Toleranse",
    "Trygghet",
    "Profesjonalitet",
    "Troverdighet",
    "Mot",
    "Lojalitet",
    "Retning",
    "Tillit",
    "Anerkjennelse",
    "Ansvar",
    "Åpenhet",
}


def answers_to(store: Store, question: str) -> dict[str, dict[str, str]]:
    """Each group's saved answer to the Samling 3 question that starts with `question`."""
    s3 = samling_id(store, "s3")
    for exercises in store.exercises(s3).values():
        for exercise in exercises:
            for q in exercise.questions:
                if q.text.startswith(question):
                    return {a.group_label: a.fields for a in store.answers(q.id)}
    raise AssertionError(f"no question {question!r}")
