"""Benchmark: ``kill -9`` at random moments during ``import``, ``batch`` and ``train``.

Targets (issue 12): over at least 200 kills, 0 corrupt workspaces, 0 half-imports and 0
leftover temporary files after the next run.

    python benchmarks/kill_test.py --kills 200 --seed 0 --out benchmarks/results/kill_test.md
    python benchmarks/kill_test.py --kills 5          # quick check of the machinery

Each kill copies a prepared workspace (the default catalog, simulated learners and
outcomes), starts one CLI command (``python main.py …``) in its own process group,
SIGKILLs the group after a delay drawn uniformly from the command's measured duration,
then checks the workspace (integrity, ``Workspace.open``, every table as before or as
after a completed run), the output file, and, after running the same command again to
completion, that nothing hidden or ``.tmp`` is left beside the workspace, the output or
the models. The machinery is ``tests/fuzz/kill.py`` (shared with ``tests/fuzz/test_kill.py``;
this script puts ``tests/`` on ``sys.path``). Each CLI start costs 1–4 s, so 200 kills take
about 20–30 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _results import commit, emit  # noqa: E402
from fuzz.kill import COMMANDS, KillBench, KillOutcome  # noqa: E402

CLASSES = [
    ("corrupt", "corrupt workspaces"),
    ("half_import", "half-imports"),
    ("leftovers", "leftover temporary files after the next run"),
    ("partial_output", "partial output files"),
    ("rerun", "next runs that failed or gave another result"),
]


def report(
    bench: KillBench, outcomes: list[KillOutcome], args: argparse.Namespace, seconds: float
) -> str:
    killed = [o for o in outcomes if o.killed]
    totals = Counter(name for o in killed for name in o.failures)
    lines = [
        "# Kill test",
        "",
        f"Command: `python benchmarks/kill_test.py --kills {args.kills} --seed {args.seed} "
        f"--learners {args.learners} --trained-learners {args.trained_learners} "
        f"--batch-learners {args.batch_learners}"
        + (f" --out {args.out}" if args.out else "")
        + "`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}.",
        "",
        f"Commit: {commit(ROOT)}. Run on {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{seconds / 60:.1f} min.",
        "",
        f"Workspace: the default catalog, {args.learners:,} simulated learners, the outcomes "
        f"of {args.trained_learners:,} of them; batches plan {args.batch_learners} learners.",
        "",
        f"{len(killed)} commands killed with SIGKILL"
        + (
            f" ({len(outcomes) - len(killed)} more finished before their kill and were "
            "judged but not counted)"
            if len(outcomes) > len(killed)
            else ""
        )
        + ".",
        "",
        "## Totals",
        "",
        "| | count | target |",
        "| --- | ---: | ---: |",
    ]
    for name, label in CLASSES:
        lines.append(f"| {label} | {totals[name]} | 0 |")
    passed = len(killed) >= args.kills and not totals
    lines += [
        "",
        f"Result: **{'PASS' if passed else 'FAIL'}**.",
        "",
        "## Per command",
        "",
        "| command | typical s | kills | left before | left after | corrupt | half | "
        "partial output | tmp files left by the kill | leftovers after rerun | "
        "rerun failed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    by_command: dict[str, list[KillOutcome]] = defaultdict(list)
    for o in killed:
        by_command[o.command].append(o)
    for command in COMMANDS:
        group = by_command.get(command, [])
        if not group and command not in bench.references:
            continue
        count = Counter(name for o in group for name in o.failures)
        states = Counter(o.state for o in group)
        lines.append(
            f"| {command} | {bench.references[command].seconds:.1f} | {len(group)} | "
            f"{states['before']} | {states['after']} | {count['corrupt']} | "
            f"{count['half_import']} | {count['partial_output']} | "
            f"{sum(bool(o.tmp_after_kill) for o in group)} | {count['leftovers']} | "
            f"{count['rerun']} |"
        )
    delays = [o.delay for o in killed]
    if delays:
        lines += [
            "",
            f"Kill delays: median {statistics.median(delays):.2f} s, max {max(delays):.2f} s.",
        ]
    failed = [o for o in killed if o.failures]
    lines += ["", "## Failures", ""]
    if not failed:
        lines.append("None.")
    for o in failed[:40]:
        detail = "; ".join(f"{name}: {_detail(o, name)}" for name in o.failures)
        lines.append(f"- {o.command}, killed after {o.delay:.2f} s: {detail}")
    lines += [
        "",
        "## Method",
        "",
        "- *left before / left after*: killed commands whose workspace was exactly as "
        "before the command, or exactly as after a completed run of it.",
        "- *corrupt*: `PRAGMA integrity_check` not `ok`, a `foreign_key_check` row, or "
        "`Workspace.open` refusing the file.",
        "- *half-import*: a table neither as before nor as after a completed run, or "
        "some tables written and others not. Masked before comparing: `created` "
        "stamps, the per-kind change stamps in `meta`, and model bytes and cards (a "
        "model row compares as name, active, and whether its bytes match its SHA-256).",
        "- *partial output*: a batch output that exists but is not byte for byte the "
        "output of a completed run; a model file that is not whole.",
        "- *leftovers*: after running the same command again to completion, hidden or "
        "`.tmp` files beside the workspace, in the output folder or in the models folder "
        "(SQLite's `-wal`/`-shm` are neither). *tmp files left by the kill* counts the "
        "kills that left some before that run: what the next run must clean.",
        "- *rerun failed*: the next run did not exit 0, or its result differs from a "
        "completed run's.",
        "",
    ]
    return "\n".join(lines)


def _detail(outcome: KillOutcome, name: str) -> str:
    if name == "leftovers":
        return ", ".join(outcome.leftovers_after_rerun[:5])
    return str(getattr(outcome, name))[:300]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--learners",
        type=int,
        default=6000,
        help="simulated learners in the workspace and in the imported files",
    )
    parser.add_argument(
        "--trained-learners",
        type=int,
        default=1500,
        help="learners whose outcomes the workspace holds (train's data)",
    )
    parser.add_argument("--batch-learners", type=int, default=60)
    parser.add_argument(
        "--commands",
        default=",".join(COMMANDS),
        help=f"comma-separated, from: {', '.join(COMMANDS)}",
    )
    parser.add_argument(
        "--workdir", type=Path, help="keep the work here (default: a temporary folder, removed)"
    )
    parser.add_argument("--out", type=Path, help="write the markdown report here")
    args = parser.parse_args(argv)
    commands = [c for c in args.commands.split(",") if c]
    unknown = sorted(set(commands) - set(COMMANDS))
    if unknown:
        parser.error(f"unknown command {', '.join(unknown)}")

    folder = args.workdir or Path(tempfile.mkdtemp(prefix="curriculum-kill-"))
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    def progress(outcome: KillOutcome) -> None:
        verdict = ", ".join(outcome.failures) or "ok"
        log(
            f"{outcome.command} killed after {outcome.delay:.2f} s"
            f"{'' if outcome.killed else ' (had finished)'}: {outcome.state or '-'}, {verdict}"
        )

    bench = KillBench(
        folder, args.learners, args.trained_learners, args.batch_learners, args.seed, log
    )
    try:
        bench.prepare()
        for command in commands:
            bench.reference(command)
        outcomes = bench.run(args.kills, args.seed, commands, progress)
        emit(report(bench, outcomes, args, time.perf_counter() - started), args.out)
    finally:
        if args.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
