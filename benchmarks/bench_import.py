"""Benchmark: import 100,000 learners and 1,000,000 outcome rows into a SQLite workspace.

Target (issue "Foundation"): under 60 s and 2 GB peak memory on 2 cores.

    python benchmarks/bench_import.py [--learners 100000] [--outcomes 1000000] [--out FILE]

Generates synthetic learners and outcomes over the default catalog's positions, regions
and modules (a fixed seed), then times ``main.py import`` for each file in a fresh
process, so the peak resident memory reported is that of one real CLI import.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curriculum_tool.catalog import create_workspace  # noqa: E402


def generate(
    workspace_path: Path,
    folder: Path,
    learners: int,
    outcomes: int,
    seed: int = 7,
    catalog: Path | None = None,
) -> tuple[Path, Path]:
    """Write learners.csv and outcomes.csv that reference the workspace's codes."""
    rng = random.Random(seed)
    with create_workspace(workspace_path, directory=catalog) as workspace:
        positions = sorted({j.position for j in workspace.load("job_standards")})
        regions = [r.code for r in workspace.load("regions")]
        competencies = [c.code for c in workspace.load("competencies")]
        modules = [m.code for m in workspace.load("modules")]
    learner_path, outcome_path = folder / "learners.csv", folder / "outcomes.csv"
    ids = [f"1990{n:014d}" for n in range(learners)]
    with open(learner_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "name", "position", "region", "digital_literacy", "competencies", "completed"]
        )
        for learner_id in ids:
            levels = ";".join(
                f"{c}:{rng.randint(1, 3)}"
                for c in rng.sample(competencies, k=min(4, len(competencies)))
            )
            writer.writerow(
                [
                    learner_id,
                    f"Peserta Sintetis {learner_id[-6:]}",
                    rng.choice(positions),
                    rng.choice(regions),
                    rng.randint(0, 3),
                    levels,
                    "",
                ]
            )
    start = dt.date(2019, 1, 1)
    with open(outcome_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["learner", "module", "date", "completed", "l1", "l2", "l3", "l4"])
        per_learner = outcomes // learners
        for learner_id in ids:
            days = sorted(rng.sample(range(2000), per_learner))
            for day in days:
                completed = rng.random() < 0.8
                l3 = (rng.random() < 0.6) if completed else False
                writer.writerow(
                    [
                        learner_id,
                        rng.choice(modules),
                        (start + dt.timedelta(days=day)).isoformat(),
                        int(completed),
                        rng.randint(40, 100),
                        rng.randint(20, 100),
                        int(l3),
                        "",
                    ]
                )
    return learner_path, outcome_path


def timed_import(workspace: Path, kind: str, path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one ``main.py import`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(workspace), kind, str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all of them: report it only if it grew.
    return seconds, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--outcomes", type=int, default=1_000_000)
    parser.add_argument("--catalog", type=Path, help="catalog folder (default: catalog/)")
    parser.add_argument("--out", type=Path, help="append a Markdown result row to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace = folder / "bench.sqlite"
        began = time.perf_counter()
        learners, outcomes = generate(
            workspace, folder, args.learners, args.outcomes, catalog=args.catalog
        )
        print(f"generated inputs in {time.perf_counter() - began:.1f} s")
        learner_s, learner_mb = timed_import(workspace, "learners", learners)
        print(f"learners: {args.learners:,} rows in {learner_s:.1f} s, peak {learner_mb:.0f} MiB")
        outcome_s, outcome_mb = timed_import(workspace, "outcomes", outcomes)
        print(
            f"outcomes: {args.outcomes:,} rows in {outcome_s:.1f} s, "
            f"peak {outcome_mb:.0f} MiB (max over both imports)"
        )
        total = learner_s + outcome_s
        verdict = "PASS" if total < 60 and outcome_mb < 2048 else "FAIL"
        print(f"total {total:.1f} s (target < 60 s, < 2048 MiB): {verdict}")
        if args.out:
            line = (
                f"| {dt.date.today()} | {platform.python_version()} | {os.cpu_count()} | "
                f"{args.learners:,} | {learner_s:.1f} | {args.outcomes:,} | {outcome_s:.1f} | "
                f"{total:.1f} | {outcome_mb:.0f} | {verdict} |\n"
            )
            with open(args.out, "a", encoding="utf-8") as handle:
                handle.write(line)
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
