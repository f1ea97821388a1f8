"""What the groups said to one question, gathered for "Oppsummering fra samling N": every
group's answer in plenum order and, where the answer kind can be counted, the tally.

The screen, the projector and the Markdown export all read the same `Summary`, so the
room, the slide and the file never disagree. The facilitator's merges live in the store
per question and are applied here, on every read, so an undone merge undoes everywhere.
No Textual here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from tuiroom.answers import forms as answer_forms
from tuiroom.answers import tally
from tuiroom.answers.variants import NO_MERGES, Merges, Variants, VariantsError, bundled_variants
from tuiroom.i18n import t, tn
from tuiroom.store import Store
from tuiroom.store.answers import AnswerRow
from tuiroom.store.records import ExerciseRow, QuestionRow

TALLY_KINDS: Final = ("list", "ranked", "points", "diamond", "scale")
"""Answer kinds with something to count; text and evaluation are read, not counted."""

SCALE_TOP: Final = 6
_EIGHTHS: Final = " ▏▎▍▌▋▊▉"
_FULL: Final = "█"
_FIELD_NAMES: Final = ("score", "reason", "good", "why", "more")  # labelled on a card
FOLD_AT: Final = 6
"""The groups behind a value are named when this many or fewer gave it, else counted:
at six tables the names are read at a glance, at a hundred they fill the screen."""


@dataclass(frozen=True)
class Summary:
    question_id: int
    question: str
    exercise: str
    kind: str
    k: int
    answers: tuple[AnswerRow, ...]  # every group's answer, in plenum order
    counts: tuple[tally.Count, ...]  # kind list: tally of items; kind ranked: top-k shortlist
    totals: tuple[tally.Total, ...]  # kind points
    scores: tuple[tally.Score, ...]  # kind diamond: consensus
    scale: tuple[tally.ScaleRow, ...]  # kind scale (who = group label)


class ChartRow(NamedTuple):
    """One bar: what the screen highlights, merges and splits, and what the projector shows."""

    key: str
    label: str
    value: float
    number: str
    groups: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()


# ── Reading a question's answers ──────────────────────────────────────────────


@functools.cache
def default_variants() -> Variants:
    """The bundled spellings, read once; a damaged table counts spellings apart rather
    than keeping the summary from opening in the middle of a plenum."""
    try:
        return bundled_variants()
    except (OSError, VariantsError):
        return Variants()


def merges_of(store: Store, question_id: int) -> Merges:
    """The room's merges for a question; links that loop (a damaged file) are ignored."""
    try:
        return Merges(store.merge_links(question_id))
    except ValueError:
        return NO_MERGES


def questions_of(store: Store, samling_id: int) -> list[tuple[ExerciseRow, QuestionRow]]:
    """Every question of a samling in the order the day takes them: agenda item, then
    exercise, then question."""
    return [
        (exercise, question)
        for exercises in store.exercises(samling_id).values()
        for exercise in exercises
        for question in sorted(exercise.questions, key=lambda q: q.position)
    ]


def find_question(store: Store, question_id: int) -> tuple[ExerciseRow, QuestionRow] | None:
    """The exercise a question belongs to, looked for in every samling of the programme."""
    for samling in store.samlinger():
        for exercise, question in questions_of(store, samling.id):
            if question.id == question_id:
                return exercise, question
    return None


def summarise(
    store: Store, question_id: int, k: int = 3, variants: Variants | None = None
) -> Summary:
    """Every answer to a question and its tally under the room's merges. An unknown
    question gives an empty text summary rather than an error."""
    found = find_question(store, question_id)
    exercise, question = found if found else (None, None)
    kind = exercise.answer_of(question) if exercise and question else "text"
    answers = tuple(store.answers(question_id))
    counted = _Counted(variants or default_variants(), merges_of(store, question_id))
    k = max(1, k)
    return Summary(
        question_id,
        question.text if question else "",
        exercise.title if exercise else "",
        kind,
        k,
        answers,
        counted.counts(kind, answers, k),
        counted.totals(kind, answers),
        counted.scores(kind, answers),
        counted.scale(kind, answers),
    )


@dataclass(frozen=True)
class _Counted:
    variants: Variants
    merges: Merges

    def counts(self, kind: str, answers: Sequence[AnswerRow], k: int) -> tuple[tally.Count, ...]:
        if kind == "list":
            return tuple(tally.tally(by_group(answers, answer_forms.items), *self.both))
        if kind == "ranked":
            return tuple(tally.top_k(by_group(answers, answer_forms.ranked), k, *self.both))
        return ()

    def totals(self, kind: str, answers: Sequence[AnswerRow]) -> tuple[tally.Total, ...]:
        if kind != "points":
            return ()
        given = {_who(a): answer_forms.points(a.fields) for a in answers}
        return tuple(tally.points(given, *self.both))

    def scores(self, kind: str, answers: Sequence[AnswerRow]) -> tuple[tally.Score, ...]:
        if kind != "diamond":
            return ()
        return tuple(tally.consensus(by_group(answers, answer_forms.ranked), *self.both))

    def scale(self, kind: str, answers: Sequence[AnswerRow]) -> tuple[tally.ScaleRow, ...]:
        if kind != "scale":
            return ()
        return tuple(tally.scale_summary({_who(a): answer_forms.scores(a.fields) for a in answers}))

    @property
    def both(self) -> tuple[Variants, Merges]:
        return self.variants, self.merges


def _who(answer: AnswerRow) -> str:
    return answer.group_label or answer.group_key


def by_group(
    answers: Sequence[AnswerRow], read: Callable[[Mapping[str, str]], list[str]]
) -> dict[str, list[str]]:
    """Items per group label; two rows under one label (a renamed group) add up."""
    found: dict[str, list[str]] = {}
    for answer in answers:
        found.setdefault(_who(answer), []).extend(read(answer.fields))
    return found


