"""Models at rest: skops archives plus a JSON card, checked before anything is built from them.

A model is stored in the ``skops.io`` format: a zip archive holding a JSON description of
the objects (``schema.json``) and plain ``.npy`` arrays. Loading it builds only the types
skops trusts by default (scikit-learn estimators, numpy, scipy) and those named in
:data:`TRUSTED_TYPES`; no code chosen by whoever wrote the file runs, unlike a pickle.

The workspace keeps each model's bytes, card and digest in its ``models`` table, so a
shared PostgreSQL workspace carries its models with it; ``train`` also writes them as
``NAME.skops`` and ``NAME.json`` to a folder (``models/`` by default). The digest (the
card's ``sha256``) covers the bytes *and* the card, so an edited card is refused like an
edited model. A model is refused with its reason, and never deserialised, when it is a
pickle (the format of older versions), when its digest or card do not match, when its
library versions differ from this installation's, or when its schema names a type
outside the trusted ones. Listing and verifying read only the card and ``schema.json``.

Each stored model has a state (:mod:`~curriculum_tool.store.model_states`): a
*candidate* (trained, not promoted), the *active* model (the one ``score``,
``recommend`` and ``batch`` use) or *retired* (active once). :func:`activate_model`
(:mod:`.promotion`, re-exported here) promotes a candidate: without a written reason only
when the promotion gate (:mod:`.gate`) promoted it over the model active now; any other
promotion is an override whose reason, author and time are kept in the card's
``overrides``, and the card is sealed again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import skops.io as sio
from sqlalchemy import select

from .. import shipped_files
from ..edit.permissions import refuse_unless_allowed
from ..errors import CurriculumError, ModelIntegrityError
from ..io.atomic import atomic_output
from ..shipped_files import DEFAULT_MODEL
from ..store import schema
from ..store.model_states import ACTIVE, CANDIDATE, make_active, state_of
from .pairs import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS
from .persist_text import SAID, joined, said_by
from .shipped import DEFAULT_MODEL_SHA256
from .train import TrainResult
from .versions import version_mismatches

__all__ = [
    "NAME",
    "SUFFIX",
    "TRUSTED_TYPES",
    "LoadedModel",
    "StoredModel",
    "activate_model",
    "install_default_model",
    "install_model_files",
    "is_pickle",
    "list_models",
    "load_model",
    "model_bytes",
    "model_digest",
    "override_entry",
    "refuse_replacing_active",
    "retire_model",
    "save_model",
    "upgrade_legacy_default",
    "verify_model",
    "write_model_files",
]

log = logging.getLogger(__name__)

#: Model names: they become file names.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")

#: A model file's extension; its card is the same name with ``.json``.
SUFFIX = ".skops"

#: The types a stored model may contain beyond skops' defaults (scikit-learn estimators,
#: numpy and scipy types), by exact name. Each is what ``make_model`` builds: the
#: project's transformer, the trees of HistGradientBoostingClassifier, and the input
#: check (a ``functools.partial`` of ``check_array``) that ColumnTransformer keeps for
#: its pass-through columns. A partial is only ever built around a trusted function.
TRUSTED_TYPES: tuple[str, ...] = (
    "curriculum_tool.model.estimators.CategoryCodes",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "functools.partial",
    "sklearn.utils.validation.check_array",
)

#: Unpacked size above which an archive is refused unread (the default model is ~1 MB).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
#: joblib's compressed pickles start with a zlib header, plain pickles with PROTO (0x80).
_PICKLE_STARTS = (b"\x78", b"\x80")


@dataclass(frozen=True)
class StoredModel:
    """A model as the workspace lists it (nothing deserialised)."""

    name: str
    sha256: str
    created: str
    active: bool
    card: dict[str, Any]
    #: candidate, active or retired (:mod:`~curriculum_tool.store.model_states`)
    state: str = ""

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", ACTIVE if self.active else CANDIDATE)


@dataclass(frozen=True)
class LoadedModel:
    """A verified model, rebuilt from its skops archive, ready to score."""

    name: str
    sha256: str
    card: dict[str, Any]
    estimator: Any


def model_bytes(model: Any) -> bytes:
    """``model`` as a compressed skops archive; refused if it needs an untrusted type."""
    payload = sio.dumps(model, compression=zipfile.ZIP_DEFLATED)
    untrusted = sorted(set(sio.get_untrusted_types(data=payload)) - set(TRUSTED_TYPES))
    if untrusted:
        raise CurriculumError(SAID("untrusted_to_store", types=", ".join(untrusted)))
    return payload


def model_digest(payload: bytes, card: dict[str, Any]) -> str:
    """SHA-256 of the bytes followed by the card without its ``sha256``, as canonical JSON
    (sorted keys, compact separators, UTF-8): one check for both."""
    described = {key: value for key, value in card.items() if key != "sha256"}
    canonical = json.dumps(described, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(payload + canonical.encode("utf-8")).hexdigest()


def is_pickle(payload: bytes) -> bool:
    """True for a model stored by older versions (a joblib pickle), judged by its first
    byte alone: it is never unpickled."""
    return payload[:1] in _PICKLE_STARTS


def _check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise CurriculumError(SAID("bad_name", name=name))
    return name


def _sealed(card: dict[str, Any], payload: bytes) -> dict[str, Any]:
    """``card`` with the digest of ``payload`` and itself."""
    return {**card, "sha256": model_digest(payload, card)}


def save_model(
    workspace,
    result: TrainResult,
    name: str,
    directory: Path | None = None,
    activate: bool = True,
    override: str | None = None,
) -> StoredModel:
    """Store ``result`` in the workspace (one transaction) and, with ``directory``, as files.

    Returns the stored model; with ``activate`` it becomes the workspace's active model,
    else it is stored as a candidate. ``override`` is the written reason an activation
    overrides the gate; it is kept in the card's ``overrides`` before the card is sealed.
    """
    _check_name(name)
    payload = model_bytes(result.model)
    card = {**result.card, "name": name}
    if override is not None:
        card["overrides"] = [*card.get("overrides", []), override_entry(workspace, override)]
    card = _sealed(card, payload)
    if directory is not None:  # files first: a failed write leaves the workspace as it was
        write_model_files(directory, name, payload, card)
    return _store(workspace, name, payload, card, activate)


def write_model_files(
    directory: Path, name: str, payload: bytes, card: dict[str, Any]
) -> tuple[Path, Path]:
    """``NAME.skops`` and its card ``NAME.json``, each written atomically."""
    directory = Path(directory)
    model_path, card_path = directory / f"{name}{SUFFIX}", directory / f"{name}.json"
    with atomic_output(model_path, "wb") as handle:
        handle.write(payload)
    with atomic_output(card_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(card, ensure_ascii=False, indent=2) + "\n")
    return model_path, card_path


def install_model_files(
    workspace,
    model_path: Path,
    name: str | None = None,
    activate: bool = True,
    conn=None,
    expected_sha256: str | None = None,
) -> StoredModel:
    """Verify a ``.skops`` file against the card beside it, then store it in the workspace.

    With ``expected_sha256`` the file and card must also have exactly that digest (the
    shipped default model, whose digest is recorded in the package). Under another
    ``name`` the stored card is renamed and sealed again, after the file was verified.
    """
    model_path = Path(model_path)
    label = f"{model_path.parent.name}/{model_path.name}"
    if model_path.suffix == ".joblib":
        raise ModelIntegrityError(SAID("install_pickle", file=model_path.name))
    if model_path.suffix != SUFFIX:
        raise ModelIntegrityError(SAID("install_suffix", file=model_path.name, suffix=SUFFIX))
    card_path = model_path.with_suffix(".json")
    try:
        payload = model_path.read_bytes()
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ModelIntegrityError(
            SAID("install_missing", file=model_path.name, missing=Path(error.filename).name)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelIntegrityError(
            SAID("not_a_card", file=card_path.name, error=str(error))
        ) from None
    if not isinstance(card, dict):
        raise ModelIntegrityError(SAID("card_not_an_object", file=card_path.name))
    if expected_sha256 is not None:
        actual = model_digest(payload, card)
        if actual != expected_sha256:
            raise ModelIntegrityError(
                SAID(
                    "not_shipped",
                    label=label,
                    actual=actual[:12],
                    expected=expected_sha256[:12],
                )
            )
    _verify(model_path.name, payload, card.get("sha256", ""), card)
    name = _check_name(name or card.get("name") or model_path.stem)
    if card.get("name") != name:
        card = _sealed({**card, "name": name}, payload)
    return _store(workspace, name, payload, card, activate, conn)


def _store(
    workspace, name: str, payload: bytes, card: dict[str, Any], activate: bool, conn=None
) -> StoredModel:
    if conn is None:
        with workspace.transaction() as own:
            return _store(workspace, name, payload, card, activate, own)
    table = schema.models
    refuse_unless_allowed(conn, workspace.actor, "models", [(None, {"name": name})])
    if not activate:
        refuse_replacing_active(conn, name)
    conn.execute(table.delete().where(table.c.name == name))
    conn.execute(
        table.insert(),
        {
            "name": name,
            "sha256": card["sha256"],
            "card": json.dumps(card, ensure_ascii=False),
            "payload": payload,
            "created": card["created"],
            "active": False,
            "state": CANDIDATE,
        },
    )
    if activate:
        make_active(conn, name)
    state = ACTIVE if activate else CANDIDATE
    return StoredModel(name, card["sha256"], card["created"], activate, card, state)


def refuse_replacing_active(conn, name: str) -> None:
    """Refuse to store a candidate under the name of the active model: the workspace
    would be left without one."""
    table = schema.models
    row = conn.execute(select(table.c.active, table.c.state).where(table.c.name == name)).first()
    if row is not None and state_of(row.state, bool(row.active)) == ACTIVE:
        raise CurriculumError(SAID("replaces_active", name=name))


def _pickle_refusal(label: str) -> str:
    return SAID("pickle", label=label)


def _archive_problem(payload: bytes) -> str | None:
    """Why ``payload`` is not a skops archive of trusted types, reading only its schema."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                return SAID("too_large")
        untrusted = set(sio.get_untrusted_types(data=payload))
    except Exception as error:  # noqa: BLE001 - any failure to parse the schema refuses it
        return SAID("unreadable", error=type(error).__name__)
    untrusted -= set(TRUSTED_TYPES)
    if untrusted:
        return SAID("untrusted", types=", ".join(sorted(untrusted)))
    return None


