"""Helpers shared by several test modules (on the path through pytest's ``pythonpath``)."""

from __future__ import annotations

from pathlib import Path


def new_module_row(code: str, **changes: str) -> dict[str, str]:
    """A valid modules.csv row for a new national module, with ``changes`` applied: every
    column in file order, the optional ``audience`` empty (open to everyone)."""
    row = {"code": code, "title": f"Modul {code}", "jp": "8", "modality": "klasikal",
           "level": "1", "competencies": "LITDIG:1", "hazards": "", "min_connectivity": "none",
           "min_digital_literacy": "0", "scope": "national", "status": "approved",
           "owner": "LAN", "audience": ""}
    row.update(changes)
    return row


def assert_same_export(first: Path, second: Path) -> None:
    """Two exports are the same file, byte for byte (XLSX exports are reproducible too)."""
    assert second.read_bytes() == first.read_bytes(), first.name
