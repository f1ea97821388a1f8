"""Where a running app spends its CPU: cProfile over a window of its steady state.

    python bench/profile_app.py agenda|projector|minimal [--seconds 60] [--top 30]
    python bench/profile_app.py agenda --startup    # spawn to first frame instead

Prepares the same database as bench_clock.py, starts the app in a pseudo-terminal under
cProfile (profiling off), waits for its first frame and a warm-up, turns profiling on
with SIGUSR1 for the window, then SIGUSR2 writes the stats and ends the app. Only the
main thread (the asyncio loop: timers, layout, rendering) is profiled; Textual writes
to the terminal from a thread of its own. With --startup, profiling is on from the start
(imports included) and the stats are written as soon as the first frame is out.
"""

from __future__ import annotations

import argparse
import os
import pstats
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_clock import MINIMAL_MARKER, TUIROOM_MARKER, commands, prepare  # noqa: E402
from harness import DEFAULT_SIZE, Terminal, cpu_seconds, parse_size  # noqa: E402

WRAPPER = """
import cProfile, os, runpy, signal, sys
out = sys.argv.pop(1)
profiler = cProfile.Profile()
def start(*_):
    profiler.enable()
def stop(*_):
    profiler.disable()
    profiler.dump_stats(out)
    os._exit(0)
signal.signal(signal.SIGUSR1, start)
signal.signal(signal.SIGUSR2, stop)
if os.environ.pop("BENCH_PROFILE_STARTUP", ""):
    start()
target = sys.argv[1]
sys.argv = sys.argv[1:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    from tuiroom.cli.main import main
    sys.exit(main())
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app", choices=("minimal", "agenda", "projector"))
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--size", type=parse_size, default=DEFAULT_SIZE)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    parser.add_argument("--out", type=Path, help="keep the .prof file here")
    parser.add_argument(
        "--startup", action="store_true", help="profile from spawn to the first frame instead"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="tuiroom-profile-") as tmp:
        toml, db = prepare(Path(tmp) / "day")
        command = commands(str(Path(sys.executable).parent / "tuiroom"), toml, db)[args.app]
        out = args.out or Path(tmp) / "app.prof"
        script = Path(tmp) / "wrapper.py"
        script.write_text(WRAPPER)
        # minimal: [python, minimal_clock.py]; tuiroom: run its CLI in-process, named "tuiroom"
        target = command[1:] if args.app == "minimal" else ["tuiroom", *command[1:]]
        wrapped = [sys.executable, str(script), str(out), *target]
        marker = MINIMAL_MARKER if args.app == "minimal" else TUIROOM_MARKER
        env = {"BENCH_PROFILE_STARTUP": "1"} if args.startup else None
        with Terminal(wrapped, size=args.size, marker=marker, env=env) as term:
            if term.wait_marker(30) is None:
                print("the app did not draw its first frame", file=sys.stderr)
                return 2
            if args.startup:
                os.kill(term.pid, signal.SIGUSR2)
                term.process.wait(10)
                print(f"{args.app}: first frame after {term.marker_at:.3f} s (with cProfile on)")
                pstats.Stats(str(out)).sort_stats(args.sort).print_stats(args.top)
                return 0
            time.sleep(args.warmup)
            cpu0 = cpu_seconds(term.pid)
            os.kill(term.pid, signal.SIGUSR1)
            time.sleep(args.seconds)
            cpu1 = cpu_seconds(term.pid)
            os.kill(term.pid, signal.SIGUSR2)
            term.process.wait(10)
        print(f"{args.app}: {cpu1 - cpu0:.2f} s CPU in {args.seconds:g} s (with cProfile on)")
        stats = pstats.Stats(str(out))
        stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
