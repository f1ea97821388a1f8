"""Every key of the agenda, pressed in any order: a hypothesis state machine over Samling 3.

The machine starts, pauses, moves on and back, jumps, gives and takes time, restarts,
steps exercises, cuts and undoes over a FakeClock that only moves forward, and after
every step checks what must hold whatever a hurried facilitator pressed:

- time only moves forward in the record: every start and end lies in the past, the
  items run one after another without overlapping, and only the last one is open;
- the record's starts are the instants the room moved to an item (r keeps the start);
- an item's exercise can always be started again from its item: none is left cut
  short in the item running, and after r every exercise of it runs or can be started;
- no phase runs past its item's deadline (which holds the time the facilitator gave);
- the referat's actual times and over/under are the recorded ones.

Bounded and derandomised, so CI runs the same few hundred sequences every time.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.conftest import SELJORD
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.day.view import Room, WarnRule, view
from tuiroom.notes.referat import export_samling
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

DAY = dt.date(2026, 11, 23)
PROGRAMME = load_programme(SELJORD)
TEXT = SELJORD.read_text("utf-8")
STEPS = st.sampled_from([0, 1, 29, 59, 60, 61, 180, 420, 900, 1800, 3600])


class AgendaKeys(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.store = Store.memory()
        self.store.load(PROGRAMME, SELJORD, TEXT)
        self.samling = next(s.id for s in self.store.samlinger() if s.key == "s3")
        self.clock = FakeClock(at_time_of_day(DAY, 8 * 60 + 25))
        self.day = Day.live(self.store, self.samling, self.clock)
        self.begun: dict[int, dt.datetime] = {}  # when the room moved to each item

    def teardown(self) -> None:
        self.store.close()

    # ── the keys ──────────────────────────────────────────────────────────────

    def _starting(self) -> int | None:
        """The item Space (or n between items) would start now, if any."""
        if self.day.paused or self.day.current() is not None:
            return None
        following = self.day.next_unstarted()
        return following.id if following else None

    @rule(seconds=STEPS)
    def wait(self, seconds: int) -> None:
        self.clock.advance(seconds=seconds)

    @rule()
    def tick(self) -> None:
        self.day.catch_up()

    @rule()
    def space(self) -> None:
        target = self._starting()
        self.day.toggle()
        if target is not None:
            self.begun[target] = self.clock.now()

    @rule()
    def next(self) -> None:
        current = self.day.current()
        target = self._starting() if current is None else None
        if current is not None:
            index = self.day.items.index(current)
            following = self.day.items[index + 1 : index + 2]
            target = following[0].id if following else None
        self.day.next()
        if target is not None:
            self.begun[target] = self.clock.now()

    @rule()
    def previous(self) -> None:
        current = self.day.current()
        self.day.previous()
        if current is not None:
            self.begun.pop(current.id, None)

    @rule(position=st.integers(0, 7))
    def jump(self, position: int) -> None:
        target = self.day.items[position]
        current = self.day.current()
        self.day.jump(target.id)
        if current is None or current.id != target.id:
            self.begun[target.id] = self.clock.now()

    @rule(seconds=st.sampled_from([60, -60, 300, -300]))
    def more(self, seconds: int) -> None:
        self.day.adjust(seconds)

    @rule()
    def restart(self) -> None:
        self.day.restart()
        current = self.day.current()
        if current is None:
            return
        for exercise in self.day.exercises.get(current.id, []):
            state = self.day.exercise_runs.get(exercise.id)
            startable = state is None or state.ended is None
            assert not exercise.phases or startable, f"{exercise.title} cannot start after r"

    @rule()
    def exercise_step(self) -> None:
        self.day.exercise_step()

    @rule()
    def cut(self) -> None:
        proposed = self.day.proposed_cut()
        if proposed is not None:
            self.day.accept_cut(proposed)

    @rule()
    def undo(self) -> None:
        self.day.undo_cut()

    @precondition(lambda self: self.day.current() is not None)
    @rule()
    def restart_then_x_starts_an_exercise(self) -> None:
        """r, then x: an item with an exercise with phases has one running."""
        current = self.day.current()
        assert current is not None
        self.day.restart()
        if self.day.running_exercise() is None:
            self.day.exercise_step()
        if any(e.phases for e in self.day.exercises.get(current.id, [])):
            assert self.day.running_exercise() is not None

    # ── what must hold ────────────────────────────────────────────────────────

    @invariant()
    def time_only_moves_forward_in_the_record(self) -> None:
        now = self.clock.now()
        runs = sorted(  # an item ended and the next started in the same instant: in that order
            self.store.item_runs(self.day.run.id).values(),
            key=lambda r: (r.started, r.ended is None, r.ended or r.started),
        )
        for run in runs:
            assert run.started <= now
            assert run.ended is None or run.started <= run.ended <= now
        for before, after in pairwise(runs):
            assert before.ended is not None, "only the last item started may be open"
            assert before.ended <= after.started, "items in the record overlap"

    @invariant()
    def the_record_starts_when_the_room_moved(self) -> None:
        runs = self.store.item_runs(self.day.run.id)
        assert {k: v.started for k, v in runs.items()} == self.begun

    @invariant()
    def exercises_belong_to_the_item_running(self) -> None:
        runs = self.store.exercise_runs(self.day.run.id)
        items = self.store.item_runs(self.day.run.id)
        current = self.day.current()
        for item_id, exercises in self.day.exercises.items():
            for exercise in exercises:
                state = runs.get(exercise.id)
                if state is None:
                    continue
                assert item_id in items, "an exercise ran in an item not in the record"
                assert state.phase_started <= self.clock.now()
                if current is not None and item_id == current.id:
                    cut_short = state.ended is not None and state.phase < len(exercise.phases)
                    assert not cut_short, f"{exercise.title} is lost in the item running"
                else:
                    assert state.ended is not None, "an exercise runs outside its item"

    @invariant()
    def no_phase_runs_past_its_item(self) -> None:
        seen = view(self.day, WarnRule(), Room(4, ("A", "B", "C")), with_cut=False)
        current = self.day.current()
        if seen.phase is None or current is None:
            return
        deadline = self.day.timings[current.id].deadline
        assert seen.phase.deadline <= max(seen.phase.start, deadline)

    @invariant()
    def the_referat_shows_the_recorded_times(self) -> None:
        if self.day.current() is not None or not self.begun:
            return  # checked between items, where every row is final
        text = export_samling(self.store, self.samling)
        for item in self.day.items:
            run = self.store.item_runs(self.day.run.id).get(item.id)
            if run is None or run.ended is None or item.duration == 0:
                continue
            start, end = (w.astimezone().strftime("%H:%M") for w in (run.started, run.ended))
            actual = start if start == end else f"{start}–{end}"
            over = round((run.ended - run.started).total_seconds() / 60 - item.duration)
            row = next(line for line in text.splitlines() if f"| {item.title} | {actual} |" in line)
            words = "som planlagt" if over == 0 else ("over tiden" if over > 0 else "under tiden")
            assert words in row, row


AgendaKeys.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_agenda_keys = AgendaKeys.TestCase
