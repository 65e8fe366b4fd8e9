"""The wheel holds every sub-package: `[tool.setuptools] packages` lists them by hand
(catalog/ and models/ are mapped into the package), so a new one left out would import in
an editable install and be missing from a real one."""

import tomllib
from pathlib import Path

import curriculum_tool

ROOT = Path(__file__).resolve().parents[1]


def test_every_sub_package_ships_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    package = ROOT / "curriculum_tool"
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in package.rglob("__init__.py")}
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_the_version_has_one_source():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"]
    assert "version" in config["project"]["dynamic"]
    dynamic = config["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "curriculum_tool.__version__"}
    assert curriculum_tool.__version__.count(".") == 2
