"""What an agenda item holds: its note, its exercises, their phases and questions.

Numbered lists are Rich grids so a long question wraps under its own text, not under
its number; colours come from the app's CSS, so both themes read well.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from tuiroom import fmt
from tuiroom.i18n import t
from tuiroom.store.records import ExerciseRow, ItemRow, PhaseSpec


def phase_line(phase: PhaseSpec) -> str:
    length = (
        t("agenda.duration", minutes=fmt.minutes(phase.minutes))
        if phase.minutes
        else t("agenda.open_phase")
    )
    name = t(f"form.{phase.form}")
    title = f" – {phase.title}" if phase.title and phase.title != name else ""
    return f"{name}, {length}{title}"


def numbered(lines: list[str]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for number, line in enumerate(lines, 1):
        grid.add_row(Text(f"{number}."), Text(line))  # people's text: never markup
    return grid


def item_head(item: ItemRow) -> str:
    head = f"{fmt.span(item.start, item.end)} · {t('kind.' + item.kind)}"
    if item.duration:
        head += f" · {t('agenda.duration', minutes=item.duration)}"
    if item.fixed:
        head += f" · {t('agenda.fixed_mark')}"
    return head


def exercise_widgets(exercise: ExerciseRow) -> Iterator[Widget]:
    yield Static(f"▸ {exercise.title}", classes="exercise", markup=False)
    if exercise.note:
        yield Static(exercise.note, classes="note", markup=False)
    if exercise.phases:
        yield Static(t("agenda.phases"), classes="label", markup=False)
        yield Static(numbered([phase_line(p) for p in exercise.phases]), markup=False)
    if exercise.questions:
        yield Static(t("agenda.questions"), classes="label", markup=False)
        yield Static(numbered([q.text for q in exercise.questions]), markup=False)
    flags = [f"{t('agenda.answer')}: {t(f'answer.{exercise.answer}')}"]
    flags += [t("agenda.roles_drawn")] if exercise.draw_roles else []
    flags += [t("agenda.take_home")] if exercise.take_home else []
    yield Static(" · ".join(flags), classes="flags", markup=False)


def item_widgets(item: ItemRow | None, exercises: list[ExerciseRow]) -> Iterator[Widget]:
    if item is None:
        yield Static(t("agenda.empty"), classes="note", markup=False)
        return
    yield Static(item.title, classes="title", markup=False)
    yield Static(item_head(item), classes="meta", markup=False)
    if item.note:
        yield Static(item.note, classes="note", markup=False)
    if not exercises:
        yield Static(t("agenda.details_none"), classes="flags", markup=False)
    for exercise in exercises:
        yield from exercise_widgets(exercise)


class ItemDetails(VerticalScroll):
    DEFAULT_CSS = """
    ItemDetails {
        padding: 0 1;
        border-left: tall $panel;
    }
    ItemDetails > Static { width: 1fr; }
    ItemDetails > .title { text-style: bold; color: $primary; }
    ItemDetails > .meta { text-style: bold; }
    ItemDetails > .note { text-style: italic; }
    ItemDetails > .exercise { text-style: bold; color: $secondary; margin-top: 1; }
    ItemDetails > .label { text-style: bold; }
    ItemDetails > .flags { color: $text-muted; }
    """

    async def show(self, item: ItemRow | None, exercises: list[ExerciseRow]) -> None:
        async with self.batch():
            await self.remove_children()
            await self.mount_all(item_widgets(item, exercises))
        self.scroll_home(animate=False)
