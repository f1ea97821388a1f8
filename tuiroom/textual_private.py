"""An app that closes quietly when work arrives after Ctrl+Q.

A facilitator may quit while a screen is still building what comes a frame after its
first one (the agenda table, the footer, a form). Textual takes widgets down from the
bottom up, so a handler still queued then finds its children gone: a `query_one` raises
NoMatches or a `mount` raises MountError. Once the app is exiting that work is no longer
wanted, and it must not turn a clean exit into a traceback and exit code 1.
"""

from __future__ import annotations

from textual.app import App
from textual.css.query import NoMatches
from textual.widget import MountError

LATE = (NoMatches, MountError)


def late_work(exiting: bool, error: BaseException) -> bool:
    """True for a failure that only means the app closed before the work was done."""
    return exiting and isinstance(error, LATE)


class ClosingQuietly(App[None]):
    """Both of tuiroom's apps: errors from late work during exit are dropped; every
    other error (and any error before exit) is Textual's to report as usual."""

    def _handle_exception(self, error: Exception) -> None:
        # Textual is pinned exactly (pyproject.toml); `_exit` is set by App.exit().
        if late_work(self._exit, error):
            return
        super()._handle_exception(error)
