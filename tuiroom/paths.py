"""Where files live: the bundled example, the user's data folder, a programme's database."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = "seljord.toml"


def bundled(name: str = EXAMPLE) -> Path:
    """A file shipped in data/: installed as the package tuiroom.data, or in a checkout."""
    from importlib import resources  # only the bundled example needs it: not imported at start

    try:
        return Path(str(resources.files("tuiroom.data").joinpath(name)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "data" / name


def user_data() -> Path:
    import platformdirs  # only the bundled example needs it

    return platformdirs.user_data_path("tuiroom", appauthor=False, ensure_exists=True)


def default_db(programme: Path, *, example: bool = False) -> Path:
    """NAME.tuiroom.db beside the programme, so the folder carries its data along.

    The bundled example's folder belongs to the installation, so its database goes to
    the user's data folder instead.
    """
    name = f"{programme.stem}.tuiroom.db"
    return user_data() / name if example else programme.with_name(name)


def rehearsal_db(database: Path) -> Path:
    """Where a rehearsal of the day in `database` runs: a copy beside it,
    NAME.rehearsal.tuiroom.db for NAME.tuiroom.db (else NAME.rehearsal.EXT)."""
    suffix = ".tuiroom.db"
    if database.name.endswith(suffix) and len(database.name) > len(suffix):
        return database.with_name(database.name[: -len(suffix)] + ".rehearsal" + suffix)
    return database.with_name(f"{database.stem}.rehearsal{database.suffix}")
