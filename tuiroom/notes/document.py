"""The document being built: blocks of Markdown, the headings' ids so far, and the names
to hide, in one language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tuiroom.i18n import t
from tuiroom.notes.anonymise import names_pattern
from tuiroom.notes.markdown import anchor, heading, paragraph, table
from tuiroom.store import Store
from tuiroom.store.groups import RosterPerson


@dataclass
class Doc:
    """Blocks of Markdown and the headings' ids so far, in one language."""

    store: Store
    lang: str
    anonymize: bool
    zone: dt.tzinfo | None
    participants: bool = False  # the referat they receive, not the facilitator's log
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
        self._pattern = names_pattern({p.name.strip() for p in roster if p.name.strip()})

    def scrub(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.names.get(m.group().casefold(), "?"), text)

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"
