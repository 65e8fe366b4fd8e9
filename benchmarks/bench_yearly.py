"""Benchmark: year-2 path quality E against year 1 when the model learns from year-1 outcomes.

Issue 17's done-when: "a benchmark on the simulator reports year-2 path quality E against
year 1 when the model learns from year-1 outcomes". Target: E2(M2) ≥ E2(M1), learning
from the year's outcomes does not make next year's paths worse.

    python benchmarks/bench_yearly.py [--seeds 0 1 2] [--history-learners 1500]
        [--cohort 3000] [--bench-learners 300] [--random-draws 20] [--out FILE]

The experiment, for each seed:

1. **Workspace.** ``simulate`` ``history + cohort`` learners over the shipped catalog with
   the seed, import every learner's ``learners.csv`` row but the outcome rows of the first
   ``--history-learners`` only (the simulator's learners are drawn independently, so the
   first ones are a random sample). The other ``--cohort`` learners are the cohort: known
   to the workspace (position, region, levels, ``completed`` cell) with no outcome
   history. A small history, so the first model has something left to learn.
2. **Year 1 (plan year 2026).** Train M1 on the workspace outcomes (``train``,
   ``save_model(activate=True)``, as ``bench_paths.open_seed`` does) and plan the whole
   cohort with it (``plan_rows``, max_jp 40, min_jp 20, seed policies on, plan_year
   2026). E1 is measured on ``--bench-learners`` cohort learners drawn with the seed,
   exactly as ``bench_paths.py`` does (below).
3. **The year happens.** ``path_outcomes`` draws what the cohort does on its planned paths
   from the simulator's ground truth (each step one enrolment in 2026, in path order);
   the rows are imported as outcomes (``import_file(ws, "outcomes", …)``) and the year-1
   paths stored (``save_paths``).
4. **Year 2 (plan year 2027).** Train M2 on all outcomes (history + year 1). The promotion
   gate (``model.gate.compare``) scores M1 on M2's held-out rows and says whether it
   would promote M2 over M1 (M2 is stored as a candidate either way). New Recommenders
   read the cohort again (year-1 completions now count as completed: no module twice,
   prerequisites met) and plan the same bench learners for 2027 with M2 → E2(M2), and
   with M1 → E2(M1): the difference is what the model learned, while E2(M1) against E1 is
   the learners having moved on. Recorded competency levels do not change (the
   workspace has no re-assessment; contract §3 counts completed modules only through
   recorded levels), so year 2 still closes the same gaps, with the modules not yet
   completed.

E is ``bench_paths.py``'s: ``E = (ΣV_path − ΣV_random) / (ΣV_optimum − ΣV_random)`` with V
the contract value with the reach rule (``CatalogOracle.value``, the oracle reading the
catalog, ``learners.csv`` and the outcomes imported so far) and the simulator's TRUE
``p_success``; the optimum is the planner with a ``TruthScorer`` (true P) and every seed
policy off, min_jp 20; random is the mean of ``--random-draws`` random first-fit paths
over the modules the oracle allows. The optimum and random are recomputed each year for
the learners as they are that year, so E1 and E2 each say how far from random to the
best that year's paths got; the two year-2 rows share one reference.
"""

from __future__ import annotations

import argparse
import dataclasses
import shlex
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "recommend"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from _results import commit, emit  # noqa: E402
from bench_paths import (  # noqa: E402
    DEFAULT,
    MAX_JP,
    PURE,
    SeedData,
    TruthScorer,
    Violations,
    allowed,
    machine,
    normalised,
    options,
    own_paths,
    record_problems,
)
from recommend_oracle import CatalogOracle  # noqa: E402

