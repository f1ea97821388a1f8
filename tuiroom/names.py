"""How names are compared everywhere: groups, people, titles, roles."""

from __future__ import annotations


def name_key(text: str) -> str:
    """Case and runs of spaces do not make two names differ."""
    return " ".join(text.casefold().split())
