"""The programme's timing report in the notes: each item's planned against actual time
across the samlinger, and the items that ran over most."""

from __future__ import annotations

from tuiroom.day.report import TitleTime, signed_minutes, timing_report
from tuiroom.fmt import duration
from tuiroom.i18n import t
from tuiroom.notes.document import Doc
from tuiroom.notes.markdown import escape


def add_timing(doc: Doc) -> str:
    """Add the section; returns its heading's id for the table of contents."""
    report = timing_report(doc.store)
    ref = doc.heading(0, doc.t("timing"))
    if not report.items:
        doc.para(doc.t("timing_none"))
        return ref
    doc.para(doc.t("timing_intro"))
    header = ["col_item", "col_kind", "col_samlinger", "col_plan", "col_actual", "col_diff"]
    doc.table([doc.t(h) for h in header], [_row(doc, title) for title in report.titles])
    worst = report.worst()
    doc.heading(1, doc.t("timing_worst"))
    if not worst:
        doc.para(doc.t("timing_none_over"))
        return ref
    doc.blocks.append(
        "\n".join(
            f"- {escape(doc.scrub(f'{i.samling} › {i.title}'))}: {_diff(doc, i.over)}"
            for i in worst
        )
    )
    return ref


def _row(doc: Doc, title: TitleTime) -> list[str]:
    each = " · ".join(f"{r.samling} {signed_minutes(r.over)}" for r in title.runs)
    return [
        title.title,
        t(f"kind.{title.kind}", lang=doc.lang),
        each,
        f"{round(title.planned)} min",
        f"{round(title.actual)} min",
        _diff(doc, title.over),
    ]


def _diff(doc: Doc, minutes: float) -> str:
    whole = round(minutes)
    if whole == 0:
        return doc.t("on_time")
    amount = duration(abs(whole), doc.lang)
    return doc.t("over" if whole > 0 else "under", amount=amount)
