"""Approvals through the edit service, on one person's SQLite file acting as each role:
a local module's review (draft → review → approved, or returned with a note), a stored
path proposed then approved by the learner's atasan, who and when shown in the PDF; and
the questions the app asks first to grey out what a person may not do, answered by the
same checks."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from curriculum_tool.domain import LearnerPath, PathStep, Prerequisite
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.approvals import (
    approval_refusal,
    module_reviews,
    path_save_refusal,
    review_refusal,
    stored_path,
)
from curriculum_tool.edit.conflicts import ConflictError
from curriculum_tool.edit.permissions import (
    NotAllowed,
    may_write_region,
    record_refusal,
    region_refusal,
)
from curriculum_tool.edit.regional import save_local_module, save_standard
from curriculum_tool.edit.service import (
    RETURNED,
    approve_path,
    review_module,
    save_path,
    save_records,
    versions,
)
from curriculum_tool.errors import CurriculumError, ValidationError, describe
from curriculum_tool.store.audit import read_audit

BUDI = "199001012015011001"  # in region 31 (DKI Jakarta)
DEMO = "DEMO-001"  # in 72.71 (Kota Palu)
ADMIN = Actor("ani", "admin")
DESIGNER = Actor("dedi", "perancang")
SULTENG = Actor("siti", "wilayah", "72")
PALU = Actor("palu", "wilayah", "72.71")


def _module(ws, code):
    return next(m for m in ws.load("modules") if m.code == code)


def _audit(ws, **filters):
    with ws.engine.connect() as conn:
        return list(read_audit(conn, **filters))


def _reviews(ws):
    with ws.engine.connect() as conn:
        return module_reviews(conn)


# -- a local module's review -------------------------------------------------------------


def test_a_module_goes_to_review_with_a_comment_and_a_designer_approves_it(workspace, snapshot):
    workspace.actor = SULTENG
    review_module(
        workspace,
        "PB-LOC",
        "review",
        "mohon ditinjau",
        versions(workspace, "modules", ["PB-LOC"])["PB-LOC"],
    )
    assert _module(workspace, "PB-LOC").status == "review"
    review = _reviews(workspace)["PB-LOC"]
    assert (review.note, review.by) == ("mohon ditinjau", "siti") and review.at
    entry = _audit(workspace)[0]
    assert (entry.actor, entry.table, entry.note) == ("siti", "modules", "mohon ditinjau")

    before = snapshot(workspace)  # a regional officer cannot approve, even their own
    with pytest.raises(NotAllowed) as refused:
        review_module(workspace, "PB-LOC", "approved")
    assert "tidak berwenang menyetujui modul" in describe(refused.value, "id")
    assert snapshot(workspace) == before

    workspace.actor = DESIGNER
    review_module(workspace, "PB-LOC", "approved", "sesuai standar BNPB")
    assert _module(workspace, "PB-LOC").status == "approved"
    entry = _audit(workspace)[0]
    assert (entry.actor, entry.role, entry.note) == ("dedi", "perancang", "sesuai standar BNPB")
    assert entry.before["status"] == "review" and entry.after["status"] == "approved"


def test_returning_a_module_needs_a_note(workspace, snapshot):
    workspace.actor = SULTENG
    review_module(workspace, "PB-LOC", "review")
    workspace.actor = DESIGNER
    before = snapshot(workspace)
    for blank in ("", "   "):
        with pytest.raises(CurriculumError) as refused:
            review_module(workspace, "PB-LOC", RETURNED, blank)
        assert "memerlukan catatan" in describe(refused.value, "id")
    assert snapshot(workspace) == before
    review_module(workspace, "PB-LOC", RETURNED, "lengkapi kompetensi M.01")
    assert _module(workspace, "PB-LOC").status == "draft"
    assert _reviews(workspace)["PB-LOC"].note == "lengkapi kompetensi M.01"
    assert _audit(workspace, actor="dedi")[0].note == "lengkapi kompetensi M.01"


def test_a_review_step_from_a_stale_read_is_refused(workspace):
    seen = versions(workspace, "modules", ["PB-LOC"])["PB-LOC"]
    workspace.actor = SULTENG
    review_module(workspace, "PB-LOC", "review", expected=seen)
    workspace.actor = DESIGNER
    with pytest.raises(ConflictError, match="changed by siti"):
        review_module(workspace, "PB-LOC", RETURNED, "lagi", expected=seen)
    assert _module(workspace, "PB-LOC").status == "review"


@pytest.mark.parametrize(
    ("actor", "to", "refused_with"),
    [
        (SULTENG, "review", None),
        (PALU, "review", "di luar cakupan palu"),  # a module of the province above
        (Actor("joko", "wilayah", "31"), "review", "di luar cakupan joko"),
        (Actor("tamu", "pembaca"), "review", "tidak berwenang mengubah modul"),
        (DESIGNER, "review", None),
        (SULTENG, "approved", "dapat dibawa ke 'review', bukan 'approved'"),  # from draft
    ],
)
def test_the_app_asks_first_with_the_services_own_checks(workspace, actor, to, refused_with):
    workspace.actor = actor
    refusal = review_refusal(workspace, "PB-LOC", to)
    if refused_with is None:
        assert refusal is None
        review_module(workspace, "PB-LOC", to)  # and the service agrees
    else:
        assert refused_with in describe(refusal, "id")
        with pytest.raises(CurriculumError):
            review_module(workspace, "PB-LOC", to)


# -- who may write where: asked before the form opens --------------------------------------


def test_which_region_an_officer_may_write(workspace):
    with workspace.engine.connect() as conn:
        assert may_write_region(conn, PALU, "regional_standards", "72.71")
        assert not may_write_region(conn, PALU, "regional_standards", "72")
        assert may_write_region(conn, SULTENG, "modules", "72.71")  # a regency below
        assert not may_write_region(conn, SULTENG, "modules", None)  # national
        assert not may_write_region(conn, DESIGNER, "regional_standards", "72")
        assert may_write_region(conn, DESIGNER, "modules", None)
        refusal = region_refusal(conn, PALU, "modules", "72")
        assert "hanya dapat mengubah modul di wilayah 72.71" in describe(refusal, "id")
        standard = next(s for s in workspace.load("regional_standards", conn) if s.region == "72")
        assert record_refusal(conn, SULTENG, "regional_standards", standard) is None
        assert "di luar cakupan palu" in describe(
            record_refusal(conn, PALU, "regional_standards", standard), "id"
        )
        approved = replace(_module(workspace, "PB-LOC"), status="approved")
        refusal = record_refusal(conn, SULTENG, "modules", approved)
        assert "sampai status 'review'" in describe(refusal, "id")


def test_a_standard_of_a_competency_the_region_has_is_refused(workspace, snapshot):
    standard = next(s for s in workspace.load("regional_standards") if s.region == "72")
    before = snapshot(workspace)
    with pytest.raises(ValidationError) as refused:
        save_standard(workspace, replace(standard, level=1), None)
    assert "sudah punya standar untuk" in describe(refused.value, "id")
    workspace.actor = PALU
    with pytest.raises(NotAllowed):
        save_standard(workspace, replace(standard, level=1), 1)
    assert snapshot(workspace) == before


def test_a_local_module_and_its_prerequisites_are_kept_or_refused_together(workspace, snapshot):
    workspace.actor = SULTENG
    local = _module(workspace, "PB-LOC")
    seen = versions(workspace, "modules", ["PB-LOC"])["PB-LOC"]
    edge = Prerequisite("PB-LOC", "PB-101")
    save_local_module(workspace, local, [edge], version=seen, edge_versions={})
    edges = {p.key(): p for p in workspace.load("prerequisites") if p.module == "PB-LOC"}
    assert set(edges) == {("PB-LOC", "PB-101")}

    before = snapshot(workspace)
    read = versions(workspace, "modules", ["PB-LOC"])["PB-LOC"]
    edge_read = versions(workspace, "prerequisites", [edge.key()])
    retitled = replace(local, title="Kaji Cepat Likuefaksi (revisi)")
    unknown = Prerequisite("PB-LOC", "PB-NOPE")
    with pytest.raises(ValidationError) as refused:
        save_local_module(workspace, retitled, [unknown], version=read, edge_versions=edge_read)
    assert {p.column for p in refused.value.problems} == {"prerequisites"}
    assert snapshot(workspace) == before  # the new title was not kept either

    with pytest.raises(ValidationError, match="already used by another module"):
        save_local_module(
            workspace, replace(local, code="PB-101", scope="72"), [], version=None, edge_versions={}
        )
    assert snapshot(workspace) == before


# -- a learner's stored path ---------------------------------------------------------------


def _path(learner=DEMO, region="72.71", jp=24) -> LearnerPath:
    step = PathStep("PB-101", "Dasar Penanggulangan Bencana", 1, jp, "klasikal", 0.8, 1.0)
    return LearnerPath(
        learner, "analis-kebijakan", region, (step,), created="2026-12-06T02:00:00+00:00"
    )


@pytest.fixture
def supervised(workspace):
    """DEMO-001 reports to Budi; an admin stored DEMO-001's proposed path."""
    demo = next(learner for learner in workspace.load("learners") if learner.id == DEMO)
    save_records(workspace, "learners", [replace(demo, supervisor=BUDI)])
    save_path(workspace, _path())
    return workspace


