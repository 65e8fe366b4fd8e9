"""Judge an import: run it in-process on a copy of a prepared workspace, in a worker
process with a time limit, and say what went wrong.

A CLI start costs seconds, so a worker imports case after case itself, each into a fresh
copy of one prepared SQLite file (copying is far cheaper than creating). The parent hands
out cases and kills a worker that passes the time limit: a hang is measured, not waited
out. The failure classes:

``traceback``
    an exception that is not a :class:`~curriculum_tool.errors.CurriculumError` (or a
    worker that died), which the CLI would turn into "error: unexpected …";
``partial_write``
    a refused import that changed the workspace (a digest of every table differs);
``hang``
    over the time limit (10 s by default);
``bad_accepted`` / ``good_refused``
    the verdict the case expects was not given;
``unlocated``
    a message that is not one line of ``FILE:ROW:COLUMN: message`` (or
    ``FILE:$.json.path: message``): no location, a line break, a raw control character
    or a lone surrogate inside it;
``wrong_result``
    a good file accepted with the wrong number of rows or the wrong stored values.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import sqlite3
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .base import BAD, GOOD, Case

__all__ = [
    "DEFAULT_TIMEOUT",
    "FAILURES",
    "LOCATED",
    "Result",
    "Runner",
    "check_file",
    "message_fault",
    "table_digests",
]

FAILURES = (
    "traceback",
    "partial_write",
    "hang",
    "bad_accepted",
    "good_refused",
    "unlocated",
    "wrong_result",
)
#: One located message: ``FILE:ROW:COLUMN: message`` or ``FILE:$.json.path: message``.
LOCATED = re.compile(r"[^:\n]+:(\d+:[^:\n]+|\$[^:\n]*): .+")
DEFAULT_TIMEOUT = 10.0
#: Address space a worker may add: a bomb that is read whole fails there, not the machine.
DEFAULT_MEMORY_MB = 4096
_NOT_ONE_LINE = {"Cc", "Cs", "Zl", "Zp"}


@dataclass
class Result:
    """How the import of one case ended, and what was wrong with it."""

    number: int
    kind: str
    mutation: str
    expect: str
    size: int
    note: str = ""
    #: accepted, refused, traceback, hang or crashed
    outcome: str = ""
    seconds: float = 0.0
    rows: int | None = None
    messages: list[str] = field(default_factory=list)
    message_count: int = 0
    unlocated_count: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    file: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    def describe(self) -> str:
        """One paragraph for an assertion message or a report."""
        lines = [
            f"{self.file or self.number} ({self.kind}, {self.mutation}, expect "
            f"{self.expect}, {self.size:,} bytes, {self.note}): {self.outcome} in "
            f"{self.seconds:.2f} s"
        ]
        lines += [f"  {name}: {detail}" for name, detail in self.failures]
        if self.messages:
            lines.append(f"  first message: {self.messages[0]!r}")
        return "\n".join(lines)


def message_fault(message: str) -> str | None:
    """Why ``message`` is not one located line, or None when it is."""
    odd = sorted({f"U+{ord(c):04X}" for c in message if unicodedata.category(c) in _NOT_ONE_LINE})
    if odd:
        return f"raw {', '.join(odd[:5])} in the message"
    if not LOCATED.fullmatch(message):
        return "not FILE:ROW:COLUMN: message"
    return None


def table_digests(path: Path) -> dict[str, str]:
    """A SHA-256 of every table's rows (in a total order) of a SQLite file."""
    conn = sqlite3.connect(path)
    try:
        digests = {}
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            order = ", ".join(f'"{c}"' for c in columns)
            digest = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
                digest.update(repr(row).encode("utf-8", "backslashreplace"))
            digests[name] = digest.hexdigest()
        return digests
    finally:
        conn.close()


# -- in the worker ------------------------------------------------------------------------------


def _import(workspace_path: Path, kind: str, path: Path) -> list[Any]:
    """What ``import W KIND FILE`` does, in-process (see ``curriculum_tool.cli``)."""
    from curriculum_tool.io import import_file
    from curriculum_tool.io.interchange import READ_FORMATS, import_interchange
    from curriculum_tool.store import Workspace

    with Workspace.open(workspace_path) as workspace:
        if kind in READ_FORMATS:
            return import_interchange(workspace, kind, path)
        return [import_file(workspace, kind, path)]


