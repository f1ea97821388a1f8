"""How long the groups screen takes to show 650 leaders in 100 network groups.

Runs the real app headless (Textual's Pilot) on a database of 650 invented leaders in
100 groups with a role draw for all of them, and measures, from the key press to the
screen being drawn: the attendance table, and the role cards of all 100 groups. The
baseline, in the same run: a bare Textual app that shows a DataTable of 650 rows.

    .venv/bin/python bench/bench_groups_screen.py [--runs 5]

Prints milliseconds, the ratio to the baseline and one line per target; exits 1 if a
target is missed (rendering in under 300 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_draws import invented_people  # noqa: E402

from tuiroom.app import make_app  # noqa: E402
from tuiroom.day.clock import FakeClock, at_time_of_day  # noqa: E402
from tuiroom.groups import work as groupwork  # noqa: E402
from tuiroom.programme.loading import load_programme  # noqa: E402
from tuiroom.store import Store  # noqa: E402
from tuiroom.widgets.cards import CardGrid  # noqa: E402

TARGET_MS = 300.0
SIZE = (120, 35)


def big_store(folder: Path) -> tuple[Store, int]:
    """The Seljord day with 650 people in 100 network groups instead of its own six."""
    people = invented_people()
    groups: dict[str, list[str]] = {}
    for person in people:
        groups.setdefault(person.group, []).append(person.name)
    text = Path(HERE.parent / "data" / "seljord.toml").read_text("utf-8")
    head, _, rest = text.partition("[[group]]")
    samlinger = rest[rest.index("[[samling]]") :]
    blocks = "".join(
        f'[[group]]\nname = "{name}"\nmembers = [{", ".join(repr(m) for m in members)}]\n\n'
        for name, members in groups.items()
    ).replace("'", '"')
    path = folder / "big.toml"
    path.write_text(head + blocks + samlinger, encoding="utf-8")
    store = Store.open(folder / "big.db")
    store.load(load_programme(path))
    samling = next(s.id for s in store.samlinger() if s.key == "s3")
    sources = groupwork.network_sources(store.roster(samling))
    roles = store.programme().roles  # type: ignore[union-attr]
    groupwork.draw_roles(store, samling, sources, roles, None, False, "nb", seed=1)
    return store, samling


class Frames:
    """Times at which the app sends a frame to the terminal, each frame rendered to
    escape codes as it would be for a real terminal (a headless app skips that step)."""

    def __init__(self, app: App[object]) -> None:
        self.times: list[float] = []
        self.app = app
        display = app._display

        def timed(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is not None:
                if hasattr(renderable, "render_segments"):
                    renderable.render_segments(app.console)
                self.times.append(time.perf_counter())

        app._display = timed  # type: ignore[method-assign]

    async def after_key(self, key: str, ready: Callable[[], bool]) -> float:
        """Milliseconds from a key press to the first frame drawn once ``ready()``."""
        start = time.perf_counter()
        event = events.Key(key, key)  # sent as the terminal driver would send it
        event.set_sender(self.app)
        assert self.app._driver is not None
        self.app._driver.send_message(event)
        while True:
            await asyncio.sleep(0.001)
            if ready():
                seen = time.perf_counter()
                break
        while not self.times or self.times[-1] < seen:
            await asyncio.sleep(0.001)
        return (self.times[-1] - start) * 1000


async def time_screen(store: Store, samling: int) -> tuple[float, float]:
    """Milliseconds to show the attendance table, then the role cards."""
    clock = FakeClock(at_time_of_day(datetime.date(2026, 11, 23), 500))
    app = make_app(store, samling, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = Frames(app)

        def table_ready() -> bool:
            tables = app.screen.query("#attendance-table")
            return bool(tables) and tables.first(DataTable).row_count == 650

        attendance = await frames.after_key("2", table_ready)

        def cards_ready() -> bool:
            grids = app.screen.query("#role-cards")
            return bool(grids) and len(grids.first(CardGrid).cards) == 100

        cards = await frames.after_key("r", cards_ready)
    return attendance, cards


class Baseline(App[None]):
    """A bare app that opens a screen with a DataTable of the same 650 people."""

    BINDINGS = [("2", "open", "")]

    def action_open(self) -> None:
        screen = Screen[None]()
        self.push_screen(screen)
        table = DataTable[str]()
        screen.mount(table)
        table.add_columns("", "Navn", "Gruppe", "E-post")
        for person in invented_people():
            table.add_row("✓", person.name, person.group, "")


async def time_baseline() -> float:
    app = Baseline()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = Frames(app)

        def ready() -> bool:
            tables = app.screen.query(DataTable)
            return bool(tables) and tables.first(DataTable).row_count == 650

        return await frames.after_key("2", ready)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions (default 5)")
    args = parser.parse_args(argv)
    import tempfile

    attendance, cards, baseline = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            store, samling = big_store(Path(folder))
            a, c = asyncio.run(time_screen(store, samling))
            store.close()
        attendance.append(a)
        cards.append(c)
        baseline.append(asyncio.run(time_baseline()))
    base = statistics.median(baseline)
    missed = False
    print(f"tuiroom groups screen · 650 people in 100 groups · median of {args.runs}")
    print(f"baseline_ms {base:.1f} (a bare app opening a DataTable of the same 650 people)")
    for name, values in (("attendance_ms", attendance), ("role_cards_ms", cards)):
        value = statistics.median(values)
        ok = value < TARGET_MS
        missed |= not ok
        print(
            f"{name} {value:.1f} (target < {TARGET_MS:.0f}) ratio_to_baseline "
            f"{value / base:.2f} {'OK' if ok else 'MISSED'}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
