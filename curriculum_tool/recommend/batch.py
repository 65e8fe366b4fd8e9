"""Paths for a whole agency: many learners, parallel workers, one output file.

Learners are planned in chunks; each chunk scores all its learner × candidate pairs in
one vectorised call. Chunks run on joblib workers on this machine (``workers``), or on a
Dask distributed cluster (``scheduler``, e.g. ``tcp://10.0.0.5:8786``) when an agency
outgrows one machine: the same function runs either way. Results are written in learner
order to CSV (one row per step), XLSX (the same rows) or JSONL (the contract's path
object per line), and staged, then stored as each learner's current path by one short
transaction at the end (``store.staging``).

Learner ids are personal data: files carry workspace-keyed pseudonyms unless
``unmask`` is set.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from ..edit.permissions import refuse_storing_paths
from ..errors import CurriculumError, Problem, ValidationError
from ..io.atomic import atomic_output
from ..io.masking import pseudonym
from ..io.tables import read_rows, write_rows
from ..messages import Catalogue, Message
from ..store.staging import PathStaging
from .batch_rows import STEP_COLUMNS, PlannedChunk, file_records, jsonl_line, planned_chunk
from .planner import PathOptions, Recommender

__all__ = [
    "OUTPUT_SUFFIXES",
    "STEP_COLUMNS",
    "BatchCancelled",
    "BatchSummary",
    "export_paths",
    "learner_ids",
    "plan_chunk",
    "run_batch",
]

OUTPUT_SUFFIXES = (".csv", ".xlsx", ".jsonl")
#: What a batch says: its summary and its refusals.
SAID = Catalogue(
    "recommend.batch",
    {
        "summary": (
            "{learners} paths ({steps} steps) written to {output}; "
            "{below} learners below their minimum JP",
            "{learners} jalur ({steps} langkah) ditulis ke {output}; "
            "{below} peserta di bawah minimum JP",
        ),
        "needs_dask": (
            "--scheduler needs Dask: pip install 'dask[distributed]'",
            "--scheduler memerlukan Dask: pip install 'dask[distributed]'",
        ),
        "no_scheduler": (
            "cannot reach the Dask scheduler at {scheduler}: {error}",
            "penjadwal Dask di {scheduler} tidak dapat dihubungi: {error}",
        ),
        "output_suffix": (
            "batch output must end in {suffixes}, not '{name}'",
            "berkas keluaran batch harus berakhiran {suffixes}, bukan '{name}'",
        ),
        "unknown_learners": (
            "{unknown} of the listed learners are not in this workspace; nothing was planned",
            "{unknown} peserta dalam daftar tidak ada di ruang kerja ini; "
            "tidak ada jalur yang disusun",
        ),
        "cancelled": (
            "batch cancelled after {done} of {total} learners; nothing was written",
            "batch dibatalkan setelah {done} dari {total} peserta; tidak ada yang ditulis",
        ),
        "export_suffix": (
            "paths export must end in {suffixes}",
            "berkas ekspor jalur harus berakhiran {suffixes}",
        ),
    },
)

#: Learners per task: large enough to vectorise scoring, small enough to show progress.
CHUNK = 2_000


class BatchCancelled(CurriculumError):
    """The batch was cancelled before it finished; nothing was written or stored."""


@dataclass(frozen=True)
class BatchSummary:
    learners: int
    steps: int
    below_min_jp: int
    output: str

    @property
    def message(self) -> Message:
        """What the batch did, in both languages."""
        return SAID(
            "summary",
            learners=self.learners,
            steps=self.steps,
            output=self.output,
            below=self.below_min_jp,
        )

    def render(self, lang: str) -> str:
        """The summary in ``lang`` (``id`` or ``en``)."""
        return self.message.render(lang)

    def __str__(self) -> str:
        return str(self.message)


def plan_chunk(
    recommender: Recommender,
    rows: Sequence[int],
    options: PathOptions,
    jsonl: bool = False,
    store: bool = True,
) -> PlannedChunk:
    """One task: the paths of ``rows`` as rows to write and store (runs in a joblib or
    Dask worker)."""
    return planned_chunk(recommender.plan_rows(rows, options), jsonl, store)


def _chunks(rows: list[int], workers: int) -> list[list[int]]:
    size = min(CHUNK, max(50, math.ceil(len(rows) / max(1, workers * 4))))
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _run(
    recommender: Recommender,
    chunks: list[list[int]],
    task: tuple,
    workers: int,
    scheduler: str | None,
) -> Iterator[PlannedChunk]:
    """Each chunk's :func:`plan_chunk` (``task``: its arguments after the rows), in
    learner order."""
    if scheduler:
        yield from _run_dask(recommender, chunks, task, scheduler)
    elif workers <= 1:
        for chunk in chunks:
            yield plan_chunk(recommender, chunk, *task)
    else:
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=workers, return_as="generator", backend="loky")
        yield from parallel(delayed(plan_chunk)(recommender, chunk, *task) for chunk in chunks)


def _run_dask(
    recommender: Recommender, chunks: list[list[int]], task: tuple, scheduler: str
) -> Iterator[PlannedChunk]:
    try:
        from distributed import Client
    except ImportError:
        raise CurriculumError(SAID("needs_dask")) from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, ValueError) as error:
        raise CurriculumError(SAID("no_scheduler", scheduler=scheduler, error=str(error))) from None
    with client:
        shared = client.scatter(recommender, broadcast=True)
        # At most two chunks a worker thread in flight: finished paths wait on the
        # cluster only until this process writes them, so memory stays bounded.
        window = max(2, 2 * sum(client.nthreads().values()))
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(plan_chunk, shared, chunk, *task, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()  # in submission order: learner order
        while pending:
            yield pending.popleft().result()


def learner_ids(path: str | os.PathLike[str]) -> list[str]:
    """Learner ids from a file with a ``learner`` column, or a learners.csv (``id``)."""
    from ..domain import Learner

    label = Path(path).name
    try:
        rows = list(read_rows(path, ("learner",), label))
        column = "learner"
    except ValidationError:
        rows = list(read_rows(path, Learner.COLUMNS, label, Learner.OPTIONAL))
        column = "id"
    problems = [row for _, row in rows if isinstance(row, Problem)]
    if problems:
        raise ValidationError(problems)
    return [row[column] for _, row in rows if not isinstance(row, Problem)]


def run_batch(
    workspace,
    out: str | os.PathLike[str],
    learners: Sequence[str] | None = None,
    options: PathOptions = PathOptions(),
    workers: int = 1,
    scheduler: str | None = None,
    unmask: bool = False,
    store: bool = True,
    progress: Callable[[int, int], None] | None = None,
    recommender: Recommender | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchSummary:
    """Plan every learner (or ``learners``), write ``out`` and store the paths.

    Chunks are written and staged as they arrive, so memory stays that of a few chunks
    whatever the agency's size; the workspace is locked only for the final swap. Outside
    JSONL, a path lists the modules the learner cannot take, and those the selection
    passed over only when it stays below its minimum JP.
    ``cancelled()`` is checked between chunks; when it turns true the batch stops with
    :class:`BatchCancelled` and nothing is written or stored.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise CurriculumError(
            SAID("output_suffix", suffixes=", ".join(OUTPUT_SUFFIXES), name=out.name)
        )
    recommender = recommender or Recommender(workspace)
    if learners is None:
        rows = list(range(len(recommender.learners)))
    else:
        index = recommender.scorer.learner_row
        unknown = sum(1 for learner in learners if learner not in index)
        if unknown:
            raise CurriculumError(SAID("unknown_learners", unknown=unknown))
        rows = sorted({index[learner] for learner in learners})
    secret = "" if unmask else (workspace.get_meta("pseudonym_key") or "")
    shown = (lambda learner: learner) if unmask else (lambda learner: pseudonym(secret, learner))
    if suffix != ".jsonl":  # the file has no room for them: keep what a summary needs
        options = replace(options, excluded="blocking")
    counts = {"learners": 0, "steps": 0, "short": 0}

    def stop_if_cancelled() -> None:
        if cancelled is not None and cancelled():
            raise BatchCancelled(SAID("cancelled", done=counts["learners"], total=len(rows)))

    def planned(staging: PathStaging | None) -> Iterator[tuple[str, list | str]]:
        """Chunks as they come back, staged and counted on the way to the file; the
        staged paths replace the stored ones after the last chunk, before the file is
        put in place."""
        stop_if_cancelled()
        task = (options, suffix == ".jsonl", staging is not None)
        for chunk in _run(recommender, _chunks(rows, workers), task, workers, scheduler):
            if staging is not None and chunk.stored is not None:
                staging.add_rows(chunk.learners, chunk.stored)
            counts["learners"] += len(chunk.records)
            counts["steps"] += chunk.steps
            counts["short"] += chunk.below_min_jp
            if progress is not None:
                progress(counts["learners"], len(rows))
            stop_if_cancelled()
            yield from chunk.records
        if staging is not None:
            staging.swap()

    # The stored paths change in one short transaction at the end, and the file appears
    # (atomically) only after it: a cancel, a failure or a kill leaves neither.
    if store:  # refused before any planning, not after an hour of it
        with workspace.engine.connect() as conn:
            ids = recommender.learners.ids
            refuse_storing_paths(conn, workspace.actor, [str(ids[row]) for row in rows])
    with PathStaging(workspace) if store else nullcontext() as staging:
        _write(out, suffix, planned(staging), shown)
    return BatchSummary(counts["learners"], counts["steps"], counts["short"], str(out))


