"""The graph's sentences in both languages: lint findings, the report's lines, the impact
of an edit and the graph's refusals carry their Indonesian, and their English is the
text the command line has always printed."""

import pickle
import re

import pytest

from curriculum_tool.domain import (
    Competency,
    JobStandard,
    Module,
    Prerequisite,
    Region,
    RegionalStandard,
)
from curriculum_tool.errors import CurriculumError, CycleError, describe
from curriculum_tool.graph import PathChange, PrerequisiteGraph, lint
from curriculum_tool.graph.edits import apply_edits, check_edit
from curriculum_tool.graph.lint import RULES, Chain, LintReport
from curriculum_tool.messages import Message

REGIONS = (
    Region("72", "Sulawesi Tengah", None, (), "low"),
    Region("72.71", "Kota Palu", "72", (), "low"),
    Region("31", "DKI Jakarta", None, (), "high"),
)
COMPETENCIES = (Competency("C", "Kompetensi C", "teknis"),)
#: English words no Indonesian sentence of lint should keep.
ENGLISH = re.compile(
    r"\b(the|is|of|and|or|to|in|no|which|requires?|needs?|learners?|modules?|region|"
    r"position|edge|approved|review|draft|high|connectivity|fix|error|warning|more|steps?)\b"
)


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


@pytest.fixture(scope="module")
def every_rule() -> LintReport:
    """A graph breaking every rule but the cycle (which stops the acyclic ones)."""
    modules = [
        mod("LOC", scope="72.71"),
        mod("NAT"),
        mod("JKT", scope="31"),
        mod("DRAFT", status="review"),
        mod("APP"),
        mod("ORPHAN", competencies=()),
        mod("NEW", competencies=(("X", 1),), scope="99"),
        mod("FAST", scope="72.71", min_connectivity="high"),
        mod("AFTER", scope="72.71"),
        mod("TOP", competencies=(("C", 2),)),
    ]
    edges = [
        Prerequisite("NAT", "LOC"),
        Prerequisite("JKT", "LOC"),
        Prerequisite("APP", "DRAFT"),
        Prerequisite("APP", "NAT", "soft"),
        Prerequisite("APP", "GONE", "soft"),
        Prerequisite("NAT", "TOP"),
        Prerequisite("APP", "TOP", "soft"),
        Prerequisite("AFTER", "FAST"),
    ]
    standards = [JobStandard(f"analis-{i}", "Analis", "C", 4) for i in range(4)]
    return lint(
        PrerequisiteGraph(modules, edges),
        competencies=COMPETENCIES,
        regions=REGIONS,
        job_standards=standards,
        regional_standards=[RegionalStandard("72", "C", 3)],
    )


def test_every_rule_is_found(every_rule):
    assert {f.rule for f in every_rule.findings} == set(RULES) - {"cycle"}


def test_each_finding_says_its_message_and_fix_in_indonesian(every_rule):
    for finding in every_rule.findings:
        for message in (finding.message, finding.fix):
            assert isinstance(message, Message) and message.kind.startswith("graph.lint:")
            assert message.indonesian != str(message)
            assert not ENGLISH.findall(message.indonesian), (finding.rule, message.indonesian)


def test_nested_parts_follow_the_language(every_rule):
    """A status, a connectivity, who needs a level: in Indonesian inside Indonesian."""
    by_rule = {f.rule: f for f in every_rule.findings}
    unapproved = by_rule["unapproved-prerequisite"].message
    assert "which is review" in unapproved and "berstatus ditinjau" in unapproved.indonesian
    untaught = by_rule["untaught-level"].message
    assert "position analis-0, position analis-1, position analis-2 and 2 more" in untaught
    assert "jabatan analis-0, jabatan analis-1, jabatan analis-2 dan 2 lainnya" in (
        untaught.indonesian
    )
    unreachable = [f.message for f in every_rule.findings if f.rule == "unreachable-module"]
    assert any("konektivitas tinggi" in m.indonesian for m in unreachable)
    redundant = by_rule["redundant-edge"].message
    assert redundant.startswith("soft edge") and redundant.indonesian.startswith(
        "prasyarat anjuran"
    )


def test_a_cycle_finding_in_indonesian():
    [finding] = lint(PrerequisiteGraph([mod("A"), mod("B")], [Prerequisite("A", "A")])).findings
    assert finding.rule == "cycle"
    assert finding.message == "prerequisite cycle A → A"
    assert finding.message.indonesian == "siklus prasyarat A → A"
    assert "tidak ada peserta" in finding.fix.indonesian


