"""What the model area says to people, in English and in Bahasa Indonesia.

Every refusal (a stored model, a training run's options, too little data, a pair to
score), every training stage and every line of the card a person reads is a message: its
English is what the command line has always printed, and the app renders its Indonesian.
The stored card keeps its English byte for byte (its digest covers it); the Indonesian is
read from it at display time.
"""

from __future__ import annotations

import json
import pickle
import sqlite3

import pytest

from curriculum_tool.catalog import create_workspace, default_model_path
from curriculum_tool.errors import (
    CurriculumError,
    ModelIntegrityError,
    ValidationError,
    describe,
)
from curriculum_tool.messages import Message
from curriculum_tool.model import persist
from curriculum_tool.model.card_text import (
    CARD_FIELDS,
    SAID as CARD_SAID,
    calibration_bin,
    card_text,
    card_texts,
)
from curriculum_tool.model.dataset import label, training_set
from curriculum_tool.model.persist import load_model, model_digest, save_model
from curriculum_tool.model.report import metrics_lines, metrics_text
from curriculum_tool.model.score import score_file
from curriculum_tool.model.train import STAGE_LABELS, STAGES, TrainingCancelled, train_set
from curriculum_tool.model.training import read_truth, train_and_store
from curriculum_tool.model.versions import version_mismatches


def _shipped_card() -> dict:
    path = default_model_path()
    assert path is not None
    return json.loads(path.with_suffix(".json").read_text("utf-8"))


def _refusal(call, *args, error=CurriculumError, **kwargs) -> CurriculumError:
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    return caught.value


def _indonesian(error: BaseException) -> str:
    """The refusal as the app shows it; it must differ from the English it keeps."""
    text = describe(error, "id")
    assert text != describe(error, "en") == str(error)
    return text


# -- refusals of stored models --------------------------------------------------------------


