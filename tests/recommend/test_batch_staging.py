"""A batch stores its paths by one swap at the end: cancelled, killed or failed half-way,
it leaves the stored paths as they were, and it holds no lock while it plans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from curriculum_tool.recommend import PathOptions
from curriculum_tool.recommend.batch import BatchCancelled, run_batch
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import load_paths, save_paths

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = PathOptions()


def snapshot(path: Path) -> dict[str, tuple]:
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return {
            p.learner: (p.created, p.expected_value, tuple(s.module for s in p.steps))
            for p in load_paths(conn)
        }


@pytest.fixture
def with_old_paths(copy_ws, batch_ws_path, batch_recommender):
    """A workspace copy whose first 20 learners have stored paths planned with max 20 JP
    (so a default batch would change them)."""
    path = copy_ws(batch_ws_path)
    old = batch_recommender.plan_rows(list(range(20)), PathOptions(max_jp=20, min_jp=0))
    with Workspace.open(path) as ws, ws.transaction() as conn:
        save_paths(conn, old)
    return path


def test_a_cancelled_batch_keeps_the_old_paths_and_writes_no_file(
    with_old_paths, batch_recommender, tmp_path
):
    before = snapshot(with_old_paths)
    assert len(before) == 20
    out = tmp_path / "paths.csv"
    seen = []
    with Workspace.open(with_old_paths) as ws, pytest.raises(BatchCancelled):
        run_batch(
            ws,
            out,
            recommender=batch_recommender,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen),
        )
    assert seen and seen[0] < len(batch_recommender.learners)
    assert snapshot(with_old_paths) == before
    assert not out.exists()


def test_a_finished_batch_replaces_them_in_one_swap(with_old_paths, batch_recommender, tmp_path):
    before = snapshot(with_old_paths)
    with Workspace.open(with_old_paths) as ws:
        run_batch(ws, tmp_path / "paths.csv", recommender=batch_recommender)
    after = snapshot(with_old_paths)
    planned = batch_recommender.plan_rows(list(range(len(batch_recommender.learners))), DEFAULT)
    assert after == {
        p.learner: (after[p.learner][0], p.expected_value, tuple(s.module for s in p.steps))
        for p in planned
    }
    assert any(after[learner][2] != before[learner][2] for learner in before)


def test_other_writers_get_in_while_a_batch_plans(with_old_paths, batch_recommender, tmp_path):
    """Between chunks, another process's write transaction starts at once."""
    waits = []

    def write_meanwhile(done: int, total: int) -> None:
        if done < total:
            start = time.perf_counter()
            with Workspace.open(with_old_paths) as other, other.transaction() as conn:
                assert len(load_paths(conn)) == 20  # still the old paths
            waits.append(time.perf_counter() - start)

    with Workspace.open(with_old_paths) as ws:
        ws.busy_seconds = 0.5
        run_batch(
            ws, tmp_path / "paths.csv", recommender=batch_recommender, progress=write_meanwhile
        )
    assert waits  # the write lock was free while the batch planned
    assert len(snapshot(with_old_paths)) == len(batch_recommender.learners)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_batch_killed_before_its_swap_leaves_the_old_paths(with_old_paths, tmp_path):
    """The batch plans everything, then waits for the write lock another writer holds;
    killed there, it has stored nothing and the workspace opens as before."""
    before = snapshot(with_old_paths)
    env = {**os.environ, "CURRICULUM_TOOL_BUSY_TIMEOUT": "60"}
    holder = Workspace.open(with_old_paths)
    release = threading.Event()
    held = threading.Event()

    def hold_the_write_lock() -> None:
        with holder.transaction():
            held.set()
            release.wait(60)

    thread = threading.Thread(target=hold_the_write_lock)
    thread.start()
    held.wait(10)
    command = [sys.executable, str(ROOT / "main.py"), "batch", str(with_old_paths)]
    command += ["--out", str(tmp_path / "paths.csv"), "--workers", "1"]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        lines = []
        for line in child.stderr:  # progress: one line per tenth, the last "N/N learners"
            lines.append(line)
            done, _, rest = line.partition("/")
            if done.replace(",", "").isdigit() and rest.split()[0] == done:
                break
        time.sleep(1.0)  # now in the swap, waiting for the lock
        assert child.poll() is None, "".join(lines)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        release.set()
        thread.join()
        holder.close()
        if child.poll() is None:
            child.kill()
    assert snapshot(with_old_paths) == before
    assert not (tmp_path / "paths.csv").exists()
