"""Line numbers for paths in a TOML document.

tomllib returns plain values without positions, yet every message about a programme
file must say on which line to look. This scanner walks text that tomllib has already
accepted and records the line where each table, key and array element starts, using
the same paths as pydantic error locations: ("samling", 1, "item", 3, "time").
"""

from __future__ import annotations

from bisect import bisect_right

Path = tuple[str | int, ...]
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.found: dict[Path, int] = {}
        self.tables: dict[Path, int] = {}

    def line(self) -> int:
        return bisect_right(self.starts, self.pos)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def record(self, path: Path) -> None:
        self.found.setdefault(path, self.line())

    def skip(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            else:
                return

    def document(self) -> None:
        prefix: Path = ()
        while True:
            self.skip(newlines=True)
            if not self.peek():
                return
            if self.peek() == "[":
                prefix = self.header()
            else:
                self.key_value(prefix)

    def header(self) -> Path:
        double = self.text.startswith("[[", self.pos)
        self.pos += 2 if double else 1
        self.skip(newlines=False)
        keys = self.key()
        self.pos += 2 if double else 1
        path: Path = ()
        for name in keys[:-1]:
            path += (name,)
            if path in self.tables:
                path += (self.tables[path] - 1,)
        path += (keys[-1],)
        if double:
            self.record(path)
            index = self.tables.get(path, 0)
            self.tables[path] = index + 1
            path += (index,)
        self.record(path)
        return path

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip(newlines=False)
            char = self.peek()
            if char in "\"'":
                parts.append(self.string())
            else:
                start = self.pos
                while self.peek() and self.peek() in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip(newlines=False)
            if self.peek() != ".":
                return parts
            self.pos += 1

    def key_value(self, prefix: Path) -> None:
        line = self.line()
        path = prefix + tuple(self.key())
        self.found.setdefault(path, line)
        self.skip(newlines=False)
        self.pos += 1  # the "="
        self.skip(newlines=False)
        self.value(path)

    def value(self, path: Path) -> None:
        char = self.peek()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in "\"'":
            self.string()
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.pos += 1

    def array(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip(newlines=True)
            if self.peek() in ("]", ""):
                self.pos += 1
                return
            self.record((*path, index))
            self.value((*path, index))
            self.skip(newlines=True)
            if self.peek() == ",":
                self.pos += 1
                index += 1

    def inline_table(self, path: Path) -> None:
        self.pos += 1
        while True:
            self.skip(newlines=False)
            if self.peek() in ("}", ""):
                self.pos += 1
                return
            self.key_value(path)
            self.skip(newlines=False)
            if self.peek() == ",":
                self.pos += 1

    def string(self) -> str:
        quote = self.peek()
        triple = self.text.startswith(quote * 3, self.pos)
        delimiter = quote * 3 if triple else quote
        self.pos += len(delimiter)
        start = self.pos
        while self.pos < len(self.text):
            if quote == '"' and self.text[self.pos] == "\\":
                self.pos += 2
                continue
            if self.text.startswith(delimiter, self.pos):
                while triple and self.text.startswith(delimiter + quote, self.pos):
                    self.pos += 1  # up to two quotes may close a multi-line string
                content = self.text[start : self.pos]
                self.pos += len(delimiter)
                return content
            self.pos += 1
        return self.text[start:]


def key_lines(text: str) -> dict[Path, int]:
    """Every table, key and array element of `text` with the 1-based line it starts on."""
    scanner = _Scanner(text)
    scanner.document()
    return scanner.found


def line_of(lines: dict[Path, int], loc: Path) -> int | None:
    """The line of `loc`, or of the nearest enclosing path the scanner saw."""
    wanted = tuple(part for part in loc if isinstance(part, int) or "[" not in part)
    for size in range(len(wanted), 0, -1):
        if wanted[:size] in lines:
            return lines[wanted[:size]]
    return None
