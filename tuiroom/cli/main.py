"""The `tuiroom` command: argument parsing and exit codes, nothing else."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tuiroom import __version__
from tuiroom.cli.launch import UserError
from tuiroom.i18n import LANGUAGES, language, lookup, set_language, t

Handler = Callable[[argparse.Namespace], int]


class Translated(argparse.HelpFormatter):
    """Help texts are catalogue keys, translated when help is shown. A plain start reads
    no catalogue for them, so a system in another language than the programme's does
    not parse a second catalogue before the first frame."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if not action.help:
            return action.help
        if "." in action.help:
            return t(action.help, example=_example())
        return argparse_text(action.help)

    def add_text(self, text: str | None) -> None:
        super().add_text(t(text, example=_example()) if text else text)

    def start_section(self, heading: str | None) -> None:
        super().start_section(argparse_text(heading) if heading else heading)


def _example() -> str:
    """Where the bundled example is, for the help texts that say how to get a copy."""
    from tuiroom.paths import bundled

    return str(bundled())


def argparse_text(message: str) -> str:
    """One of argparse's own English texts ("usage: ", "show this help message and
    exit"…) in the interface language, from the catalogue's [argparse] table."""
    return lookup(f"argparse.{message}", language()) or message


def _argparse_plural(singular: str, plural: str, count: int) -> str:
    return argparse_text(singular if count == 1 else plural)


@contextmanager
def argparse_speaks_ours() -> Iterator[None]:
    """argparse asks gettext for its texts at the moment it uses them; while arguments
    are parsed (and help or an error is printed), it asks our catalogue instead."""
    names = vars(argparse)  # the module's globals, where its functions look them up
    saved = {"_": names["_"], "ngettext": names["ngettext"]}
    names.update({"_": argparse_text, "ngettext": _argparse_plural})
    try:
        yield
    finally:
        names.update(saved)


