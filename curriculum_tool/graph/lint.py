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
from .cycles import find_cycles, format_cycle
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
    """One defect: which rule, how bad, the modules involved, what is wrong, how to fix it."""

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
            "message": self.message,
            "fix": self.fix,
        }

    def __str__(self) -> str:
        return f"{self.severity:<8} {self.rule:<27} {self.message}\n{'':<37}fix: {self.fix}"


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

    def __str__(self) -> str:
        steps = f"{self.steps} step{'' if self.steps == 1 else 's'}"
        return f"{self.jp} JP in {steps} ({' → '.join(self.modules) or '-'})"


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

    def to_text(self) -> str:
        lines = [str(f) for f in self.findings]
        lines.append(
            f"{self.modules} modules, {self.edges} prerequisite edges: "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings"
        )
        lines.append(f"longest prerequisite chain by JP: {self.longest_by_jp}")
        lines.append(f"longest prerequisite chain by steps: {self.longest_by_steps}")
        return "\n".join(lines)


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
        Finding(
            "cycle",
            tuple(dict.fromkeys(c)),
            f"prerequisite cycle {format_cycle(c)}",
            "remove one of these edges; no learner can start any module on it",
        )
        for c in cycles
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
                    Finding(
                        "unknown-code",
                        (module, requires),
                        f"prerequisite {module} → {requires} names unknown module {code}",
                        f"add module {code} to the catalog or remove the edge",
                    )
                )
    known = None if competencies is None else {c.code for c in competencies}
    for code, module in modules.items():
        if known is not None:
            for competency, _ in module.competencies:
                if competency not in known:
                    findings.append(
                        Finding(
                            "unknown-code",
                            (code,),
                            f"{code} teaches unknown competency {competency}",
                            f"add {competency} to the competency dictionary or correct {code}",
                        )
                    )
        if regions and module.is_local and module.scope not in regions:
            findings.append(
                Finding(
                    "unknown-code",
                    (code,),
                    f"{code} is local to unknown region {module.scope}",
                    f"add region {module.scope} or correct the scope of {code}",
                )
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
                Finding(
                    "local-required-by-national",
                    (code, requires),
                    f"national module {code} requires {requires}, which is local to "
                    f"{needed.scope}: learners outside {needed.scope} can never take {code}",
                    f"make {requires} national, make {code} local to {needed.scope}, "
                    f"or remove the edge",
                )
            )
        elif not offered_in(needed.scope, ancestry(module.scope, regions)):
            findings.append(
                Finding(
                    "prerequisite-out-of-scope",
                    (code, requires),
                    f"{code} (local to {module.scope}) requires {requires}, which is offered "
                    f"only in {needed.scope}",
                    f"offer {requires} in {module.scope} too, or remove the edge",
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
                Finding(
                    "unapproved-prerequisite",
                    (code, requires),
                    f"approved module {code} requires {requires}, which is "
                    f"{modules[requires].status}: no learner can start {code}",
                    f"approve {requires}, set {code} back to review, or remove the edge",
                )
            )
    return findings


def _orphans(G: nx.DiGraph, modules: dict[str, Module]) -> list[Finding]:
    return [
        Finding(
            "orphan",
            (code,),
            f"{code} teaches no competency and has no prerequisite edge",
            f"give {code} the competencies it raises, or retire it",
        )
        for code, module in modules.items()
        if not module.competencies and G.degree(code) == 0
    ]


def _untaught_levels(
    modules: dict[str, Module],
    job_standards: Iterable[JobStandard],
    regional_standards: Iterable[RegionalStandard],
) -> list[Finding]:
    """Required (competency, level) pairs above the highest level any approved module teaches."""
    required: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for standard in job_standards:
        required[standard.competency][standard.level].append(f"position {standard.position}")
    for regional in regional_standards:
        required[regional.competency][regional.level].append(f"region {regional.region}")
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
        shown = ", ".join(needers[:3]) + (
            f" and {len(needers) - 3} more" if len(needers) > 3 else ""
        )
        taught = (
            f"the highest taught is {top} ({', '.join(sorted(teachers)[:3])})"
            if top
            else "no approved module teaches it at all"
        )
        findings.append(
            Finding(
                "untaught-level",
                tuple(sorted(teachers)),
                f"no approved module teaches {competency} to level {level}, required by "
                f"{shown}; {taught}",
                f"add or approve a module that teaches {competency}:{level}",
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
                Finding(
                    "redundant-edge",
                    (code, requires),
                    f"{kind} edge {code} → {requires} is implied by {format_cycle(path)}",
                    f"remove the edge {code} → {requires}",
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
            where = (
                f"its region {module.scope} does not have" if module.is_local else "no region has"
            )
            message = f"{code} needs {module.min_connectivity} connectivity, which {where}"
            fix = f"lower the connectivity {code} needs, or offer it where it can be delivered"
        else:
            needed = sorted(_requires(hard_reach, code))
            blocker = next((r for r in needed if not reachable.get(r, 0) & offered[code]), None)
            if blocker is not None:
                message = (
                    f"no learner can reach {code}: its prerequisite {blocker} cannot "
                    f"be completed in any region where {code} is offered"
                    f"{_why_not(modules.get(blocker))}"
                )
                fix = (
                    f"offer {blocker} (or an equivalent) where {code} is offered, or drop the edge"
                )
            else:
                message = (
                    f"no learner can reach {code}: no region where it is offered can "
                    f"complete all of its prerequisites {', '.join(needed)} together"
                )
                fix = f"offer {code}'s prerequisites in a common region, or drop one edge"
        findings.append(Finding("unreachable-module", (code,), message, fix))
    return findings


def _requires(reach: Reach, code: str) -> list[str]:
    """The modules ``code`` requires in ``reach``.

    :class:`Reach` holds any hashable nodes; the lint graph's nodes are module codes.
    """
    return cast("list[str]", reach.successors[code])


def _why_not(module: Module | None) -> str:
    if module is None:
        return ""
    reasons = []
    if module.min_connectivity == CONNECTIVITY[-1]:
        reasons.append(f"{module.code} needs {module.min_connectivity} connectivity")
    if module.is_local:
        reasons.append(f"{module.code} is local to {module.scope}")
    return f" ({'; '.join(reasons)})" if reasons else ""


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
