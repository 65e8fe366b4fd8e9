"""The import contracts of pyproject.toml, run as tests: the core never imports Qt, the
packages form layers without an import circle, and drawing a path PDF never loads the
desktop app (the CLI's ``report`` included)."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = (
    "The core never imports Qt",
    "Layers: domain < store < graph < edit < releases < io < index < model < catalog",
    "The PDF renderer is a leaf of the GUI",
)


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed in this environment (pip install -e .[test])")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout
    flat = " ".join(result.stdout.split())
    for name in CONTRACTS:
        assert name in flat, name


def test_the_layers_are_those_of_the_architecture():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    assert layers["containers"] == ["curriculum_tool"]
    assert layers["exhaustive"] is True  # every new top-level module must be placed
    order = [name for layer in reversed(layers["layers"]) for name in layer.split()]
    order = [name for name in order if name != "|"]
    for lower, upper in (
        ("domain", "store"),
        ("store", "graph"),
        ("graph", "io"),
        ("io", "index"),
        ("index", "model"),
        ("model", "simulate"),
        ("model", "recommend"),
        ("model", "report"),
        ("report", "gui"),
        ("report", "cli"),
    ):
        assert order.index(lower) < order.index(upper), (lower, upper)


def test_core_modules_import_without_qt_loaded():
    code = (
        "import sys\n"
        "import curriculum_tool.cli, curriculum_tool.catalog, curriculum_tool.io, "
        "curriculum_tool.store, curriculum_tool.graph, curriculum_tool.report.path_document\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_report_command_draws_pdfs_without_the_app(tmp_path):
    """``report --learner`` renders with its own QGuiApplication: no widgets, no app."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from curriculum_tool.cli import main\n"
        "w, out = Path(sys.argv[1]) / 'w.sqlite', Path(sys.argv[1]) / 'p.pdf'\n"
        "assert main(['init', str(w)]) == 0\n"
        "assert main(['recommend', str(w), 'DEMO-001', '--save']) == 0\n"
        "assert main(['report', str(w), '--learner', 'DEMO-001', '--out', str(out)]) == 0\n"
        "assert out.read_bytes().startswith(b'%PDF')\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert type(QCoreApplication.instance()).__name__ == 'QGuiApplication'\n"
        "loaded = {'curriculum_tool.gui.app', 'curriculum_tool.gui.main_window', "
        "'PySide6.QtWidgets'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_help_and_version_load_no_heavy_library():
    """``--help`` and ``--version`` build the parser only: no database, table, graph,
    numeric or Qt library (their import is what made them take seconds)."""
    heavy = ("sqlalchemy", "pandas", "networkx", "numpy", "scipy", "sklearn", "PySide6")
    code = (
        "import sys\n"
        "from curriculum_tool.cli import build_parser\n"
        "build_parser().format_help()\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
