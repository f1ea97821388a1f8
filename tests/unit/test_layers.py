"""The layers of the house, checked for every module rather than a hand list.

The core packages (the programme file, the day, groups, answers, notes, the store and the
few shared modules beside them) must run in a worker, a test or a script alone: none of
them imports Textual, a screen, a widget, the apps or the command line, not even inside a
function. And only the store speaks SQL.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import tuiroom

PACKAGE = Path(tuiroom.__file__).parent
CORE_PACKAGES = ("programme", "day", "groups", "answers", "notes", "store", "locales")
CORE_MODULES = ("i18n", "cldr", "fmt", "names", "paths", "visible", "startup")
# What the core may never reach: Textual, and every tuiroom module that is not core.
UI_PACKAGES = ("screens", "widgets", "cli")
UI_MODULES = ("app", "projector_app", "commands", "sections", "themes", "textual_private")
SQL = re.compile(
    r"\b(select\b.+\bfrom|insert\s+(or\s+\w+\s+)?into|update\s+\w+\s+set|delete\s+from"
    r"|create\s+(virtual\s+)?(table|index|trigger|view)|drop\s+(table|index)|pragma\s+\w+)\b",
    re.IGNORECASE | re.DOTALL,
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def is_core(name: str) -> bool:
    rest = name.removeprefix("tuiroom.").split(".")
    return rest[0] in CORE_PACKAGES or (len(rest) == 1 and rest[0] in CORE_MODULES)


def is_ui(name: str) -> bool:
    rest = name.removeprefix("tuiroom.").split(".")
    return rest[0] in UI_PACKAGES or (len(rest) == 1 and rest[0] in UI_MODULES)


def imported(path: Path, own: str = "") -> Iterator[tuple[int, str]]:
    """Every module a file imports, at any depth in the file, with its line."""
    own = own or module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:  # `from tuiroom import app` imports tuiroom.app
                yield node.lineno, f"{base}.{alias.name}"


def strings(path: Path) -> Iterator[tuple[int, str]]:
    """Every string constant of a file that is not a docstring."""
    tree = ast.parse(path.read_text(), str(path))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_every_module_is_either_core_or_interface() -> None:
    """A new module must be placed on one side of the line, so this test sees it."""
    names = [module_name(p) for p in all_modules()]
    unplaced = [n for n in names if n != "tuiroom" and n != "tuiroom.__main__"]
    unplaced = [n for n in unplaced if not is_core(n) and not is_ui(n)]
    assert not unplaced, f"place these in CORE_* or UI_* of {__file__}: {unplaced}"
    assert sum(map(is_core, names)) > 30, "the walk found the core packages"


@pytest.mark.parametrize("path", [p for p in all_modules() if is_core(module_name(p))], ids=str)
def test_core_module_imports_no_textual_and_no_interface(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {name}"
        for line, name in imported(path)
        if name.split(".")[0] in ("textual", "rich")
        or (name.startswith("tuiroom.") and is_ui(name))
    ]
    assert not bad, bad


def test_sql_only_in_the_store() -> None:
    found = []
    for path in all_modules():
        name = module_name(path)
        if name.startswith("tuiroom.store"):
            continue
        found += [f"{name}:{line}" for line, s in strings(path) if SQL.search(s)]
        found += [
            f"{name}:{line}: imports {mod}"
            for line, mod in imported(path)
            if mod.split(".")[0] == "sqlite_utils"
        ]
        text = path.read_text()
        found += [f"{name}: calls {m}" for m in re.findall(r"\.execute(?:many|script)?\(", text)]
    assert not found, f"SQL outside tuiroom/store: {found}"


def test_the_walk_sees_what_it_must_refuse(tmp_path: Path) -> None:
    """The checks above can fail: a forbidden import inside a function, and SQL."""
    probe = PACKAGE / "day" / "_probe_for_layers_test.py"
    probe.write_text(
        'def f():\n    from tuiroom.screens import agenda\n    return "SELECT x FROM y"\n'
    )
    try:
        names = [n for _, n in imported(probe)]
        assert "tuiroom.screens.agenda" in names
        assert any(SQL.search(s) for _, s in strings(probe))
    finally:
        probe.unlink()


def test_importing_the_whole_core_loads_no_textual() -> None:
    """At run time too, through every import the core makes."""
    core = [module_name(p) for p in all_modules() if is_core(module_name(p))]
    code = (
        f"import importlib, sys\nfor m in {core!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"the core pulls in {done.stdout.strip()} {done.stderr}"
