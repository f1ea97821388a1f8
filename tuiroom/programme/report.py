"""What `tuiroom check` prints: every problem, then a short summary of a valid file."""

from __future__ import annotations

from tuiroom import fmt
from tuiroom.i18n import t, tn
from tuiroom.programme.loading import LoadResult
from tuiroom.programme.models import Programme


def planned_minutes(programme: Programme) -> int:
    return sum((s.end or 0) - (s.start or 0) for s in programme.samlinger)


def summary(programme: Programme) -> list[str]:
    info = programme.programme
    title = (
        t("check.summary_title", title=info.title, organisation=info.organisation)
        if info.organisation
        else info.title
    )
    lines = [
        title,
        t("check.language", language=info.language),
        t("check.samlinger", count=len(programme.samlinger)),
    ]
    for samling in programme.samlinger:
        exercises = sum(len(i.exercises) for i in samling.items)
        length = (samling.end or 0) - (samling.start or 0)
        lines.append(
            t(
                "check.samling_line",
                title=samling.title,
                date=f" ({fmt.long_date(samling.date)})" if samling.date else "",
                items=len(samling.items),
                exercises=exercises,
                hours=fmt.duration(length),
            )
        )
    people = programme.people()
    lines += [
        t("check.items", count=sum(len(s.items) for s in programme.samlinger)),
        t("check.exercises", count=sum(1 for s in programme.samlinger for _ in s.exercises())),
        t("check.groups", count=len(programme.groups)),
        t("check.people", count=len(people), occasional=sum(m.occasional for m in people)),
        t("check.hours", hours=fmt.duration(planned_minutes(programme))),
    ]
    return lines


def check_report(result: LoadResult) -> tuple[list[str], int]:
    """The lines to print and the exit code: 0 for a usable file, 2 otherwise."""
    name = str(result.path)
    lines = result.messages()
    if result.programme is None:
        return [*lines, tn("check.failed", len(result.errors), file=name)], 2
    head = t("check.ok", file=name)
    if result.warnings:
        head += f" ({tn('check.warnings', len(result.warnings))})"
    return [*lines, head, *summary(result.programme)], 0
