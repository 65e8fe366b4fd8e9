"""The agency summary workbook: sheets, columns, values, masking, shortfall reasons,
compulsory programmes; reasons are read by kind, never by their English text."""

import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Exclusion, LearnerPath, PathStep
from curriculum_tool.domain.paths import ObligationStep
from curriculum_tool.domain.reasons import KINDS, Reason
from curriculum_tool.errors import CurriculumError
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.recommend import PathOptions, Recommender
from curriculum_tool.recommend.batch import run_batch
from curriculum_tool.report.summary import (
    BLOCKING_KINDS,
    KIND_LABELS,
    LEARNER_COLUMNS,
    MODULE_COLUMNS,
    OVERVIEW_COLUMNS,
    REGION_COLUMNS,
    SHEETS,
    ReportContext,
    agency_summary,
    competency_gaps,
    exclusion_kind,
    kind_label,
    learner_gaps,
    root_kind,
    shortfall_reason,
    write_agency_summary,
)
from curriculum_tool.store.paths import load_paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """The default catalog's workspace with a stored path for every demo learner."""
    folder = tmp_path_factory.mktemp("summary")
    workspace = create_workspace(folder / "w.sqlite")
    run_batch(workspace, folder / "b.csv")
    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    yield workspace, paths
    workspace.close()


def sheets(path):
    """Each sheet of a workbook as (header, rows of dicts)."""
    book = load_workbook(path, read_only=True)
    result = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        result[sheet.title] = (header, [dict(zip(header, row)) for row in rows[1:]])
    book.close()
    return result


def all_cells(path):
    book = load_workbook(path, read_only=True)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    book.close()
    return cells


def overview(rows):
    return {row["Indikator"]: row["Nilai"] for row in rows}


def path_of(
    learner, steps=(), excluded=(), min_jp=20, region="81.08", obligations=(), below_minimum=None
):
    return LearnerPath(
        learner,
        "analis-kebijakan",
        region,
        tuple(steps),
        tuple(excluded),
        expected_value=1.5,
        min_jp=min_jp,
        model_name="default",
        model_sha256="ab" * 32,
        created="2025-01-02T03:04:05+00:00",
        obligations=tuple(obligations),
        below_minimum=below_minimum,
    )


def step(module, jp, p=0.8, value=0.5):
    return PathStep(module, f"Judul {module}", 1, jp, "klasikal", p, value, ("reason",))


def test_workbook_has_four_sheets_with_indonesian_headers(planned, tmp_path):
    workspace, paths = planned
    out = tmp_path / "ringkasan.xlsx"
    assert write_agency_summary(workspace, out) == len(paths) == 41
    book = sheets(out)
    assert SHEETS == ("Ringkasan", "Per Pegawai", "Per Modul", "Per Wilayah")
    assert tuple(book) == (*SHEETS, "JP per Tahun")  # the JP ledger follows the summary
    assert book["Ringkasan"][0] == OVERVIEW_COLUMNS
    assert book["Per Pegawai"][0] == LEARNER_COLUMNS
    assert book["Per Modul"][0] == MODULE_COLUMNS
    assert book["Per Wilayah"][0] == REGION_COLUMNS
    for column in (
        "Pegawai",
        "Jabatan",
        "Wilayah",
        "Total JP",
        "Minimum JP",
        "Jumlah Langkah",
        "Nilai Harapan",
        "Cakupan Kesenjangan",
        "Di Bawah Minimum",
        "Alasan Di Bawah Minimum",
    ):
        assert column in LEARNER_COLUMNS
    assert len(book["Per Pegawai"][1]) == len(paths)


