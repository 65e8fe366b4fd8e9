"""The graph editor's edits replayed through the edit service: in one transaction, from
the versions the graph was read at, by whoever is working.

A stale edit (someone else changed, removed or added the edge since it was read) is
refused naming them; an edge the actor may not change (a regional officer and a national
module's edge) is refused; either way nothing of the other edits is written. The SQLite
tests open one file twice (two people); the PostgreSQL test gives each person a login.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from store.test_postgres import new_pg_database, pg_cluster  # noqa: F401 - fixtures

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Prerequisite
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.conflicts import ConflictError
from curriculum_tool.edit.graph_edits import (
    EdgeEdit,
    edge_refusal,
    editable_modules,
    edits_of,
    load_graph,
    replay_edits,
)
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import delete_records, save_person, save_records
from curriculum_tool.errors import CurriculumError, CycleError, describe
from curriculum_tool.graph.edits import pending_edits, pending_impact, set_prerequisite
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit
from curriculum_tool.store.policies import group_role, policy_statements

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def edges(ws: Workspace) -> set[tuple[str, str, str]]:
    return {(e.module, e.requires, e.kind) for e in ws.load("prerequisites")}


def audit(ws: Workspace, after: int = 0) -> list:
    """The audit trail of prerequisites, newest first, after the entry ``after``."""
    with ws.engine.connect() as conn:
        return [e for e in read_audit(conn, tables=["prerequisites"]) if e.id > after]


def last_audit(ws: Workspace) -> int:
    return max((e.id for e in audit(ws)), default=0)


@pytest.fixture
def two(workspace, workspace_path):
    """The mini workspace opened twice: ``dedi`` (a designer, the editor) and ``budi``
    (another designer, editing meanwhile)."""
    other = Workspace.open(workspace_path)
    workspace.actor, other.actor = Actor("dedi", "perancang"), Actor("budi", "perancang")
    yield workspace, other
    other.close()


def test_load_graph_reads_each_edge_with_its_version(workspace):
    stored = load_graph(workspace)
    assert {(e.module, e.requires, e.kind) for e in stored.graph.prerequisites()} == edges(
        workspace
    )
    assert set(stored.versions) == {(m, r) for m, r, _ in edges(workspace)}
    assert len(stored.graph) == workspace.count("modules")
    save_records(workspace, "prerequisites", [Prerequisite("PB-201", "LD-101", "hard")])
    again = load_graph(workspace).versions
    assert again[("PB-201", "LD-101")] == stored.versions[("PB-201", "LD-101")] + 1
    assert again[("PB-201", "PB-101")] == stored.versions[("PB-201", "PB-101")]


def test_the_pending_edits_are_written_in_one_go_with_their_audit(workspace):
    stored = load_graph(workspace)
    edited = stored.graph.copy()
    set_prerequisite(edited, "PB-201", "PB-101", None)  # removed
    set_prerequisite(edited, "PB-201", "LD-101", "hard")  # soft → hard
    set_prerequisite(edited, "LD-201", "PB-101", "soft")  # added
    removed, added = pending_edits(stored.graph, edited)
    assert pending_impact(workspace, stored.graph, removed, added) == []  # no stored paths
    expected = {key: stored.versions.get(key) for key in [*removed, *(e.key() for e in added)]}
    start = last_audit(workspace)

    written = replay_edits(workspace, edits_of(removed, added), expected, note="graf ditata")

    assert edges(workspace) == {
        ("LD-201", "LD-101", "hard"),
        ("PB-201", "LD-101", "hard"),
        ("LD-201", "PB-101", "soft"),
    }
    now = load_graph(workspace).versions
    assert written == {
        ("PB-201", "PB-101"): None,
        ("PB-201", "LD-101"): stored.versions[("PB-201", "LD-101")] + 1,
        ("LD-201", "PB-101"): now[("LD-201", "PB-101")],
    }
    trail = audit(workspace, start)
    assert sorted((e.action, e.key) for e in trail) == [
        ("delete", ("PB-201", "PB-101")),
        ("insert", ("LD-201", "PB-101")),
        ("update", ("PB-201", "LD-101")),
    ]
    assert {(e.actor, e.note) for e in trail} == {(workspace.actor.login, "graf ditata")}


def test_steps_are_folded_in_order_and_an_edge_added_then_removed_leaves_no_trace(workspace):
    versions = load_graph(workspace).versions
    start = last_audit(workspace)
    steps = [
        EdgeEdit("PB-LOC", "LD-101", "hard"),  # new, then taken back: nothing to write
        EdgeEdit("PB-201", "LD-101", "hard"),
        EdgeEdit("PB-LOC", "LD-101", None),
        EdgeEdit("PB-201", "LD-101", "soft"),  # back to what is stored: nothing changes
        EdgeEdit("LD-201", "LD-101", None),
    ]
    written = replay_edits(workspace, steps, versions)
    assert written == {("LD-201", "LD-101"): None, ("PB-201", "LD-101"): 1}
    assert [(e.action, e.key) for e in audit(workspace, start)] == [
        ("delete", ("LD-201", "LD-101"))
    ]


@pytest.mark.parametrize(
    "refusal",
    ["stale", "not_allowed", "cycle", "unknown_module"],
)
def test_one_refused_edit_writes_none_of_the_others(two, snapshot, refusal):
    dedi, budi = two
    versions = load_graph(dedi).versions
    good = [EdgeEdit("LD-201", "LD-101", None), EdgeEdit("LD-201", "PB-101", "hard")]
    bad = {
        "stale": EdgeEdit("PB-201", "PB-101", None),
        "not_allowed": EdgeEdit("PB-201", "LD-101", "hard"),
        "cycle": EdgeEdit("PB-101", "PB-201", "hard"),
        "unknown_module": EdgeEdit("PB-201", "XX-999", "hard"),
    }[refusal]
    error = {
        "stale": ConflictError,
        "not_allowed": NotAllowed,
        "cycle": CycleError,
        "unknown_module": CurriculumError,
    }[refusal]
    if refusal == "stale":
        save_records(budi, "prerequisites", [Prerequisite("PB-201", "PB-101", "soft")])
    if refusal == "not_allowed":
        dedi.actor = Actor("siti", "wilayah", "72")  # PB-201 is national
        good = [EdgeEdit("PB-LOC", "LD-101", "hard")]  # hers: PB-LOC is of region 72
    before = snapshot(dedi)
    with pytest.raises(error):
        replay_edits(dedi, [*good, bad], versions)
    assert snapshot(dedi) == before
    replay_edits(dedi, good, versions)  # alone, the good edits go through
    assert snapshot(dedi) != before


@pytest.mark.parametrize(
    ("theirs", "mine", "english", "indonesian"),
    [
        (  # budi changed the edge's kind; dedi removes it
            lambda ws: save_records(
                ws, "prerequisites", [Prerequisite("PB-201", "PB-101", "soft")]
            ),
            EdgeEdit("PB-201", "PB-101", None),
            "was changed by budi at",
            "telah diubah oleh budi pada",
        ),
        (  # budi removed the edge; dedi makes it soft
            lambda ws: delete_records(ws, "prerequisites", [("PB-201", "PB-101")]),
            EdgeEdit("PB-201", "PB-101", "soft"),
            "was deleted by budi at",
            "telah dihapus oleh budi pada",
        ),
        (  # budi added the edge dedi adds too
            lambda ws: save_records(
                ws, "prerequisites", [Prerequisite("LD-201", "PB-101", "soft")]
            ),
            EdgeEdit("LD-201", "PB-101", "hard"),
            "was added by budi at",
            "telah ditambahkan oleh budi pada",
        ),
    ],
)
def test_an_edit_from_a_stale_read_is_refused_naming_who(
    two, snapshot, theirs, mine, english, indonesian
):
    dedi, budi = two
    read = load_graph(dedi).versions
    theirs(budi)
    before = snapshot(dedi)
    with pytest.raises(ConflictError) as refused:
        replay_edits(dedi, [mine], read)
    assert snapshot(dedi) == before
    (conflict,) = refused.value.conflicts
    assert conflict.key == mine.key and conflict.last is not None
    assert conflict.last.actor == "budi"
    assert english in str(refused.value)
    assert indonesian in describe(refused.value, "id")


def test_an_undo_that_would_overwrite_a_newer_change_is_refused(two):
    dedi, budi = two
    read = load_graph(dedi).versions
    written = replay_edits(dedi, [EdgeEdit("LD-201", "PB-101", "hard")], read)
    save_records(budi, "prerequisites", [Prerequisite("LD-201", "PB-101", "soft")])
    with pytest.raises(ConflictError, match="changed by budi"):  # dedi's undo of the add
        replay_edits(dedi, [EdgeEdit("LD-201", "PB-101", None)], {**read, **written})
    assert ("LD-201", "PB-101", "soft") in edges(dedi)
    # From budi's version (after a reload), the same undo goes through.
    now = load_graph(dedi).versions
    replay_edits(dedi, [EdgeEdit("LD-201", "PB-101", None)], now)
    assert ("LD-201", "PB-101") not in load_graph(dedi).versions


def test_a_cycle_stored_meanwhile_is_named_from_the_edge_that_closes_it(two, snapshot):
    dedi, budi = two
    read = load_graph(dedi).versions
    save_records(budi, "prerequisites", [Prerequisite("LD-101", "PB-101", "hard")])
    before = snapshot(dedi)
    steps = [EdgeEdit("PB-201", "PB-101", None), EdgeEdit("PB-101", "LD-201", "hard")]
    with pytest.raises(CycleError, match="PB-101 → LD-201 → LD-101 → PB-101"):
        replay_edits(dedi, steps, read)
    assert snapshot(dedi) == before


@pytest.mark.parametrize(
    ("actor", "editable"),
    [
        (Actor("ani", "admin"), {"LD-101", "LD-201", "PB-101", "PB-201", "PB-LOC"}),
        (Actor("dedi", "perancang"), {"LD-101", "LD-201", "PB-101", "PB-201", "PB-LOC"}),
        (Actor("siti", "wilayah", "72"), {"PB-LOC"}),
        (Actor("palu", "wilayah", "72.71"), set()),  # a city does not own its province's
        (Actor("joko", "wilayah", "31"), set()),
        (Actor("rudi", "pengelola", "72"), set()),
        (Actor("tamu", "pembaca"), set()),
    ],
)
def test_who_may_change_which_edges_is_the_services_rule(workspace, snapshot, actor, editable):
    workspace.actor = actor
    graph = load_graph(workspace).graph
    with workspace.engine.connect() as conn:
        assert editable_modules(conn, workspace, graph.modules()) == editable
        read_only = edge_refusal(conn, workspace)
        national = edge_refusal(conn, workspace, ("LD-201", "LD-101"))
        local = edge_refusal(conn, workspace, ("PB-LOC", "LD-101"))
    assert (read_only is None) == actor.may_write("prerequisites")
    assert (local is None) == ("PB-LOC" in editable)
    assert (national is None) == ("LD-201" in editable)
    for refusal in (national, local):
        if refusal is not None:
            assert actor.login in str(refusal) and describe(refusal, "id") != str(refusal)
    # The service agrees, edge by edge: what is refused here is refused there.
    versions = load_graph(workspace).versions
    for module, edge in (
        ("LD-201", EdgeEdit("LD-201", "LD-101", None)),
        ("PB-LOC", EdgeEdit("PB-LOC", "LD-101", "hard")),
    ):
        before = snapshot(workspace)
        if module in editable:
            replay_edits(workspace, [edge], versions)
            assert snapshot(workspace) != before
        else:
            with pytest.raises(NotAllowed):
                replay_edits(workspace, [edge], versions)
            assert snapshot(workspace) == before


def test_a_regional_officers_edit_is_audited_under_their_name_and_region(workspace):
    workspace.actor = Actor("siti", "wilayah", "72")
    start = last_audit(workspace)
    replay_edits(workspace, [EdgeEdit("PB-LOC", "LD-101", "hard")], load_graph(workspace).versions)
    (entry,) = audit(workspace, start)
    assert (entry.actor, entry.role, entry.region, entry.action) == (
        "siti",
        "wilayah",
        "72",
        "insert",
    )
    with pytest.raises(NotAllowed, match="national") as refused:
        replay_edits(
            workspace, [EdgeEdit("LD-201", "LD-101", None)], load_graph(workspace).versions
        )
    assert "berlaku nasional" in describe(refused.value, "id")


# -- PostgreSQL: each person their own login ------------------------------------------------


def _login(cluster, url: str, owner: Workspace, name: str, role: str, scope=None) -> str:
    with cluster.admin() as conn:
        conn.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group_role(role)}')
    save_person(owner, name, role, scope)
    return url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{name}@")


@pytest.mark.postgres
def test_on_postgresql_a_stale_graph_save_names_the_other_login(
    pg_cluster,  # noqa: F811 - the fixtures imported above
    new_pg_database,  # noqa: F811
):
    import psycopg

    url = new_pg_database()
    owner = create_workspace(url, directory=MINI)
    with psycopg.connect(
        host=str(pg_cluster.socket_dir),
        port=pg_cluster.port,
        user="postgres",
        dbname=make_url(url).database,
    ) as conn:
        for statement in policy_statements():
            conn.execute(statement)
    suffix = uuid.uuid4().hex[:6]
    dedi, budi, siti = f"dedi_{suffix}", f"budi_{suffix}", f"siti_{suffix}"
    urls = [
        _login(pg_cluster, url, owner, dedi, "perancang"),
        _login(pg_cluster, url, owner, budi, "perancang"),
        _login(pg_cluster, url, owner, siti, "wilayah", "72"),
    ]
    mine, theirs, regional = (Workspace.open(u) for u in urls)
    try:
        read = load_graph(mine).versions
        replay_edits(theirs, [EdgeEdit("PB-201", "PB-101", "soft")], load_graph(theirs).versions)
        steps = [EdgeEdit("LD-201", "PB-101", "hard"), EdgeEdit("PB-201", "PB-101", None)]
        with pytest.raises(ConflictError) as refused:
            replay_edits(mine, steps, read)
        assert f"telah diubah oleh {budi}" in describe(refused.value, "id")
        assert ("LD-201", "PB-101") not in load_graph(owner).versions  # nothing written

        with regional.engine.connect() as conn:
            assert editable_modules(conn, regional, load_graph(regional).graph.modules()) == {
                "PB-LOC"
            }
        now = load_graph(regional).versions
        replay_edits(regional, [EdgeEdit("PB-LOC", "LD-101", "hard")], now)
        with pytest.raises(NotAllowed):
            replay_edits(regional, [EdgeEdit("PB-201", "PB-101", None)], now)
        assert load_graph(owner).graph.kind("PB-201", "PB-101") == "soft"
        assert [(e.actor, e.key) for e in audit(owner)][:2] == [
            (siti, ("PB-LOC", "LD-101")),
            (budi, ("PB-201", "PB-101")),
        ]
    finally:
        for ws in (mine, theirs, regional):
            ws.close()
        owner.close()
