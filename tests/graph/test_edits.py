"""Checked edits of the prerequisite graph: each call and its inverse, pending edits.

Saving them, through the edit service, is tested in tests/edit/test_graph_edits.py."""

import pytest

from curriculum_tool.domain import Module, Prerequisite
from curriculum_tool.errors import CurriculumError, CycleError
from curriculum_tool.graph import PrerequisiteGraph
from curriculum_tool.graph.edits import (
    apply_edits,
    check_edit,
    pending_edits,
    set_prerequisite,
)


def mod(code: str) -> Module:
    return Module(
        code,
        title=f"Modul {code}",
        jp=8,
        modality="klasikal",
        level=1,
        competencies=(("C", 1),),
        status="approved",
    )


def graph(codes, edges=()) -> PrerequisiteGraph:
    """``edges``: (module, requires, kind) triples."""
    return PrerequisiteGraph([mod(c) for c in codes], [Prerequisite(m, r, k) for m, r, k in edges])


def state(g: PrerequisiteGraph):
    """Everything an edit could change: nodes with their modules, edges with their kinds."""
    return list(g.graph.nodes(data=True)), sorted(g.graph.edges(data="kind"))


CHAIN = [("C", "B", "hard"), ("B", "A", "soft")]


@pytest.mark.parametrize(
    ("module", "requires", "kind"),
    [
        ("D", "C", "hard"),  # a new edge
        ("D", "A", "soft"),
        ("C", "B", "soft"),  # another kind
        ("B", "A", "hard"),
        ("C", "B", None),  # a removal
        ("B", "A", None),
        ("D", "A", None),  # removing what is not there changes nothing
    ],
)
def test_an_edit_and_its_inverse_restore_the_graph_exactly(module, requires, kind):
    g = graph("ABCD", CHAIN)
    before = state(g)
    previous = set_prerequisite(g, module, requires, kind)
    assert g.kind(module, requires) == kind
    assert set_prerequisite(g, module, requires, previous) == kind
    assert state(g) == before


def test_redo_after_undo_gives_the_same_graph_again():
    g = graph("ABCD", CHAIN)
    previous = set_prerequisite(g, "D", "C", "soft")
    after = state(g)
    set_prerequisite(g, "D", "C", previous)
    set_prerequisite(g, "D", "C", "soft")
    assert state(g) == after


@pytest.mark.parametrize(("module", "requires"), [("A", "C"), ("A", "B"), ("B", "B")])
def test_a_cycle_is_refused_named_and_nothing_changes(module, requires):
    g = graph("ABCD", CHAIN)
    before = state(g)
    with pytest.raises(CycleError) as info:
        set_prerequisite(g, module, requires, "hard")
    assert info.value.cycle[0] == info.value.cycle[-1] == module
    assert state(g) == before
    with pytest.raises(CycleError):
        check_edit(g, module, requires, "hard")
    assert state(g) == before


@pytest.mark.parametrize(
    ("module", "requires", "kind", "match"),
    [
        ("A", "X", "hard", "unknown module 'X'"),
        ("D", "A", "strong", "kind must be one of"),
        ("D", "A", None, "D does not require A"),
    ],
)
def test_check_refuses_what_cannot_be_made_and_changes_nothing(module, requires, kind, match):
    g = graph("ABCD", CHAIN)
    before = state(g)
    with pytest.raises(CurriculumError, match=match):
        check_edit(g, module, requires, kind)
    assert state(g) == before


@pytest.mark.parametrize(
    ("module", "requires", "kind"),
    [("D", "C", "hard"), ("C", "B", "soft"), ("C", "B", None)],
)
def test_check_accepts_a_possible_edit_and_changes_nothing(module, requires, kind):
    g = graph("ABCD", CHAIN)
    before = state(g)
    check_edit(g, module, requires, kind)
    assert state(g) == before


def test_pending_edits_are_the_difference_to_the_saved_graph():
    saved = graph("ABCD", CHAIN)
    edited = saved.copy()
    set_prerequisite(edited, "C", "B", None)
    set_prerequisite(edited, "B", "A", "hard")
    set_prerequisite(edited, "D", "A", "soft")
    removed, added = pending_edits(saved, edited)
    assert removed == [("C", "B")]
    assert added == [Prerequisite("B", "A", "hard"), Prerequisite("D", "A", "soft")]
    assert pending_edits(edited, edited) == ([], [])
    # Made on the saved graph, the pending edits give the edited one.
    apply_edits(saved, removed, added)
    assert state(saved) == state(edited)


def test_apply_edits_skips_or_raises_what_the_graph_refuses_now():
    g = graph("ABCD", [*CHAIN, ("A", "D", "hard")])  # someone else's A → D
    added = [Prerequisite("D", "C", "hard"), Prerequisite("B", "D", "soft")]
    skipped = g.copy()
    refused = apply_edits(skipped, [("C", "B")], added, skip_refused=True)
    assert refused == []  # C → B went first: D → C closes no cycle
    assert skipped.kind("D", "C") == "hard" and skipped.kind("C", "B") is None

    g2 = graph("ABCD", [*CHAIN, ("A", "D", "hard")])
    refused = apply_edits(g2, [], added, skip_refused=True)
    assert len(refused) == 1 and refused[0].startswith("D → C: ")
    assert g2.kind("D", "C") is None and g2.kind("B", "D") == "soft"
    with pytest.raises(CycleError):
        apply_edits(graph("ABCD", [*CHAIN, ("A", "D", "hard")]), [], added)
