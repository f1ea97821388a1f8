"""Fitting the projector's cards and lists to its size: nothing cut, no name broken,
every card and every person on some page, in order."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.crowd import people
from tuiroom.day import stage_pages as fit
from tuiroom.groups.seating import name_order, seating
from tuiroom.programme.models import ClockSettings
from tuiroom.store.groups import RosterPerson

ROLES = ("Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum")


class Card(NamedTuple):
    title: str
    lines: tuple[tuple[str, str], ...]
    note: str = ""


def role_cards(count: int) -> list[Card]:
    names = people(count * 3)
    return [
        Card(f"Gruppe {n + 1}", tuple(zip(ROLES, names[n * 3 : n * 3 + 3], strict=True)))
        for n in range(count)
    ]


def shown(laid: fit.CardPages) -> list[str]:
    return [line for page in laid.pages for row in page for p in row for line, _ in p.lines]


def test_five_role_cards_fit_one_page_of_a_100x30_projector() -> None:
    laid = fit.fit_cards(role_cards(5), 96, 19)
    assert len(laid.pages) == 1 and laid.columns == 3
    assert shown(laid).count("Sekretær / melder i plenum") == 5


def test_twelve_groups_take_two_pages_with_every_name_whole() -> None:
    cards = role_cards(12)
    laid = fit.fit_cards(cards, 96, 18)
    assert len(laid.pages) == 2
    for page in laid.pages:
        assert sum(max(p.height for p in row) for row in page) <= 18
    assert [c.title for c in cards] == [line for line in shown(laid) if line.startswith("Grup")]
    assert set(shown(laid)) >= {name for c in cards for _, name in c.lines}


def test_narrow_columns_wrap_at_spaces_only() -> None:
    card = Card("Fjellrev", (("Sekretær / melder i plenum", "Ødegård-Kristiansen Årdal"),))
    laid = fit.fit_cards([card], 24, 30)
    lines = shown(laid)
    assert "Ødegård-Kristiansen" in lines and "Årdal" in lines
    assert all(len(line) <= laid.width - fit.FRAME for line in lines)


def test_a_card_taller_than_the_screen_goes_on_under_its_title() -> None:
    card = Card("Gruppe 1", tuple(("", name) for name in people(30)))
    laid = fit.fit_cards([card], 60, 12)
    parts = [p for page in laid.pages for row in page for p in row]
    assert len(parts) > 1 and all(p.height <= 12 for p in parts)
    assert all(p.lines[0] == ("Gruppe 1", "title") for p in parts)
    assert [line for p in parts for line, kind in p.lines if kind == "value"] == people(30)


@given(
    st.lists(st.text("abc æøå-", min_size=1, max_size=30), min_size=1, max_size=40),
    st.integers(20, 200),
    st.integers(4, 60),
)
def test_cards_never_lose_or_break_a_word(names: list[str], width: int, height: int) -> None:
    cards = [Card("Gruppe", (("Rolle", name),)) for name in names]
    laid = fit.fit_cards(cards, width, height)
    parts = [p for page in laid.pages for row in page for p in row]
    words = [w for p in parts for line, kind in p.lines if kind != "title" for w in line.split()]
    assert words == [w for c in cards for text in ("Rolle", c.lines[0][1]) for w in text.split()]
    assert all(p.lines[0] == ("Gruppe", "title") for p in parts)
    assert all(p.height <= max(height, 4) for p in parts)


def test_650_people_in_columns_and_pages_in_order() -> None:
    everyone = [(name, f"Gruppe {n % 100 + 1}") for n, name in enumerate(sorted(people(650)))]
    laid = fit.fit_list(everyone, 156, 30)
    entries = [e for page in laid.pages for column in page for e in column]
    assert [" ".join(filter(None, e.name)) for e in entries] == [name for name, _ in everyone]
    assert all(len(line) <= laid.width for e in entries for line in e.name)
    assert all(len(e.name[-1]) + fit.FILLER + len(e.group) <= laid.width for e in entries)
    assert all(sum(len(e.name) for e in column) <= 30 for page in laid.pages for column in page)
    one_line_each = fit.list_pages_for(everyone, 3, 156, 30)
    assert len(laid.pages) < len(one_line_each.pages)


def test_a_name_too_long_for_one_line_is_broken_at_a_space() -> None:
    laid = fit.fit_list([("Ødegård-Kristiansen Marie Årdal", "Gruppe 12")], 24, 10)
    (one,) = laid.pages[0][0]
    assert one.name == ("Ødegård-Kristiansen", "Marie Årdal")


def test_norwegian_order_puts_ae_oe_aa_after_z() -> None:
    names = ["Åse", "Øystein", "Ærling", "Zakarias", "Aase", "Élise", "Eirik", "ola"]
    assert sorted(names, key=name_order) == [
        "Aase", "Eirik", "Élise", "ola", "Zakarias", "Ærling", "Øystein", "Åse"
    ]  # fmt: skip


def person(pid: int, name: str, group: str, present: bool = True) -> RosterPerson:
    return RosterPerson(pid, name, 1, group, False, "", present, "programme")


def test_seating_lists_those_present_with_their_table() -> None:
    roster = [
        person(1, "Åse Lund", "Gygrene"),
        person(2, "Bjørn Dahl", "RLG", present=False),
        person(3, "Aud Vik", "Blåveis"),
        person(4, "Zara Moe", ""),
    ]
    assert seating(roster) == [("Aud Vik", "Blåveis"), ("Zara Moe", "–"), ("Åse Lund", "Gygrene")]
    by_grouping = seating(roster, {1: "Gruppe 2", 3: "Gruppe 1"})
    assert by_grouping == [("Aud Vik", "Gruppe 1"), ("Zara Moe", "–"), ("Åse Lund", "Gruppe 2")]


def test_a_turn_of_the_page_keeps_what_is_on_the_stage() -> None:
    payload: dict[str, object] = {"title": "Roller", "cards": []}
    twice = fit.turned(fit.turned(payload, 1), 1)
    assert fit.turns(twice) == (payload, 2)
    assert fit.turns(fit.turned(twice, -3)) == (payload, -1)


def test_the_page_pace_is_checked_like_the_other_clock_settings() -> None:
    assert ClockSettings().page_seconds == 8
    assert ClockSettings(page_seconds=15).page_seconds == 15
    with pytest.raises(ValidationError):
        ClockSettings(page_seconds=0.5)