def test_overview_and_per_learner_values(planned, tmp_path):
    workspace, paths = planned
    out = tmp_path / "s.xlsx"
    write_agency_summary(workspace, out)
    book = sheets(out)
    facts = overview(book["Ringkasan"][1])
    total = sum(p.total_jp for p in paths)
    assert facts["Jumlah pegawai"] == len(paths)
    assert facts["Total JP"] == total
    assert facts["Rata-rata JP per pegawai"] == pytest.approx(total / len(paths), abs=0.01)
    assert facts["Pegawai di bawah minimum JP"] == sum(p.total_jp < p.min_jp for p in paths)
    assert facts["Minimum JP per tahun (PP 11/2017)"] == "20"
    assert facts["Model"].startswith("default (sha256 ")
    key = workspace.get_meta("pseudonym_key")
    rows = {row["Pegawai"]: row for row in book["Per Pegawai"][1]}
    learners = {learner.id: learner for learner in workspace.load("learners")}
    gaps = independent_gaps(workspace)
    coverages = []
    for path in paths:
        row = rows[pseudonym(key, path.learner)]
        assert row["Total JP"] == path.total_jp
        assert row["Minimum JP"] == 20
        assert row["Jumlah Langkah"] == len(path.steps)
        assert row["Nilai Harapan"] == pytest.approx(path.expected_value, abs=1e-4)
        assert row["Jabatan"] == path.position == learners[path.learner].position
        assert row["Wilayah"] == path.region == learners[path.learner].region
        assert row["Nama Wilayah"]  # from the workspace's regions
        assert row["Total Kesenjangan"] == gaps[path.learner]
        assert gaps[path.learner] > 0
        coverage = path.expected_value / gaps[path.learner]
        assert row["Cakupan Kesenjangan"] == pytest.approx(coverage, abs=1e-4)
        assert 0 < row["Cakupan Kesenjangan"] <= 1
        coverages.append(coverage)
        assert row["Di Bawah Minimum"] == "tidak"
        assert not row["Alasan Di Bawah Minimum"]
    assert facts["Rata-rata cakupan kesenjangan"] == pytest.approx(
        sum(coverages) / len(coverages), abs=1e-4
    )


def independent_gaps(workspace):
    """Σ_c max(0, target − level), contract §3, straight from the records."""
    regions = {r.code: r for r in workspace.load("regions")}
    jobs = defaultdict(dict)
    for standard in workspace.load("job_standards"):
        jobs[standard.position][standard.competency] = standard.level
    regional = defaultdict(dict)
    for standard in workspace.load("regional_standards"):
        regional[standard.region][standard.competency] = standard.level
    gaps = {}
    for learner in workspace.load("learners"):
        target = dict(jobs[learner.position])
        region = learner.region
        while region is not None:
            for competency, level in regional[region].items():
                target[competency] = max(target.get(competency, 0), level)
            region = regions[region].parent
        levels = dict(learner.competencies)
        gaps[learner.id] = sum(max(0, level - levels.get(c, 0)) for c, level in target.items())
    return gaps


def test_learner_gaps_follow_the_contract(planned):
    workspace, _ = planned
    assert learner_gaps(workspace) == pytest.approx(independent_gaps(workspace))


def test_per_module_and_per_region_sheets(planned, tmp_path):
    workspace, paths = planned
    out = tmp_path / "s.xlsx"
    write_agency_summary(workspace, out)
    book = sheets(out)
    modules = {row["Modul"]: row for row in book["Per Modul"][1]}
    having = Counter(s.module for p in paths for s in p.steps)
    jp = {s.module: s.jp for p in paths for s in p.steps}
    titles = {m.code: m.title for m in workspace.load("modules")}
    for module, count in having.items():
        assert modules[module]["Jumlah Pegawai"] == count
        assert modules[module]["Total JP"] == count * jp[module]
        assert modules[module]["Judul"] == titles[module]
    listed = [row["Jumlah Pegawai"] for row in book["Per Modul"][1]]
    assert listed == sorted(listed, reverse=True)
    blocked = [row for row in book["Per Modul"][1] if row["Tidak Dapat Diikuti (Pegawai)"]]
    assert blocked and all(row["Alasan Utama Tidak Dapat Diikuti"] for row in blocked)
    # blocked means the learner cannot take it: not another audience's module, not the
    # planner's choice
    assert not BLOCKING_KINDS & {
        "outside_audience",
        "obligation_of_others",
        "obligation",
        "not_relevant",
        "completed",
        "offline_instead",
    }
    assert not [k for k in BLOCKING_KINDS if k.startswith("not_selected")]
    cannot = Counter(e.module for p in paths for e in p.excluded if e.kind in BLOCKING_KINDS)
    for module, count in cannot.items():
        assert modules[module]["Tidak Dapat Diikuti (Pegawai)"] == count
    labels = {labels["id"] for labels in KIND_LABELS.values()}
    assert {row["Alasan Utama Tidak Dapat Diikuti"] for row in blocked} <= labels

    regions = {row["Wilayah"]: row for row in book["Per Wilayah"][1]}
    by_region = defaultdict(list)
    for path in paths:
        by_region[path.region].append(path.total_jp)
    assert set(regions) == set(by_region)
    for region, totals in by_region.items():
        assert regions[region]["Jumlah Pegawai"] == len(totals)
        assert regions[region]["Total JP"] == sum(totals)
        assert regions[region]["Rata-rata JP"] == pytest.approx(sum(totals) / len(totals), abs=0.01)
        assert regions[region]["Di Bawah Minimum"] == 0
    assert regions["72.71"]["Nama Wilayah"] == "Kota Palu"