def _verify(label: str, payload: bytes, recorded_sha256: str, card: dict[str, Any]) -> None:
    """Refuse bytes that are not exactly the recorded, compatible curriculum-tool model.

    Nothing is deserialised: the checks read the first bytes, the digest, the card and
    the archive's ``schema.json``.
    """
    if payload[:4] != _ZIP_MAGIC:
        if is_pickle(payload):
            raise ModelIntegrityError(_pickle_refusal(label))
        raise ModelIntegrityError(SAID("not_skops", label=label))
    if not isinstance(card, dict):
        raise ModelIntegrityError(SAID("card_not_json", label=label))
    actual = model_digest(payload, card)
    if card.get("sha256") != recorded_sha256:
        raise ModelIntegrityError(SAID("other_card", label=label))
    if actual != recorded_sha256:
        recorded = str(recorded_sha256)[:12] or SAID("nothing")
        raise ModelIntegrityError(
            SAID("altered", label=label, actual=actual[:12], recorded=recorded)
        )
    features = card.get("features")
    if not isinstance(features, dict) or not isinstance(card.get("library_versions"), dict):
        raise ModelIntegrityError(SAID("no_features", label=label))
    if features.get("categorical") != list(CATEGORICAL_COLUMNS) or features.get("numeric") != list(
        NUMERIC_COLUMNS
    ):
        raise ModelIntegrityError(SAID("other_features", label=label))
    mismatches = version_mismatches(card["library_versions"])
    if mismatches:
        raise ModelIntegrityError(SAID("other_versions", label=label, versions=joined(mismatches)))
    problem = _archive_problem(payload)
    if problem:
        raise ModelIntegrityError(SAID("refused", label=label, problem=problem))


