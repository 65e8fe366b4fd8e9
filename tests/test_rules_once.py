"""Each rule of the contract is written once: a second copy in the package fails here.

The rules below used to be written several times, in different places and words (issue
13). Each now has one definition in the core; this test reads every module of the package
(its syntax tree, not its text, so comments and docstrings never count) and fails on a
construct that writes the rule again. Each detector is narrow on purpose: it recognises
the shapes the old copies had, not every line that mentions a region or a level.

``ALLOWED`` lists the copies left in GUI modules that are being split while this test was
written; each is to be removed once its module calls the core (the lead applies the
replacement named in the comment, then deletes the allowance).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from curriculum_tool.domain.vocab import MODALITIES, STATUSES

PACKAGE = Path(__file__).resolve().parents[1] / "curriculum_tool"

#: detector → the one module allowed to hold the rule (None: the shape is retired).
DEFINITIONS: dict[str, str | None] = {
    "ancestry-walk": "domain/regions.py",
    "offered-in-region": "domain/regions.py",
    "gap": "domain/gaps.py",
    "target-level": "index/targets.py",
    "catalog-index": "index/catalog_index.py",
    "modality-labels": "domain/labels.py",
    "modality-words": "domain/labels.py",
    "status-labels": "domain/labels.py",
    "review-wording": None,
    "review-workflow": "domain/review.py",
}

#: detector → module → why it may still hold a copy, for now.
ALLOWED: dict[str, dict[str, str]] = {}

#: Words for modalities, the label table's and the old copies'; the keys themselves
#: (``klasikal``, ``blended``…) are fine anywhere.
MODALITY_WORDS = {
    "tatap muka",
    "e-learning",
    "mikro",
    "belajar sosial",
    "pengalaman kerja",
    "blended learning",
    "social learning",
    "experiential learning",
    "pembelajaran sosial",
    "pembelajaran berbasis pengalaman",
    "classroom",
}


#: The names a module status has had, in both languages.
STATUS_WORDS = {
    "draft": {"draf", "draft"},
    "review": {"ditinjau", "tinjauan", "review", "in review"},
    "approved": {"disetujui", "approved"},
}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text("utf-8"))


def _text(node: ast.AST) -> str:
    return ast.unparse(node)


def _strings(node: ast.AST) -> Iterator[ast.Constant]:
    """The string constants in ``node``, f-strings and docstrings left out."""
    docstrings = {
        id(body[0].value)
        for n in ast.walk(node)
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and (body := n.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    }
    formatted = {id(v) for n in ast.walk(node) if isinstance(n, ast.JoinedStr) for v in n.values}
    for n in ast.walk(node):
        if (
            isinstance(n, ast.Constant)
            and isinstance(n.value, str)
            and id(n) not in docstrings
            and id(n) not in formatted
        ):
            yield n


def _keyed_dicts(tree: ast.AST, keys: tuple[str, ...], least: int) -> Iterator[ast.Dict]:
    """Dict displays with at least ``least`` of ``keys`` as string keys."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Dict):
            found = {k.value for k in n.keys if isinstance(k, ast.Constant)}
            if len(found & set(keys)) >= least:
                yield n


def _words(value: ast.expr) -> str:
    """The text of a label: a string, or the last string given to ``tr()`` and the like."""
    if isinstance(value, ast.Call):
        texts = [a.value for a in value.args if isinstance(a, ast.Constant)]
        return str(texts[-1]) if texts else ""
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else ""


def _is_text(value: ast.expr, keys: tuple[str, ...]) -> bool:
    """A label: a word (not a key, not a colour) or a translation call."""
    if isinstance(value, ast.Call):
        return True
    return (
        isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and value.value not in keys
        and not value.value.startswith("#")
    )


# -- the detectors: tree → lines that write the rule -------------------------------------


