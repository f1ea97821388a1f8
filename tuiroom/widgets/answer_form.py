"""The form for one group's answer: a field per part of the answer kind, each a text
area (or a one-line input), and a check line under them that reads what was typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static, TextArea

from tuiroom.answers import forms as answer_forms
from tuiroom.answers.capture import check_line
from tuiroom.i18n import t

# Esc and a section key pressed quickly arrive as one sequence, which Textual reads as
# the character a Mac's Option key gives (Esc 1 is "¡"). The fields leave those keys to
# the plenum screen, which takes them as Esc and the section key.
ESC_THEN_DIGIT = frozenset(
    {"inverted_exclamation_mark", "trade_mark_sign", "pound_sign", "cent_sign", "º"}
)


class AnswerArea(TextArea):
    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return key not in ESC_THEN_DIGIT and super().check_consume_key(key, character)


class AnswerInput(Input):
    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key not in ESC_THEN_DIGIT and super().check_consume_key(key, character)


class AnswerForm(VerticalScroll, can_focus=False):  # focus is for the fields alone
    DEFAULT_CSS = """
    AnswerForm { height: 1fr; padding: 0 1; }
    AnswerForm .label { color: $text-muted; margin-top: 1; }
    AnswerForm TextArea { height: auto; min-height: 3; max-height: 14; }
    AnswerForm #check { margin-top: 1; color: $text-muted; }
    AnswerForm #check.-warning { color: $warning; text-style: bold; }
    """

    def __init__(self, kind: str, options: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.options = tuple(options)
        self.fields = answer_forms.fields_of(kind, options)
        self.in_hand = self.fields[0].name  # the field typed in last

    def compose(self) -> ComposeResult:
        for field in self.fields:
            yield Static(t(field.label), classes="label", markup=False)
            if field.lines == 1:
                yield AnswerInput(id=f"field-{field.name}", compact=True)
            else:
                area = AnswerArea(id=f"field-{field.name}", soft_wrap=True, tab_behavior="focus")
                area.show_line_numbers = self.kind in ("ranked", "diamond")
                area.styles.min_height = min(field.lines, 6) + 2  # room to see it is a box
                yield area
        yield Static(id="check", markup=False)

    def field(self, name: str) -> TextArea | Input:
        return cast("TextArea | Input", self.query_one(f"#field-{name}"))

    def fill(self, values: dict[str, str]) -> None:
        """Show a saved answer, or the form's starting text when there is none, with
        every cursor after the text: what is typed next adds to it."""
        for field in self.fields:
            text = values.get(field.name)
            if text is None:
                text = answer_forms.starting_text(self.kind, field.name, self.options)
            widget = self.field(field.name)
            if isinstance(widget, TextArea):
                if widget.text != text:
                    widget.load_text(text)
            elif widget.value != text:
                widget.value = text
            self.cursor_to_end(field.name)
        self.check()

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for field in self.fields:
            widget = self.field(field.name)
            found[field.name] = widget.text if isinstance(widget, TextArea) else widget.value
        return found

    def check(self) -> None:
        key, values, warning = check_line(self.kind, self.values())
        line = self.query_one("#check", Static)
        line.update(t(key, None, **values) if key else "")
        line.set_class(warning, "-warning")

    def focus_first(self) -> None:
        self.in_hand = self.fields[0].name
        self.focus_field()

    def focus_field(self) -> TextArea | Input:
        """Focus the field typed in last, its cursor after the text already there."""
        widget = self.field(self.in_hand)
        # At once, not after the keys already queued (as widget.focus() would): a key
        # goes where the focus is when the app reads it, so a burst typed while a
        # question loads must find the field focused, not some of it the screen.
        self.screen.set_focus(widget)
        self.cursor_to_end(self.in_hand)
        return widget

    def cursor_to_end(self, name: str) -> None:
        """After the text already there; in a form of options, after the first one
        still without a value."""
        widget = self.field(name)
        if isinstance(widget, Input):
            widget.cursor_position = len(widget.value)
            return
        row = None
        if answer_forms.starting_text(self.kind, name, self.options):
            row = answer_forms.open_line(widget.text)
        if row is None:
            widget.move_cursor(widget.document.end)
        else:
            widget.move_cursor((row, len(widget.document.get_line(row))))

    def type_in(self, text: str) -> None:
        """Text typed while no field had focus: into the field typed in last, at its end
        (a one-line field takes no line break)."""
        widget = self.focus_field()
        if isinstance(widget, TextArea):
            widget.insert(text)
        elif text != "\n":
            widget.insert_text_at_cursor(text)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        name = (event.widget.id or "").removeprefix("field-")
        if any(field.name == name for field in self.fields):
            self.in_hand = name
