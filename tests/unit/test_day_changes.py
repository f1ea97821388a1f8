"""Changing Samling 3's agenda on the day: each change, where it is refused, its undo, and
that it survives a store opened again and a programme file loaded again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import SELJORD
from tuiroom.day import editing
from tuiroom.day.changes import ADDED, MOVED
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

DAY = dt.date(2023, 9, 21)


def at(hours: int, minutes: int = 0) -> dt.datetime:
    return at_time_of_day(DAY, hours * 60 + minutes)


def s3_day(store: Store, clock: FakeClock) -> Day:
    samling = next(s.id for s in store.samlinger() if s.key == "s3")
    return Day.live(store, samling, clock)


def titles(day: Day) -> list[str]:
    return [i.title for i in day.items]


def test_add_rename_move_remove_and_undo_each(seljord_store: Store) -> None:
    day = s3_day(seljord_store, FakeClock(at(8, 0)))
    first = titles(day)
    new_id, refused = editing.add_item(day, "Gjest", 20, "talk", 2)
    assert refused is None and titles(day)[2] == "Gjest" and day.agenda.marks[new_id] == ADDED
    # Everything after it, up to lunch, starts 20 minutes later; lunch holds and is missed.
    assert day.items[3].start == 9 * 60 + 50
    assert day.items[7].title == "Lunsj" and day.items[7].start == 11 * 60 + 30
    assert day.projection().misses[0].item is not None
    assert day.proposed_cut() is not None
    assert editing.rename_item(day, day.items[0], "God morgen") is None
    assert titles(day)[0] == "God morgen"
    moved = day.items[4]
    assert editing.move_item(day, moved, -1) is None
    assert titles(day)[3] == moved.title and day.agenda.marks[moved.id] == MOVED
    assert editing.remove_item(day, day.items[5]) is None
    assert len(day.items) == len(first)
    kinds = [editing.undo(day)[0] for _ in range(4)]
    assert kinds == ["remove", "move", "rename", "add"]
    assert titles(day) == first and day.agenda.marks == {}
    assert editing.undo(day) == (None, "change.nothing_to_undo")
    assert seljord_store.items(day.run.samling_id)[2].title == first[2]  # the file's rows


def test_length_start_and_phases(seljord_store: Store) -> None:
    clock = FakeClock(at(8, 30))
    day = s3_day(seljord_store, clock)
    mestring = day.items[1]
    assert editing.set_length(day, mestring, 45) is None
    assert day.items[1].end - day.items[1].start == 45 and day.items[2].start == 9 * 60 + 45
    assert editing.set_start(day, day.items[3], 10 * 60 + 15) is None
    assert day.items[3].start == 10 * 60 + 15 and day.items[3].fixed
    day.toggle()  # Velkommen runs
    assert editing.set_length(day, day.items[0], 40) == "change.use_plus"
    assert editing.remove_item(day, day.items[0]) == "change.has_run"
    assert editing.move_item(day, day.items[1], -1) == "change.cannot_move"
    day.exercise_step()  # the duo of 7 minutes runs
    exercise = day.exercises[day.items[0].id][0]
    assert editing.set_phases(day, exercise.id, [12]) is None
    clock.set(at(8, 38))
    running = day.running_exercise()
    assert running is not None and running[1].phase == 0  # 12 minutes now, not 7
    assert day.phase_deadline() == at(8, 42)


def test_changes_survive_a_reopened_store_and_a_reloaded_file(tmp_path: Path) -> None:
    path = tmp_path / "day.tuiroom.db"
    store = Store.open(path)
    store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    clock = FakeClock(at(8, 30))
    day = s3_day(store, clock)
    day.toggle()
    editing.add_break(day, None, "Pause")
    editing.rename_item(day, day.items[3], "Trygghet")
    expected = titles(day)
    store.conn.close()  # as after kill -9: nothing but what was committed
    again = Store.open(path)
    edited = SELJORD.read_text("utf-8").replace('title = "Lunsj"', 'title = "Lunsj"\nnote = "x"')
    again.load(load_programme(SELJORD), SELJORD, edited)
    day = s3_day(again, clock)
    assert titles(day) == expected and expected[1] == "Pause"
    assert day.current() is not None and day.current() == day.items[0]
    again.close()


def test_the_referat_marks_what_the_day_changed(seljord_store: Store) -> None:
    from tuiroom.notes.referat import export_samling

    clock = FakeClock(at(8, 30))
    day = s3_day(seljord_store, clock)
    day.toggle()
    editing.add_break(day, None, "Strekk på beina", 5)
    editing.move_item(day, day.items[4], -1)  # Psykologisk trygghet before the pause
    editing.remove_item(day, day.items[6])  # Lærende organisasjoner
    clock.set(at(9, 0))
    day.next()
    lines = export_samling(seljord_store, day.run.samling_id).splitlines()
    row = next(line for line in lines if "Strekk på beina" in line)
    assert "(lagt til på dagen)" in row and "09:00–" in row
    assert any("Psykologisk trygghet (flyttet)" in line for line in lines)
    assert any("Lærende organisasjoner (fjernet)" in line for line in lines)
    nn = export_samling(seljord_store, day.run.samling_id, lang="nn")
    assert "Lærende organisasjoner (fjerna)" in nn and "Psykologisk trygghet (flytta)" in nn
    en = export_samling(seljord_store, day.run.samling_id, lang="en")
    assert "Strekk på beina (added on the day)" in en and "(removed)" in en


def test_a_projector_follows_each_change_and_its_undo(tmp_path: Path) -> None:
    from tuiroom.day.view import Room, WarnRule, view

    path = tmp_path / "day.tuiroom.db"
    store = Store.open(path)
    store.load(load_programme(SELJORD), SELJORD, SELJORD.read_text("utf-8"))
    clock = FakeClock(at(8, 40))
    day = s3_day(store, clock)
    day.toggle()
    reader = Store.reader(path)
    projector = Day(reader, day.run, clock, writable=False)
    before = reader.data_version()
    editing.add_break(day, None, "Pause nå", 10)
    assert reader.data_version() != before  # what the projector polls for
    projector.reload()
    seen = view(projector, WarnRule(), Room(4, ()))
    assert seen.following is not None and seen.following.title == "Pause nå"
    assert seen.projection.projected_end == at(15, 20)  # started 10 minutes late, and the break
    editing.undo(day)
    projector.reload()
    assert view(projector, WarnRule(), Room(4, ())).following.title == day.items[1].title
    reader.close()
    store.close()


def test_changes_belong_to_their_run_only(seljord_store: Store) -> None:
    from tuiroom.i18n import t

    clock = FakeClock(at(8, 0))
    samling = next(s.id for s in seljord_store.samlinger() if s.key == "s3")
    other = next(s.id for s in seljord_store.samlinger() if s.key != "s3")
    rehearsal = Day.rehearsal(seljord_store, samling, clock, at(8, 0))
    editing.add_break(rehearsal, None, "Øvingspause")
    assert "Øvingspause" in titles(rehearsal)
    assert "Øvingspause" not in titles(Day.live(seljord_store, samling, clock))
    before = [i.title for i in seljord_store.items(other)]
    assert titles(Day.live(seljord_store, other, clock)) == before
    assert t("change.key.add", lang="en") == "Add item"
    assert t("change.key.remove", lang="en") == "Remove item"
    assert t("change.key.undo", lang="en") == "Undo change"


def test_what_the_dialogs_read() -> None:
    from tuiroom.screens.change_dialogs import phase_minutes, time_of_day, whole_minutes

    assert phase_minutes("5 20 -", 3) == [5, 20, None]
    assert phase_minutes("5, 20", 3) is None and phase_minutes("5 x 3", 3) is None
    assert time_of_day("10:15") == 615 and time_of_day("9.05") == 545
    assert time_of_day("25:00") is None and time_of_day("10") is None
    assert whole_minutes("0") is None and whole_minutes("15") == 15
