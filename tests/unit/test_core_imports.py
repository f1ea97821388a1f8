"""The core never imports Textual: it must run in a worker, a test or a script alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "tuiroom.notes.export",
    "tuiroom.answers.summaries",
    "tuiroom.answers.capture",
    "tuiroom.answers.forms",
    "tuiroom.programme.models",
    "tuiroom.programme.loading",
    "tuiroom.programme.checks",
    "tuiroom.programme.lenient",
    "tuiroom.programme.problems",
    "tuiroom.programme.positions",
    "tuiroom.programme.times",
    "tuiroom.i18n",
    "tuiroom.fmt",
    "tuiroom.programme.report",
    "tuiroom.cli.launch",
    "tuiroom.paths",
    "tuiroom.store",
    "tuiroom.store.sync",
    "tuiroom.store.database",
    "tuiroom.store.schema",
    "tuiroom.store.programme_rows",
    "tuiroom.cli.main",
    "tuiroom.day.runner",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"{module} pulls in {done.stdout.strip()} {done.stderr}"