def _card_of(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return None


def list_models(workspace) -> list[StoredModel]:
    """Every stored model, newest first (an unreadable card is listed as empty)."""
    table = schema.models
    query = select(
        table.c.name,
        table.c.sha256,
        table.c.created,
        table.c.active,
        table.c.card,
        table.c.state,
    ).order_by(table.c.created.desc(), table.c.name)
    with workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    models = []
    for r in rows:
        card = _card_of(r.card)
        models.append(
            StoredModel(
                r.name,
                r.sha256,
                r.created,
                bool(r.active),
                card if isinstance(card, dict) else {},
                state_of(r.state, bool(r.active)),
            )
        )
    return models


def verify_model(workspace, name: str) -> str | None:
    """Why the stored model ``name`` would be refused (a message, its Indonesian
    included), or None; nothing is deserialised."""
    table = schema.models
    with workspace.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.name == name)).first()
    if row is None:
        return SAID("no_such_model", name=name)
    try:
        _verify(f"'{row.name}'", row.payload, row.sha256, _card_of(row.card))
    except ModelIntegrityError as error:
        return said_by(error)
    return None


def install_default_model(workspace, conn=None) -> StoredModel:
    """Store the shipped model as the workspace's current model, after checking it
    against the digest recorded in the package (``curriculum_tool.model.shipped``).

    Raises :class:`~curriculum_tool.errors.ModelIntegrityError` and stores nothing when
    the model is missing or is not the one this version of curriculum-tool shipped.
    """
    path = shipped_files.default_model_path()
    if path is None:
        raise ModelIntegrityError(SAID("default_missing", model=DEFAULT_MODEL))
    return install_model_files(
        workspace, path, DEFAULT_MODEL, conn=conn, expected_sha256=DEFAULT_MODEL_SHA256
    )


