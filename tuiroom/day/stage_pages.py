"""How what is on the projector fits the projector: group and role cards, and the
who-sits-where list, in as many columns as fit and in pages when they still do not.

Text is broken only at spaces, so a name is never split and no line is cut; a card too
tall for the screen continues in the next slot under its own title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, Protocol

GAP = 1  # terminal columns between two cards
LIST_GAP = 4  # between two columns of names, so a table number is not read as a name
FRAME = 4  # a card's border and padding, left and right together
FRAME_ROWS = 2  # a card's border, top and bottom
MIN_INNER = 20  # a card narrower than this inside is hard to read from the back
FILLER = 3  # the least room between a name and its group in the who-sits-where list

PAGED = ("cards", "seating")  # what is put on the stage in pages

Kind = Literal["title", "label", "value", "note"]


class CardText(Protocol):
    """What a card says: the widgets' Card, or anything else shaped like it."""

    @property
    def title(self) -> str: ...

    @property
    def lines(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def note(self) -> str: ...


class Piece(NamedTuple):
    """A card as it is drawn: its lines already broken to the column's width."""

    lines: tuple[tuple[str, Kind], ...]

    @property
    def height(self) -> int:
        return len(self.lines) + FRAME_ROWS


class CardPages(NamedTuple):
    width: int  # of one column, frame included
    pages: tuple[tuple[tuple[Piece, ...], ...], ...]  # pages of rows of cards

    @property
    def columns(self) -> int:
        return max((len(row) for page in self.pages for row in page), default=1)


class Entry(NamedTuple):
    """One person in the who-sits-where list: the name's lines, the group on the last."""

    name: tuple[str, ...]
    group: str


class ListPages(NamedTuple):
    width: int  # of one column
    pages: tuple[tuple[tuple[Entry, ...], ...], ...]  # pages of columns of people


def wrap(text: str, width: int) -> list[str]:
    """Break `text` at spaces into lines of at most `width`; a longer word stands alone."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line or not lines else lines


def longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def card_texts(card: CardText) -> list[str]:
    return [card.title, *(part for pair in card.lines for part in pair), card.note]


def piece_lines(card: CardText, inner: int) -> list[tuple[str, Kind]]:
    lines: list[tuple[str, Kind]] = [(line, "title") for line in wrap(card.title, inner)]
    for label, value in card.lines:
        if label:
            lines += [(line, "label") for line in wrap(label, inner)]
        lines += [(line, "value") for line in wrap(value, inner)]
    if card.note:
        lines += [(line, "note") for line in wrap(card.note, inner)]
    return lines


def pieces(card: CardText, inner: int, height: int) -> list[Piece]:
    """The card, or, taller than the screen, its parts: each under the card's title."""
    lines = piece_lines(card, inner)
    room = max(2, height - FRAME_ROWS)
    if len(lines) <= room:
        return [Piece(tuple(lines))]
    heading = [line for line in lines if line[1] == "title"][: room - 1]
    body = lines[len(heading) :]
    step = room - len(heading)
    return [Piece(tuple(heading + body[i : i + step])) for i in range(0, len(body), step)]


def column_width(width: int, columns: int) -> int:
    return (width - GAP * (columns - 1)) // columns


def card_pages_for(
    cards: Sequence[CardText], columns: int, width: int, height: int
) -> tuple[tuple[tuple[Piece, ...], ...], ...]:
    inner = column_width(width, columns) - FRAME
    drawn = [piece for card in cards for piece in pieces(card, inner, height)]
    rows = [tuple(drawn[i : i + columns]) for i in range(0, len(drawn), columns)]
    pages: list[list[tuple[Piece, ...]]] = []
    used = height
    for row in rows:
        tall = max(piece.height for piece in row)
        if used + tall > height or not pages:
            pages.append([])
            used = 0
        pages[-1].append(row)
        used += tall
    return tuple(tuple(page) for page in pages)


def fit_cards(cards: Sequence[CardText], width: int, height: int) -> CardPages:
    """The fewest pages; of those, the shortest (fewest labels broken over two lines);
    of those, the most columns. No column is too narrow for its longest word."""
    word = longest_word([text for card in cards for text in card_texts(card)])
    fits = [
        columns
        for columns in range(1, max(1, min(len(cards), width // (MIN_INNER + FRAME))) + 1)
        if column_width(width, columns) - FRAME >= max(MIN_INNER, word) or columns == 1
    ]
    best = min(
        ((card_pages_for(cards, c, width, height), c) for c in fits),
        key=lambda laid: (len(laid[0]), tallest(laid[0]), -laid[1]),
    )
    return CardPages(column_width(width, best[1]), best[0])


def tallest(pages: tuple[tuple[tuple[Piece, ...], ...], ...]) -> int:
    """The height of the fullest page: fewer lines broken, fewer rows to read."""
    return max((sum(max(p.height for p in row) for row in page) for page in pages), default=0)


def entry(name: str, group: str, width: int) -> Entry:
    """A person on one line, or their name broken at spaces when the column is narrow."""
    if len(name) + FILLER + len(group) <= width:
        return Entry((name,), group)
    lines = wrap(name, width)
    if len(lines[-1]) + FILLER + len(group) > width:
        lines.append("")
    return Entry(tuple(lines), group)


def fit_list(people: Sequence[tuple[str, str]], width: int, height: int) -> ListPages:
    """Everyone in order, down each column and on to the next: the fewest pages, and of
    those the widest columns (a long name may take two lines if that saves a page)."""
    narrowest = max(
        (max(longest_word([name]), len(group) + FILLER) for name, group in people), default=1
    )
    most = max(1, (width + LIST_GAP) // (narrowest + LIST_GAP))
    laid = [list_pages_for(people, c, width, height) for c in range(1, most + 1)]
    return min(laid, key=lambda one: (len(one.pages), -one.width))


def list_pages_for(
    people: Sequence[tuple[str, str]], columns: int, width: int, height: int
) -> ListPages:
    wide = (width - LIST_GAP * (columns - 1)) // columns
    slots: list[list[Entry]] = [[]]
    used = 0
    for name, group in people:
        one = entry(name, group, wide)
        if used + len(one.name) > max(1, height) and slots[-1]:
            slots.append([])
            used = 0
        slots[-1].append(one)
        used += len(one.name)
    pages = tuple(
        tuple(tuple(column) for column in slots[i : i + columns])
        for i in range(0, len(slots), columns)
    )
    return ListPages(wide, pages)


def turns(payload: dict[str, object]) -> tuple[dict[str, object], int]:
    """What is on the stage, and how many pages the facilitator has turned it on."""
    turn = payload.get("turn", 0)
    content = {key: value for key, value in payload.items() if key != "turn"}
    return content, turn if isinstance(turn, int) else 0


def turned(payload: dict[str, object], step: int) -> dict[str, object]:
    """The same stage, turned `step` pages on (back, when negative)."""
    content, turn = turns(payload)
    return {**content, "turn": turn + step}
