"""A stored model that would run code when loaded never does (issue 12).

Two payloads that write a marker file when they are deserialised: a joblib pickle
(``__reduce__``) and a skops archive of a genuine model carrying an object of a type
whose rebuilding writes the file. Each is stored as a workspace's active model and as
the shipped ``models/default.skops``, with a recomputed digest and a plausible card, as
someone who can write the ``models`` table or the install folder could. ``recommend``,
``score``, ``init`` and the GUI start refuse it in one clear line; the marker never
appears.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

import joblib
import pytest
import skops.io as sio
from helpers import isolated_qsettings

from curriculum_tool import shipped_files
from curriculum_tool.catalog import DEFAULT_MODEL, create_workspace, default_model_path
from curriculum_tool.cli import main
from curriculum_tool.model.persist import TRUSTED_TYPES, list_models, model_digest
from curriculum_tool.model.shipped import DEFAULT_MODEL_SHA256
from curriculum_tool.store import Workspace

DEMO = "DEMO-001"


class WritesFile:
    """Writes the file at ``path`` as it is rebuilt: what a malicious model would do."""

    def __init__(self, path: Path):
        self.path = str(path)

    def __setstate__(self, state):  # skops rebuilds objects through this
        Path(state["path"]).write_text("ran", encoding="utf-8")
        self.__dict__.update(state)

    def __reduce__(self):  # pickle rebuilds objects through this
        return (Path.write_text, (Path(self.path), "ran"))


def pickle_payload(marker: Path) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(WritesFile(marker), buffer, compress=3)
    return buffer.getvalue()


def skops_payload(marker: Path) -> bytes:
    """The shipped model, genuine in every way but one hidden attribute."""
    model = sio.loads(default_model_path().read_bytes(), trusted=list(TRUSTED_TYPES))
    model.steps[-1][1].calibration_notes = WritesFile(marker)
    return sio.dumps(model)


PAYLOADS = {"pickle": pickle_payload, "skops": skops_payload}
REASONS = {
    "pickle": r"is stored as a pickle \(an older curriculum-tool format that can run "
    r"code when loaded\); it was not loaded: retrain it with 'train'",
    "skops": r"was refused: it refers to code curriculum-tool does not trust "
    rf"\({re.escape(WritesFile.__module__)}\.WritesFile\); it was not loaded",
}
#: The same reasons as the app shows them, in Indonesian.
REASONS_ID = {
    "pickle": r"tersimpan sebagai pickle \(format lama curriculum-tool yang dapat menjalankan "
    r"kode saat dimuat\); model tidak dimuat: latih ulang dengan 'train'",
    "skops": r"ditolak: berkas ini merujuk ke kode yang tidak dipercaya curriculum-tool "
    rf"\({re.escape(WritesFile.__module__)}\.WritesFile\); model tidak dimuat",
}


def shipped_card(name: str, payload: bytes) -> dict:
    """The shipped card under ``name``, sealed again for ``payload``: plausible in full."""
    card = json.loads(default_model_path().with_suffix(".json").read_text("utf-8"))
    card = {**card, "name": name, "created": "2026-12-07T08:00:00+00:00"}
    return {**card, "sha256": model_digest(payload, card)}


@pytest.fixture(params=sorted(PAYLOADS))
def kind(request) -> str:
    return request.param


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "ran-code.txt"


@pytest.fixture
def payload(kind, marker) -> bytes:
    return PAYLOADS[kind](marker)


def test_the_payloads_do_run_code_when_deserialised_naively(kind, tmp_path):
    """Without curriculum-tool's checks each payload writes its file: the tests below
    refuse something real."""
    control = tmp_path / "control.txt"
    payload = PAYLOADS[kind](control)
    if kind == "pickle":
        joblib.load(io.BytesIO(payload))
    else:
        sio.loads(payload, trusted=sio.get_untrusted_types(data=payload))
    assert control.read_text("utf-8") == "ran"


def plant(workspace_path: Path, name: str, payload: bytes) -> None:
    """Store ``payload`` as the active model ``name``, as a writer of the table could."""
    card = shipped_card(name, payload)
    conn = sqlite3.connect(workspace_path)
    try:
        with conn:
            conn.execute("DELETE FROM models WHERE name = ?", (name,))
            conn.execute("UPDATE models SET active = 0")
            conn.execute(
                "INSERT INTO models (name, sha256, card, payload, created, active) "
                "VALUES (?, ?, ?, ?, ?, 1)",
                (name, card["sha256"], json.dumps(card), payload, card["created"]),
            )
    finally:
        conn.close()


@pytest.fixture
def planted(tmp_path, payload) -> Path:
    """The shipped catalog and default model, plus the payload as active model 'evil'."""
    path = tmp_path / "w.sqlite"
    create_workspace(path).close()
    plant(path, "evil", payload)
    return path


@contextmanager
def cli_logging():
    """Let the CLI configure logging as it does outside pytest (its warnings to stderr)."""
    root = logging.getLogger()
    kept = root.handlers[:]
    for handler in kept:
        root.removeHandler(handler)
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
        for handler in kept:
            root.addHandler(handler)


def run(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    with cli_logging():
        code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- the workspace's active model ------------------------------------------------------------


def test_recommend_refuses_the_planted_model(capsys, planted, kind, marker):
    code, out, err = run(capsys, "recommend", planted, DEMO)
    assert code == 2 and out == ""
    line = one_line(err)
    assert line.startswith("error: model 'evil' ")
    assert re.search(REASONS[kind], line)
    assert not marker.exists()


def test_score_refuses_the_planted_model(capsys, planted, kind, marker, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"learner,module\n{DEMO},LD-101\n", encoding="utf-8")
    code, out, err = run(capsys, "score", planted, pairs, "--out", tmp_path / "out.csv")
    assert code == 2 and out == ""
    line = one_line(err)
    assert line.startswith("error: model 'evil' ")
    assert re.search(REASONS[kind], line)
    assert not (tmp_path / "out.csv").exists()
    assert not marker.exists()


# -- the shipped default model, replaced beside the package ------------------------------


def test_init_refuses_a_replaced_default_model(capsys, payload, marker, tmp_path, monkeypatch):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / f"{DEFAULT_MODEL}.skops").write_bytes(payload)
    card = shipped_card(DEFAULT_MODEL, payload)
    (folder / f"{DEFAULT_MODEL}.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setattr(shipped_files, "default_model_path", lambda: folder / "default.skops")
    target = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "init", target)
    assert code == 0 and out.startswith("created workspace")
    line = one_line(err)
    assert line.startswith(
        "WARNING: the shipped default model was not installed: "
        "models/default.skops does not match the digest recorded in "
        f"curriculum_tool ({card['sha256'][:12]}…, recorded "
        f"{DEFAULT_MODEL_SHA256[:12]}…); reinstall curriculum-tool"
    )
    with Workspace.open(target) as workspace:
        assert list_models(workspace) == []
        assert workspace.count("modules") > 100  # the workspace itself is there
    assert not marker.exists()


# -- a workspace from older versions ---------------------------------------------------------


def test_a_pickled_active_default_is_replaced_by_the_shipped_one_unloaded(capsys, tmp_path, marker):
    path = tmp_path / "old.sqlite"
    create_workspace(path).close()
    plant(path, DEFAULT_MODEL, pickle_payload(marker))  # what an older version stored
    code, out, err = run(capsys, "recommend", path, DEMO)
    assert code == 0, err
    assert f"Learning path for {DEMO}" in out and "model default" in out
    assert one_line(err) == (
        "WARNING: model 'default' was stored as a pickle by an older "
        "curriculum-tool; it was replaced by the verified shipped "
        "default model"
    )
    with Workspace.open(path) as workspace:
        models = list_models(workspace)
    assert [(m.name, m.active, m.sha256) for m in models] == [
        (DEFAULT_MODEL, True, DEFAULT_MODEL_SHA256)
    ]
    assert run(capsys, "recommend", path, DEMO)[2] == ""  # once
    assert not marker.exists()


# -- the desktop app -------------------------------------------------------------------------


@pytest.fixture
def _isolated_settings(tmp_path_factory):
    """Recent workspaces and other QSettings go to a throwaway folder, not the user's."""
    from PySide6.QtCore import QSettings

    isolated_qsettings(tmp_path_factory.mktemp("settings"))
    yield
    QSettings().clear()


