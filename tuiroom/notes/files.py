"""Writing the notes to a file: where it goes by default, and whole or not at all."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from pathlib import Path

from tuiroom.i18n import t
from tuiroom.notes.markdown import slug
from tuiroom.store.records import SamlingRow


class ExportError(Exception):
    """A file that cannot be written (or a samling not found); `code` names the message."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = {k: str(v) for k, v in values.items()}

    def message(self, lang: str | None = None) -> str:
        return t(f"export.{self.code}", lang=lang, **self.values)


def default_output(db: Path | None, samling: SamlingRow | None, suffix: str = "") -> Path:
    """Beside the database: seljord-samling-3.md, or seljord.md for the whole programme;
    with a `suffix`, seljord-samling-3-deltakere.md (the participants' referat)."""
    stem = db.name.removesuffix(".db").removesuffix(".tuiroom") if db else "tuiroom"
    folder = db.parent if db else Path.cwd()
    part = (slug(samling.title) or slug(samling.key) or str(samling.id)) if samling else ""
    name = "-".join(x for x in (stem, part, slug(suffix)) if x)
    return folder / f"{name}.md"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep_leftovers(path: Path) -> None:
    """Remove the temporary files of earlier exports to `path` whose writer is gone (an
    export killed while writing): `.NAME.PID.XXXX.tmp`, and the PID-less names of older
    versions."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        middle = leftover.name[len(path.name) + 2 : -len(".tmp")]
        pid = middle.split(".")[0]
        if pid.isdigit() and pid != "0" and _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_atomic(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it over `path`: a
    failure halfway leaves whatever was there before untouched. An existing file is
    replaced only with `force`, and keeps its permissions; a new one is readable by its
    owner only, like the database (the notes name people)."""
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise ExportError("is_dir", path=path)
    if not path.parent.is_dir():
        raise ExportError("folder", path=path.parent)
    if path.exists() and not force:
        raise ExportError("exists", path=path)
    sweep_leftovers(path)
    temp: str | None = None
    try:
        prefix = f".{path.name}.{os.getpid()}."
        fd, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise ExportError("failed", path=path, reason=exc.strerror or exc) from exc
    return path
