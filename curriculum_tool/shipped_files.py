"""Where the files shipped beside the package lie: the default catalog (``catalog/*.csv``)
and the default model (``models/default.skops`` with its card ``default.json``).

A source checkout or editable install has them beside the ``curriculum_tool`` folder; a
wheel carries them inside it as ``_catalog`` and ``_models``. A leaf of the package: it
imports nothing of it, so the model layer can find the shipped model without the
catalog seeding (:mod:`curriculum_tool.catalog`) above it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_MODEL", "catalog_dir", "default_model_path"]

#: The shipped model's name: ``models/default.skops`` with its card ``default.json``.
DEFAULT_MODEL = "default"

_PACKAGE = Path(__file__).resolve().parent


def catalog_dir() -> Path:
    """The ``catalog/`` folder beside the package (a source checkout or editable install)."""
    for candidate in (_PACKAGE.parent / "catalog", _PACKAGE / "_catalog"):
        if (candidate / "modules.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "the default catalog (catalog/*.csv) was not found next to the curriculum_tool "
        "package; install from a source checkout with 'pip install -e .'"
    )


def default_model_path() -> Path | None:
    """``models/default.skops`` beside the package, or None when it is not shipped."""
    for candidate in (_PACKAGE.parent / "models", _PACKAGE / "_models"):
        path = candidate / f"{DEFAULT_MODEL}.skops"
        if path.is_file():
            return path
    return None
