"""Where a batch's time goes, learner by learner: the profile behind the speed verdicts of
``paths.md``.

Simulates ``--learners`` learners over the shipped catalog into a fresh workspace (the
shipped default model), then plans ``--plan`` of them in one ``plan_rows`` call (the
batch's code path, CSV options) under cProfile, and reports each stage's time a learner
and its share, plus the size of the paths a worker sends back.

    python benchmarks/profile_batch.py --out benchmarks/results/batch_profile.md
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import platform
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import commit, emit  # noqa: E402
from bench_model import simulated_workspace  # noqa: E402

from curriculum_tool.recommend import PathOptions, Recommender  # noqa: E402
from curriculum_tool.recommend.batch_rows import planned_chunk  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402

#: (stage, functions whose cumulative time is the stage's), in the order a path is made.
HIGHS = ("~", "<built-in method scipy.optimize._highspy._core.run>")
STAGES = (
    ("score every learner × candidate pair (the model)", [("score.py", "probabilities")]),
    (
        "feasibility and exclusion reasons",
        [("feasibility.py", "situation"), ("feasibility.py", "excluded")],
    ),
    ("selection problem (gaps, reach, policies)", [("planner.py", "problem")]),
    ("HiGHS solving the selection programs", [HIGHS]),
    ("building the programs, scipy's checks", [("select.py", "_solve")]),
    ("order and periods", [("planner.py", "_place")]),
    ("explanations (step reasons, passed-over modules)", [("explain.py", "steps")]),
    ("whole plan_rows", [("planner.py", "plan_rows")]),
)


def cumulative(stats: pstats.Stats, file_part: str, name: str) -> float:
    total = 0.0
    for (filename, _, function), row in stats.stats.items():  # type: ignore[attr-defined]
        if function == name and (file_part == "~" or filename.endswith(file_part)):
            total += row[3]
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=3_000)
    parser.add_argument("--plan", type=int, default=1_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, _ = simulated_workspace(Path(folder), args.learners, 0)
        with Workspace.open(path) as workspace:
            rec = Recommender(workspace)
            options = PathOptions(excluded="blocking")
            rec.plan_rows(list(range(50)), options)  # warm caches and imports
            rows = list(range(args.plan))
            start = time.perf_counter()
            plain = rec.plan_rows(rows, options)
            wall = time.perf_counter() - start
            profiler = cProfile.Profile()
            profiler.enable()
            rec.plan_rows(rows, options)
            profiler.disable()
    stats = pstats.Stats(profiler)
    whole = cumulative(stats, "planner.py", "plan_rows")
    solve = cumulative(stats, "select.py", "_solve")
    highs = cumulative(stats, *HIGHS)
    lines = [
        "# Where a batch's time goes",
        "",
        "Command: `python benchmarks/profile_batch.py --out benchmarks/results/batch_profile.md`",
        "",
        f"Code: commit {commit(ROOT)}; Python {platform.python_version()}, "
        f"{platform.machine()}. {args.plan:,} of {args.learners:,} simulated learners (seed "
        "0), the shipped default model, CSV options (max_jp 40, min_jp 20, policies on), "
        "one `plan_rows` call in one process (one batch chunk).",
        "",
        f"Wall time without the profiler: **{wall / args.plan * 1000:.2f} ms a learner**. "
        "Under cProfile (which slows Python code, not HiGHS), by stage:",
        "",
        "| stage | ms a learner (profiled) | share |",
        "| --- | ---: | ---: |",
    ]
    for label, functions in STAGES:
        seconds = sum(cumulative(stats, file_part, name) for file_part, name in functions)
        if functions[0][1] == "_solve":
            seconds -= highs  # the rest of the program: its building and scipy's wrapper
        lines.append(f"| {label} | {seconds / args.plan * 1000:.2f} | {seconds / whole:.0%} |")
    objects = len(pickle.dumps(plain, protocol=5))
    size = len(pickle.dumps(planned_chunk(plain, jsonl=False, store=True), protocol=5))
    lines += [
        "",
        f"HiGHS alone is {highs / solve:.0%} of the selection's time and "
        f"{highs / whole:.0%} of the whole. A worker sends back {size / args.plan / 1024:.1f} "
        "KiB a learner (the chunk's file and table rows, `PlannedChunk`), against "
        f"{objects / args.plan / 1024:.1f} KiB for the path objects it sent before.",
    ]
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
