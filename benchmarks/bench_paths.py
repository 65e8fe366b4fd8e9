"""Benchmark: learning-path quality against the simulator's truth, contract rules, speed.

Targets:
- quality: E = (ΣV_path − ΣV_random) / (ΣV_optimum − ΣV_random) ≥ 0.95 with the seed
  policies on, ≥ 0.97 with them off; V is the contract's path value WITH the reach rule,
  computed with the simulator's TRUE success probabilities;
- every path keeps every contract rule (the independent oracle of
  ``tests/recommend/recommend_oracle.py``): 0 violations;
- one ``recommend`` (Recommender open): p95 < 100 ms; a learner planned alone gets the
  path the batch gives them;
- optional: ``batch`` on 2 workers (target for 100,000 learners: < 60 s, < 4 GB, ≤ 3 × the
  scoring floor).

    python benchmarks/bench_paths.py [--seeds 0 1 2] [--quality-learners 20000]
        [--bench-learners 300] [--random-draws 20] [--latency-learners 1000]
        [--batch-learners 10000] [--out FILE]

Quality, for each seed: ``simulate`` ``--quality-learners`` learners over the shipped
catalog, import them, ``train`` the workspace's own model, and plan ``--bench-learners``
of them (drawn with the seed) at ``max_jp`` 40, ``min_jp`` 0 and 20, with each seed-policy
setting. The optimum of a setting is the planner itself given the true P instead of the
model's (a :class:`TruthScorer`): the same candidates, rules, exact selection, fill and
placement, so the benchmark measures the objective the planner optimises. The reference
is the optimum with every policy off (the pure contract optimum); random paths and the
baselines range over the modules the contract oracle allows (checked to be the planner's
candidates with the policies off), every step within reach, prerequisites first, within
the budget.
"""

# Closures in loops here run within their own iteration: B023 does not apply.
# ruff: noqa: B023

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "recommend"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from _results import emit  # noqa: E402
from bench_model import simulated_workspace  # noqa: E402
from recommend_oracle import RULES, CatalogOracle, OracleLearner, pitched_too_high  # noqa: E402

from curriculum_tool.model.pairs import pair_frame  # noqa: E402
from curriculum_tool.model.persist import save_model  # noqa: E402
from curriculum_tool.model.score import Scorer  # noqa: E402
from curriculum_tool.model.train import train  # noqa: E402
from curriculum_tool.recommend.batch import CHUNK  # noqa: E402
from curriculum_tool.recommend.planner import PathOptions, Recommender  # noqa: E402
from curriculum_tool.simulate.ground_truth import true_probabilities  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402

MAX_JP = 40
MIN_JPS = (0, 20)
#: Seed-policy settings: name → the PathOptions flags it turns off.
POLICY_OFF = ("offline_instead", "literacy_first", "hazard_first")
SETTINGS = {
    "policies on (default)": (),
    **{f"{name} off": (name,) for name in POLICY_OFF},
    "all policies off": POLICY_OFF,
}
DEFAULT, PURE = "policies on (default)", "all policies off"
BASELINES = ("gap rule", "popularity")
E_ON, E_OFF = 0.95, 0.97
P95_TARGET_MS = 50.0
BATCH_TARGET_N, BATCH_TARGET_S, BATCH_TARGET_MIB, FLOOR_TARGET = 100_000, 60.0, 2048.0, 2.0
SCORE_CHUNK = 1_000_000
#: Rule columns of the constraint table: the oracle's rule groups, then everything else.
RULE_COLUMNS = (*RULES, "other")


def options(setting: str, min_jp: int, periods: int = 1) -> PathOptions:
    return PathOptions(
        max_jp=MAX_JP, min_jp=min_jp, periods=periods, **dict.fromkeys(SETTINGS[setting], False)
    )


class TruthScorer(Scorer):
    """The workspace's scorer answering with the simulator's true P(success)."""

    def __init__(self, scorer: Scorer):
        self.__dict__.update(scorer.__dict__)

    def probabilities(self, learner_idx: np.ndarray, module_idx: np.ndarray) -> np.ndarray:
        if len(learner_idx) == 0:
            return np.empty(0)
        return true_probabilities(pair_frame(self.context, self.learners, learner_idx, module_idx))[
            1
        ]


# -- one seed's workspace -------------------------------------------------------------------


@dataclass
class SeedData:
    """A trained simulated workspace, its planners, the oracle's view and the bench learners."""

    seed: int
    rec: Recommender  # the workspace's own model
    truth: Recommender  # the same planner with the true P
    oracle: CatalogOracle
    learners: list[OracleLearner]  # the bench learners, as the oracle reads learners.csv
    rows: list[int]  # their rows in rec.learners
    p_true: np.ndarray  # bench learners × modules (context order)
    popularity: dict[str, int]  # outcome rows per module
    auc: float
    prepare_s: float

    def true_value(self, i: int, codes) -> float:
        """The contract's V of bench learner i's steps (in step order) with the true P."""
        index = self.rec.context.module_index
        return self.oracle.value(
            self.learners[i], [(c, float(self.p_true[i, index[c]])) for c in codes]
        )


def sim_oracle(sim: Path) -> tuple[CatalogOracle, dict[str, OracleLearner]]:
    """The shipped catalog plus the simulator's learners.csv and outcomes.csv, read by the
    oracle (completed = the ``completed`` cell plus outcomes with completed 1)."""
    extra = {
        kind: [(sim / f"{kind}.csv").read_text(encoding="utf-8")]
        for kind in ("learners", "outcomes")
    }
    oracle = CatalogOracle(extra)
    return oracle, oracle.learners()


def open_seed(folder: Path, seed: int, simulated: int, bench: int) -> SeedData:
    start = time.perf_counter()
    path, _ = simulated_workspace(folder, simulated, seed)
    with Workspace.open(path) as workspace:
        result = train(workspace, seed=seed)
        save_model(workspace, result, f"bench{seed}", activate=True)
        rec = Recommender(workspace)
        truth = Recommender(workspace, scorer=TruthScorer(rec.scorer))
    oracle, everyone = sim_oracle(folder / "sim")
    ids = [str(u) for u in rec.learners.ids]
    simulated_rows = [i for i, u in enumerate(ids) if u.startswith("SIM-")]
    rng = np.random.default_rng(seed)
    rows = sorted(
        int(r) for r in rng.choice(simulated_rows, min(bench, len(simulated_rows)), replace=False)
    )
    modules = len(rec.context.module_codes)
    pairs_l = np.repeat(np.array(rows, dtype=np.int64), modules)
    pairs_m = np.tile(np.arange(modules, dtype=np.int64), len(rows))
    p_true = truth.scorer.probabilities(pairs_l, pairs_m).reshape(len(rows), modules)
    counts = pd.read_csv(folder / "sim" / "outcomes.csv", usecols=["module"])["module"]
    return SeedData(
        seed,
        rec,
        truth,
        oracle,
        [everyone[ids[r]] for r in rows],
        rows,
        p_true,
        counts.value_counts().to_dict(),
        float(result.card["metrics"]["model"]["auc"]),
        time.perf_counter() - start,
    )