def ancestry_walk(tree: ast.AST) -> Iterator[int]:
    """A loop up the parent chain: ``while … not in chain:`` reading ``.parent``."""
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.While)
            and any(
                isinstance(c, ast.Compare) and any(isinstance(o, ast.NotIn) for o in c.ops)
                for c in ast.walk(n.test)
            )
            and any(isinstance(a, ast.Attribute) and a.attr == "parent" for a in ast.walk(n))
        ):
            yield n.lineno


def offered_in_region(tree: ast.AST) -> Iterator[int]:
    """``scope in chain``: a module's scope looked up in a region's chain of parents."""
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.Compare)
            and isinstance(n.left, (ast.Name, ast.Attribute))
            and _text(n.left).split(".")[-1] == "scope"
            and any(isinstance(o, (ast.In, ast.NotIn)) for o in n.ops)
            and any("chain" in _text(c) for c in n.comparators)
        ):
            yield n.lineno


def gap(tree: ast.AST) -> Iterator[int]:
    """``max(0, target − level)`` or ``np.maximum(target − level, 0)``."""
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.Call)
            and _text(n.func).split(".")[-1] in ("max", "maximum")
            and len(n.args) == 2
            and any(isinstance(a, ast.Constant) and a.value == 0 for a in n.args)
            and any(
                isinstance(a, ast.BinOp)
                and isinstance(a.op, ast.Sub)
                and "target" in _text(a.left).lower()
                for a in n.args
            )
        ):
            yield n.lineno


def target_level(tree: ast.AST) -> Iterator[int]:
    """The higher of the job standard and the regional target, taken by hand."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and _text(n.func).split(".")[-1] in ("max", "maximum"):
            text = _text(n)
            job = "position_targets" in text or "job" in text
            if job and ("region_targets" in text or "regional" in text):
                yield n.lineno


def catalog_index(tree: ast.AST) -> Iterator[int]:
    """A class compiling the catalog into arrays, under its new name or the former one."""
    for n in ast.walk(tree):
        if isinstance(n, ast.ClassDef) and n.name in ("CatalogIndex", "PairContext"):
            yield n.lineno


def modality_labels(tree: ast.AST) -> Iterator[int]:
    """A table from modality keys to words (numbers, like the simulator's effects, are no
    labels)."""
    for n in _keyed_dicts(tree, MODALITIES, 3):
        if any(_is_text(v, MODALITIES) for v in n.values):
            yield n.lineno


def modality_words(tree: ast.AST) -> Iterator[int]:
    """A string that is a modality's words: the label table's, or an old copy's."""
    for n in _strings(tree):
        if n.value.strip().casefold() in MODALITY_WORDS:
            yield n.lineno


def status_labels(tree: ast.AST) -> Iterator[int]:
    """A table from module statuses to their names ("Draf", "tinjauan", "approved"…); a
    table of colours or of what a button does next is no label table."""
    for n in _keyed_dicts(tree, STATUSES, 2):
        for key, value in zip(n.keys, n.values):
            name = _words(value).casefold()
            if isinstance(key, ast.Constant) and name in STATUS_WORDS.get(key.value, ()):
                yield n.lineno
                break


def review_wording(tree: ast.AST) -> Iterator[int]:
    """ "tinjauan" for the status ``review``: the app says "ditinjau" (no definition)."""
    for n in _strings(tree):
        if "tinjauan" in n.value.casefold():
            yield n.lineno


def review_workflow(tree: ast.AST) -> Iterator[int]:
    """The workflow's steps written out: a dict from statuses to statuses, or a new
    ``NEXT_STATUS``."""
    for n in _keyed_dicts(tree, STATUSES, 1):
        values = [v.value for v in n.values if isinstance(v, ast.Constant)]
        if values and len(values) == len(n.values) and set(values) <= set(STATUSES):
            yield n.lineno
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign):
            names = [_text(t) for t in n.targets]
        elif isinstance(n, ast.AnnAssign):
            names = [_text(n.target)]
        else:
            continue
        if "NEXT_STATUS" in names:
            yield n.lineno


