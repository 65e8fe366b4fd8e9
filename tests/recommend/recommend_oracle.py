"""An independent reading of the catalog, to check recommended paths against the contract.

Reads the interchange CSV files with the standard library only (no curriculum_tool
loader, no CatalogIndex), so a path is checked against what the files say, not against
the recommender's own arrays. :meth:`CatalogOracle.violations` lists every broken
contract rule (§3, §4) of one path.

The rules added to the contract with ``audience``, ``jenjang``, learner ``status`` and
``obligations.csv`` are pure functions here (:func:`reach_along`, :func:`pitched_too_high`,
:func:`in_audience`, :func:`effective_hazards`, :func:`locally_relevant`, :func:`binds`), so
they can be tested on hand-made cases; :meth:`CatalogOracle.rule_problems` applies them to
one path, grouped by rule.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[2] / "catalog"
CONNECTIVITY = {"none": 0, "low": 1, "high": 2}
ONLINE = {"e_learning", "microlearning"}
JSON_KEYS = {
    "learner",
    "position",
    "region",
    "model",
    "min_jp",
    "max_jp",
    "total_jp",
    "expected_value",
    "steps",
    "excluded",
}
STEP_KEYS = {"module", "title", "period", "jp", "modality", "p_success", "value", "reasons"}
#: Keys the extended path object carries (periods, obligations, below_minimum; bilingual
#: reasons and reason kinds).
EXTENDED_KEYS = {"periods", "obligations", "below_minimum"}
EXTENDED_STEP_KEYS = {"reasons_id", "reason_kinds"}
EXCLUDED_KEYS = {"module", "reason", "reason_id", "kind"}
OBLIGATION_KEYS = {"module", "title", "jp", "regulation"}
BELOW_MINIMUM_KEYS = {"kind", "reason", "reason_id"}

#: §3 reach rule: a module lifts ``c`` from at most this many levels below ``L_m(c)``.
REACH = 2
#: §3 local relevance: a hazard module needs one of its hazards at least this high.
RELEVANT_INDEX = 0.3
#: §2 learner status when the cell is empty (or the column absent).
DEFAULT_STATUS = "pns"
#: The rule groups of :meth:`CatalogOracle.rule_problems`.
RULES = ("reach", "audience", "local_relevance", "obligations")


# -- the rules as pure functions -------------------------------------------------------------


def reach_along(
    levels: Mapping[str, int], path: Sequence[Mapping[str, int]]
) -> list[dict[str, bool]]:
    """§3 reach, step by step along ``path`` (each step's ``competencies`` cell as
    ``{c: L_m(c)}``, in step order) for a learner at ``levels`` (absent = 0).

    For each step, ``{c: within reach}`` over the competencies it raises
    (``L_m(c) > level(c)``): within reach when ``level(c) >= L_m(c) - REACH``, or when an
    earlier step is within reach on ``c`` and teaches it at ``L_m(c) - REACH <= L' < L_m(c)``.
    """
    result: list[dict[str, bool]] = []
    for i, teaches in enumerate(path):
        within = {}
        for c, taught in teaches.items():
            level = levels.get(c, 0)
            if taught <= level:
                continue
            within[c] = level >= taught - REACH or any(
                result[j].get(c, False) and taught - REACH <= path[j].get(c, 0) < taught
                for j in range(i)
            )
        result.append(within)
    return result


def pitched_too_high(levels: Mapping[str, int], path: Sequence[Mapping[str, int]]) -> list[int]:
    """Indices of the steps that raise some competency yet are within reach on none."""
    return [
        i
        for i, within in enumerate(reach_along(levels, path))
        if within and not any(within.values())
    ]


def in_audience(audience: Iterable[str], jenjang: str | None, status: str) -> bool:
    """§2 ``audience``: empty = everyone; otherwise the learner's jenjang or status must be
    listed, and a learner whose position has no jenjang is in open audiences only."""
    audience = set(audience)
    if not audience:
        return True
    if not jenjang:
        return False
    return jenjang in audience or (status or DEFAULT_STATUS) in audience


def effective_hazards(
    region: str, parent: Mapping[str, str], hazards: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """§2: the region's own hazards cell, or its nearest ancestor's non-empty cell when its
    own is empty; a region that lists any hazard lists all (nothing is inherited then)."""
    seen = set()
    while region and region not in seen:
        seen.add(region)
        if hazards.get(region):
            return dict(hazards[region])
        region = parent.get(region, "")
    return {}


def locally_relevant(module_hazards: Iterable[str], region_hazards: Mapping[str, float]) -> bool:
    """§3: a module with hazards only where one of them has index >= RELEVANT_INDEX."""
    module_hazards = list(module_hazards)
    return not module_hazards or any(
        region_hazards.get(h, 0.0) >= RELEVANT_INDEX for h in module_hazards
    )


def binds(who: str, jenjang: str | None, status: str) -> bool:
    """§2 obligations.csv ``who`` (a jenjang key or ``cpns``) binds this learner."""
    return (bool(jenjang) and who == jenjang) or (who == "cpns" and status == "cpns")


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
    audience: tuple[str, ...] = ()
    title: str = ""


@dataclass
class OracleLearner:
    """A learner as the oracle sees it (what the learners.csv row says)."""

    id: str
    position: str
    region: str
    literacy: int
    levels: dict[str, int] = field(default_factory=dict)
    completed: frozenset[str] = frozenset()
    #: learners.csv ``status``; None = not given here: the oracle takes the learners.csv
    #: row of the same id, else ``pns`` (see :meth:`CatalogOracle.status`)
    status: str | None = None

    def level(self, competency: str) -> int:
        return self.levels.get(competency, 0)


class CatalogOracle:
    """The catalog files (plus any extra CSV texts) read independently."""

    #: Merge keys of each kind (contract §2); obligations, learners and outcomes are
    #: optional files here.
    KEYS = {
        "modules": ("code",),
        "regions": ("code",),
        "prerequisites": ("module", "requires"),
        "job_standards": ("position", "competency"),
        "regional_standards": ("region", "competency"),
        "learners": ("id",),
        "obligations": ("who", "module"),
        "outcomes": ("learner", "module", "date"),
    }
    OPTIONAL_FILES = {"learners", "obligations", "outcomes"}

    def __init__(self, extra: dict[str, list[str]] | None = None, directory: Path = CATALOG):
        self.directory = directory
        extra = extra or {}
        self.extra = extra
        self.modules: dict[str, OracleModule] = {}
        for row in self._rows("modules", extra):
            self.modules[row["code"]] = OracleModule(
                row["code"],
                int(row["jp"]),
                row["modality"],
                {c: int(v) for c, v in _pairs(row["competencies"]).items()},
                _codes(row["hazards"]),
                CONNECTIVITY[row["min_connectivity"]],
                int(row["min_digital_literacy"]),
                row["scope"],
                row["status"],
                tuple(_codes(row.get("audience") or "")),
                row.get("title") or "",
            )
        self.hard: dict[str, set[str]] = defaultdict(set)
        self.soft: dict[str, set[str]] = defaultdict(set)
        for row in self._rows("prerequisites", extra):
            (self.hard if row["kind"] == "hard" else self.soft)[row["module"]].add(row["requires"])
        self.parent: dict[str, str] = {}
        self.connectivity: dict[str, int] = {}
        self.hazards: dict[str, dict[str, float]] = {}
        for row in self._rows("regions", extra):
            self.parent[row["code"]] = row["parent"]
            self.connectivity[row["code"]] = CONNECTIVITY[row["connectivity"]]
            self.hazards[row["code"]] = _pairs(row["hazards"])
        self.job: dict[str, dict[str, int]] = defaultdict(dict)
        #: position → jenjang (job_standards.csv optional column; absent/empty = none)
        self.jenjang_of: dict[str, str] = {}
        for row in self._rows("job_standards", extra):
            levels = self.job[row["position"]]
            levels[row["competency"]] = max(levels.get(row["competency"], 0), int(row["level"]))
            if row.get("jenjang"):
                self.jenjang_of.setdefault(row["position"], row["jenjang"])
        self.regional: dict[str, dict[str, int]] = defaultdict(dict)
        for row in self._rows("regional_standards", extra):
            levels = self.regional[row["region"]]
            levels[row["competency"]] = max(levels.get(row["competency"], 0), int(row["level"]))
        #: obligations.csv rows as (who, module, regulation)
        self.obligations: list[tuple[str, str, str]] = [
            (row["who"], row["module"], row.get("regulation") or "")
            for row in self._rows("obligations", extra)
        ]
        self.obligation_modules = {module for _, module, _ in self.obligations}
        self._csv_status = {
            row["id"]: row.get("status") or DEFAULT_STATUS for row in self._rows("learners", extra)
        }

    def _rows(self, kind: str, extra: dict[str, list[str]]) -> list[dict[str, str]]:
        """The catalog file's rows, merged by key with the extra CSV texts of that kind.

        A merge that omits a column keeps the stored value of the rows it updates (§2);
        a column absent everywhere is simply missing from the row (read it with ``get``).
        """
        path = self.directory / f"{kind}.csv"
        if kind in self.OPTIONAL_FILES and not path.is_file():
            rows = []
        else:
            with open(path, newline="", encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
        key = self.KEYS[kind]
        merged = {tuple(row[k] for k in key): row for row in rows}
        for text in extra.get(kind, []):
            for row in csv.DictReader(io.StringIO(text)):
                k = tuple(row[k] for k in key)
                merged[k] = {**merged.get(k, {}), **row}
        return list(merged.values())

    def learners(self) -> dict[str, OracleLearner]:
        """learners.csv as the oracle sees it: completed = the ``completed`` cell plus any
        outcomes.csv row with completed 1 (§3); status empty or absent = ``pns``."""
        done: dict[str, set[str]] = defaultdict(set)
        for row in self._rows("outcomes", self.extra):
            if row.get("completed") == "1":
                done[row["learner"]].add(row["module"])
        result = {}
        for row in self._rows("learners", self.extra):
            levels = {c: int(v) for c, v in _pairs(row["competencies"]).items()}
            result[row["id"]] = OracleLearner(
                row["id"],
                row["position"],
                row["region"],
                int(row["digital_literacy"]),
                levels,
                frozenset(_codes(row["completed"])) | done[row["id"]],
                row.get("status") or DEFAULT_STATUS,
            )
        return result

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
        return {
            c: t - learner.level(c)
            for c, t in self.targets(learner).items()
            if t > learner.level(c)
        }

    def gain(self, learner: OracleLearner, module: str) -> dict[str, int]:
        """``L_m(c) − level_u(c)`` where positive, before the reach rule (see :meth:`value`)."""
        return {
            c: level - learner.level(c)
            for c, level in self.modules[module].teaches.items()
            if level > learner.level(c)
        }

    def offered(self, module: str, region: str) -> bool:
        scope = self.modules[module].scope
        return scope == "national" or scope in self.chain(region)

    def status(self, learner: OracleLearner) -> str:
        """The learner's status: as given, else learners.csv's for that id, else ``pns``."""
        return learner.status or self._csv_status.get(learner.id, DEFAULT_STATUS)

    def jenjang(self, learner: OracleLearner) -> str | None:
        """The jenjang of the learner's position (job_standards.csv), None when it has none."""
        return self.jenjang_of.get(learner.position) or None

    def in_audience(self, learner: OracleLearner, module: str) -> bool:
        return in_audience(
            self.modules[module].audience, self.jenjang(learner), self.status(learner)
        )

    def region_hazards(self, region: str) -> dict[str, float]:
        return effective_hazards(region, self.parent, self.hazards)

    def locally_relevant(self, module: str, region: str) -> bool:
        return locally_relevant(self.modules[module].hazards, self.region_hazards(region))

    def relevant_hazards(self, module: str, region: str) -> list[str]:
        """The module's hazards with index >= RELEVANT_INDEX in the region."""
        hazards = self.region_hazards(region)
        return [h for h in self.modules[module].hazards if hazards.get(h, 0.0) >= RELEVANT_INDEX]

    def bound_obligations(self, learner: OracleLearner) -> dict[str, set[str]]:
        """module → regulations of the obligations binding the learner, not yet completed."""
        result: dict[str, set[str]] = defaultdict(set)
        jenjang = self.jenjang(learner)
        for who, module, regulation in self.obligations:
            if binds(who, jenjang, self.status(learner)) and module not in learner.completed:
                result[module].add(regulation)
        return dict(result)

    def deliverable(self, learner: OracleLearner, module: str, literacy: int | None = None) -> bool:
        """Approved, offered in the region, connectivity and digital literacy (the learner's,
        or ``literacy``) suffice, the learner is in its audience and it is locally relevant
        (§3's exclusions)."""
        m = self.modules[module]
        literacy = learner.literacy if literacy is None else literacy
        return (
            m.status == "approved"
            and self.offered(module, learner.region)
            and m.min_connectivity <= self.connectivity[learner.region]
            and m.min_literacy <= literacy
            and self.in_audience(learner, module)
            and self.locally_relevant(module, learner.region)
        )

    def candidate(self, learner: OracleLearner, module: str, literacy: int | None = None) -> bool:
        """Could be a step at all: deliverable, not completed, not an obligation module
        (those are never offered as candidates, §2 obligations.csv)."""
        return (
            self.deliverable(learner, module, literacy)
            and module not in learner.completed
            and module not in self.obligation_modules
        )

    def literacy_tier(self, module: str) -> int:
        """The digital-literacy tier a module raises a learner to (docs/formats.md: the level
        it teaches the digital-literacy competency LITDIG at, at most 3)."""
        return min(self.modules[module].teaches.get("LITDIG", 0), 3)

    def ladder_literacy(self, learner: OracleLearner, periods: int) -> int:
        """The highest digital literacy a path of ``periods`` periods can bring the learner
        to by the last period: one literacy module a period, each taken with the literacy
        of the periods before it."""
        reachable = learner.literacy
        for _ in range(periods - 1):
            raised = max(
                [
                    self.literacy_tier(code)
                    for code in self.modules
                    if self.candidate(learner, code, reachable)
                ],
                default=0,
            )
            if raised <= reachable:
                break
            reachable = raised
        return reachable

    def reach(self, learner: OracleLearner, modules: Sequence[str]) -> list[dict[str, bool]]:
        """:func:`reach_along` over these modules in this order."""
        return reach_along(learner.levels, [self.modules[m].teaches for m in modules])

    def value(self, learner: OracleLearner, steps: list[tuple[str, float]]) -> float:
        """§3: ``Σ_c min(g(c), Σ_m P(m)·gain(m,c))`` for steps ``(module, P)`` in step
        order, ``gain(m,c)`` counting only where the step is within reach on ``c``."""
        covered: dict[str, float] = defaultdict(float)
        reach = self.reach(learner, [module for module, _ in steps])
        for (module, p), within in zip(steps, reach):
            for competency, gain in self.gain(learner, module).items():
                if within.get(competency, False):
                    covered[competency] += p * gain
        return sum(min(gap, covered[c]) for c, gap in self.gaps(learner).items())

    def is_disaster_module(self, module: str) -> bool:
        m = self.modules[module]
        return bool(m.hazards) or any(c.startswith("PB-") for c in m.teaches)

    # -- the check ---------------------------------------------------------------------

    def violations(
        self,
        learner: OracleLearner,
        record: dict,
        max_jp: int,
        min_jp: int,
        periods: int,
        complete: bool = True,
        rules: bool = True,
    ) -> list[str]:
        """Every contract rule the path JSON ``record`` breaks, as text (empty = valid).

        ``complete``: also require every gap-closing module that is not a step to be
        listed in ``excluded``, and a path below ``min_jp`` to have no module left that
        could still be added. ``rules``: include :meth:`rule_problems` (reach, audience,
        local relevance, obligations); without it, the other rules only.
        """
        problems: list[str] = []
        steps = record["steps"]
        codes = [s["module"] for s in steps]
        cap = max_jp / periods
        if set(record) < JSON_KEYS:
            problems.append(f"missing keys {JSON_KEYS - set(record)}")
        for s in steps:
            if not set(s) >= STEP_KEYS:  # the contract's keys; extensions may follow
                problems.append(f"{s['module']}: step keys {sorted(s)}")
        if (
            record["learner"] != learner.id
            or record["position"] != learner.position
            or record["region"] != learner.region
        ):
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
        order = [s["period"] for s in steps]
        if order != sorted(order):
            problems.append(f"steps not in period order: {list(zip(codes, order))}")
        region_connectivity = self.connectivity[learner.region]

        def literacy_in(period: int) -> int:
            """The learner's literacy plus what literacy steps of earlier periods raise."""
            return max(
                [learner.literacy]
                + [self.literacy_tier(s["module"]) for s in steps if s["period"] < period]
            )

        for i, s in enumerate(steps):
            code = s["module"]
            m = self.modules[code]
            if s["jp"] != m.jp or s["modality"] != m.modality:
                problems.append(f"{code}: jp/modality not the catalog's")
            earlier = set(codes[:i])
            for r in self.hard.get(code, set()):
                if r not in learner.completed and r not in earlier:
                    problems.append(
                        f"{code}: hard prerequisite {r} neither completed nor an earlier step"
                    )
            for r in self.soft.get(code, set()) | self.hard.get(code, set()):
                if r in codes[i + 1 :]:
                    problems.append(f"{code}: prerequisite {r} comes later")
            if m.min_connectivity > region_connectivity:
                problems.append(f"{code}: needs more connectivity than {learner.region} has")
            if m.min_literacy > literacy_in(s["period"]):
                problems.append(
                    f"{code}: needs digital literacy {m.min_literacy} > "
                    f"{literacy_in(s['period'])} in period {s['period']}"
                )
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
        if "below_minimum" in record:
            below = record["below_minimum"]
            if total < min_jp and not below:
                problems.append(f"{total} JP < min_jp {min_jp} but below_minimum is empty")
            if total >= min_jp and below:
                problems.append(f"{total} JP >= min_jp {min_jp} but below_minimum is {below}")
        if rules:
            for found in self.rule_problems(learner, record).values():
                problems += found
        return problems

    def shape_problems(self, record: dict) -> list[str]:
        """The extended path object's keys (periods, obligations, below_minimum; reasons_id
        and reason_kinds per step; reason_id and kind per exclusion)."""
        problems = []
        missing = (JSON_KEYS | EXTENDED_KEYS) - set(record)
        if missing:
            problems.append(f"path: missing keys {sorted(missing)}")
        for s in record.get("steps", []):
            missing = (STEP_KEYS | EXTENDED_STEP_KEYS) - set(s)
            if missing:
                problems.append(f"step {s.get('module')}: missing keys {sorted(missing)}")
            elif len(s["reason_kinds"]) != len(s["reasons"]) or len(s["reasons_id"]) != len(
                s["reasons"]
            ):
                problems.append(
                    f"step {s['module']}: reasons, reasons_id and reason_kinds differ in length"
                )
        for e in record.get("excluded", []):
            if EXCLUDED_KEYS - set(e):
                problems.append(
                    f"excluded {e.get('module')}: missing keys {sorted(EXCLUDED_KEYS - set(e))}"
                )
        for o in record.get("obligations") or []:
            if OBLIGATION_KEYS - set(o):
                problems.append(
                    f"obligation {o.get('module')}: missing keys {sorted(OBLIGATION_KEYS - set(o))}"
                )
        below = record.get("below_minimum")
        if below is not None and (not isinstance(below, dict) or BELOW_MINIMUM_KEYS - set(below)):
            problems.append(f"below_minimum {below!r}: not null nor {sorted(BELOW_MINIMUM_KEYS)}")
        return problems

    # -- the extended rules, one path at a time --------------------------------------------

    def rule_problems(self, learner: OracleLearner, record: dict) -> dict[str, list[str]]:
        """The new §2/§3 rules the path breaks, by rule (keys :data:`RULES`)."""
        steps = record["steps"]
        codes = [s["module"] for s in steps]
        result: dict[str, list[str]] = {rule: [] for rule in RULES}
        # reach, along the step order
        reach = self.reach(learner, codes)
        for i in pitched_too_high(learner.levels, [self.modules[c].teaches for c in codes]):
            code = codes[i]
            detail = ", ".join(
                f"{c} taught at {self.modules[code].teaches[c]} from level {learner.level(c)}"
                for c in sorted(reach[i])
            )
            result["reach"].append(
                f"{code} (step {i + 1}, period {steps[i]['period']}): pitched too high: "
                f"{detail}; no earlier step is a rung (earlier: {codes[:i]})"
            )
        # audience
        jenjang = self.jenjang(learner)
        for code in codes:
            if not self.in_audience(learner, code):
                result["audience"].append(
                    f"{code}: outside its audience {list(self.modules[code].audience)} "
                    f"(position {learner.position}: jenjang {jenjang}, "
                    f"status {self.status(learner)})"
                )
        # local relevance
        hazards = self.region_hazards(learner.region)
        for code in codes:
            if not self.locally_relevant(code, learner.region):
                indices = {h: hazards.get(h, 0.0) for h in self.modules[code].hazards}
                result["local_relevance"].append(
                    f"{code}: not locally relevant in {learner.region}: its hazards' indices "
                    f"{indices} all < {RELEVANT_INDEX}"
                )
        result["obligations"] = self.obligation_problems(learner, record)
        return result

    def obligation_problems(self, learner: OracleLearner, record: dict) -> list[str]:
        """§2 obligations.csv: every binding, uncompleted obligation listed (with the
        catalog's title, jp and a regulation of a binding row), nothing else listed, and no
        obligation module as a step of anyone."""
        problems = []
        bound = self.bound_obligations(learner)
        listed = record.get("obligations")
        if listed is None:
            listed = []
            if bound:
                problems.append("path has no 'obligations' key")
        modules = [o.get("module") for o in listed]
        if len(set(modules)) != len(modules):
            problems.append(f"an obligation listed twice: {modules}")
        for module in sorted(set(bound) - set(modules)):
            problems.append(
                f"{module}: binds {learner.id} (jenjang {self.jenjang(learner)}, "
                f"status {self.status(learner)}; {sorted(bound[module])}) but is "
                f"not in obligations {modules}"
            )
        for o in listed:
            module = o.get("module")
            if module not in bound:
                why = (
                    "already completed"
                    if module in learner.completed
                    else "no obligations.csv row binds this learner to it"
                )
                problems.append(
                    f"{module}: in obligations but {why} (jenjang "
                    f"{self.jenjang(learner)}, status {self.status(learner)})"
                )
                continue
            m = self.modules[module]
            if o.get("jp") != m.jp or (m.title and o.get("title") != m.title):
                problems.append(f"{module}: obligation jp/title not the catalog's")
            if o.get("regulation") not in bound[module]:
                problems.append(
                    f"{module}: obligation regulation {o.get('regulation')!r} not "
                    f"one of {sorted(bound[module])}"
                )
        for s in record["steps"]:
            if s["module"] in self.obligation_modules:
                problems.append(f"{s['module']}: an obligation module (obligations.csv) as a step")
        return problems

    def hazard_index(self, region: str, hazard: str) -> float:
        """The hazard's index in the region's effective hazards cell (§2: its own cell, or
        the nearest ancestor's non-empty cell; no per-hazard inheritance)."""
        return self.region_hazards(region).get(hazard, 0.0)

    # -- reasons and exclusions ----------------------------------------------------------------

    #: ``closes gap in KEB 0→2`` (first wording) or ``closes the gap in Name (KEB) 0→2``.
    GAP_REASON = re.compile(
        r"(closes|narrows) (?:the )?gap in (?:(?P<old>[A-Za-z0-9._-]+) |"
        r".*?\((?P<new>[A-Za-z0-9._-]+)\) )(\d)→(\d)"
    )
    #: ``gempa_bumi risk 0.92 in 72.71`` (first wording) or ``earthquake risk 0.92 in Palu``.
    HAZARD_REASON = re.compile(r"(.+?) risk (\d\.\d\d) in (.+)")

    def _reason_problems(self, learner: OracleLearner, steps: list[dict]) -> list[str]:
        """Gap and hazard reasons say true things about the module, learner and region."""
        problems = []
        targets = self.targets(learner)
        reach = self.reach(learner, [s["module"] for s in steps])
        region_hazards = self.region_hazards(learner.region)
        for s, within in zip(steps, reach):
            m = self.modules[s["module"]]
            kinds = list(s.get("reason_kinds") or [])
            kinds += [""] * (len(s["reasons"]) - len(kinds))
            for reason, kind in zip(s["reasons"], kinds):
                gap = self.GAP_REASON.match(reason)
                if gap and kind in ("", "closes_gap", "narrows_gap"):
                    verb = gap.group(1)
                    c = gap.group("old") or gap.group("new")
                    before, after = int(gap.group(4)), int(gap.group(5))
                    if not (
                        learner.level(c)
                        <= before
                        < after
                        <= min(targets.get(c, 0), m.teaches.get(c, 0))
                    ) or (verb == "closes") != (after == targets.get(c, 0)):
                        problems.append(f"{s['module']}: untrue gap reason {reason!r}")
                    elif not within.get(c, False):
                        problems.append(
                            f"{s['module']}: gap reason {reason!r} but the step is "
                            f"not within reach on {c}"
                        )
                hazard = self.HAZARD_REASON.fullmatch(reason)
                if hazard and kind in ("", "hazard_risk"):
                    name, index, region = hazard.group(1), float(hazard.group(2)), hazard.group(3)
                    # the first wording names the hazard key and the region code; the new
                    # one their labels: then the index must be that of one of the module's
                    # hazards in the learner's region
                    if name in region_hazards or name in m.hazards:
                        true = [region_hazards.get(name, 0.0)] if name in m.hazards else []
                    else:
                        true = [region_hazards.get(h, 0.0) for h in m.hazards]
                    if not any(abs(t - index) <= 0.005 and t >= RELEVANT_INDEX for t in true) or (
                        re.fullmatch(r"[0-9.]+", region) and region != learner.region
                    ):
                        problems.append(f"{s['module']}: untrue hazard reason {reason!r}")
        return problems

    #: The planner's exclusion kinds (its ``kind`` key), by the rule they state.
    KIND_CATEGORY = {
        "connectivity": "connectivity",
        "digital_literacy": "literacy",
        "local_elsewhere": "local",
        "not_approved": "approved",
        "offline_instead": "offline_instead",
        "completed": "completed",
        "longer_than_period": "period_length",
        "requires": "requires",
        "not_selected_periods": "not_selected",
        "not_selected_covered": "not_selected",
        "not_selected_budget": "not_selected",
        "not_selected_value": "not_selected",
        "outside_audience": "audience",
        "not_relevant": "local_relevance",
        "pitched_too_high": "reach",
        "obligation": "obligation",
        "obligation_of_others": "obligation",
    }

    @classmethod
    def exclusion_category(cls, entry: dict) -> str | None:
        """The rule an ``excluded`` entry states: by its ``kind`` when it is one of the
        planner's, else by keywords of the kind and the reason text (first wording)."""
        kind = entry.get("kind") or ""
        if kind in cls.KIND_CATEGORY:
            return cls.KIND_CATEGORY[kind]
        reason = entry.get("reason", "")
        words = f"{kind} {reason}".lower()
        for category, keys in (
            ("audience", ("audience",)),
            ("local_relevance", ("relevan",)),
            ("reach", ("reach", "too_high", "too high", "pitched")),
            ("obligation", ("obligat", "compulsory")),
        ):
            if any(key in words for key in keys):
                return category
        if reason.startswith("needs digital literacy"):
            return "literacy"
        if reason.startswith("needs ") and "connectivity" in reason.split(";")[0]:
            return "connectivity"
        for prefix, category in (
            ("local module of", "local"),
            ("a local module of", "local"),
            ("not approved", "approved"),
            ("online delivery with ", "offline_instead"),
            ("already completed", "completed"),
            ("requires ", "requires"),
            ("not selected", "not_selected"),
        ):
            if reason.startswith(prefix):
                return category
        if re.match(r"\d+ JP is longer than one period", reason):
            return "period_length"
        return None

    @classmethod
    def cannot_take(cls, entry: dict, max_jp: int) -> bool:
        """An ``excluded`` entry says the learner cannot take the module (§3's exclusions,
        a prerequisite that cannot be taken, a module longer than a period, pitched too
        high, an obligation, an offline alternative), not that the selection passed it over
        (``not selected: …``), unless it would exceed ``max_jp`` even in an empty path."""
        if cls.exclusion_category(entry) != "not_selected":
            return True
        budget = re.match(
            r"not selected: (\d+) JP \(with prerequisites\) would exceed", entry.get("reason", "")
        )
        return bool(budget) and int(budget.group(1)) > max_jp

    def _exclusion_problems(
        self, learner: OracleLearner, record: dict, codes: list[str], complete: bool
    ) -> list[str]:
        problems = []
        excluded = [e["module"] for e in record["excluded"]]
        if len(set(excluded)) != len(excluded):
            problems.append("a module excluded twice")
        if set(excluded) & set(codes):
            problems.append(f"both a step and excluded: {set(excluded) & set(codes)}")
        gaps = self.gaps(learner)
        for code in self.modules:
            useful = any(c in gaps for c in self.gain(learner, code))
            if code in self.obligation_modules:  # never a candidate: listing it is optional
                continue
            if complete and useful and code not in codes and code not in excluded:
                problems.append(f"{code} closes a gap but is neither a step nor excluded")
        region = learner.region
        for e in record["excluded"]:
            code, reason = e["module"], e["reason"]
            m = self.modules[code]
            category = self.exclusion_category(e)
            wrong = f"{code}: wrong {category} reason {reason!r} (kind {e.get('kind')!r})"
            if category == "connectivity":
                if m.min_connectivity <= self.connectivity[region]:
                    problems.append(wrong)
            elif category == "literacy":
                if m.min_literacy <= learner.literacy:
                    problems.append(wrong)
            elif category == "local":
                if self.offered(code, region):
                    problems.append(wrong)
            elif category == "approved":
                if m.status == "approved":
                    problems.append(wrong)
            elif category == "offline_instead":
                instead = re.search(r"; (\S+) \(([^)]*)\) teaches the same", reason)
                alternative = instead and instead.group(1)
                # the alternative may be one the path's literacy ladder opens
                ladder = self.ladder_literacy(learner, record.get("periods", 1))
                if (
                    alternative not in self.modules
                    or self.connectivity[region] >= 2
                    or m.modality not in ONLINE
                    or not self.deliverable(learner, alternative, ladder)
                    or self.modules[alternative].modality in ONLINE
                ):
                    problems.append(wrong)
            elif category == "completed":
                if code not in learner.completed:
                    problems.append(wrong)
            elif category == "period_length":
                if m.jp <= record["max_jp"] / record.get("periods", 1):
                    problems.append(wrong)
            elif category == "requires":
                required = reason.split()[1].rstrip(",")
                if (
                    required not in self.hard.get(code, set())
                    or required in learner.completed
                    or not reason.startswith(f"requires {required}, which cannot be taken (")
                ):
                    problems.append(wrong)
            elif category == "not_selected":
                ladder = self.ladder_literacy(learner, record.get("periods", 1))
                if not self.candidate(learner, code, ladder):
                    problems.append(f"{code}: 'not selected' but cannot be taken {reason!r}")
                budget = re.fullmatch(
                    r"not selected: (\d+) JP \(with prerequisites\) would "
                    r"exceed the (\d+) JP budget \((\d+) JP left\)",
                    reason,
                )
                if budget:
                    cost, max_jp, left = map(int, budget.groups())
                    if (
                        max_jp != record["max_jp"]
                        or cost <= left
                        or cost < m.jp
                        or (complete and left != max_jp - record["total_jp"])
                    ):
                        problems.append(f"{code}: untrue budget reason {reason!r}")
            elif category == "audience":
                if self.in_audience(learner, code):
                    problems.append(
                        f"{wrong}: the learner (jenjang {self.jenjang(learner)}, "
                        f"status {self.status(learner)}) is in {list(m.audience)}"
                    )
            elif category == "local_relevance":
                if self.locally_relevant(code, region):
                    problems.append(
                        f"{wrong}: {self.relevant_hazards(code, region)} >= "
                        f"{RELEVANT_INDEX} in {region}"
                    )
            elif category == "reach":
                within = self.reach(learner, [*codes, code])[-1]
                if not within or any(within.values()):
                    problems.append(
                        f"{wrong}: after the path's steps it is within reach ({within})"
                    )
            elif category == "obligation":
                if code not in self.obligation_modules:
                    problems.append(f"{wrong}: obligations.csv has no row for it")
            else:
                problems.append(
                    f"{code}: unknown kind of reason {reason!r} (kind {e.get('kind')!r})"
                )
        return problems

    def addable(
        self, learner: OracleLearner, steps: list[dict], max_jp: int, periods: int
    ) -> list[str]:
        """Takeable modules that could join the path as it is: candidates (deliverable, in
        the audience, locally relevant, not completed, no obligation), within max_jp, hard
        prerequisites completed or steps, required by no step, and a period with room not
        before any of its prerequisites' periods where it is not pitched too high (after
        the steps of that period and the earlier ones)."""
        cap = max_jp / periods
        codes = {s["module"] for s in steps}
        total = sum(s["jp"] for s in steps)
        load: dict[int, int] = defaultdict(int)
        for s in steps:
            load[s["period"]] += s["jp"]
        period_of = {s["module"]: s["period"] for s in steps}
        needed_by_steps = (
            set().union(*(self.hard.get(c, set()) | self.soft.get(c, set()) for c in codes))
            if codes
            else set()
        )
        result = []
        for code, m in self.modules.items():
            if code in codes or code in needed_by_steps or not self.candidate(learner, code):
                continue
            if total + m.jp > max_jp or m.jp > cap:
                continue
            if any(
                r not in learner.completed and r not in codes for r in self.hard.get(code, set())
            ):
                continue
            earliest = max(
                (
                    period_of[r]
                    for r in self.hard.get(code, set()) | self.soft.get(code, set())
                    if r in period_of
                ),
                default=1,
            )
            for p in range(earliest, periods + 1):
                if load[p] + m.jp > cap + 1e-9:
                    continue
                before = [s["module"] for s in steps if s["period"] <= p]
                within = self.reach(learner, [*before, code])[-1]
                if not within or any(within.values()):
                    result.append(code)
                    break
        return result
