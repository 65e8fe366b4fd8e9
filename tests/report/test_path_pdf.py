"""The printable path PDF: a real PDF, Indonesian by default, addressed to the learner
(name and NIP shown) when it is one learner's document, masked in bulk; a gap table with
competency names, the compulsory programmes, only the left-out modules that matter to
the learner, dates written out, and three signers."""

import datetime as dt
import html
import logging
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtGui")
QtPdf = pytest.importorskip("PySide6.QtPdf")

from curriculum_tool.catalog import create_workspace  # noqa: E402
from curriculum_tool.domain import Exclusion, LearnerPath, PathStep  # noqa: E402
from curriculum_tool.domain.paths import ObligationStep  # noqa: E402
from curriculum_tool.domain.reasons import Reason  # noqa: E402
from curriculum_tool.errors import CurriculumError  # noqa: E402
from curriculum_tool.gui.path_pdf import (  # noqa: E402
    write_learner_pdf,
    write_path_document,
    write_path_pdf,
    write_paths_pdf,
    write_workspace_pdfs,
)
from curriculum_tool.io.masking import mask_name, pseudonym  # noqa: E402
from curriculum_tool.recommend import PathOptions, Recommender  # noqa: E402
from curriculum_tool.recommend.batch import run_batch  # noqa: E402
from curriculum_tool.report.path_details import LearnerDetails  # noqa: E402
from curriculum_tool.report.path_document import path_html  # noqa: E402
from curriculum_tool.report.path_labels import date_text  # noqa: E402
from curriculum_tool.report.summary import ReportContext  # noqa: E402
from curriculum_tool.store.paths import load_paths  # noqa: E402

DAY = dt.date(2026, 12, 6)
#: Exclusions that are not the learner's to ask for: another audience, compulsory for others,
#: local to another region, about hazards their region does not have.
NOISE = {"outside_audience", "obligation_of_others", "local_elsewhere", "not_relevant"}


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


@pytest.fixture(scope="module")
def fresh(planned):
    """Every demo learner's path as the planner makes it (all left-out modules listed)."""
    workspace, _ = planned
    recommender = Recommender(workspace)
    paths = recommender.plan_rows(range(len(recommender.learners)), PathOptions())
    return {p.learner: p for p in paths}


@pytest.fixture(scope="module")
def records(planned):
    workspace, _ = planned
    return {learner.id: learner for learner in workspace.load("learners")}


def document(workspace, path, lang="id", unmask=True):
    """The HTML of one learner's document, with everything the workspace knows."""
    context = ReportContext.from_workspace(
        workspace, unmask=unmask, gaps=False, gap_table=[path.learner]
    )
    return path_html(path, lang=lang, details=LearnerDetails.from_context(context, path), today=DAY)


def section(text, heading, end="Persetujuan"):
    """The HTML between ``<h2>heading</h2>`` and the next ``<h2>end``."""
    assert f"<h2>{heading}</h2>" in text, heading
    return text.split(f"<h2>{heading}</h2>", 1)[1].split(f"<h2>{end}", 1)[0]


def listed_rows(part):
    """(module, whole row) of each table row in ``part`` that starts with a number; a row
    under a group heading (``<h3>``) also carries the sentence its group shares."""
    found = []
    for chunk in part.split("<h3>"):
        shared = " ".join(re.findall(r"<p class='sub'>(.*?)</p>", chunk))
        rows = re.findall(r"<tr><td class='num'>\d+</td><td>([^<]+)</td>(.*?)</tr>", chunk)
        found += [(module, f"{shared} {row}") for module, row in rows]
    return found


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


