"""Who is affected by a graph edit, before it is saved.

A designer's edit (a new or removed edge, a retired module, a changed JP) can silently
break paths that training officers have already handed out. :func:`impact` takes the
stored paths and says, for each one that changes, which steps the edit adds, removes or
moves and how the JP total moves:

- a new hard prerequisite that the learner has not completed is inserted before the step
  that needs it (or moved there, when the path already has it later);
- a retired module's step goes, and so does every later step that needed it;
- a removed edge frees a prerequisite that was in the path only to unlock another step
  (value 0), so that step goes;
- a JP change moves the total, and the path may no longer fit its budget.

With ``replan`` (a function that recommends a path again, such as the recommender's),
the affected paths are recomputed instead and the difference reported the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..domain import LearnerPath
from ..messages import Catalogue, Message
from .lint_text import joined
from .prerequisites import PrerequisiteGraph

__all__ = [
    "AddEdge",
    "ChangeJP",
    "Edit",
    "EditSequence",
    "PathChange",
    "RemoveEdge",
    "RetireModule",
    "apply_edit",
    "impact",
    "impact_workspace",
]

SAID = Catalogue(
    "graph.impact",
    {
        "adds": ("adds {modules}", "menambah {modules}"),
        "removes": ("removes {modules}", "menghapus {modules}"),
        "moves": ("moves earlier {modules}", "memajukan {modules}"),
        "jp": ("{delta:+d} JP ({before} → {after})", "total JP {delta:+d} ({before} → {after})"),
        "over_budget": ("over the {max_jp} JP budget", "melebihi anggaran {max_jp} JP"),
    },
)


@dataclass(frozen=True)
class AddEdge:
    """``module`` will require ``requires`` (``hard`` or ``soft``)."""

    module: str
    requires: str
    kind: str = "hard"

    def touches(self) -> set[str]:
        return {self.module, self.requires}


@dataclass(frozen=True)
class RemoveEdge:
    """``module`` will no longer require ``requires``."""

    module: str
    requires: str

    def touches(self) -> set[str]:
        return {self.module, self.requires}


@dataclass(frozen=True)
class RetireModule:
    """``module`` will no longer be offered (its status goes back to draft)."""

    module: str

    def touches(self) -> set[str]:
        return {self.module}


@dataclass(frozen=True)
class ChangeJP:
    """``module`` will last ``jp`` JP."""

    module: str
    jp: int

    def touches(self) -> set[str]:
        return {self.module}


@dataclass(frozen=True)
class EditSequence:
    """Several edits made one after another, judged as one: the differences between two
    catalog releases (:mod:`curriculum_tool.releases.diff`)."""

    edits: tuple[AddEdge | RemoveEdge | RetireModule | ChangeJP, ...]

    def touches(self) -> set[str]:
        return set().union(*(edit.touches() for edit in self.edits))


Edit = AddEdge | RemoveEdge | RetireModule | ChangeJP | EditSequence


def apply_edit(graph: PrerequisiteGraph, edit: Edit) -> PrerequisiteGraph:
    """A copy of ``graph`` with ``edit`` made (each of a sequence in turn); raises as the
    graph's own edits do."""
    edited = graph.copy()
    for step in edit.edits if isinstance(edit, EditSequence) else (edit,):
        if isinstance(step, AddEdge):
            edited.add_edge(step.module, step.requires, step.kind)
        elif isinstance(step, RemoveEdge):
            edited.remove_edge(step.module, step.requires)
        elif isinstance(step, RetireModule):
            edited.update_module(step.module, status="draft")
        elif isinstance(step, ChangeJP):
            edited.update_module(step.module, jp=step.jp)
        else:  # pragma: no cover - the Edit union is closed
            raise TypeError(f"not a graph edit: {step!r}")
    return edited


@dataclass(frozen=True)
class PathChange:
    """How one learner's stored path changes."""

    learner: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved: tuple[str, ...]
    jp_before: int
    jp_after: int
    max_jp: int

    @property
    def jp_delta(self) -> int:
        return self.jp_after - self.jp_before

    @property
    def over_budget(self) -> bool:
        return self.jp_after > self.max_jp

    def describe(self) -> Message:
        """``adds D; +4 JP (30 → 34); over the 30 JP budget``, in English and Indonesian."""
        parts = [
            SAID(kind, modules=", ".join(modules))
            for kind, modules in (
                ("adds", self.added),
                ("removes", self.removed),
                ("moves", self.moved),
            )
            if modules
        ]
        parts.append(SAID("jp", delta=self.jp_delta, before=self.jp_before, after=self.jp_after))
        if self.over_budget:
            parts.append(SAID("over_budget", max_jp=self.max_jp))
        return joined(parts, "; ")