# -- the benchmark's own paths (random, baselines) --------------------------------------------


def allowed(oracle: CatalogOracle, u: OracleLearner) -> set[str]:
    """Modules the contract lets this learner take in a one-period path of MAX_JP: the
    oracle's candidates that fit the budget, whose hard prerequisites are completed or
    themselves allowed."""
    found = {
        code for code, m in oracle.modules.items() if m.jp <= MAX_JP and oracle.candidate(u, code)
    }
    while True:
        blocked = {
            code
            for code in found
            if any(r not in u.completed and r not in found for r in oracle.hard.get(code, ()))
        }
        if not blocked:
            return found
        found -= blocked


def first_fit(oracle: CatalogOracle, u: OracleLearner, take: set[str], order) -> list[str]:
    """Walk ``order``; add each module (with its missing hard prerequisites first) when all
    are in ``take``, the bundle fits the budget and no step of it is pitched too high."""
    path: list[str] = []
    used = 0
    for code in order:
        if code in path:
            continue
        bundle: list[str] = []

        def add(c: str) -> None:
            for r in sorted(oracle.hard.get(c, ())):
                if r not in u.completed and r not in path and r not in bundle:
                    add(r)
            bundle.append(c)

        add(code)
        cost = sum(oracle.modules[c].jp for c in bundle)
        if used + cost > MAX_JP or not set(bundle) <= take:
            continue
        if any(_needs_rung(oracle, u, c) for c in bundle):
            trial = path + bundle
            teaches = [oracle.modules[c].teaches for c in trial]
            if any(i >= len(path) for i in pitched_too_high(u.levels, teaches)):
                continue
        path += bundle
        used += cost
    return path


def _needs_rung(oracle: CatalogOracle, u: OracleLearner, code: str) -> bool:
    """The module raises some competency but none within direct reach (2 levels)."""
    raises = [(c, level) for c, level in oracle.modules[code].teaches.items() if level > u.level(c)]
    return bool(raises) and all(u.level(c) < level - 2 for c, level in raises)


# -- constraint checks --------------------------------------------------------------------


@dataclass
class Violations:
    """Paths checked, paths with a problem, and problems by rule, per kind of path."""

    checked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_rule: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    #: (rule, the problem with codes and numbers blanked) → [count, first example, the
    #: kinds of path it was found in]
    kinds: dict[tuple[str, str], list] = field(default_factory=dict)

    def add(self, kind: str, learner: str, found: dict[str, list[str]]) -> None:
        self.checked[kind] += 1
        if any(found.values()):
            self.failed[kind] += 1
        for rule, problems in found.items():
            self.by_rule[kind][rule] += len(problems)
            for p in problems:
                shape = re.sub(
                    r"(?<![A-Za-z])'[^']*'|\{[^}]*\}|\[[^]]*\]"
                    r"|[A-Z][\w.]*-?\d[\w.-]*|\d+",
                    "…",
                    p,
                )
                entry = self.kinds.setdefault(
                    (rule, shape), [0, f"{kind}, learner {learner}: {p}", set()]
                )
                entry[0] += 1
                entry[2].add(kind)


def record_problems(
    oracle: CatalogOracle, u: OracleLearner, path, complete: bool
) -> dict[str, list[str]]:
    """Every contract rule a planned path (its JSON) breaks, by rule."""
    record = json.loads(json.dumps(path.to_json()))
    found = oracle.rule_problems(u, record)
    other = oracle.violations(
        u, record, path.max_jp, path.min_jp, path.periods, complete=complete, rules=False
    )
    found["other"] = other
    return found


def step_problems(
    oracle: CatalogOracle, u: OracleLearner, codes: list[str], max_jp: int = MAX_JP
) -> dict[str, list[str]]:
    """The rules a bare list of one-period steps (benchmark paths, batch CSV) can break."""
    found: dict[str, list[str]] = {rule: [] for rule in RULE_COLUMNS}
    for i, code in enumerate(codes):
        m = oracle.modules.get(code)
        if m is None:
            found["other"].append(f"{code}: not in the catalog")
            continue
        if not oracle.in_audience(u, code):
            found["audience"].append(f"{code}: outside its audience {list(m.audience)}")
        if not oracle.locally_relevant(code, u.region):
            found["local_relevance"].append(f"{code}: not locally relevant in {u.region}")
        if code in oracle.obligation_modules:
            found["obligations"].append(f"{code}: an obligation module as a step")
        if (
            not (
                m.status == "approved"
                and oracle.offered(code, u.region)
                and m.min_connectivity <= oracle.connectivity[u.region]
                and m.min_literacy <= u.literacy
            )
            or code in u.completed
        ):
            found["other"].append(
                f"{code}: cannot be taken (status, scope, connectivity, literacy or completed)"
            )
        for r in oracle.hard.get(code, ()):
            if r not in u.completed and r not in codes[:i]:
                found["other"].append(
                    f"{code}: hard prerequisite {r} neither completed nor earlier"
                )
    if len(set(codes)) != len(codes):
        found["other"].append(f"a module twice: {codes}")
    total = sum(oracle.modules[c].jp for c in codes if c in oracle.modules)
    if total > max_jp:
        found["other"].append(f"{total} JP > {max_jp}")
    teaches = [oracle.modules[c].teaches for c in codes if c in oracle.modules]
    found["reach"] += [f"{codes[i]}: pitched too high" for i in pitched_too_high(u.levels, teaches)]
    return found


# -- quality ------------------------------------------------------------------------------


@dataclass
class SeedResult:
    seed: int
    auc: float
    seconds: float
    #: min_jp → row name → per-learner true V; rows: ("planner", setting),
    #: ("optimum", setting), baselines and "random"
    values: dict[int, dict[tuple[str, str] | str, np.ndarray]]
    jp: dict[int, dict[tuple[str, str] | str, float]]
    estimated: dict[int, dict[str, float]]  # mean model-estimated V, planner rows
    changed: dict[int, dict[str, int]]  # learners whose planner path ≠ the default's
    groups: dict[str, np.ndarray]
    candidate_mismatch: tuple[int, int, int]  # learners, modules only planner, only oracle
    #: setting → (planner paths below 20 JP at min_jp 0, paths min_jp 20 changes)
    fill: dict[str, tuple[int, int]]


