"""Built-once fixtures for the recommender tests.

``scenario_ws_path`` is the shipped catalog with its default model (``create_workspace``)
plus what the scenarios add through ordinary imports: a sub-region of Palu, a local
module of Palu (``PB-PALU-301``) and the scenario learners (``SCENARIO_LEARNERS``).
``batch_ws_path`` adds 150 synthetic learners more, so that batches span several chunks.
Tests treat the session workspaces as read-only; a test that writes takes a copy with
``copy_ws``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from recommend_data import (
    BATCH_EXTRA,
    EXTRA_MODULES,
    EXTRA_REGIONS,
    SCENARIO_LEARNERS,
    learners_csv,
)
from recommend_oracle import CatalogOracle
from threadpoolctl import threadpool_limits

from curriculum_tool.catalog import create_workspace
from curriculum_tool.io import import_file
from curriculum_tool.recommend import Recommender
from curriculum_tool.store import Workspace


@pytest.fixture(scope="session", autouse=True)
def _single_threaded_numerics():
    """One OpenMP/BLAS thread: scoring a few hundred pairs is faster without spinning
    threads on a busy 2-core machine (the results are the same)."""
    with threadpool_limits(limits=1):
        yield


def _copy(source: Path, target: Path) -> Path:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


@pytest.fixture(scope="session")
def catalog_ws_path(tmp_path_factory) -> Path:
    """A closed workspace: the shipped catalog and default model, nothing else."""
    path = tmp_path_factory.mktemp("catalogws") / "catalog.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture(scope="session")
def scenario_ws_path(catalog_ws_path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scenariows")
    path = _copy(catalog_ws_path, folder / "scenario.sqlite")
    files = {
        "regions": EXTRA_REGIONS,
        "modules": EXTRA_MODULES,
        "learners": learners_csv(SCENARIO_LEARNERS),
    }
    with Workspace.open(path) as ws:
        for kind, text in files.items():
            (folder / f"{kind}.csv").write_text(text, encoding="utf-8")
            import_file(ws, kind, folder / f"{kind}.csv")
    return path


@pytest.fixture(scope="session")
def scenario_ws(scenario_ws_path):
    ws = Workspace.open(scenario_ws_path)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def recommender(scenario_ws) -> Recommender:
    return Recommender(scenario_ws)


@pytest.fixture(scope="session")
def oracle() -> CatalogOracle:
    """The catalog files plus the scenario's extra rows, read independently."""
    return CatalogOracle({"regions": [EXTRA_REGIONS], "modules": [EXTRA_MODULES]})


def synthetic_learners(oracle: CatalogOracle, count: int, seed: int) -> dict[str, tuple]:
    """``count`` random learners (positions, regions, literacy, levels, completed)."""
    rng = np.random.default_rng(seed)
    competencies = sorted({c for levels in oracle.job.values() for c in levels})
    modules = sorted(oracle.modules)
    learners = {}
    for i in range(count):
        chosen = rng.choice(competencies, size=rng.integers(0, 8), replace=False)
        comps = ";".join(f"{c}:{rng.integers(1, 5)}" for c in chosen)
        done = ";".join(rng.choice(modules, size=rng.integers(0, 4), replace=False))
        learners[f"S-{i:04d}"] = (
            str(rng.choice(oracle.positions)),
            str(rng.choice(oracle.regions)),
            int(rng.integers(0, 4)),
            comps,
            done,
        )
    return learners


@pytest.fixture(scope="session")
def batch_learners(oracle) -> dict[str, tuple]:
    return synthetic_learners(oracle, BATCH_EXTRA, seed=11)


@pytest.fixture(scope="session")
def batch_ws_path(scenario_ws_path, batch_learners, tmp_path_factory) -> Path:
    """The scenario workspace plus 150 synthetic learners (closed; copy before writing)."""
    folder = tmp_path_factory.mktemp("batchws")
    path = _copy(scenario_ws_path, folder / "batch.sqlite")
    csv_path = folder / "learners.csv"
    csv_path.write_text(learners_csv(batch_learners), encoding="utf-8")
    with Workspace.open(path) as ws:
        import_file(ws, "learners", csv_path)
    return path


@pytest.fixture(scope="session")
def batch_ws(batch_ws_path):
    ws = Workspace.open(batch_ws_path)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def batch_recommender(batch_ws) -> Recommender:
    return Recommender(batch_ws)


@pytest.fixture
def copy_ws(tmp_path):
    """``copy_ws(source, name)`` → the path of a private, writable copy of a workspace."""

    def copy(source: Path, name: str = "copy.sqlite") -> Path:
        return _copy(source, tmp_path / name)

    return copy
