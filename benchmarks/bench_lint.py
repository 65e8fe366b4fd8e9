"""Benchmark: lint a 5,000-module / 20,000-edge prerequisite graph, and the real catalogs.

Target (issue "graph engine"): each lint under 1 s on 2 cores.

    python benchmarks/bench_lint.py [--modules 5000] [--edges 20000] [--out FILE]

The generated graph is a random layered DAG over the default catalog's competencies,
regions and positions (fixed seed): half hard and half soft edges, 5 % local modules,
2 % not approved, a few high-connectivity modules, so every lint rule has work to do.
It is linted from records in memory and again from a SQLite workspace (load + lint).
The real graphs are the default catalog and, when ``../shared/data`` is present, the
public CASE and Moodle frameworks imported into a workspace; no public file there holds
a module prerequisite graph larger than the default catalog.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from curriculum_tool.catalog import catalog_dir, create_workspace  # noqa: E402
from curriculum_tool.domain import Module, Prerequisite  # noqa: E402
from curriculum_tool.graph import PrerequisiteGraph, lint, lint_workspace  # noqa: E402
from curriculum_tool.graph.reachability import Reach  # noqa: E402
from curriculum_tool.io.importer import parse_file  # noqa: E402
from curriculum_tool.io.interchange import import_interchange  # noqa: E402
from curriculum_tool.store import Workspace  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
MODALITIES = ("klasikal", "e_learning", "blended", "microlearning", "coaching")


def catalog_records(kind: str) -> list:
    return parse_file(kind, catalog_dir() / f"{kind}.csv").records


def generate(n_modules: int, n_edges: int, seed: int = 11) -> tuple[list, list]:
    """Modules and a random acyclic prerequisite edge set over the catalog's codes."""
    rng = random.Random(seed)
    competencies = [c.code for c in catalog_records("competencies")]
    regions = [r.code for r in catalog_records("regions")]
    modules = []
    for i in range(n_modules):
        local = rng.random() < 0.05
        modules.append(
            Module(
                code=f"GEN-{i:05d}",
                title=f"Modul {i}",
                jp=rng.randint(2, 40),
                modality=rng.choice(MODALITIES),
                level=rng.randint(1, 5),
                competencies=tuple(
                    (c, rng.randint(1, 5)) for c in rng.sample(competencies, rng.randint(0, 3))
                ),
                min_connectivity=rng.choices(("none", "low", "high"), (6, 3, 1))[0],
                scope=rng.choice(regions) if local else "national",
                status="approved" if rng.random() < 0.98 else "draft",
            )
        )
    # Edges go from a later module to an earlier one within a window: acyclic, layered.
    edges: dict[tuple[str, str], str] = {}
    while len(edges) < n_edges:
        a = rng.randrange(1, n_modules)
        b = rng.randrange(max(0, a - 150), a)
        edges.setdefault((modules[a].code, modules[b].code), rng.choice(("hard", "soft")))
    return modules, [Prerequisite(m, r, k) for (m, r), k in edges.items()]


def timed(function, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows: list[tuple[str, int, int, float, str]] = []
    context = {
        kind: catalog_records(kind)
        for kind in ("competencies", "regions", "job_standards", "regional_standards")
    }

    modules, edges = generate(args.modules, args.edges)
    graph = PrerequisiteGraph(modules, edges)
    seconds, report = timed(lambda: lint(graph, **context))
    rows.append(
        (
            "generated, from records",
            len(modules),
            len(edges),
            seconds,
            f"{len(report.errors)} errors, {len(report.warnings)} warnings",
        )
    )
    seconds, _ = timed(lambda: lint(PrerequisiteGraph(modules, edges), **context))
    rows.append(("generated, build graph + lint", len(modules), len(edges), seconds, ""))
    comparison = []
    hard = [(m.module, m.requires) for m in edges if m.kind == "hard"]
    start = time.perf_counter()
    nx.transitive_reduction(nx.DiGraph(hard))
    comparison.append(("networkx.transitive_reduction (hard edges)", time.perf_counter() - start))
    start = time.perf_counter()
    reach = Reach(graph.graph, hard)
    redundant = sum(reach.detour(m, r) is not None for m, r in hard)
    comparison.append(
        (f"bitset Reach + detour ({redundant} redundant)", time.perf_counter() - start)
    )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.sqlite"

        def seed(workspace, conn):
            for kind, records in context.items():
                workspace.write(conn, kind, records)
            workspace.write(conn, "modules", modules)
            workspace.write(conn, "prerequisites", edges)

        Workspace.create(path, populate=lambda ws, conn: seed(ws, conn)).close()
        with Workspace.open(path) as workspace:
            seconds, _ = timed(lambda: lint_workspace(workspace))
        rows.append(("generated, SQLite load + lint", len(modules), len(edges), seconds, ""))

        with create_workspace(Path(folder) / "catalog.sqlite") as workspace:
            if SHARED.is_dir():
                import_interchange(
                    workspace, "moodle", SHARED / "moodle_competency_csv" / "example.csv"
                )
                for case in sorted((SHARED / "case_opensalt").glob("*.json")):
                    import_interchange(workspace, "case", case)
            seconds, report = timed(lambda: lint_workspace(workspace))
            label = "default catalog" + (
                " + Moodle OECD + CASE OpenSALT competencies" if SHARED.is_dir() else ""
            )
            rows.append(
                (
                    label + ", SQLite load + lint",
                    report.modules,
                    report.edges,
                    seconds,
                    f"{len(report.errors)} errors, {len(report.warnings)} warnings",
                )
            )

    worst = max(seconds for _, _, _, seconds, _ in rows)
    verdict = "PASS" if worst < 1.0 else "FAIL"
    lines = [
        "# Lint benchmark",
        "",
        f"Command: `python benchmarks/bench_lint.py --modules {args.modules} "
        f"--edges {args.edges}" + (f" --out {args.out}`" if args.out else "`"),
        "",
        f"Machine: {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, networkx {nx.__version__}; "
        "median of 5 runs.",
        "",
        "| graph | modules | edges | seconds | findings |",
        "| --- | ---: | ---: | ---: | --- |",
        *(f"| {name} | {m:,} | {e:,} | {s:.3f} | {f} |" for name, m, e, s, f in rows),
        "",
        f"Target: each under 1 s. Worst {worst:.3f} s: **{verdict}**. "
        f"Peak memory {peak_mib():.0f} MiB.",
        "",
        "Why bitsets (measured on the generated graph, one run each):",
        "",
        *(f"- {name}: {s:.3f} s" for name, s in comparison),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
