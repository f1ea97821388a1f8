"""A real terminal for end-to-end tests: the installed command inside tmux."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).parent / "tuiroom"


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    if not COMMAND.exists():
        pytest.skip(f"{COMMAND} is not installed")


class Tmux:
    """One tmux server and session of its own, so tests never touch the user's tmux."""

    def __init__(self, width: int = 120, height: int = 35) -> None:
        self.socket = f"tuiroom-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def start(
        self,
        args: list[str],
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        assignments = [f"{k}={shlex.quote(v)}" for k, v in (env or {}).items()]
        line = " ".join(
            [
                "env",
                "-u",
                "COLUMNS",
                "-u",
                "LINES",
                "TERM=xterm-256color",
                *assignments,
                shlex.quote(str(COMMAND)),
                *map(shlex.quote, args),
            ]
        )
        if cwd is not None:
            line = f"cd {shlex.quote(str(cwd))} && {line}"
        # Keep the pane open after the command ends so its last words can be read.
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            f"{line}; echo EXIT=$?; sleep 600",
        )

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "main", key)
            time.sleep(0.15)

    def burst(self, *keys: str) -> None:
        """Keys sent in one go, as fast as a hurried hand: no pause between them."""
        self.tmux("send-keys", "-t", "main", *keys)

    def text(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def wait_for(self, needle: str, timeout: float = 20.0, poll: float = 0.2) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.text()
            if needle in screen:
                return screen
            time.sleep(poll)
        raise AssertionError(f"{needle!r} never appeared on screen:\n{screen}")

    def close(self) -> None:
        self.tmux("kill-server")
