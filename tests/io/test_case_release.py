"""export W case carries the catalog release: the CFDocument's version and notes (plain
CASE 1.0 fields, kept by --strict) and, not strict, our extension with the digest."""

import json
from dataclasses import replace

from curriculum_tool.edit.service import save_records
from curriculum_tool.io.case import write_case
from curriculum_tool.io.case_format import EXTENSION
from curriculum_tool.releases.content import catalog_digest
from curriculum_tool.releases.publish import publish_release


def _document(workspace, path, strict=False) -> dict:
    write_case(workspace, path, strict=strict)
    return json.loads(path.read_text(encoding="utf-8"))["CFDocument"]


def test_no_release_no_version(workspace, tmp_path):
    document = _document(workspace, tmp_path / "c.json")
    assert "version" not in document and "notes" not in document
    assert "extensions" not in document


def test_the_release_is_the_document_version(workspace, tmp_path):
    publish_release(workspace, "2025.1", "Katalog awal tahun")
    document = _document(workspace, tmp_path / "c.json")
    digest = catalog_digest(workspace)
    assert document["version"] == "2025.1"
    assert document["notes"].startswith("Rilis 2025.1, diterbitkan ")
    assert digest in document["notes"] and document["notes"].endswith("Katalog awal tahun")
    release = document["extensions"][EXTENSION]["release"]
    assert (release["name"], release["draft_of"], release["catalog_sha256"]) == (
        "2025.1",
        "",
        digest,
    )
    assert release["notes"] == "Katalog awal tahun"


def test_a_changed_catalog_is_a_draft_of_the_latest_release(workspace, tmp_path):
    publish_release(workspace, "2025.1")
    module = next(m for m in workspace.load("modules") if m.code == "LD-201")
    save_records(workspace, "modules", [replace(module, jp=16)])
    document = _document(workspace, tmp_path / "c.json")
    assert document["version"] == "2025.1+draft"
    assert document["notes"].startswith("Draf setelah rilis 2025.1")
    release = document["extensions"][EXTENSION]["release"]
    assert (release["name"], release["draft_of"]) == ("", "2025.1")
    assert release["catalog_sha256"] == catalog_digest(workspace)


def test_strict_keeps_version_and_notes_without_extensions(workspace, tmp_path):
    publish_release(workspace, "2025.1")
    path = tmp_path / "strict.json"
    document = _document(workspace, path, strict=True)
    assert document["version"] == "2025.1"
    assert "SHA-256" in document["notes"]
    assert "extensions" not in path.read_text(encoding="utf-8")


def test_export_command_carries_the_release(workspace, workspace_path, tmp_path, run_cli):
    publish_release(workspace, "R1")
    code, _, err = run_cli("export", workspace_path, "case", tmp_path / "c.json")
    assert code == 0, err
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["CFDocument"]["version"] == "R1"
