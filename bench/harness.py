"""Run a terminal app in a pseudo-terminal and measure it: CPU time over a window, and the
time from spawn until a marker string first appears in what it draws.

Only the standard library is used, so the harness measures the app and nothing of its own
imports. Linux only: CPU time is read from /proc/<pid>/stat.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import statistics
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SIZE = (120, 35)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def parse_size(text: str) -> tuple[int, int]:
    """ "120x35" as (columns, rows)."""
    columns, _, rows = text.lower().partition("x")
    return int(columns), int(rows)


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all of its threads), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces; everything after its ')' splits cleanly.
    fields = stat[stat.rindex(")") + 2 :].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / CLOCK_TICKS


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured app: that of a facilitator's terminal.

    PYTHONDONTWRITEBYTECODE goes: an installed tuiroom has its bytecode (pip compiles it,
    as it did Textual's), and a shell that forbids writing it would time the compiling of
    every tuiroom module on every start against a baseline that compiles almost nothing.
    The untimed first start of each app writes it.
    """
    env = dict(os.environ)
    for name in ("COLUMNS", "LINES", "TEXTUAL", "TEXTUAL_DEVTOOLS_PORT", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env["TERM"] = "xterm-256color"
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra or {})
    return env


class Terminal:
    """One child process on its own pseudo-terminal, with its output drained by a thread."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        size: tuple[int, int] = DEFAULT_SIZE,
        marker: str | None = None,
        env: dict[str, str] | None = None,
        cwd: Path | str | None = None,
    ) -> None:
        self.command = list(command)
        self.marker = marker.encode() if marker else None
        self.marker_at: float | None = None  # seconds after spawn
        self.seen = threading.Event()
        self.output_bytes = 0
        self._tail = b""
        columns, rows = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.master = master
        self.spawned = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=child_env(env),
            cwd=cwd,
            start_new_session=True,
            preexec_fn=_take_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.pid = self.process.pid
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()

    def _drain(self) -> None:
        keep = len(self.marker) - 1 if self.marker else 0
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child side closed
                return
            if not chunk:
                return
            now = time.perf_counter()
            self.output_bytes += len(chunk)
            if self.marker and self.marker_at is None:
                window = self._tail + chunk
                if self.marker in window:
                    self.marker_at = now - self.spawned
                    self.seen.set()
                self._tail = window[-keep:] if keep else b""

    def wait_marker(self, timeout: float) -> float | None:
        """Seconds from spawn to the marker, or None if it did not show within `timeout`."""
        self.seen.wait(timeout)
        return self.marker_at

    def alive(self) -> bool:
        return self.process.poll() is None

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def close(self) -> None:
        """Stop the child (its own session: only what we started) and the drain thread."""
        if self.alive():
            for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
                try:
                    os.killpg(self.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        self.process.wait()
        self._drainer.join(2.0)
        with contextlib.suppress(OSError):
            os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_terminal() -> None:
    """In the child: make the pty (already stdin) its controlling terminal, like a shell."""
    with contextlib.suppress(OSError):
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class BenchError(RuntimeError):
    """The app did not start, or died during the measurement."""


@dataclass(frozen=True)
class CpuSample:
    cpu_s: float  # user + system seconds in the window
    wall_s: float  # length of the window by perf_counter
    output_bytes: int = 0  # what the app wrote to its terminal in the window

    @property
    def share(self) -> float:
        """CPU seconds per wall second (0.01 = 1 % of one core)."""
        return self.cpu_s / self.wall_s if self.wall_s else 0.0


def measure_cpu(
    command: Sequence[str],
    seconds: float,
    *,
    warmup: float = 5.0,
    marker: str | None = None,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: dict[str, str] | None = None,
    start_timeout: float = 30.0,
    keys: bytes = b"",
) -> CpuSample:
    """CPU time the command spends over `seconds`, after it drew `marker` and `warmup` s;
    `keys` are typed once the marker is there (a rehearsal's Space starts its day)."""
    with Terminal(command, size=size, marker=marker, env=env) as term:
        if marker is not None and term.wait_marker(start_timeout) is None:
            raise BenchError(f"{marker!r} never appeared: {' '.join(command)}")
        if keys:
            time.sleep(0.5)  # the agenda's keys are bound once its body is mounted
            os.write(term.master, keys)
        time.sleep(warmup)
        if not term.alive():
            raise BenchError(f"exited during warm-up: {' '.join(command)}")
        cpu0, wall0, out0 = term.cpu(), time.perf_counter(), term.output_bytes
        time.sleep(seconds)
        cpu1, wall1, out1 = term.cpu(), time.perf_counter(), term.output_bytes
        if not term.alive():
            raise BenchError(f"exited during the measurement: {' '.join(command)}")
    return CpuSample(cpu1 - cpu0, wall1 - wall0, out1 - out0)


def measure_startup(
    command: Sequence[str],
    marker: str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> float:
    """Seconds from spawn until `marker` first appears in the raw output."""
    with Terminal(command, size=size, marker=marker, env=env) as term:
        elapsed = term.wait_marker(timeout)
    if elapsed is None:
        raise BenchError(f"{marker!r} did not appear within {timeout:.0f} s: {' '.join(command)}")
    return elapsed


def median_startup(
    command: Sequence[str],
    marker: str,
    runs: int,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: dict[str, str] | None = None,
) -> tuple[float, list[float]]:
    """The median of `runs` startups, and every one of them."""
    times = [measure_startup(command, marker, size=size, env=env) for _ in range(runs)]
    return statistics.median(times), times