def quality_seed(data: SeedData, draws: int, violations: Violations) -> SeedResult:
    """Every setting's planner and optimum paths, the benchmark's own paths, valued."""
    start = time.perf_counter()
    paths = plan_settings(data, violations)
    values: dict = {mj: {} for mj in MIN_JPS}
    jp: dict = {mj: {} for mj in MIN_JPS}
    for (min_jp, kind, setting), found in paths.items():
        values[min_jp][(kind, setting)] = np.array(
            [data.true_value(i, p.modules) for i, p in enumerate(found)]
        )
        jp[min_jp][(kind, setting)] = float(np.mean([p.total_jp for p in found]))
    own, own_jp, mismatch = own_paths(data, draws, violations)
    for min_jp in MIN_JPS:  # the benchmark's own paths do not depend on min_jp (they fill 40)
        values[min_jp].update(own)
        jp[min_jp].update(own_jp)

    def differ(a: list, b: list) -> int:
        return sum(x.modules != y.modules for x, y in zip(a, b))

    estimated = {
        mj: {
            setting: float(np.mean([p.expected_value for p in paths[(mj, "planner", setting)]]))
            for setting in SETTINGS
        }
        for mj in MIN_JPS
    }
    changed = {
        mj: {
            setting: differ(paths[(mj, "planner", setting)], paths[(mj, "planner", DEFAULT)])
            for setting in SETTINGS
        }
        for mj in MIN_JPS
    }
    fill = {
        setting: (
            sum(p.total_jp < 20 for p in paths[(0, "planner", setting)]),
            differ(paths[(0, "planner", setting)], paths[(20, "planner", setting)]),
        )
        for setting in SETTINGS
    }
    groups = learner_groups(data)
    touched = np.array(
        [
            a.modules != b.modules
            for a, b in zip(paths[(20, "optimum", DEFAULT)], paths[(20, "optimum", PURE)])
        ]
    )
    groups["optimum changed by the policies"] = touched
    groups["optimum not changed by the policies"] = ~touched
    return SeedResult(
        data.seed,
        data.auc,
        data.prepare_s + time.perf_counter() - start,
        values,
        jp,
        estimated,
        changed,
        groups,
        mismatch,
        fill,
    )


def plan_settings(data: SeedData, violations: Violations) -> dict[tuple[int, str, str], list]:
    """(min_jp, planner or optimum, setting) → the bench learners' paths, each checked."""
    paths = {}
    for min_jp in MIN_JPS:
        for setting in SETTINGS:
            for kind, planner in (("planner", data.rec), ("optimum", data.truth)):
                found = planner.plan_rows(data.rows, options(setting, min_jp))
                for u, p in zip(data.learners, found):
                    violations.add(
                        f"{kind}, {setting}, min_jp {min_jp}",
                        f"{u.id} (seed {data.seed})",
                        record_problems(data.oracle, u, p, complete=True),
                    )
                paths[(min_jp, kind, setting)] = found
    # Two periods: the period rules too (not valued; completeness holds for one period only).
    for p, u in zip(data.rec.plan_rows(data.rows, options(DEFAULT, 20, periods=2)), data.learners):
        violations.add(
            "planner, policies on, 2 periods",
            f"{u.id} (seed {data.seed})",
            record_problems(data.oracle, u, p, complete=False),
        )
    return paths


def own_paths(
    data: SeedData, draws: int, violations: Violations
) -> tuple[dict, dict, tuple[int, int, int]]:
    """The baselines' and random paths over the modules the oracle allows: per-learner true
    V and mean JP by name; and how the planner's candidates (policies off) differ from the
    oracle's set (learners, modules only the planner has, modules only the oracle has)."""
    rng = np.random.default_rng(1000 + data.seed)
    values = {name: np.zeros(len(data.rows)) for name in (*BASELINES, "random")}
    jp: dict[str, list[int]] = defaultdict(list)
    mismatch = [0, 0, 0]
    codes = data.rec.context.module_codes
    for i, (u, row) in enumerate(zip(data.learners, data.rows)):
        take = allowed(data.oracle, u)
        planner_own = {codes[m] for m in data.rec.situation(row, options(PURE, 0)).candidates}
        if planner_own != take:
            mismatch = [
                mismatch[0] + 1,
                mismatch[1] + len(planner_own - take),
                mismatch[2] + len(take - planner_own),
            ]
        ordered = sorted(take)
        gaps = set(data.oracle.gaps(u))
        built = [
            ("gap rule", [c for c in ordered if set(data.oracle.gain(u, c)) & gaps]),
            ("popularity", sorted(ordered, key=lambda c: -data.popularity.get(c, 0))),
        ]
        built += [
            ("random", [ordered[j] for j in rng.permutation(len(ordered))]) for _ in range(draws)
        ]
        for name, order in built:
            path = first_fit(data.oracle, u, take, order)
            violations.add(
                f"benchmark's own: {name}",
                f"{u.id} (seed {data.seed})",
                step_problems(data.oracle, u, path),
            )
            values[name][i] += data.true_value(i, path) / (draws if name == "random" else 1)
            jp[name].append(sum(data.oracle.modules[c].jp for c in path))
    return values, {name: float(np.mean(v)) for name, v in jp.items()}, tuple(mismatch)


def learner_groups(data: SeedData) -> dict[str, np.ndarray]:
    """Bench learners by what the seed policies react to (from the oracle's reading)."""
    literacy0 = np.array([u.literacy == 0 for u in data.learners])
    weak = np.array([data.oracle.connectivity[u.region] < 2 for u in data.learners])
    return {
        "digital literacy 0": literacy0,
        "literacy ≥ 1, connectivity below high": ~literacy0 & weak,
        "literacy ≥ 1, high connectivity": ~literacy0 & ~weak,
    }


def normalised(v: np.ndarray, random: np.ndarray, best: np.ndarray) -> float:
    span = best.sum() - random.sum()
    return float((v.sum() - random.sum()) / span) if span > 1e-12 else float("nan")


def per_learner(v: np.ndarray, random: np.ndarray, best: np.ndarray) -> float:
    """Mean per-learner E over learners whose optimum beats random by more than 1e-6."""
    room = (best - random) > 1e-6
    return float(((v[room] - random[room]) / (best[room] - random[room])).mean())


def pooled(results: list[SeedResult], min_jp: int, name, mask: str | None = None) -> np.ndarray:
    return np.concatenate(
        [
            r.values[min_jp][name][r.groups[mask]] if mask else r.values[min_jp][name]
            for r in results
        ]
    )