# ── Merging on the screen ─────────────────────────────────────────────────────


def merge(store: Store, question_id: int, key: str, into: str) -> Merges:
    """`key`'s row joins `into`'s, kept in the store at once."""
    merges = merges_of(store, question_id).merge(key, into)
    store.save_merge_links(question_id, dict(merges.links))
    return merges


def split(store: Store, question_id: int, key: str) -> Merges:
    """`key` back out of the row it was merged into, kept in the store at once."""
    merges = merges_of(store, question_id).split(key)
    store.save_merge_links(question_id, dict(merges.links))
    return merges


def merged_into(
    store: Store, question_id: int, row: ChartRow, variants: Variants | None = None
) -> list[tuple[str, str]]:
    """(key, label) of what was merged into a row, so the room can pick one to split off."""
    variants = variants or default_variants()
    seen = {variants.key(spelling): spelling for spelling in reversed(row.spellings)}
    members = merges_of(store, question_id).members(row.key)
    return [(key, variants.label(key, seen.get(key, ""))) for key in members]


# ── Bars ──────────────────────────────────────────────────────────────────────


def bar(value: float, maximum: float, width: int) -> str:
    """A bar of `width` cells at most, in eighths of a cell so that 5 and 6 of 6 groups
    look different on a narrow screen. Anything above nothing shows at least a sliver."""
    if width <= 0 or not (math.isfinite(value) and math.isfinite(maximum)) or maximum <= 0:
        return ""
    eighths = round(min(max(value / maximum, 0.0), 1.0) * width * 8)
    if value > 0 and eighths == 0:
        eighths = 1
    full, part = divmod(eighths, 8)
    return _FULL * full + (_EIGHTHS[part] if part else "")


def has_tally(kind: str) -> bool:
    return kind in TALLY_KINDS


def chart_rows(summary: Summary) -> list[ChartRow]:
    """The summary as bars, whatever the kind, best first."""
    if summary.kind in ("list", "ranked"):
        return [
            ChartRow(c.key, c.label, c.count, str(c.count), c.groups, c.spellings)
            for c in summary.counts
        ]
    if summary.kind == "points":
        return [ChartRow(s.key, s.label, s.points, str(s.points), s.voters) for s in summary.totals]
    if summary.kind == "diamond":
        return [ChartRow(s.key, s.label, s.points, str(s.points), s.groups) for s in summary.scores]
    if summary.kind == "scale":
        return [
            ChartRow(r.statement, r.statement or t("summary.one_score"), r.mean, decimal(r.mean))
            for r in summary.scale
        ]
    return []


def chart_maximum(summary: Summary, rows: Sequence[ChartRow]) -> float:
    """What a full bar means: every group (list, ranked), the top of the scale, or the
    best score (points, diamond)."""
    if summary.kind in ("list", "ranked"):
        return float(len({_who(a) for a in summary.answers}) or 1)
    if summary.kind == "scale":
        return float(SCALE_TOP)
    return max((row.value for row in rows), default=1.0)


def folded(groups: Sequence[str]) -> bool:
    return len(groups) > FOLD_AT


def who(groups: Sequence[str], lang: str | None = None) -> str:
    """The groups behind a value: their names when few, else how many ("30 grupper")."""
    if folded(groups):
        return tn("summary.groups_count", len(groups), lang=lang)
    return ", ".join(groups)


def decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", t("summary.decimal_mark"))


def tally_lines(summary: Summary, width: int) -> list[str]:
    """Label, bar and number per line, `width` characters at most: what the projector
    shows. A label longer than `label_room` allows is cut with an ellipsis."""
    rows = chart_rows(summary)
    if not rows:
        return []
    number_width = max(len(row.number) for row in rows)
    label_width = label_room(rows, width)
    bar_width = max(1, width - label_width - number_width - 2)
    maximum = chart_maximum(summary, rows)
    return [
        f"{fit(row.label, label_width)} {bar(row.value, maximum, bar_width):<{bar_width}} "
        f"{row.number:>{number_width}}"
        for row in rows
    ]


def label_room(rows: Sequence[ChartRow], width: int) -> int:
    """Room for the labels: the longest one, but never more than a good half of the line,
    so the scale's long statements are read whole and the bars still tell apart."""
    return min(max(len(row.label) for row in rows), max(4, width * 11 // 20))


def fit(text: str, width: int) -> str:
    """`text` padded to `width`, or cut with an ellipsis when longer."""
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


# ── One group's answer, as lines for a card ───────────────────────────────────


def answer_lines(kind: str, answer: AnswerRow) -> tuple[tuple[str, str], ...]:
    """(label, text) lines of a group's answer as the room reads it back; whatever the
    parser does not understand is shown as typed, so nothing typed is hidden."""
    fields = answer.fields
    lines: list[tuple[str, str]]
    if kind == "list":
        lines = [("", item) for item in answer_forms.items(fields)]
    elif kind == "ranked":
        lines = [("", f"{n}. {item}") for n, item in enumerate(answer_forms.ranked(fields), 1)]
    elif kind == "diamond":
        lines = [("", " · ".join(row)) for row in answer_forms.diamond(fields) if row]
    elif kind == "points":
        given, unread = answer_forms.numbered(fields.get("text", ""))
        lines = [("", f"{option}: {n}") for option, n in given.items()]
        lines += [("", line) for line in unread]
    else:
        lines = _field_lines(fields)
    return tuple(lines) or tuple(_field_lines(fields))


def _field_lines(fields: Mapping[str, str]) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for name, value in fields.items():
        text = value.strip()
        if text:
            label = t(f"summary.field.{name}") if name in _FIELD_NAMES else ""
            lines.append((label, text))
    return lines
