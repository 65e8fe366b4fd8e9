"""Models at rest: joblib bytes plus a JSON card, verified before they are ever unpickled.

The workspace keeps each model's bytes, card and SHA-256 in its ``models`` table, so a
shared PostgreSQL workspace carries its models with it; ``train`` also writes them as
``NAME.joblib`` and ``NAME.json`` to a folder (``models/`` by default). A model whose
bytes do not match the recorded hash, whose card does not match the bytes, or whose
library versions differ from this installation's is refused with the reason, and
``joblib.load`` is never called on it.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
from sqlalchemy import select, update

from ..errors import CurriculumError, ModelIntegrityError
from ..io.atomic import atomic_output
from ..store import schema
from .pairs import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS
from .train import TrainResult
from .versions import version_mismatches

__all__ = ["StoredModel", "LoadedModel", "model_bytes", "save_model", "write_model_files",
           "install_model_files", "load_model", "verify_model", "list_models",
           "activate_model", "NAME"]

#: Model names: they become file names.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


@dataclass(frozen=True)
class StoredModel:
    """A model as the workspace lists it (nothing unpickled)."""

    name: str
    sha256: str
    created: str
    active: bool
    card: dict[str, Any]


@dataclass(frozen=True)
class LoadedModel:
    """A verified, unpickled model ready to score."""

    name: str
    sha256: str
    card: dict[str, Any]
    estimator: Any


def model_bytes(model: Any) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(model, buffer, compress=3)
    return buffer.getvalue()


def _sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise CurriculumError(f"model name '{name}' must be letters, digits, '.', '_' or '-' "
                              "(at most 80), starting with a letter or digit")
    return name


def save_model(workspace, result: TrainResult, name: str,
               directory: Path | None = None, activate: bool = True) -> StoredModel:
    """Store ``result`` in the workspace (one transaction) and, with ``directory``, as files.

    Returns the stored model; with ``activate`` it becomes the workspace's current model.
    """
    _check_name(name)
    payload = model_bytes(result.model)
    card = {**result.card, "name": name, "sha256": _sha256(payload)}
    if directory is not None:  # files first: a failed write leaves the workspace as it was
        write_model_files(directory, name, payload, card)
    return _store(workspace, name, payload, card, activate)


def write_model_files(directory: Path, name: str, payload: bytes,
                      card: dict[str, Any]) -> tuple[Path, Path]:
    """``NAME.joblib`` and its card ``NAME.json``, each written atomically."""
    directory = Path(directory)
    model_path, card_path = directory / f"{name}.joblib", directory / f"{name}.json"
    with atomic_output(model_path, "wb") as handle:
        handle.write(payload)
    with atomic_output(card_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(card, ensure_ascii=False, indent=2) + "\n")
    return model_path, card_path


def install_model_files(workspace, model_path: Path, name: str | None = None,
                        activate: bool = True, conn=None) -> StoredModel:
    """Verify a ``.joblib`` file against the card beside it, then store it in the workspace."""
    model_path = Path(model_path)
    card_path = model_path.with_suffix(".json")
    try:
        payload = model_path.read_bytes()
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ModelIntegrityError(f"cannot install {model_path.name}: "
                                  f"{error.filename} is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelIntegrityError(f"{card_path.name} is not a model card ({error})") from None
    if not isinstance(card, dict):
        raise ModelIntegrityError(f"{card_path.name} is not a model card (not a JSON object)")
    _verify(model_path.name, payload, card.get("sha256", ""), card)
    name = _check_name(name or card.get("name") or model_path.stem)
    return _store(workspace, name, payload, {**card, "name": name}, activate, conn)


def _store(workspace, name: str, payload: bytes, card: dict[str, Any], activate: bool,
           conn=None) -> StoredModel:
    if conn is None:
        with workspace.transaction() as own:
            return _store(workspace, name, payload, card, activate, own)
    table = schema.models
    conn.execute(table.delete().where(table.c.name == name))
    if activate:
        conn.execute(update(table).values(active=False))
    conn.execute(table.insert(), {"name": name, "sha256": card["sha256"],
                                  "card": json.dumps(card, ensure_ascii=False),
                                  "payload": payload, "created": card["created"],
                                  "active": activate})
    return StoredModel(name, card["sha256"], card["created"], activate, card)


def _verify(label: str, payload: bytes, recorded_sha256: str, card: dict[str, Any]) -> None:
    """Refuse bytes that are not exactly the recorded, compatible curriculum-tool model."""
    actual = _sha256(payload)
    if actual != recorded_sha256:
        raise ModelIntegrityError(
            f"model {label} was altered or is not the recorded file: its SHA-256 is "
            f"{actual[:12]}…, the record says {recorded_sha256[:12] or 'nothing'}…; "
            "it was not loaded")
    if card.get("sha256") != actual:
        raise ModelIntegrityError(f"model {label}: its card describes another file; "
                                  "it was not loaded")
    features = card.get("features")
    if not isinstance(features, dict) or not isinstance(card.get("library_versions"), dict):
        raise ModelIntegrityError(f"model {label}: its card has no feature list or library "
                                  "versions; it was not loaded")
    if (features.get("categorical") != list(CATEGORICAL_COLUMNS)
            or features.get("numeric") != list(NUMERIC_COLUMNS)):
        raise ModelIntegrityError(f"model {label} was not made by this version of "
                                  "curriculum-tool (different features); retrain it with "
                                  "'train'; it was not loaded")
    mismatches = version_mismatches(card.get("library_versions", {}))
    if mismatches:
        raise ModelIntegrityError(
            f"model {label} was trained with {', '.join(mismatches)}; retrain it with "
            "'train' (it was not loaded, as loading a pickle from other versions is unsafe)")


def list_models(workspace) -> list[StoredModel]:
    """Every stored model, newest first."""
    table = schema.models
    query = select(table.c.name, table.c.sha256, table.c.created, table.c.active,
                   table.c.card).order_by(table.c.created.desc(), table.c.name)
    with workspace.engine.connect() as conn:
        return [StoredModel(r.name, r.sha256, r.created, bool(r.active), json.loads(r.card))
                for r in conn.execute(query)]


def activate_model(workspace, name: str) -> None:
    """Make ``name`` the model that ``score``, ``recommend`` and ``batch`` use."""
    table = schema.models
    with workspace.transaction() as conn:
        if conn.execute(select(table.c.name).where(table.c.name == name)).first() is None:
            raise CurriculumError(f"no model named '{name}' in this workspace")
        conn.execute(update(table).values(active=table.c.name == name))


def verify_model(workspace, name: str) -> str | None:
    """Why the stored model ``name`` would be refused, or None; nothing is unpickled."""
    table = schema.models
    with workspace.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.name == name)).first()
    if row is None:
        return f"no model named '{name}' in this workspace"
    try:
        _verify(f"'{row.name}'", row.payload, row.sha256, json.loads(row.card))
    except ModelIntegrityError as error:
        return str(error)
    return None


def load_model(workspace, name: str | None = None) -> LoadedModel:
    """The named (default: active) model, verified, then unpickled."""
    table = schema.models
    query = select(table).where(table.c.name == name if name else table.c.active.is_(True))
    with workspace.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise CurriculumError(f"no model named '{name}' in this workspace" if name else
                              "this workspace has no model yet; run 'train' first")
    card = json.loads(row.card)
    _verify(f"'{row.name}'", row.payload, row.sha256, card)
    return LoadedModel(row.name, row.sha256, card, joblib.load(io.BytesIO(row.payload)))
