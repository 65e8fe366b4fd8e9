"""The demo learners' paths keep the contract's rules (§2, §3), checked from the contract
and the catalog files, never from the planner's code.

The default workspace is created from ``catalog/`` once for this module; every demo learner
(``DEMO-…`` in catalog/learners.csv) is recommended once per option set, and each path's
JSON is checked by ``recommend_oracle``, which reads the CSV files with the standard library:
the reach rule along the step order, the ``audience`` of modules (job_standards.csv
``jenjang``, learners.csv ``status``), local relevance of hazard modules (a region's own
hazards cell, or its nearest ancestor's when empty), the obligations of obligations.csv
outside the JP budget, and the rules that held before (budget, prerequisites, periods,
connectivity, digital literacy, approval, local scope, completed modules). The batch must
give the same answer as ``recommend``.

The oracle's rule functions are tested first, on hand-made cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from recommend_oracle import (
    RELEVANT_INDEX,
    RULES,
    CatalogOracle,
    OracleLearner,
    binds,
    effective_hazards,
    in_audience,
    locally_relevant,
    pitched_too_high,
    reach_along,
)

from curriculum_tool.catalog import create_workspace
from curriculum_tool.recommend import PathOptions, Recommender
from curriculum_tool.recommend.batch import run_batch
from curriculum_tool.store.paths import load_paths

#: The option sets every demo learner is planned with.
OPTION_SETS = {
    "default": {},
    "max_jp=20": {"max_jp": 20},
    "max_jp=80,periods=2": {"max_jp": 80, "periods": 2},
}
#: Disaster positions are checked in these quake/tsunami/drought zones (test 2).
DISASTER_REGIONS = ("72.71", "72.03", "72.10", "53.11")
#: The rule groups checked on every path, plus the rules that held before.
RULE_GROUPS = {
    "reach": "no step pitched too high",
    "audience": "no module outside its audience",
    "local_relevance": "no hazard module where its hazards are below 0.3",
    "other": "every other contract rule",
}


def options_of(option_id: str) -> PathOptions:
    return PathOptions(**OPTION_SETS[option_id])


def show(record: dict) -> str:
    """A path, compactly, for failure messages."""
    return json.dumps(
        {
            "learner": record["learner"],
            "position": record["position"],
            "region": record["region"],
            "total_jp": record["total_jp"],
            "steps": [(s["module"], s["period"], s["jp"]) for s in record["steps"]],
            "obligations": [o.get("module") for o in record.get("obligations") or []],
            "below_minimum": record.get("below_minimum"),
            "excluded": [(e["module"], e.get("kind"), e["reason"]) for e in record["excluded"]],
        },
        ensure_ascii=False,
        indent=1,
    )


# == the oracle's rules on hand-made cases ====================================================


class TestReachRule:
    def test_a_module_four_levels_up_is_pitched_too_high_alone(self):
        assert pitched_too_high({}, [{"M.07": 4}]) == [0]

    def test_a_rung_two_levels_below_brings_it_within_reach(self):
        path = [{"M.07": 2}, {"M.07": 4}]
        assert reach_along({}, path) == [{"M.07": True}, {"M.07": True}]
        assert pitched_too_high({}, path) == []

    def test_level_three_from_zero_needs_a_rung_at_one_or_two(self):
        assert pitched_too_high({}, [{"M.07": 3}]) == [0]
        assert pitched_too_high({}, [{"M.07": 1}, {"M.07": 3}]) == []
        assert pitched_too_high({}, [{"M.07": 2}, {"M.07": 3}]) == []
        # a module at the same level is no rung, and is itself out of reach
        assert pitched_too_high({}, [{"M.07": 3}, {"M.07": 3}]) == [0, 1]

    def test_the_rung_must_come_earlier_in_the_step_order(self):
        assert pitched_too_high({}, [{"M.07": 4}, {"M.07": 2}]) == [0]

    def test_a_rung_must_itself_be_within_reach(self):
        assert pitched_too_high({}, [{"M.07": 3}, {"M.07": 4}]) == [0, 1]

    def test_a_ladder_climbs_two_levels_a_rung(self):
        assert pitched_too_high({}, [{"M.07": 2}, {"M.07": 4}, {"M.07": 5}]) == []
        assert pitched_too_high({}, [{"M.07": 2}, {"M.07": 5}]) == [1]

    def test_the_learners_own_level_counts(self):
        assert pitched_too_high({"M.07": 2}, [{"M.07": 4}]) == []
        assert pitched_too_high({"M.07": 1}, [{"M.07": 4}]) == [0]

    def test_within_reach_on_one_raised_competency_is_enough(self):
        assert reach_along({}, [{"M.07": 4, "SK.01": 1}]) == [{"M.07": False, "SK.01": True}]
        assert pitched_too_high({}, [{"M.07": 4, "SK.01": 1}]) == []

    def test_a_module_that_raises_nothing_is_not_pitched_too_high(self):
        assert reach_along({"M.07": 4}, [{"M.07": 3}]) == [{}]
        assert pitched_too_high({"M.07": 4}, [{"M.07": 3}]) == []

    def test_rungs_count_per_competency(self):
        # a rung in SK.01 does not lift M.07
        assert pitched_too_high({}, [{"SK.01": 2}, {"M.07": 4}]) == [1]


class TestAudience:
    def test_an_open_module_is_for_everyone(self):
        assert in_audience((), None, "pns")
        assert in_audience((), "pengawas", "cpns")

    def test_the_jenjang_or_the_status_must_be_listed(self):
        assert in_audience(("pengawas", "administrator"), "pengawas", "pns")
        assert not in_audience(("pengawas", "administrator"), "jpt", "pns")
        assert in_audience(("cpns",), "pelaksana", "cpns")
        assert not in_audience(("cpns",), "pelaksana", "pns")
        assert not in_audience(("pppk",), "fungsional_ahli", "pns")

    def test_an_empty_status_is_pns(self):
        assert in_audience(("pns",), "pelaksana", "")

    def test_a_position_without_jenjang_is_in_open_audiences_only(self):
        assert not in_audience(("pengawas",), None, "pns")
        assert not in_audience(("cpns",), None, "cpns")  # the contract's literal reading
        assert in_audience((), None, "cpns")


class TestLocalRelevance:
    PARENT = {"72": "", "72.71": "72", "72.71.01": "72.71", "72.99": "72", "33": ""}
    HAZARDS = {
        "72": {"tsunami": 0.9, "kekeringan": 0.4},
        "72.71": {"gempa_bumi": 0.85},
        "72.71.01": {},
        "72.99": {},
        "33": {"gempa_bumi": 0.0},
    }

    def hazards(self, region):
        return effective_hazards(region, self.PARENT, self.HAZARDS)

    def test_a_region_that_lists_any_hazard_lists_all(self):
        assert self.hazards("72.71") == {"gempa_bumi": 0.85}  # no tsunami from 72

    def test_an_empty_cell_takes_the_nearest_ancestors_cell(self):
        assert self.hazards("72.99") == {"tsunami": 0.9, "kekeringan": 0.4}
        assert self.hazards("72.71.01") == {"gempa_bumi": 0.85}

    def test_a_hazard_module_needs_one_hazard_at_0_3(self):
        assert locally_relevant(["gempa_bumi", "tsunami"], self.hazards("72.71"))
        assert not locally_relevant(["tsunami"], self.hazards("72.71"))
        assert locally_relevant(["tsunami"], self.hazards("72.99"))
        assert not locally_relevant(["gempa_bumi"], self.hazards("33"))  # KEY:0
        assert locally_relevant(["banjir"], {"banjir": RELEVANT_INDEX})
        assert not locally_relevant(["banjir"], {"banjir": RELEVANT_INDEX - 0.01})

    def test_a_module_without_hazards_is_relevant_everywhere(self):
        assert locally_relevant([], self.hazards("33"))
        assert locally_relevant([], {})


class TestObligationsBind:
    def test_a_jenjang_key_binds_that_jenjang(self):
        assert binds("pengawas", "pengawas", "pns")
        assert not binds("pengawas", "administrator", "pns")
        assert not binds("pengawas", None, "pns")

    def test_cpns_binds_the_status(self):
        assert binds("cpns", "pelaksana", "cpns")
        assert binds("cpns", None, "cpns")
        assert not binds("cpns", "pelaksana", "pns")


# -- a tiny catalog read by the oracle ---------------------------------------------------------

MODULES = (
    (
        "code,title,jp,modality,level,competencies,hazards,min_connectivity,"
        "min_digital_literacy,scope,status,owner{extra_header}\n"
    )
    + """\
