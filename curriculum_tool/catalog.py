"""The default national catalog shipped in ``catalog/`` and the default workspace.

``init`` seeds a new workspace from the catalog's CSV files in one transaction; the
desktop app, started without a workspace, opens (and on first run creates) the default
workspace in the user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection

from .io.importer import KINDS, ImportSummary, import_files
from .store import Workspace

__all__ = ["catalog_dir", "catalog_files", "seed", "create_workspace", "default_workspace_path",
           "open_or_create_default"]

#: Overrides where the default workspace lives (tests, portable installs).
HOME_VARIABLE = "CURRICULUM_TOOL_HOME"
DEFAULT_NAME = "workspace.sqlite"


def catalog_dir() -> Path:
    """The ``catalog/`` folder beside the package (a source checkout or editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "catalog", here / "_catalog"):
        if (candidate / "modules.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "the default catalog (catalog/*.csv) was not found next to the curriculum_tool "
        "package; install from a source checkout with 'pip install -e .'")


def catalog_files(directory: Path | None = None) -> list[tuple[str, Path]]:
    """The catalog's files present in ``directory``, in loading order."""
    directory = directory or catalog_dir()
    return [(kind, directory / f"{kind}.csv") for kind in KINDS
            if (directory / f"{kind}.csv").is_file()]


def seed(workspace: Workspace, directory: Path | None = None,
         conn: Connection | None = None) -> list[ImportSummary]:
    """Load the catalog into ``workspace`` in one transaction (or inside ``conn``'s)."""
    return import_files(workspace, catalog_files(directory), conn=conn)


def create_workspace(target: str | os.PathLike[str], empty: bool = False,
                     directory: Path | None = None) -> Workspace:
    """Create a workspace, seeded from the catalog unless ``empty``, in one transaction:
    nothing is left behind if seeding fails."""
    files = [] if empty else catalog_files(directory)
    return Workspace.create(target, populate=lambda ws, conn: import_files(ws, files, conn=conn))


def default_workspace_path() -> Path:
    """``$CURRICULUM_TOOL_HOME/workspace.sqlite``, else the user's data folder."""
    home = os.environ.get(HOME_VARIABLE)
    folder = Path(home) if home else Path(user_data_dir("curriculum-tool", appauthor=False))
    return folder / DEFAULT_NAME


def open_or_create_default() -> Workspace:
    """The default workspace, created from the catalog on first use."""
    path = default_workspace_path()
    if path.is_file():
        return Workspace.open(path)
    return create_workspace(path)