def independent_gaps(workspace, learner):
    """Competency → (level, target) where the target (the max of the position's job
    standard and the regional standards of the region and its parents) is above the
    learner's level, straight from the records."""
    regions = {r.code: r for r in workspace.load("regions")}
    record = next(x for x in workspace.load("learners") if x.id == learner)
    target = defaultdict(int)
    for standard in workspace.load("job_standards"):
        if standard.position == record.position:
            target[standard.competency] = max(target[standard.competency], standard.level)
    regional = defaultdict(dict)
    for standard in workspace.load("regional_standards"):
        regional[standard.region][standard.competency] = standard.level
    region = record.region
    while region is not None:
        for competency, level in regional[region].items():
            target[competency] = max(target[competency], level)
        region = regions[region].parent
    levels = dict(record.competencies)
    return {c: (levels.get(c, 0), t) for c, t in target.items() if t > levels.get(c, 0)}


def pengawas_without_pkp(workspace, records):
    """The demo learners in a pengawas position who have not completed PKP-201 (the
    pengawas obligation of catalog/obligations.csv)."""
    jenjang = {s.position: s.jenjang for s in workspace.load("job_standards")}
    owed = {o.module for o in workspace.load("obligations") if o.who == "pengawas"}
    assert "PKP-201" in owed
    return sorted(
        r.id
        for r in records.values()
        if jenjang.get(r.position) == "pengawas" and "PKP-201" not in r.completed
    )


# -- who the document is for -------------------------------------------------------------


def test_the_learners_document_shows_their_name_and_nip(
    planned, records, tmp_path, qapp, caplog, capsys
):
    workspace, paths = planned
    learner = next(r for r in records.values() if r.supervisor and r.id in paths)
    boss = records[learner.supervisor]
    out = tmp_path / "rencana.pdf"
    with caplog.at_level(logging.DEBUG):
        write_learner_pdf(workspace, learner.id, out)  # unmasked by default
    text = assert_pdf(out)
    path = paths[learner.id]
    for expected in (
        "Rencana Pengembangan Kompetensi",
        learner.name,
        f"NIP {learner.id}",
        learner.unit,
        boss.name,
        f"NIP {boss.id}",
        "Atasan Langsung",
        "Modul yang tidak dipilih",
        "Periode 1",
        "Peluang berhasil (P)",
        "PP 11/2017",
        f"{path.total_jp} JP dari anggaran {path.max_jp} JP",
        path.model_sha256[:16],
        "Kesenjangan kompetensi",
    ):
        assert expected in text, expected
    key = workspace.get_meta("pseudonym_key")
    assert pseudonym(key, learner.id) not in text
    assert mask_name(learner.name) not in text
    for step in path.steps:
        assert step.module in text
    # reasons in the report's language: the planner's Indonesian wording
    assert squeeze(path.steps[0].reasons[0].indonesian) in text
    # never logged, never printed
    logged = caplog.text + "".join(capsys.readouterr())
    assert learner.id not in logged and learner.name not in logged


def test_the_document_of_a_just_planned_path(planned, fresh, records, tmp_path, qapp):
    workspace, _ = planned
    path = fresh["DEMO-002"]
    out = tmp_path / "baru.pdf"
    write_path_document(workspace, path, out, today=DAY)
    text = assert_pdf(out)
    assert records["DEMO-002"].name in text and "NIP DEMO-002" in text
    assert "6 Desember 2026" in text
    masked = tmp_path / "samaran.pdf"
    write_path_document(workspace, path, masked, unmask=False)
    text = assert_pdf(masked)
    assert records["DEMO-002"].name not in text and "DEMO-002" not in text
    assert pseudonym(workspace.get_meta("pseudonym_key"), "DEMO-002") in text


