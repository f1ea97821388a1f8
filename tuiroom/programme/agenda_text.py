"""An agenda pasted from a slide or a PDF, read into items a programme file can hold.

What a slide says: `08:30 – 09:00 Velkommen!` (a range), `15.30 Avslutning` (a start:
the item lasts until the next one begins), `Lunsj 11.30` (the time after the title),
`kl. 09.00`, `1:00 PM – 2:00 PM Workshop`; dashes of every width; the lines under a
title are its note, and a line that starts in lower case carries on the line above (a
PDF breaks long titles). Lines before the first time may name the samling ("Samling 3"),
its theme ("Hovedtema: …") and its date. Every line that is none of these is kept with
its number, so the facilitator sees what was left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Final

from tuiroom.programme.agenda_words import guess_language, kind_of_title, words

DEFAULT_LAST_MINUTES: Final = 30
NOON: Final = 12 * 60
# A time before this, after a later one, is the afternoon written on a 12-hour clock
# (1.15 after 12.30); 11.30 after 15.30 is a line from somewhere else.
AFTERNOON_BEFORE: Final = 8 * 60
DAY: Final = 24 * 60

_KL: Final = r"(?:(?:kl|klokka|klokken)\.?\s*)?"
_SEP: Final = r"\s*(?:[–—‒−‐‑-]+|\btil\b|\bto\b|\btill\b)\s*"


def _spaced(text: str) -> list[str]:
    return text.split()


def _time(p: str) -> str:
    return (
        rf"(?<![\d.:])(?P<{p}h>\d{{1,2}})(?:[:.](?P<{p}m>\d{{2}}))?(?![.:]?\d)"
        rf"(?:\s*(?P<{p}ap>[ap])\.?\s?m\.?(?![^\W\d_]))?"
    )


_START: Final = re.compile(rf"^{_KL}{_time('a')}", re.IGNORECASE)
_RANGE: Final = re.compile(rf"^{_SEP}{_KL}{_time('b')}", re.IGNORECASE)
_TRAILING: Final = re.compile(
    rf"^(?P<title>.*?[^\W\d_].*?)[\s,:(|]+{_KL}{_time('a')}(?:{_SEP}{_KL}{_time('b')})?"
    r"\s*\)?[.!]?$",
    re.IGNORECASE,
)
_BULLET: Final = re.compile(r"^(?:[•·*▪◦‣►]|[–—-](?=\s))\s*")
_TITLE_LEAD: Final = re.compile(r"^[\s:|·•–—-]+")
_SPACES: Final = re.compile(r"\s+")
_STRAY_MARK: Final = re.compile(r"\s+[.,;:]$")  # "leder? ." as a PDF gives it
_SAMLING: Final = re.compile(
    r"\b(samling|samlinga|session|day|dag|workshop|module|modul)\s+(\d{1,3})\b", re.IGNORECASE
)
_THEME: Final = re.compile(r"^(?:hovedtema|hovudtema|tema|main theme|theme)\s*:\s*(.+)$", re.I)
_DOTTED: Final = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_ISO: Final = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
HEADING_WORDS: Final = frozenset(
    _spaced(
        "tid tema time topic kl klokkeslett program programme program agenda for "
        "dagen the day dagsplan dagsprogram plan what who hva kva hvem kven"
    )
)
MAX_TITLE_WORDS_BEFORE_TIME: Final = 6


@dataclass
class Remark:
    """Something the facilitator should know about one line: `code` names the message."""

    line: int
    code: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class AgendaItem:
    line: int
    start: int
    end: int | None
    title: str
    notes: list[str] = field(default_factory=list)
    kind: str | None = None
    minutes: int | None = None
    explicit_ampm: bool = False

    @property
    def note(self) -> str:
        return " ".join(self.notes)


@dataclass
class Agenda:
    items: list[AgendaItem] = field(default_factory=list)
    title: str = ""
    samling: str = ""
    theme: str = ""
    date: dt.date | None = None
    language: str | None = None
    not_read: list[tuple[int, str]] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)


@dataclass
class _Time:
    hour: int
    minute: int | None
    ampm: str | None

    def minutes(self, ampm: str | None = None) -> int | None:
        """Minutes after midnight; None for a bare hour or one off the clock."""
        ampm = (ampm or self.ampm or "").lower() or None
        if (self.minute is None and ampm is None) or (self.minute or 0) > 59:
            return None
        if ampm is None:
            return self.hour * 60 + (self.minute or 0) if self.hour < 24 else None
        if not 1 <= self.hour <= 12:
            return None
        return (self.hour % 12 + (12 if ampm == "p" else 0)) * 60 + (self.minute or 0)


def _found(match: re.Match[str], p: str) -> _Time | None:
    if match.group(f"{p}h") is None:
        return None
    minute = match.group(f"{p}m")
    return _Time(int(match[f"{p}h"]), int(minute) if minute else None, match.group(f"{p}ap"))


@dataclass
class _Timed:
    start: int
    end: int | None
    title: str
    ampm: bool
    remarks: list[str] = field(default_factory=list)


def _span(first: _Time, second: _Time | None) -> tuple[int, int | None, list[str]] | None:
    """Start and end of a range; a start without am/pm takes the end's (9:30 – 10:45 AM),
    or the other one when that would put it after the end (11:30 – 1:00 PM)."""
    start = first.minutes()
    if start is None and second is not None and second.ampm:
        start = first.minutes(second.ampm)
    if start is None:
        return None
    end = second.minutes() if second else None
    if second is not None and second.ampm and not first.ampm and end is not None:
        same = first.minutes(second.ampm)
        other = first.minutes("a" if second.ampm.lower() == "p" else "p")
        start = same if same is not None and same < end else (other if other is not None else start)
    if end is None or end > start:
        return start, end, []
    twelve_hour = second is not None and not second.ampm and end < AFTERNOON_BEFORE
    if end < start and twelve_hour and end + NOON > start:
        return start, end + NOON, ["afternoon_end"]
    return start, None, ["bad_end"]


def _timed(text: str) -> _Timed | None:
    """The time or range a line starts (or ends) with, and its title."""
    lead = _START.match(text)
    if lead is not None:
        first, second, rest = _found(lead, "a"), None, text[lead.end() :]
        tail = _RANGE.match(rest)
        found = _found(tail, "b") if tail is not None else None
        if tail is not None and found is not None and found.minutes() is not None:
            second, rest = found, rest[tail.end() :]
        span = _span(first, second) if first else None
        if span is not None:
            ampm = bool((first and first.ampm) or (second and second.ampm))
            return _Timed(span[0], span[1], _TITLE_LEAD.sub("", rest).strip(), ampm, span[2])
    trailing = _TRAILING.match(text)
    if trailing is None or len(trailing["title"].split()) > MAX_TITLE_WORDS_BEFORE_TIME:
        return None
    first, second = _found(trailing, "a"), _found(trailing, "b")
    span = _span(first, second) if first else None
    if span is None:
        return None
    ampm = bool((first and first.ampm) or (second and second.ampm))
    return _Timed(span[0], span[1], trailing["title"].strip(" ,:|–—-"), ampm, span[2])


def _date(text: str) -> dt.date | None:
    for pattern, order in ((_ISO, (0, 1, 2)), (_DOTTED, (2, 1, 0))):
        match = pattern.search(text)
        if match is None:
            continue
        year, month, day = (int(match.group(i + 1)) for i in order)
        try:
            return dt.date(year + (2000 if year < 100 else 0), month, day)
        except ValueError:
            return None
    return None


def clean(line: str) -> str:
    """One line as a title or note: spaces of every kind as one, bullets left out."""
    return _STRAY_MARK.sub("", _BULLET.sub("", _SPACES.sub(" ", line).strip()).strip())


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: \\n, \\r\\n or \\r; a form feed between PDF
    pages is a space, not a line of its own."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class _Reader:
    def __init__(self) -> None:
        self.agenda = Agenda()
        self.blank = 0
        self.closed = False

    def line(self, number: int, raw: str) -> None:
        text = clean(raw)
        if not text:
            self.blank += 1
            return
        timed = _timed(text)
        if timed is not None:
            self._item(number, timed)
        elif not self.agenda.items:
            self._header(number, text)
        else:
            self._under(number, text)
        self.blank = 0

    def _item(self, number: int, timed: _Timed) -> None:
        item = AgendaItem(number, timed.start, timed.end, timed.title, explicit_ampm=timed.ampm)
        self.agenda.items.append(item)
        self.agenda.remarks += [Remark(number, code) for code in timed.remarks]
        self.closed = False

    def _header(self, number: int, text: str) -> None:
        agenda = self.agenda
        theme = _THEME.match(text)
        samling = None if theme else _SAMLING.search(text)
        day = _date(text)
        if theme and not agenda.theme:
            agenda.theme = theme[1].strip()
        if samling and not agenda.samling:
            # "Samling 2 – Kommunikasjon og tillit" keeps its subtitle (a date there is the
            # samling's date, and words before "Samling 2" are the slide's, not the title's).
            name = f"{samling[1].capitalize()} {samling[2]}"
            subtitle = text[samling.end() :].strip(" \t–—-:·,")
            agenda.samling = f"{name} – {subtitle}" if subtitle and not day else name
        if day and not agenda.date:
            agenda.date = day
        if theme or samling or day or all(w in HEADING_WORDS for w in words(text)):
            return
        if not agenda.title:
            agenda.title = text
            agenda.remarks.append(Remark(number, "programme_title", {"text": text}))
        else:
            agenda.not_read.append((number, text))

    def _under(self, number: int, text: str) -> None:
        """A line under an item: its title if it had none, else its note, or the line
        above carried on; after two blank lines, nothing of the item's."""
        item = self.agenda.items[-1]
        if self.blank >= 2 or self.closed:
            self.closed = True
            self.agenda.not_read.append((number, text))
        elif not item.title:
            item.title = text
        elif text[0].islower() and not item.notes:
            item.title = f"{item.title} {text}"
        elif text[0].islower():
            item.notes[-1] = f"{item.notes[-1]} {text}"
        else:
            item.notes.append(text)


