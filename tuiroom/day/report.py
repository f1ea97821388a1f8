"""How the programme's items keep to their time, samling after samling: the timing report
of `tuiroom export --programme` and the programme screen.

Only the live runs count (a rehearsal never does), and only items that ran to their end:
an item not reached, or still running, says nothing about how long it takes.
"""

from __future__ import annotations

from typing import NamedTuple

from tuiroom.store import Store

WORST = 5  # how many of the items that ran over most the report names
OVER_AT = 1.0  # minutes over before an item counts as having run over


class ItemTime(NamedTuple):
    """One item as run in one samling, in minutes."""

    samling: str
    title: str
    kind: str
    planned: float
    actual: float

    @property
    def over(self) -> float:
        """Minutes over its plan (negative: under)."""
        return self.actual - self.planned


class TitleTime(NamedTuple):
    """Every run of the items of one title and kind across the samlinger, in minutes."""

    title: str
    kind: str
    runs: tuple[ItemTime, ...]

    @property
    def planned(self) -> float:
        return sum(r.planned for r in self.runs)

    @property
    def actual(self) -> float:
        return sum(r.actual for r in self.runs)

    @property
    def over(self) -> float:
        return self.actual - self.planned


class TimingReport(NamedTuple):
    titles: tuple[TitleTime, ...]  # in the order they first appear in the programme
    items: tuple[ItemTime, ...]  # samling by samling, item by item

    def worst(self, count: int = WORST) -> list[ItemTime]:
        """The items that ran over most, the most first (the earlier one on a tie)."""
        over = [i for i in self.items if i.over >= OVER_AT]
        return sorted(over, key=lambda i: -i.over)[:count]


def timing_report(store: Store) -> TimingReport:
    items: list[ItemTime] = []
    for samling in store.samlinger():
        run = store.live_run(samling.id)
        timings = store.item_runs(run.id) if run else {}
        for item in store.items(samling.id):
            timing = timings.get(item.id)
            if timing is None or timing.ended is None or item.duration <= 0:
                continue
            actual = (timing.ended - timing.started).total_seconds() / 60
            items.append(ItemTime(samling.title, item.title, item.kind, item.duration, actual))
    grouped: dict[tuple[str, str], list[ItemTime]] = {}
    for time in items:
        grouped.setdefault((time.title.strip().casefold(), time.kind), []).append(time)
    titles = tuple(TitleTime(r[0].title, r[0].kind, tuple(r)) for r in grouped.values())
    return TimingReport(titles, tuple(items))


def signed_minutes(minutes: float) -> str:
    """+12 min, −3 min, 0 min: whole minutes, as a table column reads them."""
    whole = round(minutes)
    if whole == 0:
        return "0 min"
    return f"+{whole} min" if whole > 0 else f"−{-whole} min"


__all__ = ["ItemTime", "TimingReport", "TitleTime", "signed_minutes", "timing_report"]