from curriculum_tool.catalog import create_workspace  # noqa: E402
from curriculum_tool.io import import_file  # noqa: E402
from curriculum_tool.model.dataset import training_set  # noqa: E402
from curriculum_tool.model.evaluate import scores  # noqa: E402
from curriculum_tool.model.gate import compare  # noqa: E402
from curriculum_tool.model.pairs import PairContext  # noqa: E402
from curriculum_tool.model.persist import load_model, save_model  # noqa: E402
from curriculum_tool.model.train import TrainResult, split, train  # noqa: E402
from curriculum_tool.recommend.planner import PathOptions, Recommender  # noqa: E402
from curriculum_tool.simulate import simulate_to_dir  # noqa: E402
from curriculum_tool.simulate.path_outcomes import path_outcomes  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402
from curriculum_tool.store.paths import save_paths  # noqa: E402

YEAR1, YEAR2 = 2026, 2027
MIN_JP = 20
M1, M2 = "year1", "year2"
#: Paired bootstrap resamples of the bench learners for the interval of Δ.
BOOTSTRAP = 2_000


def year_options(setting: str, year: int) -> PathOptions:
    """``bench_paths.options`` (max_jp 40, one period) at min_jp 20 for plan year ``year``."""
    return dataclasses.replace(options(setting, MIN_JP), plan_year=year)


# -- the workspace ----------------------------------------------------------------------------


@dataclasses.dataclass
class Prepared:
    """A seed's workspace and the simulator's files split into history and cohort."""

    path: Path
    learners_csv: str
    history_csv: Path  # the outcome rows imported: the history learners'
    truth: pd.DataFrame  # the simulator's truth of the history enrolments
    cohort: list[str]  # learner ids without outcome history


def prepare(folder: Path, seed: int, history: int, cohort: int) -> Prepared:
    """Simulate ``history + cohort`` learners; import them all, and the outcomes of the
    first ``history`` (step 1)."""
    sim = folder / "sim"
    simulate_to_dir(sim, history + cohort, seed)
    learners = pd.read_csv(sim / "learners.csv", dtype=str, keep_default_na=False)
    ids = learners["id"].tolist()
    kept = set(ids[:history])
    outcomes = pd.read_csv(sim / "outcomes.csv", dtype=str, keep_default_na=False)
    history_csv = folder / "history_outcomes.csv"
    outcomes[outcomes["learner"].isin(kept)].to_csv(history_csv, index=False, lineterminator="\n")
    truth = pd.read_csv(sim / "truth.csv")
    path = folder / "w.sqlite"
    with create_workspace(path) as workspace:
        import_file(workspace, "learners", sim / "learners.csv")
        import_file(workspace, "outcomes", history_csv)
    return Prepared(
        path,
        (sim / "learners.csv").read_text(encoding="utf-8"),
        history_csv,
        truth[truth["learner"].isin(kept)],
        ids[history:],
    )


# -- one year's measurement ---------------------------------------------------------------


@dataclasses.dataclass
class YearValues:
    """Per bench learner true V of each kind of path, for one plan year."""

    planner: dict[str, np.ndarray]  # model name → V of its paths (policies on)
    optimum_on: np.ndarray  # true P, policies on
    optimum: np.ndarray  # true P, policies off: the reference (E = 1)
    random: np.ndarray  # E = 0
    gap_rule: np.ndarray
    jp: dict[str, float]  # model name → mean JP of its paths
    #: model name → (model P, true P) over every module the oracle allows a bench learner
    p_pairs: dict[str, tuple[np.ndarray, np.ndarray]]