def test_bulk_output_stays_masked(planned, records, tmp_path, qapp):
    workspace, _ = planned
    chosen = ["DEMO-003", "DEMO-010"]
    files = write_workspace_pdfs(workspace, tmp_path / "all", chosen)
    key = workspace.get_meta("pseudonym_key")
    assert sorted(p.name for p in files) == sorted(f"{pseudonym(key, x)}.pdf" for x in chosen)
    for learner in chosen:
        text = assert_pdf(tmp_path / "all" / f"{pseudonym(key, learner)}.pdf")
        assert "DEMO-" not in text
        assert not [r.name for r in records.values() if r.name in text]
        assert mask_name(records[learner].name) in text
        assert "Kesenjangan kompetensi" in text  # the workspace's gaps, masked or not
    opened = write_workspace_pdfs(workspace, tmp_path / "open", ["DEMO-004"], unmask=True)
    assert [p.name for p in opened] == ["DEMO-004.pdf"]
    assert records["DEMO-004"].name in assert_pdf(opened[0])


def test_english_document(planned, records, tmp_path, qapp):
    workspace, paths = planned
    out = tmp_path / "plan.pdf"
    write_learner_pdf(workspace, "DEMO-002", out, lang="en")
    text = assert_pdf(out)
    for expected in (
        "Competency Development Plan",
        "Direct supervisor",
        "Modules not chosen",
        "DEMO-002",
        records["DEMO-002"].name,
        "Chance of success (P)",
        "Competency gaps",
        "BKD officer",
    ):
        assert expected in text, expected
    assert "Rencana Pengembangan Kompetensi" not in text
    assert squeeze(str(paths["DEMO-002"].steps[0].reasons[0])) in text


# -- what the document says -------------------------------------------------------------


def test_the_gap_table_names_each_competency(planned, fresh):
    workspace, _ = planned
    names = {c.code: c.name for c in workspace.load("competencies")}
    for learner in ("DEMO-001", "DEMO-003", "DEMO-021"):
        path = fresh[learner]
        gaps = independent_gaps(workspace, learner)
        assert gaps
        table = section(document(workspace, path), "Kesenjangan kompetensi", "Periode")
        rows = re.findall(
            r"<tr><td class='num'>\d+</td><td>([^<]+)</td><td>([^<]+)</td>"
            r"<td class='mid'>(\d+)</td><td class='mid'>(\d+)</td>"
            r"<td class='mid'>([^<]+)</td><td>([^<]+)</td></tr>",
            table,
        )
        assert {code for code, *_ in rows} == set(gaps)
        reached = {}
        for step in path.steps:
            for reason in step.reasons:
                if reason.kind in ("closes_gap", "narrows_gap"):
                    code = reason.params["competency"]
                    reached[code] = max(reached.get(code, 0), reason.params["after"])
        for code, name, level, target, after, status in rows:
            assert html.unescape(name) == names[code]
            assert (int(level), int(target)) == gaps[code]
            if code in reached:
                assert int(after) == reached[code]
                assert status == ("tertutup" if reached[code] >= gaps[code][1] else "menyempit")
            else:
                assert status == "belum ditangani"
        assert any(status == "tertutup" for *_, status in rows)


def test_dates_are_written_out_in_indonesian(fresh, planned):
    assert date_text(DAY) == "6 Desember 2026"
    assert date_text(dt.date(2027, 1, 31)) == "31 Januari 2027"
    assert date_text(dt.date(2026, 8, 17)) == "17 Agustus 2026"
    assert date_text(DAY, "en") == "6 December 2026"
    workspace, _ = planned
    path = fresh["DEMO-003"]
    created = replace(path, created="2026-12-06T05:00:00+00:00")
    text = document(workspace, created)
    assert "<b>Disusun</b></td><td>6 Desember 2026</td>" in text
    assert "Kota Palu, 6 Desember 2026" in text  # the place and date of the signatures
    assert "2026-12-06" not in text
    assert "6 December 2026" in document(workspace, created, "en")


