"""``kill -9`` during a CLI import, batch or train leaves a sound workspace, whole or no
changes, and nothing behind after the next run (``benchmarks/kill_test.py`` does 200)."""

from __future__ import annotations

import csv
import shutil
import time

import pytest

from fuzz.base import MINI_DIR
from fuzz.kill import KillBench, integrity_problem, kill_group, start_cli, state_digests


def _learners_file(path, count: int) -> None:
    """``count`` new learners that refer only to tests/data/mini."""
    with open(MINI_DIR / "learners.csv", newline="", encoding="utf-8") as handle:
        model = list(csv.DictReader(handle))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(model[0]), lineterminator="\n")
        writer.writeheader()
        for i in range(count):
            writer.writerow(
                {**model[i % len(model)], "id": f"KILL-{i:06d}", "name": f"Peserta {i}"}
            )


def test_a_killed_import_changes_all_or_nothing(tmp_path):
    """Killed while it writes (its write-ahead log is growing), an import leaves the
    workspace as it was or as a completed import leaves it, never in between."""
    from curriculum_tool.catalog import create_workspace
    from curriculum_tool.io import import_file
    from curriculum_tool.store import Workspace

    workspace = tmp_path / "ws.sqlite"
    create_workspace(workspace, directory=MINI_DIR).close()
    learners = tmp_path / "learners.csv"
    _learners_file(learners, 20_000)
    before = state_digests(workspace)
    completed = tmp_path / "completed.sqlite"
    shutil.copyfile(workspace, completed)
    with Workspace.open(completed) as copy:
        import_file(copy, "learners", learners)
    after = state_digests(completed)
    assert after != before

    process = start_cli(["import", workspace, "learners", learners], tmp_path, tmp_path / "home")
    wal = tmp_path / "ws.sqlite-wal"
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 256 * 1024:
            break
        time.sleep(0.005)
    kill_group(process)

    assert integrity_problem(workspace) is None
    assert state_digests(workspace) in (before, after)


@pytest.mark.slow
def test_kills_during_import_batch_and_train(tmp_path):
    bench = KillBench(tmp_path, learners=1500, trained_learners=400, batch_learners=20)
    bench.prepare()
    outcomes = bench.run(kills=6, seed=0)
    failed = [o for o in outcomes if o.failures]
    assert sum(o.killed for o in outcomes) == 6
    assert not failed, "\n".join(repr(o) for o in failed)
