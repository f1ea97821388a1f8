"""Small forms for the roster: someone walks in, moves, or a list arrives as a CSV file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, RadioButton, RadioSet, Select, Static
from textual.widgets.option_list import Option

from tuiroom.groups import roster as roster_csv
from tuiroom.groups.people import shown_names, told_apart
from tuiroom.i18n import t, tn
from tuiroom.names import name_key
from tuiroom.screens.base import Dialog
from tuiroom.store.groups import RosterPerson
from tuiroom.store.records import GroupRow

NO_GROUP = -1
NEW_GROUP = -2

FORM_CSS = """
{name} > Vertical {{ width: 80%; max-width: 90; height: auto; max-height: 90%; overflow-y: auto; }}
{name} .title {{ text-style: bold; color: $primary; margin-bottom: 1; }}
{name} .help {{ color: $text-muted; margin-top: 1; }}
{name} .problems {{ color: $error; }}
{name} Input, {name} Select {{ margin-bottom: 1; }}
"""


class NewPerson(NamedTuple):
    """A walk-in; `existing` is set when they turned out to be on the roster already."""

    name: str
    group_id: int | None
    new_group: str
    email: str
    existing: int | None = None


def group_choices(groups: Sequence[GroupRow], new: bool = True) -> list[tuple[Text, int]]:
    """The groups to choose from, as Text: a Select reads a plain str prompt as markup."""
    found = [(Text(g.name), g.id) for g in groups]
    found.append((Text(t("groups.no_group")), NO_GROUP))
    if new:
        found.append((Text(t("groups.new_group")), NEW_GROUP))
    return found


class PersonDialog(Dialog[NewPerson | None]):
    """Someone who walks in: name, network group (or a new one), e-mail. A name already on
    the roster is said at once, with its holders: pick one of them (marked present), or
    add a new person told apart from them by e-mail, group or a note in the name."""

    BINDINGS = [Binding("escape", "cancel", "app.close")]
    DEFAULT_CSS = (
        FORM_CSS.format(name="PersonDialog")
        + """
    PersonDialog #namesakes { height: auto; max-height: 8; margin-bottom: 1; }
    PersonDialog #namesake-text { color: $warning; }
    """
    )

    def __init__(self, groups: Sequence[GroupRow], people: Sequence[RosterPerson] = ()) -> None:
        super().__init__()
        self.groups = groups
        self.people = people
        self.asked = ""  # the name whose namesakes the dialog showed
        self.new_namesake = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("groups.add_title"), classes="title", markup=False)
            yield Label(t("groups.name"), markup=False)
            yield Input(id="name")
            yield Static(id="namesake-text", markup=False)
            yield OptionList(id="namesakes")
            yield Label(t("groups.group"), markup=False)
            yield Select(group_choices(self.groups), value=NO_GROUP, allow_blank=False, id="group")
            yield Input(placeholder=t("groups.new_group_name"), id="new-group")
            yield Label(t("groups.email"), markup=False)
            yield Input(id="email")
            yield Static(id="problem", classes="problems", markup=False)
            yield Static(t("groups.form_help"), classes="help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#new-group").display = False
        self.query_one("#namesakes").display = False
        self.query_one("#name").focus()

    @on(Select.Changed, "#group")
    def show_new_group(self, event: Select.Changed) -> None:
        self.query_one("#new-group").display = event.value == NEW_GROUP

    def same_name(self, name: str) -> list[RosterPerson]:
        return [p for p in self.people if name_key(p.name) == name_key(name)]

    def new_person(self) -> NewPerson | None:
        """The form as a new person, or None with the problem said."""
        name = " ".join(self.query_one("#name", Input).value.split())
        group = self.query_one("#group", Select).value
        new_group = self.query_one("#new-group", Input).value.strip()
        problem = self.query_one("#problem", Static)
        if not name:
            problem.update(t("groups.name_missing"))
            return None
        if group == NEW_GROUP and not new_group:
            problem.update(t("groups.group_missing"))
            return None
        group_id = group if isinstance(group, int) and group >= 0 else None
        email = self.query_one("#email", Input).value.strip()
        return NewPerson(name, group_id, new_group if group == NEW_GROUP else "", email)

    @on(Input.Submitted)
    def submit(self) -> None:
        new = self.new_person()
        if new is None:
            return
        same = self.same_name(new.name)
        if same and not (self.new_namesake and name_key(self.asked) == name_key(new.name)):
            self.ask(new.name, same)
            return
        if same and not self.told_apart(new, same):
            self.query_one("#problem", Static).update(t("namesake.tell_apart", name=new.name))
            self.query_one("#email").focus()
            return
        self.dismiss(new)

    def told_apart(self, new: NewPerson, same: Sequence[RosterPerson]) -> bool:
        group = new.new_group or next((g.name for g in self.groups if g.id == new.group_id), "")
        return told_apart(new.email, group, same)

    def ask(self, name: str, same: Sequence[RosterPerson]) -> None:
        """The name is taken: show who holds it, and let the facilitator choose."""
        self.asked, self.new_namesake = name, False
        self.query_one("#namesake-text", Static).update(t("namesake.exists", name=name))
        choices = self.query_one("#namesakes", OptionList)
        choices.clear_options()
        for person in same:
            where = ", ".join(part for part in (person.group, person.email) if part) or "–"
            label = t("namesake.pick", name=person.name, group=where)
            choices.add_option(Option(Text(label), id=str(person.id)))
        choices.add_option(Option(Text(t("namesake.new", name=name)), id="new"))
        choices.display = True
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#namesakes")
    def picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id != "new":
            new = self.new_person()
            if new is not None:
                self.dismiss(new._replace(existing=int(event.option.id or 0)))
            return
        self.new_namesake = True
        self.query_one("#namesakes").display = False
        self.query_one("#namesake-text", Static).update(t("namesake.tell_apart", name=self.asked))
        self.query_one("#email").focus()

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
    """A roster file: every problem shown with its line before anything is imported.

    The report scrolls (PageUp/PageDown from the path field, the arrows once Tab has
    moved into it), says how many rows could not be read, and the help under it stays.
    """

    BINDINGS = [
        Binding("escape", "cancel", "app.close"),
        Binding("pagedown", "report(1)", "import_report.key.down", show=False),
        Binding("pageup", "report(-1)", "import_report.key.up", show=False),
    ]
    DEFAULT_CSS = (
        FORM_CSS.format(name="ImportDialog")
        + """
    ImportDialog #report-count { text-style: bold; }
    ImportDialog > Vertical { height: 90%; }
    ImportDialog #report-box { height: 1fr; }
    ImportDialog #report-box:focus { background: $boost; }
    ImportDialog #notes { color: $warning; }
    """
    )
    path: Path  # the file last checked; set before `ready` is

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("groups.import_title"), classes="title", markup=False)
            yield Input(placeholder=t("groups.import_path"), id="path")
            yield Static(id="report-count", markup=False)
            with VerticalScroll(id="report-box"):
                yield Static(id="report", classes="problems", markup=False)
                yield Static(id="notes", markup=False)
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
        count = self.query_one("#report-count", Static)
        notes = "\n".join(problem_line(path, n) for n in roster.notes)
        self.query_one("#notes", Static).update(notes)
        self.query_one("#report-box", VerticalScroll).scroll_home(animate=False)
        if roster.problems:
            self.ready = None
            bad = sum(1 for p in roster.problems if p.line)
            count.update(tn("import_report.bad_rows", bad) if bad else "")
            report.update("\n".join(problem_line(path, p) for p in roster.problems))
            return
        self.ready = roster.rows
        count.update("")
        report.update(t("groups.import_ready", count=len(roster.rows), file=path.name))

    def action_report(self, step: int) -> None:
        box = self.query_one("#report-box", VerticalScroll)
        if step > 0:
            box.scroll_page_down(animate=False)
        else:
            box.scroll_page_up(animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


def problem_line(path: Path, problem: roster_csv.RosterProblem) -> str:
    where = f"{path}:{problem.line}" if problem.line else str(path)
    message = t(f"roster.{problem.code}", value=problem.value, earlier=problem.earlier)
    return f"{where}: {message}"


class PairDialog(Dialog[tuple[int, int, str] | None]):
    """Two people who must sit apart (or together) whenever the room is regrouped."""

    BINDINGS = [Binding("escape", "cancel", "app.close"), Binding("ctrl+s", "save", "app.save")]
    DEFAULT_CSS = FORM_CSS.format(name="PairDialog")

    def __init__(self, people: Sequence[RosterPerson]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        names = shown_names(self.people)  # namesakes with their group
        choices = [(Text(names[p.id]), p.id) for p in self.people]
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
