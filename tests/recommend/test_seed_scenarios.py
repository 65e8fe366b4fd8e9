"""The seed essay's scenarios, on learners imported with a learners CSV (conftest):
Palu's disaster officer, the regional part of a target, digital literacy 0, a local
module, and the reasons an officer reads."""

from __future__ import annotations

import re

import pytest
from recommend_data import LOCAL, oracle_learner

from curriculum_tool.recommend import PathOptions

PALU = "72.71"


def disaster_steps(oracle, path):
    return [s for s in path.steps if oracle.is_disaster_module(s.module)]


def all_reasons(path):
    return [reason for step in path.steps for reason in step.reasons]


def excluded(path):
    return {e.module: e.reason for e in path.excluded}


def gap_reasons(step):
    """``(competency, before, after)`` of a step's closes/narrows-gap reasons."""
    return [
        (r.params["competency"], r.params["before"], r.params["after"])
        for r in step.reasons
        if r.kind in ("closes_gap", "narrows_gap")
    ]


# -- an officer in Palu ----------------------------------------------------------------


@pytest.mark.parametrize("learner", ["T-PALU-AK", "T-PALU-PK", "DEMO-001", "DEMO-002"])
@pytest.mark.parametrize("max_jp", [40, 80])
def test_palu_disaster_officer_gets_disaster_modules_deliverable_in_palu(
    recommender, oracle, learner, max_jp
):
    path = recommender.recommend(learner, PathOptions(max_jp=max_jp))
    assert path.region == PALU
    assert disaster_steps(oracle, path), path.modules
    for step in path.steps:
        module = oracle.modules[step.module]
        assert module.min_connectivity <= oracle.connectivity[PALU] == 1  # low
        assert module.scope in ("national", "72", PALU)
    # at least one disaster module addresses a hazard Palu actually has (quake/tsunami)
    assert any(
        {"gempa_bumi", "tsunami"} & set(oracle.modules[s.module].hazards)
        for s in disaster_steps(oracle, path)
    )


@pytest.mark.parametrize("learner", ["T-PALU-PK", "DEMO-002"])
def test_palu_officer_with_basic_literacy_gets_no_e_learning(recommender, oracle, learner):
    path = recommender.recommend(learner)
    assert disaster_steps(oracle, path)
    assert all(s.modality != "e_learning" for s in path.steps), path.modules


def test_palu_disaster_analyst_gets_disaster_modules_klasikal_or_blended(recommender, oracle):
    path = recommender.recommend("T-PALU-AK")
    steps = disaster_steps(oracle, path)
    assert steps
    assert [s.module for s in steps if s.modality == "e_learning"] == []


# -- the regional part of a target -------------------------------------------------------

NON_DISASTER_IN_SALATIGA = ["T-SLT-KEBIJ", "T-SLT-PBJ", "T-SLT-SDM", "T-SLT-ADM"]


@pytest.mark.parametrize("learner", NON_DISASTER_IN_SALATIGA)
@pytest.mark.parametrize("max_jp", [40, 80])
def test_low_risk_city_adds_no_disaster_module_the_job_does_not_need(
    recommender, oracle, learner, max_jp
):
    u = oracle_learner(learner)
    assert u.region == "33.73"
    targets = oracle.targets(u)
    assert not [c for c in targets if c.startswith("PB-")]  # neither job nor region
    job_gaps = {c for c, g in oracle.gaps(u).items() if g > 0}
    path = recommender.recommend(learner, PathOptions(max_jp=max_jp))
    for step in disaster_steps(oracle, path):
        # only where the step closes a job gap (e.g. KEB-303 teaching KEB:3)
        assert set(oracle.gain(u, step.module)) & job_gaps, step
        assert not [r for r in step.reasons if "gap in PB-" in r]


def test_the_same_analyst_in_palu_gets_the_regional_disaster_standard(recommender, oracle):
    salatiga = recommender.recommend("T-SLT-KEBIJ")
    palu = recommender.recommend("T-PALU-KEBIJ")
    assert not disaster_steps(oracle, salatiga)
    targets = oracle.targets(oracle_learner("T-PALU-KEBIJ"))
    assert targets["PB-DASAR"] == 2 and targets["PB-SIAGA"] == 2  # from 72 and 72.71
    pb_steps = [
        s for s in palu.steps if any(c.startswith("PB-") for c in oracle.modules[s.module].teaches)
    ]
    assert pb_steps, palu.modules
    assert any(c.startswith("PB-") for s in pb_steps for c, _, _ in gap_reasons(s))
    regional = [r for s in pb_steps for r in s.reasons if r.kind == "regional_standard"]
    assert {r.params["region"] for r in regional} <= {"72", "72.71"} and regional
    assert any(r.params["region_name"] in ("Kota Palu", "Sulawesi Tengah") for r in regional)
    assert any(r.params["region_name"] in str(r) for r in regional)  # named, in words


