"""How long a keystroke in the capture form takes to be safely in the database.

Runs the real app headless (Textual's Pilot) on a FILE database in a temporary folder
(Store.open: WAL, the connection tuiroom uses), starts the day on the agenda with Space
so the first item's countdown ticks once a second on the real clock, opens the capture
screen with 3 and types 1,000 keystrokes (letters, spaces, æøå, Enter now and then) into
the first group's answer. Each keystroke is sent as the terminal driver sends it
(``driver.send_message(events.Key)``, as ``bench_groups_screen.Frames.after_key`` does)
and every frame is rendered to escape codes as for a real terminal (``Frames``).

What is timed, per keystroke: from sending the key event until a SEPARATE read-only
sqlite3 connection to the same file reads the answer with exactly the text typed so far.
Polled with ``asyncio.sleep(0)`` between reads, so the app's tasks run in between and the
resolution is a few microseconds. Why a second connection rather than timing
``store.save_answer``: it is the end the facilitator cares about (the text is in the
file, committed, where a restarted tuiroom, the projector or the export would find it),
and it measures everything on the way (driver → app → screen → TextArea → Changed →
check line → save → commit) without trusting the code under test to report on itself.
With ``journal_mode=WAL`` and the default ``synchronous=FULL`` a commit returns only
after the WAL is fsynced, so what the reader sees has also reached the disk (the run
prints the pragmas it found). ``save_answer`` is also wrapped, to split each figure into
the time before the save starts and the save itself; that is printed for information.

Keystrokes are sent ``--gap-ms`` apart (default 30 ms: 33 keys a second, faster than
anyone types, and leaves the app time to draw between keys; 0 is a paste-like stress).

Baseline, in the same run and on the same file: a bare sqlite3 connection upserts the
same row (same question, same group, the same 1,000 growing texts, the schema's
full-text triggers firing) and commits, then the reader reads it back: the least any
program could do to make each keystroke durable with this schema on this disk.

    .venv/bin/python bench/bench_capture.py [--keys 1000] [--gap-ms 30] [--dir PATH]

Prints p50/p99/max in milliseconds, the ratio to the baseline and OK/MISSED; exits 1 if
p99 is 20 ms or more.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.widgets import TextArea

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_groups_screen import Frames  # noqa: E402

from tuiroom.app import make_app  # noqa: E402
from tuiroom.programme.loading import load_programme  # noqa: E402
from tuiroom.store import Store  # noqa: E402

TARGET_MS = 20.0
SIZE = (120, 35)
SELJORD = HERE.parent / "data" / "seljord.toml"
WORDS = (
    "Vi snakket om tillit på tvers av enhetene og om å være tydelige på hva vi forventer "
    "av hverandre før møtene. Lederne ønsker færre rapporter, mer tid sammen med de "
    "ansatte og åpne samtaler om feil vi lærer av."
)
LINE = 70  # Enter at the first space after this many characters on a line
TIMEOUT_S = 5.0


class BenchError(RuntimeError):
    """The app did not save what was typed."""


def keystrokes(count: int) -> list[tuple[str, str]]:
    """(key, character) pairs as the terminal driver makes them, `count` of them."""
    keys: list[tuple[str, str]] = []
    column = 0
    while len(keys) < count:
        for char in WORDS + " ":
            if len(keys) == count:
                break
            if char == " " and column >= LINE:
                keys.append(("enter", "\r"))
                column = 0
                continue
            keys.append((_character_to_key(char), char))
            column += 1
    return keys


def typed(keys: list[tuple[str, str]]) -> list[str]:
    """The text the form holds after each keystroke."""
    texts, text = [], ""
    for key, char in keys:
        text += "\n" if key == "enter" else char
        texts.append(text)
    return texts


def reader(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def read_text(conn: sqlite3.Connection, question_id: int, group_key: str) -> str | None:
    row = conn.execute(
        "select fields from answer where question_id = ? and group_key = ? and deleted = 0",
        [question_id, group_key],
    ).fetchone()
    return json.loads(row[0]).get("text") if row else None


def file_system(path: Path) -> str:
    """The type of the file system `path` is on, from /proc/mounts (Linux)."""
    best, kind = "", "?"
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return kind
    real = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3 or len(parts[1]) < len(best):
            continue
        if real == parts[1] or real.startswith(parts[1].rstrip("/") + "/"):
            best, kind = parts[1], parts[2]
    return kind


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)  # key sent → reader sees it, ms
    before_save: list[float] = field(default_factory=list)  # key sent → save_answer called
    save: list[float] = field(default_factory=list)  # save_answer, call to return
    saves: int = 0
    ticks: int = 0
    frames: int = 0
    pragmas: dict[str, Any] = field(default_factory=dict)
    question_id: int = 0
    group_key: str = ""


async def time_app(db: Path, programme: Path, keys: list[tuple[str, str]], gap: float) -> Run:
    run = Run()
    store = Store.open(db)
    store.load(load_programme(programme), programme, programme.read_text("utf-8"))
    samling = next(s.id for s in store.samlinger() if s.key == "s3")
    app = make_app(store, samling)  # the system clock: the countdown runs in real time

    tick = app.tick

    def counted_tick() -> None:
        run.ticks += 1
        tick()

    app.tick = counted_tick  # type: ignore[method-assign]  # before mount sets the interval

    save_answer = store.save_answer
    calls: list[tuple[float, float]] = []

    def timed_save(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return save_answer(*args, **kwargs)
        finally:
            calls.append((began, time.perf_counter()))

    store.save_answer = timed_save  # type: ignore[method-assign]
    texts = typed(keys)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")  # the agenda's Space starts the day
            await pilot.pause()
            if app.day.current() is None:
                raise BenchError("the day did not start")
            await pilot.press("3")
            await pilot.pause()
            screen = app.screen
            area = screen.query_one("#field-text", TextArea)
            if app.focused is not area:
                raise BenchError(f"the answer field has no focus ({app.focused!r})")
            slot = screen.slots[screen.slot]  # type: ignore[attr-defined]
            speaker = screen.speakers[screen.speaker]  # type: ignore[attr-defined]
            run.question_id, run.group_key = slot.question.id, speaker.key
            run.pragmas = {
                name: store.conn.execute(f"pragma {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous")
            }
            frames = Frames(app)
            look = reader(db)
            run.ticks = 0
            assert app._driver is not None
            for (key, char), text in zip(keys, texts, strict=True):
                before = len(calls)
                event = events.Key(key, char)
                event.set_sender(app)
                start = time.perf_counter()
                app._driver.send_message(event)
                while True:
                    await asyncio.sleep(0)
                    if read_text(look, run.question_id, run.group_key) == text:
                        seen = time.perf_counter()
                        break
                    if time.perf_counter() - start > TIMEOUT_S:
                        raise BenchError(f"not saved after {TIMEOUT_S} s: {text[-30:]!r}")
                run.latencies.append((seen - start) * 1000)
                mine = calls[before:]
                run.saves += len(mine)
                if mine:
                    run.before_save.append((mine[-1][0] - start) * 1000)
                    run.save.append((mine[-1][1] - mine[-1][0]) * 1000)
                if gap:
                    await asyncio.sleep(gap)
            await pilot.pause()
            run.frames = len(frames.times)
            if area.text != texts[-1]:
                raise BenchError("the form does not hold what was typed")
            if app.day.current() is None:
                raise BenchError("the countdown stopped during the run")
            look.close()
    finally:
        store.close()
    return run


def time_baseline(db: Path, question_id: int, group_key: str, texts: list[str]) -> list[float]:
    """A bare upsert of the same row and a commit, then the reader reads it back."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA recursive_triggers=ON")
    conn.execute(
        "delete from answer where question_id = ? and group_key = ?", [question_id, group_key]
    )
    look = reader(db)
    sql = """insert into answer (question_id, group_key, group_label, position, fields, body,
                                 created_at, changed_at, deleted)
             values (?, ?, ?, 0, ?, ?, ?, ?, 0)
             on conflict (question_id, group_key) do update
             set fields = excluded.fields, body = excluded.body,
                 changed_at = excluded.changed_at, deleted = 0"""
    times = []
    for text in texts:
        start = time.perf_counter()
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        data = json.dumps({"text": text}, ensure_ascii=False)
        conn.execute("BEGIN")
        conn.execute(sql, [question_id, group_key, group_key, data, text.strip(), now, now])
        conn.execute("COMMIT")
        if read_text(look, question_id, group_key) != text:
            raise BenchError("the baseline's reader does not see the commit")
        times.append((time.perf_counter() - start) * 1000)
    look.close()
    conn.close()
    return times


