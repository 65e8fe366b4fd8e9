"""Comparing two catalog releases: the rows added, removed and changed per kind, and the
stored paths the newer release would change, by the impact analysis of its graph edits.

The mini catalog (edges point from a module to what it requires)::

    LD-201 →hard LD-101        PB-201 →hard PB-101, →soft LD-101

Between R1 and R2 a designer adds PB-301 (which hard-requires PB-101), retires PB-201
(back to draft), lengthens LD-201 from 12 to 16 JP and makes LD-201 hard-require PB-101.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import LearnerPath, Module, PathStep, Prerequisite
from curriculum_tool.edit.service import save_records
from curriculum_tool.errors import CurriculumError
from curriculum_tool.graph.impact import AddEdge, ChangeJP, PathChange, RetireModule
from curriculum_tool.releases.diff import diff_releases
from curriculum_tool.releases.diff_text import diff_json, diff_lines
from curriculum_tool.releases.publish import publish_release
from curriculum_tool.store.paths import save_paths

MINI_DIR = Path(__file__).resolve().parents[1] / "data" / "mini"

BUDI, DEMO = "199001012015011001", "DEMO-001"  # Budi has completed LD-101


def _step(module: str, jp: int, value: float = 1.0) -> PathStep:
    return PathStep(module, module, 1, jp, "klasikal", 0.7, value, ())


@pytest.fixture
def ws(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI_DIR)
    with workspace.transaction() as conn:
        save_paths(
            conn,
            [
                LearnerPath(BUDI, "analis-kebijakan", "31", (_step("LD-201", 12),)),
                LearnerPath(
                    DEMO,
                    "analis-kebijakan",
                    "72.71",
                    (_step("PB-101", 24, 0.0), _step("PB-201", 32)),
                ),
            ],
        )
    publish_release(workspace, "R1", "awal")
    yield workspace
    workspace.close()


def _module(ws, code: str) -> Module:
    return next(m for m in ws.load("modules") if m.code == code)


def _edit_catalog(ws) -> None:
    new = Module.from_row(
        {
            "code": "PB-301",
            "title": "Rencana Kontinjensi",
            "jp": "20",
            "modality": "klasikal",
            "level": "3",
            "competencies": "PB-KAJI:3",
            "min_connectivity": "none",
            "min_digital_literacy": "0",
            "scope": "national",
            "status": "approved",
            "owner": "BNPB",
        }
    )
    retired = replace(_module(ws, "PB-201"), status="draft")
    changed = [retired, replace(_module(ws, "LD-201"), jp=16)]
    save_records(ws, "modules", [new, *changed])
    save_records(
        ws,
        "prerequisites",
        [Prerequisite("PB-301", "PB-101", "hard"), Prerequisite("LD-201", "PB-101", "hard")],
    )


def test_same_catalog_has_no_differences(ws):
    for diff in (diff_releases(ws, "R1"), diff_releases(ws, "R1", "R1")):
        assert diff.empty
        assert all(k.empty for k in diff.kinds)
        assert diff.affected_paths == () and diff.edits == ()
        assert diff.old_sha256 == diff.new_sha256
    lines = diff_lines(diff_releases(ws, "R1"), str)
    assert [line.render("en") for line in lines] == [
        "no differences: release R1 and the catalog now (working copy) have the same content"
    ]


def test_the_diff_lists_exactly_the_changes_between_two_releases(ws):
    _edit_catalog(ws)
    publish_release(ws, "R2", "PB-301")
    diff = diff_releases(ws, "R1", "R2")
    assert (diff.old, diff.new) == ("R1", "R2")
    modules = diff.kind("modules")
    assert [row["code"] for row in modules.added] == ["PB-301"]
    assert modules.removed == ()
    assert [(c.key, c.columns) for c in modules.changed] == [
        (("LD-201",), (("jp", "12", "16"),)),
        (("PB-201",), (("status", "approved", "draft"),)),
    ]
    edges = diff.kind("prerequisites")
    assert [(r["module"], r["requires"], r["kind"]) for r in edges.added] == [
        ("LD-201", "PB-101", "hard"),
        ("PB-301", "PB-101", "hard"),
    ]
    assert edges.removed == () and edges.changed == ()
    others = [k for k in diff.kinds if k.kind not in ("modules", "prerequisites")]
    assert others and all(k.empty for k in others)
    assert set(diff.edits) == {
        AddEdge("LD-201", "PB-101", "hard"),
        AddEdge("PB-301", "PB-101", "hard"),
        ChangeJP("LD-201", 16),
        RetireModule("PB-201"),
    }


def test_stored_paths_the_new_release_changes(ws):
    _edit_catalog(ws)
    publish_release(ws, "R2")
    diff = diff_releases(ws, "R1", "R2")
    assert diff.affected_paths == (
        # LD-201 now needs PB-101 first, and is 4 JP longer
        PathChange(BUDI, ("PB-101",), (), (), 12, 40, 40),
        # PB-201 retired: it goes, and PB-101, there only to unlock it, with it
        PathChange(DEMO, (), ("PB-101", "PB-201"), (), 56, 0, 40),
    )
    described = [c.describe() for c in diff.affected_paths]
    assert str(described[1]) == "removes PB-101, PB-201; -56 JP (56 → 0)"


def test_the_working_copy_is_compared_when_no_new_release_is_named(ws):
    _edit_catalog(ws)
    diff = diff_releases(ws, "R1")
    assert diff.new == "" and not diff.empty
    assert [row["code"] for row in diff.kind("modules").added] == ["PB-301"]
    assert {c.learner for c in diff.affected_paths} == {BUDI, DEMO}


def test_a_retired_module_alone_affects_only_the_paths_using_it(ws):
    save_records(ws, "modules", [replace(_module(ws, "PB-201"), status="draft")])
    diff = diff_releases(ws, "R1")
    assert diff.edits == (RetireModule("PB-201"),)
    assert [c.learner for c in diff.affected_paths] == [DEMO]


def test_removed_rows_and_re_kinded_edges(ws):
    edge = next(p for p in ws.load("prerequisites") if p.module == "PB-201" and p.kind == "soft")
    save_records(ws, "prerequisites", [replace(edge, kind="hard")])
    publish_release(ws, "R2")
    with ws.transaction() as conn:
        ws.delete(conn, "prerequisites", [("PB-201", "LD-101")])
    diff = diff_releases(ws, "R2")
    assert [(r["module"], r["requires"]) for r in diff.kind("prerequisites").removed] == [
        ("PB-201", "LD-101")
    ]
    back = diff_releases(ws, "R1", "R2").kind("prerequisites")
    assert [(c.key, c.columns) for c in back.changed] == [
        (("PB-201", "LD-101"), (("kind", "soft", "hard"),))
    ]
    assert AddEdge("PB-201", "LD-101", "hard") in diff_releases(ws, "R1", "R2").edits


def test_text_and_json_mask_learners_as_told(ws):
    _edit_catalog(ws)
    diff = diff_releases(ws, "R1")
    text = "\n".join(line.render("en") for line in diff_lines(diff, lambda _: "ANON"))
    assert "modules: 1 added, 0 removed, 2 changed" in text
    assert "  + PB-301 (Rencana Kontinjensi)" in text
    assert "  ~ LD-201: jp '12' → '16'" in text
    assert "  + PB-301 requires PB-101 (hard)" in text
    assert "  ANON: removes PB-101, PB-201; -56 JP (56 → 0)" in text
    assert BUDI not in text
    indonesian = "\n".join(line.render("id") for line in diff_lines(diff, lambda _: "ANON"))
    assert "modul: 1 ditambah, 0 dihapus, 2 diubah" in indonesian
    data = diff_json(diff, lambda _: "ANON")
    assert data["new"] is None and data["old"] == "R1"
    assert data["kinds"]["modules"]["changed"][0] == {
        "key": {"code": "LD-201"},
        "changes": {"jp": {"old": "12", "new": "16"}},
    }
    assert {p["learner"] for p in data["affected_paths"]} == {"ANON"}
    assert BUDI not in str(data)


def test_unknown_release_is_a_clear_error(ws):
    with pytest.raises(CurriculumError, match="no release named 'R9'; published: R1"):
        diff_releases(ws, "R9")
