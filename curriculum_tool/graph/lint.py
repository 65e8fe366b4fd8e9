"""The prerequisite graph's quiet defects, each named with its modules and a proposed fix.

Errors make paths wrong or impossible: a cycle deadlocks learners, an unknown code
points nowhere, a national module that requires a local one cannot be taken outside
that region, an approved module behind an unapproved prerequisite can never start.
Warnings make the catalog harder to keep: edges implied by others, orphans, modules no
learner in any region can reach, required competency levels no module teaches. The
longest prerequisite chain, in JP and in steps, is reported for information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx

from ..domain import Competency, JobStandard, Module, Region, RegionalStandard
from ..domain.regions import ancestry, offered_in
from ..domain.vocab import CONNECTIVITY, CONNECTIVITY_RANK
from ..messages import Message
from .cycles import find_cycles, format_cycle
from .lint_text import SAID, joined, word
from .prerequisites import PrerequisiteGraph
from .reachability import Reach

__all__ = ["RULES", "Chain", "Finding", "LintReport", "lint", "lint_workspace"]

#: Every rule with its severity, in report order.
RULES: dict[str, str] = {
    "cycle": "error",
    "unknown-code": "error",
    "local-required-by-national": "error",
    "prerequisite-out-of-scope": "error",
    "unapproved-prerequisite": "error",
    "redundant-edge": "warning",
    "orphan": "warning",
    "unreachable-module": "warning",
    "untaught-level": "warning",
}


@dataclass(frozen=True)
class Finding:
    """One defect: which rule, how bad, the modules involved, what is wrong, how to fix it
    (``message`` and ``fix`` are messages of :mod:`.lint_text`, English and Indonesian)."""

    rule: str
    modules: tuple[str, ...]
    message: str
    fix: str

    @property
    def severity(self) -> str:
        return RULES[self.rule]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "modules": list(self.modules),
            "message": str(self.message),
            "fix": str(self.fix),
        }

    def line(self) -> Message:
        """The finding as the report prints it: severity, rule and message, then its fix."""
        return SAID(
            "finding",
            severity=SAID(self.severity),
            rule=self.rule,
            message=self.message,
            fix=self.fix,
        )

    def __str__(self) -> str:
        return str(self.line())


@dataclass(frozen=True)
class Chain:
    """A prerequisite chain, first module to take first, and its length."""

    modules: tuple[str, ...] = ()
    jp: int = 0

    @property
    def steps(self) -> int:
        return len(self.modules)

    def to_json(self) -> dict[str, Any]:
        return {"modules": list(self.modules), "jp": self.jp, "steps": self.steps}

    def text(self) -> Message:
        """``56 JP in 2 steps (PB-101 → PB-201)``, in English and Indonesian."""
        return SAID(
            "chain",
            jp=self.jp,
            steps=self.steps,
            s="" if self.steps == 1 else "s",
            modules=format_cycle(self.modules) or "-",
        )

    def __str__(self) -> str:
        return str(self.text())


@dataclass
class LintReport:
    """All findings, errors first, and the longest hard prerequisite chains."""

    findings: list[Finding] = field(default_factory=list)
    longest_by_jp: Chain = Chain()
    longest_by_steps: Chain = Chain()
    modules: int = 0
    edges: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def to_json(self) -> dict[str, Any]:
        return {
            "modules": self.modules,
            "edges": self.edges,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_json() for f in self.findings],
            "longest_chain": {
                "by_jp": self.longest_by_jp.to_json(),
                "by_steps": self.longest_by_steps.to_json(),
            },
        }

    def summary(self) -> Message:
        """``9 modules, 5 prerequisite edges: 3 errors, 4 warnings``."""
        return SAID(
            "summary",
            modules=self.modules,
            edges=self.edges,
            errors=len(self.errors),
            warnings=len(self.warnings),
        )

    def to_text(self) -> Message:
        """The report as ``lint`` prints it: a line per finding, the summary, the chains."""
        lines = [f.line() for f in self.findings]
        lines.append(self.summary())
        lines.append(SAID("longest_by_jp", chain=self.longest_by_jp.text()))
        lines.append(SAID("longest_by_steps", chain=self.longest_by_steps.text()))
        return joined(lines, "\n")


def lint_workspace(workspace, conn=None) -> LintReport:
    """Lint the graph stored in ``workspace``."""
    return lint(
        PrerequisiteGraph.from_workspace(workspace, conn),
        competencies=workspace.load("competencies", conn),
        regions=workspace.load("regions", conn),
        job_standards=workspace.load("job_standards", conn),
        regional_standards=workspace.load("regional_standards", conn),
    )


def lint(
    graph: PrerequisiteGraph,
    competencies: Iterable[Competency] | None = None,
    regions: Iterable[Region] = (),
    job_standards: Iterable[JobStandard] = (),
    regional_standards: Iterable[RegionalStandard] = (),
) -> LintReport:
    """Check ``graph`` against the rules in :data:`RULES`.

    ``competencies=None`` skips the check of module competency codes (a bare graph).
    Rules that need an acyclic graph (redundancy, reachability, chains) run only when
    there is no cycle: the cycle is the error to fix first.
    """
    G = graph.graph
    modules = {code: data["module"] for code, data in G.nodes(data=True) if "module" in data}
    region_by_code = {r.code: r for r in regions}
    findings = _unknown_codes(G, modules, competencies, region_by_code)
    cycles = find_cycles(G)
    findings += [
        _finding("cycle", tuple(dict.fromkeys(c)), "cycle", cycle=format_cycle(c)) for c in cycles
    ]
    findings += _scope_errors(G, modules, region_by_code)
    findings += _unapproved_prerequisites(G, modules)
    findings += _orphans(G, modules)
    findings += _untaught_levels(modules, job_standards, regional_standards)
    report = LintReport(modules=len(modules), edges=G.number_of_edges())
    if not cycles:
        hard = [(m, r) for m, r, kind in G.edges(data="kind") if kind == "hard"]
        hard_reach = Reach(G, hard)
        findings += _redundant_edges(G, hard_reach)
        findings += _unreachable(G, modules, region_by_code, hard_reach)
        report.longest_by_jp = _longest_chain(G, modules, hard_reach, by_jp=True)
        report.longest_by_steps = _longest_chain(G, modules, hard_reach, by_jp=False)
    order = list(RULES)
    report.findings = sorted(findings, key=lambda f: (order.index(f.rule), f.modules))
    return report


def _said(kind: str, /, **params: Any) -> Message:
    """The message ``kind`` of :data:`SAID`, given the ``params`` it reads."""
    return SAID(kind, **{name: params[name] for name in SAID.fields(kind)})


def _finding(rule: str, modules: tuple[str, ...], said: str, /, **params: Any) -> Finding:
    """A finding of ``rule``: message ``said`` and its fix ``said_fix``."""
    return Finding(rule, modules, _said(said, **params), _said(f"{said}_fix", **params))


def _unknown_codes(
    G: nx.DiGraph,
    modules: dict[str, Module],
    competencies: Iterable[Competency] | None,
    regions: dict[str, Region],
) -> list[Finding]:
    findings = []
    for module, requires in G.edges():
        for code in (module, requires):
            if code not in modules:
                findings.append(
                    _finding(
                        "unknown-code",
                        (module, requires),
                        "unknown_module",
                        module=module,
                        requires=requires,
                        code=code,
                    )
                )
    known = None if competencies is None else {c.code for c in competencies}
    for code, module in modules.items():
        if known is not None:
            for competency, _ in module.competencies:
                if competency not in known:
                    findings.append(
                        _finding(
                            "unknown-code",
                            (code,),
                            "unknown_competency",
                            code=code,
                            competency=competency,
                        )
                    )
        if regions and module.is_local and module.scope not in regions:
            findings.append(
                _finding("unknown-code", (code,), "unknown_region", code=code, scope=module.scope)
            )
    return findings


def _scope_errors(
    G: nx.DiGraph, modules: dict[str, Module], regions: dict[str, Region]
) -> list[Finding]:
    """A hard prerequisite must be offered everywhere its module is."""
    findings = []
    for code, requires, kind in G.edges(data="kind"):
        if kind != "hard" or code not in modules or requires not in modules:
            continue
        module, needed = modules[code], modules[requires]
        if not needed.is_local:
            continue
        if not module.is_local:
            findings.append(
                _finding(
                    "local-required-by-national",
                    (code, requires),
                    "local_required_by_national",
                    code=code,
                    requires=requires,
                    scope=needed.scope,
                )
            )
        elif not offered_in(needed.scope, ancestry(module.scope, regions)):
            findings.append(
                _finding(
                    "prerequisite-out-of-scope",
                    (code, requires),
                    "out_of_scope",
                    code=code,
                    scope=module.scope,
                    requires=requires,
                    offered=needed.scope,
                )
            )
    return findings


def _unapproved_prerequisites(G: nx.DiGraph, modules: dict[str, Module]) -> list[Finding]:
    findings = []
    for code, requires, kind in G.edges(data="kind"):
        if kind != "hard" or code not in modules or requires not in modules:
            continue
        if modules[code].status == "approved" and modules[requires].status != "approved":
            findings.append(
                _finding(
                    "unapproved-prerequisite",
                    (code, requires),
                    "unapproved_prerequisite",
                    code=code,
                    requires=requires,
                    status=word("status", modules[requires].status),
                )
            )
    return findings


def _orphans(G: nx.DiGraph, modules: dict[str, Module]) -> list[Finding]:
    return [
        _finding("orphan", (code,), "orphan", code=code)
        for code, module in modules.items()
        if not module.competencies and G.degree(code) == 0
    ]


def _untaught_levels(
    modules: dict[str, Module],
    job_standards: Iterable[JobStandard],
    regional_standards: Iterable[RegionalStandard],
) -> list[Finding]:
    """Required (competency, level) pairs above the highest level any approved module teaches."""
    required: dict[str, dict[int, list[Message]]] = defaultdict(lambda: defaultdict(list))
    for standard in job_standards:
        needer = SAID("position", position=standard.position)
        required[standard.competency][standard.level].append(needer)
    for regional in regional_standards:
        required[regional.competency][regional.level].append(SAID("region", region=regional.region))
    best: dict[str, tuple[int, list[str]]] = {}
    for code, module in modules.items():
        if module.status != "approved":
            continue
        for competency, level in module.competencies:
            top, who = best.get(competency, (0, []))
            if level > top:
                best[competency] = (level, [code])
            elif level == top:
                who.append(code)
    findings = []
    for competency in sorted(required):
        level = max(required[competency])
        top, teachers = best.get(competency, (0, []))
        if level <= top:
            continue
        needers = sorted(
            {who for lv, whos in required[competency].items() if lv > top for who in whos}
        )
        shown = joined(needers[:3], ", ")
        if len(needers) > 3:
            shown = SAID("and_more", shown=shown, n=len(needers) - 3)
        taught = (
            SAID("highest_taught", top=top, teachers=", ".join(sorted(teachers)[:3]))
            if top
            else SAID("taught_nowhere")
        )
        findings.append(
            _finding(
                "untaught-level",
                tuple(sorted(teachers)),
                "untaught_level",
                competency=competency,
                level=level,
                needed_by=shown,
                taught=taught,
            )
        )
    return findings


def _redundant_edges(G: nx.DiGraph, hard_reach: Reach) -> list[Finding]:
    """A hard edge implied by a hard path; a soft edge implied by any path."""
    any_reach = Reach(G)
    findings = []
    for code, requires, kind in G.edges(data="kind"):
        path = (hard_reach if kind == "hard" else any_reach).detour(code, requires)
        if path is not None:
            findings.append(
                _finding(
                    "redundant-edge",
                    (code, requires),
                    "redundant_edge",
                    kind=SAID(kind),
                    code=code,
                    requires=requires,
                    path=format_cycle(path),
                )
            )
    return findings


def _unreachable(
    G: nx.DiGraph, modules: dict[str, Module], regions: dict[str, Region], hard_reach: Reach
) -> list[Finding]:
    """Approved modules that no learner in any region can reach with their hard prerequisites.

    A region can take a module when the module is offered there (national, or local to the
    region or a parent) and the region's connectivity meets the module's minimum.
    """
    if not regions:
        return []
    region_bit = {code: 1 << i for i, code in enumerate(sorted(regions))}
    chains = {code: ancestry(code, regions) for code in regions}
    offered: dict[str, int] = {}
    for code, module in modules.items():
        need = CONNECTIVITY_RANK[module.min_connectivity]
        offered[code] = sum(
            bit
            for region, bit in region_bit.items()
            if CONNECTIVITY_RANK[regions[region].connectivity] >= need
            and offered_in(module.scope, chains[region])
        )
    reachable: dict[str, int] = {}
    order = [n for n in reversed(list(nx.topological_sort(G))) if n in modules]
    for code in order:  # prerequisites before the modules that need them
        bits = offered[code]
        for requires in _requires(hard_reach, code):
            bits &= reachable.get(requires, 0)
        reachable[code] = bits
    findings = []
    for code in sorted(modules):
        module = modules[code]
        if module.status != "approved" or reachable[code]:
            continue
        if module.is_local and module.scope not in regions:
            continue  # already an unknown-code error
        if not offered[code]:
            where = "connectivity_not_in_region" if module.is_local else "connectivity_nowhere"
            connectivity = word("connectivity", module.min_connectivity)
            message = _said(where, code=code, connectivity=connectivity, scope=module.scope)
            fix = SAID("connectivity_fix", code=code)
        else:
            needed = sorted(_requires(hard_reach, code))
            blocker = next((r for r in needed if not reachable.get(r, 0) & offered[code]), None)
            if blocker is not None:
                why = _why_not(modules.get(blocker))
                kind = "blocked" if why is None else "blocked_because"
                message = _said(kind, code=code, blocker=blocker, why=why)
                fix = SAID("blocked_fix", code=code, blocker=blocker)
            else:
                message = SAID("not_together", code=code, prerequisites=", ".join(needed))
                fix = SAID("not_together_fix", code=code)
        findings.append(Finding("unreachable-module", (code,), message, fix))
    return findings


def _requires(reach: Reach, code: str) -> list[str]:
    """The modules ``code`` requires in ``reach``.

    :class:`Reach` holds any hashable nodes; the lint graph's nodes are module codes.
    """
    return cast("list[str]", reach.successors[code])


def _why_not(module: Module | None) -> Message | None:
    """Why a blocking prerequisite cannot be taken where it is needed, when it is plain."""
    if module is None:
        return None
    reasons = []
    if module.min_connectivity == CONNECTIVITY[-1]:
        connectivity = word("connectivity", module.min_connectivity)
        reasons.append(
            SAID("blocker_needs_connectivity", code=module.code, connectivity=connectivity)
        )
    if module.is_local:
        reasons.append(SAID("blocker_is_local", code=module.code, scope=module.scope))
    return joined(reasons, "; ") if reasons else None


def _longest_chain(
    G: nx.DiGraph, modules: dict[str, Module], hard_reach: Reach, by_jp: bool
) -> Chain:
    """The heaviest chain of hard prerequisites (by JP, or by number of modules)."""
    weight = {code: (modules[code].jp if by_jp else 1) if code in modules else 0 for code in G}
    best: dict[str, tuple[int, str | None]] = {}
    for code in reversed(list(nx.topological_sort(G))):
        below = max(((best[r][0], r) for r in _requires(hard_reach, code)), default=(0, None))
        best[code] = (below[0] + weight[code], below[1])
    if not best:
        return Chain()
    node: str | None = max(sorted(best), key=lambda c: best[c][0])
    chain = []
    while node is not None:
        chain.append(node)
        node = best[node][1]
    chain.reverse()
    return Chain(tuple(chain), sum(modules[c].jp for c in chain if c in modules))
