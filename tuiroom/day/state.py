"""What a running samling is at one instant: its plan, the run's state in the store, and
the questions every screen asks of it (what runs now, what comes next, how the day ends).

`DayState` reads and saves; the keys that change the day live on `Day` in
`tuiroom.day.running`, which builds on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Self

from tuiroom.day.changes import Agenda, apply
from tuiroom.day.clock import Clock, at_time_of_day, local_date
from tuiroom.day.phases import phase_deadline, settle
from tuiroom.day.schedule import Cut, ItemTiming, PlanItem, Projection, project, propose_cut
from tuiroom.store import Store
from tuiroom.store.records import (
    DayChangeRow,
    ExerciseRow,
    ExerciseRunRow,
    ItemRow,
    ItemRunRow,
    RunRow,
)


class DayState:
    """The plan and saved state of one run. Facilitator windows write; a projector only
    reads."""

    def __init__(self, store: Store, run: RunRow, clock: Clock, *, writable: bool = True) -> None:
        self.store, self.run, self.clock, self.writable = store, run, clock, writable
        self.items: list[ItemRow] = store.items(run.samling_id)
        self.exercises: dict[int, list[ExerciseRow]] = store.exercises(run.samling_id)
        self.file_items, self.file_exercises = self.items, self.exercises
        self.changes: list[DayChangeRow] = []
        self.agenda = Agenda(self.items, self.exercises, {}, [])
        samling = store.samling(run.samling_id)
        self.date: dt.date | None = samling.date if samling else None
        self.reload()

    @classmethod
    def live(cls, store: Store, samling_id: int, clock: Clock) -> Self:
        """The samling's live run, created on first use and resumed ever after."""
        run = store.live_run(samling_id)
        if run is None:
            now = clock.now()
            run = store.create_run(
                samling_id,
                "live",
                local_date(now),
                now,
                now,
                1.0,
                autopilot=False,
            )
        return cls(store, run, clock)

    @classmethod
    def fresh(
        cls, store: Store, samling_id: int, clock: Clock, rehearsal: bool, autopilot: bool = False
    ) -> Self:
        """A new run of the samling from nothing; earlier runs are kept, not deleted."""
        if rehearsal:
            return cls.rehearsal(store, samling_id, clock, clock.now(), autopilot=autopilot)
        now = clock.now()
        run = store.create_run(samling_id, "live", local_date(now), now, now, 1.0, autopilot=False)
        return cls(store, run, clock)

    @classmethod
    def rehearsal(
        cls,
        store: Store,
        samling_id: int,
        clock: Clock,
        real: dt.datetime,
        *,
        autopilot: bool = False,
    ) -> Self:
        """A fresh run on `clock`, apart from the live one. It is kept like a live day
        (an item runs over until the facilitator moves on); with `autopilot` it follows
        the plan by itself."""
        now = clock.now()
        run = store.create_run(
            samling_id,
            "rehearsal",
            local_date(now),
            real,
            now,
            clock.speed,
            autopilot=autopilot,
        )
        return cls(store, run, clock)

    # ── state ─────────────────────────────────────────────────────────────────

    def reload(self) -> None:
        """Read the run's state again (after a write, or when another window wrote)."""
        run = self.store.run(self.run.id)
        self.run = run or self.run
        self.timings: dict[int, ItemRunRow] = self.store.item_runs(self.run.id)
        self.exercise_runs: dict[int, ExerciseRunRow] = self.store.exercise_runs(self.run.id)
        self.active_cuts = self.store.cuts(self.run.id)
        self.plan_cuts: dict[int, float] = {}
        for cut in self.active_cuts:
            for change in cut.changes:
                if not change.on_deadline:
                    self.plan_cuts[change.item_id] = (
                        self.plan_cuts.get(change.item_id, 0) + change.seconds
                    )
        self.follow_changes()

    def follow_changes(self) -> None:
        """The agenda as changed on the day (tuiroom.day.changes), read again only when
        the run's changes did."""
        changes = self.store.day_changes(self.run.id)
        if changes == self.changes:
            return
        added = self.store.day_items(self.run.id) if changes else {}
        self.changes = changes
        self.agenda = apply(self.file_items, self.file_exercises, added, changes)
        self.items, self.exercises = self.agenda.items, self.agenda.exercises

    @property
    def paused(self) -> bool:
        return self.run.paused_at is not None

    def now(self) -> dt.datetime:
        """The clock's now, or the instant of pausing while paused: time stands still."""
        return self.run.paused_at or self.clock.now()

    def planned(self) -> bool:
        """A live day not begun, opened on another date than the samling's: it is shown as
        planned, never projected from now (Space still starts it now, as today)."""
        today = local_date(self.clock.now())
        return self.run.mode == "live" and not self.timings and self.date not in (None, today)

    def day(self) -> dt.date:
        """The date the plan's times refer to: today until the first item starts (the
        samling's own date while it is only planned)."""
        if self.timings:
            return self.run.day
        if self.planned() and self.date is not None:
            return self.date
        return local_date(self.clock.now())

    _planned: tuple[dt.date, list[ItemRow], tuple[PlanItem, ...]] | None = None

    def plan(self) -> tuple[PlanItem, ...]:
        """The items at their planned instants. Asked every second by the clock, so kept
        until the date or the items (a change of the day) are others."""
        day = self.day()
        kept = self._planned
        if kept is not None and kept[0] == day and kept[1] is self.items:
            return kept[2]
        plan = tuple(
            PlanItem(
                i.id, at_time_of_day(day, i.start), at_time_of_day(day, i.end), i.fixed, i.title
            )
            for i in self.items
        )
        self._planned = (day, self.items, plan)
        return plan

    def current(self) -> ItemRow | None:
        running = {k for k, v in self.timings.items() if v.ended is None}
        return next((i for i in self.items if i.id in running), None)

    def _index(self, item: ItemRow) -> int:
        return next(n for n, i in enumerate(self.items) if i.id == item.id)

    def item_in_hand(self, samling_id: int) -> int | None:
        """The item a samling's groups and answers belong to now: the one running, else
        the next one; none if this day is another samling's."""
        if self.run.samling_id != samling_id:
            return None
        item = self.current() or self.next_unstarted()
        return item.id if item else None

    def exercise_in_hand(self, samling_id: int) -> int | None:
        """The exercise whose answers plenum is about: the one running now, else the next
        one with questions not yet run (from the item in hand on); none if this day is
        another samling's or no exercise is left."""
        item_id = self.item_in_hand(samling_id)
        if item_id is None:
            return None
        running = self.running_exercise()
        if running is not None:
            return running[0].id
        start = next(n for n, i in enumerate(self.items) if i.id == item_id)
        for item in self.items[start:]:
            for exercise in self.exercises.get(item.id, []):
                state = self.exercise_runs.get(exercise.id)
                if exercise.questions and (state is None or state.ended is None):
                    return exercise.id
        return None

    def next_unstarted(self) -> ItemRow | None:
        started = [self._index(i) for i in self.items if i.id in self.timings]
        after = max(started, default=-1) + 1
        return self.items[after] if after < len(self.items) else None

    def finished(self) -> bool:
        return bool(self.timings) and self.current() is None and self.next_unstarted() is None

    def length(self, item: ItemRow) -> float:
        return max(0.0, item.duration * 60 - self.plan_cuts.get(item.id, 0.0))

    def paused_for(self) -> dt.timedelta:
        """How long the pause has lasted so far (nothing when not paused)."""
        if self.run.paused_at is None:
            return dt.timedelta(0)
        return max(dt.timedelta(0), self.clock.now() - self.run.paused_at)

    def item_timings(self) -> dict[int, ItemTiming]:
        """Each item's timing as the rest of the day sees it: a pause is delay until it
        ends, so the running item's deadline moves on with the pause (its own countdown,
        from `now()`, stays frozen)."""
        timings = {k: ItemTiming(v.started, v.deadline, v.ended) for k, v in self.timings.items()}
        shift = self.paused_for()
        if shift:
            for key, timing in timings.items():
                if timing.ended is None:
                    timings[key] = timing._replace(deadline=timing.deadline + shift)
        return timings

    def projection(self) -> Projection:
        plan = self.plan()
        now = plan[0].start if plan and self.planned() else self.clock.now()
        end = None if self.agenda.end is None else at_time_of_day(self.day(), self.agenda.end)
        return project(plan, self.item_timings(), now, self.plan_cuts, end=end)

    def running_exercise(self) -> tuple[ExerciseRow, ExerciseRunRow] | None:
        current = self.current()
        if current is None:
            return None
        for exercise in self.exercises.get(current.id, []):
            state = self.exercise_runs.get(exercise.id)
            if state is not None and state.ended is None:
                deadline = self.timings[current.id].deadline
                return exercise, settle(exercise.phases, state, self.now(), deadline)
        return None

    def phase_deadline(self) -> dt.datetime | None:
        running = self.running_exercise()
        current = self.current()
        if running is None or current is None:
            return None
        exercise, state = running
        if state.phase >= len(exercise.phases):
            return None
        return phase_deadline(
            exercise.phases[state.phase], state.phase_started, self.timings[current.id].deadline
        )

    def proposed_cut(
        self, only: set[int] | None = None, projection: Projection | None = None
    ) -> Cut | None:
        return propose_cut(projection or self.projection(), self.item_timings(), only)

    # ── writing ───────────────────────────────────────────────────────────────

    def _save(
        self,
        items: Sequence[ItemRunRow] = (),
        exercises: Sequence[ExerciseRunRow] = (),
        drop: Sequence[int] = (),
        drop_exercises: Sequence[int] = (),
        **run: object,
    ) -> None:
        if not self.writable:
            raise PermissionError("a projector never writes")
        if not self.timings and items:
            # the day the plan now refers to: today, also for a day opened as planned
            run.setdefault("day", local_date(self.clock.now()).isoformat())
        self.store.write_timings(self.run.id, items, exercises, drop, run or None, drop_exercises)
        self.reload()
