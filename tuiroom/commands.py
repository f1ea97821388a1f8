"""The command palette: sections, samlinger, agenda items, and every key of the screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import ActiveBinding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from tuiroom.fmt import hhmm
from tuiroom.i18n import t
from tuiroom.screens.base import shown, translated
from tuiroom.textual_private import Palette

if TYPE_CHECKING:
    from tuiroom.app import TuiroomApp

Command = tuple[str, str, Callable[[], object]]


class RoomCommands(Provider):
    """Everything the keys do, plus sections, samlinger and agenda items, in the palette."""

    def commands(self) -> list[Command]:
        app = cast("TuiroomApp", self.app)  # the palette only opens in TuiroomApp
        found: list[Command] = [
            (t(s.label), t(s.help), partial(app.action_section, s.name)) for s in app.sections
        ]
        found += [
            (
                f"{t('nav.switch_samling')}: {s.title}",
                t("nav.switch_samling_help"),
                partial(app.open_samling, s.id),
            )
            for s in app.store.samlinger()
        ]
        found += [
            (
                f"{t('clock.jump_to')}: {hhmm(item.start)} {item.title}",
                t("clock.jump_to_help"),
                partial(app.act, app.day.jump, item.id),
            )
            for item in app.day.items
        ]
        # A key whose command is listed already (a section, the theme, the keys) once.
        seen = {name for name, _, _ in found}
        seen |= {command.title for command in app.get_system_commands(self.screen)}
        return found + [key for key in self.screen_keys() if key[0] not in seen]

    def screen_keys(self) -> list[Command]:
        """The keys of the screen under the palette, so nothing needs remembering."""
        screen = self.screen
        found: list[Command] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or key.startswith("ctrl+"):
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            found.append(
                (
                    binding.description,
                    t("app.key_help", key=display),
                    partial(self.app.run_action, binding.action, active.node),
                )
            )
        # A screen may name what its Ctrl keys do (the agenda's Ctrl+Z), and more.
        extra: Callable[[], list[Command]] | None = getattr(screen, "palette_commands", None)
        return found + (extra() if extra is not None else [])

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, highlighted(matcher, name), callback, text=name, help=escape(help_text)
                )


def highlighted(matcher: Matcher, name: str) -> Content:
    """`name` with the letters the query matched marked, read as plain text: Textual's
    `Matcher.highlight` reads the candidate as markup, and a name holds people's text."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class RoomPalette(Palette):
    """Textual's command palette in the interface language, with its keys translated."""

    def __init__(self) -> None:
        super().__init__(
            placeholder=shown("Search for commands…"),
            no_matches=shown("No matches found"),
            id="--command-palette",
        )

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translated(super().active_bindings)
