"""Problems found in a programme file, worded for the facilitator who has to fix them.

A problem carries a catalogue code and the values to fill in, not a finished sentence,
so the same problem can be told in bokmål, nynorsk or English.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from tuiroom.i18n import lookup, t
from tuiroom.programme.positions import Path
from tuiroom.visible import one_line

Severity = Literal["error", "warning"]

# Pydantic's own error types, mapped onto our catalogue; anything else is "invalid".
_PYDANTIC_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "string_type": "want_text",
    "int_type": "want_number",
    "int_parsing": "want_number",
    "int_from_float": "want_whole",
    "float_type": "want_number",
    "float_parsing": "want_number",
    "bool_type": "want_bool",
    "bool_parsing": "want_bool",
    "list_type": "want_list",
    "model_type": "want_table",
    "dict_type": "want_table",
    "model_attributes_type": "want_table",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "string_too_short": "empty_text",
    "tuple_type": "time_format",
}
QUOTED_MAX = 120  # characters of a value quoted in a message
_TITLE_KEYS = ("title", "name", "text")


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: str
    loc: Path = ()
    values: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def message(self, lang: str) -> str:
        values = {name: _quoted(value) for name, value in self.values.items()}
        for name, key in self.values.items():
            if name.endswith("_key"):  # a value that is itself a catalogue key
                values[name.removesuffix("_key")] = t(key, lang=lang, **self.values)
        return t(f"problem.{self.code}", lang=lang, **values)


def _quoted(value: Any) -> Any:
    """A value from the file as a message quotes it: on one line (so the file name that
    starts the message stands on every line of it), no control characters, not endless."""
    return one_line(value, QUOTED_MAX) if isinstance(value, str) else value


def from_validation(error: ValidationError, prefix: Path, model: type[BaseModel]) -> list[Problem]:
    """One Problem per pydantic error, with its location made absolute."""
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        kind = detail["type"]
        code = kind if lookup(f"problem.{kind}", "en") else _PYDANTIC_CODES.get(kind, "invalid")
        values: dict[str, Any] = {"detail": detail["msg"], **(detail.get("ctx") or {})}
        values.setdefault("value", _short(detail.get("input")))
        values["field"] = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        if code == "unknown_field":
            close, allowed = _suggest(model, loc)
            code = "unknown_field_like" if close else code
            values["hint"] = close or allowed
        problems.append(Problem("error", code, prefix + loc, values))
    return problems


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The keys allowed in the table that holds the last part of `loc`."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        target = fields.get(part)
        if target is None:
            return []
        current = _model_in(target.annotation)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) + getattr(annotation, "__metadata__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _suggest(model: type[BaseModel], loc: Path) -> tuple[str, str]:
    """The allowed key closest to the unknown one (or ""), and every allowed key."""
    allowed = _fields_at(model, loc)
    name = str(loc[-1]) if loc else ""
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return (close[0] if close else ""), ", ".join(allowed)


def describe(loc: Path, data: Any) -> str:
    """A path a person can follow: samling 2 «Samling 3» › item 4 «Pause» › time."""
    parts: list[str] = []
    node = data
    for index, part in enumerate(loc):
        following = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            continue
        node = node.get(part) if isinstance(node, dict) else None
        if isinstance(following, int):
            element = node[following] if isinstance(node, list) and following < len(node) else None
            title = next(
                (
                    element[k]
                    for k in _TITLE_KEYS
                    if isinstance(element, dict) and isinstance(element.get(k), str)
                ),
                None,
            )
            label = f"{one_line(part, 40)} {following + 1}"
            parts.append(f"{label} «{one_line(title, 60)}»" if title else label)
        else:
            parts.append(one_line(part, 40))
    return " › ".join(parts)


def render(problem: Problem, filename: str, data: Any, lang: str) -> str:
    """`file:line: error: where: what is wrong and what to do`."""
    place = f"{filename}:{problem.line}" if problem.line else filename
    severity = t(f"problem.severity.{problem.severity}", lang=lang)
    where = describe(problem.loc, data)
    body = problem.message(lang)
    return f"{place}: {severity}: {where}: {body}" if where else f"{place}: {severity}: {body}"
