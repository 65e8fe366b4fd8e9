"""Benchmark: learning-path quality against the simulator's truth, constraints, and speed.

Targets (issue "learning paths", contract §3):
- quality: normalised value E = (V_path − V_random) / (V_oracle − V_random) ≥ 0.90 for
  the recommender, V computed with the simulator's TRUE success probabilities;
- every path satisfies the constraints (budget, hard prerequisites first, only takeable
  modules): 0 violations;
- one ``recommend`` (Recommender already open): p95 < 100 ms;
- ``batch`` of 100,000 learners on 2 workers: < 60 s and < 4 GB, and at most 3 × the
  floor (scoring every learner × takeable module pair once).

    python benchmarks/bench_paths.py [--seeds 0 1 2] [--quality-learners 20000]
        [--bench-learners 300] [--batch-learners 100000] [--out FILE]

Quality: for each seed, ``simulate`` ``--quality-learners`` learners over the shipped
catalog, import them, ``train`` a model on that workspace (so P is the workspace's own
model) and plan ``--bench-learners`` of them; every path is valued with the true
``p_success`` of the simulator (``true_probabilities`` on the learner's pair frame). The
reference points are ``random`` (random feasible paths filling the budget, averaged over
``--random-draws`` draws) and ``oracle`` (the exact optimum under the true P); two
baselines (``gap rule``: gap-closing modules in catalog order; ``popularity``: modules
by outcome rows) and ``greedy on true P`` (the greedy selection given the true P: how much
of the loss is the model's and how much the algorithm's) are measured the same way.

Speed: one workspace of ``--batch-learners`` simulated learners (seed 0) with the
shipped default model; ``batch`` runs as a child process (``main.py batch W --out F.csv
--workers 2``), its wall time and peak memory (largest process from
``getrusage(RUSAGE_CHILDREN)``, and the whole process tree sampled with psutil). The
floor scores all learner × takeable pairs once with ``Scorer.probabilities`` (1M per
call; building the pairs is not timed). The cost breakdown profiles ``plan_rows`` on
``--profile-learners`` learners in this process and the batch main process
(``python -m cProfile``) on ``--profile-batch-learners`` learners.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import inspect
import io
import os
import pickle
import platform
import pstats
import resource
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

from _results import emit  # noqa: E402

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from bench_model import simulated_workspace  # noqa: E402

from curriculum_tool.domain.vocab import CONNECTIVITY_RANK, NATIONAL  # noqa: E402
from curriculum_tool.io.masking import pseudonym  # noqa: E402
from curriculum_tool.model.dataset import outcomes_frame  # noqa: E402
from curriculum_tool.model.persist import save_model  # noqa: E402
from curriculum_tool.model.train import train  # noqa: E402
from curriculum_tool.recommend.feasibility import situation  # noqa: E402
from curriculum_tool.recommend.planner import PathOptions, Recommender  # noqa: E402
from curriculum_tool.recommend.select import SelectionProblem, select  # noqa: E402
from curriculum_tool.simulate.ground_truth import true_probabilities  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402

MAX_JP = 40
#: min_jp of the two quality tables: 0 (no fill: the value alone) and the default 20.
MIN_JPS = (0, 20)
#: Rows of the quality tables, in order.
PLANNER_ORACLE = "oracle within the planner's candidates"
METHODS = ("exact", "greedy", "greedy on true P", PLANNER_ORACLE, "gap rule", "popularity",
           "random", "oracle")
RECOMMENDER = ("exact", "greedy")
E_TARGET = 0.90
P95_TARGET_MS = 100.0
BATCH_TARGET_S, BATCH_TARGET_MIB, FLOOR_TARGET = 60.0, 4096.0, 3.0
SCORE_CHUNK = 1_000_000


# -- one learner against the truth ---------------------------------------------------------

@dataclass
class Case:
    """One benchmark learner: takeable modules, gaps, true P, and what each module needs."""

    row: int
    modules: np.ndarray          # K context indices (takeable)
    local: dict[int, int]        # context index → k
    jp: np.ndarray               # K
    gain: np.ndarray             # K × G, gain on gap competencies
    gaps: np.ndarray             # G
    p_true: np.ndarray           # K
    need: np.ndarray             # K × K, transitive missing hard prerequisites + itself
    problem: SelectionProblem    # under the true P

    def value(self, modules) -> float:
        """True V of a path given by context indices (a module outside K adds nothing:
        the constraint check reports it)."""
        ks = [self.local[int(m)] for m in modules if int(m) in self.local]
        if not ks or len(self.gaps) == 0:
            return 0.0
        coverage = (self.p_true[ks, None] * self.gain[ks]).sum(axis=0)
        return float(np.minimum(self.gaps, coverage).sum())


def learner_situation(rec: Recommender, row: int):
    """``situation`` called the way ``Recommender.plan_rows`` calls it (its signature has
    changed as the planner is optimised: pass what the installed version takes)."""
    params = inspect.signature(situation).parameters
    if "catalog" in params and hasattr(rec, "catalog"):
        extra = {"done": rec.done[row]} if "done" in params and hasattr(rec, "done") else {}
        return situation(rec.context, rec.learners, row, MAX_JP, catalog=rec.catalog, **extra)
    return situation(rec.context, rec.learners, row, MAX_JP, rec.hard)


class Feasible:
    """Contract §3's takeable modules, computed here from the context arrays and not by
    the planner (whose own rules may leave out more, e.g. dominated online modules): the
    oracle and the random paths range over every module the contract allows."""

    def __init__(self, rec: Recommender):
        self.rec = rec
        self.hard = rec.context.hard_prerequisites.toarray()
        self.taught = rec.context.module_levels.astype(np.int16)

    def __call__(self, row: int, period_cap: int = MAX_JP):
        context, learners = self.rec.context, self.rec.learners
        region = int(learners.region[row])
        done = learners.completed[row].toarray().ravel()
        takeable = (context.region_offered[region]          # approved, national or local
                    & (context.module_min_connectivity <= context.region_connectivity[region])
                    & (context.module_min_digital_literacy <= learners.digital_literacy[row])
                    & ~done & (context.module_jp <= period_cap))
        while True:  # every hard prerequisite completed or itself takeable
            still = takeable & ~(self.hard & ~(takeable | done)).any(axis=1)
            if (still == takeable).all():
                break
            takeable = still
        levels = learners.levels[row].astype(np.int16)
        gaps = np.maximum(learners.targets[row].astype(np.int16) - levels, 0)
        gain = np.where(self.taught > 0, np.maximum(self.taught - levels, 0), 0)
        return np.flatnonzero(takeable), gaps, gain


def make_case(rec: Recommender, feasible: Feasible, row: int) -> Case:
    context = rec.context
    modules, all_gaps, all_gain = feasible(row)
    gap_columns = np.flatnonzero(all_gaps > 0)
    if len(modules):
        frame = context.pair_frame(rec.learners, np.full(len(modules), row, dtype=np.int64),
                                   modules)
        p_true = true_probabilities(frame)[1]
    else:
        p_true = np.zeros(0)
    gain = all_gain[modules][:, gap_columns].astype(np.float64)
    gaps = all_gaps[gap_columns].astype(np.float64)
    hard = feasible.hard[np.ix_(modules, modules)]
    problem = SelectionProblem(modules, context.module_jp[modules], p_true, gain, gaps, hard,
                               p_true.copy())
    return Case(row, modules, {int(m): k for k, m in enumerate(modules)},
                context.module_jp[modules].astype(np.float64), gain, gaps, p_true,
                problem.need, problem)


def planner_oracle(rec: Recommender, case: Case) -> list[int]:
    """The exact optimum under the true P over the planner's own candidate modules
    (``situation(...).candidates``), which may be fewer than the contract allows."""
    own = [case.local[int(m)] for m in learner_situation(rec, case.row).candidates
           if int(m) in case.local]
    if not own:
        return []
    own = np.array(sorted(own))
    p = case.p_true[own]
    problem = SelectionProblem(case.modules[own], case.jp[own], p, case.gain[own],
                               case.gaps, case.problem.edges[np.ix_(own, own)], p.copy())
    chosen = select(problem, MAX_JP, 0, "exact")
    return [int(m) for m in sorted(case.modules[own][chosen],
                                   key=lambda m: (int(case.need[case.local[int(m)]].sum()),
                                                  int(m)))]


def first_fit(case: Case, order) -> list[int]:
    """Walk ``order`` (local indices); add each module with its missing hard prerequisites
    (prerequisites first) when the bundle fits the budget. Returns context indices."""
    chosen = np.zeros(len(case.modules), dtype=bool)
    path: list[int] = []
    used = 0.0
    for k in order:
        if chosen[k]:
            continue
        bundle = np.flatnonzero(case.need[k] & ~chosen)
        cost = float(case.jp[bundle].sum())
        if used + cost > MAX_JP:
            continue
        # A prerequisite's own needs are a strict subset of its dependant's: fewer first.
        for b in sorted(bundle, key=lambda b: (int(case.need[b].sum()), int(b))):
            path.append(int(case.modules[b]))
        chosen[bundle] = True
        used += cost
    return path


def topological(case: Case, chosen: np.ndarray) -> list[int]:
    """Chosen local indices in a prerequisite-respecting order, as context indices."""
    picked = np.flatnonzero(chosen)
    return [int(case.modules[k]) for k in
            sorted(picked, key=lambda k: (int(case.need[k].sum()), int(k)))]


# -- constraints, checked against the catalog records --------------------------------------

class Checker:
    """Checks paths against the workspace's records, not the planner's arrays."""

    def __init__(self, workspace: Workspace, rec: Recommender):
        self.modules = {m.code: m for m in workspace.load("modules")}
        regions = {r.code: r for r in workspace.load("regions")}
        self.connectivity = {code: CONNECTIVITY_RANK[r.connectivity]
                             for code, r in regions.items()}
        self.chain: dict[str, set[str]] = {}
        for code in regions:
            chain, at = set(), code
            while at and at not in chain:
                chain.add(at)
                at = regions[at].parent
            self.chain[code] = chain
        self.hard: dict[str, list[str]] = defaultdict(list)
        for p in workspace.load("prerequisites"):
            if p.kind == "hard":
                self.hard[p.module].append(p.requires)
        self.rec = rec
        self.codes = rec.context.module_codes

    def completed(self, row: int) -> set[str]:
        done = self.rec.learners.completed
        return {self.codes[m] for m in done.indices[done.indptr[row]:done.indptr[row + 1]]}

    def check(self, row: int, steps: list[tuple[str, int, int]], max_jp: int = MAX_JP,
              periods: int = 1) -> list[str]:
        """Violations of one path; ``steps`` = (module code, jp, period) in path order."""
        learners = self.rec.learners
        region = self.rec.context.region_codes[int(learners.region[row])]
        literacy = int(learners.digital_literacy[row])
        done = self.completed(row)
        problems: list[str] = []
        total = sum(jp for _, jp, _ in steps)
        if total > max_jp:
            problems.append(f"budget: {total} JP > {max_jp}")
        cap = max_jp / periods
        load: dict[int, int] = defaultdict(int)
        period_of: dict[str, int] = {}
        for code, jp, period in steps:
            module = self.modules.get(code)
            if module is None:
                problems.append(f"{code}: not in the catalog")
                continue
            if jp != module.jp:
                problems.append(f"{code}: step says {jp} JP, catalog {module.jp}")
            if code in period_of:
                problems.append(f"{code}: twice in the path")
            if code in done:
                problems.append(f"{code}: already completed")
            if module.status != "approved":
                problems.append(f"{code}: not approved ({module.status})")
            if module.scope != NATIONAL and module.scope not in self.chain[region]:
                problems.append(f"{code}: local to {module.scope}, learner in {region}")
            if CONNECTIVITY_RANK[module.min_connectivity] > self.connectivity[region]:
                problems.append(f"{code}: needs {module.min_connectivity} connectivity, "
                                f"{region} has rank {self.connectivity[region]}")
            if module.min_digital_literacy > literacy:
                problems.append(f"{code}: needs literacy {module.min_digital_literacy}, "
                                f"learner has {literacy}")
            if not 1 <= period <= periods:
                problems.append(f"{code}: period {period} outside 1..{periods}")
            for r in self.hard.get(code, []):
                if r in done:
                    continue
                if r not in period_of:
                    problems.append(f"{code}: hard prerequisite {r} neither completed nor "
                                    "an earlier step")
                elif period_of[r] > period:
                    problems.append(f"{code}: hard prerequisite {r} in a later period")
            load[period] += jp
            period_of[code] = period
        for period, hours in load.items():
            if hours > cap + 1e-9:
                problems.append(f"period {period}: {hours} JP > {cap:g}")
        return problems


@dataclass
class Violations:
    checked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)

    def add(self, kind: str, learner: str, problems: list[str]) -> None:
        self.checked[kind] += 1
        if problems:
            self.found[kind] += 1
            for p in problems:
                if len(self.examples) < 30:
                    self.examples.append(f"{kind}, learner {learner}: {p}")


def path_steps(path) -> list[tuple[str, int, int]]:
    return [(s.module, s.jp, s.period) for s in path.steps]


def context_steps(rec: Recommender, modules: list[int]) -> list[tuple[str, int, int]]:
    return [(rec.context.module_codes[m], int(rec.context.module_jp[m]), 1) for m in modules]


# -- quality --------------------------------------------------------------------------------

@dataclass
class SeedResult:
    seed: int
    learners: int
    auc: float
    #: min_jp → method → per-learner true V
    values: dict[int, dict[str, np.ndarray]]
    jp: dict[int, dict[str, float]]            # mean JP of the paths
    estimated: dict[int, dict[str, float]]     # mean model-estimated V (recommender)
    seconds: float
    groups: dict[str, np.ndarray]              # learner subgroups (boolean masks)


def quality_seed(seed: int, learners: int, bench: int, draws: int,
                 violations: Violations) -> SeedResult:
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as folder:
        path, _ = simulated_workspace(Path(folder), learners, seed)
        with Workspace.open(path) as workspace:
            result = train(workspace, seed=seed)
            save_model(workspace, result, f"bench{seed}", activate=True)
            rec = Recommender(workspace)
            checker = Checker(workspace, rec)
            counts = outcomes_frame(workspace)["module"].value_counts()
    popularity = np.array([counts.get(code, 0) for code in rec.context.module_codes])
    sim_rows = [i for i, u in enumerate(rec.learners.ids) if str(u).startswith("SIM-")]
    rows = sorted(int(r) for r in rng.choice(sim_rows, size=min(bench, len(sim_rows)),
                                             replace=False))
    ids = [str(rec.learners.ids[r]) for r in rows]
    feasible = Feasible(rec)
    cases = [make_case(rec, feasible, r) for r in rows]
    literacy0 = rec.learners.digital_literacy[rows] == 0
    weak = rec.context.region_connectivity[rec.learners.region[rows]] < max(
        CONNECTIVITY_RANK.values())
    groups = {"digital literacy 0": literacy0,
              "literacy ≥ 1, connectivity below high": ~literacy0 & weak,
              "literacy ≥ 1, high connectivity": ~literacy0 & ~weak}

    values = {mj: {m: np.zeros(len(rows)) for m in METHODS} for mj in MIN_JPS}
    jp = {mj: {m: 0.0 for m in METHODS} for mj in MIN_JPS}
    estimated = {mj: {} for mj in MIN_JPS}
    code_index = rec.context.module_index
    for min_jp in MIN_JPS:
        for method in RECOMMENDER:
            paths = rec.plan_rows(rows, PathOptions(max_jp=MAX_JP, min_jp=min_jp,
                                                    method=method))
            for i, (case, p) in enumerate(zip(cases, paths)):
                values[min_jp][method][i] = case.value([code_index[s.module]
                                                        for s in p.steps])
                violations.add(f"{method}, min_jp {min_jp}", ids[i],
                               checker.check(case.row, path_steps(p)))
            jp[min_jp][method] = float(np.mean([p.total_jp for p in paths]))
            estimated[min_jp][method] = float(np.mean([p.expected_value for p in paths]))
    # Two periods: the period constraints too (not part of the value tables).
    paths = rec.plan_rows(rows, PathOptions(max_jp=MAX_JP, periods=2, method="exact"))
    for i, p in enumerate(paths):
        violations.add("exact, 2 periods", ids[i], checker.check(rows[i], path_steps(p),
                                                                 periods=2))

    reference: dict[str, np.ndarray] = {m: np.zeros(len(rows)) for m in METHODS[2:]}
    ref_jp: dict[str, list[float]] = defaultdict(list)
    for i, case in enumerate(cases):
        k = len(case.modules)
        built: dict[str, list[int]] = {}
        if k:
            built["oracle"] = topological(case, select(case.problem, MAX_JP, 0, "exact"))
            built["greedy on true P"] = topological(case, select(case.problem, MAX_JP, 0,
                                                                 "greedy"))
            built[PLANNER_ORACLE] = planner_oracle(rec, case)
            useful = np.flatnonzero(case.gain.sum(axis=1) > 0) if case.gain.size else []
            built["gap rule"] = first_fit(case, useful)  # context order = code order
            by_use = sorted(range(k), key=lambda j: (-popularity[case.modules[j]], j))
            built["popularity"] = first_fit(case, by_use)
            draws_v, draws_jp = [], []
            for d in range(draws):
                random_path = first_fit(case, rng.permutation(k))
                draws_v.append(case.value(random_path))
                draws_jp.append(sum(int(rec.context.module_jp[m]) for m in random_path))
                if d == 0:
                    violations.add("benchmark's own: random", ids[i],
                                   checker.check(case.row, context_steps(rec, random_path)))
            reference["random"][i] = float(np.mean(draws_v))
            ref_jp["random"].append(float(np.mean(draws_jp)))
        else:
            built = {m: [] for m in ("oracle", "greedy on true P", PLANNER_ORACLE,
                                     "gap rule", "popularity")}
            ref_jp["random"].append(0.0)
        for method, modules in built.items():
            reference[method][i] = case.value(modules)
            ref_jp[method].append(sum(int(rec.context.module_jp[m]) for m in modules))
            violations.add(f"benchmark's own: {method}", ids[i],
                           checker.check(case.row, context_steps(rec, modules)))
    for min_jp in MIN_JPS:
        for method, v in reference.items():
            values[min_jp][method] = v
            jp[min_jp][method] = float(np.mean(ref_jp[method]))
    return SeedResult(seed, len(rows), float(result.card["metrics"]["model"]["auc"]), values,
                      jp, estimated, time.perf_counter() - start, groups)


def normalised(v: np.ndarray, random: np.ndarray, oracle: np.ndarray) -> tuple[float, float]:
    """(aggregate E, mean per-learner E over learners with room to improve)."""
    span = oracle.sum() - random.sum()
    aggregate = float((v.sum() - random.sum()) / span) if span > 1e-12 else float("nan")
    room = (oracle - random) > 1e-6
    per = ((v[room] - random[room]) / (oracle[room] - random[room]))
    return aggregate, float(per.mean()) if room.any() else float("nan")


def group_table(results: list[SeedResult], min_jp: int = 0) -> list[str]:
    """E by kind of learner (pooled over seeds): where the recommender loses value."""
    methods = ("exact", "greedy", "greedy on true P", PLANNER_ORACLE)
    lines = ["| learners | n | " + " | ".join(f"E {m}" for m in methods) + " | mean V oracle |",
             "| --- | ---: |" + " ---: |" * (len(methods) + 1)]
    names = ["all"] + list(results[0].groups)
    for name in names:
        masks = [np.ones(r.learners, dtype=bool) if name == "all" else r.groups[name]
                 for r in results]
        count = int(sum(m.sum() for m in masks))
        if count == 0:
            continue
        pooled = {m: np.concatenate([r.values[min_jp][m][k] for r, k in zip(results, masks)])
                  for m in (*methods, "random", "oracle")}
        cells = [f"{normalised(pooled[m], pooled['random'], pooled['oracle'])[0]:.3f}"
                 for m in methods]
        lines.append(f"| {name} | {count} | " + " | ".join(cells) +
                     f" | {pooled['oracle'].mean():.3f} |")
    return lines


def quality_tables(results: list[SeedResult], min_jp: int) -> tuple[list[str], dict[str, float]]:
    header = ("| method | " + " | ".join(f"E seed {r.seed}" for r in results)
              + " | **E overall** | mean per-learner E | mean true V | mean JP |")
    lines = [header, "| --- |" + " ---: |" * (len(results) + 4)]
    overall: dict[str, float] = {}
    for method in METHODS:
        cells = []
        for r in results:
            e, _ = normalised(r.values[min_jp][method], r.values[min_jp]["random"],
                              r.values[min_jp]["oracle"])
            cells.append(f"{e:.3f}")
        pooled = {m: np.concatenate([r.values[min_jp][m] for r in results])
                  for m in (method, "random", "oracle")}
        e, per = normalised(pooled[method], pooled["random"], pooled["oracle"])
        overall[method] = e
        n = sum(r.learners for r in results)
        mean_jp = sum(r.jp[min_jp][method] * r.learners for r in results) / n
        name = f"recommender, {method}" if method in RECOMMENDER else method
        lines.append(f"| {name} | " + " | ".join(cells) + f" | **{e:.3f}** | {per:.3f} | "
                     f"{pooled[method].mean():.3f} | {mean_jp:.1f} |")
    return lines, overall


# -- speed ----------------------------------------------------------------------------------

def tree_sampler(pid: int, stop: threading.Event, peak: list[float],
                 cpu: dict[int, float]) -> None:
    """Peak resident memory (MiB, in ``peak[0]``) of process ``pid`` and all its
    descendants, and the last CPU seconds seen of each (``cpu``: pid → seconds; loky
    workers are not always reaped by the batch process, so getrusage can miss them)."""
    import psutil

    try:
        proc = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            procs = [proc] + proc.children(recursive=True)
        except psutil.NoSuchProcess:
            return
        total = 0
        for p in procs:
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.2)


def run_batch_child(workspace: Path, out: Path, extra: list[str] = (),
                    profile: Path | None = None) -> dict:
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += [str(ROOT / "main.py"), "batch", str(workspace), "--out", str(out),
                "--workers", "2", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    stop, peak, sampled_cpu = threading.Event(), [0.0], {}
    sampler = threading.Thread(target=tree_sampler, args=(child.pid, stop, peak, sampled_cpu))
    sampler.start()
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise RuntimeError(f"batch failed ({child.returncode}): {stderr[-2000:]}")
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "largest_mib": after.ru_maxrss / 1024, "tree_mib": peak[0],
            "cpu": max(reaped, sum(sampled_cpu.values())), "processes": len(sampled_cpu),
            "summary": stdout.strip()}


def check_batch_output(out: Path, workspace: Workspace, rec: Recommender,
                       violations: Violations) -> int:
    """Every path of the batch CSV (pseudonyms mapped back to learners) through the check."""
    secret = workspace.get_meta("pseudonym_key") or ""
    row_of = {pseudonym(secret, str(u)): i for i, u in enumerate(rec.learners.ids)}
    checker = Checker(workspace, rec)
    steps: dict[str, list[tuple[int, str, int, int]]] = defaultdict(list)
    with open(out, newline="", encoding="utf-8") as handle:
        for line in csv.DictReader(handle):
            steps[line["learner"]].append((int(line["order"]), line["module"],
                                           int(line["jp"]), int(line["period"])))
    unknown = 0
    for learner, rows in steps.items():
        row = row_of.get(learner)
        if row is None:
            unknown += 1
            continue
        ordered = [(m, jp, period) for _, m, jp, period in sorted(rows)]
        violations.add("batch output (all learners)", learner, checker.check(row, ordered))
    return unknown


def latency(rec: Recommender, n: int, seed: int) -> dict[str, np.ndarray]:
    """Milliseconds of one ``recommend`` per learner and method; each call is followed by
    the same call with OpenMP limited to one thread (a diagnostic: interleaved, so both
    see the same machine load)."""
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(seed)
    rows = rng.choice(len(rec.learners), size=min(n, len(rec.learners)), replace=False)
    ids = [str(rec.learners.ids[r]) for r in rows]
    result = {}
    for method in RECOMMENDER:
        options = PathOptions(method=method)
        rec.recommend(ids[0], options)  # warm-up (first solver call, caches)
        times, single = [], []
        for learner in ids:
            start = time.perf_counter()
            rec.recommend(learner, options)
            times.append((time.perf_counter() - start) * 1000)
            with threadpool_limits(1, user_api="openmp"):
                start = time.perf_counter()
                rec.recommend(learner, options)
                single.append((time.perf_counter() - start) * 1000)
        result[method] = np.array(times)
        result[f"{method}, OpenMP 1 thread"] = np.array(single)
    return result


def transfer_and_store(workspace: Workspace, rec: Recommender, n: int) -> dict[str, float]:
    """CPU seconds and memory of what the batch does with ``n`` paths besides planning:
    pickling them in a worker and back in the main process, shipping the Recommender to a
    task, and ``save_paths`` (into this temporary workspace)."""
    import tracemalloc

    from curriculum_tool.store.paths import save_paths

    facts: dict[str, float] = {}
    sample = rec.plan_rows(list(range(min(n, len(rec.learners)))), batch_options())
    facts["sample"] = len(sample)
    facts["steps_per_path"] = float(np.mean([len(p.steps) for p in sample]))
    facts["exclusions_per_path"] = float(np.mean([len(p.excluded) for p in sample]))
    payload = _pickle_costs(sample, facts, "result")
    cpu = time.process_time()
    with workspace.transaction() as conn:
        save_paths(conn, sample)
    facts["save_s"] = time.process_time() - cpu
    tracemalloc.start()  # memory only: tracemalloc slows allocation-heavy code a lot
    loaded = pickle.loads(payload)
    facts["paths_mib"] = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    with workspace.transaction() as conn:
        save_paths(conn, loaded)
    facts["save_peak_mib"] = (tracemalloc.get_traced_memory()[1] - before) / 2**20
    tracemalloc.stop()
    del loaded, sample
    _pickle_costs(rec, facts, "rec")
    return facts


def _pickle_costs(obj, facts: dict, name: str) -> bytes:
    """CPU to pickle and unpickle ``obj`` (as a joblib worker would), and its size."""
    cpu = time.process_time()
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    facts[f"{name}_dump_s"] = time.process_time() - cpu
    cpu = time.process_time()
    pickle.loads(payload)
    facts[f"{name}_load_s"] = time.process_time() - cpu
    facts[f"{name}_mib"] = len(payload) / 2**20
    return payload


def floor(rec: Recommender) -> dict[str, float]:
    start = time.perf_counter()
    learner_idx, module_idx = [], []
    for row in range(len(rec.learners)):
        candidates = learner_situation(rec, row).candidates
        learner_idx.append(np.full(len(candidates), row, dtype=np.int64))
        module_idx.append(candidates.astype(np.int64))
    learner_idx = np.concatenate(learner_idx)
    module_idx = np.concatenate(module_idx)
    build = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(learner_idx), SCORE_CHUNK):
        rec.scorer.probabilities(learner_idx[i:i + SCORE_CHUNK], module_idx[i:i + SCORE_CHUNK])
    return {"pairs": len(learner_idx), "seconds": time.perf_counter() - start,
            "cpu": time.process_time() - cpu, "build": build}


def batch_options() -> PathOptions:
    """The options ``main.py batch W --out F.csv`` plans with (method greedy, and, where
    the planner has the option, only the exclusions a CSV batch keeps)."""
    from dataclasses import fields, replace

    options = PathOptions(method="greedy")
    if "excluded" in {f.name for f in fields(PathOptions)}:
        options = replace(options, excluded="blocking")
    return options


def profile_plan_rows(rec: Recommender, n: int, top: int = 15) -> tuple[float, float, list[str]]:
    """Wall and CPU seconds of ``plan_rows`` on the first ``n`` learners, and its profile."""
    rows = list(range(min(n, len(rec.learners))))
    options = batch_options()
    start, cpu = time.perf_counter(), time.process_time()
    rec.plan_rows(rows, options)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    profiler = cProfile.Profile()
    profiler.enable()
    rec.plan_rows(rows, options)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    entries = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:top]
    lines = ["| function | calls | own s | own share | cumulative s |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for (filename, line, name), (_, calls, own, cumulative, _) in entries:
        where = _short(filename)
        lines.append(f"| `{where}:{line}({name})` | {calls:,} | {own:.3f} | "
                     f"{own / total:.0%} | {cumulative:.3f} |")
    groups = [("situation (takeable modules, gaps, gains)", "feasibility.py", "situation"),
              ("exclusion reasons (`feasibility._exclusions`, wherever it is called)",
               "feasibility.py", "_exclusions"),
              ("scoring (pair frame + predict_proba)", "score.py", "probabilities"),
              ("selection (select: greedy/exact + fill)", "select.py", "select"),
              ("SelectionProblem (need closure)", "select.py", "__init__"),
              ("ordering (order + periods)", "planner.py", "_order"),
              ("explanations (_explain: reasons per step)", "planner.py", "_explain"),
              ("not-selected reasons", "planner.py", "_not_selected")]
    summary = ["| part of plan_rows | cumulative s | share |", "| --- | ---: | ---: |"]
    for label, filename, name in groups:
        cumulative = sum(v[3] for k, v in stats.stats.items()
                         if k[0].endswith(filename) and k[2] == name)
        summary.append(f"| {label} | {cumulative:.3f} | {cumulative / total:.0%} |")
    summary.append("| (the parts may overlap where one calls another; the rest is per-learner "
                   "glue: `_plan`, `LearnerPath`, arrays) | | |")
    summary.append(f"| total (profiled) | {total:.3f} | 100% |")
    return seconds, cpu, summary + [""] + lines


def _short(filename: str) -> str:
    for marker in ("curriculum_tool/", "site-packages/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def batch_breakdown(profile: Path) -> dict[str, float]:
    """Seconds of the batch main process by phase, from its cProfile file."""
    stats = pstats.Stats(str(profile), stream=io.StringIO())

    def cumulative(filename: str, name: str) -> float:
        return sum(v[3] for k, v in stats.stats.items()
                   if k[0].endswith(filename) and k[2] == name)

    batch = cumulative("recommend/batch.py", "run_batch")
    phases = {
        "total": cumulative("cli.py", "main"),
        "batch": batch,
        "open": cumulative("recommend/planner.py", "__init__"),
        "plan (waiting for the workers' results)": cumulative("recommend/batch.py", "_run"),
        "store the paths (save_paths)": cumulative("store/paths.py", "save_paths"),
    }
    # Whatever else run_batch does: CSV rows and the file (whether the writing wraps the
    # planning and storing, as when chunks are streamed, or follows them).
    phases["write the CSV"] = max(0.0, batch - phases["open"]
                                  - phases["plan (waiting for the workers' results)"]
                                  - phases["store the paths (save_paths)"])
    return phases


def speed(learners: int, latency_learners: int, profile_learners: int,
          profile_batch_learners: int, violations: Violations) -> dict:
    facts: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        start = time.perf_counter()
        path, _ = simulated_workspace(folder, learners, 0)
        prepare = time.perf_counter() - start
        facts["load_before_batch"] = os.getloadavg()
        batch = run_batch_child(path, folder / "paths.csv")
        facts["batch"] = batch
        with Workspace.open(path) as workspace:
            start = time.perf_counter()
            rec = Recommender(workspace)
            facts["open"] = time.perf_counter() - start
            facts["learners"] = len(rec.learners)
            facts["unknown_in_output"] = check_batch_output(folder / "paths.csv", workspace,
                                                            rec, violations)
            ids = [str(u) for u in rec.learners.ids]
        facts["load_before_latency"] = os.getloadavg()
        facts["latency"] = latency(rec, latency_learners, seed=0)
        facts["floor"] = floor(rec)
        facts["plan_seconds"], facts["plan_cpu"], facts["profile"] = profile_plan_rows(
            rec, profile_learners)
        planned = min(profile_learners, len(ids))
        facts["plan_ms"] = facts["plan_seconds"] / planned * 1000
        facts["plan_cpu_ms"] = facts["plan_cpu"] / planned * 1000
        facts["plan_learners"] = planned
        with Workspace.open(path) as workspace:
            facts["transfer"] = transfer_and_store(workspace, rec, 2_000)
        del rec
        # The batch main process, profiled, on a subset (same workspace, same code path).
        subset = folder / "subset.csv"
        with open(subset, "w", newline="", encoding="utf-8") as handle:
            handle.write("learner\n" + "\n".join(ids[:profile_batch_learners]) + "\n")
        profiled = run_batch_child(path, folder / "subset_paths.csv",
                                   ["--learners", str(subset)], folder / "batch.prof")
        facts["subset"] = min(profile_batch_learners, len(ids))
        facts["subset_wall"] = profiled["wall"]
        facts["subset_cpu"] = profiled["cpu"]
        facts["breakdown"] = batch_breakdown(folder / "batch.prof")
    facts["prepare"] = prepare
    return facts


def batch_tasks(n: int, workers: int = 2) -> int:
    """How many tasks ``run_batch`` cuts ``n`` learners into."""
    from curriculum_tool.recommend import batch

    chunks = getattr(batch, "_chunks", None)
    if chunks is None:  # pragma: no cover - the batch module changed
        return -(-n // 2000)
    return len(chunks(list(range(n)), workers))


def speed_lines(facts: dict, workers: int = 2) -> tuple[list[str], dict[str, bool]]:
    batch, fl = facts["batch"], facts["floor"]
    n = facts["learners"]
    lat = facts["latency"]
    verdict = {}
    lines = ["| measurement | value | target | verdict |", "| --- | ---: | --- | --- |"]
    for method in RECOMMENDER:
        for key in (method, f"{method}, OpenMP 1 thread"):
            t = lat[key]
            p95 = float(np.percentile(t, 95))
            cells = (f"{np.percentile(t, 50):.1f} / **{p95:.1f}** / {t.max():.1f} ms "
                     f"({int((t > P95_TARGET_MS).sum())} over {P95_TARGET_MS:.0f} ms)")
            if key == method:
                ok = p95 < P95_TARGET_MS
                verdict[f"p95 {method}"] = ok
                lines.append(f"| one `recommend`, method {method}: p50 / **p95** / max over "
                             f"{len(t)} learners | {cells} | p95 < {P95_TARGET_MS:.0f} ms | "
                             f"**{'PASS' if ok else 'FAIL'}** |")
            else:
                lines.append(f"| the same, each call repeated with OpenMP limited to 1 thread "
                             f"(`threadpool_limits(1, \"openmp\")`, diagnostic) | {cells} | | |")
    wall_ok = batch["wall"] < BATCH_TARGET_S
    peak = max(batch["tree_mib"], batch["largest_mib"])
    mem_ok = peak < BATCH_TARGET_MIB
    verdict["batch time"], verdict["batch memory"] = wall_ok, mem_ok
    lines.append(f"| `batch` {n:,} learners, `--workers {workers}`, wall time | "
                 f"**{batch['wall']:.1f} s** | < {BATCH_TARGET_S:.0f} s | "
                 f"**{'PASS' if wall_ok else 'FAIL'}** |")
    lines.append(f"| `batch` peak memory: whole process tree (sampled) / largest process "
                 f"(getrusage) | **{batch['tree_mib']:,.0f}** / {batch['largest_mib']:,.0f} MiB | "
                 f"< 4 GB | **{'PASS' if mem_ok else 'FAIL'}** |")
    ratio = batch["wall"] / fl["seconds"]
    ratio_ok = ratio <= FLOOR_TARGET
    verdict["floor ratio"] = ratio_ok
    lines.append(f"| floor: score all {fl['pairs']:,} learner × takeable pairs once "
                 f"(one process, {SCORE_CHUNK:,} per call) | {fl['seconds']:.1f} s | | |")
    lines.append(f"| batch / floor | **{ratio:.1f} ×** | ≤ {FLOOR_TARGET:.0f} × | "
                 f"**{'PASS' if ratio_ok else 'FAIL'}** |")
    lines.append(f"| open the workspace (`Recommender`, {n:,} learners) | "
                 f"{facts['open']:.1f} s | | |")
    lines.append(f"| `batch` CPU time ({batch['processes']} processes) | {batch['cpu']:.1f} s "
                 f"({batch['cpu'] / batch['wall']:.2f} cores busy on average) | | |")
    return lines, verdict


def analysis_lines(facts: dict) -> list[str]:
    """Where the batch time and memory go, from the measurements."""
    batch, fl, b, tr = facts["batch"], facts["floor"], facts["breakdown"], facts["transfer"]
    n, subset = facts["learners"], facts["subset"]
    scale = n / subset
    tasks = batch_tasks(n)
    per_path = n / tr["sample"]
    wait = b["plan (waiting for the workers' results)"]
    lines = [
        f"**CPU budget of the batch** ({n:,} learners, {tasks} tasks), from in-process "
        "measurements on the same workspace with the batch's options:", "",
        "| component | where | how measured | CPU s |", "| --- | --- | --- | ---: |"]
    budget = [
        ("planning: `plan_rows`", "workers",
         f"{facts['plan_cpu_ms']:.2f} ms CPU a learner (first {facts['plan_learners']:,} "
         "learners, one warm process)", facts["plan_cpu_ms"] * n / 1000, "worker"),
        ("… of which scoring (the floor)", "workers",
         f"all {fl['pairs']:,} pairs scored once: {fl['cpu']:.1f} s CPU", None, ""),
        ("pickling the paths (workers) and unpickling them (main)", "workers + main",
         f"dump {tr['result_dump_s']:.2f} s + load {tr['result_load_s']:.2f} s per "
         f"{tr['sample']:,} paths ({tr['result_mib']:.1f} MiB)",
         (tr["result_dump_s"] + tr["result_load_s"]) * per_path, "both"),
        ("shipping the `Recommender` to every task", "main + workers",
         f"dump {tr['rec_dump_s']:.2f} s + load {tr['rec_load_s']:.2f} s "
         f"({tr['rec_mib']:.1f} MiB) × {tasks} tasks",
         (tr["rec_dump_s"] + tr["rec_load_s"]) * tasks, "both"),
        ("opening the workspace", "main", "`Recommender(workspace)`, wall", facts["open"],
         "open"),
        ("`save_paths`", "main",
         f"{tr['save_s']:.2f} s CPU per {tr['sample']:,} paths", tr["save_s"] * per_path,
         "main"),
        ("CSV rows and file", "main", f"profiled subset × {scale:.1f}",
         b["write the CSV"] * scale, "main"),
    ]
    total = 0.0
    for label, where, how, seconds, _ in budget:
        cell = f"{seconds:.0f}" if seconds is not None else f"({fl['cpu']:.0f})"
        total += seconds or 0.0
        lines.append(f"| {label} | {where} | {how} | {cell} |")
    lines.append(f"| **sum** | | | **{total:.0f}** (measured CPU of all batch processes: "
                 f"{batch['cpu']:.0f}) |")
    opening = facts["open"]
    bound = opening + (total - opening) / 2
    lines += [
        "",
        f"On an otherwise idle 2-core machine, with both cores busy all the time after the "
        f"workspace is open, this work needs at least {opening:.0f} s + "
        f"{total - opening:.0f} / 2 s ≈ **{bound:.0f} s** (target {BATCH_TARGET_S:.0f} s; "
        f"{FLOOR_TARGET:.0f} × floor = {FLOOR_TARGET * fl['seconds']:.0f} s); measured "
        f"{batch['wall']:.0f} s on the shared machine.",
        "",
        f"**The main process, profiled** (`python -m cProfile main.py batch W --out F.csv "
        f"--workers 2 --learners` the first {subset:,} learners of the same workspace; wall "
        f"{facts['subset_wall']:.1f} s with profiling), scaled by learners. These are wall "
        "times of the main process, inflated by cProfile (most in per-row Python such as "
        "`save_paths`) and by sharing the 2 cores with the workers; the CPU budget above "
        "is the cleaner account:", "",
        "| phase of the main process | seconds, profiled subset | share | scaled to all "
        "learners |", "| --- | ---: | ---: | ---: |"]
    phases = [("open the workspace (`Recommender`)", b["open"], b["open"]),
              ("waiting for the workers' chunks", wait, wait * scale),
              ("store the paths (`save_paths`)", b["store the paths (save_paths)"],
               b["store the paths (save_paths)"] * scale),
              ("CSV rows and file (rest of `run_batch`)", b["write the CSV"],
               b["write the CSV"] * scale)]
    rest = b["total"] - sum(p[1] for p in phases)
    for label, seconds, scaled in phases:
        lines.append(f"| {label} | {seconds:.1f} | {seconds / b['total']:.0%} | "
                     f"{scaled:.0f} s |")
    lines.append(f"| other (imports, arguments, learner list, summary) | {rest:.1f} | "
                 f"{rest / b['total']:.0%} | {rest:.0f} s |")
    estimate = sum(p[2] for p in phases) + rest
    lines.append(f"| **total** | {b['total']:.1f} | 100% | **{estimate:.0f} s** "
                 f"(measured: {batch['wall']:.0f} s) |")
    lines += [
        "",
        f"While the main process waited, the 2 workers delivered {subset:,} learners in "
        f"{wait:.0f} s: {wait * 2 / subset * 1000:.2f} worker-ms a learner, against "
        f"{facts['plan_ms']:.2f} ms for `plan_rows` alone in one warm process (the rest: "
        "worker start-up, the Recommender and the paths pickled per task, the main process's "
        "own work on the same 2 cores, and other load on the machine).",
        "",
        f"**Memory.** A path carries {tr['steps_per_path']:.1f} steps and "
        f"{tr['exclusions_per_path']:.1f} exclusions (with the batch's options), each with "
        f"its reasons. {tr['sample']:,} paths take {tr['paths_mib']:.0f} MiB as Python "
        f"objects (tracemalloc; ≈ {tr['paths_mib'] * per_path:,.0f} MiB if all {n:,} are "
        f"held at once) and `save_paths` peaks at {tr['save_peak_mib']:.0f} MiB more for "
        f"them (≈ {tr['save_peak_mib'] * per_path:,.0f} MiB in one call for all). Measured "
        f"peak: largest process {batch['largest_mib']:,.0f} MiB, whole process tree "
        f"{batch['tree_mib']:,.0f} MiB.",
    ]
    return lines


# -- report ---------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--quality-learners", type=int, default=20_000,
                        help="simulated learners per quality workspace (training data)")
    parser.add_argument("--bench-learners", type=int, default=300,
                        help="learners whose paths are valued, per seed")
    parser.add_argument("--random-draws", type=int, default=20)
    parser.add_argument("--batch-learners", type=int, default=100_000)
    parser.add_argument("--latency-learners", type=int, default=200)
    parser.add_argument("--profile-learners", type=int, default=2_000)
    parser.add_argument("--profile-batch-learners", type=int, default=20_000)
    parser.add_argument("--skip-speed", action="store_true", help="quality only")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()

    default_args = {"seeds": [0, 1, 2], "quality_learners": 20_000, "bench_learners": 300,
                    "random_draws": 20, "batch_learners": 100_000, "latency_learners": 200,
                    "profile_learners": 2_000, "profile_batch_learners": 20_000,
                    "skip_speed": False}
    command = "python benchmarks/bench_paths.py"
    for name, default in default_args.items():
        value = getattr(args, name)
        if value != default:
            flag = "--" + name.replace("_", "-")
            if isinstance(value, bool):
                command += f" {flag}"
            elif isinstance(value, list):
                command += f" {flag} " + " ".join(map(str, value))
            else:
                command += f" {flag} {value}"
    if args.out:
        command += f" --out {args.out}"

    violations = Violations()
    results = []
    for seed in args.seeds:
        results.append(quality_seed(seed, args.quality_learners, args.bench_learners,
                                    args.random_draws, violations))
        print(f"seed {seed}: {results[-1].seconds:.0f} s", file=sys.stderr)

    lines = ["# Learning-path benchmark", "",
             f"Command: `{command}`", "",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}, scikit-learn {sklearn.__version__}, scipy "
             f"{scipy.__version__}, pandas {pd.__version__}, numpy {np.__version__}. "
             f"Run on {time.strftime('%Y-%m-%d')}.", "",
             "## 1. Path quality against the simulator's truth", "",
             "Every path is valued with the contract's "
             "`V = Σ_c min(g(c), Σ_m P(m)·gain(m,c))` using the simulator's **true** "
             "`p_success` (`true_probabilities` on the learner's pair frame), budget "
             f"`max_jp = {MAX_JP}`, one period. "
             "`E = (ΣV_path − ΣV_random) / (ΣV_oracle − ΣV_random)` over the benchmark "
             "learners (random = 0, oracle = 1); *mean per-learner E* averages "
             "`(V_path − V_random)/(V_oracle − V_random)` over learners whose oracle beats "
             "random by more than 1e-6.", "",
             f"- data: for each seed, {args.quality_learners:,} simulated learners over the "
             "shipped catalog imported into a fresh workspace; a model trained on it with "
             "`train` + `save_model(activate=True)`; "
             f"{args.bench_learners} of its simulated learners drawn at random (seed) are planned;",
             "- `recommender, exact` / `recommender, greedy`: `Recommender.plan_rows` with the "
             "workspace's own model;",
             "- `greedy on true P`: the greedy selection given the true P (diagnostic: the "
             "algorithm's own loss without model error);",
             f"- `{PLANNER_ORACLE}`: the exact optimum under the true P over only the "
             "modules the planner considers (`situation(...).candidates`; diagnostic: the "
             "value the planner's own feasibility rules leave out);",
             "- `gap rule`: every takeable module that teaches a gap competency, in catalog "
             "(code) order, each with its missing hard prerequisites first, added when it "
             "still fits the budget (first fit);",
             "- `popularity`: every takeable module by its number of outcome rows in the "
             "workspace (most first), filled the same way;",
             f"- `random`: takeable modules in random order, filled the same way, mean over "
             f"{args.random_draws} draws per learner;",
             "- `oracle`: `select(SelectionProblem with the true P, max_jp, 0, \"exact\")`.",
             "",
             "Random, oracle and the baselines range over every module contract §3 allows "
             "(approved, offered in the region, deliverable at its connectivity and the "
             "learner's literacy, not completed, fits a period, hard prerequisites completed "
             "or takeable), computed by the benchmark itself, not by the planner.",
             "",
             "| seed | benchmark learners | model AUC (held out) | seconds |",
             "| ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.seed} | {r.learners} | {r.auc:.4f} | {r.seconds:.0f} |")
    verdicts: dict[str, bool] = {}
    overall_by_min = {}
    for min_jp in MIN_JPS:
        title = ("no fill (`min_jp = 0`): the selection's value alone" if min_jp == 0 else
                 f"default fill (`min_jp = {min_jp}`, PP 11/2017)")
        table, overall = quality_tables(results, min_jp)
        overall_by_min[min_jp] = overall
        lines += ["", f"### {title}", ""] + table
        if min_jp:
            lines += ["", "(Baselines, random and oracle do not depend on `min_jp`: same "
                          "rows as above.)"]
        for method in RECOMMENDER:
            verdicts[f"E {method} min_jp {min_jp}"] = overall[method] >= E_TARGET
    lines += ["", "E by kind of learner (`min_jp = 0`, pooled over seeds; the planner "
                  "requires a digital-literacy module first for learners at literacy 0 whose "
                  "gap modules need literacy, and leaves out online modules that an offline "
                  "one dominates where connectivity is below high, so these groups show what "
                  "those rules cost in V):", ""] + group_table(results)
    lines += ["", "Model-estimated V of the recommender's paths (its `expected_value`, "
                  "with the model's P) against their true V:", "",
              "| method | min_jp | mean estimated V | mean true V |",
              "| --- | ---: | ---: | ---: |"]
    for min_jp in MIN_JPS:
        for method in RECOMMENDER:
            est = np.mean([r.estimated[min_jp][method] for r in results])
            true = np.mean(np.concatenate([r.values[min_jp][method] for r in results]))
            lines.append(f"| {method} | {min_jp} | {est:.3f} | {true:.3f} |")
    own = overall_by_min[0][PLANNER_ORACLE]
    if own > 0:
        lines += ["", f"Measured against the optimum within the planner's own candidates "
                      f"instead of the contract's (same random paths), E would be "
                      f"{overall_by_min[0]['exact'] / own:.3f} (exact) and "
                      f"{overall_by_min[0]['greedy'] / own:.3f} (greedy) at min_jp 0; the "
                      f"difference is the value of modules the contract allows and the planner "
                      f"does not consider, and what is left includes the digital-literacy-first "
                      f"rule (see the table by kind of learner). With `min_jp = 20` the paths "
                      f"are the same as with 0 whenever the selection alone already reaches "
                      f"20 JP."]
    quality_ok = all(verdicts.values())
    lines += ["", f"Target E ≥ {E_TARGET:.2f} for the recommender (overall, both methods, "
                  f"both min_jp): **{'PASS' if quality_ok else 'FAIL'}** (exact "
                  f"{overall_by_min[0]['exact']:.3f} / {overall_by_min[20]['exact']:.3f}, "
                  f"greedy {overall_by_min[0]['greedy']:.3f} / "
                  f"{overall_by_min[20]['greedy']:.3f} at min_jp 0 / 20)."]

    facts = None
    if not args.skip_speed:
        facts = speed(args.batch_learners, args.latency_learners, args.profile_learners,
                         args.profile_batch_learners, violations)

    lines += ["", "## 2. Constraints", "",
              "Each path is checked against the workspace's catalog records (not the "
              "planner's arrays): total JP ≤ max_jp and per-period JP ≤ max_jp / periods; "
              "each hard prerequisite completed (recorded or in the outcomes) or an earlier "
              "step (not a later period); every module in the catalog, approved, national or "
              "local to the learner's region or a parent, deliverable at the region's "
              "connectivity and the learner's digital literacy, not already completed, at "
              "most once, with the catalog's JP.", "",
              "| paths | checked | with a violation |", "| --- | ---: | ---: |"]
    for kind, checked in violations.checked.items():
        lines.append(f"| {kind} | {checked:,} | {violations.found[kind]:,} |")
    total_found = sum(violations.found.values())
    lines += ["", f"Violations: **{total_found}** — target 0: "
                  f"**{'PASS' if total_found == 0 else 'FAIL'}**"]
    if violations.examples:
        lines += ["", "First violations:", ""] + [f"- {e}" for e in violations.examples]
    if facts and facts["unknown_in_output"]:
        lines += ["", f"{facts['unknown_in_output']} pseudonyms of the batch output matched "
                      "no learner."]

    if facts:
        speed_table, speed_verdicts = speed_lines(facts)
        load = facts["load_before_batch"]
        lines += ["", "## 3. Speed", "",
                  f"Workspace: {facts['learners']:,} learners ({args.batch_learners:,} "
                  "simulated, seed 0, plus the catalog's own) with the shipped default model; "
                  f"simulate + import took {facts['prepare']:.0f} s (not part of any target). "
                  "`batch` is `python main.py batch W --out paths.csv --workers 2` "
                  "(its defaults: method greedy, max_jp 40, min_jp 20; it writes the CSV and "
                  "stores every path in the workspace) in a child process. "
                  f"Load average before the batch: {load[0]:.2f} / {load[1]:.2f} / "
                  f"{load[2]:.2f}, before the latency runs: "
                  f"{facts['load_before_latency'][0]:.2f} / "
                  f"{facts['load_before_latency'][1]:.2f} / "
                  f"{facts['load_before_latency'][2]:.2f} (1 / 5 / 15 min; the machine is "
                  "shared, and other work on it slows timings).", ""] + speed_table
        lat = facts["latency"]
        for method in RECOMMENDER:
            default = float(np.percentile(lat[method], 95))
            single = float(np.percentile(lat[f"{method}, OpenMP 1 thread"], 95))
            if default >= P95_TARGET_MS and single < P95_TARGET_MS:
                lines += ["", f"Latency, method {method}: the slow calls are the model's "
                              f"`predict_proba` (HistGradientBoosting, OpenMP with one thread "
                              f"per core) stalling while another process holds a core; the "
                              f"same calls with OpenMP limited to one thread have p95 "
                              f"{single:.1f} ms against {default:.1f} ms (a single learner's "
                              f"~{facts['floor']['pairs'] / facts['learners']:.0f} pairs gain "
                              "nothing from threads)."]
        lines += ["", "### Where the time goes", ""] + analysis_lines(facts)
        lines += ["", f"`plan_rows` profiled on the first {args.profile_learners:,} learners "
                      f"(the batch's options: {batch_options()}; one process, "
                      f"{facts['plan_ms']:.2f} ms a learner unprofiled):", ""]
        lines += facts["profile"]
        missed = [name for name, ok in speed_verdicts.items() if not ok]
        lines += ["", "Speed targets: " + ("**all PASS**" if not missed else
                                          "**FAIL**: " + ", ".join(missed))]
    lines += ["", f"Whole run: {time.perf_counter() - started:.0f} s."]
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
