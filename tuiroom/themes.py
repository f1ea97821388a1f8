"""Two themes for a projector: white on black for a dark room, black on white for a
bright one. Contrast first; colour only ever adds to what the text already says.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="tuiroom-dark",
    primary="#FFD75F",
    secondary="#5FD7FF",
    accent="#5FD7FF",
    warning="#FFAF00",
    error="#FF5F5F",
    success="#87FF87",
    foreground="#FFFFFF",
    background="#000000",
    surface="#101010",
    panel="#1E1E1E",
    dark=True,
    variables={"footer-key-foreground": "#FFD75F", "block-cursor-text-style": "bold"},
)

LIGHT = Theme(
    name="tuiroom-light",
    primary="#0B3D91",
    secondary="#7A2E00",
    accent="#7A2E00",
    warning="#8A5A00",
    error="#B00020",
    success="#006B1B",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F2F2F2",
    panel="#E2E2E2",
    dark=False,
    variables={"footer-key-foreground": "#0B3D91", "block-cursor-text-style": "bold"},
)

THEMES = (DARK, LIGHT)
DEFAULT = DARK.name


def known(name: str) -> str:
    """A saved theme name as one of ours: anything else (an edited database, a theme of
    a later version) is the default."""
    return name if name in (DARK.name, LIGHT.name) else DEFAULT


def other(name: str) -> str:
    return LIGHT.name if name == DARK.name else DARK.name
