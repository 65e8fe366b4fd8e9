"""Benchmark: the success model's quality against the simulator's truth, and its speed.

Targets (issue "trained success model"):
- held-out AUC at least 95 % of the way from 0.5 to the ground-truth ceiling, ECE < 0.03;
- ``train`` on 1,000,000 outcome rows under 120 s and 4 GB on 2 cores;
- scoring 1,000,000 learner × module pairs under 5 s.

    python benchmarks/bench_model.py [--learners 100000] [--seeds 0 1 2] [--out FILE]

Quality runs ``simulate`` + ``import`` + ``train`` for each seed at 20,000 learners; the
model choice compares the shipped estimator with the candidates it was chosen over on
the same split; speed times the real ``train`` command in a child process (so its peak
memory is that of one CLI run) on ``--learners`` simulated learners (≈ 10 outcome rows
each), then scores a million random pairs with the model it stored.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _results import emit  # noqa: E402

sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.calibration import CalibratedClassifierCV  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

from curriculum_tool.catalog import create_workspace  # noqa: E402
from curriculum_tool.io import import_file  # noqa: E402
from curriculum_tool.model.dataset import training_set  # noqa: E402
from curriculum_tool.model.estimators import make_baselines, make_model  # noqa: E402
from curriculum_tool.model.evaluate import scores  # noqa: E402
from curriculum_tool.model.score import Scorer  # noqa: E402
from curriculum_tool.model.train import split  # noqa: E402
from curriculum_tool.simulate import simulate_to_dir  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402


def simulated_workspace(folder: Path, learners: int, seed: int) -> tuple[Path, Path]:
    """A workspace from the shipped catalog plus simulated learners and outcomes."""
    simulate_to_dir(folder / "sim", learners, seed)
    path = folder / "w.sqlite"
    with create_workspace(path) as workspace:
        import_file(workspace, "learners", folder / "sim" / "learners.csv")
        import_file(workspace, "outcomes", folder / "sim" / "outcomes.csv")
    return path, folder / "sim" / "truth.csv"


def run_train(workspace: Path, truth: Path, seed: int, models: Path) -> tuple[dict, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "train",
            str(workspace),
            "--seed",
            str(seed),
            "--truth",
            str(truth),
            "--name",
            f"bench{seed}",
            "--models-dir",
            str(models),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout), time.perf_counter() - start


def quality(seeds: list[int], learners: int) -> list[str]:
    lines = [
        "| seed | rows | model AUC | ceiling | share of the way | ECE | logistic AUC "
        "| module rate AUC | base rate ECE |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    verdicts = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            workspace, truth = simulated_workspace(folder, learners, seed)
            card, _ = run_train(workspace, truth, seed, folder / "models")
        m = card["metrics"]
        share = (m["model"]["auc"] - 0.5) / (m["ceiling_auc"] - 0.5)
        verdicts.append(share >= 0.95 and m["model"]["ece"] < 0.03)
        lines.append(
            f"| {seed} | {card['data']['rows']:,} | {m['model']['auc']:.4f} | "
            f"{m['ceiling_auc']:.4f} | {share:.1%} | {m['model']['ece']:.4f} | "
            f"{m['baselines']['logistic']['auc']:.4f} | "
            f"{m['baselines']['module_rate']['auc']:.4f} | "
            f"{m['baselines']['base_rate']['ece']:.4f} |"
        )
    lines += [
        "",
        f"Target: share ≥ 95 % and ECE < 0.03 for every seed: "
        f"**{'PASS' if all(verdicts) else 'FAIL'}**",
    ]
    return lines


def model_choice(learners: int, seed: int = 0) -> list[str]:
    """The shipped estimator against the candidates it was chosen over, on one split."""
    with tempfile.TemporaryDirectory() as folder:
        path, _ = simulated_workspace(Path(folder), learners, seed)
        with Workspace.open(path) as workspace:
            data = training_set(workspace)
    train_mask, test_mask, _ = split(data, seed)
    X_train, y_train = data.features[train_mask], data.label[train_mask]
    X_test, y_test = data.features[test_mask], data.label[test_mask]
    chosen = make_model(seed)
    candidates = {
        "HistGradientBoosting, native categories (shipped)": chosen,
        "same + isotonic calibration (3-fold)": CalibratedClassifierCV(
            clone(chosen), method="isotonic", cv=3
        ),
        "RandomForest (200 trees, leaf ≥ 40)": Pipeline(
            [
                ("features", clone(chosen.named_steps["features"])),
                (
                    "classifier",
                    RandomForestClassifier(200, min_samples_leaf=40, n_jobs=2, random_state=seed),
                ),
            ]
        ),
        "logistic regression (one-hot + scaled)": make_baselines(seed)["logistic"],
    }
    lines = [
        "| estimator | fit s | AUC | log loss | Brier | ECE |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, estimator in candidates.items():
        start = time.perf_counter()
        fitted = estimator.fit(X_train, y_train)
        seconds = time.perf_counter() - start
        s = scores(y_test, fitted.predict_proba(X_test)[:, 1])
        lines.append(
            f"| {name} | {seconds:.1f} | {s['auc']:.4f} | {s['log_loss']:.4f} | "
            f"{s['brier']:.4f} | {s['ece']:.4f} |"
        )
    lines += [
        "",
        f"{len(y_train):,} training and {len(y_test):,} held-out rows "
        f"({learners:,} simulated learners, seed {seed}).",
    ]
    return lines


def speed(learners: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        start = time.perf_counter()
        workspace, truth = simulated_workspace(folder, learners, 0)
        prepare = time.perf_counter() - start
        card, train_seconds = run_train(workspace, truth, 0, folder / "models")
        train_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with Workspace.open(workspace) as ws:
            start = time.perf_counter()
            scorer = Scorer(ws)
            open_seconds = time.perf_counter() - start
            rng = np.random.default_rng(0)
            n = 1_000_000
            learner_idx = rng.integers(0, len(scorer.learners), n)
            module_idx = rng.integers(0, len(scorer.context.module_codes), n)
            start = time.perf_counter()
            p = scorer.probabilities(learner_idx, module_idx)
            score_seconds = time.perf_counter() - start
    train_ok = train_seconds < 120 and train_mib < 4096
    return [
        f"- simulate + import {learners:,} learners: {prepare:.1f} s (not part of the target)",
        f"- `train` on {card['data']['rows']:,} labelled rows (model, 3 baselines, refit on "
        f"all rows): **{train_seconds:.1f} s**, peak {train_mib:,.0f} MiB — target < 120 s, "
        f"< 4 GB: **{'PASS' if train_ok else 'FAIL'}**",
        f"- load model + catalog + {learners:,} learners for scoring: {open_seconds:.1f} s",
        f"- score {n:,} pairs (features + predict_proba): **{score_seconds:.2f} s** "
        f"(mean p {float(np.mean(p)):.3f}) — target < 5 s: "
        f"**{'PASS' if score_seconds < 5 else 'FAIL'}**",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--quality-learners", type=int, default=20_000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument(
        "--sections",
        nargs="+",
        default=["quality", "choice", "speed"],
        choices=["quality", "choice", "speed"],
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    command = "python benchmarks/bench_model.py" + (f" --out {args.out}" if args.out else "")
    lines = [
        "# Model benchmark",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {platform.machine()}, 2 cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}, pandas {pd.__version__}.",
        "",
    ]
    if "quality" in args.sections:
        lines += ["## Quality against the simulator's truth (held out by time and learner)", ""]
        lines += [*quality(args.seeds, args.quality_learners), ""]
    if "choice" in args.sections:
        lines += ["## Choice of estimator (same split)", ""]
        lines += [*model_choice(args.quality_learners), ""]
    if "speed" in args.sections:
        lines += ["## Speed", ""]
        lines += speed(args.learners)
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
