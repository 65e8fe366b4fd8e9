"""What a batch worker sends back: one chunk's paths as plain rows, built where the paths
were planned.

Pickling :class:`~curriculum_tool.domain.LearnerPath` objects back from the workers, and
turning them into file and database rows in the one process that writes, cost about
1.5 ms a learner in that process (measured on 10,041 learners: JSON of every exclusion's
parameters, then the inserts), while the workers waited. A worker now builds the rows of
the output file and of the stored path tables itself, in parallel, and sends back tuples
of strings and numbers. The learner column is left to the writing process, which alone
holds the pseudonym key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..domain import LearnerPath
from ..store.paths import path_rows

__all__ = ["STEP_COLUMNS", "PlannedChunk", "file_records", "jsonl_line", "planned_chunk"]

#: Columns of the CSV/XLSX output, one row per step (contract §4).
STEP_COLUMNS = ("learner", "order", "period", "module", "jp", "p_success", "value")


@dataclass(frozen=True)
class PlannedChunk:
    """One chunk's paths, ready to write and to stage."""

    #: per learner: its id and its file record (CSV/XLSX step rows without the learner
    #: column, or its JSONL object without the learner, as JSON text)
    records: list[tuple[str, list[tuple[str, ...]] | str]]
    #: rows of the stored path tables (``store.paths.PATH_TABLES``), or None when the
    #: batch stores nothing
    stored: tuple[list[tuple], list[tuple], list[tuple]] | None
    steps: int
    below_min_jp: int

    @property
    def learners(self) -> list[str]:
        return [learner for learner, _ in self.records]


def planned_chunk(paths: list[LearnerPath], jsonl: bool, store: bool) -> PlannedChunk:
    """``paths`` as a worker sends them back."""
    return PlannedChunk(
        list(file_records(paths, jsonl)),
        path_rows(paths) if store else None,
        sum(len(p.steps) for p in paths),
        sum(p.total_jp < p.min_jp for p in paths),
    )


def file_records(
    paths: Iterable[LearnerPath], jsonl: bool
) -> Iterator[tuple[str, list[tuple[str, ...]] | str]]:
    """Each path's learner and its record in the output file, learner column aside."""
    for path in paths:
        if jsonl:
            record = path.to_json()
            del record["learner"]
            yield path.learner, json.dumps(record, ensure_ascii=False)
        else:
            yield (
                path.learner,
                [
                    (
                        str(order),
                        str(step.period),
                        step.module,
                        str(step.jp),
                        f"{step.p_success:.4f}",
                        f"{step.value:.4f}",
                    )
                    for order, step in enumerate(path.steps, start=1)
                ],
            )


def jsonl_line(learner: str, rest: str) -> str:
    """The contract's path object, learner first, from the rest of it as JSON text.

    >>> jsonl_line("ANON-1", '{"position": "x"}')
    '{"learner": "ANON-1", "position": "x"}\\n'
    """
    head = '{"learner": ' + json.dumps(learner, ensure_ascii=False)
    return head + (", " + rest[1:] if rest != "{}" else "}") + "\n"
