"""The core never imports Textual: it must run in a worker, a test or a script alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "tuiroom.export",
    "tuiroom.summaries",
    "tuiroom.capture",
    "tuiroom.answer_forms",
    "tuiroom.programme",
    "tuiroom.loading",
    "tuiroom.checks",
    "tuiroom.lenient",
    "tuiroom.problems",
    "tuiroom.tomlpos",
    "tuiroom.timeparse",
    "tuiroom.i18n",
    "tuiroom.fmt",
    "tuiroom.report",
    "tuiroom.launch",
    "tuiroom.paths",
    "tuiroom.store",
    "tuiroom.store.sync",
    "tuiroom.store.database",
    "tuiroom.store.schema",
    "tuiroom.store.programme_rows",
    "tuiroom.cli",
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
