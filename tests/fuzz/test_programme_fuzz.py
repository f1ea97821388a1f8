"""Thousands of broken programme files through `tuiroom check`: a message, never a crash.

Each mutant is a bundled programme after one to four seeded mutations (tests/fuzz/
mutate.py). Reproduce one with `programme_mutant(seed)`; a failing one is also written
to $TMPDIR/tuiroom-fuzz/ and named in the failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from tests.fuzz.common import CONTROL, keep
from tests.fuzz.mutate import programme_mutant
from tuiroom.cli.main import main

BATCHES = 20
PER_BATCH = 100
SUBPROCESS_SEEDS = range(900_000, 900_020)


def check_in_process(seed: int, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = programme_mutant(seed)
    path.write_bytes(data)
    try:
        code = main(["check", str(path)])
    except (Exception, SystemExit):  # any escape is the finding
        kept = keep(f"programme-{seed}.toml", data)
        pytest.fail(f"seed {seed} ({kept}) raised:\n{traceback.format_exc()}")
    out, err = capsys.readouterr()
    broken = [
        *([f"exit {code}"] if code not in (0, 2) else []),
        *(["a traceback"] if "Traceback" in out + err else []),
        *[f"control character in {s!r}" for s in (out, err) if CONTROL.search(s)],
        *[
            f"line without the file: {line!r}"
            for line in err.splitlines()
            if line.strip() and not line.startswith(str(path))
        ],
        *(["exit 2 without a message"] if code == 2 and not err.strip() else []),
    ]
    if broken:
        kept = keep(f"programme-{seed}.toml", data)
        pytest.fail(f"seed {seed} ({kept}): " + "; ".join(broken))


@pytest.mark.parametrize("batch", range(BATCHES))
def test_programme_mutants(batch: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "programme.toml"
    for seed in range(batch * PER_BATCH, (batch + 1) * PER_BATCH):
        check_in_process(seed, path, capsys)


def test_programme_mutants_through_the_command(tmp_path: Path) -> None:
    """The real command on a few mutants: exit 0 or 2 and nothing but messages."""
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for seed in SUBPROCESS_SEEDS:
        data = programme_mutant(seed)
        path = tmp_path / f"programme-{seed}.toml"
        path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, "-m", "tuiroom", "check", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
            check=False,
        )
        where = f"seed {seed} (tests.fuzz.mutate.programme_mutant({seed}))"
        assert done.returncode in (0, 2), f"{where}: exit {done.returncode}\n{done.stderr}"
        assert "Traceback" not in done.stderr, f"{where}:\n{done.stderr}"
        assert CONTROL.search(done.stdout + done.stderr) is None, where
        for line in done.stderr.splitlines():
            if line.strip():
                assert line.startswith(str(path)), f"{where}: {line!r}"