def test_three_signers(planned, records, fresh):
    workspace, _ = planned
    with_boss = next(r for r in records.values() if r.supervisor)
    without = next(r for r in records.values() if not r.supervisor)
    text = document(workspace, fresh[with_boss.id]).split("<h2>Persetujuan</h2>")[1]
    for role in ("Peserta", "Atasan Langsung", "Pejabat BKD / Pengelola Kepegawaian"):
        assert f"<b>{role}</b>" in text
    assert f"<b>{with_boss.name}</b>" in text and f"NIP {with_boss.id}" in text
    boss = records[with_boss.supervisor]
    assert f"<b>{boss.name}</b>" in text and f"NIP {boss.id}" in text
    assert text.count("(___") == 1  # only the BKD officer signs on a blank line
    alone = document(workspace, fresh[without.id]).split("<h2>Persetujuan</h2>")[1]
    assert alone.count("(___") == 2  # no atasan on record: a blank line for them too


def test_compulsory_programmes_of_a_pengawas(planned, fresh, records, tmp_path, qapp):
    workspace, _ = planned
    learners = pengawas_without_pkp(workspace, records)
    assert learners, "the demo needs a pengawas without PKP-201"
    module = next(m for m in workspace.load("modules") if m.code == "PKP-201")
    regulation = next(o.regulation for o in workspace.load("obligations") if o.module == "PKP-201")
    path = fresh[learners[0]]
    assert "PKP-201" in [o.module for o in path.obligations]
    assert "PKP-201" not in path.modules
    part = section(document(workspace, path), "Program wajib", "Modul yang tidak dipilih")
    assert "di luar anggaran JP tahunan" in part
    row = dict(listed_rows(part))["PKP-201"]
    assert html.escape(module.title, quote=True) in row
    assert f"<td class='num'>{module.jp}</td>" in row
    assert html.escape(regulation, quote=True) in row
    # outside the budget: the total is that of the steps alone
    assert path.total_jp <= path.max_jp < module.jp
    out = tmp_path / "pengawas.pdf"
    write_path_document(workspace, path, out)
    assert "Program wajib" in assert_pdf(out)
    other = next(p for p in fresh.values() if not p.obligations)
    assert "<h2>Program wajib</h2>" not in document(workspace, other)


def test_only_left_out_modules_that_matter_to_the_learner(planned, fresh):
    workspace, _ = planned
    teaches = {m.code: dict(m.competencies) for m in workspace.load("modules")}
    noisy = 0
    for learner, path in fresh.items():
        part = section(document(workspace, path), "Modul yang tidak dipilih")
        listed = {module for module, _ in listed_rows(part)}
        gaps = independent_gaps(workspace, learner)
        for excluded in path.excluded:
            root = excluded.reason.kind
            why = excluded.reason.params.get("why")
            if excluded.kind == "requires" and why:
                root = why["kind"]
            if excluded.kind in NOISE or root in NOISE:
                noisy += 1
                assert excluded.module not in listed, (learner, excluded.module)
        for module in listed:
            assert any(c in gaps and level > gaps[c][0] for c, level in teaches[module].items()), (
                learner,
                module,
            )
        kinds = {e.module: e.kind for e in path.excluded}
        groups = re.findall(r"<h3>([^<]+) \((\d+) modul\)</h3>", part)
        assert sum(int(n) for _, n in groups) == len(listed)
        assert len({label for label, _ in groups}) == len(groups)  # one group per kind
        assert listed <= set(kinds)
    assert noisy, "the demo has modules for other audiences"


def test_no_replacement_unless_it_is_in_the_path(planned, fresh):
    workspace, _ = planned
    seen = {True: 0, False: 0}
    for learner, path in fresh.items():
        for lang, word in (("id", "diganti"), ("en", "replaced by")):
            text = document(workspace, path, lang)
            rows = dict(
                listed_rows(
                    section(
                        text,
                        "Modul yang tidak dipilih" if lang == "id" else "Modules not chosen",
                        "Persetujuan" if lang == "id" else "Approval",
                    )
                )
            )
            replaced = 0
            for excluded in path.excluded:
                if excluded.kind != "offline_instead" or excluded.module not in rows:
                    continue
                instead = excluded.reason.params["instead"]
                row = rows[excluded.module]
                in_path = instead in path.modules
                assert instead in row
                assert (word in row) == in_path, (learner, excluded.module, row)
                replaced += in_path
                seen[in_path] += lang == "id"
            assert text.count(word) <= replaced, learner
            assert (word in text) == bool(replaced), learner
    assert seen[True] and seen[False], seen


