"""Phases of an exercise in time: settling, turns, stations and the instants of signals."""

from __future__ import annotations

import datetime as dt

import pytest

from tuiroom.day.clock import at_time_of_day
from tuiroom.day.phases import (
    DuoTurn,
    GalleryTurn,
    Turn,
    duo,
    gallery,
    gallery_rotations,
    marks,
    moves_on_by_itself,
    phase_deadline,
    phase_seconds,
    progress,
    round_robin,
    settle,
    stations,
    whole_minutes,
)
from tuiroom.store.records import ExerciseRunRow, PhaseSpec

DAY = dt.date(2026, 11, 23)
T0 = at_time_of_day(DAY, 10 * 60)
ITEM_DEADLINE = at_time_of_day(DAY, 11 * 60)


def after(minutes: float = 0, seconds: float = 0) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes, seconds=seconds)


def fresh(phase: int = 0, phase_started: dt.datetime = T0) -> ExerciseRunRow:
    return ExerciseRunRow(7, T0, phase, phase_started, None)


THREE = (
    PhaseSpec("individual", 3, "Alone"),
    PhaseSpec("round-robin", 15, "Round"),
    PhaseSpec("plenum", 10, "Plenum"),
)
WAITS = (
    PhaseSpec("individual", 3, "Alone", wait=True),
    PhaseSpec("group", 5, "Group"),
)
OPEN = (
    PhaseSpec("individual", 5),
    PhaseSpec("group", None),
    PhaseSpec("plenum", 5),
)
GALLERY = (
    PhaseSpec("individual", 5),
    PhaseSpec("group", 20),
    PhaseSpec("gallery", 20, present=1, comment=3),
    PhaseSpec("plenum", 5),
)


# ── settle ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("now", "phase", "started"),
    [
        (after(0), 0, after(0)),
        (after(2, 59.999999), 0, after(0)),
        (after(3), 1, after(3)),  # the next phase starts at exactly the deadline
        (after(3, 0.000001), 1, after(3)),
        (after(17, 59), 1, after(3)),
        (after(18), 2, after(18)),
        (after(27, 59.5), 2, after(18)),
    ],
)
def test_settle_chains_phases_from_their_deadlines(
    now: dt.datetime, phase: int, started: dt.datetime
) -> None:
    settled = settle(THREE, fresh(), now, ITEM_DEADLINE)
    assert (settled.phase, settled.phase_started, settled.ended) == (phase, started, None)
    assert (settled.exercise_id, settled.started) == (7, T0)


@pytest.mark.parametrize("late", [0, 1, 60, 3600, 86400])
def test_settle_after_the_last_phase_ends_the_exercise_at_its_deadline_not_now(
    late: float,
) -> None:
    now = after(28, late)
    settled = settle(THREE, fresh(), now, ITEM_DEADLINE)
    assert settled == ExerciseRunRow(7, T0, 3, after(28), after(28))


def test_settle_from_a_saved_later_phase() -> None:
    saved = fresh(1, after(4))  # the facilitator moved on a minute late
    assert settle(THREE, saved, after(18), ITEM_DEADLINE).phase == 1
    settled = settle(THREE, saved, after(19), ITEM_DEADLINE)
    assert (settled.phase, settled.phase_started) == (2, after(19))


def test_settle_however_late_it_is_called_lands_on_the_same_instants() -> None:
    """Noticed once a second, once an hour, or never until now: the same answer."""
    now = after(20, 7)
    at_once = settle(THREE, fresh(), now, ITEM_DEADLINE)
    state = fresh()
    for second in range(0, 20 * 60 + 8):
        state = settle(THREE, state, after(0, second), ITEM_DEADLINE)
    assert state == at_once == ExerciseRunRow(7, T0, 2, after(18), None)


def test_a_waiting_phase_stays_until_the_facilitator_moves_on() -> None:
    for minutes in (2, 3, 10, 600):
        settled = settle(WAITS, fresh(), after(minutes), ITEM_DEADLINE)
        assert (settled.phase, settled.phase_started) == (0, T0)
    moved = fresh(1, after(12))
    assert settle(WAITS, moved, after(16, 59), ITEM_DEADLINE).phase == 1
    assert settle(WAITS, moved, after(17), ITEM_DEADLINE) == ExerciseRunRow(
        7, T0, 2, after(17), after(17)
    )


