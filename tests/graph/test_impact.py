"""impact: what a graph edit does to stored learner paths, checked by hand on a small graph.

The graph (edges point from a module to what it requires)::

    C →hard B →hard A        F        E →soft D

JP: A 8, B 12, C 16, D 4, E 20, F 10.
"""

import pytest

from curriculum_tool.domain import Exclusion, LearnerPath, Module, PathStep, Prerequisite
from curriculum_tool.errors import CurriculumError, CycleError
from curriculum_tool.graph import (
    AddEdge,
    ChangeJP,
    PathChange,
    PrerequisiteGraph,
    RemoveEdge,
    RetireModule,
    apply_edit,
    impact,
)
from curriculum_tool.graph.impact import impact_workspace
from curriculum_tool.store.paths import save_paths

JP = {"A": 8, "B": 12, "C": 16, "D": 4, "E": 20, "F": 10}


def mod(code: str, **changes) -> Module:
    fields = {
        "title": f"Modul {code}",
        "jp": JP[code],
        "modality": "klasikal",
        "level": 1,
        "competencies": (("C", 1),),
        "status": "approved",
    }
    fields.update(changes)
    return Module(code, **fields)


@pytest.fixture
def graph():
    return PrerequisiteGraph(
        [mod(c) for c in JP],
        [
            Prerequisite("B", "A", "hard"),
            Prerequisite("C", "B", "hard"),
            Prerequisite("E", "D", "soft"),
        ],
    )


def path(learner: str, *steps, max_jp: int = 40, excluded=()) -> LearnerPath:
    """``steps``: module codes (value 1) or (code, value) pairs."""
    made = []
    for step in steps:
        code, value = (step, 1.0) if isinstance(step, str) else step
        made.append(
            PathStep(code, f"Modul {code}", 1, JP[code], "klasikal", 0.8, value, ("closes a gap",))
        )
    return LearnerPath(learner, "analis", "72.71", tuple(made), tuple(excluded), max_jp=max_jp)


def edges(g: PrerequisiteGraph):
    return [(e.module, e.requires, e.kind) for e in g.prerequisites()]


# -- AddEdge -------------------------------------------------------------------------------


def test_add_hard_edge_inserts_moves_or_leaves_paths(graph):
    paths = [
        path("L1", "E", "F"),  # D inserted before F
        path("L2", "F"),  # D already completed: no change
        path("L3", "F", "D"),  # D later in the path: moved before F
        path("L4", "A", "B"),  # untouched
        path("L5", "E", "F", max_jp=30),  # D inserted, over budget
    ]
    before = edges(graph)
    changes = impact(graph, AddEdge("F", "D", "hard"), paths, {"L2": ["D"]})
    assert changes == [
        PathChange("L1", added=("D",), removed=(), moved=(), jp_before=30, jp_after=34, max_jp=40),
        PathChange("L3", added=(), removed=(), moved=("D",), jp_before=14, jp_after=14, max_jp=40),
        PathChange("L5", added=("D",), removed=(), moved=(), jp_before=30, jp_after=34, max_jp=30),
    ]
    l1, l3, l5 = changes
    assert (l1.jp_delta, l1.over_budget) == (4, False)
    assert l1.describe() == "adds D; +4 JP (30 → 34)"
    assert l3.describe() == "moves earlier D; +0 JP (14 → 14)"
    assert l5.over_budget
    assert l5.describe() == "adds D; +4 JP (30 → 34); over the 30 JP budget"
    assert edges(graph) == before  # impact never changes the graph


def test_add_hard_edge_inserts_the_whole_missing_chain_in_order(graph):
    # F will require C, which requires B, which requires A; the learner has A
    changes = impact(graph, AddEdge("F", "C"), [path("L1", "D", "F")], {"L1": {"A"}})
    assert changes == [PathChange("L1", ("B", "C"), (), (), 14, 42, 40)]
    assert changes[0].describe() == "adds B, C; +28 JP (14 → 42); over the 40 JP budget"


