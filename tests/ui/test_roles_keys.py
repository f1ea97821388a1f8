"""Every key of the roles tab in any order: k, g, e, t, l and v, with arrows between.

The heading names a source (the network groups or the new grouping); the cards shown,
the cards a redraw changes and the cards on the projector must always be that source's.
"""

from __future__ import annotations

import itertools

from textual.widgets import Static

from tests.running import at, samling_id
from tests.ui.notices import Notices
from tests.ui.screen_text import flat, screen_text
from tuiroom.app import make_app
from tuiroom.day import stage
from tuiroom.day.clock import FakeClock
from tuiroom.groups import work as groupwork
from tuiroom.screens.groups_roles import RolesPane
from tuiroom.store import Store
from tuiroom.widgets.cards import CardGrid

KEYS = "kgetlv"


def de_bruijn(alphabet: str, n: int) -> str:
    """A shortest sequence holding every word of length `n` over `alphabet` once."""
    k = len(alphabet)
    a = [0] * k * n
    found: list[int] = []

    def db(t: int, p: int) -> None:
        if t > n:
            if n % p == 0:
                found.extend(a[1 : p + 1])
            return
        a[t] = a[t - p]
        db(t + 1, p)
        for j in range(a[t - p] + 1, k):
            a[t] = j
            db(t + 1, t)

    db(1, 1)
    return "".join(alphabet[i] for i in found) + "".join(alphabet[i] for i in found[: n - 1])


def test_the_key_sequence_holds_every_two_keys() -> None:
    keys = de_bruijn(KEYS, 2)
    assert len(keys) == 37
    words = {keys[i : i + 2] for i in range(len(keys) - 1)}
    assert words == {"".join(w) for w in itertools.product(KEYS, repeat=2)}


def agree(app, store: Store, s3: int) -> None:  # type: ignore[no-untyped-def]
    """Heading, cards and projector name one source."""
    pane = app.screen.query_one(RolesPane)
    heading = str(pane.query_one("#roles-summary", Static).content)
    grouping = store.current_grouping(s3)
    if pane.use_grouping:
        assert "i den nye grupperingen" in heading and grouping is not None
        labels = {f"Gruppe {n + 1}" for n in range(len(grouping.groups))}
    else:
        assert "i nettverksgruppene" in heading
        labels = {p.group for p in store.roster(s3) if p.present}
    titles = [c.title for c in pane.query_one(CardGrid).cards]
    draw = store.current_role_draw(s3)
    if titles:
        assert draw is not None and draw == pane.draw
        assert (draw.grouping_id is not None) == pane.use_grouping
        assert draw.playful == pane.playful
        if pane.playful:
            assert titles == ["I alle gruppene"]
        else:
            assert set(titles) == labels
    shown = stage.shown_now(app.day)
    if shown is not None and shown.kind == "cards":  # what v put up is what is on screen
        assert [c["title"] for c in shown.payload["cards"]] == titles  # type: ignore[union-attr]


async def test_any_order_of_the_roles_keys_keeps_heading_cards_and_projector_together(
    seljord_store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seeds = itertools.count(300)
    monkeypatch.setattr(groupwork, "new_seed", lambda: next(seeds))
    s3 = samling_id(seljord_store, "s3")
    groupwork.regroup(seljord_store, s3, "trios", 0, "mixed", True, seed=5)
    app = make_app(seljord_store, s3, clock=FakeClock(at("08:40")))
    arrows = itertools.cycle(("right", "down", "left", "down", "up"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "r")
        await pilot.pause()
        agree(app, seljord_store, s3)
        for n, key in enumerate(de_bruijn(KEYS, 2)):  # every key after every other key
            await pilot.press(key, *([next(arrows)] if n % 2 else []))
            agree(app, seljord_store, s3)


async def test_k_then_a_redraw_of_one_group_no_longer_crashes(seljord_store: Store) -> None:
    """The sequence of issue 17: draw, k, Right, g."""
    s3 = samling_id(seljord_store, "s3")
    groupwork.regroup(seljord_store, s3, "trios", 0, "mixed", True, seed=5)
    app = make_app(seljord_store, s3, clock=FakeClock(at("08:40")))
    notices = Notices()
    async with app.run_test(size=(120, 35), message_hook=notices) as pilot:
        await pilot.press("2", "r", "t", "v", "k")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "i den nye grupperingen" in text and "t trekker" in text
        assert not app.screen.query_one(CardGrid).cards  # not the network groups' cards
        assert stage.shown_now(app.day) is None  # nor on the projector
        await pilot.press("right", "g", "e")
        await pilot.pause()
        assert notices[-2:] == ["Velg en gruppe med Tab og piltastene først."] * 2
        await pilot.press("t", "right", "g")
        await pilot.pause()
        draw = seljord_store.current_role_draw(s3)
        assert draw is not None and draw.grouping_id is not None
        assert app.screen.query_one(CardGrid).cards[0].title == "Gruppe 1"
