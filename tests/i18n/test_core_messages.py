"""No English sentence of the core reaches the Indonesian app.

Two halves. The walk renders every kind of every message catalogue (the reasons, the cell
checks and each area's :class:`~curriculum_tool.messages.Catalogue`) in Indonesian with
sample parameters and looks for English left in it. The scan reads the core's source and
finds every error raised, or problem reported, with a bare English string instead of a
catalogued message: such a sentence could never be translated.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import curriculum_tool
from curriculum_tool.domain import reasons, validation_text
from curriculum_tool.messages import CATALOGUES, Catalogue, Message

PACKAGE = Path(curriculum_tool.__file__).resolve().parent

#: Words that are English and never Indonesian: one of them in an Indonesian message
#: means a sentence (or part of one) was left untranslated.
ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """the is are was were be been not of and with for which that this these those cannot
    can could has have had needs need should must would will unknown missing file files
    row rows column columns only from into than when where what who whose it its their
    there here no yes learner learners modules module's competency competencies required
    requires already found failed invalid expected empty longer shorter more less each
    every other others none any all but or because while after before without within
    added removed changed skipped left out over under between trained training held
    saved written read open opened closed refused allowed""",
    )
)
_WORD = re.compile(r"[A-Za-z']+")
#: Placeholders the walk fills in; they are left out before looking for English.
SAMPLE_TEXT = "ZQ-01"


def _all_core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE)], "curriculum_tool."):
        if info.name.startswith("curriculum_tool.gui"):
            continue
        names.append(info.name)
    return names


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalogue]:
    for name in _all_core_modules():
        importlib.import_module(name)
    return dict(CATALOGUES)


def _sample(template_pair: tuple[str, str]) -> dict[str, object]:
    """A value for each parameter: a number where a template formats it as one."""
    params: dict[str, object] = {}
    for template in template_pair:
        for _, field, spec, _ in string.Formatter().parse(template):
            if not field:
                continue
            name = field.split(".")[0].split("[")[0]
            if spec and any(c in spec for c in "fd%,eg"):
                params[name] = 1234.5 if any(c in spec for c in "f%eg") else 1234
            else:
                params.setdefault(name, SAMPLE_TEXT)
    return params


def _english_left(text: str) -> list[str]:
    text = text.replace(SAMPLE_TEXT, " ")
    return sorted({w for w in _WORD.findall(text) if w.lower() in ENGLISH})


def _untranslated(english: str, indonesian: str) -> list[str]:
    left = _english_left(indonesian)
    if english == indonesian and _WORD.search(english.replace(SAMPLE_TEXT, " ")):
        left.append("(identical to the English)")
    return left


def test_every_catalogue_kind_reads_as_indonesian(catalogues):
    assert len(catalogues) >= 5, "the core's areas should each have a catalogue"
    bad = {}
    for area, catalogue in catalogues.items():
        if area.startswith("doctest."):
            continue
        for kind in catalogue:
            message = catalogue(kind, **_sample(catalogue.templates[kind]))
            assert isinstance(message, Message) and message.kind == f"{area}:{kind}"
            if left := _untranslated(str(message), message.indonesian):
                bad[f"{area}:{kind}"] = (message.indonesian, left)
    assert not bad, "\n".join(f"{k}: {v[0]!r} keeps {v[1]}" for k, v in bad.items())


def test_every_reason_and_cell_check_reads_as_indonesian():
    bad = {}
    for kind, (english, indonesian) in reasons.KINDS.items():
        plain = re.sub(r"\{[^}]*\}", SAMPLE_TEXT, indonesian)
        if left := _untranslated(re.sub(r"\{[^}]*\}", SAMPLE_TEXT, english), plain):
            bad[kind] = left
    for kind, pair in validation_text.MESSAGES.items():
        params = {"what": "module code"} | {
            k: SAMPLE_TEXT for k in _sample(pair) if k not in ("what",)
        }
        message = validation_text.refusal(kind, **params)
        if left := _untranslated(str(message), message.indonesian):
            bad[f"cell:{kind}"] = left
    assert not bad, bad


def test_the_walk_catches_an_untranslated_sentence():
    """The check itself can fail: English left in a template is found."""
    pair = ("{n:,} rows were skipped", "{n:,} rows were skipped")
    message = Catalogue("doctest.untranslated", {"k": pair})("k", n=3)
    assert _untranslated(str(message), message.indonesian)
    translated = Catalogue("doctest.translated", {"k": (pair[0], "{n:,} baris dilewati")})
    message = translated("k", n=3)
    assert not _untranslated(str(message), message.indonesian)


# -- the scan ---------------------------------------------------------------------------

#: Exceptions whose message a person reads (the CLI prints it, the app shows it).
SHOWN = {
    "ValidationError",
    "CycleError",
    "WorkspaceError",
    "WorkspaceBusyError",
    "ModelIntegrityError",
    "CurriculumError",
}


def _bare_english(node: ast.expr) -> bool:
    """A string literal or f-string with words in it: English no catalogue can translate."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _WORD.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _bare_english(node.left) or _bare_english(node.right)
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def bare_messages(source: str) -> list[int]:
    """Lines where a shown error or a ``Problem`` is given bare English."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name in SHOWN:
            args = node.args[:1]
        elif name == "Problem":
            args = node.args[3:4] + [k.value for k in node.keywords if k.arg == "message"]
        else:
            continue
        if any(_bare_english(arg) for arg in args):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_bare_english():
    assert bare_messages('raise WorkspaceError(f"cannot open {path}")') == [1]
    assert bare_messages('Problem(f, 2, "code", "code is empty")') == [1]
    assert bare_messages('raise WorkspaceError(SAID("cannot_open", path=path))') == []


def test_no_core_error_is_raised_with_bare_english():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for line in bare_messages(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PACKAGE)}:{line}")
    assert not found, "bare English messages:\n" + "\n".join(found)