def test_personal_data_is_masked_by_default(planned, tmp_path):
    workspace, _paths = planned
    out = tmp_path / "masked.xlsx"
    write_agency_summary(workspace, out)
    cells = all_cells(out)
    names = [learner.name for learner in workspace.load("learners")]
    assert not [c for c in cells if "DEMO-" in c]
    assert not [c for c in cells if any(name in c for name in names)]
    rows = sheets(out)["Per Pegawai"][1]
    assert all(row["Pegawai"].startswith("ANON-") for row in rows)
    assert all("***" in row["Nama"] for row in rows)
    assert overview(sheets(out)["Ringkasan"][1])["Identitas pegawai"].startswith("disamarkan")


def test_unmask_shows_ids_and_names(planned, tmp_path):
    workspace, paths = planned
    out = tmp_path / "open.xlsx"
    write_agency_summary(workspace, out, unmask=True)
    rows = {row["Pegawai"]: row for row in sheets(out)["Per Pegawai"][1]}
    assert set(rows) == {p.learner for p in paths}
    assert rows["DEMO-001"]["Nama"] == "Peserta Demo 01 (sintetis)"


def test_the_same_paths_give_the_same_bytes(planned, tmp_path):
    workspace, _ = planned
    write_agency_summary(workspace, tmp_path / "a.xlsx")
    write_agency_summary(workspace, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


WHERE = {"region": "81.08", "region_name": "Kabupaten Maluku Barat Daya"}


def connectivity(need, have="none"):
    return Reason.of("connectivity", need=need, have=have, **WHERE)


def test_every_left_out_kind_has_a_label_in_both_languages(planned):
    workspace, _ = planned
    recommender = Recommender(workspace)  # every left-out module, passed-over ones too
    rows = range(len(recommender.learners))
    paths = recommender.plan_rows(rows, PathOptions(excluded="all")) + recommender.plan_rows(
        rows, PathOptions(max_jp=40, min_jp=40, periods=4)
    )
    kinds = Counter(e.kind for p in paths for e in p.excluded)
    assert "" not in kinds
    assert set(kinds) <= set(KIND_LABELS) - {"other"}, set(kinds) - set(KIND_LABELS)
    for kind in kinds:
        assert (
            exclusion_kind(
                Reason.of(
                    kind,
                    **next(e.reason.params for p in paths for e in p.excluded if e.kind == kind),
                )
            )
            == kind
        )
    # every left-out kind the reasons module defines has a label, distinct per language
    left_out = {
        kind
        for kind in KINDS
        if kind
        not in {
            "closes_gap",
            "narrows_gap",
            "regional_standard",
            "rung",
            "adds_chance",
            "unlocks",
            "literacy_first",
            "raises_literacy",
            "fills_minimum",
            "no_value",
            "modality_online",
            "modality_offline",
            "modality_low",
            "modality",
            "hazard_risk",
            "below_minimum_takeable",
            "below_minimum_fit",
        }
    }
    assert left_out <= set(KIND_LABELS), left_out - set(KIND_LABELS)
    for kind, labels in KIND_LABELS.items():
        assert labels["id"] and labels["en"] and kind_label(kind, "en") == labels["en"]
    assert len({labels["id"] for labels in KIND_LABELS.values()}) == len(KIND_LABELS)
    # the label of an offline alternative never claims the module was replaced
    assert "diganti" not in kind_label("offline_instead")


def test_reports_read_the_kind_not_the_english_text():
    lying = Reason("needs low connectivity; 81.08 has none", "memerlukan …", "not_approved")
    assert exclusion_kind(lying) == "not_approved"
    assert exclusion_kind("needs low connectivity; 81.08 has none") == "other"  # no kind
    path = path_of(
        "NIP-1",
        [step("A-101", 12)],
        [Exclusion("B-101", lying), Exclusion("B-102", "needs high connectivity; 81.08 has none")],
    )
    reason = shortfall_reason(path)
    assert reason.endswith(": belum disetujui (1 modul)")
    assert "konektivitas" not in reason and "internet" not in reason


def test_requires_is_filed_under_the_prerequisites_own_kind():
    why = connectivity("high")
    requires = Reason.of("requires", module="B-102", why=why.nested())
    assert exclusion_kind(requires) == "requires"
    assert root_kind(requires) == "connectivity"
    deeper = Reason.of("requires", module="B-103", why=requires.nested())
    assert root_kind(deeper) == "connectivity"
    audience = Reason.of(
        "requires",
        module="B-104",
        why=Reason.of("outside_audience", audience=["jpt"], learner=["pelaksana"]).nested(),
    )
    assert root_kind(audience) == "outside_audience"
    path = path_of(
        "NIP-1",
        [step("A-101", 4)],
        [
            Exclusion("B-102", why),
            Exclusion("B-103", requires),
            Exclusion("B-104", deeper),
            Exclusion("B-105", audience),
        ],
    )
    # three modules blocked by no internet; the one behind another audience is a
    # prerequisite that cannot be taken
    assert shortfall_reason(path).endswith(
        ": tanpa internet (3 modul), prasyarat tidak dapat diikuti (1 modul)"
    )
    frames = agency_summary([path], context=ReportContext(pseudonym_key="k"))
    row = frames["Per Pegawai"].iloc[0]
    assert row["Modul Tidak Dapat Diikuti"] == 4
    modules = frames["Per Modul"].set_index("Modul")
    assert modules.loc["B-103", "Alasan Utama Tidak Dapat Diikuti"] == kind_label("connectivity")
    assert modules.loc["B-105", "Alasan Utama Tidak Dapat Diikuti"] == kind_label("requires")


def test_learners_below_the_minimum_get_the_paths_own_reason(planned):
    workspace, _ = planned
    recommender = Recommender(workspace)
    options = PathOptions(max_jp=40, min_jp=40, periods=4)
    paths = recommender.plan_rows(range(len(recommender.learners)), options)
    below = [p for p in paths if p.total_jp < p.min_jp]
    assert below, "the demo needs learners below a 40 JP minimum in 4 periods"
    assert {p.below_minimum.kind for p in below} == {"below_minimum_takeable", "below_minimum_fit"}
    context = ReportContext.from_workspace(workspace)
    frames = agency_summary(paths, context=context)
    rows = {row["Pegawai"]: row for row in frames["Per Pegawai"].to_dict("records")}
    for path in paths:
        row = rows[context.learner_label(path.learner)]
        if path.total_jp < path.min_jp:
            assert path.below_minimum is not None
            assert row["Di Bawah Minimum"] == "ya"
            assert row["Alasan Di Bawah Minimum"].startswith(path.below_minimum.indonesian)
            assert shortfall_reason(path, "en").startswith(str(path.below_minimum))
        else:
            assert path.below_minimum is None
            assert row["Di Bawah Minimum"] == "tidak"
            assert row["Alasan Di Bawah Minimum"] == ""
    facts = overview(frames["Ringkasan"].to_dict("records"))
    assert facts["Pegawai di bawah minimum JP"] == len(below)
    regions = frames["Per Wilayah"]
    assert regions["Di Bawah Minimum"].sum() == len(below)


def test_shortfall_reason_counts_blockers_by_kind():
    alternative = {
        "instead": "A-101",
        "instead_modality": "klasikal",
        "instead_teaches": ["Integritas"],
    }
    excluded = [
        Exclusion(
            "B-101", Reason.of("connectivity", need="low", have="none", **WHERE, **alternative)
        ),
        Exclusion("B-102", connectivity("high")),
        Exclusion(
            "B-103", Reason.of("requires", module="B-102", why=connectivity("high").nested())
        ),
        Exclusion("B-104", Reason.of("digital_literacy", need=2, have=0)),
        Exclusion(
            "B-105", Reason.of("local_elsewhere", scope="72", scope_name="Sulawesi Tengah", **WHERE)
        ),
        Exclusion("B-106", Reason.of("not_approved")),
        Exclusion("B-107", Reason.of("not_selected_covered")),  # a choice: not a blocker
        Exclusion(
            "B-108", Reason.of("outside_audience", audience=["jpt"], learner=["pelaksana"])
        ),  # not for the learner
    ]
    path = path_of("NIP-1", [step("A-101", 8), step("A-102", 4)], excluded)
    assert path.total_jp == 12 and path.below_minimum is None
    assert shortfall_reason(path) == (
        "hanya 12 JP modul yang dapat diikuti (minimum 20 JP): tanpa internet (3 modul), "
        "literasi digital peserta level 0 (1 modul), modul lokal daerah lain (1 modul), "
        "belum disetujui (1 modul)"
    )
    assert shortfall_reason(path, "en").startswith(
        "only 12 JP of takeable modules (minimum 20 JP): no internet (3 modules), "
    )
    low = path_of(
        "NIP-2",
        [step("A-101", 12)],
        [
            Exclusion("B-101", connectivity("low", "low")),
            Exclusion("B-102", connectivity("high", "low")),
        ],
    )
    assert shortfall_reason(low) == (
        "hanya 12 JP modul yang dapat diikuti (minimum 20 JP): konektivitas rendah (2 modul)"
    )
    assert shortfall_reason(path_of("NIP-3", [step("A-101", 20)])) == ""
    assert "katalog tidak memiliki cukup modul" in shortfall_reason(path_of("NIP-4"))

    # the path's own reason comes first, the blockers after it
    why = Reason.of("below_minimum_takeable", min_jp=20, available=12)
    stated = path_of("NIP-5", [step("A-101", 8), step("A-102", 4)], excluded, below_minimum=why)
    assert shortfall_reason(stated) == (
        f"{why.indonesian}. Penghambat: tanpa internet (3 modul), literasi digital peserta "
        "level 0 (1 modul), modul lokal daerah lain (1 modul), belum disetujui (1 modul)"
    )
    assert shortfall_reason(stated, "en").startswith(f"{why}. Blocked by: no internet")
    alone = path_of("NIP-6", [step("A-101", 12)], below_minimum=why)
    assert shortfall_reason(alone) == why.indonesian
    budget = path_of(
        "NIP-7",
        [step("A-101", 12)],
        [Exclusion("B-101", Reason.of("not_selected_budget", jp=30, max_jp=20, left=8))],
        below_minimum=Reason.of("below_minimum_fit", min_jp=20, max_jp=20, periods=1),
    )
    assert shortfall_reason(budget).endswith("Penghambat: melebihi anggaran JP (1 modul)")


def obligations_owed(workspace):
    """Learner id → the compulsory programmes they have not completed, from the records:
    those of their status and of their position's jenjang."""
    jenjang = {s.position: s.jenjang for s in workspace.load("job_standards")}
    duties = defaultdict(list)
    for obligation in workspace.load("obligations"):
        duties[obligation.who].append(obligation.module)
    owed = {}
    for learner in workspace.load("learners"):
        holders = {learner.status, jenjang.get(learner.position)}
        owed[learner.id] = sorted(
            m for who in holders for m in duties.get(who, []) if m not in learner.completed
        )
    return owed


def test_outstanding_compulsory_programmes_are_listed(planned, tmp_path):
    workspace, paths = planned
    out = tmp_path / "wajib.xlsx"
    write_agency_summary(workspace, out)
    book = sheets(out)
    # the columns officers' sheets already read stay, in their order; the new ones follow
    assert book["Per Pegawai"][0] == (
        "Pegawai",
        "Nama",
        "Jabatan",
        "Nama Jabatan",
        "Wilayah",
        "Nama Wilayah",
        "Total JP",
        "Minimum JP",
        "Jumlah Langkah",
        "Nilai Harapan",
        "Total Kesenjangan",
        "Cakupan Kesenjangan",
        "Di Bawah Minimum",
        "Alasan Di Bawah Minimum",
        "Modul Tidak Dapat Diikuti",
        "Model",
        "Dibuat",
        "Program Wajib Belum Diikuti",
        "JP Program Wajib",
    )
    assert book["Per Modul"][0][:-1] == (
        "Modul",
        "Judul",
        "Modalitas",
        "JP",
        "Jumlah Pegawai",
        "Total JP",
        "Rata-rata Peluang Berhasil",
        "Tidak Dapat Diikuti (Pegawai)",
        "Alasan Utama Tidak Dapat Diikuti",
    )
    key = workspace.get_meta("pseudonym_key")
    rows = {row["Pegawai"]: row for row in book["Per Pegawai"][1]}
    modules = {m.code: m for m in workspace.load("modules")}
    owed = obligations_owed(workspace)
    assert any(owed.values()), "the demo has learners with compulsory programmes"
    assert any(not v for v in owed.values())
    for path in paths:
        row = rows[pseudonym(key, path.learner)]
        listed = row["Program Wajib Belum Diikuti"] or ""
        for module in owed[path.learner]:
            assert f"{module} {modules[module].title}, {modules[module].jp} JP" in listed
        if not owed[path.learner]:
            assert not listed
        assert row["JP Program Wajib"] == sum(modules[m].jp for m in owed[path.learner])
        assert row["Total JP"] == path.total_jp  # outside the yearly budget
    facts = overview(book["Ringkasan"][1])
    assert facts["Pegawai dengan program wajib belum diikuti"] == sum(
        bool(owed[p.learner]) for p in paths
    )
    per_module = {row["Modul"]: row for row in book["Per Modul"][1]}
    counts = Counter(m for p in paths for m in owed[p.learner])
    for module, count in counts.items():
        assert per_module[module]["Wajib Belum Diikuti (Pegawai)"] == count
        assert per_module[module]["Judul"] == modules[module].title


def test_obligations_without_a_workspace():
    pkp = ObligationStep("PKP-201", "Pelatihan Kepemimpinan Pengawas (PKP)", 290, "PerLAN 15/2019")
    paths = [
        path_of("NIP-1", [step("A-101", 20)], obligations=[pkp]),
        path_of("NIP-2", [step("A-101", 20)]),
    ]
    frames = agency_summary(paths, context=ReportContext(pseudonym_key="k"))
    learners = frames["Per Pegawai"].set_index("Pegawai")
    assert learners.loc[pseudonym("k", "NIP-1"), "Program Wajib Belum Diikuti"] == (
        "PKP-201 Pelatihan Kepemimpinan Pengawas (PKP), 290 JP"
    )
    assert learners.loc[pseudonym("k", "NIP-1"), "JP Program Wajib"] == 290
    assert learners.loc[pseudonym("k", "NIP-2"), "Program Wajib Belum Diikuti"] == ""
    assert learners.loc[pseudonym("k", "NIP-2"), "JP Program Wajib"] == 0
    modules = frames["Per Modul"].set_index("Modul")
    assert modules.loc["PKP-201", "Wajib Belum Diikuti (Pegawai)"] == 1
    assert modules.loc["PKP-201", "JP"] == 290
    assert modules.loc["PKP-201", "Jumlah Pegawai"] == 0


def test_competency_gaps_add_up_to_the_learner_gaps(planned):
    workspace, _ = planned
    totals = independent_gaps(workspace)
    table = competency_gaps(workspace)
    names = {c.code: c.name for c in workspace.load("competencies")}
    assert set(table) == set(totals)
    for learner, gaps in table.items():
        assert sum(g.gap for g in gaps) == totals[learner]
        assert all(g.target > g.level and g.name == names[g.competency] for g in gaps)


def test_summary_of_paths_without_a_workspace():
    paths = [
        path_of("NIP-1", [step("A-101", 8), step("A-102", 4)]),
        path_of("NIP-2", [step("A-101", 8), step("A-103", 16)], region="72.71"),
    ]
    context = ReportContext(pseudonym_key="k", total_gaps={"NIP-1": 3.0, "NIP-2": 0.0})
    frames = agency_summary(paths, context=context)
    learners = frames["Per Pegawai"].set_index("Pegawai")
    one = learners.loc[pseudonym("k", "NIP-1")]
    assert one["Cakupan Kesenjangan"] == pytest.approx(0.5)
    assert one["Di Bawah Minimum"] == "ya"
    assert one["Nama"] == ""  # no learner record: nothing to show
    two = learners.loc[pseudonym("k", "NIP-2")]
    assert pd.isna(two["Cakupan Kesenjangan"])  # no gap: no coverage
    modules = frames["Per Modul"].set_index("Modul")
    assert modules.loc["A-101", "Jumlah Pegawai"] == 2
    assert modules.loc["A-101", "Total JP"] == 16
    assert next(iter(frames["Per Modul"]["Modul"])) == "A-101"


def test_empty_workspace_and_bad_suffix_are_refused(tmp_path, planned):
    empty = create_workspace(tmp_path / "empty.sqlite", empty=True)
    try:
        with pytest.raises(CurriculumError, match="no stored paths"):
            write_agency_summary(empty, tmp_path / "s.xlsx")
    finally:
        empty.close()
    workspace, _ = planned
    with pytest.raises(CurriculumError, match=r"\.xlsx"):
        write_agency_summary(workspace, tmp_path / "s.csv")
    assert not list(tmp_path.glob("s.*"))


def test_report_is_core_and_never_imports_qt():
    code = (
        "import sys\n"
        "import curriculum_tool.report, curriculum_tool.report.summary\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