DETECTORS: dict[str, Callable[[ast.AST], Iterator[int]]] = {
    "ancestry-walk": ancestry_walk,
    "offered-in-region": offered_in_region,
    "gap": gap,
    "target-level": target_level,
    "catalog-index": catalog_index,
    "modality-labels": modality_labels,
    "modality-words": modality_words,
    "status-labels": status_labels,
    "review-wording": review_wording,
    "review-workflow": review_workflow,
}


@pytest.fixture(scope="module")
def modules() -> list[tuple[str, ast.Module]]:
    return list(_modules())


@pytest.mark.parametrize("rule", sorted(DETECTORS))
def test_the_rule_is_written_once(rule, modules):
    detect = DETECTORS[rule]
    found = {name: sorted(set(detect(tree))) for name, tree in modules}
    found = {name: lines for name, lines in found.items() if lines}
    definition = DEFINITIONS[rule]
    assert definition is None or definition in found, f"{rule}: not found in {definition}"
    copies = {
        name: lines
        for name, lines in found.items()
        if name != definition and name not in ALLOWED.get(rule, {})
    }
    assert not copies, (
        f"{rule} is defined in {definition}; use it instead of writing it again in "
        + ", ".join(f"{name} (line {', '.join(map(str, lines))})" for name, lines in copies.items())
    )


@pytest.mark.parametrize(
    "rule, source",
    [
        (
            "ancestry-walk",
            "while code and code not in chain:\n    chain.append(code)\n"
            "    code = regions[code].parent",
        ),
        ("offered-in-region", "ok = m.scope == NATIONAL or m.scope in chain"),
        ("gap", "g = max(0, self.target - self.current)"),
        ("gap", "g = np.maximum(arrays.targets - arrays.levels, 0).sum(axis=1)"),
        ("target-level", "t = np.maximum(self.position_targets[p], self.region_targets[r])"),
        ("catalog-index", "class PairContext:\n    pass"),
        ("modality-labels", 'L = {"klasikal": tr("Klasikal"), "e_learning": "E", "blended": "B"}'),
        ("modality-words", 'label = "Tatap muka"'),
        ("modality-words", 'label = tr("Belajar sosial")'),
        ("status-labels", 'S = {"draft": "Draf", "review": "Ditinjau"}'),
        ("status-labels", 'S = {"draft": tr("draf"), "review": tr("tinjauan")}'),
        ("status-labels", 'S = {"draft": NOOP("Labels", "Draf"), "approved": NOOP("L", "x")}'),
        ("review-wording", 'text = tr("draf / tinjauan")'),
        ("review-workflow", 'STEP = {"draft": "review", "review": "approved"}'),
    ],
)
def test_each_detector_sees_the_old_copies(rule, source):
    assert list(DETECTORS[rule](ast.parse(source)))


@pytest.mark.parametrize(
    "rule, source",
    [
        # Moodle's competency tree walks its own rows, not regions.
        ("ancestry-walk", "while code not in seen:\n    code = parent_of(rows[code])"),
        ("ancestry-walk", "if region.parent:\n    parent = regions.get(region.parent)"),
        ("offered-in-region", "unknown = module.scope not in regions"),
        ("gap", "gain = np.maximum(catalog.taught - levels, 0)"),
        ("modality-labels", 'EFFECT = {"klasikal": 0.5, "blended": 0.3, "coaching": 0.4}'),
        ("modality-words", 'doc = f"{modality} e-learning"'),
        ("modality-words", 'key = "e_learning"'),
        ("status-labels", 'COLOURS = {"draft": "#6c757d", "review": "#b26a00"}'),
        ("status-labels", 'NEXT = {"draft": tr("Ajukan untuk ditinjau"), "review": tr("Setujui")}'),
        ("review-wording", '"""Docstrings may say tinjauan."""'),
    ],
)
def test_the_detectors_leave_other_code_alone(rule, source):
    assert not list(DETECTORS[rule](ast.parse(source)))