def test_add_hard_edge_already_satisfied_earlier_in_the_path(graph):
    assert impact(graph, AddEdge("F", "D"), [path("L1", "D", "E", "F")], {}) == []


def test_add_soft_edge_changes_no_path(graph):
    paths = [path("L1", "E", "F"), path("L3", "F", "D")]
    assert impact(graph, AddEdge("F", "D", "soft"), paths, {}) == []


def test_cycle_closing_edit_raises_before_any_path_is_looked_at(graph):
    calls = []

    def replan(p, g):
        calls.append(p.learner)
        return p

    with pytest.raises(CycleError) as info:
        impact(graph, AddEdge("A", "C", "soft"), [path("L1", "A", "B", "C")], {}, replan)
    assert info.value.cycle == ["A", "C", "B", "A"]
    assert calls == []
    assert ("A", "C", "soft") not in edges(graph)


# -- RemoveEdge ----------------------------------------------------------------------------


def test_remove_edge_drops_an_unlock_only_step(graph):
    paths = [
        path("L1", ("B", 0.0), "C"),  # B was there only to unlock C
        path("L2", ("B", 0.5), "C"),  # B has value of its own: kept
        path("L3", "D", "E"),
    ]  # untouched
    changes = impact(graph, RemoveEdge("C", "B"), paths, {"L1": ["A"], "L2": ["A"]})
    assert changes == [PathChange("L1", (), ("B",), (), 28, 16, 40)]
    assert changes[0].describe() == "removes B; -12 JP (28 → 16)"


def test_remove_edge_keeps_an_unlock_step_still_needed_by_another_step(graph):
    # B (value 0) unlocks C; removing B → A leaves it needed, and A stays too
    p = path("L1", ("A", 0.0), ("B", 0.0), "C")
    assert impact(graph, RemoveEdge("B", "A"), [p], {}) == [
        PathChange("L1", (), ("A",), (), 36, 28, 40)
    ]


def test_remove_edge_drops_a_chain_of_unlock_only_steps(graph):
    # after C no longer requires B, neither B nor A (both value 0) unlocks anything
    p = path("L1", ("A", 0.0), ("B", 0.0), "C")
    assert impact(graph, RemoveEdge("C", "B"), [p], {}) == [
        PathChange("L1", (), ("A", "B"), (), 36, 16, 40)
    ]


# -- RetireModule --------------------------------------------------------------------------


def test_retire_module_removes_its_step_and_hard_dependents(graph):
    paths = [
        path("L1", "A", "B", "C", "E"),  # A goes, and B and C that need it
        path("L2", "B", "C"),  # has completed A: nothing changes
        path("L3", "D", "E"),
    ]  # untouched
    changes = impact(graph, RetireModule("A"), paths, {"L2": ["A"]})
    assert changes == [PathChange("L1", (), ("A", "B", "C"), (), 56, 20, 40)]
    assert changes[0].describe() == "removes A, B, C; -36 JP (56 → 20)"


def test_retire_module_removes_a_soft_dependent_only_if_it_is_the_module(graph):
    # E only softly requires D: retiring D removes D, E stays
    assert impact(graph, RetireModule("D"), [path("L1", "D", "E")], {}) == [
        PathChange("L1", (), ("D",), (), 24, 20, 40)
    ]


def test_retire_sets_status_back_to_draft_on_a_copy(graph):
    edited = apply_edit(graph, RetireModule("A"))
    assert edited.module("A").status == "draft"
    assert graph.module("A").status == "approved"


# -- ChangeJP ------------------------------------------------------------------------------


def test_change_jp_moves_totals_and_flags_budget(graph):
    paths = [
        path("L1", "A", "B"),  # 20 → 38, fits
        path("L2", "B", "C"),  # 28 → 46, over 40
        path("L3", "D", "E"),
    ]  # untouched
    changes = impact(graph, ChangeJP("B", 30), paths, {"L2": ["A"]})
    assert changes == [
        PathChange("L1", (), (), (), 20, 38, 40),
        PathChange("L2", (), (), (), 28, 46, 40),
    ]
    assert [c.jp_delta for c in changes] == [18, 18]
    assert [c.over_budget for c in changes] == [False, True]
    assert changes[0].describe() == "+18 JP (20 → 38)"
    assert changes[1].describe() == "+18 JP (28 → 46); over the 40 JP budget"
    assert graph.module("B").jp == 12


