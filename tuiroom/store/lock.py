"""One facilitator window per database: an advisory flock on the database file itself.

The lock is taken on a file descriptor of its own, so it is separate from the POSIX
locks SQLite takes on the same file, and the kernel drops it when the process dies:
a window killed with kill -9 or lost in a power cut never blocks the next start.
No extra lock file is written. The projector and the export never take it.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
included; so a claim's descriptor stays open until the store on that file is closed, and
a probe keeps its descriptor open between looks instead of opening the file each time.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from tuiroom.store.database import StoreError, check_file

CLAIM_TRIES = 25  # a projector's look holds a shared lock for microseconds: try again
CLAIM_PAUSE_S = 0.01


def _take(fd: int, operation: int) -> bool:
    for attempt in range(CLAIM_TRIES):
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if attempt + 1 < CLAIM_TRIES:
                time.sleep(CLAIM_PAUSE_S)
    return False


class DayLock:
    """A window's hold on one database file, until `release()`."""

    def __init__(self, path: Path, fd: int, created: bool) -> None:
        self.path, self.fd, self.created = path, fd, created

    @classmethod
    def claim(cls, path: Path | str, *, shared: bool = False) -> DayLock:
        """Hold the database at `path` for this window, creating an empty file if there
        is none yet; StoreError("open_elsewhere") if another window holds it.

        `shared`: held alongside other shared holders, but never with a facilitator's
        window (a rehearsal holds the real database this way while it copies and runs).
        """
        path = Path(path)
        check_file(path, write=not shared)
        created = not path.exists()
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC
        fd = os.open(path, flags if not shared else os.O_RDONLY | os.O_CLOEXEC, 0o600)
        if not _take(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX):
            os.close(fd)
            raise StoreError("open_elsewhere", path)
        return cls(path, fd, created)

    def empty(self) -> None:
        """Make the held file an empty one, with no journal of an earlier life beside it."""
        for leftover in (f"{self.path}-wal", f"{self.path}-shm", f"{self.path}-journal"):
            Path(leftover).unlink(missing_ok=True)
        os.ftruncate(self.fd, 0)

    def release(self, *, remove: bool = False) -> None:
        """Let the next window have the file; close every store on it first.

        `remove` deletes the file and SQLite's files beside it (a rehearsal thrown away);
        a file this claim created and nothing filled is removed as well.
        """
        if self.fd < 0:
            return
        if remove or (self.created and os.fstat(self.fd).st_size == 0):
            for name in (f"{self.path}-wal", f"{self.path}-shm", str(self.path)):
                Path(name).unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = -1

    def __enter__(self) -> DayLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class LockProbe:
    """Looks, without taking it, whether some window holds the file at `path`."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.fd = -1
        self.inode: tuple[int, int] | None = None

    def _follow(self) -> bool:
        """A descriptor of the file now at the path (a new one if it was replaced)."""
        try:
            now = os.stat(self.path)
        except OSError:
            self.close()
            return False
        if self.inode != (now.st_dev, now.st_ino):
            self.close()
            try:
                self.fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return False
            found = os.fstat(self.fd)
            self.inode = (found.st_dev, found.st_ino)
        return True

    def held(self) -> bool:
        if not self._follow():
            return False
        try:
            fcntl.flock(self.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        return False

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
        self.fd, self.inode = -1, None


def is_held(path: Path | str) -> bool:
    """Whether a window holds the file at `path` now (a one-off look)."""
    probe = LockProbe(path)
    try:
        return probe.held()
    finally:
        probe.close()