def test_an_altered_model_is_refused_in_indonesian_too(workspace, workspace_path, trained):
    save_model(workspace, trained, "m1")
    conn = sqlite3.connect(workspace_path)
    try:
        with conn:
            payload = bytearray(
                conn.execute("SELECT payload FROM models WHERE name = 'm1'").fetchone()[0]
            )
            payload[len(payload) // 2] ^= 0x01
            conn.execute("UPDATE models SET payload = ? WHERE name = 'm1'", (bytes(payload),))
    finally:
        conn.close()
    error = _refusal(load_model, workspace, error=ModelIntegrityError)
    assert str(error).startswith("model 'm1' or its card was altered: their SHA-256 is ")
    text = _indonesian(error)
    assert text.startswith("model 'm1' atau kartunya telah diubah: SHA-256 keduanya ")
    assert text.endswith("; model tidak dimuat")
    # verify_model gives the same message, so the app can show it in its language
    reason = persist.verify_model(workspace, "m1")
    assert isinstance(reason, Message) and reason == str(error)
    assert reason.render("id") == text


def test_a_model_of_other_library_versions_names_them_in_indonesian(
    workspace, workspace_path, trained
):
    save_model(workspace, trained, "m1")
    conn = sqlite3.connect(workspace_path)
    try:
        payload, card_json = conn.execute(
            "SELECT payload, card FROM models WHERE name = 'm1'"
        ).fetchone()
        card = json.loads(card_json)
        card["library_versions"]["scikit-learn"] = "1.2.0"
        del card["library_versions"]["numpy"]
        card["sha256"] = model_digest(payload, card)
        with conn:
            conn.execute(
                "UPDATE models SET card = ?, sha256 = ? WHERE name = 'm1'",
                (json.dumps(card), card["sha256"]),
            )
    finally:
        conn.close()
    reason = persist.verify_model(workspace, "m1")
    assert "scikit-learn 1.2.0 (this installation has " in reason
    assert "numpy unknown (this installation has " in reason
    indonesian = reason.render("id")
    assert "scikit-learn 1.2.0 (instalasi ini memakai " in indonesian
    assert "numpy tidak diketahui (instalasi ini memakai " in indonesian
    assert indonesian.startswith("model 'm1' dilatih dengan scikit-learn 1.2.0")


def test_version_mismatches_are_messages():
    mismatch = version_mismatches({"scikit-learn": "0.1.0", "numpy": "99.0"})[0]
    assert mismatch.startswith("scikit-learn 0.1.0 (this installation has ")
    assert "(instalasi ini memakai " in mismatch.render("id")


def test_refusals_of_model_names_and_missing_models_read_in_indonesian(workspace, trained):
    bad_name = _refusal(save_model, workspace, trained, "-bad name")
    assert _indonesian(bad_name).startswith("nama model '-bad name' harus berupa huruf")
    missing = _refusal(persist.activate_model, workspace, "nope")
    assert str(missing) == "no model named 'nope' in this workspace"
    assert _indonesian(missing) == "tidak ada model bernama 'nope' di ruang kerja ini"
    assert persist.verify_model(workspace, "nope").render("id") == _indonesian(missing)


def test_a_pickle_file_is_refused_at_install_in_indonesian(workspace, tmp_path):
    target = tmp_path / "old.joblib"
    target.write_bytes(b"\x80\x04")
    error = _refusal(persist.install_model_files, workspace, target, error=ModelIntegrityError)
    text = _indonesian(error)
    assert text.startswith("old.joblib tidak dapat dipasang: berkas ini berformat pickle")
    assert text.endswith("latih ulang model dengan 'train'")


def test_a_refusal_keeps_its_indonesian_across_processes(workspace):
    error = _refusal(persist.activate_model, workspace, "nope")
    copy = pickle.loads(pickle.dumps(error))
    assert describe(copy, "id") == describe(error, "id")


# -- training ---------------------------------------------------------------------------------


def test_training_refusals_read_in_indonesian(workspace, tmp_path):
    assert _indonesian(_refusal(train_and_store, workspace, target="l4")).startswith(
        "sasaran 'l4' tidak dikenal"
    )
    seed = _refusal(train_and_store, workspace, seed=-1)
    assert str(seed) == "seed -1 must be a whole number from 0 to 4294967295"
    assert _indonesian(seed) == "seed -1 harus berupa bilangan bulat dari 0 sampai 4.294.967.295"
    truth = tmp_path / "truth.csv"
    truth.write_text("learner,module\nA,B\n", encoding="utf-8")
    not_truth = _refusal(read_truth, truth, "l3")
    assert _indonesian(not_truth) == (
        "truth.csv bukan berkas peluang sebenarnya dari simulator: kolom date, p_success tidak ada"
    )
    unreadable = _refusal(read_truth, tmp_path / "nowhere.csv", "l3")
    assert _indonesian(unreadable).startswith("berkas peluang sebenarnya nowhere.csv tidak dapat")
    few = _refusal(train_and_store, workspace)  # the mini workspace has 3 outcomes
    assert _indonesian(few).startswith("hanya ada 3 hasil pelatihan berlabel")
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as empty:
        nothing = _refusal(training_set, empty)
    assert _indonesian(nothing).startswith(
        "ruang kerja ini tidak memiliki hasil pelatihan berlabel untuk melatih model"
    )
    assert _indonesian(_refusal(label, None, "l4")).startswith("sasaran 'l4' tidak dikenal")


def test_too_little_data_is_refused_in_indonesian(sim_training_set):
    few = sim_training_set
    small = type(few)(
        few.features.iloc[:150],
        few.label[:150],
        few.learner[:150],
        few.date[:150],
        few.target,
        few.unlabelled,
        few.data_sha256,
    )
    error = _refusal(train_set, small)
    assert str(error).startswith("only 150 labelled outcomes; training needs at least 200")
    assert _indonesian(error).startswith("hanya ada 150 hasil pelatihan berlabel")


def test_a_cancelled_run_says_so_in_indonesian(sim_training_set):
    error = _refusal(train_set, sim_training_set, cancelled=lambda: True, error=TrainingCancelled)
    assert str(error) == "training cancelled; nothing was stored"
    assert _indonesian(error) == "pelatihan model dibatalkan; tidak ada yang disimpan"


def test_every_stage_has_an_indonesian_label():
    assert list(STAGE_LABELS) == list(STAGES)
    for stage in STAGES:
        label_ = STAGE_LABELS[stage]
        assert isinstance(label_, Message) and label_.render("id") != str(label_)
    assert str(STAGE_LABELS["fit_model"]) == "fitting the model"  # the CLI's progress line
    assert STAGE_LABELS["fit_model"].render("id") == "melatih model"


# -- scoring ----------------------------------------------------------------------------------


def test_unknown_pairs_are_reported_in_indonesian(sim_workspace, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("learner,module\nNOBODY,NOWHERE\n", encoding="utf-8")
    error = _refusal(score_file, sim_workspace, pairs, tmp_path / "out.csv", error=ValidationError)
    assert error.report() == (
        "pairs.csv:2:learner: unknown learner (not in this workspace's learners)\n"
        "pairs.csv:2:module: unknown module 'NOWHERE'"
    )
    assert error.report(lang="id").splitlines() == [
        "pairs.csv:2:learner: peserta tidak dikenal (tidak ada dalam daftar peserta ruang "
        "kerja ini)",
        "pairs.csv:2:module: modul 'NOWHERE' tidak dikenal",
    ]


# -- the card ---------------------------------------------------------------------------------


def test_a_trained_card_stores_english_that_reads_back_as_messages(trained):
    card = json.loads(json.dumps(trained.card))  # as stored: plain JSON
    assert card["target_meaning"] == "completed and applied at work (l3 = 1)"
    assert card["evaluation"]["split"].startswith("held-out learners, enrolments on or after")
    # which estimator depends on the data (model.selection); its card text says which
    trees = card["selection"]["chosen"] == "gradient_boosting"
    if trees:
        assert card["estimator"].endswith(") on category codes and numbers")
    else:
        assert card["estimator"].startswith("LogisticRegression on one-hot categories")
    texts = card_texts(card)
    assert set(texts) == {
        "target_meaning",
        "evaluation.split",
        "estimator",
        "intended_use",
        "limits",
    }
    for field, text in texts.items():
        assert isinstance(text, Message), field
        assert text == card_text(trained.card, field)  # what was written is what is read
        assert text.render("id") != str(text), field
    assert ("iterasi" if trees else "kategori one-hot") in texts["estimator"].render("id")


def test_the_shipped_card_keeps_its_digest_and_reads_in_indonesian():
    card = _shipped_card()
    path = default_model_path()
    assert card["sha256"] == model_digest(path.read_bytes(), card)  # stored text unchanged
    texts = card_texts(card)
    assert set(texts) == set(CARD_FIELDS)
    assert all(isinstance(text, Message) for text in texts.values())
    # tools/build_default_model.py writes these two from the same catalogue
    assert card["training_data"] == CARD_SAID("training_data_simulated", learners=20000, seed=0)
    assert texts["training_data"].render("id").startswith("simulasi: 20.000 peserta sintetis")
    assert texts["feature_notes"] == CARD_SAID("feature_notes_hazards")


def test_text_this_version_did_not_write_is_shown_as_stored():
    card = {
        "target_meaning": "passed the exam",
        "estimator": "RandomForest(100 trees)",
        "training_data": "simulated: lots of synthetic learners",
        "evaluation": {"split": 7},
    }
    assert card_text(card, "target_meaning") == "passed the exam"
    assert not isinstance(card_text(card, "target_meaning"), Message)
    assert not isinstance(card_text(card, "estimator"), Message)
    assert not isinstance(card_text(card, "training_data"), Message)
    assert card_text(card, "evaluation.split") == "7"
    assert card_text(card, "limits") == ""
    assert calibration_bin("0.3–0.4").render("id") == "0,3–0,4"
    assert calibration_bin("0.35–0.4") == "0.35–0.4"


def test_the_metrics_report_in_indonesian_keeps_its_layout():
    card = _shipped_card()
    english = metrics_text(card).splitlines()
    indonesian = metrics_text(card, lang="id").splitlines()
    assert len(english) == len(indonesian) == len(metrics_lines(card))
    assert english[0].startswith("target: completed and applied at work (l3 = 1); trained on ")
    assert indonesian[0].startswith("sasaran: selesai dan diterapkan di tempat kerja (l3 = 1)")
    assert f"{card['data']['rows']:,}".replace(",", ".") in indonesian[0]
    model_row = indonesian[4]
    auc = f"{card['metrics']['model']['auc']:6.3f}"
    assert model_row.startswith("model yang dilatih") and auc.replace(".", ",") in model_row
    assert english[4] == f"{'model':32} {auc}" + english[4][39:]
    assert english[3] == indonesian[3]  # the metrics' names: the same in both
    # each line of the Indonesian table starts its numbers in the same column
    assert indonesian[4].index(",") == english[4].index(".")