def _stored_values(workspace_path: Path, expected) -> list[str]:
    from curriculum_tool.store import Workspace

    wrong = []
    with Workspace.open(workspace_path) as workspace:
        for kind, key, column, text in expected:
            records = {tuple(r.to_row()[c] for c in r.KEY): r for r in workspace.load(kind)}
            record = records.get(tuple(key))
            if record is None:
                wrong.append(f"no {kind} {key} stored")
            elif record.to_row()[column] != text:
                wrong.append(
                    f"{kind} {key} {column} is {record.to_row()[column]!r}, expected {text!r}"
                )
    return wrong


def judge(task: dict, base: Path, before: dict[str, str], folder: Path) -> Result:
    """Import one case file into a fresh copy of ``base`` and judge the result."""
    from curriculum_tool.errors import CurriculumError, ValidationError

    result = Result(
        task["number"],
        task["kind"],
        task["mutation"],
        task["expect"],
        task["size"],
        task["note"],
        file=Path(task["path"]).name,
    )
    workspace = folder / "ws.sqlite"
    shutil.copyfile(base, workspace)
    saved = {name: os.environ.get(name) for name, _ in task["env"]}
    os.environ.update(dict(task["env"]))
    messages: list[str] = []
    started = time.perf_counter()
    try:
        summaries = _import(workspace, task["kind"], Path(task["path"]))
        result.outcome = "accepted"
        result.rows = sum(s.rows for s in summaries)
    except ValidationError as error:
        result.outcome = "refused"
        messages = [str(problem) for problem in error.problems]
        if not messages:
            messages = [str(error)]
    except CurriculumError as error:
        result.outcome = "refused"
        messages = [str(error)]
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        result.outcome = "traceback"
        frames = traceback.extract_tb(error.__traceback__)
        where = next(
            (
                f"{Path(f.filename).name}:{f.lineno}"
                for f in reversed(frames)
                if "curriculum_tool" in f.filename
            ),
            "?",
        )
        detail = f"{type(error).__name__}: {str(error)[:300]} (at {where})"
        result.failures.append(("traceback", detail))
        messages = [f"error: unexpected {type(error).__name__}: {error}"[:500]]
    finally:
        result.seconds = time.perf_counter() - started
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        if result.outcome != "accepted":
            after = table_digests(workspace)
            changed = sorted(
                name for name in set(before) | set(after) if before.get(name) != after.get(name)
            )
            if changed:
                result.failures.append(("partial_write", f"changed: {', '.join(changed)}"))
        if result.outcome == "accepted":
            if task["expect"] == BAD:
                result.failures.append(("bad_accepted", f"{result.rows} rows imported"))
            wrong = []
            if task["expect_rows"] is not None and result.rows != task["expect_rows"]:
                wrong.append(f"{result.rows} rows read, expected {task['expect_rows']}")
            if task["expect_values"]:
                wrong += _stored_values(workspace, task["expect_values"])
            if wrong:
                result.failures.append(("wrong_result", "; ".join(wrong)))
        elif result.outcome == "refused" and task["expect"] == GOOD:
            result.failures.append(("good_refused", messages[0][:300]))
    finally:
        for leftover in folder.iterdir():
            if leftover.name != Path(task["path"]).name:
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    result.message_count = len(messages)
    faults = [(m, fault) for m in messages if (fault := message_fault(m)) is not None]
    result.unlocated_count = len(faults)
    if faults and result.outcome == "refused":
        message, fault = faults[0]
        result.failures.append(("unlocated", f"{fault}: {message[:200]!r}"))
    result.messages = [m[:500] for m in messages[:3]]
    return result


