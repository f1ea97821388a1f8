"""Best-effort models of the parts of a file that did not validate.

A samling with one mistyped field still has times worth checking; building what can
be built lets `tuiroom check` report an overlap and a typo in the same run.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from tuiroom.programme.models import Exercise, Group, Item, Member, Samling, _member, resolve_ends
from tuiroom.programme.times import parse_span

_MEMBER = TypeAdapter(Member)
M = TypeVar("M", bound=BaseModel)


def _try(model: type[M], value: Any) -> M | None:
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def _text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    return value if isinstance(value, str) else ""


def _table_list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key)
    return value if isinstance(value, list) else []


def item(raw: Any) -> Item | None:
    """The item if valid; else its times and valid exercises; None without a usable time."""
    if not isinstance(raw, dict):
        return None
    valid = _try(Item, raw)
    if valid is not None:
        return valid
    try:
        span = parse_span(raw.get("time"))
    except (ValueError, TypeError):
        return None
    minutes = raw.get("minutes")
    exercises = [e for e in map(lambda r: _try(Exercise, r), _table_list(raw, "exercise")) if e]
    return Item.model_construct(
        time=span,
        title=_text(raw, "title"),
        kind=None,
        fixed=None,
        note="",
        minutes=minutes if isinstance(minutes, int) and minutes > 0 else None,
        exercises=exercises,
    )


def samling(raw: Any) -> tuple[Samling, list[tuple[int, Item]]]:
    """A samling for cross-checks, with its usable items keyed by their place in the file."""
    raw = raw if isinstance(raw, dict) else {}
    items = [(i, it) for i, it in enumerate(map(item, _table_list(raw, "item"))) if it]
    resolve_ends([it for _, it in items])
    built = Samling.model_construct(
        id=_text(raw, "id"),
        title=_text(raw, "title"),
        items=[it for _, it in items],
        date=None,
        theme="",
        note="",
    )
    return built, items


def group(raw: Any) -> Group:
    """A group for cross-checks: its name and every member that could be read."""
    raw = raw if isinstance(raw, dict) else {}
    members = []
    for value in _table_list(raw, "members"):
        try:
            members.append(_MEMBER.validate_python(_member(value)))
        except ValidationError:
            members.append(Member.model_construct(name="", occasional=False, email=""))
    return Group.model_construct(name=_text(raw, "name"), members=members, meetings=[])