def test_an_open_phase_is_the_rest_of_the_item_and_never_moves_on_by_itself() -> None:
    settled = settle(OPEN, fresh(), after(5), ITEM_DEADLINE)
    assert (settled.phase, settled.phase_started) == (1, after(5))
    # Past the item's deadline, still in the open phase: the facilitator decides.
    settled = settle(OPEN, fresh(), after(300), ITEM_DEADLINE)
    assert (settled.phase, settled.phase_started, settled.ended) == (1, after(5), None)
    assert phase_deadline(OPEN[1], after(5), ITEM_DEADLINE) == ITEM_DEADLINE


def test_settle_keeps_an_ended_run_as_it_was() -> None:
    ended = ExerciseRunRow(7, T0, 3, after(28), after(28))
    assert settle(THREE, ended, after(100), ITEM_DEADLINE) == ended


def test_settle_with_no_phases() -> None:
    settled = settle((), fresh(), after(1), ITEM_DEADLINE)
    assert (settled.phase, settled.ended) == (0, T0)


def test_phase_deadline_and_what_moves_on() -> None:
    assert phase_deadline(THREE[0], T0, ITEM_DEADLINE) == after(3)
    assert phase_deadline(PhaseSpec("group", 2.5), T0, ITEM_DEADLINE) == after(2, 30)
    assert phase_deadline(PhaseSpec("group"), T0, ITEM_DEADLINE) == ITEM_DEADLINE
    # An open phase begun after the item's deadline is up at once.
    late_start = ITEM_DEADLINE + dt.timedelta(minutes=5)
    assert phase_deadline(PhaseSpec("group"), late_start, ITEM_DEADLINE) == late_start
    assert phase_seconds(THREE[1]) == 900
    assert phase_seconds(PhaseSpec("group")) is None
    assert moves_on_by_itself(THREE[0])
    assert not moves_on_by_itself(WAITS[0])
    assert not moves_on_by_itself(OPEN[1])


# ── round robin, duo, gallery ─────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("elapsed", "speaker", "next_in"),
    [
        (0, 1, 180),
        (179.9, 1, pytest.approx(0.1)),
        (180, 2, 180),
        (450, 3, 90),
        (720, 5, 180),
        (899, 5, 1),
        (900, 5, 0),
        (1200, 5, 0),
    ],
)
def test_round_robin_shares_the_phase_among_speakers(
    elapsed: float, speaker: int, next_in: float
) -> None:
    turn = round_robin(elapsed, 900, 5)
    assert turn == Turn(speaker, 5, 180.0, next_in)


def test_round_robin_edge_cases() -> None:
    assert round_robin(10, 900, 0) == Turn(1, 1, 900.0, 890.0)
    assert round_robin(10, 900, 1) == Turn(1, 1, 900.0, 890.0)
    assert round_robin(0, 0, 4) == Turn(1, 4, 0.0, 0.0)
    # 23 minutes among 4 speakers: 5:45 each.
    assert round_robin(5 * 60 + 45, 23 * 60, 4) == Turn(2, 4, 345.0, 345.0)


@pytest.mark.parametrize(
    ("elapsed", "half", "switch_in"),
    [(0, 1, 210), (100, 1, 110), (209.999, 1, pytest.approx(0.001)), (210, 2, 0), (500, 2, 0)],
)
def test_duo_switches_at_half_time(elapsed: float, half: int, switch_in: float) -> None:
    assert duo(elapsed, 420) == DuoTurn(half, switch_in)


@pytest.mark.parametrize(
    ("elapsed", "turn"),
    [
        (0, GalleryTurn(1, 5, "present", 60)),
        (59, GalleryTurn(1, 5, "present", 1)),
        (60, GalleryTurn(1, 5, "comment", 180)),
        (239, GalleryTurn(1, 5, "comment", 1)),
        (240, GalleryTurn(2, 5, "present", 60)),
        (7 * 60, GalleryTurn(2, 5, "comment", 60)),
        (16 * 60 + 30, GalleryTurn(5, 5, "present", 30)),
        (19 * 60 + 59, GalleryTurn(5, 5, "comment", 1)),
        (20 * 60, GalleryTurn(5, 5, "return", 0)),
        (25 * 60, GalleryTurn(5, 5, "return", 0)),
    ],
)
def test_gallery_walk_present_comment_move(elapsed: float, turn: GalleryTurn) -> None:
    assert gallery(elapsed, 20 * 60, 60, 180, 6) == turn


def test_gallery_with_few_groups_returns_everyone_home_early() -> None:
    # Four groups visit three other posters: 12 minutes, then 8 minutes back home.
    assert gallery(11 * 60, 1200, 60, 180, 4) == GalleryTurn(3, 3, "comment", 60)
    assert gallery(12 * 60, 1200, 60, 180, 4) == GalleryTurn(3, 3, "return", 480)
    assert gallery(0, 1200, 0, 0, 4) == GalleryTurn(0, 0, "return", 1200)


