"""Formats other systems speak, beside the contract's own tables.

Reading: ``moodle`` (Moodle's competency-framework CSV, ``tool_lpimportcsv``),
``moodle-completion`` (Moodle's course-completion report CSV, as outcomes) and ``case``
(1EdTech CASE 1.0 JSON). Each reader turns a file into the same :class:`ParsedFile`
records a contract file gives, so an interchange import gets the very same checks,
all-or-nothing transaction and located messages. A reader that needs more than the file
says so by its keyword parameters: the options an import is given (``module``) and what
the workspace knows (``modules``, ``learners``: their codes and ids). Writing: ``moodle``,
``case`` and ``graphml`` (the prerequisite graph for networkx, Gephi or yEd).
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import CurriculumError, ValidationError
from ..messages import Catalogue
from ..store import Workspace
from .importer import ImportSummary, ParsedFile, import_parsed

__all__ = [
    "READ_FORMATS",
    "WRITE_FORMATS",
    "export_interchange",
    "import_interchange",
    "option_refused",
]

SAID = Catalogue(
    "io.interchange",
    {
        "cannot_import": (
            "cannot import format '{format}'; one of: {formats}",
            "format '{format}' tidak dapat diimpor; pilih salah satu: {formats}",
        ),
        "option_not_for": (
            "--{option} goes with an import of: {formats}",
            "--{option} hanya berlaku untuk impor: {formats}",
        ),
        "replace_refused": (
            "--replace would replace every outcome of the workspace with those of this one "
            "course; import the report without --replace (it merges by learner, module and "
            "date)",
            "--replace akan mengganti semua hasil pelatihan di ruang kerja dengan hasil satu "
            "kursus ini; impor laporan ini tanpa --replace (digabung menurut peserta, modul "
            "dan tanggal)",
        ),
        "cannot_export": (
            "cannot export format '{format}'; one of: {formats}",
            "format '{format}' tidak dapat diekspor; pilih salah satu: {formats}",
        ),
    },
)

#: format -> (module, reader function): ``reader(path, label, **options) ->
#: list[ParsedFile]``; a reader takes only the keyword options it names (see
#: :data:`WORKSPACE_OPTIONS`).
READ_FORMATS: dict[str, tuple[str, str]] = {
    "moodle": ("curriculum_tool.io.moodle", "read_moodle"),
    "moodle-completion": ("curriculum_tool.io.moodle_completion", "read_moodle_completion"),
    "case": ("curriculum_tool.io.case", "read_case"),
}

#: Reader options the workspace fills in: option -> the kind whose keys it is.
WORKSPACE_OPTIONS = {"modules": "modules", "learners": "learners"}
#: Formats that hold part of a table only, so ``--replace`` would wipe the rest.
PARTIAL_FORMATS = frozenset({"moodle-completion"})

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
    workspace: Workspace,
    fmt: str,
    path: str | os.PathLike[str],
    replace: bool = False,
    **options: object,
) -> list[ImportSummary]:
    """Import a Moodle or CASE file in one transaction; refuse it whole on any problem,
    or when another writer changed one of its tables while it was being read.

    ``options`` are the reader's own (``module`` for ``moodle-completion``); None means
    not given. An option the format's reader does not take is refused."""
    reader = _function(READ_FORMATS, fmt, "cannot_import")
    if replace and fmt in PARTIAL_FORMATS:
        raise CurriculumError(SAID("replace_refused"))
    path = Path(path)
    read_stamps = workspace.change_stamps()
    given = {name: value for name, value in options.items() if value is not None}
    parsed: list[ParsedFile] = reader(path, path.name, **_reader_options(workspace, reader, given))
    problems = [problem for p in parsed for problem in p.problems]
    if problems:
        raise ValidationError(problems)
    return import_parsed(workspace, parsed, replace=replace, read_stamps=read_stamps)


def _reader_options(
    workspace: Workspace, reader: Callable, given: dict[str, object]
) -> dict[str, object]:
    """The options ``reader`` takes: those given, and what the workspace knows."""
    takes = set(inspect.signature(reader).parameters) - {"path", "label"}
    for name in given:
        if name not in takes or name in WORKSPACE_OPTIONS:
            raise option_refused(name)
    wanted = [name for name in WORKSPACE_OPTIONS if name in takes]
    if wanted:
        with workspace.engine.connect() as conn:
            given |= {name: workspace.keys(WORKSPACE_OPTIONS[name], conn) for name in wanted}
    return given


def option_refused(name: str) -> CurriculumError:
    """The refusal of import option ``name`` (``module`` for ``--module``) given with a
    format that does not take it, naming those that do."""
    formats = [
        fmt
        for fmt, (module, function) in READ_FORMATS.items()
        if name in inspect.signature(getattr(import_module(module), function)).parameters
        and name not in WORKSPACE_OPTIONS
    ]
    return CurriculumError(SAID("option_not_for", option=name, formats=", ".join(formats) or "-"))


def export_interchange(
    workspace: Workspace, fmt: str, path: str | os.PathLike[str], **options: object
) -> int:
    """Write the workspace in ``fmt`` (``options``: the writer's own, e.g. ``strict`` for
    CASE); returns how many items were written."""
    return _function(WRITE_FORMATS, fmt, "cannot_export")(workspace, Path(path), **options)
