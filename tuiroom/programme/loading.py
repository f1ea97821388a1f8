"""Reading a programme file: bytes, TOML, models and checks, every problem collected.

Each top-level part (the [programme] table, every [[group]], every [[samling]]) is
validated on its own, so one mistake never hides the others.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tuiroom.i18n import LANGUAGES, t
from tuiroom.i18n import language as interface_language
from tuiroom.programme import checks, lenient, limits
from tuiroom.programme.models import ClockSettings, Group, Programme, ProgrammeInfo, Samling
from tuiroom.programme.positions import key_lines, line_of
from tuiroom.programme.problems import Problem, from_validation, render

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
_TOKEN = re.compile(r'"""|\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}"\']')
_LANGUAGE_LINE = re.compile(r"^\s*language\s*=\s*[\"']([A-Za-z]+)[\"']", re.MULTILINE)
_UNQUOTED_TIME = re.compile(r"=\s*\[?\s*\d{1,2}[:.]\d{2}")
_UNQUOTED_WORD = re.compile(r"=\s*[^\s\"'\[{0-9+\-tf]")
_PARTS: dict[str, type[BaseModel]] = {"group": Group, "samling": Samling}


@dataclass
class LoadResult:
    path: Path
    language: str = "nb"
    data: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    programme: Programme | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def messages(self, lang: str | None = None, only: str | None = None) -> list[str]:
        """Every problem (or only the errors or warnings) as one line, in file order."""
        ordered = sorted(self.problems, key=lambda p: (p.severity != "error", p.line or 0))
        return [
            render(p, str(self.path), self.data, lang or self.language)
            for p in ordered
            if only in (None, p.severity)
        ]


class ProgrammeError(Exception):
    """A programme file that cannot be used; `result` holds every problem found."""

    def __init__(self, result: LoadResult) -> None:
        super().__init__("\n".join(result.messages()))
        self.result = result


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or the one problem that stops us from reading it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, Problem("error", "file_missing")
    except IsADirectoryError:
        return None, Problem("error", "file_is_dir")
    except OSError as exc:
        return None, Problem("error", "file_unreadable", values={"reason": exc.strerror or exc})
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem("error", "file_not_utf8", line=line, values={"line": line})


_TOML_DETAILS = (
    ("Invalid value", "value"),
    ("Unterminated string", "unterminated"),
    ("Unclosed array", "unclosed_array"),
    ("Unclosed inline table", "unclosed_table"),
    ("Cannot", "twice"),
    ("Duplicate", "twice"),
    ("Expected '='", "equals"),
    ("Expected newline", "after_value"),
    ("Expected ']", "header"),
    ("Invalid statement", "statement"),
    ("Invalid date", "date"),
    ("Illegal character", "character"),
    ("Found invalid character", "character"),
    ("Invalid initial character", "character"),
)


def _toml_detail(detail: str) -> str:
    """The catalogue key that says what tomllib said, in the user's language."""
    found = next((code for start, code in _TOML_DETAILS if detail.startswith(start)), "other")
    return f"problem.toml_detail.{found}"