# -- digital literacy 0 ------------------------------------------------------------------


def test_literacy_0_learner_gets_tier_1_digital_literacy_before_any_data_module(
    recommender, oracle
):
    path = recommender.recommend("T-LIT0-REN")
    assert "LD-101" in path.modules
    first_data = min(
        (i for i, m in enumerate(path.modules) if m.startswith("DATA-")), default=len(path.modules)
    )
    assert path.modules.index("LD-101") < first_data
    assert all(oracle.modules[m].min_literacy == 0 for m in path.modules)
    step = path.steps[path.modules.index("LD-101")]
    assert ("LITDIG", 0, 1) in gap_reasons(step)
    reason = excluded(path)["DATA-201"]
    assert (reason.kind, reason.params["need"], reason.params["have"]) == ("digital_literacy", 3, 0)
    assert str(reason).startswith("needs digital literacy 3; the learner has 0")


@pytest.mark.parametrize("learner", ["T-LIT0-REN", "T-LIT0-ADM", "DEMO-008", "DEMO-018"])
@pytest.mark.parametrize("max_jp", [20, 80])
def test_literacy_0_learner_never_gets_a_module_needing_literacy(
    recommender, oracle, learner, max_jp
):
    path = recommender.recommend(learner, PathOptions(max_jp=max_jp, min_jp=min(20, max_jp)))
    assert path.steps
    assert [m for m in path.modules if oracle.modules[m].min_literacy > 0] == []
    assert all(not m.startswith("DATA-") for m in path.modules)


@pytest.mark.parametrize("learner", ["T-LIT0-ADM", "DEMO-018"])
def test_literacy_0_clerk_gets_tier_1_digital_literacy(recommender, learner):
    for max_jp in (40, 80):
        path = recommender.recommend(learner, PathOptions(max_jp=max_jp))
        assert "LD-101" in path.modules, (max_jp, path.modules)


# -- a local module --------------------------------------------------------------------


@pytest.mark.parametrize("learner", ["T-PALU-PK", "T-PALUBRT-PK"])
def test_local_module_reaches_its_region_and_sub_regions(recommender, learner):
    path = recommender.recommend(learner)
    assert LOCAL in path.modules
    step = path.steps[path.modules.index(LOCAL)]
    assert any(c == "PB-TANGGAP" for c, _, _ in gap_reasons(step))
    assert LOCAL not in excluded(path)


@pytest.mark.parametrize(
    "learner, region", [("T-SIGI-PK", "72.10"), ("T-MGL-PK", "33.08"), ("T-SLT-KEBIJ", "33.73")]
)
def test_local_module_is_excluded_elsewhere_with_a_local_reason(recommender, learner, region):
    path = recommender.recommend(learner, PathOptions(max_jp=80))
    assert LOCAL not in path.modules
    if learner == "T-SLT-KEBIJ":  # it closes none of this learner's gaps: not listed
        assert LOCAL not in excluded(path)
        return
    reason = excluded(path)[LOCAL]
    assert (reason.kind, reason.params["scope"], reason.params["region"]) == (
        "local_elsewhere",
        PALU,
        region,
    )
    assert str(reason).startswith("a local module of Kota Palu, not offered in ")


def test_provincial_local_module_is_offered_in_the_whole_province_only(recommender):
    # PB-SULTENG-201 (scope 72, approved) teaches PB-SIAGA
    for learner in ("T-PALU-PK", "T-PALUBRT-PK", "T-SIGI-PK"):
        path = recommender.recommend(learner)
        reason = excluded(path).get("PB-SULTENG-201", "")
        assert "PB-SULTENG-201" in path.modules or reason.startswith("not selected:"), reason
    reason = excluded(recommender.recommend("T-MGL-PK"))["PB-SULTENG-201"]
    assert str(reason) == "a local module of Sulawesi Tengah, not offered in Kabupaten Magelang"
    assert reason.indonesian == (
        "modul lokal Sulawesi Tengah, tidak ditawarkan di Kabupaten Magelang"
    )


