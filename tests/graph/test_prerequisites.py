"""PrerequisiteGraph: checked edits, cycle refusal naming the cycle, undo round trips."""

import networkx as nx
import pytest

from curriculum_tool.domain import Module, Prerequisite
from curriculum_tool.errors import CurriculumError, CycleError, ValidationError
from curriculum_tool.graph import PrerequisiteGraph, find_cycles, format_cycle
from curriculum_tool.graph.reachability import Reach


def mod(code: str, **changes) -> Module:
    fields = {
        "title": f"Modul {code}",
        "jp": 8,
        "modality": "klasikal",
        "level": 1,
        "competencies": (("C", 1),),
        "status": "approved",
    }
    fields.update(changes)
    return Module(code, **fields)


def graph(codes, edges=()) -> PrerequisiteGraph:
    """``edges``: (module, requires, kind) triples."""
    return PrerequisiteGraph([mod(c) for c in codes], [Prerequisite(m, r, k) for m, r, k in edges])


def edge_set(g: PrerequisiteGraph) -> set[tuple[str, str, str]]:
    return {(e.module, e.requires, e.kind) for e in g.prerequisites()}


# -- cycle refusal -------------------------------------------------------------------------


def test_self_loop_is_refused_and_named():
    g = graph("AB", [("B", "A", "hard")])
    before = edge_set(g)
    with pytest.raises(CycleError) as info:
        g.add_edge("A", "A")
    assert info.value.cycle == ["A", "A"]
    assert str(info.value) == ("A cannot require A: that closes the prerequisite cycle A → A")
    assert edge_set(g) == before
    assert not g.graph.has_edge("A", "A")


def test_three_cycle_through_soft_edges_is_refused_with_the_exact_cycle():
    g = graph("ABC", [("C", "B", "soft"), ("B", "A", "soft")])
    before = edge_set(g)
    assert g.cycle_with("A", "C") == ["A", "C", "B", "A"]
    with pytest.raises(CycleError) as info:
        g.add_edge("A", "C", "soft")
    assert info.value.cycle == ["A", "C", "B", "A"]
    assert str(info.value) == (
        "A cannot require C: that closes the prerequisite cycle A → C → B → A"
    )
    # a hard edge closing the same soft cycle is refused just the same
    with pytest.raises(CycleError) as info:
        g.add_edge("A", "C", "hard")
    assert info.value.cycle == ["A", "C", "B", "A"]
    assert edge_set(g) == before
    assert nx.is_directed_acyclic_graph(g.graph)


def test_mixed_hard_soft_cycle_is_refused():
    g = graph("ABC", [("C", "B", "hard"), ("B", "A", "soft")])
    with pytest.raises(CycleError) as info:
        g.add_edge("A", "C")
    assert info.value.cycle == ["A", "C", "B", "A"]


def test_pb_chain_cycle_is_named_in_reading_order():
    g = graph(
        ["PB-101", "PB-201", "PB-301"], [("PB-301", "PB-201", "hard"), ("PB-201", "PB-101", "hard")]
    )
    before = edge_set(g)
    with pytest.raises(CycleError) as info:
        g.add_edge("PB-101", "PB-301")
    error = info.value
    assert isinstance(error, ValidationError)
    assert error.cycle == ["PB-101", "PB-301", "PB-201", "PB-101"]
    assert [str(p) for p in error.problems] == [
        "PB-101 cannot require PB-301: that closes the prerequisite cycle "
        "PB-101 → PB-301 → PB-201 → PB-101"
    ]
    assert edge_set(g) == before
    # the refused edit left the graph usable: an acceptable edge still goes in
    g.add_module(mod("PB-401"))
    assert g.add_edge("PB-401", "PB-301") == Prerequisite("PB-401", "PB-301", "hard")


def test_cycle_with_names_the_shortest_way_back():
    # C reaches A directly and through B; the named cycle is the short one
    g = graph("ABC", [("C", "B", "hard"), ("B", "A", "hard"), ("C", "A", "soft")])
    assert g.cycle_with("A", "C") == ["A", "C", "A"]
    assert g.cycle_with("C", "A") is None  # already there: no new cycle
    assert g.cycle_with("A", "B") == ["A", "B", "A"]


def test_rekinding_an_existing_edge_is_not_a_cycle():
    g = graph("AB", [("B", "A", "soft")])
    assert g.add_edge("B", "A", "hard") == Prerequisite("B", "A", "hard")
    assert edge_set(g) == {("B", "A", "hard")}


def test_add_edge_refuses_unknown_modules_and_kinds_without_change():
    g = graph("AB")
    with pytest.raises(CurriculumError, match="unknown module 'Z'"):
        g.add_edge("A", "Z")
    with pytest.raises(CurriculumError, match="unknown module 'Z'"):
        g.add_edge("Z", "A")
    with pytest.raises(CurriculumError, match="kind must be one of hard, soft, not 'maybe'"):
        g.add_edge("A", "B", "maybe")
    assert edge_set(g) == set()
    assert sorted(g.graph) == ["A", "B"]  # no node sneaked in