def quality_lines(results: list[SeedResult]) -> tuple[list[str], dict[str, float]]:
    """The E tables; returns them and the E of each (kind, setting, min_jp)."""
    headline: dict[str, float] = {}
    lines: list[str] = []
    for min_jp in MIN_JPS:
        random = pooled(results, min_jp, "random")
        best = pooled(results, min_jp, ("optimum", PURE))

        def row(label: str, name, same: str | None = None, differs: str = "") -> float:
            v = pooled(results, min_jp, name)
            per_seed = [
                normalised(
                    r.values[min_jp][name],
                    r.values[min_jp]["random"],
                    r.values[min_jp][("optimum", PURE)],
                )
                for r in results
            ]
            e = normalised(v, random, best)
            vs_same = (
                f"{normalised(v, random, pooled(results, min_jp, ('optimum', same))):.3f}"
                if same
                else ""
            )
            lines.append(
                f"| {label} | "
                + " | ".join(f"{x:.3f}" for x in per_seed)
                + f" | **{e:.3f}** | {per_learner(v, random, best):.3f} | {vs_same} | "
                f"{v.mean():.3f} | "
                f"{np.mean([r.jp[min_jp][name] for r in results]):.1f} | {differs} |"
            )
            return e

        title = (
            "`min_jp = 0` (no fill: the selection's value alone)"
            if min_jp == 0
            else f"`min_jp = {min_jp}` (the default, PP 11/2017)"
        )
        lines += [
            "",
            f"### {title}",
            "",
            "| path | "
            + " | ".join(f"E seed {r.seed}" for r in results)
            + " | **E** (vs pure optimum) | mean per-learner E | E vs the optimum with "
            "the same policies | mean true V | mean JP | paths ≠ default |",
            "| --- |" + " ---: |" * (len(results) + 6),
        ]
        for setting in SETTINGS:
            differs = str(sum(r.changed[min_jp][setting] for r in results))
            headline[f"planner, {setting}, {min_jp}"] = row(
                f"**planner, {setting}**", ("planner", setting), setting, differs
            )
            headline[f"optimum, {setting}, {min_jp}"] = row(
                f"optimum (true P), {setting}", ("optimum", setting), setting
            )
        for name in (*BASELINES, "random"):
            row(name, name)
        beaten = {
            setting: int(
                np.sum(
                    pooled(results, min_jp, ("planner", setting))
                    > pooled(results, min_jp, ("optimum", setting)) + 1e-9
                )
            )
            for setting in SETTINGS
        }
        lines += [
            "",
            "Learners whose planner path has a higher true V than the optimum of its "
            "setting (possible only through min_jp fill or placement): "
            + ", ".join(f"{k} {v}" for k, v in beaten.items())
            + ".",
        ]
    return lines, headline


