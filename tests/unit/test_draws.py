"""Regrouping and role draws: sizes, rules, fairness over a programme, and replay from a seed."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuiroom.groups import roles as roles_module
from tuiroom.groups.draws import (
    Assignment,
    Cost,
    Mix,
    SizeMode,
    combined,
    draw_all,
    draw_criteria,
    draw_roles,
    group_sizes,
    load_criteria,
    regroup,
    regroup_cost,
)
from tuiroom.groups.pairs import Pair, Person, Rules, pair
from tuiroom.names import name_key

ROLES = ["Ordstyrer og tidtaker", "Viddevakt", "Sekretær / melder i plenum"]
DECK_NB = [
    "den som har mørkest hår",
    "den som har lysest hår",
    "den som har kortest fornavn",
    "den laveste",
    "den høyeste",
    "den med nyest bukse",
]
LEFT = {"nb": " av dem som er igjen", "nn": " av dei som er att", "en": " of those left"}
MODES: list[SizeMode] = ["pairs", "trios", "count", "size"]
MIXES: list[Mix] = ["mixed", "within", "any"]


def people_in(sizes: Sequence[int], start: int = 0) -> list[Person]:
    """Network groups N0, N1, ... of the given sizes, with consecutive ids."""
    out: list[Person] = []
    for g, size in enumerate(sizes):
        for _ in range(size):
            pid = start + len(out)
            out.append(Person(pid, f"Leder {pid}", f"N{g}"))
    return out


def pairs_of(groups: Sequence[Sequence[int]]) -> list[Pair]:
    return [pair(x, y) for group in groups for x in group for y in group if x < y]


def history_of(*groupings: Sequence[Sequence[int]]) -> dict[Pair, int]:
    history: Counter[Pair] = Counter()
    for groups in groupings:
        history.update(pairs_of(groups))
    return dict(history)


def flat(groups: Sequence[Sequence[int]]) -> list[int]:
    return [pid for group in groups for pid in group]


# ── Sizes ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("n", "mode", "value", "expected"),
    [
        (9, "pairs", 0, [3, 2, 2, 2]),
        (7, "pairs", 0, [3, 2, 2]),
        (8, "pairs", 0, [2, 2, 2, 2]),
        (3, "pairs", 0, [3]),
        (10, "trios", 0, [4, 3, 3]),
        (9, "trios", 0, [3, 3, 3]),
        (2, "trios", 0, [2]),
        (1, "pairs", 0, [1]),
        (0, "pairs", 0, []),
        (0, "count", 3, []),
        (13, "size", 4, [5, 4, 4]),
        (12, "size", 4, [4, 4, 4]),
        (3, "size", 5, [3]),
        (6, "size", 1, [1, 1, 1, 1, 1, 1]),
        (7, "count", 3, [3, 2, 2]),
        (5, "count", 10, [1, 1, 1, 1, 1]),
        (40, "count", 6, [7, 7, 7, 7, 6, 6]),
        (650, "count", 100, [7] * 50 + [6] * 50),
    ],
)
def test_group_sizes(n: int, mode: SizeMode, value: int, expected: list[int]) -> None:
    assert group_sizes(n, mode, value) == expected


@pytest.mark.parametrize(("mode", "value"), [("count", 0), ("size", 0), ("size", -2)])
def test_group_sizes_refuses_nonsense(mode: SizeMode, value: int) -> None:
    with pytest.raises(ValueError):
        group_sizes(10, mode, value)


@given(
    n=st.integers(1, 300),
    mode=st.sampled_from(MODES),
    value=st.integers(1, 40),
)
def test_group_sizes_share_everyone_within_one(n: int, mode: SizeMode, value: int) -> None:
    sizes = group_sizes(n, mode, value)
    assert sum(sizes) == n
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] - sizes[-1] <= 1
    if mode == "count":
        assert len(sizes) == min(value, n)


def test_pair_puts_the_smaller_id_first() -> None:
    assert pair(7, 3) == Pair(3, 7) == pair(3, 7)


# ── Regroup: replay, completeness, sizes ─────────────────────────────────────


def test_same_seed_gives_the_same_regroup() -> None:
    people = people_in([6, 7, 5, 6, 7, 4])
    rules = Rules(apart=frozenset({pair(0, 1)}), together=frozenset({pair(2, 20)}))
    first = regroup(people, "pairs", 0, "mixed", rules, random.Random(42))
    again = regroup(people, "pairs", 0, "mixed", rules, random.Random(42))
    assert first == again
    others = {str(regroup(people, "pairs", 0, "mixed", rules, random.Random(s))) for s in range(10)}
    assert len(others) >= 8


@st.composite
def rooms(draw: st.DrawFn) -> tuple[list[Person], SizeMode, int, Mix, int]:
    sizes = draw(st.lists(st.integers(1, 7), min_size=0, max_size=6))
    people = people_in(sizes)
    loners = draw(st.integers(0, 4))
    people += [Person(1000 + k, f"Gjest {k}", "") for k in range(loners)]
    present = draw(st.lists(st.sampled_from(people), unique=True)) if people else []
    mode = draw(st.sampled_from(MODES))
    value = draw(st.integers(1, 8))
    mix = draw(st.sampled_from(MIXES))
    return present, mode, value, mix, draw(st.integers(0, 2**32))


@given(rooms())
def test_everyone_present_is_placed_once_in_sizes_within_one(
    room: tuple[list[Person], SizeMode, int, Mix, int],
) -> None:
    present, mode, value, mix, seed = room
    groups = regroup(present, mode, value, mix, Rules(), random.Random(seed))
    assert sorted(flat(groups)) == sorted(p.id for p in present)
    assert all(groups)
    if mix != "within":
        assert [len(g) for g in groups] == group_sizes(len(present), mode, value)
        return
    network = {p.id: p.group for p in present}
    for name in {p.group for p in present}:
        own = [g for g in groups if network[g[0]] == name]
        assert all(network[pid] == name for g in own for pid in g)
        pool = sum(1 for p in present if p.group == name)
        assert sorted(len(g) for g in own) == sorted(group_sizes(pool, mode, value))


# ── Regroup: rules ───────────────────────────────────────────────────────────


@st.composite
def matched_rooms(draw: st.DrawFn) -> tuple[list[Person], int, list[Pair], Mix, int]:
    """People, a group count of at least 2, disjoint pairs among them, a mix and a seed."""
    sizes = draw(st.lists(st.integers(1, 7), min_size=1, max_size=6))
    people = people_in(sizes)
    count = draw(st.integers(2, max(2, len(people) // 2)))
    ids = draw(st.permutations([p.id for p in people]))
    pairs = draw(st.integers(0, len(ids) // 2))
    matching = [pair(ids[2 * k], ids[2 * k + 1]) for k in range(pairs)]
    mix = draw(st.sampled_from(MIXES[::2]))
    return people, count, matching, mix, draw(st.integers(0, 2**32))


@given(matched_rooms())
def test_keep_apart_holds_when_the_pairs_are_disjoint(
    room: tuple[list[Person], int, list[Pair], Mix, int],
) -> None:
    people, count, apart, mix, seed = room
    if len(people) < 2:
        return
    earlier = regroup(people, "count", count, "any", Rules(), random.Random(seed + 1))
    rules = Rules(apart=frozenset(apart), history=history_of(earlier))
    groups = regroup(people, "count", count, mix, rules, random.Random(seed))
    assert regroup_cost(groups, people, mix, rules).apart == 0


@given(matched_rooms())
def test_keep_together_holds_when_the_pairs_fit(
    room: tuple[list[Person], int, list[Pair], Mix, int],
) -> None:
    people, count, together, mix, seed = room
    sizes = group_sizes(len(people), "count", count)
    together = together[: sum(size // 2 for size in sizes)]
    earlier = regroup(people, "count", count, "any", Rules(), random.Random(seed + 1))
    rules = Rules(together=frozenset(together), history=history_of(earlier))
    groups = regroup(people, "count", count, mix, rules, random.Random(seed))
    assert regroup_cost(groups, people, mix, rules).together == 0


def test_keep_together_wins_in_a_big_room() -> None:
    people = people_in([6, 7] * 50)
    ids = [p.id for p in people]
    random.Random(3).shuffle(ids)
    apart = frozenset(pair(ids[k], ids[k + 1]) for k in range(0, 40, 2))
    together = frozenset(pair(ids[k], ids[k + 1]) for k in range(40, 80, 2))
    rules = Rules(apart=apart, together=together)
    groups = regroup(people, "count", 100, "mixed", rules, random.Random(1))
    assert regroup_cost(groups, people, "mixed", rules)[:2] == (0, 0)


@given(
    sizes=st.lists(st.integers(1, 8), min_size=1, max_size=8),
    count=st.integers(1, 12),
    seed=st.integers(0, 2**32),
    with_history=st.booleans(),
)
def test_mixed_never_seats_a_network_group_together_when_it_can_spread(
    sizes: list[int], count: int, seed: int, with_history: bool
) -> None:
    people = people_in(sizes)
    count = max(count, max(sizes))
    if count > len(people):
        return
    history: dict[Pair, int] = {}
    if with_history:
        earlier = regroup(people, "count", count, "any", Rules(), random.Random(seed + 1))
        history = history_of(earlier, earlier)
    rules = Rules(history=history)
    groups = regroup(people, "count", count, "mixed", rules, random.Random(seed))
    assert regroup_cost(groups, people, "mixed", rules).same_network == 0


def test_mixed_spreads_a_big_network_group_evenly() -> None:
    people = people_in([9, 2, 2, 2])
    groups = regroup(people, "count", 3, "mixed", Rules(), random.Random(5))
    n0 = [sum(1 for pid in g if pid < 9) for g in groups]
    assert sorted(n0) == [3, 3, 3]


def test_history_means_fewer_repeated_pairs_than_a_random_draw() -> None:
    people = people_in([6, 7, 6, 7, 6, 7, 5, 6])
    earlier = [regroup(people, "trios", 0, "any", Rules(), random.Random(100 + k)) for k in (1, 2)]
    rules = Rules(history=history_of(*earlier))
    avoided, blind = [], []
    for seed in range(12):
        groups = regroup(people, "trios", 0, "any", rules, random.Random(seed))
        avoided.append(regroup_cost(groups, people, "any", rules).repeats)
        groups = regroup(people, "trios", 0, "any", Rules(), random.Random(seed))
        blind.append(regroup_cost(groups, people, "any", rules).repeats)
    assert sum(blind) >= 12  # the comparison means something
    assert sum(avoided) * 3 <= sum(blind)


def test_regroup_cost_counts_what_is_broken() -> None:
    people = [Person(1, "A", "N"), Person(2, "B", "N"), Person(3, "C", "M"), Person(4, "D", "")]
    rules = Rules(
        apart=frozenset({pair(1, 2), pair(3, 4), pair(1, 99)}),
        together=frozenset({pair(2, 3), pair(1, 99)}),
        history={pair(1, 2): 2, pair(3, 4): 1},
    )
    groups = [[1, 2], [3, 4]]
    assert regroup_cost(groups, people, "mixed", rules) == Cost(2, 1, 1, 2)
    assert regroup_cost(groups, people, "any", rules) == Cost(2, 1, 0, 2)


def test_absent_people_in_rules_do_not_matter() -> None:
    people = people_in([3, 3])
    rules = Rules(apart=frozenset({pair(0, 77)}), together=frozenset({pair(1, 88)}))
    groups = regroup(people, "pairs", 0, "mixed", rules, random.Random(0))
    assert sorted(flat(groups)) == [0, 1, 2, 3, 4, 5]


# ── Roles: fairness ──────────────────────────────────────────────────────────


def feed(history: Counter[tuple[int, str]], roles: Sequence[str], drawn: list[Assignment]) -> None:
    for item in drawn:
        assert item.person is not None
        history[(item.person, name_key(roles[item.role]))] += 1


@settings(max_examples=150)
@given(
    role_count=st.integers(1, 5),
    extra=st.integers(0, 4),
    draws=st.integers(1, 24),
    seed=st.integers(0, 2**32),
)
def test_nobody_holds_a_role_again_before_everyone_has(
    role_count: int, extra: int, draws: int, seed: int
) -> None:
    roles = [f"Rolle {k}" for k in range(role_count)]
    members = list(range(10, 10 + role_count + extra))
    history: Counter[tuple[int, str]] = Counter()
    rng = random.Random(seed)
    for _ in range(draws):
        drawn = draw_roles(members, roles, history, rng)
        assert [item.role for item in drawn] == list(range(role_count))
        assert len({item.person for item in drawn}) == role_count
        for item in drawn:
            assert item.person in members
            key = name_key(roles[item.role])
            held = history[(item.person, key)]  # this is the (held + 1)-th time
            assert all(history[(m, key)] >= held for m in members), (item, dict(history))
        feed(history, roles, drawn)


def test_same_seed_gives_the_same_role_draw() -> None:
    members = [3, 5, 8, 13, 21, 34]
    history = {(5, name_key(ROLES[0])): 1}
    first = draw_roles(members, ROLES, history, random.Random(9))
    assert draw_roles(members, ROLES, history, random.Random(9)) == first
    seen = {str(draw_roles(members, ROLES, history, random.Random(s))) for s in range(12)}
    assert len(seen) >= 6


def test_history_is_read_under_the_programme_name_key() -> None:
    history = {(1, name_key("  ordstyrer   OG tidtaker ")): 1}
    for seed in range(10):
        drawn = draw_roles([1, 2], ["Ordstyrer og tidtaker"], history, random.Random(seed))
        assert drawn == [Assignment(0, 2)]


@given(seed=st.integers(0, 2**32), present=st.integers(1, 6))
def test_absent_people_are_never_drawn(seed: int, present: int) -> None:
    roster = list(range(1, 8))
    members = roster[:present]
    # Those away have never had a role: the draw must not reach for them anyway.
    history = {(m, name_key(r)): 3 for m in members for r in ROLES}
    drawn = draw_roles(members, ROLES, history, random.Random(seed))
    assert {item.person for item in drawn} <= set(members)
    assert len(drawn) == len(ROLES)


def test_an_empty_group_gets_no_roles() -> None:
    assert draw_roles([], ROLES, {}, random.Random(0)) == []


@given(
    role_count=st.integers(2, 8),
    data=st.data(),
    seed=st.integers(0, 2**32),
)
def test_a_small_group_combines_roles_floor_or_ceil_each(
    role_count: int, data: st.DataObject, seed: int
) -> None:
    roles = [f"Rolle {k}" for k in range(role_count)]
    size = data.draw(st.integers(1, role_count - 1))
    members = list(range(size))
    history: Counter[tuple[int, str]] = Counter()
    rng = random.Random(seed)
    for _ in range(3):
        drawn = draw_roles(members, roles, history, rng)
        assert [item.role for item in drawn] == list(range(role_count))
        load = Counter(item.person for item in drawn)
        assert set(load) == set(members)
        low, high = role_count // size, -(-role_count // size)
        assert all(low <= n <= high for n in load.values())
        assert {p: len(r) for p, r in combined(drawn).items()} == {
            p: n for p, n in load.items() if n > 1
        }
        feed(history, roles, drawn)


def test_combined_lists_only_people_with_several_roles() -> None:
    drawn = [Assignment(0, 4), Assignment(1, 6), Assignment(2, 4)]
    assert combined(drawn) == {4: [0, 2]}
    assert combined([Assignment(0, None, "den høyeste")]) == {}


@given(seed=st.integers(0, 2**32), size=st.integers(1, 7), data=st.data())
def test_keep_holds_the_kept_roles(seed: int, size: int, data: st.DataObject) -> None:
    members = list(range(100, 100 + size))
    rng = random.Random(seed)
    first = draw_roles(members, ROLES, {}, rng)
    kept_roles = data.draw(st.sets(st.sampled_from(range(len(ROLES)))))
    keep = {r: p for r in kept_roles if (p := first[r].person) is not None}
    again = draw_roles(members, ROLES, {}, rng, keep=keep)
    assert [item.role for item in again] == [0, 1, 2]
    for role, person in keep.items():
        assert again[role].person == person
    if size >= len(ROLES):
        assert len({item.person for item in again}) == len(ROLES)


def test_keep_redraws_only_the_other_role() -> None:
    members = [1, 2, 3, 4, 5]
    history = {(m, name_key(ROLES[1])): 1 for m in (1, 2, 3, 4)}  # only 5 has not been it
    keep = {0: 5, 2: 1}
    for seed in range(10):
        drawn = draw_roles(members, ROLES, history, random.Random(seed), keep=keep)
        assert drawn[0].person == 5 and drawn[2].person == 1
        assert drawn[1].person in {2, 3, 4}


def test_keep_of_someone_absent_is_drawn_instead() -> None:
    drawn = draw_roles([1, 2, 3], ROLES, {}, random.Random(0), keep={0: 99, 7: 1})
    assert {item.person for item in drawn} == {1, 2, 3}


def test_draw_all_draws_groups_in_key_order_from_one_generator() -> None:
    groups = {"b": [4, 5, 6], "a": [1, 2, 3], "c": [7, 8]}
    result = draw_all(groups, ROLES, {}, random.Random(4))
    rng = random.Random(4)
    expected = {key: draw_roles(groups[key], ROLES, {}, rng) for key in ["a", "b", "c"]}
    assert result == expected
    assert list(result) == ["a", "b", "c"]


# ── Playful mode ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_criteria_files_are_kind_and_long_enough(lang: str) -> None:
    criteria = load_criteria(lang)
    assert len(criteria) >= 20
    assert len(set(map(name_key, criteria))) == len(criteria)
    assert not any(c.startswith("#") or not c.strip() for c in criteria)
    banned = ["vekt", "tjukk", "tynn", "alder", "eldst", "yngst", "gammel", "helse", "syk", "tro "]
    banned += ["weight", "fat", "thin", "age", "oldest", "youngest", "health", "ill", "relig"]
    words = [f" {c.casefold()} " for c in criteria]
    assert not [c for c in words for b in banned if f" {b}" in c], "a sensitive criterion"
    assert len(criteria) == len(load_criteria("nb"))


def test_bokmal_criteria_include_the_decks() -> None:
    criteria = load_criteria("nb")
    assert set(DECK_NB) <= set(criteria)
    assert {"den som bor nærmest", "den som har lengst fornavn"} <= set(criteria)


def test_nynorsk_falls_back_to_bokmal(monkeypatch: pytest.MonkeyPatch) -> None:
    real = roles_module._criteria_file
    monkeypatch.setattr(
        roles_module, "_criteria_file", lambda lang: None if lang == "nn" else real(lang)
    )
    assert load_criteria("nn") == load_criteria("nb")
    assert load_criteria("nn")[0] == DECK_NB[0]


def test_load_criteria_refuses_unknown_languages() -> None:
    with pytest.raises(ValueError):
        load_criteria("../secrets")


@given(
    seed=st.integers(0, 2**32), lang=st.sampled_from(["nb", "nn", "en"]), count=st.integers(1, 8)
)
def test_draw_criteria_never_repeats_and_says_of_those_left(
    seed: int, lang: str, count: int
) -> None:
    criteria = load_criteria(lang)
    roles = [f"Rolle {k}" for k in range(count)]
    drawn = draw_criteria(criteria, roles, lang, random.Random(seed))
    assert [item.role for item in drawn] == list(range(count))
    assert all(item.person is None for item in drawn)
    assert drawn[0].criterion in criteria
    for item in drawn[1:]:
        assert item.criterion.endswith(LEFT[lang])
        assert item.criterion.removesuffix(LEFT[lang]) in criteria
    bare = [item.criterion.removesuffix(LEFT[lang]) for item in drawn]
    assert len(set(bare)) == count


def test_draw_criteria_does_not_double_the_ending() -> None:
    criteria = ["den laveste", "den høyeste av dem som er igjen", "Den laveste"]
    for seed in range(10):
        drawn = draw_criteria(criteria, ["A", "B"], "nb", random.Random(seed))
        texts = sorted(item.criterion for item in drawn)
        assert texts in (
            ["den høyeste", "den laveste av dem som er igjen"],
            ["den høyeste av dem som er igjen", "den laveste"],
        )


def test_draw_criteria_replays_from_its_seed() -> None:
    criteria = load_criteria("nb")
    first = draw_criteria(criteria, ROLES, "nb", random.Random(1))
    assert draw_criteria(criteria, ROLES, "nb", random.Random(1)) == first


def test_draw_criteria_needs_enough_criteria() -> None:
    with pytest.raises(ValueError):
        draw_criteria(["den laveste", "Den  laveste"], ["A", "B"], "nb", random.Random(0))


REPLAY = """
import random
from tuiroom.groups.draws import draw_all, regroup
from tuiroom.groups.pairs import Person, Rules, pair
people = [Person(i, f"Leder {i}", f"Nettverk {i % 13}") for i in range(120)]
history = {pair(i, (i * 7 + 3) % 120): 1 + i % 2 for i in range(120)}
if ORDER:
    history = dict(reversed(list(history.items())))
apart = [pair(i, i + 1) for i in range(0, 20, 2)]
together = [pair(i, i + 1) for i in range(40, 60, 2)]
rules = Rules(frozenset(apart[::ORDER or 1]), frozenset(together[::ORDER or 1]), history)
groups = regroup(people, "count", 18, "mixed", rules, random.Random(2024))
roles = draw_all({str(k): g for k, g in enumerate(groups)}, ["A", "B", "C"], {}, random.Random(1))
print(groups, roles)
"""


@pytest.mark.parametrize(("hash_seed", "order"), [("0", "0"), ("1", "-1"), ("4242", "-1")])
def test_a_draw_replays_in_another_process_and_rule_order(hash_seed: str, order: str) -> None:
    def run(seed: str, order: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = f"ORDER = {order}\n{REPLAY}"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert run(hash_seed, order) == run("123", "0")
