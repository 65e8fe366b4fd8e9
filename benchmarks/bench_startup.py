"""How fast the command line answers before it does any work: ``--version`` and
``--help`` (target: under 0.3 s), each the median of ``--runs`` fresh processes.

    python benchmarks/bench_startup.py --out benchmarks/results/startup.md
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import commit, emit  # noqa: E402

TARGET_S = 0.3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = [
        "# Command-line start-up",
        "",
        "Command: `python benchmarks/bench_startup.py --out benchmarks/results/startup.md`",
        "",
        f"Code: commit {commit(ROOT)}; Python {platform.python_version()}, "
        f"{platform.machine()}. Median and slowest of {args.runs} fresh processes each.",
        "",
        "| command | median | slowest | target | verdict |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for flag in ("--version", "--help"):
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), flag], capture_output=True, check=True
            )
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        lines.append(
            f"| `main.py {flag}` | {median:.3f} s | {max(times):.3f} s | < {TARGET_S} s | "
            f"**{'PASS' if median < TARGET_S else 'FAIL'}** |"
        )
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