def parse_toml(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    breach = limits.first_breach(text)
    if breach is not None:
        return None, Problem("error", breach.code, line=breach.line, values={"limit": breach.limit})
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, _syntax_problem(text, exc)
    except (RecursionError, ValueError):  # past a limit the scan did not foresee
        return None, Problem("error", "toml_too_deep", values={"limit": limits.MAX_DEPTH})


def _syntax_problem(text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    detail = str(exc)
    match = _TOML_POSITION.search(detail)
    line = int(match[1]) if match else _open_line(text)
    detail = _TOML_END.sub("", _TOML_POSITION.sub("", detail))
    source = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    hint = (
        "time"
        if _UNQUOTED_TIME.search(source)
        else ("quotes" if _UNQUOTED_WORD.search(source) else "none")
    )
    return Problem(
        "error",
        "toml_syntax",
        line=line,
        values={
            "detail": detail,
            "detail_key": _toml_detail(detail),
            "hint_key": f"problem.toml_hint.{hint}",
        },
    )


def _known(lang: object) -> str | None:
    code = lang.strip().lower() if isinstance(lang, str) else None
    return code if code in LANGUAGES else None


def _language(data: dict[str, Any], override: str | None) -> str:
    """The language to speak to the user in: --lang, else the file's, else bokmål."""
    head = data.get("programme")
    written = head.get("language") if isinstance(head, dict) else None
    return _known(override) or _known(written) or "nb"


def _language_in_text(text: str, override: str | None) -> str:
    """The file's language when it cannot be parsed, read from its `language =` line."""
    match = _LANGUAGE_LINE.search(text)
    return _known(override) or _known(match[1] if match else None) or "nb"


def language_of_file(path: Path) -> str | None:
    """The language a programme file names on its `language =` line, without parsing it;
    None if it cannot be read or names none."""
    text, _ = read_text(path)
    match = _LANGUAGE_LINE.search(text) if text else None
    return _known(match[1]) if match else None


def _open_line(text: str) -> int:
    """Where an unclosed string or bracket opens, for errors at the end of the document."""
    opened: list[int] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        token, pos = match.group(), match.end()
        line = text.count("\n", 0, match.start()) + 1
        if token in ('"""', "'''"):
            close = text.find(token, pos)
            if close < 0:
                return line
            pos = close + 3
        elif token in ('"', "'"):
            return line  # a one-line string that never closes
        elif token in ("[", "{"):
            opened.append(line)
        elif token in ("]", "}") and opened:
            opened.pop()
    return opened[0] if opened else text.count("\n") + 1


def _validate(
    model: type[BaseModel], value: Any, loc: tuple[str | int, ...]
) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, from_validation(exc, loc, model)


def _validate_list(
    name: str, data: dict[str, Any]
) -> tuple[list[tuple[int, Any]], list[Any], list[Problem]]:
    """Valid models of `[[name]]` keyed by place, each raw table, and the problems."""
    value = data.get(name, [])
    if not isinstance(value, list):
        return [], [], [Problem("error", "want_array_of_tables", (name,), {"name": name})]
    valid, problems = [], []
    for index, part in enumerate(value):
        model, found = _validate(_PARTS[name], part, (name, index))
        problems += found
        if model is not None:
            valid.append((index, model))
    return valid, value, problems


def validate(data: dict[str, Any]) -> tuple[Programme | None, list[Problem]]:
    """Models and every problem, from TOML data already parsed."""
    problems = [
        Problem(
            "error",
            "unknown_field",
            (key,),
            {"field": key, "hint": "programme, clock, group, samling"},
        )
        for key in data
        if key not in ("programme", "clock", "group", "samling")
    ]
    problems += _validate(ClockSettings, data.get("clock", {}), ("clock",))[1]
    info, found = _validate(ProgrammeInfo, data.get("programme"), ("programme",))
    if "programme" not in data:
        found = [Problem("error", "missing_programme", ("programme",))]
    problems += found
    groups, raw_groups, found = _validate_list("group", data)
    problems += found
    samlinger, raw_samlinger, found = _validate_list("samling", data)
    problems += found
    problems += _cross_checks(
        dict(groups),
        raw_groups,
        dict(samlinger),
        raw_samlinger,
        len(info.roles) if info and info.roles else 3,
    )
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Programme.model_validate(data), problems


def _cross_checks(
    groups: dict[int, Group],
    raw_groups: list[Any],
    samlinger: dict[int, Samling],
    raw_samlinger: list[Any],
    roles: int,
) -> list[Problem]:
    """Checks across fields, run on valid parts and on best-effort models of the rest."""
    every_group = [(i, groups.get(i) or lenient.group(raw)) for i, raw in enumerate(raw_groups)]
    every_samling, timelines = [], []
    for at, raw in enumerate(raw_samlinger):
        built, items = lenient.samling(raw)
        valid = samlinger.get(at)
        every_samling.append((at, valid or built))
        timelines.append((at, list(enumerate(valid.items)) if valid else items))
    problems = list(checks.check_names(every_group, every_samling))
    problems += checks.check_roles(every_group, every_samling, roles)
    for at, items in timelines:
        if not items and at in samlinger:
            problems.append(Problem("warning", "empty_agenda", ("samling", at)))
        problems += checks.check_items(items, at)
    if not raw_samlinger:
        problems.append(Problem("warning", "no_samlinger", ("samling",)))
    return problems


def read_programme(path: Path | str, lang: str | None = None) -> LoadResult:
    """Everything that can be learned from the file at `path`, never raising. A file that
    cannot be read at all is told in `lang`, else in the interface's language (the
    system's, before any programme is read)."""
    result = LoadResult(Path(path), language=lang if lang in LANGUAGES else interface_language())
    text, problem = read_text(result.path)
    data = None
    if text is not None:
        result.language = _language_in_text(text, lang)
        data, problem = parse_toml(text)
    elif problem is not None and problem.code == "file_not_utf8":
        raw = result.path.read_bytes().decode("utf-8", errors="replace")
        result.language = _language_in_text(raw, lang)
    if problem is not None or data is None or text is None:
        result.problems = [problem] if problem else []
        return result
    result.data, result.language = data, _language(data, lang)
    result.programme, problems = validate(data)
    lines = key_lines(text)
    result.problems = [_with_line(p, lines) for p in problems]
    if result.programme is not None:
        _fill_default_roles(result.programme, result.language)
    return result


def _with_line(problem: Problem, lines: dict[tuple[str | int, ...], int]) -> Problem:
    line = problem.line or line_of(lines, problem.loc)
    return Problem(problem.severity, problem.code, problem.loc, problem.values, line)


def _fill_default_roles(programme: Programme, lang: str) -> None:
    if not programme.programme.roles:
        keys = ("roles.chair", "roles.focus", "roles.secretary")
        programme.programme.roles = [t(key, lang=lang) for key in keys]


def load_programme(path: Path | str, lang: str | None = None) -> Programme:
    """The programme at `path`; raises ProgrammeError listing every error."""
    result = read_programme(path, lang)
    if result.programme is None:
        raise ProgrammeError(result)
    return result.programme
