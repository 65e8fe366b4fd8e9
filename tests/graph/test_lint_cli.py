"""lint W [--format json]: exit 0 on a clean graph, 1 on errors, the same report as JSON."""

import json

import pytest

from curriculum_tool.graph import lint_workspace
from curriculum_tool.store import Workspace


def _draft_pb101(workspace_path, write_csv, mini_row, run_cli):
    """Import PB-101 as draft: PB-201 (approved) then hard-requires a draft module."""
    path = write_csv("modules.csv", "modules", [mini_row("modules", 2, status="draft")])
    assert mini_row("modules", 2)["code"] == "PB-101"
    code, out, err = run_cli("import", workspace_path, "modules", path)
    assert code == 0, err
    assert "0 added, 1 updated" in out


def test_lint_mini_workspace_exits_0_with_its_warning(workspace, workspace_path, run_cli):
    code, out, err = run_cli("lint", workspace_path)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("warning  untaught-level ")
    assert "M.01 to level 3" in lines[0]
    assert lines[1].strip() == "fix: add or approve a module that teaches M.01:3"
    assert "5 modules, 3 prerequisite edges: 0 errors, 1 warnings" in lines
    assert out.strip() == lint_workspace(workspace).to_text()


def test_lint_default_catalog_exits_0(tmp_path, run_cli):
    target = tmp_path / "w.sqlite"
    code, _, err = run_cli("init", target)
    assert code == 0, err
    code, out, err = run_cli("lint", target, "--format", "json")
    assert code == 0, out
    assert err == ""
    data = json.loads(out)
    assert data["errors"] == 0
    assert all(f["severity"] == "warning" for f in data["findings"])
    with Workspace.open(target) as ws:
        assert data["modules"] == ws.count("modules")
        assert data["edges"] == ws.count("prerequisites")


def test_lint_exits_1_when_the_workspace_holds_an_error(
    workspace, workspace_path, write_csv, mini_row, run_cli
):
    _draft_pb101(workspace_path, write_csv, mini_row, run_cli)
    code, out, err = run_cli("lint", workspace_path)
    assert code == 1
    assert err == ""
    first = out.splitlines()[0]
    assert first.startswith("error    unapproved-prerequisite ")
    assert first.endswith(
        "approved module PB-201 requires PB-101, which is draft: no learner can start PB-201"
    )
    assert "1 errors, 1 warnings" in out


def test_lint_json_matches_the_report(workspace, workspace_path, write_csv, mini_row, run_cli):
    _draft_pb101(workspace_path, write_csv, mini_row, run_cli)
    code, out, err = run_cli("lint", workspace_path, "--format", "json")
    assert code == 1
    assert err == ""
    data = json.loads(out)
    assert data == lint_workspace(workspace).to_json()
    assert data["errors"] == 1 and data["warnings"] == 1
    assert [(f["rule"], f["severity"], f["modules"]) for f in data["findings"]] == [
        ("unapproved-prerequisite", "error", ["PB-201", "PB-101"]),
        ("untaught-level", "warning", ["PB-201"]),
    ]
    assert all(f["fix"] for f in data["findings"])
    assert data["longest_chain"]["by_jp"] == {"modules": ["PB-101", "PB-201"], "jp": 56, "steps": 2}


def test_lint_json_of_a_clean_workspace_is_exit_0(workspace, workspace_path, run_cli):
    code, out, _ = run_cli("lint", workspace_path, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["modules"], data["edges"], data["errors"], data["warnings"]) == (5, 3, 0, 1)


def test_lint_usage_errors_exit_2(workspace, workspace_path, tmp_path, run_cli, capsys):
    with pytest.raises(SystemExit) as info:
        run_cli("lint", workspace_path, "--format", "xml")
    assert info.value.code == 2
    assert "argument --format: invalid choice: 'xml'" in capsys.readouterr().err
    code, out, err = run_cli("lint", tmp_path / "missing.sqlite")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"error: no workspace at '{tmp_path / 'missing.sqlite'}': create one with "
        f"'init {tmp_path / 'missing.sqlite'}'"
    ]
