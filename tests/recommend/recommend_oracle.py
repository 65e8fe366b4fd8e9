"""An independent reading of the catalog, to check recommended paths against the contract.

Reads the interchange CSV files with the standard library only (no curriculum_tool
loader, no PairContext), so a path is checked against what the files say, not against
the recommender's own arrays. :meth:`CatalogOracle.violations` lists every broken
contract rule (§3, §4) of one path.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[2] / "catalog"
CONNECTIVITY = {"none": 0, "low": 1, "high": 2}
ONLINE = {"e_learning", "microlearning"}
JSON_KEYS = {"learner", "position", "region", "model", "min_jp", "max_jp", "total_jp",
             "expected_value", "steps", "excluded"}
STEP_KEYS = {"module", "title", "period", "jp", "modality", "p_success", "value", "reasons"}


def _pairs(cell: str) -> dict[str, float]:
    result = {}
    for item in filter(None, (part.strip() for part in cell.split(";"))):
        key, value = item.split(":")
        result[key] = float(value)
    return result


def _codes(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


@dataclass
class OracleModule:
    code: str
    jp: int
    modality: str
    teaches: dict[str, int]
    hazards: list[str]
    min_connectivity: int
    min_literacy: int
    scope: str
    status: str


@dataclass
class OracleLearner:
    """A learner as the oracle sees it (what the learners.csv row says)."""

    id: str
    position: str
    region: str
    literacy: int
    levels: dict[str, int] = field(default_factory=dict)
    completed: frozenset[str] = frozenset()

    def level(self, competency: str) -> int:
        return self.levels.get(competency, 0)


class CatalogOracle:
    """The catalog files (plus any extra CSV texts) read independently."""

    def __init__(self, extra: dict[str, list[str]] | None = None,
                 directory: Path = CATALOG):
        self.directory = directory
        extra = extra or {}
        self.modules: dict[str, OracleModule] = {}
        for row in self._rows("modules", extra):
            self.modules[row["code"]] = OracleModule(
                row["code"], int(row["jp"]), row["modality"],
                {c: int(v) for c, v in _pairs(row["competencies"]).items()},
                _codes(row["hazards"]), CONNECTIVITY[row["min_connectivity"]],
                int(row["min_digital_literacy"]), row["scope"], row["status"])
        self.hard: dict[str, set[str]] = defaultdict(set)
        self.soft: dict[str, set[str]] = defaultdict(set)
        for row in self._rows("prerequisites", extra):
            (self.hard if row["kind"] == "hard" else self.soft)[row["module"]].add(
                row["requires"])
        self.parent: dict[str, str] = {}
        self.connectivity: dict[str, int] = {}
        self.hazards: dict[str, dict[str, float]] = {}
        for row in self._rows("regions", extra):
            self.parent[row["code"]] = row["parent"]
            self.connectivity[row["code"]] = CONNECTIVITY[row["connectivity"]]
            self.hazards[row["code"]] = _pairs(row["hazards"])
        self.job: dict[str, dict[str, int]] = defaultdict(dict)
        for row in self._rows("job_standards", extra):
            levels = self.job[row["position"]]
            levels[row["competency"]] = max(levels.get(row["competency"], 0), int(row["level"]))
        self.regional: dict[str, dict[str, int]] = defaultdict(dict)
        for row in self._rows("regional_standards", extra):
            levels = self.regional[row["region"]]
            levels[row["competency"]] = max(levels.get(row["competency"], 0), int(row["level"]))

    def _rows(self, kind: str, extra: dict[str, list[str]]) -> list[dict[str, str]]:
        """The catalog file's rows, merged by key with the extra CSV texts of that kind."""
        with open(self.directory / f"{kind}.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        key = {"modules": ("code",), "regions": ("code",),
               "prerequisites": ("module", "requires"),
               "job_standards": ("position", "competency"),
               "regional_standards": ("region", "competency")}[kind]
        merged = {tuple(row[k] for k in key): row for row in rows}
        for text in extra.get(kind, []):
            for row in csv.DictReader(io.StringIO(text)):
                merged[tuple(row[k] for k in key)] = row
        return list(merged.values())

    # -- what the contract derives --------------------------------------------------------

    @property
    def positions(self) -> list[str]:
        return sorted(self.job)

    @property
    def regions(self) -> list[str]:
        return sorted(self.parent)

    def chain(self, region: str) -> list[str]:
        chain = []
        while region and region not in chain:
            chain.append(region)
            region = self.parent.get(region, "")
        return chain

    def targets(self, learner: OracleLearner) -> dict[str, int]:
        """§3: the higher of the job standard and the regional standards up the chain."""
        targets = dict(self.job.get(learner.position, {}))
        for region in self.chain(learner.region):
            for competency, level in self.regional.get(region, {}).items():
                targets[competency] = max(targets.get(competency, 0), level)
        return targets

    def gaps(self, learner: OracleLearner) -> dict[str, int]:
        return {c: t - learner.level(c) for c, t in self.targets(learner).items()
                if t > learner.level(c)}

    def gain(self, learner: OracleLearner, module: str) -> dict[str, int]:
        return {c: level - learner.level(c)
                for c, level in self.modules[module].teaches.items() if level > learner.level(c)}

    def offered(self, module: str, region: str) -> bool:
        scope = self.modules[module].scope
        return scope == "national" or scope in self.chain(region)

    def deliverable(self, learner: OracleLearner, module: str) -> bool:
        """Approved, offered in the region, connectivity and digital literacy suffice."""
        m = self.modules[module]
        return (m.status == "approved" and self.offered(module, learner.region)
                and m.min_connectivity <= self.connectivity[learner.region]
                and m.min_literacy <= learner.literacy)

    def value(self, learner: OracleLearner, steps: list[tuple[str, float]]) -> float:
        """§3: ``Σ_c min(g(c), Σ_m P(m)·gain(m,c))`` for steps ``(module, P)``."""
        covered: dict[str, float] = defaultdict(float)
        for module, p in steps:
            for competency, gain in self.gain(learner, module).items():
                covered[competency] += p * gain
        return sum(min(gap, covered[c]) for c, gap in self.gaps(learner).items())

    def is_disaster_module(self, module: str) -> bool:
        m = self.modules[module]
        return bool(m.hazards) or any(c.startswith("PB-") for c in m.teaches)

    # -- the check ---------------------------------------------------------------------

    def violations(self, learner: OracleLearner, record: dict, max_jp: int, min_jp: int,
                   periods: int, complete: bool = True) -> list[str]:
        """Every contract rule the path JSON ``record`` breaks, as text (empty = valid).

        ``complete``: also require every gap-closing module that is not a step to be
        listed in ``excluded``, and a path below ``min_jp`` to have no module left that
        could still be added.
        """
        problems: list[str] = []
        steps = record["steps"]
        codes = [s["module"] for s in steps]
        cap = max_jp / periods
        if set(record) < JSON_KEYS:
            problems.append(f"missing keys {JSON_KEYS - set(record)}")
        for s in steps:
            if not STEP_KEYS <= set(s):  # the contract's keys; extensions may follow
                problems.append(f"{s['module']}: step keys {sorted(s)}")
        if record["learner"] != learner.id or record["position"] != learner.position \
                or record["region"] != learner.region:
            problems.append("learner, position or region not the learner's")
        if (record["min_jp"], record["max_jp"]) != (min_jp, max_jp):
            problems.append("min_jp/max_jp not the options")
        total = sum(s["jp"] for s in steps)
        if total != record["total_jp"]:
            problems.append(f"total_jp {record['total_jp']} != sum of steps {total}")
        if total > max_jp:
            problems.append(f"total {total} JP > max_jp {max_jp}")
        if len(set(codes)) != len(codes):
            problems.append(f"a module twice: {codes}")
        region_connectivity = self.connectivity[learner.region]
        for i, s in enumerate(steps):
            code = s["module"]
            m = self.modules[code]
            if s["jp"] != m.jp or s["modality"] != m.modality:
                problems.append(f"{code}: jp/modality not the catalog's")
            earlier = set(codes[:i])
            for r in self.hard.get(code, set()):
                if r not in learner.completed and r not in earlier:
                    problems.append(f"{code}: hard prerequisite {r} neither completed nor "
                                    "an earlier step")
            for r in self.soft.get(code, set()) | self.hard.get(code, set()):
                if r in codes[i + 1:]:
                    problems.append(f"{code}: prerequisite {r} comes later")
            if m.min_connectivity > region_connectivity:
                problems.append(f"{code}: needs more connectivity than {learner.region} has")
            if m.min_literacy > learner.literacy:
                problems.append(f"{code}: needs digital literacy {m.min_literacy} > "
                                f"{learner.literacy}")
            if m.status != "approved":
                problems.append(f"{code}: status {m.status}")
            if not self.offered(code, learner.region):
                problems.append(f"{code}: local to {m.scope}, learner in {learner.region}")
            if code in learner.completed:
                problems.append(f"{code}: already completed")
            if not 1 <= s["period"] <= periods:
                problems.append(f"{code}: period {s['period']} not in 1..{periods}")
            if not 0.0 <= s["p_success"] <= 1.0:
                problems.append(f"{code}: p_success {s['p_success']}")
        load: dict[int, int] = defaultdict(int)
        for s in steps:
            load[s["period"]] += s["jp"]
        for period, jp in load.items():
            if jp > cap + 1e-9:
                problems.append(f"period {period} has {jp} JP > {cap}")
        # prerequisites never in a later period than the module needing them
        period_of = {s["module"]: s["period"] for s in steps}
        for s in steps:
            for r in self.soft.get(s["module"], set()) | self.hard.get(s["module"], set()):
                if r in period_of and period_of[r] > s["period"]:
                    problems.append(f"{s['module']}: prerequisite {r} in a later period")
        # §3 value, from the rounded JSON numbers (p_success has 4 decimals)
        value = self.value(learner, [(s["module"], s["p_success"]) for s in steps])
        slack = 5e-5 * sum(sum(self.gain(learner, s["module"]).values()) for s in steps) + 1e-4
        if abs(value - record["expected_value"]) > slack:
            problems.append(f"expected_value {record['expected_value']} != recomputed {value}")
        problems += self._reason_problems(learner, steps)
        problems += self._exclusion_problems(learner, record, codes, complete)
        if complete and total < min_jp:
            addable = self.addable(learner, steps, max_jp, periods)
            if addable:
                problems.append(f"{total} JP < min_jp {min_jp} but {addable} could be added")
        return problems

    def hazard_index(self, region: str, hazard: str) -> float:
        """The region's index, or the nearest parent's that states it (pairs.py's rule)."""
        for r in self.chain(region):
            if hazard in self.hazards.get(r, {}):
                return self.hazards[r][hazard]
        return 0.0

    def _reason_problems(self, learner: OracleLearner, steps: list[dict]) -> list[str]:
        """Gap and hazard reasons say true things about the module, learner and region."""
        problems = []
        targets = self.targets(learner)
        for s in steps:
            m = self.modules[s["module"]]
            for reason in s["reasons"]:
                gap = re.match(r"(closes|narrows) gap in (\S+) (\d)→(\d)", reason)
                if gap:
                    verb, c, before, after = gap.group(1), gap.group(2), int(gap.group(3)), \
                        int(gap.group(4))
                    if not (learner.level(c) <= before < after <= min(targets.get(c, 0),
                                                                     m.teaches.get(c, 0))) \
                            or (verb == "closes") != (after == targets.get(c, 0)):
                        problems.append(f"{s['module']}: untrue gap reason {reason!r}")
                hazard = re.fullmatch(r"(\w+) risk (\d\.\d\d) in (\S+)", reason)
                if hazard:
                    name, index, region = hazard.group(1), float(hazard.group(2)), \
                        hazard.group(3)
                    true_index = self.hazard_index(learner.region, name)
                    if name not in m.hazards or region != learner.region \
                            or abs(true_index - index) > 0.005 or true_index < 0.3:
                        problems.append(f"{s['module']}: untrue hazard reason {reason!r}")
        return problems

    def _exclusion_problems(self, learner: OracleLearner, record: dict,
                            codes: list[str], complete: bool) -> list[str]:
        problems = []
        excluded = [e["module"] for e in record["excluded"]]
        if len(set(excluded)) != len(excluded):
            problems.append("a module excluded twice")
        if set(excluded) & set(codes):
            problems.append(f"both a step and excluded: {set(excluded) & set(codes)}")
        gaps = self.gaps(learner)
        for code in self.modules:
            useful = any(c in gaps for c in self.gain(learner, code))
            if complete and useful and code not in codes and code not in excluded:
                problems.append(f"{code} closes a gap but is neither a step nor excluded")
        region = learner.region
        for e in record["excluded"]:
            m, reason = self.modules[e["module"]], e["reason"]
            if reason.startswith("needs ") and "connectivity" in reason.split(";")[0]:
                if m.min_connectivity <= self.connectivity[region] or region not in reason:
                    problems.append(f"{e['module']}: wrong connectivity reason {reason!r}")
            elif reason.startswith("needs digital literacy"):
                if m.min_literacy <= learner.literacy:
                    problems.append(f"{e['module']}: wrong literacy reason {reason!r}")
            elif reason.startswith("local module of"):
                if self.offered(e["module"], region) or m.scope not in reason:
                    problems.append(f"{e['module']}: wrong local reason {reason!r}")
            elif reason.startswith("not approved"):
                if m.status == "approved":
                    problems.append(f"{e['module']}: wrong approval reason {reason!r}")
            elif reason.startswith("online delivery with "):
                instead = re.search(r"; (\S+) \((\w+)\) teaches the same$", reason)
                if (instead is None or self.connectivity[region] >= 2
                        or m.modality not in ("e_learning", "microlearning")
                        or not self.deliverable(learner, instead.group(1))
                        or instead.group(2) in ("e_learning", "microlearning")):
                    problems.append(f"{e['module']}: wrong offline-instead reason {reason!r}")
            elif reason.startswith("already completed"):
                if e["module"] not in learner.completed:
                    problems.append(f"{e['module']}: wrong completed reason {reason!r}")
            elif re.match(r"\d+ JP is longer than one period", reason):
                if m.jp <= record["max_jp"] / record.get("periods", 1):
                    problems.append(f"{e['module']}: wrong period reason {reason!r}")
            elif reason.startswith("requires "):
                required = reason.split()[1].rstrip(",")
                if required not in self.hard.get(e["module"], set()) \
                        or required in learner.completed \
                        or not reason.startswith(f"requires {required}, which cannot be "
                                                 "taken ("):
                    problems.append(f"{e['module']}: wrong prerequisite reason {reason!r}")
            elif reason.startswith("not selected"):
                if not self.deliverable(learner, e["module"]) \
                        or e["module"] in learner.completed:
                    problems.append(f"{e['module']}: 'not selected' but cannot be taken")
                budget = re.fullmatch(r"not selected: (\d+) JP \(with prerequisites\) would "
                                      r"exceed the (\d+) JP budget \((\d+) JP left\)", reason)
                if budget:
                    cost, max_jp, left = map(int, budget.groups())
                    if max_jp != record["max_jp"] or cost <= left or cost < m.jp or (
                            complete and left != max_jp - record["total_jp"]):
                        problems.append(f"{e['module']}: untrue budget reason {reason!r}")
            else:
                problems.append(f"{e['module']}: unknown kind of reason {reason!r}")
        return problems

    def addable(self, learner: OracleLearner, steps: list[dict], max_jp: int,
                periods: int) -> list[str]:
        """Takeable modules that could join the path as it is: within max_jp, hard
        prerequisites completed or steps, required by no step, and a period with room
        not before any of its prerequisites' periods."""
        cap = max_jp / periods
        codes = {s["module"] for s in steps}
        total = sum(s["jp"] for s in steps)
        load: dict[int, int] = defaultdict(int)
        for s in steps:
            load[s["period"]] += s["jp"]
        period_of = {s["module"]: s["period"] for s in steps}
        needed_by_steps = set().union(*(self.hard.get(c, set()) | self.soft.get(c, set())
                                        for c in codes)) if codes else set()
        result = []
        for code, m in self.modules.items():
            if code in codes or code in learner.completed or code in needed_by_steps:
                continue
            if not self.deliverable(learner, code) or total + m.jp > max_jp or m.jp > cap:
                continue
            if any(r not in learner.completed and r not in codes
                   for r in self.hard.get(code, set())):
                continue
            earliest = max((period_of[r] for r in self.hard.get(code, set())
                            | self.soft.get(code, set()) if r in period_of), default=1)
            if any(load[p] + m.jp <= cap + 1e-9 for p in range(earliest, periods + 1)):
                result.append(code)
        return result
