"""Shared, built-once fixtures for the model tests: a simulated workspace and a trained model.

The simulated workspace is the shipped catalog (with its default model installed by
``create_workspace``) plus ``simulate_to_dir`` learners and outcomes. Tests must treat
``sim_workspace`` as read-only; a test that writes takes a private copy with
``copy_sim_workspace``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from curriculum_tool.catalog import create_workspace
from curriculum_tool.io import import_file
from curriculum_tool.model.dataset import training_set
from curriculum_tool.model.train import train
from curriculum_tool.simulate import simulate_to_dir
from curriculum_tool.store import Workspace

#: Small enough to build and train in about two seconds, large enough for stable metrics.
SIM_LEARNERS, SIM_SEED, TRAIN_SEED = 2500, 3, 0


@pytest.fixture(scope="session", autouse=True)
def _single_threaded_numerics():
    """One OpenMP/BLAS thread: on a busy 2-core machine HistGradientBoosting's two
    spinning OpenMP threads take 10-60 s for a fit that takes 0.2 s on one thread.
    (Results are the same; only the wall time changes.)"""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="session")
def sim(tmp_path_factory):
    """``simulate_to_dir`` output: the Simulation, its folder and truth.csv as a frame."""
    folder = tmp_path_factory.mktemp("sim")
    simulation = simulate_to_dir(folder, SIM_LEARNERS, seed=SIM_SEED)
    return {"dir": folder, "simulation": simulation, "truth": pd.read_csv(folder / "truth.csv")}


@pytest.fixture(scope="session")
def sim_workspace_path(sim, tmp_path_factory) -> Path:
    """A closed SQLite workspace: shipped catalog + default model + simulated learners."""
    path = tmp_path_factory.mktemp("simws") / "sim.sqlite"
    with create_workspace(path) as ws:
        import_file(ws, "learners", sim["dir"] / "learners.csv")
        import_file(ws, "outcomes", sim["dir"] / "outcomes.csv")
    return path


@pytest.fixture(scope="session")
def sim_workspace(sim_workspace_path):
    """The simulated workspace, open for reading (do not write to it)."""
    ws = Workspace.open(sim_workspace_path)
    yield ws
    ws.close()


@pytest.fixture
def copy_sim_workspace(sim_workspace_path, tmp_path):
    """``copy_sim_workspace()`` → a private, writable copy of the simulated workspace."""
    opened = []

    def copy(name: str = "copy.sqlite") -> Workspace:
        target = tmp_path / name
        source = sqlite3.connect(sim_workspace_path)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
        ws = Workspace.open(target)
        opened.append(ws)
        return ws

    yield copy
    for ws in opened:
        ws.close()


@pytest.fixture(scope="session")
def sim_training_set(sim_workspace):
    return training_set(sim_workspace, "l3")


@pytest.fixture(scope="session")
def trained(sim_workspace, sim):
    """A TrainResult on the simulated workspace with the ground truth (no refit, for speed)."""
    return train(sim_workspace, "l3", TRAIN_SEED, sim["truth"], refit=False)