def test_report_lines_in_indonesian_and_english_unchanged(every_rule):
    text = every_rule.to_text()
    assert isinstance(text, Message)
    english, indonesian = str(text).splitlines(), text.indonesian.splitlines()
    assert len(english) == len(indonesian) == 2 * len(every_rule.findings) + 3
    assert english[-3].endswith(f"{len(every_rule.warnings)} warnings")
    assert indonesian[-3] == (
        f"{every_rule.modules} modul, {every_rule.edges} prasyarat: "
        f"{len(every_rule.errors)} galat, {len(every_rule.warnings)} peringatan"
    )
    assert indonesian[-2].startswith("rantai prasyarat wajib terpanjang menurut JP: ")
    first = every_rule.findings[0]
    assert english[:2] == str(first).splitlines()
    assert indonesian[0].startswith("galat ") and first.message.indonesian in indonesian[0]
    assert indonesian[1].strip() == f"perbaikan: {first.fix.indonesian}"


def test_numbers_are_written_in_each_language_s_style():
    report = LintReport(modules=5000, edges=20000, longest_by_jp=Chain(("A",), 1200))
    assert str(report.summary()) == "5000 modules, 20000 prerequisite edges: 0 errors, 0 warnings"
    assert report.summary().indonesian == "5.000 modul, 20.000 prasyarat: 0 galat, 0 peringatan"
    assert str(report.longest_by_jp) == "1200 JP in 1 step (A)"
    assert report.longest_by_jp.text().indonesian == "1.200 JP dalam 1 langkah (A)"


def test_json_keeps_plain_english_strings(every_rule):
    for item, finding in zip(every_rule.to_json()["findings"], every_rule.findings, strict=True):
        assert type(item["message"]) is str and item["message"] == str(finding.message)
        assert type(item["fix"]) is str and item["fix"] == str(finding.fix)


def test_a_finding_crosses_a_process_boundary_intact(every_rule):
    finding = every_rule.findings[0]
    copy = pickle.loads(pickle.dumps(finding))
    assert copy == finding
    assert copy.message.indonesian == finding.message.indonesian
    assert copy.fix.kind == finding.fix.kind


# -- the impact of an edit -----------------------------------------------------------------


def test_path_change_is_described_in_indonesian():
    change = PathChange("L1", ("D",), ("E",), ("B",), 30, 44, 40)
    said = change.describe()
    assert said == "adds D; removes E; moves earlier B; +14 JP (30 → 44); over the 40 JP budget"
    assert said.indonesian == (
        "menambah D; menghapus E; memajukan B; total JP +14 (30 → 44); melebihi anggaran 40 JP"
    )


# -- refusals ------------------------------------------------------------------------------


@pytest.fixture
def chain() -> PrerequisiteGraph:
    return PrerequisiteGraph(
        [mod("A"), mod("B"), mod("C")], [Prerequisite("B", "A"), Prerequisite("C", "B")]
    )


def test_a_cycle_is_refused_in_indonesian(chain):
    with pytest.raises(CycleError) as info:
        chain.add_edge("A", "C")
    assert describe(info.value, "en") == (
        "A cannot require C: that closes the prerequisite cycle A → C → B → A"
    )
    assert describe(info.value, "id") == (
        "A tidak dapat memerlukan C karena membentuk siklus prasyarat A → C → B → A"
    )


@pytest.mark.parametrize(
    ("edit", "indonesian"),
    [
        (lambda g: g.add_edge("A", "B", "medium"), "jenis prasyarat harus salah satu dari"),
        (lambda g: g.add_edge("A", "Q"), "modul 'Q' tidak dikenal"),
        (lambda g: g.remove_edge("A", "C"), "A tidak memerlukan C"),
        (lambda g: check_edit(g, "A", "B", None), "A tidak memerlukan B"),
        (lambda g: g.module("Q"), "modul 'Q' tidak dikenal"),
    ],
)
def test_every_refusal_of_an_edit_is_indonesian(chain, edit, indonesian):
    with pytest.raises(CurriculumError) as info:
        edit(chain)
    assert indonesian in describe(info.value, "id")
    assert describe(info.value, "id") != describe(info.value, "en")


def test_edits_left_out_are_named_in_both_languages(chain):
    refused = apply_edits(
        chain, [], [Prerequisite("A", "C"), Prerequisite("A", "Q", "soft")], skip_refused=True
    )
    assert refused == [
        "A → C: A cannot require C: that closes the prerequisite cycle A → C → B → A",
        "A → Q: unknown module 'Q'",
    ]
    assert [m.indonesian for m in refused] == [
        "A → C ditolak: A tidak dapat memerlukan C karena membentuk siklus prasyarat A → C → B → A",
        "A → Q ditolak: modul 'Q' tidak dikenal",
    ]