def test_below_the_minimum_says_why_in_the_paths_own_words(planned, tmp_path, qapp):
    workspace, _ = planned
    recommender = Recommender(workspace)
    paths = recommender.plan_rows(
        range(len(recommender.learners)), PathOptions(max_jp=40, min_jp=40, periods=4)
    )
    below = [p for p in paths if p.below_minimum is not None]
    assert below
    for path in below[:3]:
        assert html.escape(path.below_minimum.indonesian, quote=True) in document(workspace, path)
        assert html.escape(str(path.below_minimum), quote=True) in document(workspace, path, "en")
    out = tmp_path / "kurang.pdf"
    write_path_document(workspace, below[0], out)
    assert squeeze(below[0].below_minimum.indonesian) in assert_pdf(out)


def test_a_hand_made_path_without_a_workspace(tmp_path, qapp):
    path = LearnerPath(
        "199001012015011001",
        "analis-kebijakan",
        "81.08",
        (
            PathStep(
                "PB-101",
                "Dasar <Kebencanaan> & Mitigasi",
                1,
                12,
                "klasikal",
                0.81,
                0.92,
                (
                    Reason.of(
                        "closes_gap",
                        competency="PB-KAJI",
                        competency_name="Pengkajian Risiko Bencana",
                        before=0,
                        after=2,
                    ),
                    "gempa_bumi risk 0.92 in 81.08",
                ),
            ),
        ),
        (
            Exclusion(
                "DATA-301",
                Reason.of(
                    "connectivity",
                    need="high",
                    have="none",
                    region="81.08",
                    region_name="Maluku Barat Daya",
                ),
            ),
            Exclusion(
                "PKN-501",
                Reason.of("outside_audience", audience=["jpt"], learner=["fungsional_ahli"]),
            ),
            Exclusion(
                "PB-102",
                Reason.of(
                    "offline_instead",
                    connectivity="none",
                    instead="PB-101",
                    instead_modality="klasikal",
                    region="81.08",
                    region_name="Maluku Barat Daya",
                ),
            ),
        ),
        expected_value=0.92,
        model_name="default",
        model_sha256="0123456789abcdef" * 4,
        obligations=(
            ObligationStep("PKP-201", "Pelatihan Kepemimpinan Pengawas", 290, "PerLAN 15/2019"),
        ),
        below_minimum=Reason.of("below_minimum_takeable", min_jp=20, available=12),
    )
    out = tmp_path / "below.pdf"
    write_path_pdf(path, out, today=DAY)
    text = assert_pdf(out)
    assert path.below_minimum.indonesian in text
    assert "di bawah minimum" in text
    assert "Dasar <Kebencanaan> & Mitigasi" in text  # escaped in HTML, printed as written
    assert "Pengkajian Risiko Bencana" in text  # the gap table from the step's reasons
    assert "gempa_bumi risk 0.92 in 81.08" in text  # a plain reason as it is
    assert "199001012015011001" not in text  # no name, no label: the NIP is masked
    assert "19**************01" in text
    assert "Program wajib" in text and "PKP-201" in text
    assert "diganti PB-101" in text  # PB-101 is a step of this path
    assert "PKN-501" not in text  # another audience's module
    assert "6 Desember 2026" in text
    markup = path_html(path)
    assert "&lt;Kebencanaan&gt; &amp;" in markup
    # a caller's own label: a pseudonym is said to be masked, the id itself is the NIP
    assert "<b>Identitas (disamarkan)</b></td><td>ANON-1<" in path_html(
        path, "B*** S***", learner_label="ANON-1"
    )
    own = path_html(path, "Budi Santoso", learner_label=path.learner)
    assert f"<b>NIP</b></td><td>{path.learner}<" in own and "disamarkan" not in own
    named = tmp_path / "named.pdf"
    write_path_pdf(path, named, learner_name="Budi Santoso", learner_label="ANON-1")
    assert "Budi Santoso" in assert_pdf(named)


