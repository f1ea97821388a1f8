"""`tuiroom new`: a programme file to start from, a copy of the example, or one made
from an agenda pasted off a slide. A file that exists is never overwritten without
--force: a facilitator's own programme is the one thing here that cannot be redone.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from tuiroom.cli.launch import UserError
from tuiroom.i18n import LANGUAGES, language, t, tn


@dataclass
class Written:
    """What `new` wrote, and what to tell about it."""

    path: Path
    message: str
    remarks: tuple[str, ...] = ()


def starter(lang: str) -> Path:
    from tuiroom.paths import bundled

    return bundled(f"starter-{lang}.toml")


def write_new(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to `path`: a new file only, unless `force`."""
    path = path.expanduser()
    if path.is_dir():
        raise UserError(t("new.is_dir", path=path))
    if not path.parent.is_dir():
        raise UserError(t("new.folder", path=path.parent))
    try:
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UserError(t("new.exists", path=path)) from None
    except OSError as exc:
        raise UserError(t("new.failed", path=path, reason=exc.strerror or exc)) from exc
    return path


def read_agenda_text(source: str) -> tuple[str, str, list[str]]:
    """The agenda's text, the name to call it by, and what to say about reading it.
    `-` is standard input; a file that is not UTF-8 is read as Windows-1252."""
    if source == "-":
        if sys.stdin.isatty():
            print(t("new.paste"), file=sys.stderr)
        return sys.stdin.read(), t("new.stdin"), []
    path = Path(source).expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(t("new.from_missing", path=path)) from None
    except OSError as exc:
        raise UserError(t("new.from_unreadable", path=path, reason=exc.strerror or exc)) from exc
    try:
        return raw.decode("utf-8-sig"), str(path), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), str(path), [t("new.from_windows", path=path)]


def new_from_agenda(path: Path, source: str, lang: str | None, force: bool) -> Written:
    from tuiroom.programme.agenda_text import read_agenda
    from tuiroom.programme.toml_text import agenda_toml, report_lines

    text, name, said = read_agenda_text(source)
    agenda = read_agenda(text)
    if not agenda.items:
        raise UserError(t("new.from_empty", path=name))
    file_lang = lang or agenda.language or language()
    text = agenda_toml(agenda, file_lang, Path(name).name if source != "-" else name, str(path))
    written = write_new(path, text, force=force)
    fixed = [t("new.quoted", title=i.title) for i in agenda.items if i.kind in ("lunch", "end")]
    lines = [tn("new.written_from", len(agenda.items), path=written, source=name)]
    if fixed:
        lines.append(t("new.fixed", titles=", ".join(fixed)))
    return Written(written, "\n".join(lines), (*said, *report_lines(agenda, name)))


def new_command(
    path: Path,
    source: str | None = None,
    *,
    example: bool = False,
    lang: str | None = None,
    force: bool = False,
) -> Written:
    """Write the new file and return what to tell; UserError for anything to fix."""
    if source is not None:
        return new_from_agenda(path, source, lang, force)
    from tuiroom.paths import bundled

    chosen = lang if lang in LANGUAGES else language()
    copied = bundled() if example else starter(chosen)
    written = write_new(path, copied.read_text("utf-8"), force=force)
    return Written(written, t("new.written_example" if example else "new.written", path=written))


def run_new(path: Path, source: str | None, example: bool, lang: str | None, force: bool) -> int:
    """Print what was written, the remarks to stderr, and the next two commands."""
    done = new_command(path, source, example=example, lang=lang, force=force)
    for remark in done.remarks:
        print(remark, file=sys.stderr)
    print(done.message)
    print(t("new.next", path=shlex.quote(str(done.path))))
    return 0
