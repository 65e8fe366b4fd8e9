"""The printable path PDF: a real PDF, Indonesian by default, masked unless asked."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtGui")
QtPdf = pytest.importorskip("PySide6.QtPdf")

from curriculum_tool.catalog import create_workspace  # noqa: E402
from curriculum_tool.domain import Exclusion, LearnerPath, PathStep  # noqa: E402
from curriculum_tool.errors import CurriculumError  # noqa: E402
from curriculum_tool.gui.path_pdf import (  # noqa: E402
    path_html,
    write_learner_pdf,
    write_path_pdf,
    write_paths_pdf,
    write_workspace_pdfs,
)
from curriculum_tool.io.masking import pseudonym  # noqa: E402
from curriculum_tool.recommend.batch import run_batch  # noqa: E402
from curriculum_tool.report.summary import ReportContext  # noqa: E402
from curriculum_tool.store.paths import load_paths  # noqa: E402


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """The default catalog's workspace with a stored path for every demo learner."""
    folder = tmp_path_factory.mktemp("pdf")
    workspace = create_workspace(folder / "w.sqlite")
    run_batch(workspace, folder / "b.csv")
    with workspace.engine.connect() as conn:
        paths = {p.learner: p for p in load_paths(conn)}
    yield workspace, paths
    workspace.close()


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, read back with Qt's own PDF reader."""
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    pages = [document.getAllText(i).text() for i in range(document.pageCount())]
    document.close()
    return pages


def squeeze(text: str) -> str:
    return " ".join(text.split())


def assert_pdf(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 5_000
    return squeeze(" ".join(pdf_pages(path)))


def test_a_learner_pdf_in_indonesian_masked(planned, tmp_path, qapp):
    workspace, paths = planned
    out = tmp_path / "rencana.pdf"
    write_learner_pdf(workspace, "DEMO-001", out)
    text = assert_pdf(out)
    path = paths["DEMO-001"]
    for expected in ("Rencana Pengembangan Kompetensi", "Pegawai", "Atasan Langsung",
                     "Modul yang tidak dipilih", "Periode 1", "Peluang berhasil (P)",
                     "PP 11/2017", f"{path.total_jp} JP dari anggaran {path.max_jp} JP",
                     "minimum 20 JP", "Kota Palu (72.71)", path.model_sha256[:16],
                     pseudonym(workspace.get_meta("pseudonym_key"), "DEMO-001")):
        assert expected in text, expected
    for step in path.steps:
        assert step.module in text
    # reasons in the report's language: the planner's Indonesian wording
    assert path.steps[0].reasons[0].indonesian.split()[0] in text
    assert path.excluded[0].module in text
    assert "DEMO-001" not in text
    assert "Peserta Demo 01" not in text
    assert "P*** D*** 0***" in text


def test_unmasked_and_english(planned, tmp_path, qapp):
    workspace, _ = planned
    out = tmp_path / "plan.pdf"
    write_learner_pdf(workspace, "DEMO-002", out, unmask=True, lang="en")
    text = assert_pdf(out)
    for expected in ("Competency Development Plan", "Direct supervisor", "Modules not chosen",
                     "DEMO-002", "Peserta Demo 02 (sintetis)", "Chance of success (P)"):
        assert expected in text, expected
    assert "Rencana Pengembangan Kompetensi" not in text


def test_the_signature_block_stays_on_one_page(planned, tmp_path, qapp):
    """About one demo path in six would otherwise split the signatures over two pages."""
    workspace, paths = planned
    context = ReportContext.from_workspace(workspace, gaps=False)
    files = write_paths_pdf(paths.values(), tmp_path, context)
    for learner, out in zip(paths, files):
        pages = [squeeze(page) for page in pdf_pages(out)]
        last = [page for page in pages if "Persetujuan" in page]
        assert len(last) == 1, learner
        assert last[0].count("NIP:") == 2 and last[0].count("Tanggal:") == 2, learner
        assert "Atasan Langsung" in last[0]
        assert f"halaman {len(pages)} dari {len(pages)}" in pages[-1]


def test_a_path_below_the_minimum_says_why(tmp_path, qapp):
    path = LearnerPath(
        "199001012015011001", "analis-kebijakan", "81.08",
        (PathStep("PB-101", "Dasar <Kebencanaan> & Mitigasi", 1, 12, "klasikal", 0.81, 0.92,
                  ("closes gap in PB-KAJI 0→2", "gempa_bumi risk 0.92 in 81.08")),),
        (Exclusion("DATA-301", "needs high connectivity; 81.08 has none"),
         Exclusion("DATA-201", "needs low connectivity; 81.08 has none")),
        expected_value=0.92, model_name="default", model_sha256="0123456789abcdef" * 4)
    out = tmp_path / "below.pdf"
    write_path_pdf(path, out)
    text = assert_pdf(out)
    assert ("hanya 12 JP modul yang dapat diikuti (minimum 20 JP): tanpa internet (2 modul)"
            in text)
    assert "di bawah minimum" in text
    assert "Dasar <Kebencanaan> & Mitigasi" in text  # escaped in HTML, printed as written
    assert "closes gap in PB-KAJI 0→2" in text
    assert "199001012015011001" not in text  # no name, no label: the NIP is masked
    assert "19**************01" in text
    html = path_html(path)
    assert "&lt;Kebencanaan&gt; &amp;" in html
    named = tmp_path / "named.pdf"
    write_path_pdf(path, named, learner_name="Budi Santoso", learner_label="ANON-1")
    assert "Budi Santoso" in assert_pdf(named)


def test_one_pdf_per_learner_named_by_pseudonym(planned, tmp_path, qapp):
    workspace, paths = planned
    chosen = [paths[learner] for learner in ("DEMO-003", "DEMO-010")]
    context = ReportContext.from_workspace(workspace, gaps=False)
    written = write_paths_pdf(chosen, tmp_path / "out", context)
    key = workspace.get_meta("pseudonym_key")
    assert [p.name for p in written] == [f"{pseudonym(key, p.learner)}.pdf" for p in chosen]
    for file in written:
        assert_pdf(file)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in written)

    files = write_workspace_pdfs(workspace, tmp_path / "open", ["DEMO-004"], unmask=True)
    assert [p.name for p in files] == ["DEMO-004.pdf"]


def test_refusals_leave_nothing_behind(planned, tmp_path, qapp):
    workspace, paths = planned
    with pytest.raises(CurriculumError, match="no stored path"):
        write_learner_pdf(workspace, "NOBODY", tmp_path / "x.pdf")
    with pytest.raises(CurriculumError, match=r"\.pdf"):
        write_path_pdf(paths["DEMO-001"], tmp_path / "x.png")
    with pytest.raises(CurriculumError, match="no stored path"):
        write_workspace_pdfs(workspace, tmp_path / "dir", ["DEMO-001", "NOBODY"])
    with pytest.raises(CurriculumError, match="language"):
        write_path_pdf(paths["DEMO-001"], tmp_path / "x.pdf", lang="fr")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_keeps_the_previous_file(planned, tmp_path, qapp, monkeypatch):
    import curriculum_tool.gui.path_pdf as path_pdf

    workspace, paths = planned
    out = tmp_path / "keep.pdf"
    write_path_pdf(paths["DEMO-001"], out)
    before = out.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(path_pdf, "_render", broken)
    with pytest.raises(RuntimeError):
        write_path_pdf(paths["DEMO-002"], out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]