def test_a_stored_path_is_proposed_until_its_atasan_approves_it(supervised, snapshot):
    ws = supervised
    proposed = stored_path(ws, DEMO)
    assert proposed is not None and proposed.approval is not None
    assert not proposed.approval.approved and proposed.approval.approved_by is None

    ws.actor = Actor("rina", "atasan", learner="DEMO-999")  # someone else's atasan
    assert "bukan bawahan langsung rina" in describe(approval_refusal(ws, DEMO), "id")
    before = snapshot(ws)
    with pytest.raises(NotAllowed, match="does not supervise"):
        approve_path(ws, DEMO, proposed.approval.version)
    assert snapshot(ws) == before

    ws.actor = Actor("budi", "atasan", learner=BUDI, name="Budi Santoso")
    assert approval_refusal(ws, DEMO) is None
    approve_path(ws, DEMO, proposed.approval.version)
    approval = stored_path(ws, DEMO).approval
    assert (approval.status, approval.approved_by) == ("approved", "budi")
    assert approval.approved_at and approval.version == proposed.approval.version + 1
    entry = _audit(ws, tables=["paths"])[0]
    assert (entry.actor, entry.role) == ("budi", "atasan")
    assert entry.after["approved_by"] == "budi" and entry.before["approval"] is None


def test_an_approval_from_a_stale_read_is_refused(supervised):
    ws = supervised
    read = stored_path(ws, DEMO).approval.version
    save_path(ws, _path(jp=32))  # a new proposal meanwhile
    ws.actor = Actor("budi", "atasan", learner=BUDI)
    with pytest.raises(ConflictError):
        approve_path(ws, DEMO, read)
    assert not stored_path(ws, DEMO).approval.approved