def upgrade_legacy_default(workspace) -> bool:
    """Replace an active ``default`` model stored as a pickle by older versions with the
    verified shipped default, in one transaction; True when it did.

    Raises :class:`ModelIntegrityError` (and changes nothing) when the shipped default
    does not verify. The pickle is never loaded.
    """
    table = schema.models
    with workspace.transaction() as conn:
        row = conn.execute(
            select(table.c.payload, table.c.active).where(table.c.name == DEFAULT_MODEL)
        ).first()
        if row is None or not row.active or not is_pickle(row.payload):
            return False
        install_default_model(workspace, conn)
    log.warning(
        "model '%s' was stored as a pickle by an older curriculum-tool; it was "
        "replaced by the verified shipped default model",
        DEFAULT_MODEL,
    )
    return True


def _row(workspace, name: str | None):
    table = schema.models
    query = select(table).where(table.c.name == name if name else table.c.active.is_(True))
    with workspace.engine.connect() as conn:
        return conn.execute(query).first()


def load_model(workspace, name: str | None = None) -> LoadedModel:
    """The named (default: active) model, verified, then rebuilt with trusted types only.

    An active ``default`` left as a pickle by older versions is first replaced by the
    shipped default (:func:`upgrade_legacy_default`).
    """
    row = _row(workspace, name)
    if row is None:
        raise CurriculumError(SAID("no_such_model", name=name) if name else SAID("no_model_yet"))
    if row.name == DEFAULT_MODEL and row.active and is_pickle(row.payload):
        try:
            upgrade_legacy_default(workspace)
        except ModelIntegrityError as error:
            raise ModelIntegrityError(
                SAID(
                    "pickle_not_replaced",
                    refusal=_pickle_refusal(repr(row.name)),
                    error=said_by(error),
                )
            ) from None
        row = _row(workspace, name)
    card = _card_of(row.card)
    _verify(f"'{row.name}'", row.payload, row.sha256, card)
    estimator = sio.loads(row.payload, trusted=list(TRUSTED_TYPES))
    return LoadedModel(row.name, row.sha256, card, estimator)


# Promotion lives in its own module; its functions are part of this module's interface.
from .promotion import activate_model, override_entry, retire_model  # noqa: E402
