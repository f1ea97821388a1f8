"""How much a running countdown costs, against the least a Textual clock can cost.

Measures, in pseudo-terminals of the same size and in the same run:

* CPU time over a window (after a warm-up) of the minimal app (bench/minimal_clock.py),
  of `tuiroom run FILE --session s3` with the day started, of
  `tuiroom projector --db PATH` following that day with no facilitator window open, and
  of a rehearsal at real speed (`--now HH:MM --speed 1`, this minute, Space pressed):
  it must cost no more than the live day it rehearses;
* time from spawn to the first frame (a marker string in the output) of the three.

Prints a table and one line per target; exits 1 only if a target is missed.
Not a test: figures are ratios against the baseline of the same run, never absolute times.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import (  # noqa: E402
    DEFAULT_SIZE,
    CpuSample,
    measure_cpu,
    measure_startup,
    parse_size,
)
from timing import report  # noqa: E402

SESSION = "s3"
TUIROOM_MARKER = "Velkommen!"  # the title of Samling 3's first item
MINIMAL_MARKER = "READY"
CPU_TARGET = 1.5
REHEARSAL_TARGET = 1.1  # against the live agenda: the same screen, the same ticks
STARTUP_TARGET = 1.3


@dataclass
class Subject:
    name: str
    marker: str
    cpu: list[CpuSample] = field(default_factory=list)
    startup: list[float] = field(default_factory=list)
    keys: bytes = b""  # typed once it has drawn its marker
    timed_start: bool = True  # measured for start-up too


def programme_source() -> Path:
    checkout = HERE.parent / "data" / "seljord.toml"
    if checkout.exists():
        return checkout
    from tuiroom.paths import bundled

    return bundled("seljord.toml")


def prepare(folder: Path) -> tuple[Path, Path]:
    """A copy of the Seljord programme with its database, Samling 3 started just now."""
    from tuiroom.day.clock import SystemClock
    from tuiroom.day.running import Day
    from tuiroom.programme.loading import load_programme
    from tuiroom.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    folder = folder.resolve()
    toml = folder / "seljord.toml"
    shutil.copyfile(programme_source(), toml)
    db = folder / "seljord.tuiroom.db"
    text = toml.read_text(encoding="utf-8")
    store = Store.open(db)
    try:
        store.load(load_programme(toml), toml, text)
        samling = next(s for s in store.samlinger() if s.key == SESSION)
        day = Day.live(store, samling.id, SystemClock())
        day.toggle()
        if day.current() is None:
            raise SystemExit("could not start the day in the benchmark database")
    finally:
        store.close()
    return toml, db


def commands(tuiroom: str, toml: Path, db: Path) -> dict[str, list[str]]:
    return {
        "minimal": [sys.executable, str(HERE / "minimal_clock.py")],
        "agenda": [tuiroom, "run", str(toml), "--session", SESSION],
        "projector": [tuiroom, "projector", "--db", str(db)],
        "rehearsal": [
            *(tuiroom, "run", str(toml), "--session", SESSION),
            *("--now", time.strftime("%H:%M"), "--speed", "1"),
        ],
    }


def ratio_line(name: str, value: float, target: float | None) -> tuple[str, bool]:
    if target is None:
        return f"{name} {value:.2f} (info)", True
    ok = value <= target
    return f"{name} {value:.2f} (target <= {target}) {'OK' if ok else 'MISSED'}", ok


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="CPU window (default 60)")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds before it (default 5)")
    parser.add_argument("--runs", type=int, default=5, help="startup repetitions (default 5)")
    parser.add_argument("--repeat", type=int, default=1, help="CPU rounds, interleaved (default 1)")
    parser.add_argument(
        "--size", type=parse_size, default=DEFAULT_SIZE, help="COLSxROWS (default 120x35)"
    )
    parser.add_argument(
        "--tuiroom",
        default=str(Path(sys.executable).parent / "tuiroom"),
        help="the tuiroom command (default: beside this Python)",
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 10 s windows, 2 starts")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.runs, args.warmup = 10.0, 2, 3.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.tuiroom).exists():
        print(f"no tuiroom command at {args.tuiroom}; install the project first", file=sys.stderr)
        return 2
    columns, rows = args.size
    subjects = {
        "minimal": Subject("minimal", MINIMAL_MARKER),
        "agenda": Subject("agenda", TUIROOM_MARKER),
        "projector": Subject("projector", TUIROOM_MARKER),
        "rehearsal": Subject("rehearsal", TUIROOM_MARKER, keys=b" ", timed_start=False),
    }
    timed = {name: s for name, s in subjects.items() if s.timed_start}
    started = time.perf_counter()
    print(
        f"tuiroom clock benchmark · {columns}x{rows} · CPU {args.seconds:g} s after "
        f"{args.warmup:g} s warm-up × {args.repeat} · startup median of {args.runs}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="tuiroom-bench-") as tmp:
        # Startup: one untimed start of each (disk caches, .pyc files), then interleaved runs.
        toml, db = prepare(Path(tmp) / "startup")
        cmds = commands(args.tuiroom, toml, db)
        for name, subject in timed.items():
            measure_startup(cmds[name], subject.marker, size=args.size)
        for _ in range(args.runs):
            for name, subject in timed.items():
                subject.startup.append(measure_startup(cmds[name], subject.marker, size=args.size))
        # CPU: a freshly started day for every round, so the countdown is never over.
        for round_ in range(args.repeat):
            toml, db = prepare(Path(tmp) / f"round{round_}")
            cmds = commands(args.tuiroom, toml, db)
            for name, subject in subjects.items():
                sample = measure_cpu(
                    cmds[name],
                    args.seconds,
                    warmup=args.warmup,
                    marker=subject.marker,
                    size=args.size,
                    keys=subject.keys,
                )
                subject.cpu.append(sample)
                print(
                    f"  round {round_ + 1} {name:<9} {sample.cpu_s:6.2f} s CPU "
                    f"in {sample.wall_s:5.1f} s",
                    flush=True,
                )

    base = subjects["minimal"]
    print()
    print(f"{'app':<10} {'CPU %':>7} {'CPU s/min':>10} {'out B/s':>8} {'start s':>8}  starts (s)")
    for subject in subjects.values():
        share = statistics.median(s.share for s in subject.cpu)
        written = statistics.median(s.output_bytes / s.wall_s for s in subject.cpu)
        starts = " ".join(f"{s:.2f}" for s in subject.startup)
        start = f"{statistics.median(subject.startup):8.3f}" if subject.startup else f"{'-':>8}"
        print(
            f"{subject.name:<10} {100 * share:6.2f}% {60 * share:10.2f} {written:8.0f} "
            f"{start}  {starts}"
        )

    def cpu_ratio(name: str, against: str = "minimal") -> float:
        pairs = zip(subjects[name].cpu, subjects[against].cpu, strict=True)
        return statistics.median(s.share / b.share if b.share else float("inf") for s, b in pairs)

    def startup_ratio(name: str) -> float:
        return statistics.median(subjects[name].startup) / statistics.median(base.startup)

    lines = [
        ratio_line("agenda_cpu_ratio", cpu_ratio("agenda"), CPU_TARGET),
        ratio_line("projector_cpu_ratio", cpu_ratio("projector"), CPU_TARGET),
        ratio_line("rehearsal_cpu_ratio", cpu_ratio("rehearsal"), CPU_TARGET),
        ratio_line(
            "rehearsal_to_live_day", cpu_ratio("rehearsal", against="agenda"), REHEARSAL_TARGET
        ),
        ratio_line("startup_ratio", startup_ratio("agenda"), STARTUP_TARGET),
        ratio_line("projector_startup_ratio", startup_ratio("projector"), None),
    ]
    print(f"(took {time.perf_counter() - started:.0f} s)")
    return report(lines)


if __name__ == "__main__":
    sys.exit(main())
