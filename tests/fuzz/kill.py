"""``kill -9`` during import, batch and train, then judge what is left and the next run.

Each kill starts from a fresh copy of one prepared workspace, starts a CLI command as its
own process group, kills the group with SIGKILL after a random delay within the
command's measured duration, and checks:

* **corrupt workspace**: ``PRAGMA integrity_check`` is not ``ok``, a foreign key dangles,
  or ``Workspace.open`` refuses the file;
* **half-import**: a table's content is neither as before the command nor as after a
  completed run of it (measured once per command on another copy), or some tables are
  "after" while others are still "before";
* **partial output**: a batch output (or model file) exists but is not the whole file;
* **leftover temporary files**: after running the same command again to completion,
  hidden or ``.tmp`` files remain beside the workspace, the output or in the models folder;
* the rerun itself must succeed and give the completed state.

Volatile values are masked before comparing: ``created`` stamps, the per-kind change
stamps in ``meta``, and a model's bytes and card (a model row compares as its name, its
active flag and whether its bytes match its SHA-256).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .base import REPO

__all__ = [
    "COMMANDS",
    "KillBench",
    "KillOutcome",
    "integrity_problem",
    "kill_group",
    "leftovers",
    "start_cli",
    "state_digests",
]

COMMANDS = ("import-learners", "import-outcomes", "batch-csv", "batch-xlsx", "batch-jsonl", "train")
MODEL_NAME = "kill-test"
#: meta keys whose values are the same before and after any command.
_STABLE_META = {"schema_version", "created", "pseudonym_key"}
_VOLATILE = {"paths": {"created"}}


def state_digests(path: Path) -> dict[str, str]:
    """A digest of every table of a SQLite workspace, volatile values masked."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        digests = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            masked = sorted(repr(_mask(name, columns, row)) for row in rows)
            digest = hashlib.sha256()
            for row in masked:
                digest.update(row.encode("utf-8", "backslashreplace"))
            digests[name] = digest.hexdigest()
        return digests
    finally:
        conn.close()


def _mask(table: str, columns: list[str], row: tuple) -> tuple:
    values = dict(zip(columns, row))
    if table == "meta":
        return (values["key"], values["value"] if values["key"] in _STABLE_META else "")
    if table == "models":
        payload = values.get("payload") or b""
        intact = hashlib.sha256(payload).hexdigest() == values.get("sha256")
        return (values["name"], bool(values.get("active")), intact)
    volatile = _VOLATILE.get(table, set())
    return tuple("" if c in volatile else v for c, v in zip(columns, row))


def integrity_problem(path: Path) -> str | None:
    """Why the workspace is corrupt, or None."""
    try:
        conn = sqlite3.connect(path)
        try:
            check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                return f"integrity_check: {'; '.join(check)[:200]}"
            dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:
                return f"foreign_key_check: {len(dangling)} rows, e.g. {dangling[0]}"
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return f"sqlite: {error}"
    from curriculum_tool.errors import CurriculumError
    from curriculum_tool.store import Workspace

    try:
        Workspace.open(path).close()
    except CurriculumError as error:
        return f"Workspace.open: {error}"
    return None


