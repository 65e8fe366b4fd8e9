"""lint: every rule with a failing and a passing graph, chains, ordering, the JSON shape."""

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import (
    Competency,
    JobStandard,
    Module,
    Prerequisite,
    Region,
    RegionalStandard,
)
from curriculum_tool.graph import PrerequisiteGraph, lint, lint_workspace
from curriculum_tool.graph.lint import RULES

REGIONS = (
    Region("72", "Sulawesi Tengah", None, (), "low"),
    Region("72.71", "Kota Palu", "72", (), "low"),
    Region("31", "DKI Jakarta", None, (), "high"),
)
COMPETENCIES = (
    Competency("C", "Kompetensi C", "teknis"),
    Competency("D", "Kompetensi D", "manajerial"),
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


def run(modules, edges=(), regions=REGIONS, competencies=COMPETENCIES, **standards):
    """Lint ``modules`` (Module or code) with ``edges`` (module, requires[, kind])."""
    modules = [m if isinstance(m, Module) else mod(m) for m in modules]
    edges = [Prerequisite(*e) for e in edges]
    return lint(
        PrerequisiteGraph(modules, edges), competencies=competencies, regions=regions, **standards
    )


def found(report, rule):
    return [f for f in report.findings if f.rule == rule]


# -- cycle ---------------------------------------------------------------------------------


def test_cycle_is_an_error_naming_the_cycle_and_skips_acyclic_rules():
    report = run(
        "ABCD",
        [
            ("A", "B", "hard"),
            ("B", "C", "soft"),
            ("C", "A", "hard"),
            ("D", "A", "hard"),
            ("D", "B", "hard"),
        ],
    )
    [cycle] = found(report, "cycle")
    assert cycle.severity == "error"
    assert cycle.modules == ("A", "B", "C")
    assert cycle.message == "prerequisite cycle A → B → C → A"
    assert cycle.fix
    # redundancy (D → B is implied by D → A → B) and chains need an acyclic graph
    assert found(report, "redundant-edge") == []
    assert report.longest_by_jp.modules == () and report.longest_by_steps.modules == ()
    assert len(report.errors) == 1


def test_self_loop_is_a_cycle():
    report = run("AB", [("A", "A", "hard")])
    [cycle] = found(report, "cycle")
    assert cycle.modules == ("A",)
    assert cycle.message == "prerequisite cycle A → A"


def test_acyclic_graph_has_no_cycle_finding():
    report = run("ABC", [("A", "B", "hard"), ("B", "C", "soft")])
    assert found(report, "cycle") == []
    assert report.errors == []


# -- unknown-code --------------------------------------------------------------------------


def test_edge_to_unknown_module():
    report = run("A", [("A", "Z", "hard")])
    [finding] = found(report, "unknown-code")
    assert finding.severity == "error"
    assert finding.modules == ("A", "Z")
    assert finding.message == "prerequisite A → Z names unknown module Z"
    assert "Z" in finding.fix


def test_module_teaching_unknown_competency():
    report = run([mod("A", competencies=(("C", 1), ("NOPE", 2)))])
    [finding] = found(report, "unknown-code")
    assert finding.modules == ("A",)
    assert finding.message == "A teaches unknown competency NOPE"
    # without a competency dictionary the check is skipped
    assert (
        found(run([mod("A", competencies=(("NOPE", 2),))], competencies=None), "unknown-code") == []
    )


def test_module_local_to_unknown_region():
    report = run([mod("A", scope="99")])
    [finding] = found(report, "unknown-code")
    assert finding.modules == ("A",)
    assert finding.message == "A is local to unknown region 99"
    assert "99" in finding.fix


def test_known_codes_pass():
    report = run(
        [mod("A", scope="72.71", competencies=(("C", 1), ("D", 2))), mod("B")], [("A", "B", "hard")]
    )
    assert found(report, "unknown-code") == []
    assert report.errors == []


# -- local-required-by-national / prerequisite-out-of-scope --------------------------------


def test_national_module_requiring_local_module():
    report = run([mod("N"), mod("L", scope="72")], [("N", "L", "hard")])
    [finding] = found(report, "local-required-by-national")
    assert finding.severity == "error"
    assert finding.modules == ("N", "L")
    assert finding.message == (
        "national module N requires L, which is local to 72: learners outside 72 can never take N"
    )
    assert finding.fix


@pytest.mark.parametrize(
    "module, kind",
    [
        (mod("N", scope="72"), "hard"),  # same region
        (mod("N", scope="72.71"), "hard"),  # sub-region of the prerequisite's region
        (mod("N"), "soft"),  # soft: better first, not required
    ],
)
def test_local_prerequisite_offered_wherever_its_module_is_passes(module, kind):
    report = run([module, mod("L", scope="72")], [("N", "L", kind)])
    assert found(report, "local-required-by-national") == []
    assert found(report, "prerequisite-out-of-scope") == []


def test_local_module_requiring_local_module_of_another_region():
    report = run([mod("A", scope="72.71"), mod("B", scope="31")], [("A", "B", "hard")])
    [finding] = found(report, "prerequisite-out-of-scope")
    assert finding.severity == "error"
    assert finding.modules == ("A", "B")
    assert finding.message == ("A (local to 72.71) requires B, which is offered only in 31")
    assert found(report, "local-required-by-national") == []


def test_province_module_requiring_regency_module_is_out_of_scope():
    report = run([mod("A", scope="72"), mod("B", scope="72.71")], [("A", "B", "hard")])
    [finding] = found(report, "prerequisite-out-of-scope")
    assert finding.modules == ("A", "B")


# -- unapproved-prerequisite ---------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "review"])
def test_approved_module_requiring_unapproved_one(status):
    report = run([mod("A"), mod("B", status=status)], [("A", "B", "hard")])
    [finding] = found(report, "unapproved-prerequisite")
    assert finding.severity == "error"
    assert finding.modules == ("A", "B")
    assert finding.message == (
        f"approved module A requires B, which is {status}: no learner can start A"
    )
    assert finding.fix == "approve B, set A back to review, or remove the edge"


@pytest.mark.parametrize(
    "a, b, kind",
    [
        ("approved", "draft", "soft"),
        ("draft", "draft", "hard"),
        ("review", "draft", "hard"),
        ("approved", "approved", "hard"),
    ],
)
def test_unapproved_prerequisite_passes(a, b, kind):
    report = run([mod("A", status=a), mod("B", status=b)], [("A", "B", kind)])
    assert found(report, "unapproved-prerequisite") == []


# -- redundant-edge ------------------------------------------------------------------------


def test_hard_edge_implied_by_hard_detour_is_flagged_with_the_detour():
    report = run("ABC", [("A", "B", "hard"), ("B", "C", "hard"), ("A", "C", "hard")])
    [finding] = found(report, "redundant-edge")
    assert finding.severity == "warning"
    assert finding.modules == ("A", "C")
    assert finding.message == "hard edge A → C is implied by A → B → C"
    assert finding.fix == "remove the edge A → C"


def test_longer_detour_is_spelled_out():
    report = run(
        "ABCD", [("A", "B", "hard"), ("B", "C", "hard"), ("C", "D", "hard"), ("A", "D", "hard")]
    )
    [finding] = found(report, "redundant-edge")
    assert finding.message == "hard edge A → D is implied by A → B → C → D"


@pytest.mark.parametrize("soft", [("A", "B"), ("B", "C")])
def test_hard_edge_with_detour_through_a_soft_edge_is_not_redundant(soft):
    edges = {("A", "B"): "hard", ("B", "C"): "hard", ("A", "C"): "hard"}
    edges[soft] = "soft"
    report = run("ABC", [(m, r, k) for (m, r), k in edges.items()])
    assert found(report, "redundant-edge") == []


@pytest.mark.parametrize("kinds", [("hard", "hard"), ("soft", "hard"), ("soft", "soft")])
def test_soft_edge_implied_by_any_path_is_flagged(kinds):
    report = run("ABC", [("A", "B", kinds[0]), ("B", "C", kinds[1]), ("A", "C", "soft")])
    [finding] = found(report, "redundant-edge")
    assert finding.modules == ("A", "C")
    assert finding.message == "soft edge A → C is implied by A → B → C"


def test_no_redundant_edge_without_detour():
    report = run(
        "ABCD", [("A", "B", "hard"), ("A", "C", "soft"), ("B", "D", "hard"), ("C", "D", "hard")]
    )
    assert found(report, "redundant-edge") == []


# -- orphan --------------------------------------------------------------------------------


def test_orphan_is_a_module_with_no_competency_and_no_edge():
    report = run(
        [mod("O", competencies=()), mod("P", competencies=()), mod("Q", competencies=()), mod("R")],
        [("P", "R", "soft"), ("R", "Q", "hard")],
    )
    [finding] = found(report, "orphan")
    assert finding.severity == "warning"
    assert finding.modules == ("O",)
    assert finding.message == "O teaches no competency and has no prerequisite edge"
    assert finding.fix


# -- unreachable-module --------------------------------------------------------------------


def test_module_behind_a_prerequisite_needing_connectivity_its_regions_lack():
    # M is offered only in Sulawesi Tengah (low); its hard prerequisite needs high
    report = run([mod("M", scope="72"), mod("P", min_connectivity="high")], [("M", "P", "hard")])
    [finding] = found(report, "unreachable-module")
    assert finding.severity == "warning"
    assert finding.modules == ("M",)
    assert finding.message == (
        "no learner can reach M: its prerequisite P cannot be "
        "completed in any region where M is offered "
        "(P needs high connectivity)"
    )
    assert finding.fix
    assert report.errors == []


def test_soft_prerequisite_needing_high_connectivity_does_not_block():
    report = run([mod("M", scope="72"), mod("P", min_connectivity="high")], [("M", "P", "soft")])
    assert found(report, "unreachable-module") == []


def test_module_needing_connectivity_no_region_has():
    low_only = [r for r in REGIONS if r.connectivity != "high"]
    report = run(
        [mod("M", min_connectivity="high"), mod("N", min_connectivity="low")], regions=low_only
    )
    [finding] = found(report, "unreachable-module")
    assert finding.modules == ("M",)
    assert "M needs high connectivity" in finding.message
    assert finding.fix


def test_module_needing_high_connectivity_passes_when_one_region_has_it():
    report = run(
        [mod("M", min_connectivity="high"), mod("N", min_connectivity="high")], [("N", "M", "hard")]
    )
    assert found(report, "unreachable-module") == []


def test_unreachable_ignores_unapproved_modules_and_needs_regions():
    draft = [mod("M", min_connectivity="high", status="draft")]
    low_only = [r for r in REGIONS if r.connectivity != "high"]
    assert found(run(draft, regions=low_only), "unreachable-module") == []
    assert found(run([mod("M", min_connectivity="high")], regions=()), "unreachable-module") == []


def test_unreachability_propagates_through_a_chain():
    # Q needs P needs R (high); Q offered only in 72 (low): both P-and-Q chain blocked
    report = run(
        [mod("Q", scope="72"), mod("P", scope="72"), mod("R", min_connectivity="high")],
        [("Q", "P", "hard"), ("P", "R", "hard")],
    )
    assert [f.modules for f in found(report, "unreachable-module")] == [("P",), ("Q",)]


# -- untaught-level ------------------------------------------------------------------------


JOB = [JobStandard("analis", "Analis", "C", 3)]


def test_required_level_above_what_any_approved_module_teaches():
    report = run(
        [
            mod("A", competencies=(("C", 1),)),
            mod("B", competencies=(("C", 2),)),
            mod("X", competencies=(("C", 3),), status="draft"),
        ],
        job_standards=JOB,
    )
    [finding] = found(report, "untaught-level")
    assert finding.severity == "warning"
    assert finding.modules == ("B",)
    assert finding.message == (
        "no approved module teaches C to level 3, required by "
        "position analis; the highest taught is 2 (B)"
    )
    assert finding.fix == "add or approve a module that teaches C:3"


def test_required_competency_no_module_teaches():
    report = run(
        [mod("A", competencies=(("C", 5),))],
        regional_standards=[RegionalStandard("72", "D", 2, "gempa")],
    )
    [finding] = found(report, "untaught-level")
    assert finding.modules == ()
    assert finding.message == (
        "no approved module teaches D to level 2, required by "
        "region 72; no approved module teaches it at all"
    )


def test_required_level_taught_by_one_approved_module_passes():
    report = run(
        [mod("A", competencies=(("C", 2),)), mod("B", competencies=(("C", 3),))],
        job_standards=JOB,
        regional_standards=[RegionalStandard("72", "C", 3)],
    )
    assert found(report, "untaught-level") == []


# -- longest chains ------------------------------------------------------------------------


def test_longest_chain_by_jp_and_by_steps_on_a_known_graph():
    modules = [
        mod("A", jp=10),
        mod("B", jp=5),
        mod("C", jp=5),
        mod("D", jp=5),
        mod("X", jp=100),
        mod("Y", jp=1),
        mod("Z", jp=50),
    ]
    # D → C → B → A (hard): 4 steps, 25 JP; Y → X (hard): 2 steps, 101 JP;
    # Z → Y is soft, so Z does not extend the chain (which would be 151 JP)
    report = run(
        modules,
        [
            ("B", "A", "hard"),
            ("C", "B", "hard"),
            ("D", "C", "hard"),
            ("Y", "X", "hard"),
            ("Z", "Y", "soft"),
        ],
    )
    assert report.longest_by_jp.modules == ("X", "Y")
    assert report.longest_by_jp.jp == 101
    assert report.longest_by_jp.steps == 2
    assert report.longest_by_steps.modules == ("A", "B", "C", "D")
    assert report.longest_by_steps.jp == 25
    assert report.longest_by_steps.steps == 4
    assert report.to_json()["longest_chain"] == {
        "by_jp": {"modules": ["X", "Y"], "jp": 101, "steps": 2},
        "by_steps": {"modules": ["A", "B", "C", "D"], "jp": 25, "steps": 4},
    }


def test_longest_chain_of_a_single_heavy_module():
    report = run([mod("A", jp=300), mod("B", jp=10), mod("C", jp=10)], [("C", "B", "hard")])
    assert report.longest_by_jp.modules == ("A",)
    assert report.longest_by_jp.jp == 300
    assert report.longest_by_steps.modules == ("B", "C")


# -- the report as a whole -----------------------------------------------------------------


@pytest.fixture
def messy():
    modules = [
        mod("N"),
        mod("L", scope="72"),
        mod("A"),
        mod("B", status="draft"),
        mod("C"),
        mod("O", competencies=()),
        mod("U", scope="99"),
        mod("H", min_connectivity="high", scope="72"),
        mod("T", competencies=(("NOPE", 1),)),
    ]
    edges = [
        ("N", "L", "hard"),
        ("A", "B", "hard"),
        ("B", "C", "hard"),
        ("A", "C", "hard"),
        ("C", "GHOST", "soft"),
    ]
    return run(modules, edges, job_standards=[JobStandard("p", "P", "D", 4)])


def test_report_lists_every_rule_errors_first_each_with_a_fix(messy):
    rules = [f.rule for f in messy.findings]
    assert set(rules) == set(RULES) - {"cycle", "prerequisite-out-of-scope"}
    order = list(RULES)
    assert rules == sorted(rules, key=order.index)
    severities = [f.severity for f in messy.findings]
    assert severities == sorted(severities, key=["error", "warning"].index)
    assert all(f.fix.strip() for f in messy.findings)
    assert all(f.message.strip() for f in messy.findings)
    assert messy.errors == [f for f in messy.findings if f.severity == "error"]
    assert len(messy.errors) + len(messy.warnings) == len(messy.findings)


def test_to_json_shape(messy):
    data = messy.to_json()
    assert set(data) == {"modules", "edges", "errors", "warnings", "findings", "longest_chain"}
    assert data["modules"] == 9
    assert data["edges"] == 5
    assert data["errors"] == len(messy.errors) > 0
    assert data["warnings"] == len(messy.warnings) > 0
    for item, finding in zip(data["findings"], messy.findings, strict=True):
        assert item == {
            "rule": finding.rule,
            "severity": finding.severity,
            "modules": list(finding.modules),
            "message": finding.message,
            "fix": finding.fix,
        }
    assert set(data["longest_chain"]) == {"by_jp", "by_steps"}
    for chain in data["longest_chain"].values():
        assert set(chain) == {"modules", "jp", "steps"}


def test_to_text_ends_with_the_summary(messy):
    lines = messy.to_text().splitlines()
    assert lines[-3] == (
        f"9 modules, 5 prerequisite edges: {len(messy.errors)} errors, "
        f"{len(messy.warnings)} warnings"
    )
    assert lines[-2].startswith("longest prerequisite chain by JP: ")
    assert lines[-1].startswith("longest prerequisite chain by steps: ")
    assert sum(line.strip().startswith("fix: ") for line in lines) == len(messy.findings)


def test_clean_graph_has_no_findings():
    report = run(
        [mod("A"), mod("B")], [("B", "A", "hard")], job_standards=[JobStandard("p", "P", "C", 1)]
    )
    assert report.findings == []
    assert report.to_json()["errors"] == 0 and report.to_json()["warnings"] == 0


# -- workspaces ----------------------------------------------------------------------------


def test_mini_workspace_lints_with_its_one_known_warning(workspace):
    report = lint_workspace(workspace)
    assert report.errors == []
    assert [(f.rule, f.modules) for f in report.findings] == [("untaught-level", ("PB-201",))]
    assert report.modules == 5 and report.edges == 3
    assert report.longest_by_jp.modules == ("PB-101", "PB-201")
    assert report.longest_by_jp.jp == 56


def test_default_catalog_lints_without_errors(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        report = lint_workspace(ws)
        modules = ws.count("modules")
    assert report.errors == [], report.to_text()
    assert report.modules == modules > 0
    assert report.edges > 0
    assert report.longest_by_steps.steps >= 2
    assert all(f.fix for f in report.findings)


def test_prerequisites_reachable_only_in_different_regions():
    # P1 only in Sulawesi Tengah, P2 only where connectivity is high (Jakarta): each can be
    # completed somewhere M is offered, but never both in the same region
    report = run(
        [mod("M"), mod("P1", scope="72"), mod("P2", min_connectivity="high")],
        [("M", "P1", "hard"), ("M", "P2", "hard")],
    )
    [finding] = found(report, "unreachable-module")
    assert finding.modules == ("M",)
    assert "P1, P2" in finding.message
    assert finding.fix
    assert [f.rule for f in report.errors] == ["local-required-by-national"]


def test_module_local_to_unknown_region_is_not_blamed_on_connectivity():
    report = run([mod("U", scope="99")])
    assert [f.rule for f in report.findings] == ["unknown-code"]
