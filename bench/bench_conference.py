"""The groups screen, finding someone and the projector at conference size, against the
same steps on the bundled example.

The conference is the Seljord programme with 646 invented leaders in 100 network groups
(bench/conference.py), 10 of them away, so a draw of trios gives 212; the example is the
bundled programme itself (33 leaders in six groups). Both run headless in the real app
(Textual's Pilot) at 160×45, Samling 3 running, and each step is timed from the key press
to the frame that shows its result, rendered to escape codes as a terminal would get it
(bench_groups_screen.Frames):

* tab_attendance, tab_new_groups, tab_roles: opening the groups screen (2) and its tabs
  (n, r) for the first time;
* draw: t in the New groups tab, trios, mixed, avoiding repeats;
* role_draw: t in the Roles tab;
* arrow: one → on the role cards;
* find: the "where is …" lookup of one name through the core functions of type-to-find
  (tuiroom.groups.finding and .people): everyone made findable, then the name found;
  skipped with a note when this tree does not have them (see --find-from);
* projector: from starting the projector's app to the first frame with every role card
  (of the first page) on it.

    nice .venv/bin/python bench/bench_conference.py [--runs 3] [--find-from CHECKOUT]

Prints the median milliseconds of each step at both sizes and their ratio. The ratios
are information, not targets (exit code 0); the targets of the screens themselves are in
bench_groups_screen.py and bench_draws.py.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bench_groups_screen import Frames
from conference import SELJORD, loaded, open_store
from textual import events

from tuiroom.app import make_app
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.projector_app import ProjectorApp
from tuiroom.store import Store
from tuiroom.textual_private import rendered_strips
from tuiroom.widgets.cards import CardGrid

SIZE = (160, 45)
AWAY = 10  # people marked away at the conference: 636 present, 212 trios
DAY = datetime.date(2023, 9, 21)  # Samling 3's own date
SECRETARY = "Sekretær"
TIMEOUT = 60.0  # seconds a step may take before the benchmark gives up on it
STEPS = ("tab_attendance", "tab_new_groups", "draw", "tab_roles", "role_draw", "arrow")


class Drawn(Frames):
    """Frames, and a frame is only waited for a while: when the one that shows the
    result went out in the same instant the result was seen, none follows it."""

    async def after_key(self, key: str, ready: Callable[[], bool]) -> float:
        start = time.perf_counter()
        event = events.Key(key, key)
        event.set_sender(self.app)
        assert self.app._driver is not None
        self.app._driver.send_message(event)
        while not ready():
            await asyncio.sleep(0.001)
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"{key}: no result after {TIMEOUT} s")
        seen = time.perf_counter()
        while (not self.times or self.times[-1] < seen) and time.perf_counter() - seen < 1:
            await asyncio.sleep(0.001)
        drawn = self.times[-1] if self.times and self.times[-1] >= seen else seen
        return (drawn - start) * 1000


def example_store(folder: Path) -> tuple[Store, int]:
    return loaded(SELJORD, folder / "example.db")


def started(store: Store, samling: int) -> FakeClock:
    """Samling 3 running from 08:30, the clock at 08:40; the conference's first AWAY away."""
    clock = FakeClock(at_time_of_day(DAY, 8 * 60 + 30))
    Day.live(store, samling, clock).toggle()
    clock.set(at_time_of_day(DAY, 8 * 60 + 40))
    roster = store.roster(samling)
    if len(roster) > 100:  # one away at each of the first tables
        firsts = {p.group: p for p in reversed(roster)}
        for person in list(firsts.values())[-AWAY:]:
            store.set_present(samling, person.id, False)
    return clock


def cards_of(app: object, grid_id: str) -> CardGrid | None:
    found = app.screen.query(f"#{grid_id}")
    return found.first(CardGrid) if found else None


