"""Textual's footer, fitted to the screen: a key is shown whole or not at all.

When the keys do not fit on one line, the ones last in the screen's list go first;
the keys a screen keeps (F1 always: it lists every key) stay. Textual's own footer
would cut the line off at the right edge, in the middle of a word.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer, Label

from tuiroom.textual_private import forget_removed_widgets

ALWAYS = frozenset({"toggle_keys"})  # F1: the way to every key that did not fit


def actions(piece: Widget) -> set[str]:
    """The actions behind a key, or behind every key of a group."""
    return {str(getattr(w, "action", "")) for w in (piece, *piece.children)} - {""}


def outer_width(piece: Widget) -> int:
    """Columns a footer piece takes, without its margins (they collapse: see `line_width`)."""
    size = Size(10_000, 1)
    return piece.get_content_width(size, size) + piece.styles.gutter.width


def line_width(pieces: Sequence[Widget]) -> int:
    """The width of pieces laid out side by side, adjacent margins collapsed as Textual does."""
    if not pieces:
        return 0
    margins = [p.styles.margin for p in pieces]
    between = sum(max(a.right, b.left) for a, b in pairwise(margins))
    return sum(outer_width(p) for p in pieces) + between + margins[0].left + margins[-1].right


def fitting(pieces: Sequence[Widget], room: int, keep: Collection[str]) -> list[Widget]:
    """The pieces to show in `room` columns: every kept one, and the others in order up
    to the first that does not fit. A group's label goes with its keys."""
    units: list[list[Widget]] = []
    for piece in pieces:
        if units and isinstance(piece, Label):
            units[-1].append(piece)
        else:
            units.append([piece])
    chosen = [u for u in units if actions(u[0]) & set(keep)]
    for unit in units:
        if unit in chosen:
            continue
        trial = [u for u in units if u in chosen or u is unit]
        if line_width([p for u in trial for p in u]) > room:
            break
        chosen.append(unit)
    return [p for u in units if u in chosen for p in u]


class RoomFooter(Footer):
    """The footer of a section screen; `keep` names the actions it never drops."""

    def __init__(self, keep: Collection[str] = (), show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self.keep = ALWAYS | set(keep)
        self.shown_keys: tuple[object, ...] | None = None

    async def recompose(self) -> None:
        """Textual recomposes on every visit and every change of focus; the keys are
        built again only when what they would show changed."""
        keys = self.keys_now()
        if keys == self.shown_keys and self.children:
            self.fit()
            return
        await super().recompose()
        self.shown_keys = keys
        self.release_removed_keys()
        self.fit()

    def keys_now(self) -> tuple[object, ...] | None:
        """What the keys would show: every binding of the screen, as Footer reads them."""
        if not self.is_attached:
            return None
        return tuple(
            (key, b.action, b.description, b.show, b.group, enabled, tooltip)
            for key, (_, b, enabled, tooltip) in self.screen.active_bindings.items()
        )

    def release_removed_keys(self) -> None:
        """Let go of the keys the last recompose took away.

        Textual's Footer binds every key it composes to its own `compact` (`data_bind`),
        and a binding is only dropped when `compact` changes and its key has closed. It
        never changes here, so each recompose (every visit to a screen, every change of
        focus) kept the keys before it alive: half a megabyte a visit with a screen's
        keys (Textual issue 6666, in the version we pin). Forcing an update of `compact`
        drops the bindings of the closed keys; the keys now shown keep theirs.
        """
        self.mutate_reactive(Footer.compact)
        forget_removed_widgets()

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        pieces = [c for c in self.children if not c.has_class("-command-palette")]
        docked = [c for c in self.children if c.has_class("-command-palette")]
        room = self.size.width - sum(outer_width(c) + c.styles.margin.width for c in docked)
        shown = {id(p) for p in fitting(pieces, room, self.keep)}
        for piece in pieces:
            piece.display = id(piece) in shown
