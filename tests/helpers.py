"""Helpers shared by several test modules (on the path through pytest's ``pythonpath``)."""

from __future__ import annotations

from pathlib import Path


def new_module_row(code: str, **changes: str) -> dict[str, str]:
    """A valid modules.csv row for a new national module, with ``changes`` applied: every
    column in file order, the optional ``audience`` empty (open to everyone)."""
    row = {
        "code": code,
        "title": f"Modul {code}",
        "jp": "8",
        "modality": "klasikal",
        "level": "1",
        "competencies": "LITDIG:1",
        "hazards": "",
        "min_connectivity": "none",
        "min_digital_literacy": "0",
        "scope": "national",
        "status": "approved",
        "owner": "LAN",
        "audience": "",
    }
    row.update(changes)
    return row


def assert_same_export(first: Path, second: Path) -> None:
    """Two exports are the same file, byte for byte (XLSX exports are reproducible too)."""
    assert second.read_bytes() == first.read_bytes(), first.name


def assert_named_supervisor_cannot_be_deleted(workspace, write_csv, mini_row, snapshot) -> None:
    """A learner named as someone's supervisor cannot be deleted, and the refusal changes
    nothing (the reference check joins learners to themselves, on either engine)."""
    import pytest

    from curriculum_tool.errors import ValidationError
    from curriculum_tool.io import import_file
    from curriculum_tool.io.editing import delete_records

    import_file(
        workspace,
        "learners",
        write_csv("l.csv", "learners", [mini_row("learners", 1, supervisor="DEMO-001")]),
    )
    import_file(workspace, "outcomes", write_csv("o.csv", "outcomes", []), replace=True)
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as info:
        delete_records(workspace, "learners", ["DEMO-001"])
    assert [str(p) for p in info.value.problems] == [
        "edit:1:id: cannot delete: 1 row of learners still refers to supervisor 'DEMO-001', "
        "which is not in learners"
    ]
    assert snapshot(workspace) == before


def isolated_qsettings(folder) -> None:
    """Point the app's QSettings (recent workspaces…) at ``folder``, not the user's."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