def measure(
    planners: dict[str, Recommender],
    truth: Recommender,
    oracle: CatalogOracle,
    ids: list[str],
    year: int,
    draws: int,
    seed: int,
    popularity: dict[str, int],
    violations: Violations,
    planned: dict[str, list] | None = None,
) -> YearValues:
    """The bench learners' paths of year ``year`` with each planner, the optima and random
    paths, valued with the true P by the oracle (``bench_paths.quality_seed``'s way).
    ``planned`` holds paths already planned for them (by planner name)."""
    everyone = oracle.learners()
    rows = [truth.scorer.learner_row[u] for u in ids]
    modules = len(truth.context.module_codes)
    p_true = truth.scorer.probabilities(
        np.repeat(np.array(rows, dtype=np.int64), modules),
        np.tile(np.arange(modules, dtype=np.int64), len(rows)),
    ).reshape(len(rows), modules)
    data = SeedData(
        seed=seed,
        rec=truth,
        truth=truth,
        oracle=oracle,
        learners=[everyone[u] for u in ids],
        rows=rows,
        p_true=p_true,
        popularity=popularity,
        auc=float("nan"),
        prepare_s=0.0,
    )

    def valued(kind: str, paths: list) -> np.ndarray:
        for u, p in zip(data.learners, paths, strict=True):
            violations.add(
                f"{year}: {kind}", f"{u.id} (seed {seed})", record_problems(oracle, u, p, True)
            )
        return np.array([data.true_value(i, p.modules) for i, p in enumerate(paths)])

    values, jp = {}, {}
    for name, rec in planners.items():
        paths = (planned or {}).get(name) or rec.plan_rows(
            [rec.scorer.learner_row[u] for u in ids], year_options(DEFAULT, year)
        )
        values[name] = valued(f"planner {name}", paths)
        jp[name] = float(np.mean([p.total_jp for p in paths]))
    optimum_on = valued("optimum, policies on", truth.plan_rows(rows, year_options(DEFAULT, year)))
    optimum = valued("optimum, policies off", truth.plan_rows(rows, year_options(PURE, year)))
    own, _, _ = own_paths(data, draws, violations)
    # How close each model's P is to the truth where it matters: the allowed modules.
    index = truth.context.module_index
    pairs = [(i, index[c]) for i, u in enumerate(data.learners) for c in sorted(allowed(oracle, u))]
    at = np.array([i for i, _ in pairs], dtype=np.int64)
    mi = np.array([m for _, m in pairs], dtype=np.int64)
    learner_idx = np.array(rows, dtype=np.int64)[at]
    p_pairs = {
        name: (rec.scorer.probabilities(learner_idx, mi), p_true[at, mi])
        for name, rec in planners.items()
    }
    return YearValues(values, optimum_on, optimum, own["random"], own["gap rule"], jp, p_pairs)


def e_of(v: np.ndarray, year: YearValues) -> float:
    return normalised(v, year.random, year.optimum)


# -- one seed -------------------------------------------------------------------------------


@dataclasses.dataclass
class SeedResult:
    seed: int
    year1: YearValues
    year2: YearValues
    cards: dict[str, dict]  # model name → card
    gate: dict  # the gate's record for M2 against M1
    promoted: bool
    #: M1 and M2 (fitted before its refit) on M2's held-out year-1 enrolments, which
    #: neither was fitted on: {"rows": n, M1: scores, M2: scores}
    fresh: dict
    year1_rows: int  # outcome rows drawn for the cohort's year-1 paths
    year1_completed: float  # share of them completed
    year1_success: float  # share completed and applied (l3 = 1)
    year1_jp: float  # mean JP of the cohort's year-1 paths
    cohort_learners: int
    seconds: dict[str, float]


def fresh_holdout(ws: Workspace, seed: int, result: TrainResult, truth: pd.DataFrame) -> dict:
    """M1 and M2 scored on the rows of M2's hold-out from the year-1 paths: enrolments of
    held-out learners in the plan year, which M1 (fitted on the history, refitted on all
    of it) and M2 before its refit (trained before the cut-off, other learners) never saw.
    The gate's own comparison also holds history rows M1 was refitted on."""
    data = training_set(ws, "l3", PairContext.from_workspace(ws))
    _, test_mask, _ = split(data, seed)
    holdout = result.holdout
    assert holdout is not None and int(test_mask.sum()) == len(holdout)
    recent = data.date[test_mask] >= np.datetime64(f"{YEAR1}-01-01")
    label = holdout.label[recent]
    m1 = load_model(ws, M1).estimator.predict_proba(holdout.features[recent])[:, 1]
    keys = pd.DataFrame(
        {
            "learner": data.learner[test_mask][recent],
            "module": holdout.features["module"][recent].astype(str).to_numpy(),
            "date": pd.to_datetime(data.date[test_mask][recent]).strftime("%Y-%m-%d"),
        }
    )
    true_p = keys.merge(truth, on=["learner", "module", "date"], how="left")["p_success"]
    return {
        "rows": int(recent.sum()),
        M1: scores(label, m1),
        M2: scores(label, holdout.predicted[recent]),
        "ceiling": scores(label, true_p.to_numpy()) if true_p.notna().all() else {"auc": None},
    }