def impact(
    graph: PrerequisiteGraph,
    edit: Edit,
    paths: Iterable[LearnerPath],
    completed: Mapping[str, Iterable[str]],
    replan: Callable[[LearnerPath, PrerequisiteGraph], LearnerPath] | None = None,
) -> list[PathChange]:
    """The stored ``paths`` that ``edit`` would change, and how, in learner order.

    ``completed`` maps a learner to the modules they have completed. The graph is not
    changed; an edit that is refused (a cycle) raises before any path is looked at.
    """
    edited = apply_edit(graph, edit)
    touched = edit.touches()
    changes = []
    for path in sorted(paths, key=lambda p: p.learner):
        if replan is not None:
            if not touched & (set(path.modules) | {e.module for e in path.excluded}):
                continue
            new_modules = list(replan(path, edited).modules)
        else:
            new_modules = _repair(path, graph, edited, set(completed.get(path.learner, ())))
        change = _difference(path, new_modules, edited)
        if change is not None:
            changes.append(change)
    return changes


def impact_workspace(workspace, edit: Edit, replan=None) -> list[PathChange]:
    """:func:`impact` over everything stored in ``workspace``."""
    from ..store.paths import load_paths

    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    wanted = {p.learner for p in paths}
    completed = {
        learner.id: learner.completed
        for learner in workspace.load("learners")
        if learner.id in wanted
    }
    return impact(PrerequisiteGraph.from_workspace(workspace), edit, paths, completed, replan)


def _offered(graph: PrerequisiteGraph, code: str) -> bool:
    return code in graph and graph.module(code).status == "approved"


def _repair(
    path: LearnerPath, before: PrerequisiteGraph, after: PrerequisiteGraph, completed: set[str]
) -> list[str]:
    """The path's modules after the smallest change that keeps it valid in ``after``."""
    steps = [m for m in path.modules if _offered(after, m)]
    value = {s.module: s.value for s in path.steps}
    # Unlock-only steps (value 0) that no kept later step needs any more go; from the end,
    # so a chain of them goes together.
    kept: list[str] = []
    for m in reversed(steps):
        if (
            value.get(m, 0) > 0
            or not _was_unlocking(m, path.modules, before)
            or _needed_later(m, kept, after)
        ):
            kept.insert(0, m)
    steps = kept
    result: list[str] = []
    later = list(steps)
    while later:
        module = later.pop(0)
        inserted = _with_prerequisites(module, after, completed, result, later)
        if inserted is None:  # a prerequisite can no longer be taken: the step goes
            continue
        result.extend(inserted)
    return result


def _was_unlocking(module: str, modules: tuple[str, ...], graph: PrerequisiteGraph) -> bool:
    """A later step of the stored path hard-required ``module`` (so it may be there only
    to unlock that step)."""
    i = modules.index(module)
    return _needed_later(module, list(modules[i + 1 :]), graph)


def _needed_later(module: str, later: list[str], graph: PrerequisiteGraph) -> bool:
    return any(module in graph.requires(m, ("hard",)) for m in later if m in graph)


def _with_prerequisites(
    module: str, graph: PrerequisiteGraph, completed: set[str], done: list[str], later: list[str]
) -> list[str] | None:
    """``module`` preceded by whatever of its hard prerequisites is not yet done, or None."""
    if not _offered(graph, module):
        return None
    sequence: list[str] = []
    for requires in graph.hard_requirements(module):
        if requires in completed or requires in done or requires in sequence:
            continue
        if requires in later:
            later.remove(requires)
        before = _with_prerequisites(requires, graph, completed, done + sequence, later)
        if before is None:
            return None
        sequence.extend(before)
    return [*sequence, module]


def _difference(
    path: LearnerPath, new_modules: list[str], graph: PrerequisiteGraph
) -> PathChange | None:
    old_modules = list(path.modules)
    old_set, new_set = set(old_modules), set(new_modules)
    added = tuple(m for m in new_modules if m not in old_set)
    removed = tuple(m for m in old_modules if m not in new_set)
    kept_old = [m for m in old_modules if m in new_set]
    kept_new = [m for m in new_modules if m in old_set]
    moved = tuple(m for m in kept_new if kept_new.index(m) < kept_old.index(m))
    jp_after = sum(graph.module(m).jp for m in new_modules)
    if not (added or removed or moved) and jp_after == path.total_jp:
        return None
    return PathChange(path.learner, added, removed, moved, path.total_jp, jp_after, path.max_jp)
