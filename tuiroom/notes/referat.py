"""The day's notes ("referat") as one Markdown document: what the facilitator mails to
the participants and brings to the next samling.

The same database gives the same bytes: nothing here reads the clock, and every list
comes in the store's fixed order. No Textual here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tuiroom.day.changes import REMOVED, Agenda, run_agenda
from tuiroom.fmt import duration, long_date, span
from tuiroom.i18n import t
from tuiroom.notes.anonymise import stand_ins
from tuiroom.notes.document import Doc
from tuiroom.notes.files import ExportError
from tuiroom.notes.markdown import anchor, escape, heading, paragraph
from tuiroom.notes.questions import add_closing, add_exercises
from tuiroom.notes.timing import add_timing
from tuiroom.store import Store
from tuiroom.store.groups import RoleDrawRow, RosterPerson
from tuiroom.store.records import GroupRow, ItemRow, ItemRunRow, SamlingRow

# ── Whole documents ───────────────────────────────────────────────────────────


def export_samling(
    store: Store,
    samling_id: int,
    *,
    anonymize: bool = False,
    lang: str | None = None,
    zone: dt.tzinfo | None = None,
    participants: bool = False,
) -> str:
    """The notes of one samling: agenda as run, groups, answers, summaries, attendance.
    `participants`: the referat they receive instead: the day as it went, the answers
    and summaries, the next dates; no deviations, groups, roles or attendance.

    In the programme's language unless `lang` says otherwise; times in `zone` (the
    laptop's own by default).
    """
    doc = _new_doc(store, anonymize, zone, lang, participants)
    samling = store.samling(samling_id)
    if samling is None:
        raise ExportError("no_samling", id=samling_id)
    _samling(doc, samling, _programme_line(store))
    return doc.text()


def export_programme(
    store: Store,
    *,
    anonymize: bool = False,
    lang: str | None = None,
    zone: dt.tzinfo | None = None,
    participants: bool = False,
) -> str:
    """Every samling in one document, with a table of contents, the timing report across
    the samlinger (not for the participants) and the network dates."""
    doc = _new_doc(store, anonymize, zone, lang, participants)
    info = store.programme()
    title = info.title if info else "tuiroom"
    head = [heading(1, title)]
    if info and info.organisation:
        head.append(paragraph(info.organisation))
    if anonymize:
        head.append(paragraph(doc.t("anonymized")))
    head.append(heading(2, doc.t("contents")))
    for taken in (title, doc.t("contents")):  # ids of the headings above the body
        doc.ids[anchor(taken)] = doc.ids.get(anchor(taken), 0) + 1
    doc.top = 2
    contents = [(s.title, _samling(doc, s, "")) for s in store.samlinger()]
    if not participants:
        contents.append((doc.t("timing"), add_timing(doc)))
    contents.append((doc.t("meetings"), _meetings(doc)))
    head.append("\n".join(f"- [{escape(name)}](#{ref})" for name, ref in contents))
    return "\n\n".join([*head, *doc.blocks]) + "\n"


def _new_doc(
    store: Store, anonymize: bool, zone: dt.tzinfo | None, lang: str | None, participants: bool
) -> Doc:
    info = store.programme()
    return Doc(store, lang or (info.language if info else "nb"), anonymize, zone, participants)


def _programme_line(store: Store) -> str:
    info = store.programme()
    return ", ".join(x for x in (info.title, info.organisation) if x) if info else ""


def _samling(doc: Doc, samling: SamlingRow, programme: str) -> str:
    roster = doc.store.roster(samling.id)
    draw = doc.store.current_role_draw(samling.id)
    if doc.anonymize:
        doc.hide(roster, stand_ins(roster, draw, doc.t("someone")))
    ref = doc.heading(0, samling.title)
    parts = [long_date(samling.date, doc.lang)]
    if samling.theme:
        parts.append(t("samling.theme", lang=doc.lang, theme=samling.theme))
    doc.para(" · ".join(parts))
    doc.para(programme)
    doc.para(samling.note)
    if doc.anonymize and doc.top == 1:
        doc.para(doc.t("anonymized"))
    agenda = run_agenda(doc.store, samling.id, doc.store.live_run(samling.id))
    items, exercises = agenda.items, agenda.exercises
    if doc.participants:
        _day_as_it_went(doc, samling.id, items)
    else:
        _agenda(doc, samling.id, agenda)
        _groups(doc, samling.id, roster, draw)
    add_exercises(doc, items, exercises)
    add_closing(doc, [(i, e) for i in items for e in exercises.get(i.id, [])])
    if doc.participants:
        if doc.top == 1:  # the whole programme lists every meeting at its end
            _next_meetings(doc, samling.date)
    elif not doc.anonymize:
        _attendance(doc, roster)
    return ref


# ── The agenda as it was run ──────────────────────────────────────────────────


def _title(doc: Doc, item: ItemRow, mark: str | None) -> str:
    """An item's title, and what the day did to it ("lagt til på dagen", "flyttet")."""
    if mark is None:
        return item.title
    return f"{item.title} ({t(f'change.mark_{mark}', lang=doc.lang)})"