def read_agenda(text: str) -> Agenda:
    """Every item of an agenda text, what it could not read, and what it guessed."""
    reader = _Reader()
    for number, raw in enumerate(split_lines(text), 1):
        reader.line(number, raw)
    agenda = reader.agenda
    agenda.language = guess_language(text)
    _name_kinds(agenda)
    _in_order(agenda)
    _end_last(agenda)
    return agenda


def _name_kinds(agenda: Agenda) -> None:
    for item in agenda.items:
        if not item.title:
            agenda.remarks.append(Remark(item.line, "no_title"))
            continue
        kind = kind_of_title(item.title)
        item.kind = kind.kind
        if kind.spelled:
            values = {"text": item.title, "word": kind.spelled}
            agenda.remarks.append(Remark(item.line, "typo", values))
            item.title = kind.spelled


def _in_order(agenda: Agenda) -> None:
    """Times in order, as `check` wants them: a start before the one above is read in
    the afternoon if that puts it after (12.30, 1.30 on a slide), else left out; an
    item that starts before the one above ends shortens the one above."""
    kept: list[AgendaItem] = []
    for item in agenda.items:
        previous = kept[-1] if kept else None
        if previous is not None and item.start < previous.start:
            late = item.start + NOON < previous.start
            if item.explicit_ampm or item.start >= AFTERNOON_BEFORE or late:
                agenda.remarks.append(Remark(item.line, "out_of_order", {"title": item.title}))
                continue
            item.start += NOON
            item.end = item.end + NOON if item.end is not None and item.end < NOON else item.end
            if item.end is not None and item.end <= item.start:
                item.end = None
            agenda.remarks.append(Remark(item.line, "afternoon"))
        if previous is not None and previous.end is not None and item.start < previous.end:
            previous.end = item.start if item.start > previous.start else None
            agenda.remarks.append(Remark(previous.line, "overlap", {"title": item.title}))
        kept.append(item)
    agenda.items = kept


def _end_last(agenda: Agenda) -> None:
    """The last item needs an end, unless it is the end of the day."""
    if not agenda.items:
        return
    last = agenda.items[-1]
    if last.end is None and last.kind != "end":
        last.minutes = max(1, min(DEFAULT_LAST_MINUTES, DAY - last.start))
        agenda.remarks.append(Remark(last.line, "last_minutes", {"minutes": str(last.minutes)}))
