"""Ontime's own scenarios for its schedule maths, told in tuiroom's terms (issue 18).

Ontime (github.com/cpvalente/ontime, an open-source event timer for stages) tests its
runtime offset, expected finish, current time, elapsed time, expected start and expected
end with small numbers, in `apps/server/src/services/runtime-service/__tests__/
timer.utils.test.ts` (earlier `services/__tests__/timerUtils.test.ts`),
`packages/utils/src/date-utils/getExpected.test.ts` (earlier `getExpectedStart.test.ts`)
and `apps/server/src/stores/__tests__/runtimeState.test.ts`. Each test below is one of
those cases, named in its docstring, as a samling of items with planned times, a
FakeClock and the agenda's keys. One Ontime unit is one minute after 08:00 here (Ontime's
100 is 09:40), so "added 10" is ten presses of `+`.

Where tuiroom deliberately differs, the test asserts tuiroom's behaviour and says why:
lunch and the end of the day are fixed by their kind (Ontime's count-to-end counts to a
fixed end instead), a cut leaves each item at least half of what it had, a day not yet
started is projected from now on its own date, and tuiroom has only Ontime's absolute
mode (a time told to the room holds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tuiroom import fmt
from tuiroom.day.clock import FakeClock, at_time_of_day, countdown
from tuiroom.day.runner import DayRunner
from tuiroom.day.running import Day
from tuiroom.day.schedule import PlanItem, Projected, project
from tuiroom.day.view import DayView, Room, WarnRule
from tuiroom.day.words import face, status_line
from tuiroom.notes.referat import export_samling
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store
from tuiroom.store.records import ItemRunRow

DAY = dt.date(2026, 11, 23)
BASE = 8 * 60  # Ontime's 0 is 08:00
MINUTE = 60.0

Spec = tuple[int, int, str] | tuple[int, int, str, str]


def at(units: float) -> dt.datetime:
    """The instant `units` minutes after 08:00 of the day."""
    return at_time_of_day(DAY, BASE) + dt.timedelta(minutes=units)


def minutes(seconds: float) -> float:
    return seconds / MINUTE


def programme(items: tuple[Spec, ...], dated: bool) -> str:
    """A samling of `items` (start, end, title[, kind]) in minutes after 08:00."""
    lines = ["[programme]", 'title = "Ontime"', "", "[[samling]]", 'id = "o"', 'title = "O"']
    if dated:
        lines.append(f"date = {DAY.isoformat()}")
    for spec in items:
        start, end, title = spec[:3]
        kind = spec[3] if len(spec) == 4 else "talk"
        lines += ["", "[[samling.item]]", f'title = "{title}"', f'kind = "{kind}"']
        if end == start or BASE + end > 24 * 60:  # no end, or an end after midnight
            lines.append(f'time = "{fmt.hhmm(BASE + start)}"')
            lines += [f"minutes = {end - start}"] if end > start else []
        else:
            lines.append(f'time = "{fmt.hhmm(BASE + start)} - {fmt.hhmm(BASE + end)}"')
    return "\n".join(lines) + "\n"


class Agenda:
    """One samling being run from the agenda: its Day, the fake clock, and the keys."""

    KEYS = {"+": 60, "-": -60, ">": 300, "<": -300}

    def __init__(self, store: Store, clock: FakeClock, *, autopilot: bool = False) -> None:
        self.store, self.clock = store, clock
        samling = store.samlinger()[0].id
        if autopilot:
            self.day = Day.rehearsal(store, samling, clock, clock.now(), autopilot=True)
        else:
            self.day = Day.live(store, samling, clock)
        self.runner = DayRunner(self.day, WarnRule(), Room())

    def at(self, units: float) -> Agenda:
        self.clock.set(at(units))
        return self

    def press(self, key: str, times: int = 1) -> DayView:
        day = self.day
        for _ in range(times):
            if key in self.KEYS:
                self.runner.act(day.adjust, self.KEYS[key])
            else:
                self.runner.act({"space": day.toggle, "n": day.next, "p": day.previous}[key])
        return self.look()

    def look(self) -> DayView:
        return self.runner.view()

    def item(self, title: str) -> int:
        return next(i.id for i in self.day.items if i.title == title)

    def row(self, title: str) -> Projected:
        row = self.look().projection.row(self.item(title))
        assert row is not None
        return row

    def saved(self, title: str) -> ItemRunRow:
        """What the store holds for the item, read afresh."""
        return self.store.item_runs(self.day.run.id)[self.item(title)]

    def behind(self) -> float:
        """Minutes the day ends after its plan, as the line under the clock counts them."""
        return minutes(self.look().projection.behind)


@pytest.fixture
def agenda(tmp_path: Path) -> Callable[..., Agenda]:
    def make(
        *items: Spec, now: float = -30, dated: bool = False, autopilot: bool = False
    ) -> Agenda:
        path = tmp_path / "ontime.toml"
        text = programme(items, dated)
        path.write_text(text, "utf-8")
        store = Store.memory()
        store.load(load_programme(path), path, text)
        return Agenda(store, FakeClock(at(now)), autopilot=autopilot)

    return make


# ── expected finish (timer.utils.test.ts, describe getExpectedFinish) ─────────


def test_expected_finish_is_none_before_the_start(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'is null if we havent started'."""
    room = agenda((10, 20, "A"), now=0)
    seen = room.look()
    assert seen.state == "waiting"
    assert seen.projection.current is None
    assert room.store.item_runs(room.day.run.id) == {}
    assert minutes(seen.remaining) == 10  # the face counts to the start


