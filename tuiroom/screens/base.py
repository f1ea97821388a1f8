"""What every section screen shares: the section bar, the status line, the footer,
and key descriptions translated at the moment they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input

from tuiroom.i18n import language, lookup
from tuiroom.startup import resume_collector
from tuiroom.widgets.header_clock import HeaderClock
from tuiroom.widgets.navbar import TopBar
from tuiroom.widgets.room_app import RoomApp
from tuiroom.widgets.status import StatusLine

T = TypeVar("T")


def shown(text: str) -> str:
    """A key's words in the current language: ours are catalogue keys, Textual's widgets
    bring their own English ("Cursor up", "Page Left"), looked up in [textual]."""
    if not text:
        return text
    lang = language()
    return lookup(text, lang) or lookup(f"textual.{text}", lang) or text


def translated(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Bindings carry catalogue keys or Textual's English as descriptions (of groups,
    tooltips and the widgets' group titles too); show them in the current language."""
    for active in bindings.values():
        _translate_title(active.node)
    return {
        key: active._replace(
            binding=replace(
                active.binding,
                description=shown(active.binding.description),
                tooltip=shown(active.binding.tooltip),
                group=_translated_group(active.binding.group),
            ),
            tooltip=shown(active.tooltip),
        )
        for key, active in bindings.items()
    }


def _translated_group(group: Binding.Group | None) -> Binding.Group | None:
    return replace(group, description=shown(group.description)) if group else None


def _translate_title(node: DOMNode) -> None:
    """The title the key panel puts over a widget's keys ("Input"), on the widget itself."""
    title = type(node).BINDING_GROUP_TITLE
    if title:
        node.BINDING_GROUP_TITLE = shown(title)


class SectionScreen(Screen[None], RoomApp):
    """A top-level screen reached by a section key."""

    SECTION = ""
    # The keys the footer shows however narrow the screen (F1 always): each screen's
    # most wanted; `v` puts what the screen shows on the projector.
    FOOTER_KEEP: ClassVar[frozenset[str]] = frozenset({"project", "to_clock"})

    def compose(self) -> ComposeResult:
        yield TopBar(self.SECTION, self.room_app.programme_title)
        yield from self.compose_body()
        yield StatusLine()

    def compose_body(self) -> Iterable[Widget]:
        return ()

    def on_mount(self) -> None:
        # The footer is the dearest widget to build and the least urgent to see: it
        # arrives after the screen's first frame, so the room sees the clock at once.
        self.after_first_frame(self._mount_footer)

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the screen's first frame has reached the terminal. The
        app holds back every frame while it starts, so "after the next refresh" would
        still come before it; a short pause does not (headless, under test, there is
        no terminal to reach: the next refresh)."""
        if self.app.is_headless:
            self.call_after_refresh(callback)
        else:
            self.set_timer(0.05, callback)

    @on(events.ScreenResume)
    def header_clock_catches_up(self) -> None:
        """The header clock stood still while another section was shown."""
        for clock in self.query(HeaderClock):
            clock.show(self.room_app.day_view)

    async def _mount_footer(self) -> None:
        from tuiroom.widgets.footer import RoomFooter

        # A screen for typing needs every column for its own keys (Ctrl+P still opens
        # the palette there).
        palette = not getattr(self, "TYPING", False)
        await self.mount(RoomFooter(self.FOOTER_KEEP, show_command_palette=palette))
        self.refresh_bindings()  # keys of a widget focused before the footer came
        resume_collector()  # paused by `tuiroom run` until the first frame was out

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)


class Dialog(ModalScreen[T], RoomApp):
    """A modal with translated key descriptions: one box in the middle of the screen.
    A dialog sets the box's size, and may set its border, in its own CSS."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { border: thick $primary; background: $surface; padding: 1 2; }
    """

    # Keys typed right after the key that opens a dialog (a hurried "a" and the title) are
    # meant for its first field. Some reach the screen below first and come back unused
    # (the app hands them over: `takes`); some reach the dialog before it has a field to
    # type in. Both are held and given to the first field focused, in the order typed,
    # when it is a text field. A dialog that asks a question (yes or no, which items to
    # cut) drops them instead: nobody answers a question before seeing it. Escape still
    # closes the dialog at once.
    _held: list[events.Key] | None = None
    _settled = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened = Message().time  # on the clock that stamps every key

    def takes(self, event: events.Key) -> bool:
        """Take a key typed before this dialog opened that the screen below did not use."""
        if event.time >= self.opened or event.key == "escape":
            return False
        if not self._held and not event.is_printable:
            return False
        self._take(event)
        return True

    @on(events.Key)
    def hold_early_keys(self, event: events.Key) -> None:
        if self._settled or self.focused is not None:
            return
        if event.key == "escape":
            self._held = None
            return
        if not self._held and not event.is_printable:
            return  # Enter, arrows and the like before any text: as usual
        self._take(event)
        event.stop()
        event.prevent_default()

    def _take(self, event: events.Key) -> None:
        key = events.Key(event.key, event.character)
        if not self._settled:
            self._held = [*(self._held or []), key]
        elif isinstance(self.focused, Input):
            self.focused.post_message(key)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        if self.focused is not None:
            self._hand_over(self.focused)

    @on(events.Mount)
    def settle_after_first_frame(self) -> None:
        self.call_after_refresh(self._hand_over, None)

    def _hand_over(self, to: Widget | None) -> None:
        """The held keys to the field focused first, if it is one to type in."""
        self._settled = True
        held, self._held = self._held or [], None
        if isinstance(to, Input):
            for key in held:
                to.post_message(key)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)