# -- replan --------------------------------------------------------------------------------


def test_replan_is_used_only_for_paths_touching_the_edit(graph):
    seen = []

    def replan(p: LearnerPath, edited: PrerequisiteGraph) -> LearnerPath:
        seen.append(p.learner)
        assert edited.kind("F", "D") == "hard"  # the edit is made in what replan sees
        if p.learner == "L1":
            return path("L1", "D", "F", "A")
        return p

    paths = [
        path("L1", "E", "F"),  # has F
        path("L2", "A", "B"),  # untouched
        path("L3", "A", excluded=[Exclusion("D", "no slot")]),  # D was excluded
        path("L4", "D"),
    ]  # has D, replan: same
    changes = impact(graph, AddEdge("F", "D"), paths, {}, replan=replan)
    assert seen == ["L1", "L3", "L4"]
    assert changes == [PathChange("L1", ("D", "A"), ("E",), (), 30, 22, 40)]
    assert changes[0].describe() == "adds D, A; removes E; -8 JP (30 → 22)"


def test_changes_come_in_learner_order(graph):
    paths = [path("Z9", "E", "F"), path("A1", "E", "F"), path("M5", "F")]
    changes = impact(graph, AddEdge("F", "D"), paths, {})
    assert [c.learner for c in changes] == ["A1", "M5", "Z9"]


# -- stored paths in a workspace -----------------------------------------------------------


def _stored(module: str, jp: int, value: float = 1.0) -> PathStep:
    return PathStep(module, module, 1, jp, "klasikal", 0.7, value, ())


def test_impact_workspace_reads_stored_paths_and_completed_modules(workspace):
    budi, demo = "199001012015011001", "DEMO-001"  # Budi has completed LD-101
    with workspace.transaction() as conn:
        save_paths(
            conn,
            [
                LearnerPath(budi, "analis-kebijakan", "31", (_stored("LD-201", 12),)),
                LearnerPath(
                    demo,
                    "analis-kebijakan",
                    "72.71",
                    (_stored("PB-101", 24, 0.0), _stored("PB-201", 32)),
                ),
            ],
        )
    assert impact_workspace(workspace, AddEdge("LD-201", "PB-101")) == [
        PathChange(budi, ("PB-101",), (), (), 12, 36, 40)
    ]
    assert impact_workspace(workspace, RemoveEdge("PB-201", "PB-101")) == [
        PathChange(demo, (), ("PB-101",), (), 56, 32, 40)
    ]
    # nothing was saved by looking
    assert workspace.load("prerequisites")[0] == Prerequisite("LD-201", "LD-101", "hard")
    assert len(workspace.load("prerequisites")) == 3


def test_hardening_a_soft_edge_inserts_the_prerequisite(graph):
    changes = impact(
        graph, AddEdge("E", "D", "hard"), [path("L1", "E"), path("L2", "E")], {"L2": ["D"]}
    )
    assert changes == [PathChange("L1", ("D",), (), (), 20, 24, 40)]


def test_edits_naming_missing_edges_or_modules_raise(graph):
    with pytest.raises(CurriculumError, match="F does not require A"):
        impact(graph, RemoveEdge("F", "A"), [path("L1", "F")], {})
    with pytest.raises(CurriculumError, match="unknown module 'Q'"):
        impact(graph, RetireModule("Q"), [path("L1", "F")], {})
    with pytest.raises(CurriculumError, match="unknown module 'Q'"):
        impact(graph, AddEdge("F", "Q"), [path("L1", "F")], {})


def test_change_jp_to_the_same_value_changes_nothing(graph):
    assert impact(graph, ChangeJP("B", 12), [path("L1", "A", "B")], {}) == []
