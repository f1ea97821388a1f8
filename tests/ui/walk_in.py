"""The walk-in dialog of the attendance tab, filled in as a facilitator does it."""

from __future__ import annotations

from textual.pilot import Pilot


async def walk_in_to_a_new_group(pilot: Pilot[None], name: str, group: str) -> None:
    """2, a; type `name`, pick "Ny gruppe …", name the group `group`, Enter."""
    app = pilot.app
    await pilot.press("2", "a")
    await pilot.pause()
    await pilot.press(*name)
    app.screen.query_one("#group").value = -2  # type: ignore[attr-defined]  # "Ny gruppe …"
    await pilot.pause()
    app.screen.query_one("#new-group").value = group  # type: ignore[attr-defined]
    app.screen.query_one("#name").focus()
    await pilot.press("enter")
    await pilot.pause()
