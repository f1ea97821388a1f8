"""Small forms for the roster: someone walks in, moves, or a list arrives as a CSV file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static

from tuiroom.groups import roster as roster_csv
from tuiroom.i18n import t
from tuiroom.screens.base import Dialog
from tuiroom.store.groups import RosterPerson
from tuiroom.store.records import GroupRow

NO_GROUP = -1
NEW_GROUP = -2

FORM_CSS = """
{name} > Vertical {{ width: 80%; max-width: 90; height: auto; max-height: 90%; }}
{name} .title {{ text-style: bold; color: $primary; margin-bottom: 1; }}
{name} .help {{ color: $text-muted; margin-top: 1; }}
{name} .problems {{ color: $error; }}
{name} Input, {name} Select {{ margin-bottom: 1; }}
"""


class NewPerson(NamedTuple):
    name: str
    group_id: int | None
    new_group: str
    email: str


def group_choices(groups: Sequence[GroupRow], new: bool = True) -> list[tuple[Text, int]]:
    """The groups to choose from, as Text: a Select reads a plain str prompt as markup."""
    found = [(Text(g.name), g.id) for g in groups]
    found.append((Text(t("groups.no_group")), NO_GROUP))
    if new:
        found.append((Text(t("groups.new_group")), NEW_GROUP))
    return found


class PersonDialog(Dialog[NewPerson | None]):
    """Someone who walks in: name, network group (or a new one), e-mail."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = FORM_CSS.format(name="PersonDialog")

    def __init__(self, groups: Sequence[GroupRow]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("groups.add_title"), classes="title", markup=False)
            yield Label(t("groups.name"), markup=False)
            yield Input(id="name")
            yield Label(t("groups.group"), markup=False)
            yield Select(group_choices(self.groups), value=NO_GROUP, allow_blank=False, id="group")
            yield Input(placeholder=t("groups.new_group_name"), id="new-group")
            yield Label(t("groups.email"), markup=False)
            yield Input(id="email")
            yield Static(id="problem", classes="problems", markup=False)
            yield Static(t("groups.form_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#new-group").display = False
        self.query_one("#name").focus()

    @on(Select.Changed, "#group")
    def show_new_group(self, event: Select.Changed) -> None:
        self.query_one("#new-group").display = event.value == NEW_GROUP

    @on(Input.Submitted)
    def submit(self) -> None:
        name = " ".join(self.query_one("#name", Input).value.split())
        group = self.query_one("#group", Select).value
        new_group = self.query_one("#new-group", Input).value.strip()
        if not name:
            self.query_one("#problem", Static).update(t("groups.name_missing"))
            return
        if group == NEW_GROUP and not new_group:
            self.query_one("#problem", Static).update(t("groups.group_missing"))
            return
        group_id = group if isinstance(group, int) and group >= 0 else None
        email = self.query_one("#email", Input).value.strip()
        self.dismiss(NewPerson(name, group_id, new_group if group == NEW_GROUP else "", email))

    def action_cancel(self) -> None:
        self.dismiss(None)


class MoveDialog(Dialog[tuple[int | None, str] | None]):
    """Another network group for someone: returns (group id or None, a new group's name)."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = FORM_CSS.format(name="MoveDialog")

    def __init__(self, person: RosterPerson, groups: Sequence[GroupRow]) -> None:
        super().__init__()
        self.person = person
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                t("groups.move_title", name=self.person.name), classes="title", markup=False
            )
            current = self.person.group_id if self.person.group_id is not None else NO_GROUP
            yield Select(group_choices(self.groups), value=current, allow_blank=False, id="group")
            yield Input(placeholder=t("groups.new_group_name"), id="new-group")
            yield Static(t("groups.move_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#new-group").display = False
        self.query_one("#group").focus()

    @on(Select.Changed, "#group")
    def chosen(self, event: Select.Changed) -> None:
        """Choosing a group is the answer; a new group first needs its name. The list
        announces its first value when it opens: that is not a choice."""
        current = self.person.group_id if self.person.group_id is not None else NO_GROUP
        if event.value == current:
            return
        if event.value == NEW_GROUP:
            self.query_one("#new-group").display = True
            self.query_one("#new-group").focus()
        elif isinstance(event.value, int):
            self.dismiss((event.value if event.value >= 0 else None, ""))

    @on(Input.Submitted)
    def submit_new(self) -> None:
        name = self.query_one("#new-group", Input).value.strip()
        if name:
            self.dismiss((None, name))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportDialog(Dialog[list[roster_csv.RosterRow] | None]):
    """A roster file: every problem shown with its line before anything is imported."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = FORM_CSS.format(name="ImportDialog")
    path: Path  # the file last checked; set before `ready` is

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("groups.import_title"), classes="title", markup=False)
            yield Input(placeholder=t("groups.import_path"), id="path")
            yield Static(id="report", classes="problems", markup=False)
            yield Static(t("groups.import_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#path").focus()
        self.ready: list[roster_csv.RosterRow] | None = None

    @on(Input.Submitted)
    def check(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        roster = roster_csv.read(path)
        if not roster.problems and self.ready is not None and self.path == path:
            self.dismiss(self.ready)
            return
        self.path = path
        report = self.query_one("#report", Static)
        if roster.problems:
            self.ready = None
            report.update("\n".join(problem_line(path, p) for p in roster.problems))
            return
        self.ready = roster.rows
        report.update(t("groups.import_ready", count=len(roster.rows), file=path.name))

    def action_cancel(self) -> None:
        self.dismiss(None)


def problem_line(path: Path, problem: roster_csv.RosterProblem) -> str:
    where = f"{path}:{problem.line}" if problem.line else str(path)
    return f"{where}: {t(f'roster.{problem.code}', value=problem.value)}"


class PairDialog(Dialog[tuple[int, int, str] | None]):
    """Two people who must sit apart (or together) whenever the room is regrouped."""

    BINDINGS = [Binding("escape", "cancel", "app.close"), Binding("ctrl+s", "save", "app.save")]
    DEFAULT_CSS = FORM_CSS.format(name="PairDialog")

    def __init__(self, people: Sequence[RosterPerson]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        choices = [(Text(p.name), p.id) for p in self.people]
        with Vertical():
            yield Static(t("groups.pair_title"), classes="title", markup=False)
            yield Select(choices, prompt=t("groups.pair_first"), id="first")
            yield Select(choices, prompt=t("groups.pair_second"), id="second")
            with RadioSet(id="kind"):
                yield RadioButton(t("groups.apart"), value=True, id="apart")
                yield RadioButton(t("groups.together"), id="together")
            yield Static(id="problem", classes="problems", markup=False)
            yield Static(t("groups.pair_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#first").focus()

    def action_save(self) -> None:
        first = self.query_one("#first", Select).value
        second = self.query_one("#second", Select).value
        if not isinstance(first, int) or not isinstance(second, int) or first == second:
            self.query_one("#problem", Static).update(t("groups.pair_missing"))
            return
        together = self.query_one("#together", RadioButton).value
        self.dismiss((first, second, "together" if together else "apart"))

    def action_cancel(self) -> None:
        self.dismiss(None)
