"""The referat the participants receive (`tuiroom export --for participants`): the day as
it went, the answers and summaries, the next dates; no deviations, no groups and roles,
no attendance. And every item's note reaches the notes, exercise or not."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SELJORD
from tests.running import samling_id
from tests.unit.test_export import matches_golden, run_the_day
from tuiroom.cli.launch import load_session
from tuiroom.cli.main import main
from tuiroom.notes.referat import export_programme, export_samling
from tuiroom.programme.loading import load_programme
from tuiroom.store import Store

NEXT_DATES = "Neste datoer: 03.11.2023 og 04.12.2023 kl. 16–18, i Seljord rådhus."


def test_participants_samling_matches_golden(seljord_store: Store) -> None:
    sid = run_the_day(seljord_store)
    text = export_samling(seljord_store, sid, participants=True)
    matches_golden("seljord-samling-3-participants.md", text)
    full = export_samling(seljord_store, sid)
    for facilitators_only in ("Avvik", "over tiden", "ikke nådd", "Oppmøte", "Grupper og roller"):
        assert facilitators_only in full
        assert facilitators_only not in text
    assert "Liv Hovdenak" in full and "Liv Hovdenak" not in text  # away: attendance only
    for heading in ("## Evaluering av dagen", "## Mellomarbeid og aksjonslæring"):
        assert heading in text
    assert "## Neste datoer i nettverksgruppene" in text
    assert "| Stjernelaget | 03.11.2023 EL | 04.12.2023 FL |" in text
    assert "11.05.2023" not in text  # the dates before the samling are past


def test_participants_programme_has_no_timing_report(seljord_store: Store) -> None:
    run_the_day(seljord_store)
    text = export_programme(seljord_store, participants=True)
    assert "Tidsbruk" not in text and "Oppmøte" not in text and "Avvik" not in text
    assert "Tidsbruk" in export_programme(seljord_store)
    assert "Neste datoer" not in text and text.count("| Stjernelaget |") == 1  # dates once


def test_every_items_note_is_exported(store: Store, tmp_path: Path) -> None:
    """An item with no exercise keeps its note: the next dates under "Veien videre"."""
    text = SELJORD.read_text("utf-8").replace(
        'title = "Lærende organisasjoner"',
        f'title = "Lærende organisasjoner"\nnote = "{NEXT_DATES}"',
    )
    assert NEXT_DATES in text
    path = tmp_path / "seljord.toml"
    path.write_text(text, "utf-8")
    store.load(load_programme(path), path, text)
    sid = samling_id(store, "s3")
    for participants in (False, True):
        document = export_samling(store, sid, participants=participants)
        assert "### 11:00 Lærende organisasjoner\n\n" + NEXT_DATES in document


def test_the_command_writes_the_participants_referat_beside_the_log(tmp_path: Path, capsys) -> None:
    file = tmp_path / "seljord.toml"
    shutil.copy(SELJORD, file)
    load_session(file, tmp_path / "seljord.tuiroom.db", None, None).store.close()
    assert main(["export", str(file), "--for", "participants"]) == 0
    written = tmp_path / "seljord-samling-3-deltakere.md"
    assert str(written) in capsys.readouterr().out
    assert "Oppmøte" not in written.read_text("utf-8")
    assert main(["export", str(file)]) == 0
    assert "Oppmøte" in (tmp_path / "seljord-samling-3.md").read_text("utf-8")