def export_paths(
    workspace, out: str | os.PathLike[str], unmask: bool = False, year: int | None = None
) -> int:
    """Write the stored paths as ``batch`` writes them (by suffix); returns how many.

    Without ``year``, each learner's current path; with it, the latest version of each
    learner's plan for that year (:func:`~curriculum_tool.store.path_history.load_year`).
    """
    from ..store.path_history import load_year
    from ..store.paths import load_paths

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise CurriculumError(SAID("export_suffix", suffixes=", ".join(OUTPUT_SUFFIXES)))
    with workspace.engine.connect() as conn:
        paths = load_paths(conn) if year is None else load_year(conn, year)
    secret = workspace.get_meta("pseudonym_key") or ""
    _write(
        out,
        suffix,
        file_records(paths, suffix == ".jsonl"),
        (lambda learner: learner) if unmask else (lambda learner: pseudonym(secret, learner)),
    )
    return len(paths)


def _write(
    out: Path,
    suffix: str,
    records: Iterable[tuple[str, list | str]],
    shown: Callable[[str], str],
) -> None:
    """The output file from each learner's record (:func:`file_records`)."""
    if suffix == ".jsonl":
        with atomic_output(out, "w", encoding="utf-8", newline="\n") as handle:
            for learner, rest in records:
                assert isinstance(rest, str), "a JSONL record is the path object's JSON text"
                handle.write(jsonl_line(shown(learner), rest))
        return
    columns = STEP_COLUMNS[1:]
    rows = (
        {"learner": shown(learner), **dict(zip(columns, step, strict=True))}
        for learner, steps in records
        for step in steps
    )
    write_rows(
        out,
        STEP_COLUMNS,
        rows,
        sheet="paths",
        numeric=["order", "period", "jp", "p_success", "value"],
    )