def policy_lines(results: list[SeedResult], min_jp: int = 20) -> list[str]:
    """What each policy costs in E, for the planner and for the optimum (true P)."""
    random = pooled(results, min_jp, "random")
    best = pooled(results, min_jp, ("optimum", PURE))

    def e(kind: str, setting: str) -> float:
        return normalised(pooled(results, min_jp, (kind, setting)), random, best)

    lines = [
        "| policy | E planner, all on − this one off | E optimum, all on − this one "
        "off | planner paths it changes |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in POLICY_OFF:
        setting = f"{name} off"
        lines.append(
            f"| `{name}` | {e('planner', DEFAULT) - e('planner', setting):+.4f} | "
            f"{e('optimum', DEFAULT) - e('optimum', setting):+.4f} | "
            f"{sum(r.changed[min_jp][setting] for r in results)} |"
        )
    lines.append(
        f"| all three | {e('planner', DEFAULT) - e('planner', PURE):+.4f} | "
        f"{e('optimum', DEFAULT) - e('optimum', PURE):+.4f} | "
        f"{sum(r.changed[min_jp][PURE] for r in results)} |"
    )
    return lines


def group_lines(results: list[SeedResult], min_jp: int = 20) -> list[str]:
    """E by kind of learner: where the planner loses, to the model or to the policies."""
    lines = [
        "| learners | n | E planner, policies on | E optimum, policies on | E planner, "
        "policies off | mean V pure optimum |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for group in [None, *results[0].groups]:
        random = pooled(results, min_jp, "random", group)
        best = pooled(results, min_jp, ("optimum", PURE), group)
        if len(best) == 0:
            continue
        cells = [
            normalised(pooled(results, min_jp, name, group), random, best)
            for name in (("planner", DEFAULT), ("optimum", DEFAULT), ("planner", PURE))
        ]
        lines.append(
            f"| {group or 'all'} | {len(best)} | "
            + " | ".join(f"{c:.3f}" for c in cells)
            + f" | {best.mean():.3f} |"
        )
    return lines


# -- latency and the one-learner-equals-batch identity -------------------------------------


def latency_identity(rec: Recommender, n: int, seed: int, chunk: int) -> dict:
    """Each of ``n`` learners planned alone with ``recommend`` (timed), then all of them with
    ``plan_rows`` in chunks of ``chunk``: the same modules, order and periods?"""
    rng = np.random.default_rng(seed)
    rows = sorted(
        int(r) for r in rng.choice(len(rec.learners), min(n, len(rec.learners)), replace=False)
    )
    ids = [str(rec.learners.ids[r]) for r in rows]
    opts = PathOptions()
    rec.recommend(ids[0], opts)  # warm-up: first solver call, caches
    load = os.getloadavg()
    alone, ms = [], []
    for learner in ids:
        start = time.perf_counter()
        alone.append(rec.recommend(learner, opts))
        ms.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    together = [
        p for i in range(0, len(rows), chunk) for p in rec.plan_rows(rows[i : i + chunk], opts)
    ]
    chunked_s = time.perf_counter() - start

    def answer(p) -> tuple:
        return tuple((s.module, s.period) for s in p.steps), p.obligations

    differ = [a.learner for a, b in zip(alone, together) if answer(a) != answer(b)]
    p_diff = max(
        (
            abs(x.p_success - y.p_success)
            for a, b in zip(alone, together)
            if answer(a) == answer(b)
            for x, y in zip(a.steps, b.steps)
        ),
        default=0.0,
    )
    return {
        "ms": np.array(ms),
        "n": len(rows),
        "differ": differ,
        "p_diff": p_diff,
        "chunk": chunk,
        "chunked_s": chunked_s,
        "load": load,
        "learners": len(rec.learners),
    }


def latency_lines(lat: dict) -> list[str]:
    ms = lat["ms"]
    p95 = float(np.percentile(ms, 95))
    lines = [
        f"Seed-0 quality workspace ({lat['learners']:,} learners), Recommender open, default "
        f"options (max_jp 40, min_jp 20, policies on); {lat['n']:,} learners drawn at random; "
        f"load average before: {lat['load'][0]:.2f} / {lat['load'][1]:.2f} / "
        f"{lat['load'][2]:.2f}.",
        "",
        "| measurement | value | target | verdict |",
        "| --- | ---: | --- | --- |",
        f"| one `recommend`: p50 / **p95** / max | {np.percentile(ms, 50):.1f} / "
        f"**{p95:.1f}** / {ms.max():.1f} ms ({int((ms > P95_TARGET_MS).sum())} over "
        f"{P95_TARGET_MS:.0f} ms) | p95 < {P95_TARGET_MS:.0f} ms | "
        f"**{'PASS' if p95 < P95_TARGET_MS else 'FAIL'}** |",
        f"| `plan_rows` in chunks of {lat['chunk']} (the batch's code path) | "
        f"{lat['chunked_s'] / lat['n'] * 1000:.1f} ms a learner | | |",
        f"| learners whose path alone ≠ in the chunk (modules, order, periods, "
        f"obligations) | **{len(lat['differ'])}** of {lat['n']:,} (largest p_success "
        f"difference on equal paths: {lat['p_diff']:.1e}) | 0 | "
        f"**{'PASS' if not lat['differ'] else 'FAIL'}** |",
    ]
    if lat["differ"]:
        lines += ["", "Differing learners (first 10): " + ", ".join(lat["differ"][:10])]
    return lines


# -- agency batch (optional) ----------------------------------------------------------------


def tree_sampler(pid: int, stop: threading.Event, peak: list[float]) -> None:
    """Peak resident memory (MiB, in ``peak[0]``) of process ``pid`` and its descendants."""
    import psutil

    try:
        proc = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            procs = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += p.memory_info().rss
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.2)


def run_child(command: list[str]) -> dict:
    """Wall time, CPU of all processes and peak memory of one child command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=tree_sampler, args=(child.pid, stop, peak))
    sampler.start()
    _, stderr = child.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise RuntimeError(f"{command[2:4]} failed ({child.returncode}): {stderr[-2000:]}")
    return {
        "wall": wall,
        "tree_mib": peak[0],
        "largest_mib": after.ru_maxrss / 1024,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
    }


def batch_speed(n: int, violations: Violations) -> dict:
    """``main.py batch W --out F.csv --workers 2 --unmask`` on ``n`` simulated learners
    (seed 0, the shipped default model) in a child process, and again for one learner of
    the same workspace (the fixed cost: start-up, opening it, the workers); the scoring
    floor; every output path through the oracle's step rules."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        start = time.perf_counter()
        path, _ = simulated_workspace(folder, n, 0)
        prepare = time.perf_counter() - start
        out = folder / "paths.csv"

        def batch(target: Path, *extra: str) -> dict:
            return run_child(
                [
                    sys.executable,
                    str(ROOT / "main.py"),
                    "batch",
                    str(path),
                    "--out",
                    str(target),
                    "--workers",
                    "2",
                    "--unmask",
                    *extra,
                ]
            )

        load = os.getloadavg()
        result = batch(out)
        one = folder / "one.csv"
        one.write_text("learner\nSIM-000001\n", encoding="utf-8")
        fixed = batch(folder / "one_path.csv", "--learners", str(one))
        with Workspace.open(path) as workspace:
            start = time.perf_counter()
            rec = Recommender(workspace)
            open_s = time.perf_counter() - start
        floor = scoring_floor(rec)
        score = score_speed(path, rec, folder)
        dask = dask_speed(path, folder, out)
        oracle, learners = sim_oracle(folder / "sim")
        steps: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row in pd.read_csv(out, dtype=str).itertuples():
            steps[row.learner].append((int(row.order), row.module))
        for learner, found in steps.items():
            violations.add(
                "batch output (CSV steps)",
                learner,
                step_problems(oracle, learners[learner], [m for _, m in sorted(found)]),
            )
    return {
        **result,
        "n": len(rec.learners),
        "simulated": n,
        "prepare": prepare,
        "fixed": fixed["wall"],
        "fixed_cpu": fixed["cpu"],
        "open": open_s,
        "floor": floor,
        "score": score,
        "dask": dask,
        "load": load,
        "with_steps": len(steps),
    }


def candidate_pairs(rec: Recommender) -> tuple[np.ndarray, np.ndarray]:
    """Every learner × candidate module pair (default options), as row indices."""
    learner_idx, module_idx = [], []
    for row in range(len(rec.learners)):
        candidates = rec.situation(row).candidates
        learner_idx.append(np.full(len(candidates), row, dtype=np.int64))
        module_idx.append(candidates.astype(np.int64))
    return np.concatenate(learner_idx), np.concatenate(module_idx)


def score_speed(path: Path, rec: Recommender, folder: Path) -> dict:
    """``main.py score W PAIRS --out F`` over every learner × offered (candidate) module
    pair, in a child process: the command a batch should be no slower than."""
    learner_idx, module_idx = candidate_pairs(rec)
    pairs = folder / "pairs.csv"
    pd.DataFrame(
        {
            "learner": np.asarray(rec.learners.ids)[learner_idx],
            "module": np.asarray(rec.context.module_codes)[module_idx],
        }
    ).to_csv(pairs, index=False)
    command = [sys.executable, str(ROOT / "main.py"), "score", str(path), str(pairs)]
    # Millions of pairs: above the readers' default row limit, which guards against files
    # nobody meant to import.
    limit = os.environ.get("CURRICULUM_TOOL_MAX_ROWS")
    os.environ["CURRICULUM_TOOL_MAX_ROWS"] = str(max(len(learner_idx) + 1, 1_000_000))
    try:
        result = run_child([*command, "--out", str(folder / "scored.csv")])
    finally:
        if limit is None:
            os.environ.pop("CURRICULUM_TOOL_MAX_ROWS")
        else:
            os.environ["CURRICULUM_TOOL_MAX_ROWS"] = limit
    return {**result, "pairs": len(learner_idx)}


def dask_speed(path: Path, folder: Path, local_out: Path) -> dict:
    """The same batch on a ``dask.distributed.LocalCluster`` of two worker processes (one
    thread each) started here: wall time, each worker's peak memory, and whether the
    output equals the local run's."""
    import psutil
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(os.getpid).values())
        peaks = dict.fromkeys(pids, 0.0)
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                for pid in pids:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        rss = psutil.Process(pid).memory_info().rss / 2**20
                        peaks[pid] = max(peaks[pid], rss)
                stop.wait(0.2)

        sampler = threading.Thread(target=sample)
        sampler.start()
        out = folder / "dask.csv"
        try:
            result = run_child(
                [
                    sys.executable,
                    str(ROOT / "main.py"),
                    "batch",
                    str(path),
                    "--out",
                    str(out),
                    "--scheduler",
                    cluster.scheduler_address,
                    "--unmask",
                ]
            )
        finally:
            stop.set()
            sampler.join()
    return {**result, "workers_mib": sorted(peaks.values()), "same": same_csv(out, local_out)}


