"""The notes' questions and answers: every group's answer and the tally, the day's
evaluation and the questions the leaders take home.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuiroom.answers import forms as answer_forms
from tuiroom.answers.summaries import Summary, summarise, who
from tuiroom.fmt import hhmm
from tuiroom.i18n import lookup
from tuiroom.notes.document import Doc
from tuiroom.notes.markdown import paragraph
from tuiroom.store.records import ExerciseRow, ItemRow, QuestionRow


def _evaluation(exercise: ExerciseRow) -> bool:
    """The day's evaluation: an exercise answered as one, or with a question that is."""
    kinds = {exercise.answer, *(exercise.answer_of(q) for q in exercise.questions)}
    return "evaluation" in kinds


def _in_closing(exercise: ExerciseRow) -> bool:
    return exercise.take_home or _evaluation(exercise)


def add_exercises(
    doc: Doc, items: Sequence[ItemRow], exercises: dict[int, list[ExerciseRow]]
) -> None:
    """Item by item, its note and its exercises with every answer; an item without
    exercises is here for its note (the next dates written under "Veien videre")."""
    shown = [(i, [e for e in exercises.get(i.id, []) if not _in_closing(e)]) for i in items]
    shown = [(i, found) for i, found in shown if found or i.note.strip()]
    if not shown:
        return
    doc.heading(1, doc.t("exercises"))
    for item, found in shown:
        doc.heading(2, f"{hhmm(item.start)} {item.title}")
        doc.para(item.note)
        for exercise in found:
            doc.heading(3, exercise.title)
            doc.para(exercise.note)
            for question in exercise.questions:
                _question(doc, 4, exercise, question)


def _question(doc: Doc, depth: int, exercise: ExerciseRow, question: QuestionRow) -> None:
    summary = summarise(doc.store, question.id)
    doc.heading(depth, question.text)
    if not summary.answers:
        doc.para(doc.t("no_answers"))
        return
    _answers(doc, exercise.options_of(question), summary)
    _summary(doc, summary)


def _answers(doc: Doc, options: Sequence[str], summary: Summary) -> None:
    names = [f.name for f in answer_forms.fields_of(summary.kind, options)]
    answers = summary.answers
    for answer in answers:
        names += [n for n in answer.fields if n not in names]
    filled = [n for n in names if any(a.fields.get(n, "").strip() for a in answers)]
    labels = [lookup(f"export.field_{n}", doc.lang) or n for n in filled]
    doc.table(
        [doc.t("col_group"), *labels],
        [[a.group_label or a.group_key, *(a.fields.get(n, "") for n in filled)] for a in answers],
    )


def _summary(doc: Doc, summary: Summary) -> None:
    if summary.counts:
        caption = "top_k" if summary.kind == "ranked" else "tally"
        doc.para(doc.t(caption, k=summary.k))
        doc.table(
            [doc.t("col_value"), doc.t("col_count"), doc.t("col_who")],
            [[c.label, str(c.count), who(c.groups, doc.lang)] for c in summary.counts],
        )
    if summary.totals:
        doc.para(doc.t("totals"))
        doc.table(
            [doc.t("col_value"), doc.t("col_points"), doc.t("col_who")],
            [[x.label, str(x.points), who(x.voters, doc.lang)] for x in summary.totals],
        )
    if scores := summary.scores:
        doc.para(doc.t("diamond"))
        doc.table(
            [doc.t("col_value"), doc.t("col_points"), doc.t("col_best_row"), doc.t("col_who")],
            [[s.label, str(s.points), str(s.best_row), who(s.groups, doc.lang)] for s in scores],
        )
    if summary.scale:
        doc.para(doc.t("scale"))
        mark = doc.t("decimal_mark")
        doc.table(
            [doc.t(f"col_{c}") for c in ("statement", "mean", "low", "high", "count")],
            [
                [r.statement or doc.t("one_score"), f"{r.mean:.1f}".replace(".", mark)]
                + [str(n) for n in (r.low, r.high, r.count)]
                for r in summary.scale
            ],
        )


def add_closing(doc: Doc, exercises: Sequence[tuple[ItemRow, ExerciseRow]]) -> None:
    """The evaluation of the day, then the questions the leaders take home (often under
    one title twice: last time's to talk over in the morning, the new ones at the end)."""
    evaluations = [e for _, e in exercises if _evaluation(e) and not e.take_home]
    if evaluations:
        doc.heading(1, doc.t("evaluation"))
        for exercise in evaluations:
            doc.heading(2, exercise.title)
            doc.para(exercise.note)
            for question in exercise.questions:
                _question(doc, 3, exercise, question)
    take_home = [(i, e) for i, e in exercises if e.take_home]
    if take_home:
        doc.heading(1, doc.t("take_home"))
        for item, exercise in take_home:
            doc.heading(2, f"{exercise.title} ({hhmm(item.start)})")
            doc.para(exercise.note)
            questions = [f"- {paragraph(doc.scrub(q.text), '  ')}" for q in exercise.questions]
            doc.blocks += ["\n".join(questions)] if questions else []
            for question in exercise.questions:
                if doc.store.answers(question.id):
                    _question(doc, 3, exercise, question)