R-2,Rung,10,klasikal,2,M.07:2,,none,0,national,approved,X{r2}
T-4,Top,10,klasikal,4,M.07:4,,none,0,national,approved,X{t4}
HZ-1,Tsunami drill,8,experiential,1,PB-SIAGA:2,tsunami,none,0,national,approved,X{hz}
OB-1,Compulsory,100,klasikal,3,M.01:3,,none,0,national,approved,X{ob}
"""
)


def tiny_catalog(
    folder: Path,
    audience: bool = True,
    jenjang: bool = True,
    status: bool = True,
    obligations: bool = True,
) -> Path:
    cells = (
        {
            "extra_header": ",audience",
            "r2": ",",
            "t4": ",pengawas;cpns",
            "hz": ",",
            "ob": ",pengawas",
        }
        if audience
        else dict.fromkeys(("extra_header", "r2", "t4", "hz", "ob"), "")
    )
    files = {
        "modules": MODULES.format(**cells),
        "prerequisites": "module,requires,kind\nT-4,R-2,soft\n",
        "regions": (
            "code,name,parent,hazards,connectivity,is_3t\n"
            "72,Sulteng,,tsunami:0.9;gempa_bumi:0.9,low,0\n"
            "72.71,Palu,72,gempa_bumi:0.85,low,0\n"
            "72.99,Anywhere,72,,low,0\n"
        ),
        "regional_standards": "region,competency,level,reason\n",
        "job_standards": (
            "position,title,competency,level"
            + (",jenjang" if jenjang else "")
            + "\n"
            + "pengawas,Pengawas,M.07,4"
            + (",pengawas" if jenjang else "")
            + "\n"
            + "staf,Staf,M.07,4"
            + ("," if jenjang else "")
            + "\n"
        ),
        "learners": (
            "id,name,position,region,digital_literacy,competencies,completed"
            + (",status" if status else "")
            + "\n"
            + "U-1,A,pengawas,72.71,1,,"
            + (",pns" if status else "")
            + "\n"
            + "U-2,B,staf,72.99,1,M.07:2,OB-1"
            + (",cpns" if status else "")
            + "\n"
            + "U-3,C,pengawas,72.99,1,,OB-1"
            + ("," if status else "")
            + "\n"
        ),
    }
    if obligations:
        files["obligations"] = "who,module,regulation\npengawas,OB-1,PerLAN 5/2022\n"
    for kind, text in files.items():
        (folder / f"{kind}.csv").write_text(text, encoding="utf-8")
    return folder


def tiny_record(
    learner: OracleLearner,
    steps: list[tuple[str, int]],
    oracle: CatalogOracle,
    obligations: list[str] = (),
) -> dict:
    return {
        "learner": learner.id,
        "position": learner.position,
        "region": learner.region,
        "model": {"name": "t", "sha256": ""},
        "min_jp": 0,
        "max_jp": 40,
        "periods": 2,
        "total_jp": sum(oracle.modules[m].jp for m, _ in steps),
        "expected_value": 0.0,
        "steps": [
            {
                "module": m,
                "title": oracle.modules[m].title,
                "period": p,
                "jp": oracle.modules[m].jp,
                "modality": "klasikal",
                "p_success": 0.0,
                "value": 0.0,
                "reasons": [],
                "reasons_id": [],
                "reason_kinds": [],
            }
            for m, p in steps
        ],
        "excluded": [],
        "obligations": [
            {
                "module": m,
                "title": oracle.modules[m].title,
                "jp": oracle.modules[m].jp,
                "regulation": "PerLAN 5/2022",
            }
            for m in obligations
        ],
        "below_minimum": None,
    }


class TestOracleReadsTheFiles:
    def test_optional_columns_and_files_may_be_absent(self, tmp_path):
        oracle = CatalogOracle(
            directory=tiny_catalog(
                tmp_path, audience=False, jenjang=False, status=False, obligations=False
            )
        )
        learners = oracle.learners()
        assert oracle.modules["T-4"].audience == ()
        assert oracle.jenjang(learners["U-1"]) is None
        assert learners["U-2"].status == "pns"
        assert oracle.obligations == [] and oracle.bound_obligations(learners["U-1"]) == {}

    def test_the_new_columns_and_obligations(self, tmp_path):
        oracle = CatalogOracle(directory=tiny_catalog(tmp_path))
        u1, u2, u3 = (oracle.learners()[i] for i in ("U-1", "U-2", "U-3"))
        assert oracle.modules["T-4"].audience == ("pengawas", "cpns")
        assert (oracle.jenjang(u1), oracle.jenjang(u2)) == ("pengawas", None)
        assert (u1.status, u2.status, u3.status) == ("pns", "cpns", "pns")
        assert oracle.in_audience(u1, "T-4") and not oracle.in_audience(u2, "T-4")
        assert oracle.bound_obligations(u1) == {"OB-1": {"PerLAN 5/2022"}}
        assert oracle.bound_obligations(u3) == {}  # completed it
        assert not oracle.candidate(u1, "OB-1")

    def test_a_merge_without_the_optional_column_keeps_the_stored_value(self, tmp_path):
        extra = (
            "code,title,jp,modality,level,competencies,hazards,min_connectivity,"
            "min_digital_literacy,scope,status,owner\n"
            "T-4,Top (renamed),10,klasikal,4,M.07:4,,none,0,national,approved,X\n"
            "N-1,New,4,klasikal,1,M.07:1,,none,0,national,approved,X\n"
        )
        oracle = CatalogOracle({"modules": [extra]}, directory=tiny_catalog(tmp_path))
        assert oracle.modules["T-4"].title == "Top (renamed)"
        assert oracle.modules["T-4"].audience == ("pengawas", "cpns")
        assert oracle.modules["N-1"].audience == ()

    def test_local_relevance_uses_the_regions_own_cell(self, tmp_path):
        oracle = CatalogOracle(directory=tiny_catalog(tmp_path))
        assert not oracle.locally_relevant("HZ-1", "72.71")  # lists gempa_bumi only
        assert oracle.locally_relevant("HZ-1", "72.99")  # empty: 72's cell
        assert oracle.hazard_index("72.71", "tsunami") == 0.0

    def test_rule_problems_catch_each_new_rule(self, tmp_path):
        oracle = CatalogOracle(directory=tiny_catalog(tmp_path))
        learners = oracle.learners()
        u1, u2 = learners["U-1"], learners["U-2"]
        good = tiny_record(u1, [("R-2", 1), ("T-4", 2)], oracle, obligations=["OB-1"])
        assert oracle.rule_problems(u1, good) == {rule: [] for rule in RULES}

        def broken(learner, steps, obligations=("OB-1",)):
            record = tiny_record(learner, steps, oracle, list(obligations))
            return {
                rule: found
                for rule, found in oracle.rule_problems(learner, record).items()
                if found
            }

        assert set(broken(u1, [("T-4", 1)])) == {"reach"}
        assert set(broken(u1, [("T-4", 1), ("R-2", 1)])) == {"reach"}  # rung after it
        assert set(broken(u2, [("T-4", 1)], obligations=())) == {"audience"}
        assert set(broken(u1, [("HZ-1", 1)])) == {"local_relevance"}
        assert set(broken(u1, [("R-2", 1)], obligations=())) == {"obligations"}  # missing
        assert set(broken(u2, [("R-2", 1)])) == {"obligations"}  # binds someone else
        assert "obligations" in broken(u1, [("OB-1", 1)])  # an obligation as a step

    def test_value_counts_gain_only_within_reach(self, tmp_path):
        oracle = CatalogOracle(directory=tiny_catalog(tmp_path))
        u1 = oracle.learners()["U-1"]  # M.07 0, target 4
        assert oracle.value(u1, [("T-4", 1.0)]) == 0.0
        assert oracle.value(u1, [("R-2", 1.0), ("T-4", 1.0)]) == 4.0  # min(gap 4, 2 + 4)
        assert oracle.value(u1, [("T-4", 1.0), ("R-2", 1.0)]) == 2.0


# == the demo learners' paths =================================================================


@pytest.fixture(scope="module")
def contract_oracle() -> CatalogOracle:
    """catalog/*.csv as they are, nothing added."""
    return CatalogOracle()


@pytest.fixture(scope="module")
def demo(contract_oracle) -> dict[str, OracleLearner]:
    learners = {i: u for i, u in contract_oracle.learners().items() if i.startswith("DEMO-")}
    assert learners, "catalog/learners.csv has no DEMO- learners"
    return learners


@pytest.fixture(scope="module")
def default_ws(tmp_path_factory):
    """The default workspace, created from catalog/ (as ``init`` does) for this module."""
    ws = create_workspace(tmp_path_factory.mktemp("contract") / "default.sqlite")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def planner(default_ws) -> Recommender:
    return Recommender(default_ws)


@pytest.fixture(scope="module")
def demo_paths(planner, demo):
    """option id → learner id → path JSON from ``recommend`` (each planned once)."""
    cache: dict[str, dict[str, dict]] = {}

    def paths(option_id: str) -> dict[str, dict]:
        if option_id not in cache:
            options = options_of(option_id)
            cache[option_id] = {
                i: json.loads(json.dumps(planner.recommend(i, options).to_json())) for i in demo
            }
        return cache[option_id]

    return paths


@pytest.mark.parametrize("option_id", OPTION_SETS)
def test_the_path_json_has_the_extended_keys(option_id, demo_paths, contract_oracle):
    problems = {
        i: found
        for i, record in demo_paths(option_id).items()
        if (found := contract_oracle.shape_problems(record))
    }
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("rule", RULE_GROUPS)
@pytest.mark.parametrize("option_id", OPTION_SETS)
def test_every_demo_path_keeps_the_rule(option_id, rule, demo_paths, demo, contract_oracle):
    options = options_of(option_id)
    problems = {}
    for i, record in demo_paths(option_id).items():
        if rule == "other":
            # with several periods the planner may drop steps after selection, so the
            # completeness checks (every gap-closer explained, nothing left to add below
            # min_jp) hold for one period only, as in test_path_properties
            found = contract_oracle.violations(
                demo[i],
                record,
                options.max_jp,
                options.min_jp,
                options.periods,
                complete=options.periods == 1,
                rules=False,
            )
        else:
            found = contract_oracle.rule_problems(demo[i], record)[rule]
        if found:
            problems[i] = found
    assert not problems, f"{RULE_GROUPS[rule]} ({option_id}): " + json.dumps(
        problems, indent=1, ensure_ascii=False
    )


@pytest.mark.parametrize("option_id", OPTION_SETS)
def test_disaster_officers_in_hazard_zones_get_a_hazard_module_or_a_reason(
    option_id, demo_paths, demo, contract_oracle
):
    """In Palu, Donggala, Sigi and Sumba Timur a disaster officer's path has a module for a
    hazard of the region (index >= 0.3), or says why none could be taken: a below_minimum
    entry, or excluded locally relevant hazard modules whose kinds say the learner cannot
    take them, with none that would close a gap merely passed over by the selection
    (``not selected: …`` is the selection's choice, not a reason none could be taken)."""
    options = options_of(option_id)
    oracle = contract_oracle
    officers = [
        u for u in demo.values() if "kebencanaan" in u.position and u.region in DISASTER_REGIONS
    ]
    assert officers, "no demo disaster officer in the hazard zones"
    failures = []
    for u in officers:
        record = demo_paths(option_id)[u.id]
        hazard_steps = [
            s["module"] for s in record["steps"] if oracle.relevant_hazards(s["module"], u.region)
        ]
        if hazard_steps or record.get("below_minimum"):
            continue
        gaps = oracle.gaps(u)
        hazard_entries = [
            e for e in record["excluded"] if oracle.relevant_hazards(e["module"], u.region)
        ]
        cannot = [e["module"] for e in hazard_entries if oracle.cannot_take(e, options.max_jp)]
        passed_over = [
            f"{e['module']} ({e.get('kind')}: {e['reason']})"
            for e in hazard_entries
            if not oracle.cannot_take(e, options.max_jp)
            and any(c in gaps for c in oracle.gain(u, e["module"]))
        ]
        if not cannot or passed_over:
            failures.append(
                f"{u.id} ({u.position} in {u.region}, hazards "
                f"{oracle.region_hazards(u.region)}): no hazard module and no reason none "
                f"could be taken; locally relevant gap-closing hazard modules passed over: "
                f"{passed_over}\n{show(record)}"
            )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("option_id", OPTION_SETS)
def test_obligations_are_listed_for_exactly_those_they_bind(
    option_id, demo_paths, demo, contract_oracle
):
    """Every obligations.csv row: a bound learner who has not completed the module sees it
    in ``obligations``; nobody has it as a step or in obligations they are not bound by;
    obligations stay outside the JP budget."""
    options = options_of(option_id)
    failures = {}
    for i, record in demo_paths(option_id).items():
        found = contract_oracle.obligation_problems(demo[i], record)
        total = sum(s["jp"] for s in record["steps"])
        if record["total_jp"] != total or total > options.max_jp:
            found.append(
                f"total_jp {record['total_jp']} (steps {total}) against max_jp "
                f"{options.max_jp}: obligations must stay outside the budget"
            )
        if found:
            failures[i] = found
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


def test_every_pengawas_without_pkp_is_obliged_to_take_it(demo_paths, demo, contract_oracle):
    """The catalog's case: pengawas → PKP-201 (PerLAN 15/2019)."""
    assert any(
        who == "pengawas" and module == "PKP-201" for who, module, _ in contract_oracle.obligations
    ), "catalog/obligations.csv has no pengawas → PKP-201 row"
    bound = [
        u
        for u in demo.values()
        if contract_oracle.jenjang(u) == "pengawas" and "PKP-201" not in u.completed
    ]
    assert bound, "no demo learner of jenjang pengawas without PKP-201"
    for option_id in OPTION_SETS:
        for i, record in demo_paths(option_id).items():
            listed = [o.get("module") for o in record.get("obligations") or []]
            steps = [s["module"] for s in record["steps"]]
            assert "PKP-201" not in steps, f"{i} ({option_id}): PKP-201 as a step"
            if demo[i] in bound:
                assert "PKP-201" in listed, (
                    f"{i} (pengawas, {option_id}): PKP-201 not in obligations:\n{show(record)}"
                )
            else:
                assert "PKP-201" not in listed, (
                    f"{i} ({demo[i].position}, jenjang "
                    f"{contract_oracle.jenjang(demo[i])}, "
                    f"{option_id}): PKP-201 offered"
                )


@pytest.mark.parametrize("option_id", OPTION_SETS)
def test_the_batch_gives_the_same_paths_as_recommend(
    option_id, default_ws, planner, demo_paths, demo, tmp_path
):
    """One answer: the path the batch stores (and writes) for each demo learner is the one
    ``recommend`` gives, with the same options."""
    options = options_of(option_id)
    out = tmp_path / "paths.jsonl"
    run_batch(default_ws, out, options=options, unmask=True, recommender=planner)
    with default_ws.engine.connect() as conn:
        stored = {p.learner: p.to_json() for p in load_paths(conn)}
    written = {
        r["learner"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }

    def answer(record: dict) -> tuple:
        return ([(s["module"], s["period"]) for s in record["steps"]], record.get("obligations"))

    differences = []
    for i, record in demo_paths(option_id).items():
        for where, other in (("stored", stored.get(i)), ("written", written.get(i))):
            if other is None or answer(other) != answer(record):
                differences.append(
                    f"{i}: recommend {answer(record)} but {where} {other and answer(other)}"
                )
    assert not differences, "\n".join(differences)


def test_the_oracle_catches_broken_demo_paths(demo_paths, demo, contract_oracle):
    """Each hand-broken copy of a real path adds a problem of the rule it breaks (the
    modules that break it are picked from the catalog files)."""
    record = demo_paths("default")["DEMO-003"]  # a pengawas in Palu
    u = demo["DEMO-003"]
    oracle = contract_oracle
    base = oracle.rule_problems(u, record)
    codes = [s["module"] for s in record["steps"]]

    def added(change) -> set[str]:
        copy = json.loads(json.dumps(record))
        change(copy)
        now = oracle.rule_problems(u, copy)
        return {rule for rule in RULES if len(now[rule]) > len(base[rule])}

    def append(module):
        def change(r):
            m = oracle.modules[module]
            r["steps"].append(
                {
                    "module": module,
                    "title": m.title,
                    "period": record["periods"],
                    "jp": m.jp,
                    "modality": m.modality,
                    "p_success": 0.5,
                    "value": 0.0,
                    "reasons": [],
                    "reasons_id": [],
                    "reason_kinds": [],
                }
            )

        return change

    def first(condition) -> str:
        return next(
            code for code in sorted(oracle.modules) if code not in codes and condition(code)
        )

    too_high = first(
        lambda m: (
            oracle.reach(u, [*codes, m])[-1] and not any(oracle.reach(u, [*codes, m])[-1].values())
        )
    )
    outside = first(lambda m: not oracle.in_audience(u, m))
    irrelevant = first(lambda m: not oracle.locally_relevant(m, u.region))
    assert oracle.jenjang(u) == "pengawas"
    assert "reach" in added(append(too_high))
    assert "audience" in added(append(outside))
    assert "local_relevance" in added(append(irrelevant))
    assert "obligations" in added(append("PKP-201"))
    assert "obligations" in added(lambda r: r.update(obligations=[]))