def leftovers(folders: Iterable[Path]) -> list[str]:
    """Hidden or ``.tmp`` files in ``folders`` (SQLite's ``-wal``/``-shm`` are neither)."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(
                f"{folder.name}/{p.name}"
                for p in folder.iterdir()
                if p.is_file() and (p.name.startswith(".") or p.suffix == ".tmp")
            )
    return found


def start_cli(
    args: list[str], cwd: Path, home: Path, stdout: int | None = subprocess.DEVNULL
) -> subprocess.Popen:
    """``python main.py ARGS`` as the leader of a new process group."""
    env = {**os.environ, "CURRICULUM_TOOL_HOME": str(home)}
    env.pop("CURRICULUM_TOOL_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_group(process: subprocess.Popen) -> bool:
    """SIGKILL the command and whatever it started; False when it had already ended."""
    ended = process.poll() is not None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    if process.stderr is not None:
        process.stderr.close()
    return not ended


@dataclass
class _Reference:
    after: dict[str, str]
    seconds: float
    output: str | None  # SHA-256 of a batch's output file


@dataclass
class KillOutcome:
    """One kill and what it left."""

    command: str
    delay: float
    killed: bool = True
    corrupt: str | None = None
    half_import: str | None = None
    #: before, after or mixed
    state: str = ""
    partial_output: str | None = None
    tmp_after_kill: list[str] = field(default_factory=list)
    leftovers_after_rerun: list[str] = field(default_factory=list)
    rerun: str | None = None

    @property
    def failures(self) -> list[str]:
        found = [
            name
            for name in ("corrupt", "half_import", "partial_output", "rerun")
            if getattr(self, name)
        ]
        return found + (["leftovers"] if self.leftovers_after_rerun else [])


class KillBench:
    """A prepared workspace, the files the commands read, and one reference run each."""

    def __init__(
        self,
        folder: Path,
        learners: int = 6000,
        trained_learners: int = 1500,
        batch_learners: int = 60,
        seed: int = 0,
        log: Callable[[str], None] | None = None,
    ):
        self.folder = Path(folder)
        self.learners = learners
        self.trained_learners = trained_learners
        self.batch_learners = batch_learners
        self.seed = seed
        self.log = log or (lambda message: None)
        self.home = self.folder / "home"
        self.base = self.folder / "base" / "ws.sqlite"
        self.inputs = self.folder / "inputs"
        self.references: dict[str, _Reference] = {}
        self.before: dict[str, str] = {}
        self._runs = 0

    # -- preparing ----------------------------------------------------------------------

    def _cli(self, *args: object, cwd: Path | None = None) -> float:
        started = time.perf_counter()
        process = start_cli([str(a) for a in args], cwd or self.folder, self.home)
        _, err = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(
                f"{' '.join(map(str, args[:2]))} failed: "
                f"{err.decode(errors='replace').strip()[:500]}"
            )
        return time.perf_counter() - started

    def prepare(self) -> None:
        """The workspace: the catalog, ``learners`` simulated learners, and the outcomes
        of the first ``trained_learners`` of them (what ``train`` learns from). The
        commands then import another simulation's learners and outcomes (same ids, other
        values), plan ``batch_learners`` learners, or train."""
        for folder in (self.home, self.base.parent, self.inputs):
            folder.mkdir(parents=True, exist_ok=True)
        for offset in (0, 1):
            self.log(f"simulating {self.learners:,} learners (seed {self.seed + offset})")
            self._cli(
                "simulate",
                self.inputs / f"sim{offset}",
                "--learners",
                self.learners,
                "--seed",
                self.seed + offset,
            )
        self.log("init and import")
        self._cli("init", self.base)
        self._cli("import", self.base, "learners", self.inputs / "sim0" / "learners.csv")
        trained = {f"SIM-{i:06d}" for i in range(1, self.trained_learners + 1)}
        with (
            open(self.inputs / "sim0" / "outcomes.csv", newline="", encoding="utf-8") as src,
            open(self.inputs / "outcomes-trained.csv", "w", newline="", encoding="utf-8") as dst,
        ):
            reader, writer = csv.reader(src), csv.writer(dst, lineterminator="\n")
            writer.writerow(next(reader))
            writer.writerows(row for row in reader if row[0] in trained)
        self._cli("import", self.base, "outcomes", self.inputs / "outcomes-trained.csv")
        with open(self.inputs / "subset.csv", "w", encoding="utf-8") as handle:
            handle.write(
                "learner\n" + "".join(f"SIM-{i:06d}\n" for i in range(1, self.batch_learners + 1))
            )
        self.before = state_digests(self.base)

    def args(self, command: str, run: Path) -> list[object]:
        workspace = run / "ws.sqlite"
        if command == "import-learners":
            return ["import", workspace, "learners", self.inputs / "sim1" / "learners.csv"]
        if command == "import-outcomes":
            return ["import", workspace, "outcomes", self.inputs / "sim1" / "outcomes.csv"]
        if command.startswith("batch-"):
            return [
                "batch",
                workspace,
                "--out",
                self._output(command, run),
                "--learners",
                self.inputs / "subset.csv",
            ]
        if command == "train":
            return ["train", workspace, "--name", MODEL_NAME, "--models-dir", run / "models"]
        raise ValueError(f"unknown command {command}")

    @staticmethod
    def _output(command: str, run: Path) -> Path | None:
        return (
            run / "out" / f"paths.{command.split('-')[1]}" if command.startswith("batch-") else None
        )

    def _new_run(self) -> Path:
        self._runs += 1
        run = self.folder / "runs" / f"{self._runs:04d}"
        (run / "out").mkdir(parents=True)
        (run / "models").mkdir()
        shutil.copyfile(self.base, run / "ws.sqlite")
        return run

    def reference(self, command: str) -> _Reference:
        """The state and output of one completed run of ``command`` (measured once)."""
        if command not in self.references:
            run = self._new_run()
            seconds = self._cli(*self.args(command, run), cwd=run)
            output = self._output(command, run)
            self.references[command] = _Reference(
                state_digests(run / "ws.sqlite"),
                seconds,
                hashlib.sha256(output.read_bytes()).hexdigest() if output else None,
            )
            self.log(f"reference {command}: {seconds:.1f} s")
            shutil.rmtree(run)
        return self.references[command]

    # -- killing -----------------------------------------------------------------------------

    def kill(self, command: str, delay: float, keep_failures: bool = True) -> KillOutcome:
        reference = self.reference(command)
        run = self._new_run()
        outcome = KillOutcome(command, delay)
        process = start_cli(self.args(command, run), run, self.home)
        time.sleep(delay)
        outcome.killed = kill_group(process)
        folders = [run, run / "out", run / "models"]
        outcome.tmp_after_kill = leftovers(folders)
        workspace = run / "ws.sqlite"
        outcome.corrupt = integrity_problem(workspace)
        if outcome.corrupt is None:
            self._judge_state(outcome, state_digests(workspace), reference)
        outcome.partial_output = self._partial_output(command, run, reference)
        rerun = start_cli(self.args(command, run), run, self.home)
        try:
            _, err = rerun.communicate(timeout=max(120.0, 10 * reference.seconds))
        except subprocess.TimeoutExpired:
            kill_group(rerun)
            outcome.rerun = "the rerun did not finish"
        else:
            if rerun.returncode != 0:
                outcome.rerun = (
                    f"exit {rerun.returncode}: {err.decode(errors='replace').strip()[:300]}"
                )
            elif (problem := integrity_problem(workspace)) is not None:
                outcome.rerun = f"corrupt after the rerun: {problem}"
            else:
                after = state_digests(workspace)
                differ = sorted(
                    t
                    for t in set(after) | set(reference.after)
                    if after.get(t) != reference.after.get(t)
                )
                if differ:
                    outcome.rerun = (
                        f"after the rerun these differ from a completed run: {', '.join(differ)}"
                    )
        outcome.leftovers_after_rerun = leftovers(folders)
        if not (outcome.failures and keep_failures):
            shutil.rmtree(run)
        return outcome

    def _judge_state(
        self, outcome: KillOutcome, state: dict[str, str], reference: _Reference
    ) -> None:
        before, after = self.before, reference.after
        neither = sorted(
            t
            for t in set(state) | set(before) | set(after)
            if state.get(t) not in (before.get(t), after.get(t))
        )
        changing = [t for t in set(before) | set(after) if before.get(t) != after.get(t)]
        done = sorted(t for t in changing if state.get(t) == after.get(t))
        if neither:
            outcome.half_import = f"neither before nor after: {', '.join(neither)}"
            outcome.state = "mixed"
        elif done and len(done) < len(changing):
            waiting = sorted(set(changing) - set(done))
            outcome.half_import = f"written: {', '.join(done)}; not written: {', '.join(waiting)}"
            outcome.state = "mixed"
        else:
            outcome.state = "after" if done else "before"

    def _partial_output(self, command: str, run: Path, reference: _Reference) -> str | None:
        output = self._output(command, run)
        if output is not None:
            if (
                output.exists()
                and hashlib.sha256(output.read_bytes()).hexdigest() != reference.output
            ):
                return f"{output.name} ({output.stat().st_size:,} bytes) is not the whole output"
            return None
        if command == "train":
            for path in (run / "models").glob(f"{MODEL_NAME}.*"):
                if path.suffix == ".json":
                    try:
                        json.loads(path.read_text(encoding="utf-8"))
                    except ValueError:
                        return f"{path.name} is not whole JSON"
                elif zipfile.is_zipfile(path):
                    with zipfile.ZipFile(path) as archive:
                        if archive.testzip() is not None:
                            return f"{path.name} has a damaged member"
                else:
                    return f"{path.name} is not a whole model file"
        return None

    def run(
        self,
        kills: int,
        seed: int = 0,
        commands: Iterable[str] = COMMANDS,
        progress: Callable[[KillOutcome], None] | None = None,
    ) -> list[KillOutcome]:
        """Kill until ``kills`` commands were really killed (one that ends before its
        kill is judged too, but not counted), taking the commands in turn."""
        rnd = random.Random(seed)
        commands = list(commands)
        outcomes: list[KillOutcome] = []
        done = turn = 0
        while done < kills and len(outcomes) < 3 * kills:
            command = commands[turn % len(commands)]
            turn += 1
            delay = rnd.uniform(0.0, self.reference(command).seconds)
            outcome = self.kill(command, delay)
            outcomes.append(outcome)
            done += outcome.killed
            if progress is not None:
                progress(outcome)
        return outcomes
