"""Memory over a long day: switches screens and tabs 500 times at conference size.

Runs the real app headless (Textual's Pilot) on the Seljord day with 646 invented
leaders in 100 network groups (bench/conference.py), and presses, over and over, the
keys a facilitator moves around with: 2 (groups), n (new groups), r (roles),
o (attendance), 1 (agenda). The first round opens every screen and tab once; the
resident memory of the process (VmRSS, after a garbage collection) is measured then and
after every 100 switches. Target: under 10 MB of growth over the first visit.

    nice .venv/bin/python bench/bench_memory.py [--switches 500]

Prints the growth after each 100 switches and one line against the target; exits 1 if
it is missed. Linux only (it reads /proc/self/status).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import gc
import sys
import tempfile
import time
from pathlib import Path

from conference import open_store
from textual.app import App
from textual.widgets import ContentSwitcher
from timing import report

from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock, at_time_of_day

TARGET_MB = 10.0
ROUND = ("2", "n", "r", "o", "1")
WHERE = {  # where each key of the round must lead: the section and the tab in view
    "2": ("groups", "attendance"),
    "n": ("groups", "regroup"),
    "r": ("groups", "roles"),
    "o": ("groups", "attendance"),
    "1": ("agenda", None),
}
SIZE = (160, 45)


def visible_tab(app: App[object]) -> str | None:
    switchers = app.screen.query(ContentSwitcher)
    return switchers.first(ContentSwitcher).current if switchers else None


def rss_mb() -> float:
    """Resident memory of this process after a full garbage collection."""
    gc.collect()
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def switching(folder: Path, switches: int) -> tuple[float, list[tuple[int, float]]]:
    """Memory after the first round, and the growth over it every 100 switches."""
    store, samling = open_store(folder)
    clock = FakeClock(at_time_of_day(datetime.date(2023, 9, 21), 8 * 60 + 40))
    app = make_app(store, samling, clock=clock)
    growth: list[tuple[int, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ROUND:
            await pilot.press(key)
            await pilot.pause()
        first = rss_mb()
        for done in range(1, switches + 1):
            key = ROUND[(done - 1) % len(ROUND)]
            await pilot.press(key)
            await pilot.pause()
            where = (app.current_mode, visible_tab(app))
            assert where == WHERE[key], f"switch {done}: {key} led to {where}, not {WHERE[key]}"
            if done % 100 == 0 or done == switches:
                growth.append((done, rss_mb() - first))
                print(f"{done:4d} switches  {growth[-1][1]:+7.1f} MB", flush=True)
    store.close()
    return first, growth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--switches", type=int, default=500, help="key presses (default 500)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        first, growth = asyncio.run(switching(Path(folder), args.switches))
    grown = growth[-1][1]
    print(
        f"first visit {first:.1f} MB; {args.switches} switches took "
        f"{time.perf_counter() - started:.0f} s"
    )
    ok = grown < TARGET_MB
    verdict = "OK" if ok else "MISSED"
    return report([(f"growth_mb {grown:.1f} (target < {TARGET_MB:g}) {verdict}", ok)])


if __name__ == "__main__":
    sys.exit(main())