def test_a_local_module_imported_later_changes_only_its_region(copy_ws, scenario_ws_path, tmp_path):
    from curriculum_tool.io import import_file
    from curriculum_tool.recommend import Recommender
    from curriculum_tool.store import Workspace

    row = (
        "code,title,jp,modality,level,competencies,hazards,min_connectivity,"
        "min_digital_literacy,scope,status,owner\n"
        "PB-MGL-202,Jalur Evakuasi Merapi untuk Pranata,6,experiential,2,"
        "PB-TANGGAP:2;PB-SIAGA:2;PB-DASAR:2,letusan_gunung_api,none,0,33.08,approved,"
        "BPBD-Kab-Magelang\n"
    )
    (tmp_path / "modules.csv").write_text(row, encoding="utf-8")
    with Workspace.open(copy_ws(scenario_ws_path)) as ws:
        before = Recommender(ws)
        magelang_before = before.recommend("T-MGL-PK")
        import_file(ws, "modules", tmp_path / "modules.csv")
        after = Recommender(ws)
        assert "PB-MGL-202" in after.recommend("T-MGL-PK").modules
        assert "PB-MGL-202" not in magelang_before.modules
        palu = after.recommend("T-PALU-PK")
        reason = excluded(palu)["PB-MGL-202"]
        assert (reason.kind, reason.params["scope"]) == ("local_elsewhere", "33.08")
        assert palu.modules == before.recommend("T-PALU-PK").modules


# -- reasons ---------------------------------------------------------------------------


def test_palu_path_gives_local_hazard_and_gap_reasons(recommender):
    path = recommender.recommend("T-PALU-AK")
    reasons = all_reasons(path)
    assert any(
        re.fullmatch(r"(earthquake|tsunami) risk 0\.85 in Kota Palu", r)
        and re.fullmatch(r"risiko (gempa bumi|tsunami) 0,85 di Kota Palu", r.indonesian)
        for r in reasons
    )
    assert any(r.kind == "closes_gap" for r in reasons)
    assert any(
        re.match(r"[\w ]+: works without internet; Kota Palu has low connectivity", r)
        for r in reasons
    )


@pytest.mark.parametrize(
    "learner, module",
    [("T-PALU-AK", "DATA-303"), ("T-PALU-KEBIJ", "KEB-302"), ("DEMO-001", "DATA-303")],
)
def test_connectivity_exclusion_names_the_region_and_an_alternative(
    recommender, oracle, scenario_ws, learner, module
):
    path = recommender.recommend(learner)
    reason = excluded(path)[module]
    assert reason.kind == "connectivity", reason
    assert (reason.params["need"], reason.params["have"], reason.params["region_name"]) == (
        "high",
        "low",
        "Kota Palu",
    )
    assert str(reason).startswith("needs high connectivity; Kota Palu has low; ")
    alternative, modality = reason.params["instead"], reason.params["instead_modality"]
    u = learner_for(scenario_ws, learner)
    assert oracle.deliverable(u, alternative)  # takeable…
    assert oracle.modules[alternative].modality == modality
    names = {c.code: c.name for c in scenario_ws.load("competencies")}
    for competency in (
        c for c in oracle.gaps(u) if names[c] in reason.params["instead_teaches"]
    ):  # …and teaches the same
        assert competency in oracle.gain(u, alternative)
        assert competency in oracle.gain(u, module)
    assert reason.params["instead_teaches"]


def test_literacy_exclusion_suggests_a_takeable_module_instead(recommender, oracle):
    path = recommender.recommend("T-PALU-PK")
    reason = excluded(path)["PB-202"]
    assert reason.startswith("needs digital literacy 2; the learner has 1; ")
    alternative = reason.params["instead"]
    assert oracle.deliverable(oracle_learner("T-PALU-PK"), alternative)
    assert reason.params["instead_teaches"] == ["Dasar Manajemen Bencana"]
    assert reason.endswith("teaches Dasar Manajemen Bencana instead")


def test_every_step_has_a_reason_and_a_delivery_reason(recommender):
    for learner in ("T-PALU-AK", "T-SLT-KEBIJ", "T-LIT0-REN", "DEMO-016"):
        for step in recommender.recommend(learner).steps:
            assert step.reasons
            delivery = [r for r in step.reasons if r.kind.startswith("modality")]
            assert len(delivery) == 1 and delivery[0].params["modality"] == step.modality


def learner_for(workspace, learner_id):
    """A demo or scenario learner as the oracle sees it (from the workspace's row)."""
    from recommend_oracle import OracleLearner

    u = next(u for u in workspace.load("learners") if u.id == learner_id)
    return OracleLearner(
        u.id, u.position, u.region, u.digital_literacy, dict(u.competencies), frozenset(u.completed)
    )