@pytest.mark.parametrize(
    ("length", "station", "groups", "rotations"),
    [
        (1200, 240, 6, 5),
        (1200, 240, 8, 5),  # the phase is too short for everyone
        (1200, 240, 4, 3),  # nobody visits their own poster
        (1200, 240, 2, 1),
        (1200, 240, 1, 5),  # no groups known: as many as fit
        (1200, 240, 0, 5),
        (1199, 240, 9, 4),
        (1200, 0, 6, 0),
    ],
)
def test_gallery_rotations(length: float, station: float, groups: int, rotations: int) -> None:
    assert gallery_rotations(length, station, groups) == rotations


def test_stations_move_each_group_one_poster_on() -> None:
    groups = ["A", "B", "C", "D"]
    assert stations(groups, 0) == [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]
    assert stations(groups, 1) == [("A", "D"), ("B", "A"), ("C", "B"), ("D", "C")]
    assert stations(groups, 2) == [("A", "C"), ("B", "D"), ("C", "A"), ("D", "B")]
    assert stations(groups, 4) == stations(groups, 0)
    assert stations([], 1) == []


@pytest.mark.parametrize("count", [2, 3, 6, 7])
def test_stations_every_group_visits_every_other_poster_once(count: int) -> None:
    groups = [f"g{n}" for n in range(count)]
    seen: dict[str, list[str]] = {g: [] for g in groups}
    for rotation in range(1, count):
        pairs = stations(groups, rotation)
        assert sorted(p for p, _ in pairs) == sorted(groups)
        assert sorted(v for _, v in pairs) == sorted(groups)
        for poster, visitors in pairs:
            assert poster != visitors
            seen[visitors].append(poster)
    for group, posters in seen.items():
        assert sorted(posters) == sorted(g for g in groups if g != group)


# ── marks ─────────────────────────────────────────────────────────────────────


def test_marks_round_robin_next_speaker() -> None:
    found = list(marks(THREE[1], T0, after(15), speakers=5, groups=0))
    assert found == [(after(minutes), "speaker") for minutes in (3, 6, 9, 12)]
    assert list(marks(THREE[1], T0, after(15), speakers=1, groups=0)) == []
    # An open round-robin: 23 minutes to the item deadline among 4 speakers.
    found = list(marks(PhaseSpec("round-robin"), T0, after(23), speakers=4, groups=0))
    assert [when for when, _ in found] == [after(5, 45), after(11, 30), after(17, 15)]


def test_marks_duo_switch_at_half_time() -> None:
    assert list(marks(PhaseSpec("duo", 7), T0, after(7), 1, 0)) == [(after(3, 30), "switch")]


def test_marks_gallery_comment_and_move() -> None:
    phase = GALLERY[2]
    found = list(marks(phase, T0, after(20), speakers=1, groups=6))
    expected = []
    for n in range(5):
        expected.append((after(4 * n + 1), "comment"))
        expected.append((after(4 * n + 4), "move"))
    assert found == expected
    found = list(marks(phase, T0, after(20), speakers=1, groups=3))
    assert found == [
        (after(1), "comment"),
        (after(4), "move"),
        (after(5), "comment"),
        (after(8), "move"),
    ]


def test_no_marks_for_quiet_or_empty_phases() -> None:
    assert list(marks(PhaseSpec("individual", 5), T0, after(5), 5, 6)) == []
    assert list(marks(PhaseSpec("plenum", 5), T0, after(5), 5, 6)) == []
    assert list(marks(PhaseSpec("gallery", 20), T0, after(20), 5, 6)) == []
    assert list(marks(PhaseSpec("duo", 7), T0, T0, 1, 0)) == []
    assert list(marks(PhaseSpec("duo", 7), T0, after(-1), 1, 0)) == []


# ── small helpers ─────────────────────────────────────────────────────────────


def test_progress_and_whole_minutes() -> None:
    assert progress(0, 600) == 0
    assert progress(150, 600) == 0.25
    assert progress(900, 600) == 1
    assert progress(-5, 600) == 0
    assert progress(100, None) == 0
    assert progress(100, 0) == 0
    assert whole_minutes(0) == 0
    assert whole_minutes(1) == 1
    assert whole_minutes(60) == 1
    assert whole_minutes(60.5) == 2
    assert whole_minutes(-59) == 0
