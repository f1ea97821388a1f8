"""Groups given in the programme file without members (their members come from a
roster CSV): one warning for all of them, naming how many and the first few."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tuiroom.programme.loading import read_programme

DRAW = (
    '[[samling]]\ntitle = "Dag 1"\n\n[[samling.item]]\ntime = "09:00 – 10:00"\ntitle = "A"\n\n'
    '[[samling.item.exercise]]\ntitle = "Roller"\ndraw_roles = true\n'
)


def programme(language: str, empty: int, full: int = 1) -> str:
    head = f'[programme]\ntitle = "Storsamling"\nlanguage = "{language}"\n\n'
    tables = [f'[[group]]\nname = "Bord {n + 1}"\n' for n in range(empty)]
    tables += [
        f'[[group]]\nname = "Fullt {n}"\nmembers = ["A{n}", "B{n}", "C{n}"]\n' for n in range(full)
    ]
    return head + "\n".join(tables) + "\n" + DRAW


def test_a_hundred_empty_groups_are_one_warning(write_toml: Callable[[str], Path]) -> None:
    result = read_programme(write_toml(programme("nb", 100)))
    assert result.errors == []
    assert [p.code for p in result.problems] == ["groups_without_members"]
    (message,) = result.messages()
    assert "100 grupper har ingen medlemmer i programfilen (Bord 1, Bord 2, Bord 3, …)" in message
    assert "Bord 4" not in message
    assert "importer en deltakerliste (CSV)" in message
    assert ":5:" in message  # the line of the first group without members


def test_one_empty_group_is_named_in_the_language_of_the_file(
    write_toml: Callable[[str], Path],
) -> None:
    result = read_programme(write_toml(programme("en", 1)))
    (message,) = result.messages()
    assert "“Bord 1” has no members in the programme file" in message


def test_a_small_group_still_has_its_own_warning(write_toml: Callable[[str], Path]) -> None:
    text = programme("nb", 2).replace('members = ["A0", "B0", "C0"]', 'members = ["A0"]')
    codes = sorted(p.code for p in read_programme(write_toml(text)).problems)
    assert codes == ["group_too_small", "groups_without_members"]
