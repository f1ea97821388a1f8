"""tuiroom: a workshop room in the terminal for facilitators of leadership-development days."""

__version__ = "0.1.0"