def popularity_of(*files: Path) -> dict[str, int]:
    counts = pd.concat([pd.read_csv(f, usecols=["module"]) for f in files])["module"]
    return counts.value_counts().to_dict()


def run_seed(folder: Path, seed: int, args: argparse.Namespace, violations: Violations):
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now

    ready = prepare(folder, seed, args.history_learners, args.cohort)
    lap("simulate + import")
    cards: dict[str, dict] = {}
    with Workspace.open(ready.path) as ws:
        # Year 1: M1 on the history, the whole cohort planned with it.
        result: TrainResult = train(ws, seed=seed, truth=ready.truth)
        save_model(ws, result, M1, activate=True)
        cards[M1] = result.card
        lap("train M1")
        rec1 = Recommender(ws)
        rows = [rec1.scorer.learner_row[u] for u in ready.cohort]
        paths1 = rec1.plan_rows(rows, year_options(DEFAULT, YEAR1))
        lap("plan year 1 (cohort)")
        rng = np.random.default_rng(seed)
        pick = sorted(
            int(i) for i in rng.choice(len(ready.cohort), args.bench_learners, replace=False)
        )
        bench = [ready.cohort[i] for i in pick]
        oracle1 = CatalogOracle(
            {
                "learners": [ready.learners_csv],
                "outcomes": [ready.history_csv.read_text(encoding="utf-8")],
            }
        )
        truth1 = Recommender(ws, scorer=TruthScorer(rec1.scorer))
        year1 = measure(
            {M1: rec1},
            truth1,
            oracle1,
            bench,
            YEAR1,
            args.random_draws,
            seed,
            popularity_of(ready.history_csv),
            violations,
            planned={M1: [paths1[i] for i in pick]},
        )
        lap("measure year 1")

        # The year happens: outcomes of the planned steps, imported; the paths stored.
        outcomes, truth_y1 = path_outcomes(
            rec1.context, rec1.learners, rec1.scorer.learner_row, paths1, seed
        )
        year1_csv = folder / "year1_outcomes.csv"
        outcomes.to_csv(year1_csv, index=False, lineterminator="\n")
        import_file(ws, "outcomes", year1_csv)
        with ws.transaction() as conn:
            save_paths(conn, paths1)
        lap("year-1 outcomes (draw, import, store paths)")

        # Year 2: M2 on everything; the gate against M1; both plan 2027.
        truth_all = pd.concat([ready.truth, truth_y1], ignore_index=True)
        result2 = train(ws, seed=seed, truth=truth_all)
        promoted, result2.card["gate"] = compare(
            result2.card, result2.holdout, load_model(ws, M1), None, M1
        )
        save_model(ws, result2, M2, activate=False)
        fresh = fresh_holdout(ws, seed, result2, truth_all)
        cards[M2] = result2.card
        lap("train M2 + gate")
        planners = {M1: Recommender(ws, model=M1), M2: Recommender(ws, model=M2)}
        truth2 = Recommender(ws, scorer=TruthScorer(planners[M1].scorer))
        oracle2 = CatalogOracle(
            {
                "learners": [ready.learners_csv],
                "outcomes": [
                    ready.history_csv.read_text(encoding="utf-8"),
                    year1_csv.read_text(encoding="utf-8"),
                ],
            }
        )
        year2 = measure(
            planners,
            truth2,
            oracle2,
            bench,
            YEAR2,
            args.random_draws,
            seed,
            popularity_of(ready.history_csv, year1_csv),
            violations,
        )
        lap("plan + measure year 2")
    done = outcomes["completed"].astype(int)
    applied = pd.to_numeric(outcomes["l3"], errors="coerce").fillna(0).astype(int)
    return SeedResult(
        seed,
        year1,
        year2,
        cards,
        result2.card["gate"],
        promoted,
        fresh,
        len(outcomes),
        float(done.mean()),
        float((done & applied).mean()),
        float(np.mean([p.total_jp for p in paths1])),
        len(ready.cohort),
        seconds,
    )