def same_csv(a: Path, b: Path) -> bool:
    """Whether two batch CSVs hold the same rows (their paths were planned at different
    times, which the CSV does not carry)."""
    return a.read_bytes() == b.read_bytes()


def scoring_floor(rec: Recommender) -> dict:
    """Score every learner × candidate pair (default options) once, 1M pairs a call."""
    learner_idx, module_idx = candidate_pairs(rec)
    start = time.perf_counter()
    for i in range(0, len(learner_idx), SCORE_CHUNK):
        rec.scorer.probabilities(learner_idx[i : i + SCORE_CHUNK], module_idx[i : i + SCORE_CHUNK])
    return {"pairs": len(learner_idx), "seconds": time.perf_counter() - start}


def batch_lines(b: dict) -> list[str]:
    n, fl = b["n"], b["floor"]
    scale = BATCH_TARGET_N / n
    ratio = b["wall"] / fl["seconds"]
    marginal = (b["wall"] - b["fixed"]) / n
    estimate = b["fixed"] + b["open"] * (scale - 1) + marginal * BATCH_TARGET_N
    cpu_marginal = (b["cpu"] - b["fixed_cpu"]) / n
    idle = b["fixed"] + b["open"] * (scale - 1) + cpu_marginal * BATCH_TARGET_N / 2
    floor_estimate = fl["seconds"] * scale
    lines = [
        f"Workspace: {n:,} learners ({b['simulated']:,} simulated, seed 0, plus the catalog's "
        f"own) with the shipped default model; simulate + import {b['prepare']:.0f} s (not "
        "timed). `python main.py batch W --out paths.csv --workers 2 --unmask` (defaults: "
        "max_jp 40, min_jp 20, policies on, the exact selection for every learner; it writes "
        "the CSV and stores every path) in a child process. Load average before: "
        f"{b['load'][0]:.2f} / {b['load'][1]:.2f} / {b['load'][2]:.2f}.",
        "",
        "| measurement | value |",
        "| --- | ---: |",
        f"| `batch` {n:,} learners, wall time | **{b['wall']:.1f} s** |",
        f"| the same command for one learner (`--learners` a one-line file): the fixed cost "
        f"| {b['fixed']:.1f} s |",
        f"| marginal wall time a learner, (wall − fixed) / {n:,} | {marginal * 1000:.2f} ms |",
        f"| `batch` CPU time, all processes | {b['cpu']:.1f} s "
        f"({b['cpu'] / b['wall']:.2f} cores busy on average) |",
        f"| peak memory: whole process tree (sampled) / largest process (getrusage) | "
        f"**{b['tree_mib']:,.0f}** / {b['largest_mib']:,.0f} MiB |",
        f"| floor: score all {fl['pairs']:,} learner × candidate pairs once (one process) | "
        f"{fl['seconds']:.1f} s |",
        f"| batch / floor at {n:,} learners | {ratio:.1f} × |",
        f"| `score` over the same {b['score']['pairs']:,} learner × candidate pairs (a child "
        f"process, CSV in and out) | {b['score']['wall']:.1f} s |",
        f"| batch / `score` | **{b['wall'] / b['score']['wall']:.2f} ×** (goal ≤ 1) |",
        f"| the same batch on a Dask `LocalCluster` (2 worker processes × 1 thread), "
        f"`--scheduler` | {b['dask']['wall']:.1f} s; worker peak memory "
        + " / ".join(f"{m:,.0f}" for m in b["dask"]["workers_mib"])
        + f" MiB; the command's process tree {b['dask']['tree_mib']:,.0f} MiB; output "
        + ("**identical** to the local run's" if b["dask"]["same"] else "**differs**")
        + " |",
        f"| open the workspace (`Recommender`, {n:,} learners, in this process) | "
        f"{b['open']:.1f} s |",
        f"| learners with a path in the output | {b['with_steps']:,} |",
    ]
    peak = max(b["tree_mib"], b["largest_mib"])
    if n >= BATCH_TARGET_N:  # measured at the target size: verdicts on the measurement
        return [
            *lines,
            "",
            f"**At {n:,} learners (measured):** {b['wall']:,.0f} s against the target "
            f"{BATCH_TARGET_S:.0f} s (**{'PASS' if b['wall'] < BATCH_TARGET_S else 'FAIL'}**); "
            f"batch / floor **{ratio:.1f} ×** against ≤ {FLOOR_TARGET:.0f} × "
            f"(**{'PASS' if ratio <= FLOOR_TARGET else 'FAIL'}**); peak memory {peak:,.0f} MiB "
            f"against < {BATCH_TARGET_MIB:,.0f} MiB "
            f"(**{'PASS' if peak < BATCH_TARGET_MIB else 'FAIL'}**). CPU time beyond the "
            f"one-learner run: {cpu_marginal * 1000:.2f} CPU-ms a learner, so on an idle 2-core "
            f"machine ≈ {b['fixed'] + cpu_marginal * n / 2:,.0f} s.",
        ]
    return [
        *lines,
        "",
        f"**Extrapolated to {BATCH_TARGET_N:,} learners (not measured):** fixed cost + opening "
        f"the larger workspace (opening grows with learners: + {b['open']:.2f} s × "
        f"{scale - 1:.1f}) + the marginal time × {BATCH_TARGET_N:,} ≈ {b['fixed']:.0f} + "
        f"{b['open'] * (scale - 1):.0f} + {marginal * BATCH_TARGET_N:.0f} ≈ "
        f"**{estimate:,.0f} s** against the target {BATCH_TARGET_S:.0f} s "
        f"(**{'PASS' if estimate < BATCH_TARGET_S else 'FAIL'}**); the floor scales with the "
        f"pairs (≈ {floor_estimate:.0f} s), so batch / floor ≈ "
        f"**{estimate / floor_estimate:.1f} ×** against ≤ {FLOOR_TARGET:.0f} × "
        f"(**{'PASS' if estimate / floor_estimate <= FLOOR_TARGET else 'FAIL'}**). Wall "
        "times move with the machine's other load (cores busy on average above: 2 means the "
        "batch had both); from CPU time instead, which load changes less: "
        f"{cpu_marginal * 1000:.2f} CPU-ms a learner beyond the one-learner run, so on an idle "
        f"2-core machine ≈ {b['fixed']:.0f} + {b['open'] * (scale - 1):.0f} + "
        f"{cpu_marginal * BATCH_TARGET_N:.0f} / 2 ≈ **{idle:,.0f} s** for "
        f"{BATCH_TARGET_N:,} learners. Memory "
        "holds a few chunks of paths plus the learner arrays in each process, so it grows "
        f"far slower than the learners: {max(b['tree_mib'], b['largest_mib']):,.0f} MiB here "
        f"against < {BATCH_TARGET_MIB / 1024:.0f} GB.",
    ]


