"""The day's notes ("referat") as one Markdown document: what the facilitator mails to
the participants and brings to the next samling.

People type the answers, so every piece of their text is escaped for the place it lands
in: a table cell, a heading or a paragraph. An answer that starts with "1." or holds a
"|" stays the text it was and never becomes a list, a heading or a broken table. The
same database gives the same bytes: nothing here reads the clock, and every list comes
in the store's fixed order. No Textual here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import humanize

from tuiroom.answers import forms as answer_forms
from tuiroom.answers.summaries import Summary, summarise
from tuiroom.fmt import hhmm, span
from tuiroom.i18n import humanized, language, lookup, t, use_humanize
from tuiroom.store import Store
from tuiroom.store.groups import RoleDrawRow, RosterPerson
from tuiroom.store.records import ExerciseRow, ItemRow, ItemRunRow, QuestionRow, SamlingRow

# ── Escaping what people typed ────────────────────────────────────────────────

_INLINE = re.compile(r"([\\`*_\[\]<|~#]|&(?=#?\w+;))")  # & only where it starts an entity
_LINE_MARK = re.compile(r"^([-+=>])")
_NUMBER_MARK = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """Inline markup (emphasis, code, links, HTML, entities, pipes, #) shown as typed."""
    return _INLINE.sub(r"\\\1", text)


def _lines(text: str) -> list[str]:
    """Non-blank lines without the indentation that would make them a code block."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def cell(text: str) -> str:
    """One table cell: a line break inside an answer must not end the row."""
    return "<br>".join(_lines(escape(text)))  # escaping adds no spaces and no line breaks


def paragraph(text: str, indent: str = "") -> str:
    """Lines held in one paragraph by hard breaks; no line may start a list or a
    heading, nor underline the line above into one."""
    lines = [_NUMBER_MARK.sub(r"\1\\\2", _LINE_MARK.sub(r"\\\1", escape(x))) for x in _lines(text)]
    return ("\\\n" + indent).join(lines)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(' '.join(_lines(text)))}".rstrip()


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; every cell, the header's too, is escaped here."""
    lines = [_row(header), "|" + " --- |" * len(header)]
    lines += [_row(r) for r in rows]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def anchor(text: str) -> str:
    """GitHub's id for a heading: lower case, punctuation out, spaces as dashes."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", " ".join(text.split()).lower()))


def slug(text: str) -> str:
    """An ASCII file-name part: "Samling 3" → "samling-3"."""
    folded = text.casefold().replace("æ", "ae").replace("ø", "o").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


# ── The document being built ──────────────────────────────────────────────────


@dataclass
class _Doc:
    """Blocks of Markdown and the headings' ids so far, in one language."""

    store: Store
    lang: str
    anonymize: bool
    zone: dt.tzinfo | None
    top: int = 1  # the level of a samling's heading
    blocks: list[str] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # anonymize: name → stand-in
    _pattern: re.Pattern[str] | None = None

    def t(self, key: str, **values: object) -> str:
        return t(f"export.{key}", lang=self.lang, **values)

    def heading(self, depth: int, text: str) -> str:
        """Add a heading `depth` levels below the samling's; returns its id."""
        text = self.scrub(text)
        self.blocks.append(heading(self.top + depth, text))
        base = anchor(text)
        seen = self.ids.get(base, 0)
        self.ids[base] = seen + 1
        return f"{base}-{seen}" if seen else base

    def para(self, text: str) -> None:
        if text.strip():
            self.blocks.append(paragraph(self.scrub(text)))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        self.blocks.append(table(header, [[self.scrub(c) for c in r] for r in rows]))

    def hide(self, roster: Sequence[RosterPerson], stand_ins: dict[int, str]) -> None:
        """Anonymize: each name on the roster becomes its stand-in wherever it is typed."""
        self.names = {p.name.strip().casefold(): stand_ins.get(p.id, p.group) for p in roster}
        self._pattern = _names_pattern({p.name.strip() for p in roster if p.name.strip()})

    def scrub(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.names.get(m.group().casefold(), "?"), text)

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


def _names_pattern(names: set[str]) -> re.Pattern[str] | None:
    """Longest names first, in any case; a one-word name only as written, so that a
    walk-in called "Bo" leaves "vi bo her" alone."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    parts = [re.escape(n) if " " in n else f"(?-i:{re.escape(n)})" for n in ordered]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I) if parts else None


@contextlib.contextmanager
def _humanize_in(lang: str) -> Iterator[None]:
    """humanize in the document's language, then back to the interface's."""

    use_humanize(lang)
    try:
        yield
    finally:
        use_humanize(language())


# ── Whole documents ───────────────────────────────────────────────────────────


def export_samling(
    store: Store,
    samling_id: int,
    *,
    anonymize: bool = False,
    lang: str | None = None,
    zone: dt.tzinfo | None = None,
) -> str:
    """The notes of one samling: agenda as run, groups, answers, summaries, attendance.

    In the programme's language unless `lang` says otherwise; times in `zone` (the
    laptop's own by default).
    """
    doc = _new_doc(store, anonymize, zone, lang)
    samling = store.samling(samling_id)
    if samling is None:
        raise ExportError("no_samling", id=samling_id)
    with _humanize_in(doc.lang):
        _samling(doc, samling, _programme_line(store))
    return doc.text()


def export_programme(
    store: Store,
    *,
    anonymize: bool = False,
    lang: str | None = None,
    zone: dt.tzinfo | None = None,
) -> str:
    """Every samling in one document, with a table of contents and the network dates."""
    doc = _new_doc(store, anonymize, zone, lang)
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
    with _humanize_in(doc.lang):
        contents = [(s.title, _samling(doc, s, "")) for s in store.samlinger()]
        contents.append((doc.t("meetings"), _meetings(doc)))
    head.append("\n".join(f"- [{escape(name)}](#{ref})" for name, ref in contents))
    return "\n\n".join([*head, *doc.blocks]) + "\n"


def _new_doc(store: Store, anonymize: bool, zone: dt.tzinfo | None, lang: str | None) -> _Doc:
    info = store.programme()
    return _Doc(store, lang or (info.language if info else "nb"), anonymize, zone)


def _programme_line(store: Store) -> str:
    info = store.programme()
    return ", ".join(x for x in (info.title, info.organisation) if x) if info else ""


def _samling(doc: _Doc, samling: SamlingRow, programme: str) -> str:
    roster = doc.store.roster(samling.id)
    draw = doc.store.current_role_draw(samling.id)
    if doc.anonymize:
        doc.hide(roster, _stand_ins(roster, draw, doc.t("someone")))
    ref = doc.heading(0, samling.title)
    parts = [_long_date(samling.date, doc.lang)]
    if samling.theme:
        parts.append(t("samling.theme", lang=doc.lang, theme=samling.theme))
    doc.para(" · ".join(parts))
    doc.para(programme)
    doc.para(samling.note)
    if doc.anonymize and doc.top == 1:
        doc.para(doc.t("anonymized"))
    items = doc.store.items(samling.id)
    exercises = doc.store.exercises(samling.id)
    _agenda(doc, samling.id, items)
    _groups(doc, samling.id, roster, draw)
    _exercises(doc, items, exercises)
    _closing(doc, [(i, e) for i in items for e in exercises.get(i.id, [])])
    if not doc.anonymize:
        _attendance(doc, roster)
    return ref


def _long_date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return t("samling.no_date", lang=lang)
    return t(
        "date.format",
        lang=lang,
        weekday=t(f"date.weekday.{day.weekday()}", lang=lang),
        day=day.day,
        month=t(f"date.month.{day.month - 1}", lang=lang),
        year=day.year,
    )


# ── The agenda as it was run ──────────────────────────────────────────────────


def _agenda(doc: _Doc, samling_id: int, items: Sequence[ItemRow]) -> None:
    doc.heading(1, doc.t("agenda"))
    run = doc.store.live_run(samling_id)
    timings = doc.store.item_runs(run.id) if run else {}
    if not timings:
        doc.table(
            [doc.t("col_plan"), doc.t("col_item")],
            [[span(i.start, i.end), i.title] for i in items],
        )
        doc.para(doc.t("not_run"))
        return
    doc.table(
        [doc.t("col_plan"), doc.t("col_item"), doc.t("col_actual"), doc.t("col_diff")],
        [[span(i.start, i.end), i.title, *_actual(doc, i, timings.get(i.id))] for i in items],
    )


def _actual(doc: _Doc, item: ItemRow, timing: ItemRunRow | None) -> list[str]:
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
    amount = humanized(
        humanize.precisedelta(dt.timedelta(minutes=abs(over)), minimum_unit="minutes"), doc.lang
    )
    return [actual, doc.t("over" if over > 0 else "under", amount=amount)]


# ── Groups and roles ──────────────────────────────────────────────────────────


def _stand_ins(
    roster: Sequence[RosterPerson], draw: RoleDrawRow | None, someone: str
) -> dict[int, str]:
    """Anonymize: a person is their group and the roles they were drawn for (`someone`
    if in neither)."""
    found: dict[int, tuple[str, list[str]]] = {}
    for role in draw.roles if draw else ():
        if role.person_id is not None:
            found.setdefault(role.person_id, (role.group_label, []))[1].append(role.role_name)
    stand_ins = {pid: f"{group}, {' / '.join(roles)}" for pid, (group, roles) in found.items()}
    for person in roster:
        stand_ins.setdefault(person.id, person.group or someone)
    return stand_ins


def _groups(
    doc: _Doc, samling_id: int, roster: Sequence[RosterPerson], draw: RoleDrawRow | None
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


def _roles(doc: _Doc, draw: RoleDrawRow, names: dict[int, str]) -> None:
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


# ── Questions and answers ─────────────────────────────────────────────────────


def _in_closing(exercise: ExerciseRow) -> bool:
    return exercise.take_home or exercise.answer == "evaluation"


def _exercises(
    doc: _Doc, items: Sequence[ItemRow], exercises: dict[int, list[ExerciseRow]]
) -> None:
    shown = [(i, [e for e in exercises.get(i.id, []) if not _in_closing(e)]) for i in items]
    shown = [(i, found) for i, found in shown if found]
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


def _question(doc: _Doc, depth: int, exercise: ExerciseRow, question: QuestionRow) -> None:
    summary = summarise(doc.store, question.id)
    doc.heading(depth, question.text)
    if not summary.answers:
        doc.para(doc.t("no_answers"))
        return
    _answers(doc, exercise, summary)
    _summary(doc, summary)


def _answers(doc: _Doc, exercise: ExerciseRow, summary: Summary) -> None:
    names = [f.name for f in answer_forms.fields_of(exercise.answer, exercise.options)]
    answers = summary.answers
    for answer in answers:
        names += [n for n in answer.fields if n not in names]
    filled = [n for n in names if any(a.fields.get(n, "").strip() for a in answers)]
    labels = [lookup(f"export.field_{n}", doc.lang) or n for n in filled]
    doc.table(
        [doc.t("col_group"), *labels],
        [[a.group_label or a.group_key, *(a.fields.get(n, "") for n in filled)] for a in answers],
    )


def _summary(doc: _Doc, summary: Summary) -> None:
    if summary.counts:
        caption = "top_k" if summary.kind == "ranked" else "tally"
        doc.para(doc.t(caption, k=summary.k))
        doc.table(
            [doc.t("col_value"), doc.t("col_count"), doc.t("col_who")],
            [[c.label, str(c.count), ", ".join(c.groups)] for c in summary.counts],
        )
    if summary.totals:
        doc.para(doc.t("totals"))
        doc.table(
            [doc.t("col_value"), doc.t("col_points"), doc.t("col_who")],
            [[x.label, str(x.points), ", ".join(x.voters)] for x in summary.totals],
        )
    if scores := summary.scores:
        doc.para(doc.t("diamond"))
        doc.table(
            [doc.t("col_value"), doc.t("col_points"), doc.t("col_best_row"), doc.t("col_who")],
            [[s.label, str(s.points), str(s.best_row), ", ".join(s.groups)] for s in scores],
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


def _closing(doc: _Doc, exercises: Sequence[tuple[ItemRow, ExerciseRow]]) -> None:
    """The evaluation of the day, then the questions the leaders take home (often under
    one title twice: last time's to talk over in the morning, the new ones at the end)."""
    evaluations = [e for _, e in exercises if e.answer == "evaluation" and not e.take_home]
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


def _attendance(doc: _Doc, roster: Sequence[RosterPerson]) -> None:
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


def _date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def _meetings(doc: _Doc) -> str:
    groups = doc.store.groups()
    ref = doc.heading(0, doc.t("meetings"))
    most = max((len(g.meetings) for g in groups), default=0)
    rows = []
    for group in groups:
        dates = [f"{_date(m.date)} {m.lead}".strip() for m in group.meetings]
        rows.append([group.name, *dates, *[""] * (most - len(dates))])
    header = [doc.t("col_group"), *(doc.t("col_meeting", number=n) for n in range(1, most + 1))]
    doc.table(header, rows)
    return ref


# ── Writing the file ──────────────────────────────────────────────────────────


class ExportError(Exception):
    """A file that cannot be written (or a samling not found); `code` names the message."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = {k: str(v) for k, v in values.items()}

    def message(self, lang: str | None = None) -> str:
        return t(f"export.{self.code}", lang=lang, **self.values)


def default_output(db: Path | None, samling: SamlingRow | None) -> Path:
    """Beside the database: seljord-samling-3.md, or seljord.md for the whole programme."""
    stem = db.name.removesuffix(".db").removesuffix(".tuiroom") if db else "tuiroom"
    folder = db.parent if db else Path.cwd()
    part = (slug(samling.title) or slug(samling.key) or str(samling.id)) if samling else ""
    return folder / (f"{stem}-{part}.md" if part else f"{stem}.md")


def write_atomic(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it over `path`: a
    failure halfway leaves whatever was there before untouched. An existing file is
    replaced only with `force`, and keeps its permissions; a new one is readable by its
    owner only, like the database (the notes name people)."""
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise ExportError("is_dir", path=path)
    if not path.parent.is_dir():
        raise ExportError("folder", path=path.parent)
    if path.exists() and not force:
        raise ExportError("exists", path=path)
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise ExportError("failed", path=path, reason=exc.strerror or exc) from exc
    return path


# ── `tuiroom export` ──────────────────────────────────────────────────────────


def export_command(
    file: Path | None,
    db: Path | None,
    session: str | None,
    output: Path | None,
    *,
    programme: bool = False,
    anonymize: bool = False,
    force: bool = False,
    lang: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Find the database as `tuiroom run` does, export, and return where it was written.

    Raises UserError with a complete message for anything the user can fix.
    """
    from tuiroom.cli.launch import UserError, pick_samling, store_error
    from tuiroom.paths import bundled, default_db
    from tuiroom.store import StoreError

    source = file or bundled()
    database = db or default_db(source, example=file is None)
    try:
        store = Store.reader(database)
    except StoreError as exc:
        if exc.code == "not_ready":
            raise UserError(t("export.not_ready", path=database)) from exc
        raise store_error(exc) from exc
    try:
        if programme:
            text, samling = export_programme(store, anonymize=anonymize, lang=lang), None
        else:
            day = today or dt.date.today()
            found = pick_samling(store.samlinger(), session, day, language(), source)
            samling = store.samling(found)
            text = export_samling(store, found, anonymize=anonymize, lang=lang)
        return write_atomic(output or default_output(database, samling), text, force=force)
    except ExportError as exc:
        raise UserError(exc.message()) from exc
    except sqlite3.Error as exc:  # a file damaged past its first pages
        raise UserError(t("db.failed", path=database, reason=exc)) from exc
    finally:
        store.close()
