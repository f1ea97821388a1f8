"""The programme as run: a commented file written again with the day's changes, compared
with a golden file, and checked as any programme file is."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tuiroom.cli.main import main
from tuiroom.day import editing
from tuiroom.day.changes import run_agenda
from tuiroom.day.clock import FakeClock, at_time_of_day
from tuiroom.day.running import Day
from tuiroom.programme.as_run import as_run
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

GOLDEN = Path(__file__).parent / "golden"
SOURCE = GOLDEN / "as-run-source.toml"


def changed_day(store: Store) -> Day:
    store.load(load_programme(SOURCE), SOURCE, SOURCE.read_text("utf-8"))
    return changed_day_in(store)


def changed_day_in(store: Store) -> Day:
    samling = store.samlinger()[0].id
    day = Day.live(store, samling, FakeClock(at_time_of_day(dt.date(2024, 1, 18), 8 * 60)))
    editing.rename_item(day, day.items[0], "Welcome")
    editing.add_item(day, "Stretch", 5, "break", 2)  # after "What makes change stick?"
    editing.set_length(day, day.items[1], 45)
    editing.move_item(day, day.items[4], -1)  # the guest before the break
    editing.remove_item(day, day.items[4])  # no break after all: lunch is near
    editing.set_start(day, day.items[5], 12 * 60 + 15)  # action learning after a long lunch
    exercise = day.exercises[day.items[1].id][0]
    editing.set_phases(day, exercise.id, [5, 20, 12])
    return day


def test_the_programme_as_run_matches_golden(store: Store, tmp_path: Path) -> None:
    day = changed_day(store)
    agenda = run_agenda(store, day.run.samling_id, day.run)
    samling = store.samling(day.run.samling_id)
    assert samling is not None
    items, exercises = store.items(samling.id), store.exercises(samling.id)
    text = as_run(SOURCE.read_text("utf-8"), samling.position, items, exercises, agenda)
    golden = GOLDEN / "as-run.toml"
    if os.environ.get("TUIROOM_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text("utf-8")
    written = tmp_path / "as-run.toml"
    written.write_text(text, encoding="utf-8")
    assert main(["check", str(written)]) == 0
    again = [(i.title, i.start, i.end) for i in load_programme(written).samlinger[0].items]
    assert again == [(i.title, i.start, i.end) for i in agenda.items]


def test_export_as_run_writes_a_new_file_and_never_replaces_one(tmp_path: Path) -> None:
    source = tmp_path / "day.toml"
    source.write_text(SOURCE.read_text("utf-8"), encoding="utf-8")
    database = tmp_path / "day.tuiroom.db"
    store = Store.open(database)
    store.load(load_programme(source), source, source.read_text("utf-8"))
    changed_day_in(store)
    store.close()
    out = tmp_path / "next-time.toml"
    args = ["export", str(source), "--db", str(database), "--session", "day1", "--as-run"]
    assert main([*args, str(out)]) == 0
    assert out.read_text("utf-8") == (GOLDEN / "as-run.toml").read_text("utf-8")
    assert main([*args, str(source)]) == 2  # the original stays as it was
    assert source.read_text("utf-8") == SOURCE.read_text("utf-8")
    source.write_text(SOURCE.read_text("utf-8") + "\n# edited\n", encoding="utf-8")
    assert main([*args, str(tmp_path / "other.toml")]) == 2  # edited since it was loaded
    assert not (tmp_path / "other.toml").exists()


def test_items_in_one_inline_array_are_told_not_rewritten(tmp_path: Path) -> None:
    source = tmp_path / "inline.toml"
    source.write_text(
        '[programme]\ntitle = "P"\n\n[[samling]]\ntitle = "S"\n'
        'item = [{ time = "09:00 – 10:00", title = "A" },'
        ' { time = "10:00 – 11:00", title = "B" }]\n',
        encoding="utf-8",
    )
    database = tmp_path / "inline.tuiroom.db"
    store = Store.open(database)
    store.load(load_programme(source), source, source.read_text("utf-8"))
    store.close()
    out = tmp_path / "out.toml"
    assert main(["export", str(source), "--db", str(database), "--as-run", str(out)]) == 2
    assert not out.exists()
