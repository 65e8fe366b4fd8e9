"""Paths staged while an agency batch runs, put in place by one short write transaction.

A batch of a province plans for minutes. Its paths go, chunk by chunk, into temporary
tables of one connection (bulk inserts: executemany on SQLite, ``COPY`` on PostgreSQL),
which take no lock on the workspace; :meth:`PathStaging.swap` then replaces the stored
paths of those learners in one transaction, keeping the replaced ones as earlier versions.
Other users keep importing and editing while the batch runs, and a batch that is
cancelled, fails or is killed leaves the stored paths exactly as they were: its temporary
tables go with its connection (contract §1).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text

from ..domain import LearnerPath
from ..errors import CurriculumError
from .path_history import archive_paths, number_plans
from .paths import (
    PATH_TABLES,
    SAID,
    follow_versions,
    insert_rows,
    path_rows,
    planned_columns,
    refuse_repeats,
    stored_versions,
)

__all__ = ["PathStaging"]


def _staged(name: str) -> str:
    return f"staged_{name}"


class PathStaging:
    """Temporary copies of the path tables on a connection of ``workspace``'s own."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.conn = workspace.engine.connect()
        self.learners: set[str] = set()
        try:
            for table in PATH_TABLES:
                self.conn.exec_driver_sql(
                    f"CREATE TEMPORARY TABLE {_staged(table.name)} AS "
                    f"SELECT * FROM {table.name} WHERE 1 = 0"
                )
            self.conn.commit()
        except BaseException:
            self.close()
            raise

    def add(self, paths: Iterable[LearnerPath]) -> int:
        """Stage ``paths`` (committed to the temporary tables only); returns the count."""
        paths = list(paths)
        return self.add_rows([p.learner for p in paths], path_rows(paths))

    def add_rows(
        self, learners: list[str], rows: tuple[list[tuple], list[tuple], list[tuple]]
    ) -> int:
        """Stage the paths of ``learners`` already turned into rows of the path tables
        (:func:`~.paths.path_rows`, as batch workers send them back)."""
        refuse_repeats(learners)
        again = self.learners.intersection(learners)
        if again:
            raise CurriculumError(SAID("already_staged", count=len(again)))
        for table, table_rows in zip(PATH_TABLES, rows, strict=True):
            insert_rows(self.conn, _staged(table.name), table, table_rows)
        self.conn.commit()
        self.learners.update(learners)
        return len(learners)

    def swap(self) -> int:
        """Replace the stored paths of every staged learner with the staged ones, in one
        write transaction; returns how many paths are now stored from this staging."""
        with self.workspace.writing(self.conn) as conn:
            staged = f"SELECT learner FROM {_staged('paths')}"
            archive_paths(conn, [row[0] for row in conn.exec_driver_sql(staged)])
            earlier = stored_versions(conn, text(f"learner IN ({staged})"))
            for table in reversed(PATH_TABLES):  # children first
                conn.exec_driver_sql(f"DELETE FROM {table.name} WHERE learner IN ({staged})")
            for table in PATH_TABLES:
                columns = ", ".join(planned_columns(table))
                conn.exec_driver_sql(
                    f"INSERT INTO {table.name} ({columns}) "
                    f"SELECT {columns} FROM {_staged(table.name)}"
                )
            follow_versions(conn, earlier)
            number_plans(conn, text(f"learner IN ({staged})"))
        return len(self.learners)

    def close(self) -> None:
        """Drop the staged rows with the connection itself (not back to the pool, where
        its temporary tables would live on): nothing stored changes."""
        self.conn.invalidate()
        self.conn.close()

    def __enter__(self) -> PathStaging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
