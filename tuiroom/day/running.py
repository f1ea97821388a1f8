"""Running a samling: start, pause, next, jump, more or less time, exercises, cuts.

A Day holds the plan of one samling and the state of one run of it (live, or a
rehearsal on its own clock), reads that state from the store and writes every change
back at once. It never counts ticks: each method looks at the clock and at instants
saved in the store, so a restart, a crash or a suspended laptop picks up exactly where
the room is. `view()` turns it all into what the screens and the projector show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tuiroom.day.clock import Clock, at_time_of_day, local_date
from tuiroom.day.phases import phase_deadline, settle
from tuiroom.day.schedule import Cut, ItemTiming, PlanItem, Projection, project, propose_cut
from tuiroom.store import Store
from tuiroom.store.records import (
    CutChange,
    ExerciseRow,
    ExerciseRunRow,
    ItemRow,
    ItemRunRow,
    RunRow,
)


def _after(when: dt.datetime, seconds: float) -> dt.datetime:
    return when + dt.timedelta(seconds=seconds)


class Day:
    """One samling being run. Facilitator windows write; a projector only reads."""

    def __init__(self, store: Store, run: RunRow, clock: Clock, *, writable: bool = True) -> None:
        self.store, self.run, self.clock, self.writable = store, run, clock, writable
        self.items: list[ItemRow] = store.items(run.samling_id)
        self.exercises: dict[int, list[ExerciseRow]] = store.exercises(run.samling_id)
        samling = store.samling(run.samling_id)
        self.date: dt.date | None = samling.date if samling else None
        self.reload()

    @classmethod
    def live(cls, store: Store, samling_id: int, clock: Clock) -> Day:
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
    ) -> Day:
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
    ) -> Day:
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

    def plan(self) -> list[PlanItem]:
        day = self.day()
        return [
            PlanItem(
                i.id, at_time_of_day(day, i.start), at_time_of_day(day, i.end), i.fixed, i.title
            )
            for i in self.items
        ]

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

    def projection(self) -> Projection:
        timings = {k: ItemTiming(v.started, v.deadline, v.ended) for k, v in self.timings.items()}
        plan = self.plan()
        now = plan[0].start if plan and self.planned() else self.now()
        return project(plan, timings, now, self.plan_cuts)

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

    def _started(self, item: ItemRow, at: dt.datetime) -> list[ItemRunRow]:
        ended = at if item.duration == 0 else None
        return [ItemRunRow(item.id, at, _after(at, self.length(item)), ended, 0.0)]

    def _stop_exercises(self, item: ItemRow, at: dt.datetime) -> list[ExerciseRunRow]:
        """Close the item's running exercises as they stood at `at`, however seldom the app
        looked: one that had run its course ends when its last phase did."""
        stopped = []
        deadline = self.timings[item.id].deadline
        for exercise in self.exercises.get(item.id, []):
            state = self.exercise_runs.get(exercise.id)
            if state is not None and state.ended is None:
                settled = settle(exercise.phases, state, at, deadline)
                stopped.append(settled if settled.ended else settled._replace(ended=at))
        return stopped

    def _move_to(self, target: ItemRow | None, at: dt.datetime, drop: Sequence[int] = ()) -> None:
        """End the current item at `at` and start `target` (None: the day is over)."""
        items, exercises = [], []
        current = self.current()
        if current is not None and current.id not in drop:
            items.append(self.timings[current.id]._replace(ended=at))
            exercises += self._stop_exercises(current, at)
        if target is not None:
            items += self._started(target, at)
            if self.run.autopilot:
                exercises += self._first_exercise(target, at)
        self._save(items, exercises, drop, paused_at=None)

    def toggle(self) -> None:
        """Space: start the day (or the next item), pause, or resume."""
        if self.paused:
            self.resume()
        elif self.current() is not None:
            self._save(paused_at=self.clock.now())
        elif (target := self.next_unstarted()) is not None:
            self._move_to(target, self.clock.now())

    def resume(self) -> None:
        """Carry on from the pause: every running deadline moves by the time paused."""
        if self.run.paused_at is None:
            return
        shift = self.clock.now() - self.run.paused_at
        current = self.current()
        items = (
            [self.timings[current.id]._replace(deadline=self.timings[current.id].deadline + shift)]
            if current
            else []
        )
        exercises = [
            s._replace(phase_started=s.phase_started + shift)
            for s in self.exercise_runs.values()
            if s.ended is None
        ]
        self._save(items, exercises, paused_at=None)

    def next(self) -> None:
        current = self.current()
        if current is None:
            self.toggle()
            return
        index = self._index(current)
        following = self.items[index + 1] if index + 1 < len(self.items) else None
        self._move_to(following, self.clock.now())

    def previous(self) -> None:
        """Back to the item before: pressed next too early, or the room went back."""
        current = self.current()
        done = sorted(
            (v for v in self.timings.values() if v.ended is not None), key=lambda v: v.started
        )
        if current is not None:
            done = [v for v in done if v.started <= self.timings[current.id].started]
        dropped = [current.id] if current else []
        exercises = [e.id for i in dropped for e in self.exercises.get(i, [])]
        reopened = [done[-1]._replace(ended=None)] if done else []
        if reopened or dropped:
            self._save(reopened, drop=dropped, drop_exercises=exercises, paused_at=None)

    def jump(self, item_id: int) -> None:
        target = next((i for i in self.items if i.id == item_id), None)
        current = self.current()
        if target is None or (current is not None and current.id == item_id):
            return
        self._move_to(target, self.clock.now())

    def adjust(self, seconds: float) -> None:
        """Give the current item more (or less) time."""
        current = self.current()
        if current is None:
            return
        timing = self.timings[current.id]
        self._save(
            [
                timing._replace(
                    deadline=_after(timing.deadline, seconds),
                    adjust_s=timing.adjust_s + seconds,
                )
            ]
        )

    def restart(self) -> None:
        current = self.current()
        if current is not None:
            self._save(self._started(current, self.now()))

    def toggle_mute(self) -> None:
        self._save(muted=int(not self.run.muted))

    # ── exercises ─────────────────────────────────────────────────────────────

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

    def _first_exercise(self, item: ItemRow, at: dt.datetime) -> list[ExerciseRunRow]:
        for exercise in self.exercises.get(item.id, []):
            if exercise.phases and exercise.id not in self.exercise_runs:
                return [ExerciseRunRow(exercise.id, at, 0, at, None)]
        return []

    def exercise_step(self) -> None:
        """Start the item's next exercise, or move its running one to the next phase."""
        current = self.current()
        if current is None:
            return
        now = self.now()
        running = self.running_exercise()
        if running is None:
            self._save(exercises=self._first_exercise(current, now))
            return
        exercise, state = running
        following = state.phase + 1
        ended = now if following >= len(exercise.phases) else None
        self._save(exercises=[state._replace(phase=following, phase_started=now, ended=ended)])

    # ── cuts ──────────────────────────────────────────────────────────────────

    def proposed_cut(
        self, only: set[int] | None = None, projection: Projection | None = None
    ) -> Cut | None:
        timings = {k: ItemTiming(v.started, v.deadline, v.ended) for k, v in self.timings.items()}
        return propose_cut(projection or self.projection(), timings, only)

    def accept_cut(self, cut: Cut) -> None:
        current = self.current()
        changes, deadlines = [], []
        for item_id, seconds in cut.changes:
            on_deadline = current is not None and item_id == current.id
            changes.append(CutChange(item_id, seconds, on_deadline))
            if on_deadline:
                timing = self.timings[item_id]
                deadlines.append(timing._replace(deadline=_after(timing.deadline, -seconds)))
        self.store.add_cut(self.run.id, changes, self.now(), deadlines)
        self.reload()

    def undo_cut(self) -> bool:
        """Take back the last cut; False if there is none."""
        if not self.active_cuts:
            return False
        cut = self.active_cuts[-1]
        deadlines = []
        for change in cut.changes:
            # The running item carries its share of the cut in its deadline, whether it was
            # running when the cut came or started under it since.
            timing = self.timings.get(change.item_id)
            if timing is not None and timing.ended is None:
                deadlines.append(timing._replace(deadline=_after(timing.deadline, change.seconds)))
        self.store.undo_cut(self.run.id, cut.id, self.now(), deadlines)
        self.reload()
        return True

    # ── the clock's own moves ─────────────────────────────────────────────────

    def catch_up(self) -> bool:
        """Save what time alone has changed: phases that moved on, and in a rehearsal the
        items that follow the plan. Returns True if anything was written."""
        if self.paused or not self.writable:
            return False
        wrote = self._autopilot() if self.run.autopilot else False
        running = self.running_exercise()
        if running is not None:
            exercise, settled = running
            if settled != self.exercise_runs[exercise.id]:
                self._save(exercises=[settled])
                wrote = True
        return wrote

    def _autopilot(self) -> bool:
        """Follow the plan exactly: each item starts at its time, or when the one before ends."""
        now = self.clock.now()
        wrote = False
        while True:
            current = self.current()
            if current is None:
                target = self.next_unstarted()
                if target is None:
                    return wrote
                start = at_time_of_day(self.day(), target.start)
                ended = [t.ended for t in self.timings.values() if t.ended is not None]
                start = max([start, *ended])
                if start > now:
                    return wrote
                self._move_to(target, start)
            else:
                deadline = self.timings[current.id].deadline
                if deadline > now:
                    return wrote
                index = self._index(current)
                following = self.items[index + 1] if index + 1 < len(self.items) else None
                self._move_to(following, deadline)
            wrote = True

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