# -- report ---------------------------------------------------------------------------------


def pooled(results: list[SeedResult], pick) -> np.ndarray:
    return np.concatenate([pick(r) for r in results])


def pooled_year(results: list[SeedResult], year: str) -> YearValues:
    """The seeds' bench learners together, as one year's values."""
    years = [getattr(r, year) for r in results]
    return YearValues(
        {name: np.concatenate([y.planner[name] for y in years]) for name in years[0].planner},
        np.concatenate([y.optimum_on for y in years]),
        np.concatenate([y.optimum for y in years]),
        np.concatenate([y.random for y in years]),
        np.concatenate([y.gap_rule for y in years]),
        {name: float(np.mean([y.jp[name] for y in years])) for name in years[0].planner},
        {
            name: tuple(np.concatenate([y.p_pairs[name][k] for y in years]) for k in (0, 1))
            for name in years[0].p_pairs
        },
    )


def delta_interval(year2: YearValues, seed: int = 0) -> tuple[float, float]:
    """95 % paired bootstrap interval (over bench learners) of E2(M2) − E2(M1)."""
    rng = np.random.default_rng(seed)
    n = len(year2.random)
    found = []
    for _ in range(BOOTSTRAP):
        i = rng.integers(0, n, n)
        span = year2.optimum[i].sum() - year2.random[i].sum()
        found.append((year2.planner[M2][i].sum() - year2.planner[M1][i].sum()) / span)
    low, high = np.percentile(found, [2.5, 97.5])
    return float(low), float(high)


def auc(card: dict) -> str:
    return f"{card['metrics']['model']['auc']:.4f}"


def ceiling(card: dict) -> str:
    value = card["metrics"].get("ceiling_auc")
    return f"{value:.4f}" if value is not None else "–"


