"""Models at rest: the digest covers the bytes and the card, and altered, foreign or
pickled files are refused before anything is built from them."""

import io
import json
import pickle
import sqlite3
import zipfile

import joblib
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from curriculum_tool.catalog import DEFAULT_MODEL, default_model_path
from curriculum_tool.errors import CurriculumError, ModelIntegrityError
from curriculum_tool.model import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, persist
from curriculum_tool.model.persist import (
    activate_model,
    install_model_files,
    list_models,
    load_model,
    model_digest,
    save_model,
)
from curriculum_tool.model.shipped import DEFAULT_MODEL_SHA256
from curriculum_tool.model.versions import library_versions


def _row(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT payload, sha256, card, active FROM models WHERE name = ?", (name,)
        ).fetchone()
    finally:
        conn.close()


def _sql(path, statement, *params):
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(statement, params)
    finally:
        conn.close()


@pytest.fixture
def never_unpickle(monkeypatch):
    """Record (and refuse) every attempt to build a model: skops' loads, pickle, joblib."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError("a refused model was deserialised")

    for owner, name in (
        (persist.sio, "loads"),
        (persist.sio, "load"),
        (pickle, "loads"),
        (pickle, "load"),
        (joblib, "load"),
    ):
        monkeypatch.setattr(owner, name, refuse)
    return calls


@pytest.fixture
def saved(workspace, trained, tmp_path):
    """The trained model saved as 'm1' into the mini workspace and into tmp/models."""
    stored = save_model(workspace, trained, "m1", directory=tmp_path / "models")
    return stored, tmp_path / "models" / "m1.skops", tmp_path / "models" / "m1.json"


# -- the card matches the model -------------------------------------------------------------


def test_card_matches_the_stored_and_written_model(
    workspace, workspace_path, saved, trained, sim_training_set
):
    stored, model_file, card_file = saved
    payload, sha256, card_text, active = _row(workspace_path, "m1")
    card = json.loads(card_text)
    assert payload == model_file.read_bytes() and payload[:4] == b"PK\x03\x04"
    assert card["sha256"] == sha256 == model_digest(payload, card)
    assert json.loads(card_file.read_text("utf-8")) == card == stored.card
    assert stored.sha256 == sha256 and stored.active and active
    assert card["name"] == "m1" and card["target"] == "l3"
    data = card["data"]
    assert data["rows"] == len(sim_training_set)
    assert data["first_date"] == str(sim_training_set.date.min())
    assert data["last_date"] == str(sim_training_set.date.max())
    assert data["sha256"] == sim_training_set.data_sha256
    assert card["features"] == {
        "categorical": list(CATEGORICAL_COLUMNS),
        "numeric": list(NUMERIC_COLUMNS),
    }
    assert card["library_versions"] == library_versions()
    metrics = card["metrics"]
    assert set(metrics["model"]) == {"auc", "log_loss", "brier", "ece"}
    assert set(metrics["baselines"]) == {"base_rate", "module_rate", "logistic"}
    assert metrics["ceiling_auc"] == trained.card["metrics"]["ceiling_auc"]
    assert len(metrics["calibration"]) == 10
    assert {"bin", "rows", "predicted", "observed"} <= set(metrics["calibration"][0])
    assert metrics["provinces"] and {"province", "rows", "auc"} <= set(metrics["provinces"][0])
    assert "Kirkpatrick level 3" in card["intended_use"]
    assert "Not for judging individuals" in card["limits"]


def test_loaded_model_predicts_like_the_trained_one(workspace, saved, trained, sim_training_set):
    loaded = load_model(workspace)
    assert loaded.name == "m1" and loaded.sha256 == saved[0].sha256
    sample = sim_training_set.features.iloc[:200]
    np.testing.assert_array_equal(
        loaded.estimator.predict_proba(sample), trained.model.predict_proba(sample)
    )


def test_list_and_activate_models(workspace, trained):
    save_model(workspace, trained, "m1")
    save_model(workspace, trained, "m2")
    assert {m.name: m.active for m in list_models(workspace)} == {"m1": False, "m2": True}
    assert load_model(workspace).name == "m2"
    # m1 was retired when m2 became active: bringing it back overrides the gate, so it
    # needs a written reason, which its card keeps (sealed again)
    assert {m.name: m.state for m in list_models(workspace)} == {"m1": "retired", "m2": "active"}
    with pytest.raises(CurriculumError, match="needs a written reason"):
        activate_model(workspace, "m1")
    assert load_model(workspace).name == "m2"
    activate_model(workspace, "m1", reason="m2 misjudges region 72")
    assert {m.name: m.active for m in list_models(workspace)} == {"m1": True, "m2": False}
    assert load_model(workspace).card["overrides"][0]["reason"] == "m2 misjudges region 72"
    assert load_model(workspace).name == "m1" and load_model(workspace, "m2").name == "m2"
    with pytest.raises(CurriculumError, match="no model named 'nope'"):
        activate_model(workspace, "nope")
    with pytest.raises(CurriculumError, match="no model named 'nope'"):
        load_model(workspace, "nope")
    assert [m.name for m in list_models(workspace) if m.active] == ["m1"]
    save_model(workspace, trained, "m3", activate=False)
    assert [m.name for m in list_models(workspace) if m.active] == ["m1"]
    save_model(workspace, trained, "m1")  # same name: replaced, still one row
    assert sorted(m.name for m in list_models(workspace)) == ["m1", "m2", "m3"]


def test_bad_model_name_is_refused_and_nothing_is_stored(workspace, trained, tmp_path, snapshot):
    before = snapshot(workspace)
    with pytest.raises(CurriculumError, match="model name"):
        save_model(workspace, trained, "../evil", directory=tmp_path / "out")
    assert snapshot(workspace) == before
    assert not (tmp_path / "out").exists()


def test_workspace_without_a_model(workspace):
    assert list_models(workspace) == []
    with pytest.raises(CurriculumError, match="no model yet; run 'train'"):
        load_model(workspace)


# -- altered models in the workspace ---------------------------------------------------------


def test_a_flipped_payload_byte_is_refused_without_unpickling(
    workspace, workspace_path, saved, never_unpickle
):
    payload = bytearray(_row(workspace_path, "m1")[0])
    payload[len(payload) // 2] ^= 0x01
    _sql(workspace_path, "UPDATE models SET payload = ? WHERE name = 'm1'", bytes(payload))
    with pytest.raises(ModelIntegrityError, match="altered.*not loaded"):
        load_model(workspace)
    with pytest.raises(ModelIntegrityError):
        load_model(workspace, "m1")
    assert never_unpickle == []


def test_an_edited_card_is_refused_like_edited_bytes(
    workspace, workspace_path, saved, never_unpickle
):
    card = json.loads(_row(workspace_path, "m1")[2])
    card["metrics"]["model"]["auc"] = 0.99  # the digest stays the old one
    _sql(workspace_path, "UPDATE models SET card = ? WHERE name = 'm1'", json.dumps(card))
    with pytest.raises(ModelIntegrityError, match="'m1' or its card was altered"):
        load_model(workspace)
    assert "altered" in persist.verify_model(workspace, "m1")
    assert never_unpickle == []


def test_payload_and_hash_replaced_but_not_the_card_is_refused(
    workspace, workspace_path, saved, never_unpickle
):
    foreign = persist.model_bytes(LogisticRegression())
    card = json.loads(_row(workspace_path, "m1")[2])
    _sql(
        workspace_path,
        "UPDATE models SET payload = ?, sha256 = ? WHERE name = 'm1'",
        foreign,
        model_digest(foreign, card),
    )
    with pytest.raises(ModelIntegrityError, match="card describes another file"):
        load_model(workspace)
    assert never_unpickle == []


def test_stored_card_with_other_library_versions_is_refused(
    workspace, workspace_path, saved, never_unpickle
):
    card = json.loads(_row(workspace_path, "m1")[2])
    card["library_versions"]["scikit-learn"] = "1.2.0"
    card["sha256"] = model_digest(_row(workspace_path, "m1")[0], card)  # consistent again
    _sql(
        workspace_path,
        "UPDATE models SET card = ?, sha256 = ? WHERE name = 'm1'",
        json.dumps(card),
        card["sha256"],
    )
    with pytest.raises(ModelIntegrityError, match="scikit-learn 1.2.0"):
        load_model(workspace)
    assert never_unpickle == []


def test_an_untrusted_type_in_the_schema_is_named_and_refused(
    workspace, workspace_path, saved, never_unpickle
):
    """The digest and card are consistent, but the archive asks for a function nobody
    trusted: the refusal names it and nothing is built."""
    payload, _, card_text, _ = _row(workspace_path, "m1")
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    schema_text = json.loads(files["schema.json"])
    schema_text["content"]["content"]["memory"] = {
        "__class__": "system",
        "__module__": "os",
        "__loader__": "FunctionNode",
    }
    files["schema.json"] = json.dumps(schema_text).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    crafted = buffer.getvalue()
    card = json.loads(card_text)
    card["sha256"] = model_digest(crafted, card)
    _sql(
        workspace_path,
        "UPDATE models SET payload = ?, card = ?, sha256 = ? WHERE name = 'm1'",
        crafted,
        json.dumps(card),
        card["sha256"],
    )
    with pytest.raises(ModelIntegrityError, match=r"does not trust \(os\.system\)"):
        load_model(workspace)
    assert "os.system" in persist.verify_model(workspace, "m1")
    assert never_unpickle == []


def test_a_model_that_needs_an_untrusted_type_is_not_stored(workspace, trained, snapshot):
    class Unknown(LogisticRegression):
        pass

    before = snapshot(workspace)
    with pytest.raises(CurriculumError, match="does not load .*Unknown"):
        save_model(workspace, type(trained)(Unknown(), trained.card), "odd")
    assert snapshot(workspace) == before


# -- installing model files ------------------------------------------------------------------


def _write_card(path, card):
    path.write_text(json.dumps(card), encoding="utf-8")


def test_genuine_files_install_and_load(workspace, saved):
    _, model_file, _ = saved
    stored = install_model_files(workspace, model_file, "copy", activate=False)
    assert not stored.active and stored.card["name"] == "copy"
    # Renamed, so sealed again: the new digest covers the new name.
    assert stored.sha256 == model_digest(model_file.read_bytes(), stored.card)
    assert load_model(workspace, "copy").card["name"] == "copy"
    # m1 is the active model: a candidate of the same name would leave none, so it is
    # refused; installed as the active model it is the same model again
    with pytest.raises(CurriculumError, match="cannot replace it under the same name"):
        install_model_files(workspace, model_file, activate=False)
    assert install_model_files(workspace, model_file).sha256 == saved[0].sha256


@pytest.mark.parametrize(
    "case",
    [
        "foreign",
        "pickle",
        "edited-card",
        "versions",
        "features",
        "no-card",
        "bad-json",
        "joblib-file",
    ],
)
def test_refused_files_change_nothing(workspace, saved, tmp_path, snapshot, never_unpickle, case):
    _, model_file, card_file = saved
    card = json.loads(card_file.read_text("utf-8"))
    folder = tmp_path / "incoming"
    folder.mkdir()
    target = folder / "model.skops"
    target.write_bytes(model_file.read_bytes())

    def consistent(changed):  # a card whose digest was recomputed by whoever changed it
        return {**changed, "sha256": model_digest(target.read_bytes(), changed)}

    if case == "foreign":
        # Another scikit-learn model beside the real card: the digest gives it away.
        target.write_bytes(persist.model_bytes(LogisticRegression().fit([[0.0], [1.0]], [0, 1])))
        _write_card(target.with_suffix(".json"), card)
        expected = "altered"
    elif case == "pickle":
        # A joblib pickle with a recomputed card: never unpickled, whatever its digest.
        joblib.dump(LogisticRegression(), target, compress=3)
        _write_card(target.with_suffix(".json"), consistent(card))
        expected = "stored as a pickle .* retrain it with 'train'"
    elif case == "edited-card":
        better = {**card, "metrics": {**card["metrics"], "ceiling_auc": 0.5}}
        _write_card(target.with_suffix(".json"), better)
        expected = "or its card was altered"
    elif case == "versions":
        _write_card(
            target.with_suffix(".json"),
            consistent(
                {**card, "library_versions": {**card["library_versions"], "scikit-learn": "1.2.0"}}
            ),
        )
        expected = r"scikit-learn 1\.2\.0 \(this installation has"
    elif case == "features":
        features = {
            "categorical": card["features"]["categorical"],
            "numeric": card["features"]["numeric"][:-1],
        }
        _write_card(target.with_suffix(".json"), consistent({**card, "features": features}))
        expected = "different features"
    elif case == "no-card":
        expected = r"model\.json is missing"
    elif case == "bad-json":
        target.with_suffix(".json").write_text("{not json", encoding="utf-8")
        expected = "not a model card"
    else:
        target = target.with_suffix(".joblib")
        joblib.dump(LogisticRegression(), target)
        expected = r"model\.joblib: it is a pickle .* retrain the model with 'train'"
    before = snapshot(workspace)
    with pytest.raises(ModelIntegrityError, match=expected):
        install_model_files(workspace, target)
    assert snapshot(workspace) == before
    assert never_unpickle == []


@pytest.mark.parametrize("card", [[], {"features": None}])
def test_a_card_that_is_not_an_object_is_refused(workspace, saved, tmp_path, card):
    _, model_file, _ = saved
    target = tmp_path / "odd.skops"
    target.write_bytes(model_file.read_bytes())
    if isinstance(card, dict):
        card = {**json.loads(saved[2].read_text("utf-8")), **card}
    _write_card(target.with_suffix(".json"), card)
    with pytest.raises(ModelIntegrityError):
        install_model_files(workspace, target)


# -- the shipped default model ---------------------------------------------------------------


def test_the_shipped_card_describes_the_shipped_model():
    path = default_model_path()
    assert path is not None and path.name == f"{DEFAULT_MODEL}.skops"
    card = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert card["sha256"] == model_digest(path.read_bytes(), card) == DEFAULT_MODEL_SHA256
    assert card["name"] == DEFAULT_MODEL and card["target"] == "l3"
    assert card["features"] == {
        "categorical": list(CATEGORICAL_COLUMNS),
        "numeric": list(NUMERIC_COLUMNS),
    }
    metrics = card["metrics"]
    model, ceiling = metrics["model"], metrics["ceiling_auc"]
    # The target: 95 % of the way from chance to the ground truth, and calibrated.
    assert model["auc"] >= 0.5 + 0.95 * (ceiling - 0.5)
    assert model["ece"] < 0.03
    assert model["auc"] > max(b["auc"] for b in metrics["baselines"].values())
    assert card["training_data"].startswith("simulated")


def test_the_shipped_model_installs_in_this_environment(workspace):
    stored = install_model_files(workspace, default_model_path())
    assert stored.name == DEFAULT_MODEL and stored.active
    assert load_model(workspace).sha256 == stored.sha256 == DEFAULT_MODEL_SHA256


def test_verify_and_list_never_deserialise(sim_workspace, never_unpickle):
    assert persist.verify_model(sim_workspace, "default") is None
    assert "no model named" in persist.verify_model(sim_workspace, "nope")
    assert [m.name for m in list_models(sim_workspace)] == ["default"]
    assert never_unpickle == []