def _address_space() -> int:
    """Bytes of address space this process maps (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _worker_main(
    conn: multiprocessing.connection.Connection,
    base: str,
    before: dict[str, str],
    folder: str,
    memory_mb: int | None,
) -> None:
    import logging
    import warnings

    if memory_mb:
        import resource

        # On top of what the worker already maps: forked from a large process (a test
        # session that loaded Qt, say), it starts with gigabytes of address space.
        limit = _address_space() + memory_mb * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    own = Path(folder)
    own.mkdir(parents=True, exist_ok=True)
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(judge(task, Path(base), before, own))


# -- in the parent -----------------------------------------------------------------------------


@dataclass
class _Worker:
    process: Any
    conn: Any
    folder: Path


class Runner:
    """Worker processes that judge cases, each with a time limit.

    ``base`` is the prepared workspace every case is imported into a copy of (by default
    the corpus's own). Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        workers: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        base: Path | None = None,
        memory_mb: int | None = DEFAULT_MEMORY_MB,
        keep: Path | None = None,
    ):
        if base is None:
            from .base import base_data

            base = base_data().workspace
        self.base = Path(base)
        self.before = table_digests(self.base)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.keep = keep
        self.folder = Path(tempfile.mkdtemp(prefix="curriculum-fuzz-run-"))
        self.files = self.folder / "files"
        self.files.mkdir()
        methods = multiprocessing.get_all_start_methods()
        # fork starts a worker in milliseconds with everything imported; spawn elsewhere.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._count = 0
        self._workers = [self._start() for _ in range(max(1, workers))]
        self._number = 0

    def _start(self) -> _Worker:
        self._count += 1
        folder = self.folder / f"worker-{self._count}"
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            daemon=True,
            args=(child, str(self.base), self.before, str(folder), self.memory_mb),
        )
        process.start()
        child.close()
        return _Worker(process, parent, folder)

    def _replace(self, worker: _Worker) -> _Worker:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        shutil.rmtree(worker.folder, ignore_errors=True)
        fresh = self._start()
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def run(self, cases: Iterable[Case]) -> Iterator[Result]:
        """Judge ``cases`` on the workers; results come as they finish."""
        pending = iter(cases)
        idle = list(self._workers)
        busy: dict[int, tuple[_Worker, dict, Case, Path, float]] = {}
        exhausted = False
        while True:
            while idle and not exhausted:
                case = next(pending, None)
                if case is None:
                    exhausted = True
                    break
                self._number += 1
                path = case.write(self.files, self._number)
                task = {
                    "number": self._number,
                    "kind": case.kind,
                    "mutation": case.mutation,
                    "expect": case.expect,
                    "size": len(case.data),
                    "note": case.note,
                    "path": str(path),
                    "env": case.env,
                    "expect_rows": case.expect_rows,
                    "expect_values": case.expect_values,
                }
                worker = idle.pop()
                worker.conn.send(task)
                busy[id(worker)] = (worker, task, case, path, time.monotonic())
            if not busy:
                return
            first_deadline = min(start for *_, start in busy.values()) + self.timeout
            ready = multiprocessing.connection.wait(
                [entry[0].conn for entry in busy.values()],
                timeout=max(0.0, first_deadline - time.monotonic()),
            )
            for key, (worker, task, _case, path, start) in list(busy.items()):
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(5)
                        result = self._failed(
                            task,
                            "crashed",
                            time.monotonic() - start,
                            (
                                "traceback",
                                f"the worker process died (exit code {worker.process.exitcode})",
                            ),
                        )
                        worker = self._replace(worker)
                elif time.monotonic() - start > self.timeout:
                    result = self._failed(
                        task,
                        "hang",
                        time.monotonic() - start,
                        ("hang", f"no answer in {self.timeout:g} s"),
                    )
                    worker = self._replace(worker)
                else:
                    continue
                del busy[key]
                idle.append(worker)
                if result.failed and self.keep is not None:
                    self.keep.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, self.keep / path.name)
                path.unlink(missing_ok=True)
                yield result

    @staticmethod
    def _failed(task: dict, outcome: str, seconds: float, failure: tuple[str, str]) -> Result:
        result = Result(
            task["number"],
            task["kind"],
            task["mutation"],
            task["expect"],
            task["size"],
            task["note"],
            outcome,
            seconds,
            file=Path(task["path"]).name,
        )
        result.failures.append(failure)
        if outcome == "crashed":  # the CLI would print an unlocated line, if anything
            result.message_count = result.unlocated_count = 1
        return result

    def check(self, case: Case) -> Result:
        return next(iter(self.run([case])))

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_default: Runner | None = None


def check_file(
    kind: str,
    path: str | os.PathLike[str],
    expect: str,
    expect_rows: int | None = None,
    runner: Runner | None = None,
) -> Result:
    """Judge the import of an existing file (a runner of one worker is made on first use)."""
    global _default
    if runner is None:
        if _default is None:
            _default = Runner(workers=1)
        runner = _default
    path = Path(path)
    case = Case(kind, "file", expect, path.suffix, path.read_bytes(), expect_rows, note=path.name)
    return runner.check(case)