def test_expected_finish_of_a_finished_item_is_when_it_ended(
    agenda: Callable[..., Agenda],
) -> None:
    """getExpectedFinish: 'is hasFinished if defined' (timeEnd 20)."""
    room = agenda((10, 20, "A"), (20, 30, "B"))
    room.at(10).press("space")
    room.at(20).press("n")
    assert (room.row("A").status, room.row("A").end) == ("done", at(20))
    assert room.saved("A").ended == at(20)


def test_expected_finish_is_start_plus_duration(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'calculates the finish time' (started 1, duration 10: 11)."""
    room = agenda((1, 11, "A"))
    room.at(1).press("space")
    assert room.saved("A").deadline == at(11)
    assert room.row("A").end == at(11)


def test_expected_finish_adds_added_and_paused_time(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'adds paused and added times' (added 20: 31); a pause of 3
    moves it on by 3 once the pause ends."""
    room = agenda((1, 11, "A"))
    room.at(1).press("space")
    room.press("+", 20)
    assert room.saved("A").deadline == at(31)
    room.at(5).press("space")
    room.at(8).press("space")
    assert room.saved("A").deadline == at(34)
    assert room.saved("A").adjust_s == 20 * MINUTE


def test_taking_all_the_time_ends_the_item_at_its_start(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'added time could be negative' (started 1, duration 10,
    added -10: 1). Freshly started, all its time taken: it ends where it began."""
    room = agenda((1, 11, "A"))
    room.at(1).press("space")
    seen = room.press("-", 10)
    assert room.saved("A").deadline == at(1)
    assert seen.remaining == 0
    assert seen.held is None  # exactly what it had: nothing was refused


def test_taking_more_than_is_left_is_bounded(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'user could add enough time for it to be negative' (added
    -100: still 1, clamped to the start). Issue 18's first defect: a 10-minute item
    started 08:01 with 100 minutes taken had its deadline at 06:31 and showed
    "+1:30:00" at once."""
    room = agenda((1, 11, "A"), (11, 21, "B"))
    room.at(1).press("space")
    seen = room.press("-", 100)
    assert room.saved("A").deadline == at(1)
    assert room.saved("A").adjust_s == -10 * MINUTE
    assert seen.remaining == 0
    assert face(seen) == "00:00"
    assert seen.tone != "over"
    assert status_line(seen) == "Kan ikke ta mer tid fra «A»: tiden er ute."
    assert room.row("B").start == at(1)


def test_no_duration_ends_as_it_starts(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'timer can have no duration' (duration 0, started 1: 1). The
    end of the day is an item of no length: it ends the instant it is reached."""
    room = agenda((0, 1, "A"), (1, 1, "Slutt", "end"))
    room.at(0).press("space")
    seen = room.at(1).press("n")
    assert (room.saved("Slutt").started, room.saved("Slutt").ended) == (at(1), at(1))
    assert seen.state == "finished"
    assert face(seen) == fmt.hhmm(BASE + 1)


def test_an_item_past_midnight_counts_on_through_it(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish: 'finish can be the day after'; getCurrent: 'counts over
    midnight', 'rolls over midnight', 'midnight holds delays' (added 20). Every
    deadline is an instant, so midnight is nothing special: 23:00 for 120 minutes."""
    room = agenda((900, 1020, "Natt"))
    room.at(900).press("space")
    assert room.saved("Natt").deadline == at(1020)
    assert room.saved("Natt").deadline.date() > room.saved("Natt").started.date()
    assert minutes(room.at(1010).look().remaining) == 10  # 00:50 the next day
    seen = room.press("+", 20)
    assert minutes(seen.remaining) == 30
    assert status_line(seen).startswith("20 minutter bak skjema")


# ── current time (timer.utils.test.ts, describe getCurrent) ───────────────────


def test_an_item_not_started_is_its_whole_length(agenda: Callable[..., Agenda]) -> None:
    """getCurrent: 'is duration if it hasnt started' (111). tuiroom differs in what the
    big number shows before the day (the time until the first start, which is what a
    room waits for); the item's own projected span is its whole length."""
    room = agenda((30, 141, "A"), now=0)
    row = room.row("A")
    assert minutes((row.end - row.start).total_seconds()) == 111
    assert minutes(room.look().remaining) == 30


def test_current_is_the_time_left(agenda: Callable[..., Agenda]) -> None:
    """getCurrent: 'is the remaining time in clock' (started 0, duration 10, clock 1: 9),
    then 'accounts for added times' (added 10: 19)."""
    room = agenda((0, 10, "A"))
    room.at(0).press("space")
    assert minutes(room.at(1).look().remaining) == 9
    assert minutes(room.press("+", 10).remaining) == 19


def test_finish_and_current_combine_to_the_duration(agenda: Callable[..., Agenda]) -> None:
    """getExpectedFinish() and getCurrentTime() combined: 'without added times, they
    combine to be duration' (10), and 'added times influence expected finish' (added 3,
    clock 5: finish 13, current 8)."""
    room = agenda((0, 10, "A"))
    seen = room.at(0).press("space")
    assert (room.saved("A").deadline, minutes(seen.remaining)) == (at(10), 10)
    room.press("+", 3)
    seen = room.at(5).look()
    assert (room.saved("A").deadline, minutes(seen.remaining)) == (at(13), 8)


def test_lunch_counts_its_length_from_when_it_starts(agenda: Callable[..., Agenda]) -> None:
    """getCurrent, count-to-end: 'current time is the time to end' and 'handles events
    that were started late' (started 16:40 after its end: current -16:40);
    getRuntimeOffset: 'with time-to-end, offsets dont exist if we are not in overtime',
    'handles time-to-end started after the end time' (offset 16:40).

    tuiroom differs on purpose: lunch is fixed by its kind at its start, and once it
    starts it has its whole length, however late; people eat for 45 minutes, and the
    delay goes on into the afternoon (where a cut can win it back)."""
    room = agenda((0, 30, "A"), (30, 75, "Lunsj", "lunch"), (75, 120, "B"))
    room.at(0).press("space")
    room.at(40).press("n")  # lunch 10 minutes late
    assert room.saved("Lunsj").deadline == at(85)
    assert room.behind() == 10
    room.at(50).press("p")
    seen = room.at(91 + 40 / 60).press("n")  # 16:40 after lunch's planned end
    assert countdown(seen.remaining) == "45:00"
    assert room.row("B").start == at(136 + 40 / 60)
    assert countdown(room.look().projection.behind) == "1:01:40"


# ── runtime offset (timer.utils.test.ts, describe getRuntimeOffset) ───────────


def test_offset_is_how_late_the_day_started(agenda: Callable[..., Agenda]) -> None:
    """getRuntimeOffset: 'is the difference between scheduled and when we actually
    started' (planned 100, started 150: 50), then 'added time subtracts time offset'
    (added 10: 60)."""
    room = agenda((100, 150, "A"), (150, 200, "B"))
    seen = room.at(150).press("space")
    assert minutes(room.row("A").late) == 50
    assert room.behind() == 50
    assert status_line(seen) == "50 minutter bak skjema: ferdig ca. 12:10 (plan 11:20)"
    room.press("+", 10)
    assert room.behind() == 60


def test_running_over_is_delay(agenda: Callable[..., Agenda]) -> None:
    """getRuntimeOffset: 'considers running overtime' (100–140 started on time, 10 over:
    10)."""
    room = agenda((100, 140, "A"), (140, 190, "B"))
    room.at(100).press("space")
    seen = room.at(150).look()
    assert (seen.tone, countdown(seen.remaining)) == ("over", "+10:00")
    assert room.behind() == 10


def test_a_pause_is_delay_while_it_lasts(agenda: Callable[..., Agenda]) -> None:
    """getRuntimeOffset: 'paused time is delayed time' (100–150, paused at 125, clock 150:
    25). Issue 18's second defect: tuiroom said 0 until the pause ended. The item's own
    countdown stays frozen; the day does not."""
    room = agenda((100, 150, "A"), (150, 200, "B"))
    room.at(100).press("space")
    room.at(125).press("space")
    seen = room.at(150).look()
    assert seen.state == "paused"
    assert minutes(seen.remaining) == 25  # frozen since 125
    assert room.behind() == 25
    assert room.row("B").start == at(175)
    assert status_line(seen) == "25 minutter bak skjema: ferdig ca. 11:45 (plan 11:20)"
    room.press("space")
    assert room.saved("A").deadline == at(175)
    assert room.behind() == 25  # the same once resumed


def test_before_the_start_the_day_is_projected_from_now(agenda: Callable[..., Agenda]) -> None:
    """getRuntimeOffset: 'offset doesnt exist if we havent started' (planned 21:30,
    clock 21:48: 0). tuiroom differs on purpose: a day not yet started on its own date
    is projected from now, so the room sees at once that it will end 18 minutes late."""
    room = agenda((810, 870, "A"), (870, 930, "B"), now=828, dated=True)
    seen = room.look()
    assert seen.state == "waiting"
    assert room.row("A").start == at(828)
    assert room.behind() == 18
    assert status_line(seen) == "18 minutter bak skjema: ferdig ca. 23:48 (plan 23:30)"


# ── elapsed time (timer.utils.test.ts, describe getElapsed) ───────────────────


def test_elapsed_is_from_the_start_whatever_was_taken(agenda: Callable[..., Agenda]) -> None:
    """getElapsed: 'returns active elapsed time from startedAt without add-time
    adjustments' (started 2, duration 20, added -10, clock 5: elapsed 3)."""
    room = agenda((2, 22, "A"))
    room.at(2).press("space")
    room.at(4).press("-", 10)
    seen = room.at(5).look()
    assert minutes((seen.now - room.row("A").start).total_seconds()) == 3
    assert minutes(seen.remaining) == 7


def test_elapsed_leaves_out_the_pauses(agenda: Callable[..., Agenda]) -> None:
    """getElapsed: 'subtracts accumulated pause time' (started 2, paused 5, clock 10:
    elapsed 3)."""
    room = agenda((2, 22, "A"))
    room.at(2).press("space")
    room.at(3).press("space")
    room.at(8).press("space")
    seen = room.at(10).look()
    assert 20 - minutes(seen.remaining) == 3
    assert room.saved("A").deadline == at(27)


def test_elapsed_stops_at_the_current_pause(agenda: Callable[..., Agenda]) -> None:
    """getElapsed: 'uses the current pause start while paused' (started 2, paused 1 before,
    paused again at 7, clock 10: elapsed 4). The pause so far is delay already."""
    room = agenda((2, 22, "A"))
    room.at(2).press("space")
    room.at(3).press("space")
    room.at(4).press("space")
    room.at(7).press("space")
    seen = room.at(10).look()
    assert 20 - minutes(seen.remaining) == 4
    assert room.saved("A").deadline == at(23)
    assert room.row("A").end == at(26)


# ── expected start (getExpected.test.ts, describe getExpectedStart) ───────────


def test_on_time_the_next_item_starts_at_its_time(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'ontime' (100)."""
    room = agenda((0, 100, "A"), (100, 150, "B"))
    room.at(0).press("space")
    room.at(50)
    assert room.row("B").start == at(100)
    assert status_line(room.look()).startswith("I rute")


def test_running_behind_moves_the_next_start(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'running behind' (offset 20: 120)."""
    room = agenda((0, 100, "A"), (100, 150, "B"))
    room.at(20).press("space")
    assert room.row("B").start == at(120)


def test_running_ahead_a_linked_item_comes_early(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'running ahead', linked (offset -10: 90). An item that
    follows on without a gap is linked to the one before."""
    room = agenda((0, 100, "A"), (100, 150, "B"))
    room.at(0).press("space")
    room.press("-", 10)
    assert room.row("B").start == at(90)
    assert room.behind() == -10


def test_running_ahead_an_item_after_a_gap_stays_put(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'running ahead', unlinked (offset -10: 100, "when
    running ahead the unlinked timer stays put"). An item after a planned gap is
    unlinked: its start was told to the room. Fails before issue 18's third fix (90)."""
    room = agenda((0, 90, "A"), (100, 150, "B"))
    room.at(0).press("space")
    room.press("-", 10)
    assert room.row("B").start == at(100)
    assert room.behind() == 0


def test_a_gap_absorbs_delay(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'running behind with enough gaps' (gap 20, offset 20:
    100), and less delay than the gap (offset 5: still 100, not 85 before the fix)."""
    for late in (20, 5):
        room = agenda((0, 80, "A"), (100, 150, "B"))
        room.at(late).press("space")
        assert room.row("B").start == at(100), late
        assert room.behind() == 0


def test_a_gap_too_small_absorbs_what_it_can(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, absolute: 'running behind with too little gaps' (gap 10,
    offset 20: 110)."""
    room = agenda((0, 90, "A"), (100, 150, "B"))
    room.at(20).press("space")
    assert room.row("B").start == at(110)
    assert room.behind() == 10


@pytest.mark.parametrize(("late", "start", "status"), [
    (0, 100, "I rute: ferdig ca. 10:30 (plan 10:30)"),
    (5, 100, "I rute: ferdig ca. 10:30 (plan 10:30)"),
    (15, 105, "5 minutter bak skjema: ferdig ca. 10:35 (plan 10:30)"),
    (-10, 100, "I rute: ferdig ca. 10:30 (plan 10:30)"),
])  # fmt: skip
def test_the_issues_gap_is_held(
    agenda: Callable[..., Agenda], late: int, start: int, status: str
) -> None:
    """Issue 18's third defect, after getExpectedStart's gap cases: an item 08:40–09:30
    followed by one planned at 09:40. On time tuiroom said 09:30 and "10 minutes ahead",
    5 late 09:35, 10 ahead 09:20. Ahead means the first item got 10 minutes less."""
    room = agenda((40, 90, "A"), (100, 150, "B"))
    room.at(40).press("space")
    if late < 0:
        room.press("-", -late)
    else:
        room.press("+", late)
    seen = room.at(60).look()
    assert room.row("B").start == at(start)
    assert status_line(seen) == status


def test_moved_on_early_the_next_starts_when_started(agenda: Callable[..., Agenda]) -> None:
    """The exception to a held gap: the facilitator moved on early, so the item started
    then (Ontime: a loaded event starts when started), and the day is ahead."""
    room = agenda((40, 90, "A"), (100, 150, "B"))
    room.at(40).press("space")
    room.at(85).press("n")
    assert room.row("B").start == at(85)
    assert room.behind() == -15


def test_a_late_day_start_moves_everything_after_it(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, relative: 'basic function' (actual start 100 for a plan at 0:
    events at 10 and 20 start at 110 and 120; started at 105: 115 and 125)."""
    for started, b, c in ((100, 110, 120), (105, 115, 125)):
        room = agenda((0, 10, "A"), (10, 20, "B"), (20, 30, "C"))
        room.at(started).press("space")
        assert (room.row("B").start, room.row("C").start) == (at(b), at(c))


def test_a_late_day_start_is_absorbed_by_a_gap(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, relative: 'gaps' (gap 10, actual start 100: 120; 105: 125).
    tuiroom differs on purpose: it has only Ontime's absolute mode, where a time told to
    the room holds and a gap absorbs delay, so B starts 110 (and 115)."""
    for started, b in ((100, 110), (105, 115)):
        room = agenda((0, 10, "A"), (20, 30, "B"))
        room.at(started).press("space")
        assert room.row("B").start == at(b)


def test_added_and_removed_time_move_a_linked_item(agenda: Callable[..., Agenda]) -> None:
    """getExpectedStart, relative: 'added/remove time' (event at 20: remove 5 gives 15
    when linked; add 5 gives 25)."""
    room = agenda((0, 20, "A"), (20, 30, "B"))
    room.at(0).press("space")
    room.press("-", 5)
    assert room.row("B").start == at(15)
    room.press("+", 10)
    assert room.row("B").start == at(25)


def test_an_overlap_is_pushed_out() -> None:
    """getExpectedStart: 'overlap with negative total gap' (pushed out to 110). A
    programme file cannot overlap items (`tuiroom check` says so), but the projection
    handles it the same way: an item follows the one before, whatever its plan says."""
    a = PlanItem(1, at(0), at(10), False, "A")
    b = PlanItem(2, at(5), at(15), False, "B")
    projection = project((a, b), {}, at(100))
    assert projection.row(2) == Projected(b, "future", at(110), at(120))


# ── expected end (getExpected.test.ts, describe getExpectedEnd) ───────────────


def test_an_item_ends_its_length_after_its_expected_start(
    agenda: Callable[..., Agenda],
) -> None:
    """getExpectedEnd: 'a regular event ends at its expected start plus duration' (100
    for 50: 150; 20 behind: 170)."""
    room = agenda((0, 100, "A"), (100, 150, "B"))
    room.at(0).press("space")
    assert room.row("B").end == at(150)
    room.press("+", 20)
    assert room.row("B").end == at(170)


def test_lunch_holds_its_time_within_the_slack(agenda: Callable[..., Agenda]) -> None:
    """getExpectedEnd: 'a countToEnd event ignores upstream delays and stays pinned to its
    fixed end' (150). Lunch keeps 11:40–12:30 here while the delay fits the slack."""
    room = agenda((0, 80, "A"), (100, 150, "Lunsj", "lunch"), (150, 200, "C"))
    room.at(20).press("space")
    lunch = room.row("Lunsj")
    assert (lunch.start, lunch.end) == (at(100), at(150))
    assert room.look().projection.misses == ()


def test_lunch_pushed_past_its_time_keeps_its_length(agenda: Callable[..., Agenda]) -> None:
    """getExpectedEnd: 'a countToEnd event pins to the planned end while in overtime' and
    'drifts when a delay pushes its start past the fixed end' (ends at the late start).

    tuiroom differs on purpose: lunch is fixed by its start and keeps its whole length;
    the room is told it is missed and offered a cut, which leaves each item at least
    half of what it had, and says what is still missing."""
    room = agenda((0, 80, "A"), (100, 150, "Lunsj", "lunch"), (150, 200, "C"))
    seen = room.at(100).press("space")  # A runs to 180
    lunch = room.row("Lunsj")
    assert (lunch.start, lunch.end) == (at(180), at(230))
    assert minutes(seen.projection.misses[0].by) == 80
    assert seen.cut is not None
    assert seen.cut.changes == ((room.item("A"), 40 * MINUTE),)  # half of A's 80
    assert minutes(seen.cut.left_over) == 40


# ── the running day (runtimeState.test.ts, roll mode) ─────────────────────────


def test_offset_and_expected_end_through_the_day(agenda: Callable[..., Agenda]) -> None:
    """runtimeState: 'runtime offset': start late, next, add time; the offset and the
    expected end follow each step."""
    room = agenda((0, 60, "A"), (60, 90, "B"))
    room.at(7).press("space")
    assert (room.behind(), room.look().projection.projected_end) == (7, at(97))
    room.at(72).press("n")
    assert (room.behind(), room.look().projection.projected_end) == (12, at(102))
    room.press("+", 10)
    assert (room.behind(), room.look().projection.projected_end) == (22, at(112))


def test_roll_follows_the_plan_by_itself(agenda: Callable[..., Agenda]) -> None:
    """runtimeState, roll mode: 'pending event' (1 to go) and 'roll events' (each starts
    at its time; at 3.5 the third runs). A rehearsal on autopilot is tuiroom's roll."""
    room = agenda((1, 2, "A"), (2, 3, "B"), (3, 4, "C"), now=0, autopilot=True)
    seen = room.look()
    assert (seen.state, minutes(seen.remaining)) == ("waiting", 1)
    room.at(3.5).day.catch_up()
    assert [room.saved(t).started for t in "ABC"] == [at(1), at(2), at(3)]
    assert room.look().current == room.day.items[2]


# ── the bound on taking time, the projector and the referat follow ────────────


def test_within_the_bounds_plus_and_minus_keep_working(agenda: Callable[..., Agenda]) -> None:
    """Taking is bounded by what is left (the deadline never goes before now); < with 3
    minutes left takes those 3 and says so, + still gives, and the words go after a few
    seconds."""
    room = agenda((0, 10, "A"), (10, 20, "B"))
    room.at(0).press("space")
    room.at(6).press("-")
    assert room.saved("A").deadline == at(9)
    seen = room.press("<")
    assert room.saved("A").deadline == at(6)
    assert status_line(seen) == "Tok de siste 03:00 fra «A»: mer var ikke igjen."
    seen = room.press("+")
    assert room.saved("A").deadline == at(7)
    assert seen.held is None
    room.press("<")
    assert status_line(room.at(6 + 4 / 60).look()).startswith("Tok de siste 01:00")
    assert status_line(room.at(6 + 6 / 60).look()).startswith("4 minutter foran skjema")


def test_paused_the_bound_is_the_instant_of_pausing(agenda: Callable[..., Agenda]) -> None:
    """While paused the countdown stands still, and so does what is left to take."""
    room = agenda((0, 10, "A"), (10, 20, "B"))
    room.at(0).press("space")
    room.at(5).press("space")
    seen = room.at(30).press("<", 2)
    assert room.saved("A").deadline == at(5)
    assert (seen.state, seen.remaining) == ("paused", 0)
    assert status_line(seen) == "Kan ikke ta mer tid fra «A»: tiden er ute."


def test_taking_from_an_item_already_over_changes_nothing(
    agenda: Callable[..., Agenda],
) -> None:
    """Over its time (or paused over it), an item has nothing left to take: - does
    nothing, and the line says why, in the interface language."""
    from tuiroom.i18n import set_language

    room = agenda((0, 10, "A"), (10, 20, "B"))
    room.at(0).press("space")
    seen = room.at(12).press("-")
    assert room.saved("A") == ItemRunRow(room.item("A"), at(0), at(10), None, 0.0)
    assert countdown(seen.remaining) == "+02:00"
    set_language("nn")
    assert status_line(seen) == "Kan ikkje ta meir tid frå «A»: tida er ute."
    set_language("en")
    assert status_line(seen) == "Cannot take more time from “A”: its time is up."


def test_a_long_pause_brings_the_cut_offer(agenda: Callable[..., Agenda]) -> None:
    """Paused, the fixed points are checked against the pause so far: 30 minutes into a
    pause with 80 left of A, lunch is 20 minutes late, and the cut takes them from A."""
    room = agenda((0, 90, "A"), (100, 150, "Lunsj", "lunch"), (150, 200, "C"))
    room.at(0).press("space")
    room.at(10).press("space")
    assert room.at(20).look().cut is None
    seen = room.at(40).look()
    assert minutes(seen.projection.misses[0].by) == 20
    assert seen.cut is not None
    assert seen.cut.changes == ((room.item("A"), 20 * MINUTE),)
    room.runner.act(room.day.accept_cut, seen.cut)  # c, still paused
    room.press("space")
    assert room.saved("A").deadline == at(100)
    assert room.look().projection.misses == ()


def test_the_projector_sees_the_pause_as_delay(agenda: Callable[..., Agenda]) -> None:
    """The projector reads the same run with a Day of its own that never writes: during a
    pause it projects the same delay as the facilitator's window."""
    room = agenda((100, 150, "A"), (150, 200, "B"))
    room.at(100).press("space")
    room.at(125).press("space")
    room.at(150)
    projector = Day(room.store, room.day.run, room.clock, writable=False)
    assert projector.projection() == room.look().projection
    assert minutes(projector.projection().behind) == 25


def test_the_referat_counts_a_pause_as_the_items_time(agenda: Callable[..., Agenda]) -> None:
    """The notes take the real start and end: an item paused for 25 minutes ran 25
    minutes over, and the next one started 25 minutes late."""
    room = agenda((100, 150, "A"), (150, 200, "B"))
    room.at(100).press("space")
    room.at(125).press("space")
    room.at(150).press("space")
    room.at(175).press("n")
    text = export_samling(room.store, room.day.run.samling_id)
    assert "| 09:40–10:30 | A | 09:40–10:55 | 25 minutter over tiden |" in text