def test_the_app_starts_and_shows_the_model_refused(
    capsys, planted, kind, marker, tmp_path, qapp, monkeypatch, _isolated_settings
):
    from curriculum_tool.gui import app as app_module

    seen = {}
    real_show_example = app_module._show_example

    def show_example(window, tab, app):
        """Before the screenshot: let the paths tab finish loading its model, then look."""
        deadline = time.monotonic() + 60
        while window.paths._loading and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        models = window.model_tab
        rows = {models.list.item(r, 0).text(): r for r in range(models.list.rowCount())}
        seen["listed"] = models.list.item(rows["evil"], 0).toolTip()
        seen["default"] = models.refusal_reason(models.model_named(DEFAULT_MODEL))
        seen["paths"] = (
            window.paths._loading,
            window.paths.recommender,
            window.paths._load_problem,
        )
        real_show_example(window, tab, app)

    monkeypatch.setattr(app_module, "_show_example", show_example)
    png = tmp_path / "shot.png"
    code, out, err = run(capsys, "gui", planted, "--tab", "model", "--screenshot", png)
    assert code == 0 and png.is_file()
    assert out.strip() == f"screenshot saved to {png} (offscreen)" and err == ""
    assert re.search(REASONS_ID[kind], seen["listed"])  # the app speaks Indonesian
    assert seen["default"] is None  # the shipped model is not refused
    loading, recommender, problem = seen["paths"]
    assert not loading and recommender is None
    assert re.search(REASONS_ID[kind], problem) and "\n" not in problem
    assert not marker.exists()
