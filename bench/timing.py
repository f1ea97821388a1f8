"""What the benchmarks share: the median of timed runs, the line that states a figure
against its target and the same-run baseline, the verdict at the end, and the
--runs/--quick options."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable


def median_ms(run: Callable[[int], object], runs: int) -> float:
    """Median milliseconds of `runs` calls; each call gets its run number (a seed)."""
    times = []
    for number in range(runs):
        started = time.perf_counter()
        run(number)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def target_line(name: str, ms: float, base_ms: float, target: float) -> tuple[str, bool]:
    ok = ms < target
    ratio = ms / base_ms if base_ms else float("inf")
    verdict = "OK" if ok else "MISSED"
    return f"{name} {ms:.1f} (target < {target:g}) ratio_to_baseline {ratio:.1f} {verdict}", ok


def report(lines: list[tuple[str, bool]]) -> int:
    """Print the target lines after a blank one; the exit code says whether all were met."""
    print()
    for line, _ in lines:
        print(line)
    return 0 if all(ok for _, ok in lines) else 1


def runs_args(doc: str, argv: list[str] | None, runs: int, quick: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=runs, help=f"timed runs of each (default {runs})"
    )
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {quick} runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = quick
    return args
