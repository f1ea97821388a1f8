"""Only late work during exit is dropped quietly; every other error still counts."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widget import MountError

from tuiroom.textual_private import late_work


def test_a_missing_widget_while_exiting_is_late_work() -> None:
    assert late_work(True, NoMatches("No nodes match 'AgendaTable'"))
    assert late_work(True, MountError("Can't mount widget(s)"))


def test_the_same_error_before_exit_is_a_real_error() -> None:
    assert not late_work(False, NoMatches("No nodes match 'AgendaTable'"))
    assert not late_work(False, MountError("Can't mount widget(s)"))


def test_other_errors_while_exiting_are_real_errors() -> None:
    assert not late_work(True, ValueError("bad"))
    assert not late_work(True, OSError("disk full"))
