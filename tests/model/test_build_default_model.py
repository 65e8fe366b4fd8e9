"""The build script of the shipped default model (tools/build_default_model.py): outside
the package, it records the rebuilt model's digest in ``curriculum_tool/model/shipped.py``
without touching that module's docstring."""

import importlib.util
from pathlib import Path

import pytest

from curriculum_tool.model import shipped

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "build_default_model.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_default_model", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_lives_outside_the_package(build):
    assert not (Path(shipped.__file__).parent / "default.py").exists()
    assert Path(shipped.__file__).resolve() == build.SHIPPED_MODULE
    assert (build.SHIPPED_MODELS / "default.skops").is_file()


def test_record_digest_keeps_the_docstring(build, tmp_path):
    copy = tmp_path / "shipped.py"
    original = Path(shipped.__file__).read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")
    build.record_digest("ab" * 32, copy)
    text = copy.read_text(encoding="utf-8")
    assert text == original.replace(shipped.DEFAULT_MODEL_SHA256, "ab" * 32)
    assert text.endswith(f'DEFAULT_MODEL_SHA256 = "{"ab" * 32}"\n')