# -- the file ----------------------------------------------------------------------------


def test_the_signature_block_stays_on_one_page(planned, tmp_path, qapp):
    """A fair share of the demo paths would otherwise split the signatures over two pages."""
    workspace, paths = planned
    context = ReportContext.from_workspace(workspace, gaps=False, gap_table=True)
    files = write_paths_pdf(paths.values(), tmp_path, context, today=DAY)
    for learner, out in zip(paths, files):
        pages = [squeeze(page) for page in pdf_pages(out)]
        last = [page for page in pages if "Persetujuan" in page]
        assert len(last) == 1, learner
        for role in (
            "Peserta",
            "Atasan Langsung",
            "Pejabat BKD / Pengelola Kepegawaian",
            "6 Desember 2026",
        ):
            assert role in last[0], (learner, role)
        assert f"halaman {len(pages)} dari {len(pages)}" in pages[-1]


def test_one_pdf_per_learner_named_by_pseudonym(planned, tmp_path, qapp):
    workspace, paths = planned
    chosen = [paths[learner] for learner in ("DEMO-003", "DEMO-010")]
    context = ReportContext.from_workspace(workspace, gaps=False)
    written = write_paths_pdf(chosen, tmp_path / "out", context)
    key = workspace.get_meta("pseudonym_key")
    assert [p.name for p in written] == [f"{pseudonym(key, p.learner)}.pdf" for p in chosen]
    for file in written:
        assert_pdf(file)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)


def test_refusals_leave_nothing_behind(planned, tmp_path, qapp):
    workspace, paths = planned
    with pytest.raises(CurriculumError, match="no stored path") as error:
        write_learner_pdf(workspace, "NOBODY", tmp_path / "x.pdf")
    assert "NOBODY" not in str(error.value)
    with pytest.raises(CurriculumError, match=r"\.pdf"):
        write_path_pdf(paths["DEMO-001"], tmp_path / "x.png")
    with pytest.raises(CurriculumError, match="no stored path"):
        write_workspace_pdfs(workspace, tmp_path / "dir", ["DEMO-001", "NOBODY"])
    with pytest.raises(CurriculumError, match="language"):
        write_path_pdf(paths["DEMO-001"], tmp_path / "x.pdf", lang="fr")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_keeps_the_previous_file(planned, tmp_path, qapp, monkeypatch):
    import curriculum_tool.gui.path_pdf as path_pdf

    _workspace, paths = planned
    out = tmp_path / "keep.pdf"
    write_path_pdf(paths["DEMO-001"], out)
    before = out.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(path_pdf, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        write_path_pdf(paths["DEMO-002"], out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_the_report_command_addresses_the_document_to_the_learner(planned, tmp_path, capsys):
    """``report --learner`` shows the learner's name and NIP; ``--mask`` hides them."""
    from curriculum_tool.cli import main

    workspace, _ = planned
    named, masked = tmp_path / "named.pdf", tmp_path / "masked.pdf"
    assert main(["report", workspace.target, "--learner", "DEMO-003", "--out", str(named)]) == 0
    assert (
        main(["report", workspace.target, "--learner", "DEMO-003", "--out", str(masked), "--mask"])
        == 0
    )
    text = squeeze(" ".join(pdf_pages(named)))
    assert "Peserta Demo 03 (sintetis)" in text and "DEMO-003" in text
    hidden = squeeze(" ".join(pdf_pages(masked)))
    assert "Peserta Demo 03" not in hidden and "DEMO-003" not in hidden
    assert "DEMO-003" not in capsys.readouterr().out  # never echoed
