"""Models at rest: the card matches the bytes, and altered or foreign files are refused
before anything is unpickled."""

import hashlib
import json
import sqlite3

import joblib
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from curriculum_tool.catalog import DEFAULT_MODEL, default_model_path
from curriculum_tool.errors import CurriculumError, ModelIntegrityError
from curriculum_tool.model import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS
from curriculum_tool.model import persist
from curriculum_tool.model.persist import (
    activate_model,
    install_model_files,
    list_models,
    load_model,
    save_model,
)
from curriculum_tool.model.versions import library_versions


def _sha(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _row(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT payload, sha256, card, active FROM models WHERE name = ?",
                            (name,)).fetchone()
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
    """Fail the test if joblib.load is called from persist."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError("joblib.load was called on a refused model")

    monkeypatch.setattr(persist.joblib, "load", refuse)
    return calls


@pytest.fixture
def saved(workspace, trained, tmp_path):
    """The trained model saved as 'm1' into the mini workspace and into tmp/models."""
    stored = save_model(workspace, trained, "m1", directory=tmp_path / "models")
    return stored, tmp_path / "models" / "m1.joblib", tmp_path / "models" / "m1.json"


# -- the card matches the model -------------------------------------------------------------


def test_card_matches_the_stored_and_written_model(workspace, workspace_path, saved, trained,
                                                   sim_training_set):
    stored, model_file, card_file = saved
    payload, sha256, card_text, active = _row(workspace_path, "m1")
    card = json.loads(card_text)
    assert card["sha256"] == sha256 == _sha(payload) == _sha(model_file.read_bytes())
    assert json.loads(card_file.read_text("utf-8")) == card == stored.card
    assert stored.sha256 == sha256 and stored.active and active
    assert card["name"] == "m1" and card["target"] == "l3"
    data = card["data"]
    assert data["rows"] == len(sim_training_set)
    assert data["first_date"] == str(sim_training_set.date.min())
    assert data["last_date"] == str(sim_training_set.date.max())
    assert data["sha256"] == sim_training_set.data_sha256
    assert card["features"] == {"categorical": list(CATEGORICAL_COLUMNS),
                                "numeric": list(NUMERIC_COLUMNS)}
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


def test_loaded_model_predicts_like_the_trained_one(workspace, saved, trained,
                                                    sim_training_set):
    loaded = load_model(workspace)
    assert loaded.name == "m1" and loaded.sha256 == saved[0].sha256
    sample = sim_training_set.features.iloc[:200]
    np.testing.assert_array_equal(loaded.estimator.predict_proba(sample),
                                  trained.model.predict_proba(sample))


def test_list_and_activate_models(workspace, trained):
    save_model(workspace, trained, "m1")
    save_model(workspace, trained, "m2")
    assert {m.name: m.active for m in list_models(workspace)} == {"m1": False, "m2": True}
    assert load_model(workspace).name == "m2"
    activate_model(workspace, "m1")
    assert {m.name: m.active for m in list_models(workspace)} == {"m1": True, "m2": False}
    assert load_model(workspace).name == "m1" and load_model(workspace, "m2").name == "m2"
    with pytest.raises(CurriculumError, match="no model named 'nope'"):
        activate_model(workspace, "nope")
    with pytest.raises(CurriculumError, match="no model named 'nope'"):
        load_model(workspace, "nope")
    assert [m.name for m in list_models(workspace) if m.active] == ["m1"]
    save_model(workspace, trained, "m3", activate=False)
    assert [m.name for m in list_models(workspace) if m.active] == ["m1"]
    save_model(workspace, trained, "m1")           # same name: replaced, still one row
    assert sorted(m.name for m in list_models(workspace)) == ["m1", "m2", "m3"]


def test_bad_model_name_is_refused_and_nothing_is_stored(workspace, trained, tmp_path,
                                                         snapshot):
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


def test_a_flipped_payload_byte_is_refused_without_unpickling(workspace, workspace_path,
                                                              saved, never_unpickle):
    payload = bytearray(_row(workspace_path, "m1")[0])
    payload[len(payload) // 2] ^= 0x01
    _sql(workspace_path, "UPDATE models SET payload = ? WHERE name = 'm1'", bytes(payload))
    with pytest.raises(ModelIntegrityError, match="altered.*not loaded"):
        load_model(workspace)
    with pytest.raises(ModelIntegrityError):
        load_model(workspace, "m1")
    assert never_unpickle == []


def test_payload_and_hash_replaced_but_not_the_card_is_refused(workspace, workspace_path,
                                                               saved, never_unpickle):
    foreign = persist.model_bytes(LogisticRegression())
    _sql(workspace_path, "UPDATE models SET payload = ?, sha256 = ? WHERE name = 'm1'",
         foreign, _sha(foreign))
    with pytest.raises(ModelIntegrityError, match="card describes another file"):
        load_model(workspace)
    assert never_unpickle == []


def test_stored_card_with_other_library_versions_is_refused(workspace, workspace_path, saved,
                                                            never_unpickle):
    card = json.loads(_row(workspace_path, "m1")[2])
    card["library_versions"]["scikit-learn"] = "1.2.0"
    _sql(workspace_path, "UPDATE models SET card = ? WHERE name = 'm1'", json.dumps(card))
    with pytest.raises(ModelIntegrityError, match="scikit-learn 1.2.0"):
        load_model(workspace)
    assert never_unpickle == []


# -- installing model files ------------------------------------------------------------------


def _write_card(path, card):
    path.write_text(json.dumps(card), encoding="utf-8")


def test_genuine_files_install_and_load(workspace, saved):
    _, model_file, _ = saved
    stored = install_model_files(workspace, model_file, "copy", activate=False)
    assert stored.sha256 == saved[0].sha256 and not stored.active
    assert load_model(workspace, "copy").card["name"] == "copy"


@pytest.mark.parametrize("case", ["foreign", "versions", "features", "no-card", "bad-json"])
def test_refused_files_change_nothing(workspace, saved, tmp_path, snapshot, never_unpickle,
                                      case):
    _, model_file, card_file = saved
    card = json.loads(card_file.read_text("utf-8"))
    folder = tmp_path / "incoming"
    folder.mkdir()
    target = folder / "model.joblib"
    target.write_bytes(model_file.read_bytes())
    if case == "foreign":
        # Another scikit-learn pickle beside the real card: the hash gives it away.
        joblib.dump(LogisticRegression().fit([[0.0], [1.0]], [0, 1]), target)
        _write_card(target.with_suffix(".json"), card)
        expected = "altered or is not the recorded file"
    elif case == "versions":
        _write_card(target.with_suffix(".json"),
                    {**card, "library_versions": {**card["library_versions"],
                                                  "scikit-learn": "1.2.0"}})
        expected = r"scikit-learn 1\.2\.0 \(this installation has"
    elif case == "features":
        features = {"categorical": card["features"]["categorical"],
                    "numeric": card["features"]["numeric"][:-1]}
        _write_card(target.with_suffix(".json"), {**card, "features": features})
        expected = "different features"
    elif case == "no-card":
        expected = r"model\.json is missing"
    else:
        target.with_suffix(".json").write_text("{not json", encoding="utf-8")
        expected = "not a model card"
    before = snapshot(workspace)
    with pytest.raises(ModelIntegrityError, match=expected):
        install_model_files(workspace, target)
    assert snapshot(workspace) == before
    assert never_unpickle == []


@pytest.mark.parametrize("card", [[], {"features": None}])
def test_a_card_that_is_not_an_object_is_refused(workspace, saved, tmp_path, card):
    _, model_file, _ = saved
    target = tmp_path / "odd.joblib"
    target.write_bytes(model_file.read_bytes())
    if isinstance(card, dict):
        card = {**json.loads(saved[2].read_text("utf-8")), **card}
    _write_card(target.with_suffix(".json"), card)
    with pytest.raises(ModelIntegrityError):
        install_model_files(workspace, target)


# -- the shipped default model ---------------------------------------------------------------


def test_the_shipped_card_describes_the_shipped_model():
    path = default_model_path()
    assert path is not None and path.name == f"{DEFAULT_MODEL}.joblib"
    card = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert card["sha256"] == _sha(path.read_bytes())
    assert card["name"] == DEFAULT_MODEL and card["target"] == "l3"
    assert card["features"] == {"categorical": list(CATEGORICAL_COLUMNS),
                                "numeric": list(NUMERIC_COLUMNS)}
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
    assert load_model(workspace).sha256 == stored.sha256


def test_verify_model_names_the_reason_without_unpickling(sim_workspace, monkeypatch):
    import curriculum_tool.model.persist as persist
    from curriculum_tool.store import schema

    monkeypatch.setattr(persist.joblib, "load",
                        lambda *a, **k: pytest.fail("verify_model must not unpickle"))
    assert persist.verify_model(sim_workspace, "default") is None
    assert "no model named" in persist.verify_model(sim_workspace, "nope")
