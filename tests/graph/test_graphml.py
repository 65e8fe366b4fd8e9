"""export W graphml FILE: networkx reads back the same nodes, edges and typed attributes."""

import networkx as nx

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Module, Prerequisite
from curriculum_tool.graph import PrerequisiteGraph
from curriculum_tool.io.graphml import graphml_graph

INT_COLUMNS = {"jp", "level", "min_digital_literacy"}


def expected_nodes(modules):
    """Each module's contract cells (ints for the numeric ones) without its code, and the
    label Gephi and yEd show (code and title)."""
    result = {}
    for module in modules:
        row = module.to_row()
        code = row.pop("code")
        cells = {k: int(v) if k in INT_COLUMNS else v for k, v in row.items()}
        result[code] = {"label": f"{code} {module.title}", **cells}
    return result


def read(path):
    G = nx.read_graphml(path)
    assert isinstance(G, nx.DiGraph) and G.is_directed()
    return G


def test_export_graphml_round_trips_the_mini_workspace(
    workspace, workspace_path, tmp_path, run_cli
):
    target = tmp_path / "graph.graphml"
    code, out, err = run_cli("export", workspace_path, "graphml", target)
    assert code == 0, err
    assert err == ""
    assert "5" in out
    G = read(target)
    modules = workspace.load("modules")
    assert set(G.nodes) == {m.code for m in modules}
    assert {(u, v, d["kind"]) for u, v, d in G.edges(data=True)} == {
        ("LD-201", "LD-101", "hard"),
        ("PB-201", "PB-101", "hard"),
        ("PB-201", "LD-101", "soft"),
    }
    assert dict(G.nodes(data=True)) == expected_nodes(modules)
    local = G.nodes["PB-LOC"]
    assert local["scope"] == "72" and local["status"] == "draft"
    assert local["jp"] == 16 and isinstance(local["jp"], int)
    assert G.nodes["PB-101"]["hazards"] == "gempa_bumi;tsunami"
    assert G.nodes["LD-101"]["hazards"] == ""
    assert G.nodes["PB-201"]["competencies"] == "PB-KAJI:2;M.01:2"
    for _, data in G.nodes(data=True):
        for column in INT_COLUMNS:
            assert type(data[column]) is int, column


def test_export_graphml_of_the_default_catalog(tmp_path, run_cli):
    target = tmp_path / "w.sqlite"
    with create_workspace(target) as ws:
        modules = ws.load("modules")
        prerequisites = ws.load("prerequisites")
    out_file = tmp_path / "catalog.graphml"
    code, _, err = run_cli("export", target, "graphml", out_file)
    assert code == 0, err
    G = read(out_file)
    assert set(G.nodes) == {m.code for m in modules}
    assert {(u, v, d["kind"]) for u, v, d in G.edges(data=True)} == {
        (p.module, p.requires, p.kind) for p in prerequisites
    }
    assert dict(G.nodes(data=True)) == expected_nodes(modules)


def test_graphml_keeps_text_that_looks_like_numbers_and_unicode(tmp_path):
    modules = [
        Module(
            "M-1",
            "Mitigasi – Bencana ✓ <&>",
            7,
            "klasikal",
            2,
            (("PB-KAJI", 2),),
            (),
            "none",
            0,
            "72",
            "approved",
            "",
        ),
        Module(
            "007",
            "0012",
            400,
            "coaching",
            5,
            (),
            ("banjir", "abrasi"),
            "high",
            3,
            "national",
            "review",
            'BPSDM "Sulteng"',
        ),
    ]
    G = graphml_graph(PrerequisiteGraph(modules, [Prerequisite("M-1", "007", "soft")]))
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    back = read(path)
    assert dict(back.nodes(data=True)) == expected_nodes(modules)
    assert back.nodes["007"]["title"] == "0012"
    assert back.nodes["M-1"]["scope"] == "72"
    assert back.nodes["M-1"]["owner"] == ""
    assert list(back.edges(data=True)) == [("M-1", "007", {"kind": "soft"})]


def test_export_graphml_creates_the_folder_and_leaves_no_temporary_file(
    workspace, workspace_path, tmp_path, run_cli
):
    target = tmp_path / "new" / "folder" / "g.graphml"
    code, out, err = run_cli("export", workspace_path, "graphml", target)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"exported 5 items as graphml to {target}"]
    assert [p.name for p in target.parent.iterdir()] == ["g.graphml"]
    assert set(read(target).nodes) == {m.code for m in workspace.load("modules")}


def test_export_graphml_of_a_missing_workspace_is_one_error_line(tmp_path, run_cli):
    code, out, err = run_cli("export", tmp_path / "none.sqlite", "graphml", tmp_path / "g.graphml")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and "no workspace at" in err
    assert not (tmp_path / "g.graphml").exists()