def test_storing_a_path_is_for_a_training_officer_of_the_learner(supervised, snapshot):
    ws = supervised
    ws.actor = Actor("rudi", "pengelola", "72")
    assert path_save_refusal(ws, _path(jp=16)) is None
    save_path(ws, _path(jp=16))
    assert stored_path(ws, DEMO).total_jp == 16
    entry = _audit(ws, tables=["paths"])[0]
    assert entry.actor == "rudi"

    before = snapshot(ws)
    for actor in (
        Actor("joko", "pengelola", "31"),
        Actor("siti", "wilayah", "72"),
        Actor("budi", "atasan", learner=BUDI),  # approves, but does not plan
        Actor("tamu", "pembaca"),
    ):
        ws.actor = actor
        refusal = path_save_refusal(ws, _path(jp=8))
        assert refusal is not None and actor.login in str(refusal)
        with pytest.raises(NotAllowed):
            save_path(ws, _path(jp=8))
    assert snapshot(ws) == before


# -- the PDF says where the path stands ------------------------------------------------------


def _pdf_text(path) -> str:
    QtPdf = pytest.importorskip("PySide6.QtPdf")
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    text = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    document.close()
    return " ".join(text.split())


def test_the_pdf_shows_the_approval(supervised, tmp_path, qapp):
    from curriculum_tool.gui.path_pdf import write_learner_pdf
    from curriculum_tool.report.path_labels import created_day, date_text

    ws = supervised
    write_learner_pdf(ws, DEMO, tmp_path / "proposed.pdf")
    assert "Diusulkan, belum disetujui" in _pdf_text(tmp_path / "proposed.pdf")

    ws.actor = Actor("budi", "atasan", learner=BUDI)
    approve_path(ws, DEMO, stored_path(ws, DEMO).approval.version)
    day = date_text(created_day(stored_path(ws, DEMO).approval.approved_at))
    write_learner_pdf(ws, DEMO, tmp_path / "approved.pdf")
    text = _pdf_text(tmp_path / "approved.pdf")
    assert f"Disetujui oleh budi pada {day}" in text
    assert "Diusulkan" not in text
    write_learner_pdf(ws, DEMO, tmp_path / "en.pdf", lang="en")
    assert re.search(r"Approved by budi on \d+ \w+ \d{4}", _pdf_text(tmp_path / "en.pdf"))
    write_learner_pdf(ws, DEMO, tmp_path / "masked.pdf", unmask=False)
    masked = _pdf_text(tmp_path / "masked.pdf")
    assert "Disetujui oleh " in masked and "budi" not in masked  # the login is hidden too
