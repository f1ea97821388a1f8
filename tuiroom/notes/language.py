"""The notes' own language for humanize, which is otherwise process-wide and set to the
interface's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from tuiroom.i18n import language, use_humanize


@contextlib.contextmanager
def humanize_in(lang: str) -> Iterator[None]:
    """humanize in the document's language, then back to the interface's."""

    use_humanize(lang)
    try:
        yield
    finally:
        use_humanize(language())