def test_find_cycles_names_each_cycle_from_its_smallest_module():
    G = nx.DiGraph(
        [("PB-301", "PB-201"), ("PB-201", "PB-101"), ("PB-101", "PB-301"), ("X", "X"), ("P", "Q")]
    )
    assert find_cycles(G) == [["PB-101", "PB-301", "PB-201", "PB-101"], ["X", "X"]]
    assert format_cycle(["A", "B", "A"]) == "A → B → A"


# -- remove/add, undo ----------------------------------------------------------------------


def test_remove_module_returns_the_edges_that_restore_it():
    g = graph(
        "ABCD", [("B", "A", "hard"), ("C", "B", "soft"), ("D", "B", "hard"), ("D", "A", "soft")]
    )
    before_edges, before_modules = edge_set(g), g.modules()
    b = g.module("B")
    removed = g.remove_module("B")
    assert {(e.module, e.requires, e.kind) for e in removed} == {
        ("B", "A", "hard"),
        ("C", "B", "soft"),
        ("D", "B", "hard"),
    }
    assert "B" not in g
    assert edge_set(g) == {("D", "A", "soft")}
    # undo
    g.add_module(b)
    for edge in removed:
        g.add_edge(edge.module, edge.requires, edge.kind)
    assert edge_set(g) == before_edges
    assert g.modules() == before_modules


def test_remove_edge_returns_it_for_undo_and_refuses_a_missing_edge():
    g = graph("AB", [("B", "A", "soft")])
    removed = g.remove_edge("B", "A")
    assert removed == Prerequisite("B", "A", "soft")
    assert edge_set(g) == set()
    with pytest.raises(CurriculumError, match="B does not require A"):
        g.remove_edge("B", "A")
    g.add_edge(removed.module, removed.requires, removed.kind)
    assert edge_set(g) == {("B", "A", "soft")}


def test_add_module_replaces_attributes_and_keeps_edges():
    g = graph("AB", [("B", "A", "hard")])
    g.add_module(mod("A", jp=40))
    assert g.module("A").jp == 40
    assert edge_set(g) == {("B", "A", "hard")}
    old = g.update_module("A", status="draft", jp=4)
    assert old.jp == 40 and old.status == "approved"
    assert (g.module("A").jp, g.module("A").status) == (4, "draft")
    with pytest.raises(CurriculumError, match="unknown module 'Z'"):
        g.module("Z")
    with pytest.raises(CurriculumError, match="unknown module 'Z'"):
        g.remove_module("Z")


def test_copy_is_independent():
    g = graph("AB")
    clone = g.copy()
    clone.add_edge("B", "A")
    clone.update_module("A", jp=99)
    assert edge_set(g) == set()
    assert g.module("A").jp == 8


# -- requires / unlocks ---------------------------------------------------------------------


@pytest.fixture
def chain():
    #   E →hard D →soft C →hard B →hard A ;  F →hard A
    return graph(
        "ABCDEF",
        [
            ("B", "A", "hard"),
            ("C", "B", "hard"),
            ("D", "C", "soft"),
            ("E", "D", "hard"),
            ("F", "A", "hard"),
        ],
    )


def test_requires_is_transitive_over_both_kinds_by_default(chain):
    assert chain.requires("E") == {"D", "C", "B", "A"}
    assert chain.requires("A") == set()
    assert chain.unlocks("A") == {"B", "C", "D", "E", "F"}


def test_hard_only_filtering_stops_at_soft_edges(chain):
    assert chain.requires("E", ("hard",)) == {"D"}
    assert chain.requires("C", ("hard",)) == {"B", "A"}
    assert chain.unlocks("A", ("hard",)) == {"B", "C", "F"}
    assert chain.unlocks("C", ("hard",)) == set()
    assert chain.requires("D", ("soft",)) == {"C"}
    assert chain.unlocks("B", ("soft",)) == set()
    assert chain.hard_requirements("D") == []
    assert chain.hard_requirements("E") == ["D"]


def test_prerequisites_and_kinds(chain):
    assert chain.kind("D", "C") == "soft"
    assert chain.kind("C", "D") is None
    assert sorted(chain.edges_by_kind("soft")) == [("D", "C")]
    assert [e.key() for e in chain.prerequisites()] == sorted(
        e.key() for e in chain.prerequisites()
    )
    assert len(chain) == 6 and "F" in chain and "Z" not in chain


# -- Reach ---------------------------------------------------------------------------------


def test_reach_detour_and_reaches():
    G = nx.DiGraph([("A", "B"), ("B", "C"), ("A", "C"), ("C", "D"), ("X", "D")])
    reach = Reach(G)
    assert reach.reaches("A", "D") and reach.reaches("A", "C")
    assert not reach.reaches("D", "A") and not reach.reaches("A", "A")
    assert reach.detour("A", "C") == ["A", "B", "C"]
    assert reach.detour("A", "D") == ["A", "B", "C", "D"]
    assert reach.detour("B", "C") is None  # only the direct edge
    assert reach.detour("X", "D") is None
    only_ab = Reach(G, [("A", "B"), ("A", "C")])
    assert only_ab.detour("A", "C") is None
    assert not only_ab.reaches("B", "C")


def test_modules_of_a_graph_with_a_dangling_edge():
    g = PrerequisiteGraph([mod("A")], [Prerequisite("A", "Z", "hard")])
    assert [m.code for m in g.modules()] == ["A"]
