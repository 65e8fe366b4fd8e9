"""release W publish|list and diff W OLD [NEW]: one line per error, exit 2; learner ids
masked in the affected paths unless --unmask."""

import json
from dataclasses import replace

from curriculum_tool.domain import LearnerPath, PathStep
from curriculum_tool.edit.service import save_records
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import save_paths

DEMO = "DEMO-001"


def test_publish_list_and_refusals(workspace, workspace_path, run_cli):
    code, out, err = run_cli("release", workspace_path, "publish", "2025.1", "--notes", "awal")
    assert code == 0, err
    assert out.startswith("published release 2025.1 (")
    assert "5 modules, 3 prerequisites, SHA-256 " in out
    code, out, err = run_cli("release", workspace_path, "publish", "2025.2", "--lang", "id")
    assert (code, out) == (2, "")
    assert err.startswith("kesalahan: katalog belum berubah sejak rilis 2025.1")
    assert len(err.splitlines()) == 1
    code, out, err = run_cli("release", workspace_path, "publish", "2025.1")
    assert code == 2 and "already exists" in err
    code, out, err = run_cli("release", workspace_path, "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "name\tpublished\tby\tsha256\tnotes"
    assert lines[1].startswith("2025.1\t") and lines[1].endswith("\tawal")
    assert lines[2] == "the catalog now is release 2025.1"


def test_list_without_releases(workspace, workspace_path, run_cli):
    code, out, _ = run_cli("release", workspace_path, "list", "--lang", "id")
    assert code == 0
    assert out.startswith("belum ada rilis yang diterbitkan")


def _retire_pb201_with_a_path_using_it(workspace) -> None:
    with workspace.transaction() as conn:
        step = PathStep("PB-201", "PB-201", 1, 32, "blended", 0.7, 1.0, ())
        save_paths(conn, [LearnerPath(DEMO, "analis-kebijakan", "72.71", (step,))])
    module = next(m for m in workspace.load("modules") if m.code == "PB-201")
    save_records(workspace, "modules", [replace(module, status="draft")])


def test_diff_text_masks_learners_unless_unmasked(workspace, workspace_path, run_cli):
    assert run_cli("release", workspace_path, "publish", "R1")[0] == 0
    code, out, err = run_cli("diff", workspace_path, "R1")
    assert (code, err) == (0, "")
    assert "no differences" in out
    _retire_pb201_with_a_path_using_it(workspace)
    code, out, err = run_cli("diff", workspace_path, "R1")
    assert code == 0, err
    with Workspace.open(workspace_path) as ws:
        masked = pseudonym(ws.get_meta("pseudonym_key") or "", DEMO)
    assert "  ~ PB-201: status 'approved' → 'draft'" in out
    assert f"  {masked}: removes PB-201; -32 JP (32 → 0)" in out
    assert DEMO not in out
    assert "learner ids masked" in out
    code, out, _ = run_cli("diff", workspace_path, "R1", "--unmask")
    assert f"  {DEMO}: removes PB-201" in out and masked not in out


def test_diff_json_and_errors(workspace, workspace_path, run_cli):
    assert run_cli("release", workspace_path, "publish", "R1")[0] == 0
    _retire_pb201_with_a_path_using_it(workspace)
    assert run_cli("release", workspace_path, "publish", "R2")[0] == 0
    code, out, err = run_cli("diff", workspace_path, "R1", "R2", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["old"], data["new"], data["same"]) == ("R1", "R2", False)
    assert data["edits"] == [{"edit": "retire_module", "module": "PB-201"}]
    (path,) = data["affected_paths"]
    assert path["learner"].startswith("ANON-") and path["removed"] == ["PB-201"]
    code, out, err = run_cli("diff", workspace_path, "R0")
    assert (code, out) == (2, "")
    assert err == "error: no release named 'R0'; published: R2, R1\n"