def _agenda(doc: Doc, samling_id: int, agenda: Agenda) -> None:
    doc.heading(1, doc.t("agenda"))
    items = agenda.items
    run = doc.store.live_run(samling_id)
    timings = doc.store.item_runs(run.id) if run else {}
    removed = [[span(i.start, i.end), _title(doc, i, REMOVED)] for i in agenda.removed]
    if not timings:
        doc.table(
            [doc.t("col_plan"), doc.t("col_item")],
            [[span(i.start, i.end), _title(doc, i, agenda.marks.get(i.id))] for i in items]
            + removed,
        )
        doc.para(doc.t("not_run"))
        return
    doc.table(
        [doc.t("col_plan"), doc.t("col_item"), doc.t("col_actual"), doc.t("col_diff")],
        [
            [
                span(i.start, i.end),
                _title(doc, i, agenda.marks.get(i.id)),
                *_actual(doc, i, timings.get(i.id)),
            ]
            for i in items
        ]
        + [[*row, "", ""] for row in removed],
    )


def _day_as_it_went(doc: Doc, samling_id: int, items: Sequence[ItemRow]) -> None:
    """The participants' agenda: when each item was (the plan, for a day whose clock
    never ran), without how far it ran over and without the items never reached."""
    doc.heading(1, doc.t("agenda"))
    run = doc.store.live_run(samling_id)
    timings = doc.store.item_runs(run.id) if run else {}
    rows = []
    for item in items:
        timing = timings.get(item.id)
        if timing is None and timings:
            continue
        when = _actual(doc, item, timing)[0] if timing else span(item.start, item.end)
        rows.append([when, item.title])
    doc.table([t("export.participants.col_time", lang=doc.lang), doc.t("col_item")], rows)


def _actual(doc: Doc, item: ItemRow, timing: ItemRunRow | None) -> list[str]:
    if timing is None:
        return [doc.t("not_reached"), ""]
    start = timing.started.astimezone(doc.zone).strftime("%H:%M")
    if timing.ended is None:
        return [f"{start}–", doc.t("running")]
    end = timing.ended.astimezone(doc.zone).strftime("%H:%M")
    if item.duration == 0:
        return [start, ""]
    taken = (timing.ended - timing.started).total_seconds()
    over = round(taken / 60 - item.duration)
    actual = start if start == end else f"{start}–{end}"
    if over == 0:
        return [actual, doc.t("on_time")]
    amount = duration(abs(over), doc.lang)
    return [actual, doc.t("over" if over > 0 else "under", amount=amount)]


# ── Groups, roles and attendance ──────────────────────────────────────────────


def _groups(
    doc: Doc, samling_id: int, roster: Sequence[RosterPerson], draw: RoleDrawRow | None
) -> None:
    grouping = doc.store.current_grouping(samling_id)
    if grouping is None and draw is None:
        return
    doc.heading(1, doc.t("groups"))
    names = {p.id: p.name for p in roster}
    if grouping is not None:
        doc.heading(2, doc.t("grouping"))
        rows = []
        for number, members in enumerate(grouping.groups, 1):
            label = t("groups.group_number", lang=doc.lang, number=number)
            people = ", ".join(names.get(m, "?") for m in members)
            rows.append([label, str(len(members)) if doc.anonymize else people])
        column = "col_members_count" if doc.anonymize else "col_members"
        doc.table([doc.t("col_group"), doc.t(column)], rows)
    if draw is not None:
        doc.heading(2, doc.t("roles"))
        _roles(doc, draw, names)


def _roles(doc: Doc, draw: RoleDrawRow, names: dict[int, str]) -> None:
    header = [doc.t("col_group"), doc.t("col_role")]
    people = not doc.anonymize and any(r.person_id is not None for r in draw.roles)
    criteria = any(r.criterion for r in draw.roles)
    header += [doc.t("col_person")] * people + [doc.t("col_criterion")] * criteria
    rows = []
    for role in draw.roles:
        row = [role.group_label, role.role_name]
        row += [names.get(role.person_id, "") if role.person_id else ""] * people
        rows.append(row + [role.criterion] * criteria)
    doc.table(header, rows)


def _attendance(doc: Doc, roster: Sequence[RosterPerson]) -> None:
    if not roster:
        return
    doc.heading(1, doc.t("attendance"))
    present = sum(p.present for p in roster)
    doc.para(doc.t("present_total", present=present, total=len(roster)))
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for person in roster:
        here, away = groups.setdefault(person.group, ([], []))
        (here if person.present else away).append(person.name)
    doc.table(
        [doc.t("col_group"), doc.t("col_present"), doc.t("col_absent")],
        [[g or doc.t("no_group"), ", ".join(h), ", ".join(a)] for g, (h, a) in groups.items()],
    )


# ── The network groups' meetings ──────────────────────────────────────────────


def _date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def _meetings(doc: Doc) -> str:
    ref = doc.heading(0, doc.t("meetings"))
    _meeting_table(doc, doc.store.groups(), None)
    return ref


def _next_meetings(doc: Doc, day: dt.date | None) -> None:
    """The network groups' meetings after the samling (all of them, if it has no date)."""
    groups = doc.store.groups()
    if any(_after(m.date, day) for g in groups for m in g.meetings):
        doc.heading(1, t("export.participants.next_meetings", lang=doc.lang))
        _meeting_table(doc, groups, day)


def _after(meeting: dt.date | None, day: dt.date | None) -> bool:
    return day is None or (meeting is not None and meeting > day)


def _meeting_table(doc: Doc, groups: Sequence[GroupRow], day: dt.date | None) -> None:
    dates = {
        g.name: [f"{_date(m.date)} {m.lead}".strip() for m in g.meetings if _after(m.date, day)]
        for g in groups
    }
    most = max((len(d) for d in dates.values()), default=0)
    rows = [
        [name, *found, *[""] * (most - len(found))]
        for name, found in dates.items()
        if found or day is None
    ]
    header = [doc.t("col_group"), *(doc.t("col_meeting", number=n) for n in range(1, most + 1))]
    doc.table(header, rows)
