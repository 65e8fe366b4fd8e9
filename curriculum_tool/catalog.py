"""The default national catalog shipped in ``catalog/`` and the default workspace.

``init`` seeds a new workspace from the catalog's CSV files in one transaction, with the
shipped default model as its current model; the desktop app, started without a
workspace, opens (and on first run creates) the default workspace in the user's data
folder. Where the shipped files lie is :mod:`curriculum_tool.shipped_files`; seeding uses
the importer and the model store, so this module sits above the model layer (see the
import-linter contract in ``pyproject.toml``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection

from .io.importer import KINDS, ImportSummary, import_files
from .messages import Catalogue
from .shipped_files import DEFAULT_MODEL, catalog_dir, default_model_path
from .store import Workspace

__all__ = [
    "DEFAULT_MODEL",
    "catalog_dir",
    "catalog_files",
    "create_workspace",
    "default_model_path",
    "default_workspace_path",
    "open_or_create_default",
    "seed",
]

log = logging.getLogger(__name__)

#: Overrides where the default workspace lives (tests, portable installs).
HOME_VARIABLE = "CURRICULUM_TOOL_HOME"
DEFAULT_NAME = "workspace.sqlite"

SAID = Catalogue(
    "catalog",
    {
        "model_not_installed": (
            "the shipped default model was not installed: {reason}",
            "model bawaan tidak dipasang: {reason}",
        ),
    },
)


def catalog_files(directory: Path | None = None) -> list[tuple[str, Path]]:
    """The catalog's files present in ``directory``, in loading order."""
    directory = directory or catalog_dir()
    return [
        (kind, directory / f"{kind}.csv") for kind in KINDS if (directory / f"{kind}.csv").is_file()
    ]


def seed(
    workspace: Workspace, directory: Path | None = None, conn: Connection | None = None
) -> list[ImportSummary]:
    """Load the catalog into ``workspace`` in one transaction (or inside ``conn``'s)."""
    return import_files(workspace, catalog_files(directory), conn=conn)


def create_workspace(
    target: str | os.PathLike[str], empty: bool = False, directory: Path | None = None
) -> Workspace:
    """Create a workspace, seeded from the catalog unless ``empty``, in one transaction:
    nothing is left behind if seeding fails."""
    files = [] if empty else catalog_files(directory)
    with_model = not empty and directory is None

    def populate(workspace: Workspace, conn: Connection) -> None:
        import_files(workspace, files, conn=conn)
        if with_model:
            _install_default_model(workspace, conn)

    return Workspace.create(target, populate=populate)


def _install_default_model(workspace: Workspace, conn: Connection) -> None:
    """The shipped model becomes the new workspace's current model, if it verifies; if not,
    the workspace is created without a model and one warning line says why."""
    from .errors import ModelIntegrityError
    from .model.persist import install_default_model  # scikit-learn: only when seeding

    try:
        install_default_model(workspace, conn)
    except ModelIntegrityError as error:
        single = len(error.args) == 1 and isinstance(error.args[0], str)
        reason = error.args[0] if single else str(error)
        log.warning("%s", SAID("model_not_installed", reason=reason))


def data_folder() -> Path:
    """``$CURRICULUM_TOOL_HOME``, else the user's data folder: where the default
    workspace and the files of trained models live (never the current directory)."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) if home else Path(user_data_dir("curriculum-tool", appauthor=False))


def default_workspace_path() -> Path:
    """``data_folder()/workspace.sqlite``."""
    return data_folder() / DEFAULT_NAME


def default_models_dir() -> Path:
    """``data_folder()/models``: where ``train`` also writes a model's files."""
    return data_folder() / "models"


def open_or_create_default() -> Workspace:
    """The default workspace, created from the catalog on first use."""
    path = default_workspace_path()
    if path.is_file():
        return Workspace.open(path)
    return create_workspace(path)
