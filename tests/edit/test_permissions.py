"""Who may change what, through the edit service, on one person's SQLite file acting as
each role in turn: what WRITES allows is written and audited under that person; anything
else is refused with a reason in both languages and changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.conflicts import ConflictError
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import delete_records, save_records, versions
from curriculum_tool.errors import describe
from curriculum_tool.io.importer import import_file
from curriculum_tool.store.audit import read_audit


def _module(ws, code):
    return next(m for m in ws.load("modules") if m.code == code)


def _standard(ws):
    return next(s for s in ws.load("regional_standards") if s.region == "72")


def _audit(ws):
    with ws.engine.connect() as conn:
        return list(read_audit(conn))


def test_sqlite_opens_as_admin_under_the_os_user(workspace):
    assert workspace.actor.role == "admin" and workspace.actor.login


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [
        (Actor("ani", "admin"), True),
        (Actor("dedi", "perancang"), True),
        (Actor("siti", "wilayah", "72"), False),  # a national module
        (Actor("rudi", "pengelola", "72"), False),
        (Actor("bu-rina", "atasan", learner="DEMO-001"), False),
        (Actor("tamu", "pembaca"), False),
    ],
)
def test_a_national_module_is_the_designers(workspace, snapshot, actor, allowed):
    workspace.actor = actor
    changed = replace(_module(workspace, "PB-101"), title="Dasar PB (revisi)")
    before = snapshot(workspace)
    if allowed:
        save_records(workspace, "modules", [changed], note="judul diperbaiki")
        entry = _audit(workspace)[0]
        assert (entry.actor, entry.role, entry.table, entry.note) == (
            actor.login,
            actor.role,
            "modules",
            "judul diperbaiki",
        )
        assert _module(workspace, "PB-101").title == "Dasar PB (revisi)"
    else:
        with pytest.raises(NotAllowed) as refused:
            save_records(workspace, "modules", [changed])
        assert actor.login in str(refused.value)
        assert describe(refused.value, "id") != str(refused.value)  # said in Indonesian too
        assert snapshot(workspace) == before


def test_a_regional_officer_writes_only_their_region(workspace, snapshot):
    standard = _standard(workspace)  # region 72, Sulawesi Tengah
    workspace.actor = Actor("siti", "wilayah", "72")
    save_records(workspace, "regional_standards", [replace(standard, level=3)])
    assert _standard(workspace).level == 3

    workspace.actor = Actor("joko", "wilayah", "31")  # Jakarta's officer
    before = snapshot(workspace)
    with pytest.raises(NotAllowed, match="outside the scope of joko"):
        save_records(workspace, "regional_standards", [replace(standard, level=1)])
    assert snapshot(workspace) == before

    workspace.actor = Actor("palu", "wilayah", "72.71")  # a city cannot write its province
    with pytest.raises(NotAllowed, match="region 72,"):
        delete_records(workspace, "regional_standards", [("72", standard.competency)])
    assert snapshot(workspace) == before


def test_a_regional_officer_takes_a_local_module_up_to_review(workspace, snapshot):
    workspace.actor = Actor("siti", "wilayah", "72")
    local = _module(workspace, "PB-LOC")  # scope 72, draft
    save_records(workspace, "modules", [replace(local, status="review")])
    before = snapshot(workspace)
    with pytest.raises(NotAllowed, match="as far as 'review', not 'approved'"):
        save_records(workspace, "modules", [replace(local, status="approved")])
    assert snapshot(workspace) == before


def test_a_training_officer_keeps_learners_of_their_scope(workspace, write_csv, mini_row):
    workspace.actor = Actor("rudi", "pengelola", "72")
    row = mini_row("learners", 0, name="Peserta Demo 01 (revisi)")  # DEMO-001 in 72.71
    import_file(workspace, "learners", write_csv("l.csv", "learners", [row]))
    assert _audit(workspace)[0].actor == "rudi"
    jakarta = mini_row("learners", 1, name="Budi (revisi)")  # in 31
    with pytest.raises(NotAllowed, match="outside the scope of rudi"):
        import_file(workspace, "learners", write_csv("j.csv", "learners", [jakarta]))
    moved = mini_row("learners", 0, region="31")  # nor move one of theirs out of it
    with pytest.raises(NotAllowed, match="region 31, outside the scope of rudi"):
        import_file(workspace, "learners", write_csv("m.csv", "learners", [moved]))


def test_a_supervisor_changes_only_the_follow_up_of_their_own_staff(workspace):
    outcome = next(o for o in workspace.load("outcomes") if o.learner == "DEMO-001")
    workspace.actor = Actor("bu-rina", "atasan", learner="SOMEONE-ELSE")
    with pytest.raises(NotAllowed, match="does not supervise"):
        save_records(workspace, "outcomes", [replace(outcome, l3=False)])
    workspace.actor = Actor("bu-rina", "atasan", learner="DEMO-001-BOSS")
    with pytest.raises(NotAllowed):
        save_records(workspace, "outcomes", [replace(outcome, l1=10)])  # not theirs to change


def test_an_edit_from_a_stale_version_names_who_changed_it(workspace, snapshot):
    seen = versions(workspace, "modules", ["PB-201"])
    workspace.actor = Actor("dedi", "perancang")
    save_records(workspace, "modules", [replace(_module(workspace, "PB-201"), jp=30)], seen)
    workspace.actor = Actor("ani", "admin")
    before = snapshot(workspace)
    stale = replace(_module(workspace, "PB-201"), title="Judul lain")
    with pytest.raises(ConflictError) as refused:
        save_records(workspace, "modules", [stale], seen)
    text = describe(refused.value, "id")
    assert "telah diubah oleh dedi" in text and "(jp)" in text
    assert "was changed by dedi" in str(refused.value)
    assert snapshot(workspace) == before
    # on top of the new version (what "keep mine" does) it goes through
    save_records(workspace, "modules", [stale], versions(workspace, "modules", ["PB-201"]))
    assert _module(workspace, "PB-201").title == "Judul lain"


def test_a_batch_outside_the_officers_scope_is_refused_before_planning(tmp_path, snapshot):
    from curriculum_tool.catalog import create_workspace
    from curriculum_tool.recommend.batch import run_batch

    with create_workspace(tmp_path / "default.sqlite") as workspace:  # with its model
        palu = [p.id for p in workspace.load("learners") if p.region == "72.71"]
        before = snapshot(workspace)
        workspace.actor = Actor("joko", "pengelola", "31")  # Jakarta's officer
        with pytest.raises(NotAllowed, match="outside the scope of joko") as refused:
            run_batch(workspace, tmp_path / "b.csv")
        assert not any(learner in str(refused.value) for learner in palu)  # personal data
        assert not (tmp_path / "b.csv").exists() and snapshot(workspace) == before
        # Palu's officer plans Palu's learners
        workspace.actor = Actor("rudi", "pengelola", "72")
        assert run_batch(workspace, tmp_path / "p.csv", learners=palu).learners == len(palu)
        workspace.actor = Actor("bu-rina", "atasan", learner="X")  # approves; never re-plans
        with pytest.raises(NotAllowed):
            run_batch(workspace, tmp_path / "a.csv", learners=palu)
