"""Who is here today: the roster of the network groups, with presence marked per samling;
walk-ins, moves, removals and a CSV import, all kept in the store."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, ProgressBar, Static

from tuiroom.groups.finding import Findable
from tuiroom.groups.people import namesakes, rank, shown_names
from tuiroom.i18n import t, tn
from tuiroom.store import Store
from tuiroom.store.groups import RosterPerson
from tuiroom.widgets.room_app import RoomApp

IMPORT_CHUNK = 500  # roster rows imported between two looks at the keyboard


class AttendancePane(Vertical, RoomApp):
    BINDINGS = [
        Binding("space", "toggle_present", "groups.key.present"),
        Binding("a", "add", "groups.key.add"),
        Binding("f", "move", "groups.key.move"),
        Binding("delete,x", "remove", "groups.key.remove"),
        Binding("i", "import", "groups.key.import"),
        Binding("p", "pairs", "groups.key.pairs", show=False),
        Binding("w", "seating", "groups.key.seating"),
        Binding("slash", "filter", "find.key.find"),
    ]
    DEFAULT_CSS = """
    AttendancePane #attendance-summary { padding: 0 1; text-style: bold; }
    AttendancePane DataTable { height: 1fr; }
    AttendancePane #attendance-filter { margin: 0 1 1 1; }
    AttendancePane #import-progress { display: none; padding: 0 1; }
    AttendancePane #import-progress.-running { display: block; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.samling_id = 0
        self.people: list[RosterPerson] = []
        self.listed: list[RosterPerson] = []  # the people the filter lets through
        self.names: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="attendance-summary", markup=False)
        yield FilterField(
            placeholder=t("attendance_filter.placeholder"), compact=True, id="attendance-filter"
        )
        yield ProgressBar(id="import-progress", show_eta=False)
        yield DataTable[Text](id="attendance-table", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", width=2, key="present")
        table.add_column(t("groups.name"), key="name")
        table.add_column(t("groups.group"), key="group")
        table.add_column(t("groups.email"), key="email")

    def show(self, samling_id: int) -> None:
        self.samling_id = samling_id
        self.people = self.store.roster(samling_id)
        self.names = shown_names(self.people)  # namesakes with what tells them apart
        self.fill()

    def fill(self, keep: int | None = None) -> None:
        """The rows the filter lets through, the cursor on person `keep` if given."""
        field = self.query_one(FilterField)
        query = field.value if field.display else ""
        self.listed = [
            p
            for p in self.people
            if not query.strip() or rank(query, f"{p.name} {p.group} {p.email}") is not None
        ]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for person in self.listed:
            table.add_row(*_cells(person, self.names), key=str(person.id))
        ids = [p.id for p in self.listed]
        if keep in ids:
            row = ids.index(keep)
        if self.listed:
            table.move_cursor(row=min(max(row, 0), len(self.listed) - 1))
        self.count()

    def count(self) -> None:
        here = sum(p.present for p in self.people)
        text = t("groups.present_count", present=here, total=len(self.people))
        if len(self.listed) != len(self.people):
            text += " · " + tn("attendance_filter.shown", len(self.listed))
        self.query_one("#attendance-summary", Static).update(text)

    def highlighted(self) -> RosterPerson | None:
        table = self.query_one(DataTable)
        if not self.listed or table.cursor_row < 0:
            return None
        return self.listed[min(table.cursor_row, len(self.listed) - 1)]

    def action_filter(self) -> None:
        """Type to narrow the list: by name, group or e-mail, case and accents aside."""
        field = self.query_one(FilterField)
        field.display = True
        field.focus()

    @on(Input.Changed, "#attendance-filter")
    def filtered(self) -> None:
        self.fill()

    @on(Input.Submitted, "#attendance-filter")
    def to_table(self) -> None:
        self.query_one(DataTable).focus()

    def clear_filter(self) -> None:
        person = self.highlighted()
        field = self.query_one(FilterField)
        field.value = ""
        field.display = False
        self.fill(person.id if person else None)
        self.query_one(DataTable).focus()

    def jump_to(self, found: Findable) -> None:
        """The cursor on the person (or the first of the group) found."""
        wanted = [
            p.id
            for p in self.people
            if f"p{p.id}" == found.key or (found.key.startswith("g") and p.group == found.network)
        ]
        if wanted and wanted[0] not in {p.id for p in self.listed}:
            self.query_one(FilterField).value = ""
        if wanted:
            self.fill(wanted[0])
            self.query_one(DataTable).focus()

    def action_toggle_present(self) -> None:
        """Mark the highlighted person here or away; only their row is redrawn."""
        person = self.highlighted()
        if person is None:
            return
        self.store.set_present(self.samling_id, person.id, not person.present)
        changed = person._replace(present=not person.present)
        self.people[self.people.index(person)] = changed
        self.listed[self.listed.index(person)] = changed
        table = self.query_one(DataTable)
        for key, cell in zip(
            ("present", "name", "group", "email"), _cells(changed, self.names), strict=True
        ):
            table.update_cell(str(person.id), key, cell)
        self.count()

    def action_seating(self) -> None:
        """Who sits where, by network group, on the projector."""
        from tuiroom.screens.seating import project_seating

        project_seating(self.room_app, self.samling_id, None)

    def action_add(self) -> None:
        from tuiroom.screens.roster_dialogs import NewPerson, PersonDialog

        def added(new: NewPerson | None) -> None:
            if new is None:
                return
            if new.existing is not None:  # on the roster already: here today
                self.store.set_present(self.samling_id, new.existing, True)
                self.show(self.samling_id)
                self.notify(t("namesake.marked_present", name=new.name), timeout=3)
                return
            group_id = self.store.add_group(new.new_group) if new.new_group else new.group_id
            self.store.add_person(new.name, group_id, new.email, self.samling_id)
            self.show(self.samling_id)
            self.notify(t("groups.added", name=new.name), timeout=3)

        self.app.push_screen(PersonDialog(self.store.groups(), self.people), added)

    def action_move(self) -> None:
        from tuiroom.screens.roster_dialogs import MoveDialog

        person = self.highlighted()
        if person is None:
            return

        def moved(choice: tuple[int | None, str] | None) -> None:
            if choice is None:
                return
            group_id, new_group = choice
            target = self.store.add_group(new_group) if new_group else group_id
            self.store.move_person(person.id, target)
            self.show(self.samling_id)

        self.app.push_screen(MoveDialog(person, self.store.groups()), moved)

    def action_remove(self) -> None:
        from tuiroom.screens.confirm import ConfirmDialog

        person = self.highlighted()
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.store.remove_person(person.id)
                self.show(self.samling_id)

        name = shown_names(self.people)[person.id]  # which Per Aarsland, if there are two
        self.app.push_screen(ConfirmDialog(t("groups.remove_question", name=name)), answered)

    def action_import(self) -> None:
        from tuiroom.groups.roster import RosterRow
        from tuiroom.screens.roster_dialogs import ImportDialog

        def chosen(rows: list[RosterRow] | None) -> None:
            if rows:
                self.import_rows([(r.name, r.group, r.email) for r in rows])

        self.app.push_screen(ImportDialog(), chosen)

    @work(exclusive=True, group="roster-import")
    async def import_rows(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """The checked roster into the store, a chunk at a time (each its own
        transaction), with a progress bar for a long one; between chunks the screen
        answers keys. A chunk that is written stays written: importing the file again
        finishes the job (people there are updated, not doubled)."""
        progress = self.query_one("#import-progress", ProgressBar)
        progress.update(total=len(rows), progress=0)
        progress.set_class(len(rows) > IMPORT_CHUNK, "-running")
        added = updated = 0
        claimed: set[int] = set()  # namesakes in the file: one person each, across chunks
        try:
            for start in range(0, len(rows), IMPORT_CHUNK):
                chunk = rows[start : start + IMPORT_CHUNK]
                more, changed = self.store.import_roster(chunk, self.samling_id, claimed)
                added, updated = added + more, updated + changed
                progress.advance(len(chunk))
                await asyncio.sleep(0.01)  # let the keys typed meanwhile through
        finally:
            progress.remove_class("-running")
            self.show(self.samling_id)
        message = t("groups.imported", added=added, updated=updated)
        same = len(namesakes(self.people))
        if same:  # the names shown with what tells them apart
            message += " " + tn("namesake.imported", same)
        self.notify(message, timeout=5)

    def action_pairs(self) -> None:
        from tuiroom.screens.roster_dialogs import PairDialog

        def chosen(rule: tuple[int, int, str] | None) -> None:
            if rule is not None:
                self.store.add_pair_rule(*rule)
                self.notify(t(f"groups.pair_saved_{rule[2]}"), timeout=3)

        self.app.push_screen(PairDialog(self.people), chosen)


class FilterField(Input):
    """The attendance filter: Esc empties it and gives the list back."""

    BINDINGS = [Binding("escape", "clear", "attendance_filter.key.clear")]

    def on_mount(self) -> None:
        self.display = False

    def action_clear(self) -> None:
        pane = next(a for a in self.ancestors if isinstance(a, AttendancePane))
        pane.clear_filter()


def _cells(person: RosterPerson, names: dict[int, str]) -> tuple[Text, Text, Text, Text]:
    mark = Text("✓" if person.present else "·", style="bold" if person.present else "dim")
    shown = names.get(person.id, person.name)
    name = shown if not person.occasional else t("programme_screen.occasional", name=shown)
    style = "" if person.present else "dim"
    return (
        mark,
        Text(name, style=f"bold {style}".strip()),
        Text(person.group or "–", style),
        Text(person.email, style),
    )
