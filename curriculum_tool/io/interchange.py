"""Formats other systems speak, beside the contract's own tables.

Reading: ``moodle`` (Moodle's competency-framework CSV, ``tool_lpimportcsv``) and ``case``
(1EdTech CASE 1.0 JSON). Each reader turns a file into the same :class:`ParsedFile`
records a contract file gives, so an interchange import gets the very same checks,
all-or-nothing transaction and located messages. Writing: ``moodle``, ``case`` and
``graphml`` (the prerequisite graph for networkx, Gephi or yEd).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import CurriculumError, ValidationError
from ..messages import Catalogue
from ..store import Workspace
from .importer import ImportSummary, ParsedFile, import_parsed

__all__ = ["READ_FORMATS", "WRITE_FORMATS", "export_interchange", "import_interchange"]

SAID = Catalogue(
    "io.interchange",
    {
        "cannot_import": (
            "cannot import format '{format}'; one of: {formats}",
            "format '{format}' tidak dapat diimpor; pilih salah satu: {formats}",
        ),
        "cannot_export": (
            "cannot export format '{format}'; one of: {formats}",
            "format '{format}' tidak dapat diekspor; pilih salah satu: {formats}",
        ),
    },
)

#: format -> (module, reader function): ``reader(path, label) -> list[ParsedFile]``.
READ_FORMATS: dict[str, tuple[str, str]] = {
    "moodle": ("curriculum_tool.io.moodle", "read_moodle"),
    "case": ("curriculum_tool.io.case", "read_case"),
}

#: format -> (module, writer function): ``writer(workspace, path) -> int`` (items written).
WRITE_FORMATS: dict[str, tuple[str, str]] = {
    "moodle": ("curriculum_tool.io.moodle", "write_moodle"),
    "case": ("curriculum_tool.io.case", "write_case"),
    "graphml": ("curriculum_tool.io.graphml", "write_graphml"),
}


def _function(table: dict[str, tuple[str, str]], fmt: str, refusal: str) -> Callable:
    try:
        module, name = table[fmt]
    except KeyError:
        raise CurriculumError(SAID(refusal, format=fmt, formats=", ".join(table))) from None
    return getattr(import_module(module), name)


def import_interchange(
    workspace: Workspace, fmt: str, path: str | os.PathLike[str], replace: bool = False
) -> list[ImportSummary]:
    """Import a Moodle or CASE file in one transaction; refuse it whole on any problem,
    or when another writer changed one of its tables while it was being read."""
    reader = _function(READ_FORMATS, fmt, "cannot_import")
    path = Path(path)
    read_stamps = workspace.change_stamps()
    parsed: list[ParsedFile] = reader(path, path.name)
    problems = [problem for p in parsed for problem in p.problems]
    if problems:
        raise ValidationError(problems)
    return import_parsed(workspace, parsed, replace=replace, read_stamps=read_stamps)


def export_interchange(
    workspace: Workspace, fmt: str, path: str | os.PathLike[str], **options: object
) -> int:
    """Write the workspace in ``fmt`` (``options``: the writer's own, e.g. ``strict`` for
    CASE); returns how many items were written."""
    return _function(WRITE_FORMATS, fmt, "cannot_export")(workspace, Path(path), **options)
