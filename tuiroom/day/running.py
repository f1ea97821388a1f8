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
from typing import NamedTuple

from tuiroom.day.clock import at_time_of_day
from tuiroom.day.phases import settle
from tuiroom.day.schedule import Cut
from tuiroom.day.state import DayState
from tuiroom.store.records import CutChange, ExerciseRunRow, ItemRow, ItemRunRow


def _after(when: dt.datetime, seconds: float) -> dt.datetime:
    return when + dt.timedelta(seconds=seconds)


class Held(NamedTuple):
    """Time `-` or `<` asked to take from `item` and could not: `taken` seconds were all
    it had left (none, once its time is up)."""

    item: ItemRow
    asked: float
    taken: float


class Day(DayState):
    """One samling being run: the keys of the agenda, and what time alone changes."""

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
        """End the current item at `at` and start `target` (None: the day is over).

        A target that ran before starts anew, and so do its exercises: x starts them again.
        """
        items, exercises = [], []
        current = self.current()
        if current is not None and current.id not in drop:
            items.append(self.timings[current.id]._replace(ended=at))
            exercises += self._stop_exercises(current, at)
        forget = self._exercises_run(target) if target is not None else []
        if target is not None:
            items += self._started(target, at)
            if self.run.autopilot:
                exercises += self._first_exercise(target, at, forget)
        self._save(items, exercises, drop, drop_exercises=forget, paused_at=None)

    def _exercises_run(self, item: ItemRow) -> list[int]:
        return [e.id for e in self.exercises.get(item.id, []) if e.id in self.exercise_runs]

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
        """Back to the item before: pressed next too early, or the room went back.

        The item before carries on as if next had never come: its deadline as it was, and
        the exercise next cut short running again from where it was.
        """
        current = self.current()
        done = sorted(
            (v for v in self.timings.values() if v.ended is not None), key=lambda v: v.started
        )
        if current is not None:
            done = [v for v in done if v.started <= self.timings[current.id].started]
        dropped = [current.id] if current else []
        exercises = [e.id for i in dropped for e in self.exercises.get(i, [])]
        reopened = [done[-1]._replace(ended=None)] if done else []
        resumed = self._cut_short(reopened[0].item_id) if reopened else []
        if reopened or dropped:
            self._save(reopened, resumed, drop=dropped, drop_exercises=exercises, paused_at=None)

    def _cut_short(self, item_id: int) -> list[ExerciseRunRow]:
        """The item's exercise that leaving the item stopped before its last phase, running."""
        stopped = [
            state
            for exercise in self.exercises.get(item_id, [])
            if (state := self.exercise_runs.get(exercise.id)) is not None
            and state.ended is not None
            and state.phase < len(exercise.phases)
        ]
        latest = max(stopped, key=lambda s: s.ended or s.started, default=None)
        return [latest._replace(ended=None)] if latest else []

    def jump(self, item_id: int) -> None:
        target = next((i for i in self.items if i.id == item_id), None)
        current = self.current()
        if target is None or (current is not None and current.id == item_id):
            return
        self._move_to(target, self.clock.now())

    def adjust(self, seconds: float) -> Held | None:
        """Give the current item more (or less) time.

        Taking is bounded: the deadline never goes before now (the instant of pausing, while
        paused), so taking time never makes an item run over; only the time it has left
        can be taken. Returns what could not be taken, for the room to be told why.
        """
        current = self.current()
        if current is None:
            return None
        timing = self.timings[current.id]
        left = max(0.0, (timing.deadline - self.now()).total_seconds())
        if -seconds <= left:
            self._change_deadline(timing, seconds)
            return None
        if left:
            self._change_deadline(timing, -left)
        return Held(current, -seconds, left)

    def _change_deadline(self, timing: ItemRunRow, seconds: float) -> None:
        self._save(
            [
                timing._replace(
                    deadline=_after(timing.deadline, seconds),
                    adjust_s=timing.adjust_s + seconds,
                )
            ]
        )

    def restart(self) -> None:
        """r: the item starts over from now, its full length, and so does its exercise.

        The record keeps the item's real start, so the notes say how long the room was
        in it: the restart counts as time given to the item. An exercise running at the
        restart starts over from its first phase; any other the item ran, x starts again.
        """
        current = self.current()
        if current is None:
            return
        now, timing = self.now(), self.timings[current.id]
        deadline = _after(now, self.length(current))
        given = (deadline - timing.deadline).total_seconds()
        item = timing._replace(deadline=deadline, adjust_s=timing.adjust_s + given)
        running = self.running_exercise()
        again = [ExerciseRunRow(running[0].id, now, 0, now, None)] if running else []
        forget = [e for e in self._exercises_run(current) if not again or e != again[0].exercise_id]
        self._save([item], again, drop_exercises=forget)

    def toggle_mute(self) -> None:
        self._save(muted=int(not self.run.muted))

    # ── exercises ─────────────────────────────────────────────────────────────

    def _first_exercise(
        self, item: ItemRow, at: dt.datetime, forgotten: Sequence[int] = ()
    ) -> list[ExerciseRunRow]:
        """The item's first exercise with phases not yet run (or run, but forgotten)."""
        for exercise in self.exercises.get(item.id, []):
            ran = exercise.id in self.exercise_runs and exercise.id not in forgotten
            if exercise.phases and not ran:
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
