"""Benchmark: import ≥ 10,000 generated and hand-made files of every kind, and count what
went wrong.

Targets (issue 12): 0 tracebacks, 0 partial writes, 0 hangs over 10 s, 0 bad files
accepted, 100 % of messages located.

    python benchmarks/fuzz_imports.py --files 10000 --seed 0 \\
        --out benchmarks/results/fuzz_imports.md [--workers 2]

The files are every hand-made case of the fuzz suite (far cells, stale dimensions, bombs,
deep nesting, surrogates…) and then seeded random cases: a kind (the 9 contract tables as
CSV or XLSX, Moodle CSV, CASE JSON), one of its mutations, its random choices. They are
made by ``tests/fuzz/corpus.py`` and judged by ``tests/fuzz/oracle.py``, the same code the
tests run: this script puts ``tests/`` on ``sys.path`` and imports the ``fuzz`` package
(pytest's ``pythonpath`` does the same), so the corpus is written once. Each file is
imported in-process (a CLI start costs seconds) into a fresh copy of a prepared
workspace, in worker processes that are killed past the time limit.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _results import commit, emit  # noqa: E402
from fuzz import corpus  # noqa: E402
from fuzz.oracle import FAILURES, Result, Runner  # noqa: E402

TOTALS = [
    ("traceback", "tracebacks"),
    ("partial_write", "partial writes"),
    ("hang", "hangs over the limit"),
    ("bad_accepted", "bad files accepted"),
    ("good_refused", "good files refused"),
    ("unlocated", "refusals with an unlocated or multi-line message"),
    ("wrong_result", "good files read wrong (rows, values)"),
]


def machine() -> str:
    import openpyxl
    import sqlalchemy

    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, openpyxl "
        f"{openpyxl.__version__}, SQLAlchemy {sqlalchemy.__version__}"
    )


def cases(files: int, seed: int, bomb_mib: int):
    hand_made = corpus.hand_made_cases(bomb_mib)
    return itertools.chain(hand_made, corpus.random_cases(seed, max(0, files - len(hand_made))))


def report(results: list[Result], args: argparse.Namespace, seconds: float) -> str:
    failures = Counter(name for r in results for name, _ in r.failures)
    messages = sum(r.message_count for r in results)
    unlocated = sum(r.unlocated_count for r in results)
    located = 100.0 * (messages - unlocated) / messages if messages else 100.0
    outcomes = Counter(r.outcome for r in results)
    expects = Counter(r.expect for r in results)
    lines = [
        "# Import fuzz benchmark",
        "",
        f"Command: `python benchmarks/fuzz_imports.py --files {args.files} --seed {args.seed} "
        f"--workers {args.workers} --timeout {args.timeout:g}"
        + (f" --bomb-mib {args.bomb_mib}" if args.bomb_mib != corpus.xlsx.BOMB_MIB else "")
        + (f" --out {args.out}" if args.out else "")
        + "`",
        "",
        f"Machine: {machine()}.",
        "",
        f"Commit: {commit(ROOT)}. Run on {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{seconds / 60:.1f} min with {args.workers} worker processes.",
        "",
        f"{len(results):,} files ({sum(r.size for r in results) / 1e6:,.1f} MB): "
        f"{expects['bad']:,} must be refused, {expects['good']:,} must be accepted, "
        f"{expects['either']:,} may go either way. Outcomes: "
        + ", ".join(f"{n:,} {name}" for name, n in outcomes.most_common())
        + ".",
        "",
        "## Totals",
        "",
        "| | count | target |",
        "| --- | ---: | ---: |",
    ]
    for name, label in TOTALS:
        lines.append(f"| {label} | {failures[name]:,} | 0 |")
    lines.append(
        f"| messages located (one line, `FILE:ROW:COLUMN:` or `FILE:$.path:`) | "
        f"{located:.2f} % of {messages:,} | 100 % |"
    )
    passed = all(failures[name] == 0 for name in FAILURES) and unlocated == 0
    lines += ["", f"Result: **{'PASS' if passed else 'FAIL'}**.", ""]
    lines += _by_kind(results) + _by_mutation(results) + _slowest(results) + _throughput(results)
    lines += _failing(results)
    lines += [
        "## Method",
        "",
        "- Each file is imported with `import_file` (contract tables) or "
        "`import_interchange` (moodle, case), as `import W KIND FILE` does, into a fresh copy "
        "of a SQLite workspace holding the default catalog with `tests/data/mini` merged in.",
        "- A worker process that passes the time limit is killed and the case counts as a "
        "hang; an exception that is not a `CurriculumError` counts as a traceback (a worker "
        "that dies, too).",
        "- A refused import must leave a SHA-256 of every table unchanged (partial write).",
        "- Every message must be one line matching "
        "`^[^:\\n]+:(\\d+:[^:\\n]+|\\$[^:\\n]*): .+$`, with no raw control character, "
        "line separator or lone surrogate; a traceback counts as one unlocated message.",
        "- Good files that declare a row count (e.g. an XLSX whose `<dimension>` is stale) "
        "must import exactly that many rows.",
        "",
    ]
    return "\n".join(lines)


def _by_kind(results: list[Result]) -> list[str]:
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_kind[r.kind]["files"] += 1
        by_kind[r.kind][r.expect] += 1
        for name, _ in r.failures:
            by_kind[r.kind][name] += 1
    lines = [
        "## Per kind",
        "",
        "| kind | files | bad | good | either | failures |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for kind in corpus.ALL_KINDS:
        c = by_kind[kind]
        failed = ", ".join(f"{c[name]} {name}" for name in FAILURES if c[name]) or "none"
        lines.append(
            f"| {kind} | {c['files']:,} | {c['bad']:,} | {c['good']:,} | "
            f"{c['either']:,} | {failed} |"
        )
    return [*lines, ""]


def _by_mutation(results: list[Result]) -> list[str]:
    by_mutation: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_mutation[r.mutation]["files"] += 1
        by_mutation[r.mutation][r.expect] += 1
        by_mutation[r.mutation]["failed"] += bool(r.failures)
    lines = [
        "## Per mutation",
        "",
        "| mutation | files | expected | failed |",
        "| --- | ---: | --- | ---: |",
    ]
    for name, c in sorted(by_mutation.items(), key=lambda item: (-item[1]["files"], item[0])):
        expected = ", ".join(f"{c[e]} {e}" for e in ("bad", "good", "either") if c[e])
        lines.append(f"| {name} | {c['files']:,} | {expected} | {c['failed']:,} |")
    return [*lines, ""]


def _slowest(results: list[Result]) -> list[str]:
    seconds = [r.seconds for r in results]
    lines = [
        "## Time",
        "",
        f"Per file: median {statistics.median(seconds) * 1000:.0f} ms, p99 "
        f"{sorted(seconds)[int(0.99 * (len(seconds) - 1))] * 1000:.0f} ms, max "
        f"{max(seconds):.2f} s.",
        "",
        "Slowest files:",
        "",
        "| file | kind | mutation | size | seconds | outcome |",
        "| --- | --- | --- | ---: | ---: | --- |",
    ]
    for r in sorted(results, key=lambda r: -r.seconds)[:10]:
        lines.append(
            f"| {r.file} | {r.kind} | {r.mutation} | {r.size:,} | {r.seconds:.2f} | {r.outcome} |"
        )
    return [*lines, ""]


def _throughput(results: list[Result]) -> list[str]:
    """MB/s where there was reading to do (the largest accepted files); the largest
    refused ones (bombs, huge JSON) with their time."""
    lines = [
        "Largest accepted files (read, checked and written):",
        "",
        "| file | kind | mutation | MB | seconds | MB/s |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    accepted = [r for r in results if r.outcome == "accepted"]
    for r in sorted(accepted, key=lambda r: -r.size)[:10]:
        rate = r.size / 1e6 / r.seconds if r.seconds else float("inf")
        lines.append(
            f"| {r.file} | {r.kind} | {r.mutation} | {r.size / 1e6:.2f} | "
            f"{r.seconds:.2f} | {rate:.1f} |"
        )
    lines += [
        "",
        "Largest refused files:",
        "",
        "| file | kind | mutation | MB | seconds | note |",
        "| --- | --- | --- | ---: | ---: | --- |",
    ]
    refused = [r for r in results if r.outcome != "accepted"]
    for r in sorted(refused, key=lambda r: -r.size)[:5]:
        lines.append(
            f"| {r.file} | {r.kind} | {r.mutation} | {r.size / 1e6:.2f} | "
            f"{r.seconds:.2f} | {_cell(r.note)} |"
        )
    return [*lines, ""]


def _failing(results: list[Result], limit: int = 40) -> list[str]:
    failed = [r for r in results if r.failures]
    if not failed:
        return ["## Failing files", "", "None.", ""]
    lines = [
        "## Failing files",
        "",
        f"{len(failed):,} files failed; the first {min(limit, len(failed))} of each "
        "class are listed (all files are synthetic). `note` says how to make the file "
        "again with `tests/fuzz/corpus.py`.",
        "",
        "| class | kind | mutation | expect | outcome | first message or detail | note |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in FAILURES:
        shown = 0
        for r in failed:
            details = [d for n, d in r.failures if n == name]
            if not details or shown >= limit:
                continue
            shown += 1
            first = r.messages[0] if r.messages and name != "traceback" else details[0]
            lines.append(
                f"| {name} | {r.kind} | {r.mutation} | {r.expect} | {r.outcome} | "
                f"{_cell(first)} | {_cell(r.note)} |"
            )
    return [*lines, ""]


def _cell(text: str) -> str:
    shown = text.encode("unicode_escape").decode("ascii")
    return shown[:160].replace("|", "\\|").replace("`", "'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds before an import counts as a hang (default 10)",
    )
    parser.add_argument(
        "--bomb-mib",
        type=int,
        default=corpus.xlsx.BOMB_MIB,
        help="inflated size of the hand-made zip bombs",
    )
    parser.add_argument("--keep", type=Path, help="copy every failing file into this folder")
    parser.add_argument("--out", type=Path, help="write the markdown report here")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    results: list[Result] = []
    with Runner(workers=args.workers, timeout=args.timeout, keep=args.keep) as runner:
        for result in runner.run(cases(args.files, args.seed, args.bomb_mib)):
            results.append(result)
            if len(results) % 500 == 0:
                failed = sum(bool(r.failures) for r in results)
                print(
                    f"{len(results):,} files, {failed:,} failed, "
                    f"{time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    emit(report(results, args, time.perf_counter() - started), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