def _environment_language(argv: Sequence[str]) -> str:
    """--lang if given, else nb/nn from the system locale, else English."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    code = locale.split("_")[0].split(".")[0].lower()
    return {"nb": "nb", "no": "nb", "nn": "nn"}.get(code, "en")


def _run(args: argparse.Namespace) -> int:
    from tuiroom.cli.run import run_app

    return run_app(
        args.file, args.db, args.session, args.lang, args.now, args.speed, args.autopilot
    )


def _projector(args: argparse.Namespace) -> int:
    from tuiroom.cli.launch import reader_language, require_terminal
    from tuiroom.paths import EXAMPLE, bundled, default_db
    from tuiroom.startup import pause_collector, resume_collector

    path = args.db or default_db(bundled(EXAMPLE), example=True)
    set_language(args.lang or reader_language(path) or language())
    require_terminal()
    pause_collector()
    try:
        from tuiroom.projector_app import make_projector

        make_projector(path, lang=args.lang).run()
    finally:
        resume_collector(freeze=False)  # the projector did, unless it never drew a frame
    return 0


def _check(args: argparse.Namespace) -> int:
    from tuiroom.paths import bundled
    from tuiroom.programme.loading import read_programme
    from tuiroom.programme.report import check_report

    result = read_programme(args.file or bundled(), args.lang)
    set_language(args.lang or result.language)
    lines, code = check_report(result)
    problems = len(result.problems)
    for line in lines[:problems]:
        print(line, file=sys.stderr)
    for line in lines[problems:]:
        print(line, file=sys.stderr if code else sys.stdout)
    return code


def _new(args: argparse.Namespace) -> int:
    from tuiroom.cli.new import run_new

    return run_new(args.file, args.source, args.example, args.lang, args.force)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new", formatter_class=Translated, help="new.cli", description="new.cli_long"
    )
    new.add_argument("file", type=Path, metavar="FILE", help="new.cli_file")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--from", dest="source", metavar="AGENDA.txt", help="new.cli_from")
    source.add_argument("--example", action="store_true", help="new.cli_example")
    new.add_argument("--force", action="store_true", help="new.cli_force")
    new.add_argument("--lang", choices=LANGUAGES, help="new.cli_lang", default=argparse.SUPPRESS)
    new.set_defaults(handler=_new)


def _export(args: argparse.Namespace) -> int:
    from tuiroom.cli.export import as_run_command, export_command

    if args.as_run is not None:
        written = as_run_command(args.file, args.db, args.session, args.as_run, force=args.force)
        print(t("export.written", path=written))
        return 0
    written = export_command(
        args.file,
        args.db,
        args.session,
        args.output,
        programme=args.programme,
        anonymize=args.anonymize,
        force=args.force,
        participants=args.audience == "participants",
        lang=args.lang,
    )
    print(t("export.written", path=written))
    return 0


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export", formatter_class=Translated, help="export.cli", description="export.cli_long"
    )
    export.add_argument("file", type=Path, nargs="?", metavar="FILE", help="export.cli_file")
    export.add_argument("--db", type=Path, metavar="PATH", help="export.cli_db")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--session", metavar="NAME", help="cli.session")
    which.add_argument("--programme", action="store_true", help="export.cli_programme")
    export.add_argument("-o", "--output", type=Path, metavar="OUT.md", help="export.cli_output")
    export.add_argument("--anonymize", action="store_true", help="export.cli_anonymize")
    export.add_argument("--force", action="store_true", help="export.cli_force")
    export.add_argument("--as-run", type=Path, metavar="OUT.toml", help="change.cli_as_run")
    export.add_argument(
        "--for",
        dest="audience",
        choices=("facilitator", "participants"),
        default="facilitator",
        help="export.participants.cli_for",
    )
    export.add_argument("--lang", choices=LANGUAGES, help="cli.lang", default=argparse.SUPPRESS)
    export.set_defaults(handler=_export)


def _time_of_day(text: str) -> int:
    from tuiroom.day.clock import parse_clock_time

    try:
        return parse_clock_time(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_now", value=text)) from None


def _speed(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(t("cli.bad_speed", value=text))
    return value


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH", help="cli.db")
    parser.add_argument("--session", metavar="NAME", help="cli.session")
    parser.add_argument("--now", type=_time_of_day, metavar="HH:MM", help="cli.now")
    parser.add_argument("--speed", type=_speed, metavar="N", help="cli.speed")
    parser.add_argument("--autopilot", action="store_true", help="cli.autopilot")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuiroom",
        formatter_class=Translated,
        description="cli.description",
        epilog="cli.epilog",
    )
    parser.add_argument(
        "--version", action="version", version=f"tuiroom {__version__}", help="cli.version"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.lang")
    parser.set_defaults(
        handler=_run, file=None, db=None, session=None, now=None, speed=None, autopilot=False
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    run = commands.add_parser(
        "run", formatter_class=Translated, help="cli.run", description="cli.run"
    )
    run.add_argument("file", type=Path, nargs="?", metavar="FILE", help="cli.run_file")
    _add_run_options(run)
    run.add_argument("--lang", choices=LANGUAGES, help="cli.lang", default=argparse.SUPPRESS)
    run.set_defaults(handler=_run)

    projector = commands.add_parser(
        "projector",
        formatter_class=Translated,
        help="cli.projector",
        description="cli.projector_long",
    )
    projector.add_argument("--db", type=Path, metavar="PATH", help="cli.projector_db")
    projector.add_argument("--lang", choices=LANGUAGES, help="cli.lang", default=argparse.SUPPRESS)
    projector.set_defaults(handler=_projector)

    check = commands.add_parser(
        "check", formatter_class=Translated, help="cli.check", description="cli.check"
    )
    check.add_argument("file", type=Path, nargs="?", metavar="FILE", help="cli.check_file")
    check.add_argument("--lang", choices=LANGUAGES, help="cli.lang", default=argparse.SUPPRESS)
    check.set_defaults(handler=_check)
    _add_export(commands)
    _add_new(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_environment_language(argv))
    parser = build_parser()  # its few texts of its own are translated when shown
    with argparse_speaks_ours():
        args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tuiroom check FILE | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