async def screen_steps(store: Store, samling: int, clock: FakeClock) -> dict[str, float]:
    """Milliseconds of each step of the groups screen; v leaves the role cards on stage."""
    app = make_app(store, samling, clock=clock)
    groups = len({p.group for p in store.roster(samling)})
    times: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = Drawn(app)
        people = len(store.roster(samling))

        def table_ready() -> bool:
            tables = app.screen.query("#attendance-table")
            return bool(tables) and tables.first().row_count == people

        times["tab_attendance"] = await frames.after_key("2", table_ready)
        await pilot.pause()
        times["tab_new_groups"] = await frames.after_key(
            "n", lambda: bool(app.screen.query("#mode"))
        )
        await pilot.pause()
        app.screen.query_one("#mode").value = "trios"
        await pilot.pause()
        times["draw"] = await frames.after_key("t", drawn(app, store, samling))
        await pilot.pause()

        def roles_ready() -> bool:
            grid = cards_of(app, "role-cards")
            return grid is not None and len(grid.cards) == groups

        times["tab_roles"] = await frames.after_key("r", roles_ready)
        await pilot.pause()
        grid = cards_of(app, "role-cards")
        assert grid is not None
        grid.focus()  # where the pane puts it once built; a key typed earlier went elsewhere
        await pilot.pause()
        before = store.current_role_draw(samling)
        times["role_draw"] = await frames.after_key(
            "t", lambda: store.current_role_draw(samling) != before and roles_ready()
        )
        await pilot.pause()
        card = grid.selected[0]
        times["arrow"] = await frames.after_key("right", lambda: grid.selected[0] != card)
        await pilot.pause()
        await pilot.press("v")  # the role cards on the projector, for its first frame
        await pilot.pause()
    return times


def drawn(app: object, store: Store, samling: int) -> Callable[[], bool]:
    before = store.current_grouping(samling)

    def ready() -> bool:
        grouping = store.current_grouping(samling)
        grid = cards_of(app, "regroup-cards")
        return (
            grouping is not None
            and grouping != before
            and grid is not None
            and len(grid.cards) == len(grouping.groups)
        )

    return ready


async def projector_first_frame(db: Path, clock: FakeClock) -> float:
    """Milliseconds from starting the projector to a frame with the role cards."""
    start = time.perf_counter()
    app = ProjectorApp(db, clock_for=lambda run: clock)
    async with app.run_test(size=SIZE):
        while not any(SECRETARY in strip.text for strip in rendered_strips(app.screen)):
            await asyncio.sleep(0.002)
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"the projector showed no role cards after {TIMEOUT} s")
        return (time.perf_counter() - start) * 1000


def finding_modules(checkout: Path | None) -> tuple[ModuleType, ModuleType] | None:
    """tuiroom.groups.people and .finding: this tree's, else the ones in `checkout`."""
    try:
        from tuiroom.groups import finding, people

        return people, finding
    except ImportError:
        if checkout is None:
            return None
    loaded = []
    for name in ("people", "finding"):
        path = checkout / "tuiroom" / "groups" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"tuiroom.groups.{name}", path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        loaded.append(module)
    return loaded[0], loaded[1]


def find_ms(store: Store, samling: int, modules: tuple[ModuleType, ModuleType]) -> float:
    """Everyone made findable, then the last person on the roster found by name."""
    people, finding = modules
    roster = store.roster(samling)
    grouping = store.current_grouping(samling)
    wanted = roster[-1].name

    def once() -> None:
        found = finding.everyone(roster, grouping)
        hits = people.find(wanted, [(f, f.text) for f in found])
        assert hits, wanted

    times = []
    for _ in range(9):
        begun = time.perf_counter()
        once()
        times.append(time.perf_counter() - begun)
    return 1000 * statistics.median(times)


def one_run(build: Callable[[Path], tuple[Store, int]], modules: object) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        store, samling = build(Path(folder))
        clock = started(store, samling)
        times = asyncio.run(screen_steps(store, samling, clock))
        if modules is not None:
            times["find"] = find_ms(store, samling, modules)
        times["projector"] = asyncio.run(
            projector_first_frame(Path(folder) / db_name(build), clock)
        )
        store.close()
    return times


def db_name(build: Callable[[Path], tuple[Store, int]]) -> str:
    return "conference.db" if build is open_store else "example.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each size (default 3)")
    parser.add_argument(
        "--find-from",
        type=Path,
        help="a checkout with tuiroom/groups/finding.py, if this tree has none yet",
    )
    args = parser.parse_args(argv)
    modules = finding_modules(args.find_from)
    runs: dict[str, list[dict[str, float]]] = {"example": [], "conference": []}
    for _ in range(args.runs):  # interleaved, so both see the same load
        runs["example"].append(one_run(example_store, modules))
        runs["conference"].append(one_run(open_store, modules))
    print(f"tuiroom at conference size · 646 people, 100 groups · median of {args.runs} · ms")
    print(f"{'step':16} {'example':>9} {'conference':>11} {'ratio':>7}")
    for step in (*STEPS, "find", "projector"):
        if step not in runs["example"][0]:
            print(f"{step:16} {'-':>9} {'-':>11} {'-':>7}  (no tuiroom.groups.finding here)")
            continue
        small = statistics.median(r[step] for r in runs["example"])
        large = statistics.median(r[step] for r in runs["conference"])
        print(f"{step:16} {small:9.1f} {large:11.1f} {large / small:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