# -- report ---------------------------------------------------------------------------------


def code_state() -> tuple[str, str]:
    """What code is measured: a description (the commit, and package files with
    uncommitted changes) and an identity (the package's tree and uncommitted diff)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    changed = [line[3:] for line in git("status", "--porcelain", "curriculum_tool").splitlines()]
    digest = hashlib.sha1(git("diff", "HEAD", "--", "curriculum_tool").encode()).hexdigest()
    text = f"commit {git('rev-parse', '--short', 'HEAD')}" + (
        f" with uncommitted changes in {', '.join(changed)} (diff sha1 {digest[:10]})"
        if changed
        else ""
    )
    return text, git("rev-parse", "HEAD:curriculum_tool") + digest


def machine() -> str:
    import psutil

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{cpu} ({platform.machine()}), {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB; Python "
        f"{platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__} "
        f"(HiGHS via `scipy.optimize.milp`), scikit-learn {sklearn.__version__}, pandas "
        f"{pd.__version__}"
    )


def constraint_lines(violations: Violations, results: list[SeedResult]) -> list[str]:
    mismatch = np.sum([r.candidate_mismatch for r in results], axis=0)
    checked = sum(len(r.groups["digital literacy 0"]) for r in results)
    lines = [
        "Planned paths (planner and optimum): their contract JSON through "
        "`CatalogOracle.rule_problems` (reach along the step order, audience, local "
        "relevance, obligations) and `CatalogOracle.violations(..., complete=periods == 1, "
        "rules=False)` (budget, periods, prerequisites, deliverability, approval, scope, "
        "completed, expected_value recomputed, true reasons, every gap-closing module a step "
        "or excluded with a true reason, nothing addable below min_jp). The oracle reads the "
        "catalog CSVs plus the simulator's learners.csv and outcomes.csv with the standard "
        "library. The benchmark's own paths and the batch CSV (steps only) through the step "
        "rules the oracle can judge from a list of modules. Cells: problems found by rule.",
        "",
        "| paths | checked | with a violation | " + " | ".join(RULE_COLUMNS) + " |",
        "| --- | ---: | ---: |" + " ---: |" * len(RULE_COLUMNS),
    ]
    for kind, n in violations.checked.items():
        lines.append(
            f"| {kind} | {n:,} | {violations.failed[kind]:,} | "
            + " | ".join(f"{violations.by_rule[kind][r]:,}" for r in RULE_COLUMNS)
            + " |"
        )
    total = sum(violations.failed.values())
    lines += [
        "",
        f"Paths with a violation: **{total}** of "
        f"{sum(violations.checked.values()):,} — target 0: "
        f"**{'PASS' if total == 0 else 'FAIL'}**",
    ]
    if violations.kinds:
        lines += [
            "",
            "Problems by kind (codes and numbers blanked), with the first example:",
            "",
            "| rule | problem | count | in paths of | first example |",
            "| --- | --- | ---: | --- | --- |",
        ]
        for (rule, shape), (count, example, kinds) in sorted(
            violations.kinds.items(), key=lambda item: -item[1][0]
        ):
            where = "; ".join(sorted(kinds)) if len(kinds) <= 3 else f"{len(kinds)} kinds"
            lines.append(
                f"| {rule} | {shape} | {count:,} | {where} | {example.replace('|', '/')} |"
            )
    lines += [
        "",
        f"Candidate sets: the planner's candidates with every policy off against the "
        f"modules the oracle allows (candidate, ≤ {MAX_JP} JP, hard prerequisites "
        f"completed or allowed), for the {checked:,} bench learners: "
        f"**{mismatch[0]}** learners differ ({mismatch[1]} modules only the planner "
        f"offers, {mismatch[2]} only the oracle allows). Random paths and baselines "
        "range over the oracle's set.",
    ]
    return lines


#: Where the batch's time goes and what else was measured (the files hold the numbers).
WHERE_THE_TIME_GOES = (
    "**Where the time goes** ([batch_profile.md](batch_profile.md), "
    "`python benchmarks/profile_batch.py`): scoring every pair is about 2% of a batch; "
    "the exact selection is about 70% (HiGHS solving one small program per learner at its "
    "root node, about 3 ms, half of that; building the program and scipy's checks the "
    "other half); feasibility with its exclusion reasons, explanations, order and periods "
    "are the rest, Python learner by learner. Storing no longer counts: the chunks are "
    "staged while the workers plan and swapped in at the end. **What else was measured** "
    "([selection_methods.md](selection_methods.md), "
    "`python benchmarks/selection_methods.py`): HiGHS's defaults (nearly twice as slow, the "
    "feasibility-jump heuristic), the LP relaxation (rarely integral, so no shortcut), one "
    "program for many learners (slower than one each), greedy with local search (faster "
    "but not the same answer for one learner in seven, losing about 1% of the objective) "
    "and a branch and bound in Python (the same answers, dozens of times slower). Reaching "
    "the scoring floor needs the planner itself in blocks of learners as arrays "
    "(feasibility, reasons as codes, explanations), and an exact selection that does not "
    "pay a solver's start-up per learner; both are left for later."
)
PREVIOUS = (
    "Before the batch work of issue 14 (commit 2a2a821, 2026-12-06): `batch` of 10,041 "
    "learners 82.6 s (7.76 ms a learner beyond the fixed cost, 15.15 CPU-ms), paths pickled "
    "back as objects and stored inside one write transaction held for the whole run. "
    "Previous results (greedy and exact methods, before the reach rule, audience, local "
    "relevance, obligations and the hazard-first policy; 2026-11-25): E 0.941 exact / 0.904 "
    "greedy against an optimum over all deliverable modules, and `batch` of 100,041 learners "
    "with the greedy method in 160–175 s. Those E values were measured under the old "
    "objective (no reach rule) and a different reference, so they are not comparable with "
    "the ones above."
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument(
        "--quality-learners",
        type=int,
        default=20_000,
        help="simulated learners per quality workspace (training data)",
    )
    parser.add_argument(
        "--bench-learners", type=int, default=300, help="learners whose paths are valued, per seed"
    )
    parser.add_argument("--random-draws", type=int, default=20)
    parser.add_argument("--latency-learners", type=int, default=1_000)
    parser.add_argument(
        "--batch-learners",
        type=int,
        default=10_000,
        help="simulated learners of the batch measurement (0: skip it)",
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    command = shlex.join(["python", "benchmarks/bench_paths.py", *sys.argv[1:]])
    code, identity = code_state()

    violations = Violations()
    results, lat = [], None
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as folder:
            data = open_seed(Path(folder), seed, args.quality_learners, args.bench_learners)
            results.append(quality_seed(data, args.random_draws, violations))
            if lat is None and args.latency_learners:
                lat = latency_identity(data.rec, args.latency_learners, seed, CHUNK // 8)
        print(f"seed {seed}: {results[-1].seconds:.0f} s", file=sys.stderr)
    batch = batch_speed(args.batch_learners, violations) if args.batch_learners else None

    table, e = quality_lines(results)
    on, off = e[f"planner, {DEFAULT}, 20"], e[f"planner, {PURE}, 20"]
    on0, off0 = e[f"planner, {DEFAULT}, 0"], e[f"planner, {PURE}, 0"]
    n = sum(len(r.groups["digital literacy 0"]) for r in results)
    lines = [
        "# Learning-path benchmark",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {machine()}. Run on {time.strftime('%Y-%m-%d')}; the machine is shared, "
        "so timings carry other work's load.",
        "",
        f"Code: {code}."
        + (
            ""
            if code_state()[1] == identity
            else f" **The package code changed during the run** (at the end: {code_state()[0]})."
        ),
        "",
        "## 1. Path quality against the simulator's truth",
        "",
        "V is contract §3's value **with the reach rule** (a module lifts a competency only "
        "from at most 2 levels below, or after a rung earlier in the path), computed by the "
        "oracle (`CatalogOracle.value`, along the step order) with the simulator's **true** "
        "`p_success` (`true_probabilities` on the pair frame). "
        "`E = (ΣV_path − ΣV_random) / (ΣV_pure optimum − ΣV_random)`, pooled over "
        f"{len(results)} seeds × {args.bench_learners} learners ({n:,}); max_jp {MAX_JP}, one "
        "period.",
        "",
        f"- data: per seed, {args.quality_learners:,} simulated learners over the shipped "
        "catalog imported into a fresh workspace, a model trained on it (`train`, activated); "
        f"{args.bench_learners} of its simulated learners drawn with the seed;",
        "- **planner, <setting>**: `Recommender.plan_rows` with the workspace's model, the "
        "seed policies of the setting (`offline_instead`, `literacy_first`, `hazard_first`);",
        "- **optimum (true P), <setting>**: the same planner with the true P in place of the "
        "model's (same candidates, policies, exact HiGHS selection, min_jp fill and "
        "placement): the best the planner can do with that setting. The **reference** "
        "(E = 1) is the optimum with **all policies off**, the pure contract optimum; the "
        "column *E vs the optimum with the same policies* uses the optimum of the row's own "
        "setting instead;",
        "- **gap rule**: every allowed module raising a gap competency, in code order, "
        "first fit (with its missing hard prerequisites first; skipped when a step would be "
        "pitched too high); **popularity**: allowed modules by outcome rows, first fit; "
        f"**random**: allowed modules in random order, first fit, mean of {args.random_draws} "
        "draws per learner (E = 0). They range over the modules the contract oracle allows "
        "and do not depend on min_jp;",
        "- *paths ≠ default*: planner paths (modules) that differ from the default setting's.",
        "",
        "| seed | model AUC (held out) | seconds (prepare + measure) |",
        "| ---: | ---: | ---: |",
    ]
    lines += [f"| {r.seed} | {r.auc:.4f} | {r.seconds:.0f} |" for r in results]
    lines += table
    lines += [
        "",
        "### What each seed policy costs (`min_jp = 20`, E against the pure optimum)",
        "",
        *policy_lines(results),
    ]
    lines += [
        "",
        "### Where E is lost (`min_jp = 20`, pooled; the first three groups "
        "partition the learners, the last two too; *changed by the policies*: the "
        "optimum with the policies on differs from the pure optimum)",
        "",
    ]
    lines += group_lines(results)
    lines += [
        "",
        "Model-estimated V of the planner's paths (`expected_value`, the model's P) "
        "against their true V:",
        "",
        "| setting | min_jp | mean estimated V | mean true V |",
        "| --- | ---: | ---: | ---: |",
    ]
    for min_jp in MIN_JPS:
        for setting in (DEFAULT, PURE):
            est = np.mean([r.estimated[min_jp][setting] for r in results])
            lines.append(
                f"| {setting} | {min_jp} | {est:.3f} | "
                f"{pooled(results, min_jp, ('planner', setting)).mean():.3f} |"
            )
    lines += [
        "",
        "The min_jp fill: planner paths below 20 JP at `min_jp = 0` / paths that "
        "`min_jp = 20` changes, by setting: "
        + ", ".join(
            f"{setting} {sum(r.fill[setting][0] for r in results)} / "
            f"{sum(r.fill[setting][1] for r in results)}"
            for setting in SETTINGS
        )
        + ".",
    ]
    same_on = min(e[f"planner, {DEFAULT}, {mj}"] / e[f"optimum, {DEFAULT}, {mj}"] for mj in MIN_JPS)
    lines += [
        "",
        "Targets (E against the pure optimum, both min_jp):",
        "",
        f"- E ≥ {E_ON:.2f} with the policies on: {on0:.3f} / {on:.3f} at min_jp 0 / 20: "
        f"**{'PASS' if min(on, on0) >= E_ON else 'FAIL'}** (against the optimum with "
        f"the same policies, at least {same_on:.3f}: the policies' own cost, not the "
        "planner's selection, is what E loses);",
        f"- E ≥ {E_OFF:.2f} with them off: {off0:.3f} / {off:.3f}: "
        f"**{'PASS' if min(off, off0) >= E_OFF else 'FAIL'}**.",
    ]

    lines += ["", "## 2. Contract rules", "", *constraint_lines(violations, results)]
    if lat:
        lines += ["", "## 3. `recommend` latency and one learner = the batch", ""]
        lines += latency_lines(lat)
    if batch:
        lines += ["", "## 4. Agency batch (optional: `--batch-learners 0` skips it)", ""]
        lines += batch_lines(batch)
    if batch:
        lines += ["", WHERE_THE_TIME_GOES]
    lines += ["", f"Whole run: {time.perf_counter() - started:.0f} s.", "", PREVIOUS]
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
