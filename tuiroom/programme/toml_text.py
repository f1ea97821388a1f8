"""A programme file written from an agenda read off a slide: TOML text by hand.

The standard library reads TOML but does not write it, and the file wants comments that
teach the format, which a writer of data would not keep: so the text is put together
here, and every string goes through `toml_string`, which quotes whatever a title holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from tuiroom.fmt import hhmm
from tuiroom.i18n import t
from tuiroom.programme.agenda_text import Agenda, AgendaItem, Remark
from tuiroom.visible import one_line

_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_ESCAPES.update({"\f": "\\f", "\r": "\\r"})
MAX_LISTED: Final = 50


def _escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"\\u{code:04X}"
    if 0xD800 <= code <= 0xDFFF:  # half a surrogate pair is no character at all
        return "\ufffd"
    return char


def toml_string(text: str) -> str:
    """`text` as a TOML basic string that reads back as exactly `text`."""
    return '"' + "".join(_escaped(char) for char in text) + '"'


def comment(text: str) -> str:
    """`text` as a comment line; a comment cannot hold control characters or breaks."""
    return f"# {one_line(text)}".rstrip()


def _remark(remark: Remark, source: str, lang: str | None) -> str:
    return t(
        f"new.remark.{remark.code}", lang=lang, source=source, line=remark.line, **remark.values
    )


def report_lines(agenda: Agenda, source: str, lang: str | None = None) -> list[str]:
    """What was guessed and what was left out, by line, for the terminal and the file."""
    lines = [(r.line, _remark(r, source, lang)) for r in agenda.remarks]
    lines += [
        (n, t("new.not_read", lang=lang, source=source, line=n, text=one_line(text, 80)))
        for n, text in agenda.not_read
    ]
    ordered = [text for _, text in sorted(lines, key=lambda pair: pair[0])]
    if len(ordered) > MAX_LISTED:
        more = len(ordered) - MAX_LISTED
        ordered = [*ordered[:MAX_LISTED], t("new.more", lang=lang, count=more)]
    return ordered


def _time(item: AgendaItem) -> str:
    if item.end is None:
        return hhmm(item.start)
    return f"{hhmm(item.start)} – {hhmm(item.end)}"


def _item(item: AgendaItem, lang: str, *, explain: bool) -> Iterator[str]:
    """The item's lines; `explain` says what a start alone means (once in the file)."""
    yield "[[samling.item]]"
    alone = explain and item.end is None and item.minutes is None and item.kind != "end"
    yield f"time = {toml_string(_time(item))}" + (
        f"   {comment(t('new.file.start_only', lang=lang))}" if alone else ""
    )
    if item.minutes is not None:
        yield f"minutes = {item.minutes}   {comment(t('new.file.guessed', lang=lang))}"
    yield f"title = {toml_string(item.title or t('new.untitled', lang=lang))}"
    if item.note:
        yield f"note = {toml_string(item.note)}"
    if item.kind is not None:
        yield f"kind = {toml_string(item.kind)}" + (
            f"   {comment(t('new.file.fixed', lang=lang))}" if item.kind in ("lunch", "end") else ""
        )
    yield ""


def _exercise_hint(lang: str) -> Iterator[str]:
    yield comment(t("new.file.exercises", lang=lang))
    yield "# [[samling.item.exercise]]"
    yield f"# title = {toml_string(t('new.file.exercise_title', lang=lang))}"
    yield f"# questions = [{toml_string(t('new.file.exercise_question', lang=lang))}]"
    yield "# draw_roles = true"
    yield "# phases = ["
    yield '#   { form = "individual", minutes = 3 },'
    yield '#   { form = "group", minutes = 15 },'
    yield '#   { form = "plenum", minutes = 10 },'
    yield "# ]"
    yield ""


def _head(agenda: Agenda, lang: str, source: str, file: str) -> Iterator[str]:
    yield comment(t("new.file.made", lang=lang, source=source))
    yield comment(t("new.file.check", lang=lang, file=file))
    listed = report_lines(agenda, source, lang)
    if listed:
        yield "#"
        yield comment(t("new.file.listed", lang=lang))
        yield from (comment(f"  {line}") for line in listed)
    yield ""
    yield "[programme]"
    title = agenda.title or t("new.file.programme_title", lang=lang)
    yield f"title = {toml_string(title)}"
    yield f"language = {toml_string(lang)}   {comment(t('new.file.language', lang=lang))}"
    roles = ", ".join(toml_string(t(k, lang=lang)) for k in ("roles.chair", "roles.focus"))
    yield f"# roles = [{roles}, {toml_string(t('roles.secretary', lang=lang))}]"
    yield ""
    yield comment(t("new.file.groups", lang=lang))
    yield "# [[group]]"
    yield f"# name = {toml_string(t('new.file.group_name', lang=lang))}"
    people = ", ".join(toml_string(p) for p in t("new.file.people", lang=lang).split(", "))
    yield f"# members = [{people}]"
    yield ""


def _samling(agenda: Agenda, lang: str) -> Iterator[str]:
    yield "[[samling]]"
    title = agenda.samling or t("new.file.samling_title", lang=lang)
    yield f"title = {toml_string(title)}"
    if agenda.theme:
        yield f"theme = {toml_string(agenda.theme)}"
    if agenda.date is not None:
        yield f"date = {agenda.date.isoformat()}"
    else:
        yield f"# date = 2025-09-18   {comment(t('new.file.date', lang=lang))}"
    yield ""


def agenda_toml(agenda: Agenda, lang: str, source: str, file: str) -> str:
    """The programme file for `agenda`, with comments in `lang` that say where the
    exercises go and what was guessed. `source` and `file` name the two files."""
    lines = [*_head(agenda, lang, source, file), *_samling(agenda, lang)]
    hint_at = next((i for i, item in enumerate(agenda.items) if item.kind is None), 0)
    alone = [i.end is None and i.minutes is None and i.kind != "end" for i in agenda.items]
    explain_at = alone.index(True) if True in alone else -1
    for index, item in enumerate(agenda.items):
        lines += _item(item, lang, explain=index == explain_at)
        if index == hint_at:
            lines += _exercise_hint(lang)
    return "\n".join(lines).rstrip("\n") + "\n"