def table_lines(results: list[SeedResult]) -> tuple[list[str], dict[str, float]]:
    """E per seed and pooled; returns the lines and the pooled (or only) E values."""
    lines = [
        "| seed | learners | E1 (M1, 2026) | E2 with M1 (2027) | E2 with M2 (2027) | "
        "**Δ = E2(M2) − E2(M1)** | E2(M2) − E1 | seconds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    headline: dict[str, float] = {}
    rows = [(str(r.seed), [r]) for r in results]
    if len(results) > 1:
        rows.append(("**pooled**", results))
    for label, group in rows:
        y1 = pooled_year(group, "year1")
        y2 = pooled_year(group, "year2")
        headline = {
            "e1": e_of(y1.planner[M1], y1),
            "e2m1": e_of(y2.planner[M1], y2),
            "e2m2": e_of(y2.planner[M2], y2),
        }
        e1, e2m1, e2m2 = headline["e1"], headline["e2m1"], headline["e2m2"]
        lines.append(
            f"| {label} | {len(y1.random):,} | {e1:.3f} | {e2m1:.3f} | {e2m2:.3f} | "
            f"**{e2m2 - e2m1:+.3f}** | {e2m2 - e1:+.3f} | "
            f"{sum(sum(r.seconds.values()) for r in group):.0f} |"
        )
    return lines, headline


def p_error(pair: tuple[np.ndarray, np.ndarray]) -> str:
    """Mean |P − P_true| and the correlation of P with P_true."""
    model, true = pair
    return f"{np.abs(model - true).mean():.4f} / {np.corrcoef(model, true)[0, 1]:.3f}"


def best_baseline(gate: dict) -> str:
    """The best baseline's AUC on the gate's hold-out, and its name."""
    found = [(v["auc"], k) for k, v in gate["baselines"].items() if v and v.get("auc")]
    if not found:
        return "–"
    value, name = max(found)
    return f"{value:.4f} ({name})"


def model_lines(results: list[SeedResult]) -> list[str]:
    """The two models: data, held-out AUCs, the fresh comparison, the gate, P against truth."""
    lines = [
        "| seed | M1 rows | M1 AUC (ceiling) | M2 rows | M2 cut-off | M2 AUC (ceiling) | "
        "M1 / M2 AUC on fresh year-1 hold-out (ceiling; rows) | gate's hold-out: M1 / M2 / "
        "best baseline AUC (rows) | gate: M2 over M1? | M1: mean abs(P − P_true) / corr | "
        "M2: mean abs(P − P_true) / corr |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]

    def a(value) -> str:
        return f"{value:.4f}" if value is not None else "–"

    for r in results:
        c1, c2, gate, fresh = r.cards[M1], r.cards[M2], r.gate, r.fresh
        lines.append(
            f"| {r.seed} | {c1['data']['rows']:,} | {auc(c1)} ({ceiling(c1)}) | "
            f"{c2['data']['rows']:,} | {c2['evaluation']['cutoff']} | {auc(c2)} ({ceiling(c2)}) | "
            f"{a(fresh[M1]['auc'])} / {a(fresh[M2]['auc'])} "
            f"({a(fresh['ceiling']['auc'])}; {fresh['rows']:,}) | "
            f"{a((gate['active'] or {}).get('auc'))} / {a(gate['candidate']['auc'])} / "
            f"{best_baseline(gate)} ({gate['holdout_rows']:,}) | "
            f"{'promote' if r.promoted else 'keep M1'} | "
            f"{p_error(r.year2.p_pairs[M1])} | {p_error(r.year2.p_pairs[M2])} |"
        )
    if len(results) > 1:
        y2 = pooled_year(results, "year2")
        lines.append(
            "| **pooled** | | | | | | "
            f"{np.mean([r.fresh[M1]['auc'] for r in results]):.4f} / "
            f"{np.mean([r.fresh[M2]['auc'] for r in results]):.4f} (mean) | | "
            f"promote {sum(r.promoted for r in results)} of {len(results)} | "
            f"{p_error(y2.p_pairs[M1])} | {p_error(y2.p_pairs[M2])} |"
        )
    return lines


def detail_lines(results: list[SeedResult]) -> list[str]:
    lines = [
        "| seed | year | path | E | mean true V | mean JP |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        for year, y in ((YEAR1, r.year1), (YEAR2, r.year2)):
            for name in y.planner:
                lines.append(
                    f"| {r.seed} | {year} | planner with {name} (policies on) | "
                    f"{e_of(y.planner[name], y):.3f} | {y.planner[name].mean():.3f} | "
                    f"{y.jp[name]:.1f} |"
                )
            for label, v in (
                ("optimum (true P), policies on", y.optimum_on),
                ("optimum (true P), policies off: E = 1", y.optimum),
                ("gap rule", y.gap_rule),
                ("random (E = 0)", y.random),
            ):
                lines.append(
                    f"| {r.seed} | {year} | {label} | {e_of(v, y):.3f} | {v.mean():.3f} | |"
                )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument(
        "--history-learners",
        type=int,
        default=1_500,
        help="simulated learners whose outcomes are the workspace's history (M1's data)",
    )
    parser.add_argument(
        "--cohort", type=int, default=3_000, help="learners without history planned each year"
    )
    parser.add_argument(
        "--bench-learners", type=int, default=300, help="cohort learners valued, per seed"
    )
    parser.add_argument("--random-draws", type=int, default=20)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not 0 < args.bench_learners <= args.cohort:
        parser.error("--bench-learners must be from 1 to --cohort")
    started = time.perf_counter()
    command = shlex.join(["python", "benchmarks/bench_yearly.py", *sys.argv[1:]])

    violations = Violations()
    results = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as folder:
            results.append(run_seed(Path(folder), seed, args, violations))
        print(f"seed {seed}: {sum(results[-1].seconds.values()):.0f} s", file=sys.stderr)

    table, e = table_lines(results)
    y2 = pooled_year(results, "year2")
    low, high = delta_interval(y2)
    delta = e["e2m2"] - e["e2m1"]
    holds = delta >= 0
    n = sum(len(r.year1.random) for r in results)
    bad = sum(violations.failed.values())
    learner_diff = y2.planner[M2] - y2.planner[M1]
    same_rows = all(r.fresh["rows"] == r.gate["holdout_rows"] for r in results)
    disagree = sum(
        (not r.promoted) and e_of(r.year2.planner[M2], r.year2) > e_of(r.year2.planner[M1], r.year2)
        for r in results
    )
    lines = [
        "# Yearly cycle benchmark: year-2 paths after learning from year-1 outcomes",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {machine()}. Run on {time.strftime('%Y-%m-%d')}; the machine is shared, "
        "so timings carry other work's load.",
        "",
        f"Code: commit {commit(ROOT)}.",
        "",
        "## The experiment",
        "",
        f"Per seed ({', '.join(map(str, args.seeds))}):",
        "",
        f"1. `simulate` {args.history_learners + args.cohort:,} learners over the shipped "
        "catalog; import every learner, but the outcomes of the first "
        f"{args.history_learners:,} only (the history). The other {args.cohort:,} are the "
        "**cohort**: known to the workspace, no outcome history.",
        f"2. **Year 1 ({YEAR1})**: train M1 on the history, activate it, plan the whole "
        f"cohort (max_jp {MAX_JP}, min_jp {MIN_JP}, seed policies on, one period). "
        f"E1 on {args.bench_learners} cohort learners drawn with the seed.",
        "3. The simulated cohort follows its year-1 paths (`simulate.path_outcomes`: each "
        f"step one enrolment in {YEAR1}, drawn from the ground truth); the rows are imported "
        "as outcomes and the year-1 paths stored (`save_paths`).",
        f"4. **Year 2 ({YEAR2})**: train M2 on all outcomes (history + year 1), stored as a "
        "candidate after the promotion gate (`model.gate.compare`) scored M1 on M2's "
        "held-out rows. The same bench learners, now with their year-1 completions, are "
        "planned for 2027 with M2 and with M1. Recorded competency levels are not "
        "re-assessed between the years (the workspace has no such step), so year 2 closes "
        "the same gaps with modules not completed yet.",
        "",
        "E is `bench_paths.py`'s: `E = (ΣV_path − ΣV_random) / (ΣV_optimum − ΣV_random)`, V "
        "the contract value with the reach rule (`CatalogOracle.value`, the oracle reading "
        "the catalog, learners.csv and the outcomes imported so far) with the simulator's "
        "**true** `p_success`; optimum = the planner with the true P and every seed policy "
        f"off (min_jp {MIN_JP}); random = mean of {args.random_draws} random first-fit paths "
        "over the modules the oracle allows. The reference is recomputed each year for the "
        "learners as they are then: E1 and E2 each measure that year's paths between that "
        "year's random and best paths; E2 with M1 and with M2 share one reference, so their "
        "difference Δ is what learning from year 1 changed. E2(M1) − E1 is not the model's "
        "doing: the learners moved on (their easiest gains are taken, and what remains is "
        "different).",
        "",
        "## Results",
        "",
        f"Pooled over {len(results)} seed(s) × {args.bench_learners} learners ({n:,}):",
        "",
        *table,
        "",
        f"**Target E2(M2) ≥ E2(M1)**: {e['e2m2']:.3f} against {e['e2m1']:.3f}, "
        f"Δ = {delta:+.3f} (95 % paired bootstrap interval over learners "
        f"{low:+.3f} … {high:+.3f}): **{'PASS' if holds else 'FAIL'}**. "
        f"Per learner, M2's year-2 path has a higher true V than M1's for "
        f"{int((learner_diff > 1e-9).sum())}, a lower one for "
        f"{int((learner_diff < -1e-9).sum())}, the same for "
        f"{int((np.abs(learner_diff) <= 1e-9).sum())}.",
        "",
        f"Contract rules (the oracle, as in `bench_paths.py`): **{bad}** of "
        f"{sum(violations.checked.values()):,} checked paths with a violation "
        "(planner paths of both years and models, optima, the benchmark's own paths).",
        "",
        "### The two models",
        "",
        f"The gate kept M1 while M2's year-2 paths were better (Δ > 0) in **{disagree} of "
        f"{len(results)}** seeds; it promoted M2 in {sum(r.promoted for r in results)}.",
        "",
        *model_lines(results),
        "",
        "- *rows*: labelled training rows (outcomes with an l3 label); *AUC (ceiling)*: each "
        "model's own held-out AUC (`train`'s split by learner and time, fitted before the "
        "refit on all rows) and the AUC of the true P on the same rows. The two hold-outs "
        "differ (M2's holds its held-out learners' enrolments from its *cut-off* on: the "
        "year-1 enrolments, on modules M1 itself chose for them, a narrower set with a "
        "lower ceiling; plus the end of the history when the cut-off falls before "
        f"{YEAR1}), so these two AUCs do not compare the "
        "models.",
        "- *fresh year-1 hold-out*: the enrolments of M2's held-out learners in "
        f"{YEAR1}, scored by M1 and by M2 as fitted before its refit; neither was fitted on "
        "them. The like-for-like comparison.",
        "- *gate's hold-out*: what the promotion gate compares (`model.gate.compare`, "
        "M1 active): all of M2's held-out rows from its cut-off on, with the baselines "
        "fitted on M2's training rows. When the cut-off falls before "
        f"{YEAR1}, they also hold history enrolments M1 was refitted on, so M1's number is "
        "optimistic (the gate says so in its reasons); when it falls in "
        f"{YEAR1} they are the fresh year-1 hold-out "
        f"({'so here' if same_rows else 'not so here for every seed'}).",
        "- *mean abs(P − P_true) / corr*: the stored models' P(success) against the truth on "
        "every (bench learner, allowed module) pair of year 2: what the planner reads.",
        "",
        "### Year 1 as it happened",
        "",
        "| seed | cohort | outcome rows drawn | completed | applied (l3 = 1) | mean JP planned |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.seed} | {r.cohort_learners:,} | {r.year1_rows:,} | {r.year1_completed:.1%} | "
            f"{r.year1_success:.1%} | {r.year1_jp:.1f} |"
        )
    lines += [
        "",
        "### Every path valued",
        "",
        *detail_lines(results),
        "",
        "### The gate's reasons (M2 against M1)",
        "",
    ]
    for r in results:
        reasons = "; ".join(reason[0] for reason in r.gate["reasons"])
        lines.append(f"- seed {r.seed}: {r.gate['summary'][0]} — {reasons}.")
    stages = list(results[0].seconds)
    lines += [
        "",
        "### Timings (seconds)",
        "",
        "| seed | " + " | ".join(stages) + " | total |",
        "| ---: |" + " ---: |" * (len(stages) + 1),
    ]
    for r in results:
        lines.append(
            f"| {r.seed} | "
            + " | ".join(f"{r.seconds[s]:.0f}" for s in stages)
            + f" | {sum(r.seconds.values()):.0f} |"
        )
    lines += ["", f"Whole run: {time.perf_counter() - started:.0f} s."]
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
