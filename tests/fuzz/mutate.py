"""A seeded mutator for the fuzz suite: the same seed always gives the same bytes.

Each mutant starts from a good file (a bundled programme or a generated roster) and
applies one to four mutations chosen by `random.Random(seed)`: byte flips, deleted,
doubled, swapped or cut lines, values of the wrong type, huge and negative numbers,
deep nesting, long keys, control characters, a BOM, CRLF line ends, Windows-1252 bytes.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
PROGRAMMES = (DATA / "seljord.toml", DATA / "example-en.toml")

CONTROLS = (
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x00",
    "\x7f",
    "\x9b31m",
    "\u2028",
    "\u2029",
    "\x1b[31m",
    "\r",
    "\x0c",
    "\x08\x08",
)
WRONG_VALUES = (
    '"not a number"',
    "[1, 2, 3]",
    "{ a = 1 }",
    "true",
    "false",
    "[]",
    "{}",
    '["a", 1, true]',
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "3.14",
    "inf",
    "nan",
    '""',
    "-0",
    "[[], [[]]]",
)

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _join(lines: list[bytes]) -> bytes:
    return b"\n".join(lines)


def _pick_line(rng: random.Random, lines: list[bytes]) -> int:
    return rng.randrange(len(lines)) if lines else 0


def byte_flips(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not buf:
            break
        i = rng.randrange(len(buf))
        buf[i] = buf[i] ^ (1 << rng.randrange(8)) if rng.random() < 0.6 else rng.randrange(256)
    return bytes(buf)


def delete_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 5)):
        if lines:
            del lines[_pick_line(rng, lines)]
    return _join(lines)


def double_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 4)):
        i = _pick_line(rng, lines)
        lines[i:i] = lines[i : i + rng.randint(1, 6)]
    return _join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    if len(lines) > 1:
        for _ in range(rng.randint(1, 4)):
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
    return _join(lines)


def _replace_value(rng: random.Random, data: bytes, value: bytes) -> bytes:
    """`value` in place of what follows the `=` on a random assignment line."""
    lines = _lines(data)
    targets = [i for i, line in enumerate(lines) if b"=" in line]
    if not targets:
        return data + b"\nx = " + value
    i = rng.choice(targets)
    key = lines[i].split(b"=", 1)[0]
    lines[i] = key + b"= " + value
    return _join(lines)


def wrong_type(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = _replace_value(rng, data, rng.choice(WRONG_VALUES).encode())
    return data


def _number(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "9" * rng.choice((20, 400, 999, 1000, 1001, 4300, 4301, 6000))
    if kind == 1:
        return "-" + "9" * rng.randint(1, 5000)
    if kind == 2:
        return str(rng.choice((-1, -60, -(2**63), 2**63, 2**64, 10**18, 0, 1440, 99999)))
    if kind == 3:
        return f"{rng.choice(('', '-'))}1e{rng.choice((308, 309, 400, -400))}"
    if kind == 4:
        return "0x" + "f" * rng.randint(1, 3000)
    return "1_" * rng.randint(1, 2000) + "0"


def huge_numbers(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.5:
        return _replace_value(rng, data, _number(rng).encode())
    # A number where a time or duration goes, quoted or not.
    lines = _lines(data)
    targets = [i for i, line in enumerate(lines) if re.search(rb"\d", line)]
    if not targets:
        return data
    i = rng.choice(targets)
    lines[i] = re.sub(rb"\d+", _number(rng).encode(), lines[i], count=1)
    return _join(lines)


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.randint(50, 600)
    kind = rng.randrange(4)
    if kind == 0:
        value = "[" * depth + "1" + "]" * depth
    elif kind == 1:
        value = "{ a = " * depth + "1" + " }" * depth
    elif kind == 2:
        value = "[" * depth  # never closed
    else:
        value = "[{ b = " * (depth // 2) + "[]" + " }]" * (depth // 2)
    return _replace_value(rng, data, value.encode())


def long_keys(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        key = ".".join(f"k{i}" for i in range(rng.choice((41, 200, 1000))))
    elif kind == 1:
        key = "k" * rng.choice((201, 1000, 10_000))
    elif kind == 2:
        key = '"' + "q" * rng.choice((300, 10_000)) + '"'
    else:
        key = "[" + ".".join("t" for _ in range(rng.choice((50, 1000)))) + "]"
        return _insert_line(rng, data, key.encode())
    return _insert_line(rng, data, f"{key} = 1".encode())


def _insert_line(rng: random.Random, data: bytes, line: bytes) -> bytes:
    lines = _lines(data)
    lines.insert(_pick_line(rng, lines), line)
    return _join(lines)


def control_characters(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    for _ in range(rng.randint(1, 6)):
        control = rng.choice(CONTROLS)
        if rng.random() < 0.6:
            # Inside a quoted string, where a facilitator's text goes.
            quotes = [m.start() + 1 for m in re.finditer('"', text)]
            at = rng.choice(quotes) if quotes else 0
        else:
            at = rng.randrange(len(text) + 1)
        if rng.random() < 0.4:  # the escaped form, which TOML turns into the character
            control = "".join(f"\\u{ord(c):04x}" for c in control)
        text = text[:at] + control + text[at:]
    return text.encode("utf-8", errors="surrogateescape")


def control_keys(rng: random.Random, data: bytes) -> bytes:
    """A quoted key, or a table header, with control characters written as escapes:
    an unknown field whose name a message quotes."""
    name = "k" + "".join(f"\\u{ord(c):04x}" for c in rng.choice(CONTROLS)) + "x"
    line = f'"{name}" = 1' if rng.random() < 0.7 else f'[samling."{name}"]'
    return _insert_line(rng, data, line.encode())


def bom(rng: random.Random, data: bytes) -> bytes:
    return (b"\xef\xbb\xbf" * rng.randint(1, 2)) + data


def crlf(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.5:
        return data.replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r")  # old Mac line ends


def windows_1252(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    if rng.random() < 0.5:
        return text.encode("cp1252", errors="replace")
    return _insert_line(
        rng, data, rng.choice((b'x = "bl\xe5b\xe6r"', b"\x80\x81\x9d\xff", b"\xc3"))
    )


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


MUTATIONS: tuple[Mutation, ...] = (
    byte_flips,
    delete_lines,
    double_lines,
    swap_lines,
    wrong_type,
    huge_numbers,
    deep_nesting,
    long_keys,
    control_characters,
    control_keys,
    bom,
    crlf,
    windows_1252,
    truncate,
)


def escaped_controls(rng: random.Random, data: bytes) -> bytes:
    """Control characters written as TOML escapes inside strings: the file still parses,
    so they reach the models, the checks and the messages."""
    text = data.decode("utf-8", errors="surrogateescape")
    quotes = [m.end() for m in re.finditer(r'= "', text)] or [0]
    for _ in range(rng.randint(1, 4)):
        at = rng.choice(quotes)
        control = "".join(f"\\u{ord(c):04x}" for c in rng.choice(CONTROLS))
        text = text[:at] + control + text[at:]
    return text.encode("utf-8", errors="surrogateescape")


def quoted_numbers(rng: random.Random, data: bytes) -> bytes:
    """A huge, negative or odd number inside a quoted time, date or duration."""
    lines = _lines(data)
    targets = [i for i, line in enumerate(lines) if re.search(rb'"[^"]*\d[^"]*"', line)]
    if not targets:
        return data
    i = rng.choice(targets)
    lines[i] = re.sub(rb"\d+", _number(rng)[:5000].encode(), lines[i], count=1)
    return _join(lines)


# Mutations after which the file is most often still TOML: they reach the models.
GENTLE: tuple[Mutation, ...] = (
    delete_lines,
    double_lines,
    swap_lines,
    wrong_type,
    wrong_type,
    huge_numbers,
    quoted_numbers,
    quoted_numbers,
    escaped_controls,
    escaped_controls,
    control_keys,
    control_keys,
    bom,
    crlf,
)


def mutate(seed: int, data: bytes) -> bytes:
    """`data` after one to four mutations chosen by `seed`: an even seed takes gentle
    ones only, so half the mutants get past the TOML parser."""
    rng = random.Random(seed)
    choices = GENTLE if seed % 2 == 0 else MUTATIONS
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        data = rng.choice(choices)(rng, data)
    return data


def programme_mutant(seed: int) -> bytes:
    """A mutated bundled programme; the seed also picks which one."""
    source = PROGRAMMES[seed % len(PROGRAMMES)]
    return mutate(seed, source.read_bytes())


FIRST_NAMES = ("Ola", "Kari", "Åse", "Ørjan", "Ingrid", "Bjørn", "Sigrid", "Tor", "Liv", "Nils")
LAST_NAMES = ("Nordmann", "Bakke", "Løvås", "Haugen", "Dahl", "Strand", "Myhre", "Vik", "Lie")


def roster_csv() -> bytes:
    """A good roster in the groups of seljord.toml, with invented names."""
    programme = tomllib.loads((DATA / "seljord.toml").read_text(encoding="utf-8"))
    groups = [group["name"] for group in programme["group"]]
    rng = random.Random(0)
    lines = ["navn;gruppe;e-post"]
    n = 0
    for group in groups:
        for _ in range(5):
            first, last = FIRST_NAMES[n % 10], LAST_NAMES[(n // 10 + n) % 9]
            name = f"{first} {last} {n}"
            mail = f"{first.lower()}.{n}@example.no" if rng.random() < 0.8 else ""
            lines.append(f"{name};{group};{mail}")
            n += 1
    return ("\n".join(lines) + "\n").encode()


def _csv_quote(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice((b'"', b'""', b'";"', b'"\n"')) + data[at:]


def _csv_separator(rng: random.Random, data: bytes) -> bytes:
    old, new = rng.sample((b";", b",", b"\t", b"|"), 2)
    return data.replace(old, new)


def _csv_long_cell(rng: random.Random, data: bytes) -> bytes:
    cell = rng.choice((b"x", b"\xc3\xa5", b"@", b";")) * rng.choice((200, 10_000, 200_000))
    return _insert_line(rng, data, b"Lang Celle;" + cell + b";" + cell)


def _csv_utf16(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoded = text.encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be")))
    return encoded if rng.random() < 0.8 else encoded[:-1]


ROSTER_MUTATIONS: tuple[Mutation, ...] = (
    *MUTATIONS,
    _csv_quote,
    _csv_quote,
    _csv_separator,
    _csv_long_cell,
    _csv_utf16,
)


def roster_mutant(seed: int, source: bytes) -> bytes:
    rng = random.Random(seed)
    data = source
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        data = rng.choice(ROSTER_MUTATIONS)(rng, data)
    return data
