"""Titles shortened to fit a line: at a word where possible, the longest first."""

from __future__ import annotations

from tuiroom.fmt import shorten, shorten_all


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("Rekkefremlegg: ett og ett punkt, uten diskusjon", 20) == "Rekkefremlegg: ett…"
    assert shorten("Plenum", 20) == "Plenum"
    assert shorten("Gallerivandring", 8) == "Galleri…", "one long word: cut inside it"


def test_shorten_all_lets_the_longest_give_way_first() -> None:
    texts = ["Individuelt", "I gruppen: bruk rekkefremlegg og bli enige", "Plenum"]
    short = shorten_all(texts, 40)
    assert short[0] == "Individuelt" and short[2] == "Plenum"
    assert short[1].endswith("…") and sum(map(len, short)) <= 40