def p(values: list[float], share: float) -> float:
    """The share-quantile (0.5, 0.99) of the values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures(values: list[float]) -> str:
    return f"p50 {p(values, 0.5):.2f} p99 {p(values, 0.99):.2f} max {max(values):.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--keys", type=int, default=1000, help="keystrokes (default 1000)")
    parser.add_argument(
        "--gap-ms", type=float, default=30.0, help="pause between keystrokes (default 30)"
    )
    parser.add_argument("--dir", type=Path, default=None, help="folder for the database file")
    args = parser.parse_args(argv)

    keys = keystrokes(args.keys)
    texts = typed(keys)
    with tempfile.TemporaryDirectory(prefix="tuiroom-bench-capture-", dir=args.dir) as folder:
        here = Path(folder)
        programme = here / "seljord.toml"
        shutil.copy(SELJORD, programme)
        db = here / "capture.tuiroom.db"
        run = asyncio.run(time_app(db, programme, keys, args.gap_ms / 1000))
        baseline = time_baseline(db, run.question_id, run.group_key, texts)
        kind = file_system(here)
        size = sum(f.stat().st_size for f in here.glob(f"{db.name}*"))

    synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(
        run.pragmas.get("synchronous"), str(run.pragmas.get("synchronous"))
    )
    p50, p99 = p(run.latencies, 0.5), p(run.latencies, 0.99)
    base50, base99 = p(baseline, 0.5), p(baseline, 0.99)
    ok = p99 < TARGET_MS
    print(
        f"tuiroom capture · {len(keys)} keystrokes into one answer ({len(texts[-1])} characters) "
        f"· {args.gap_ms:g} ms apart · countdown running ({run.ticks} ticks during the run)"
    )
    print(
        f"database: file on {kind} ({folder}), journal_mode={run.pragmas.get('journal_mode')} "
        f"synchronous={synchronous}, {size // 1024} KiB with its WAL and index at the end"
    )
    print(f"baseline_ms {figures(baseline)} (bare sqlite3 upsert of the same row + commit)")
    print(f"before_save_ms {figures(run.before_save)} (key sent → save_answer called)")
    print(f"save_answer_ms {figures(run.save)} (save_answer, call to return)")
    print(
        f"saves {run.saves} for {len(keys)} keystrokes · frames drawn {run.frames} · "
        f"mean {statistics.mean(run.latencies):.2f} ms"
    )
    print(
        f"keystroke_to_commit_ms {figures(run.latencies)} (target p99 < {TARGET_MS:.0f}) "
        f"ratio_to_baseline p50 {p50 / base50:.2f} p99 {p99 / base99:.2f} "
        f"{'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
