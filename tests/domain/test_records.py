"""Record.from_row validation: one failing example per rule, and exact round-trips."""

import datetime as dt
import string

import pytest
from hypothesis import given, settings, strategies as st

from curriculum_tool.domain import (
    RECORD_TYPES,
    Competency,
    JobStandard,
    Learner,
    Module,
    Obligation,
    Outcome,
    Prerequisite,
    Reference,
    Region,
    RegionalStandard,
    RowError,
)
from curriculum_tool.domain.vocab import (
    AUDIENCES,
    CODE_PATTERN,
    CONNECTIVITY,
    HAZARDS,
    MODALITIES,
    STATUSES,
)

VALID = {
    "competencies": {
        "code": "M.01",
        "name": "Integritas",
        "group": "manajerial",
        "description": "Konsisten berperilaku",
    },
    "modules": {
        "code": "PB-201",
        "title": "Pengkajian Risiko Bencana",
        "jp": "32",
        "modality": "blended",
        "level": "2",
        "competencies": "PB-KAJI:2;M.01:2",
        "hazards": "gempa_bumi;tsunami",
        "min_connectivity": "low",
        "min_digital_literacy": "1",
        "scope": "national",
        "status": "approved",
        "owner": "BNPB",
        "audience": "fungsional_ahli;cpns",
    },
    "prerequisites": {"module": "PB-201", "requires": "PB-101", "kind": "hard"},
    "regions": {
        "code": "72.71",
        "name": "Kota Palu",
        "parent": "72",
        "hazards": "gempa_bumi:0.95;tsunami:0.9",
        "connectivity": "low",
        "is_3t": "0",
    },
    "regional_standards": {
        "region": "72",
        "competency": "PB-KAJI",
        "level": "2",
        "reason": "Risiko gempa",
    },
    "job_standards": {
        "position": "analis-kebijakan",
        "title": "Analis Kebijakan",
        "competency": "M.01",
        "level": "3",
        "jenjang": "fungsional_ahli",
    },
    "learners": {
        "id": "199001012015011001",
        "name": "Budi Santoso",
        "position": "analis-kebijakan",
        "region": "31",
        "digital_literacy": "2",
        "competencies": "M.01:2;LITDIG:1",
        "completed": "LD-101;LD-201",
        "status": "cpns",
        "unit": "Biro Perencanaan",
        "supervisor": "DEMO-007",
    },
    "outcomes": {
        "learner": "DEMO-001",
        "module": "LD-101",
        "date": "2024-03-01",
        "completed": "1",
        "l1": "80",
        "l2": "75",
        "l3": "1",
        "l4": "",
    },
    "obligations": {"who": "pengawas", "module": "PKP-201", "regulation": "PerLAN 15/2019"},
}


def _row(kind, /, **changes):
    return {**VALID[kind], **changes}


def _problems(kind, /, **changes):
    with pytest.raises(RowError) as info:
        RECORD_TYPES[kind].from_row(_row(kind, **changes))
    return info.value.problems


# -- valid rows ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(VALID))
def test_valid_row_parses_and_formats_back_to_the_same_text(kind):
    record = RECORD_TYPES[kind].from_row(VALID[kind])
    assert record.to_row() == VALID[kind]
    assert RECORD_TYPES[kind].from_row(record.to_row()) == record
    assert tuple(record.to_row()) == RECORD_TYPES[kind].COLUMNS


def test_valid_module_values_are_typed():
    module = Module.from_row(VALID["modules"])
    assert module.jp == 32
    assert module.level == 2
    assert module.competencies == (("PB-KAJI", 2), ("M.01", 2))
    assert module.hazards == ("gempa_bumi", "tsunami")
    assert module.min_digital_literacy == 1
    assert not module.is_local
    assert module.audience == ("fungsional_ahli", "cpns")


def test_valid_optional_columns_are_typed():
    assert JobStandard.from_row(VALID["job_standards"]).jenjang == "fungsional_ahli"
    learner = Learner.from_row(VALID["learners"])
    assert (learner.status, learner.unit, learner.supervisor) == (
        "cpns",
        "Biro Perencanaan",
        "DEMO-007",
    )
    assert Obligation.from_row(VALID["obligations"]) == Obligation(
        "pengawas", "PKP-201", "PerLAN 15/2019"
    )


#: The optional columns of each kind (contract §2) and the value an empty or absent cell
#: gives.
OPTIONAL_DEFAULTS = {
    "modules": {"audience": ()},
    "job_standards": {"jenjang": None},
    "learners": {"status": "pns", "unit": "", "supervisor": None},
}


def test_optional_columns_are_declared():
    assert {
        kind: set(RECORD_TYPES[kind].OPTIONAL)
        for kind in RECORD_TYPES
        if RECORD_TYPES[kind].OPTIONAL
    } == {kind: set(defaults) for kind, defaults in OPTIONAL_DEFAULTS.items()}
    for kind in RECORD_TYPES:
        assert set(RECORD_TYPES[kind].COLUMNS) >= RECORD_TYPES[kind].OPTIONAL


@pytest.mark.parametrize("kind", list(OPTIONAL_DEFAULTS))
@pytest.mark.parametrize("how", ["absent", "empty"])
def test_optional_columns_absent_or_empty_take_their_defaults(kind, how):
    defaults = OPTIONAL_DEFAULTS[kind]
    row = {c: v for c, v in VALID[kind].items() if c not in defaults}
    if how == "empty":
        row.update(dict.fromkeys(defaults, ""))
    record = RECORD_TYPES[kind].from_row(row)
    assert {column: getattr(record, column) for column in defaults} == defaults
    # An empty status is written back as the status it stands for.
    assert record.to_row() == {
        **row,
        **dict.fromkeys(defaults, ""),
        **({"status": "pns"} if kind == "learners" else {}),
    }


def test_valid_region_and_outcome_values_are_typed():
    region = Region.from_row(VALID["regions"])
    assert region.parent == "72"
    assert region.hazards == (("gempa_bumi", 0.95), ("tsunami", 0.9))
    assert region.hazard_index("tsunami") == 0.9
    assert region.hazard_index("banjir") == 0.0
    assert region.is_3t is False
    province = Region.from_row(_row("regions", code="72", parent="", is_3t="1"))
    assert province.parent is None and province.is_3t is True
    outcome = Outcome.from_row(VALID["outcomes"])
    assert outcome.date == dt.date(2024, 3, 1)
    assert (outcome.completed, outcome.l1, outcome.l2, outcome.l3, outcome.l4) == (
        True,
        80,
        75,
        True,
        None,
    )


@pytest.mark.parametrize(
    "kind, changes",
    [
        ("modules", {"competencies": "", "hazards": "", "owner": ""}),
        ("modules", {"jp": "1", "level": "1", "min_digital_literacy": "0"}),
        ("modules", {"jp": "400", "level": "5", "min_digital_literacy": "3"}),
        ("modules", {"scope": "72.71"}),
        ("competencies", {"description": ""}),
        ("competencies", {"code": "A" * 40}),
        ("regions", {"hazards": "gempa_bumi:0;banjir:1"}),
        ("learners", {"competencies": "", "completed": "", "digital_literacy": "0"}),
        ("outcomes", {"completed": "0", "l1": "", "l2": "", "l3": "", "l4": ""}),
        ("outcomes", {"completed": "0", "l3": "0", "l1": "0", "l2": "100"}),
        ("outcomes", {"completed": "1", "l3": "", "l4": "1"}),
        ("regional_standards", {"reason": ""}),
        ("modules", {"audience": ";".join(AUDIENCES)}),
        ("learners", {"status": "pppk", "unit": "u" * 500}),
        ("learners", {"status": "pns", "supervisor": "199001012015011002"}),
        ("obligations", {"who": "cpns", "regulation": ""}),
    ],
)
def test_boundary_values_are_accepted(kind, changes):
    record = RECORD_TYPES[kind].from_row(_row(kind, **changes))
    assert RECORD_TYPES[kind].from_row(record.to_row()) == record


# -- one failing example per rule -------------------------------------------------------

#: (kind, column, cell template) for every column holding codes; ``{}`` is the code.
CODE_COLUMNS = [
    ("competencies", "code", "{}"),
    ("modules", "code", "{}"),
    ("modules", "scope", "{}"),
    ("modules", "competencies", "{}:1"),
    ("prerequisites", "module", "{}"),
    ("prerequisites", "requires", "{}"),
    ("regions", "code", "{}"),
    ("regions", "parent", "{}"),
    ("regional_standards", "region", "{}"),
    ("regional_standards", "competency", "{}"),
    ("job_standards", "position", "{}"),
    ("job_standards", "competency", "{}"),
    ("learners", "id", "{}"),
    ("learners", "position", "{}"),
    ("learners", "region", "{}"),
    ("learners", "competencies", "M.01:2;{}:1"),
    ("learners", "completed", "LD-101;{}"),
    ("learners", "supervisor", "{}"),
    ("outcomes", "learner", "{}"),
    ("outcomes", "module", "{}"),
    ("obligations", "module", "{}"),
]
BAD_CODES = [
    ("PB 101", "is not a valid code"),
    ("-PB101", "is not a valid code"),
    ("_PB101", "is not a valid code"),
    ("PB/101", "is not a valid code"),
    ("A" * 41, "is longer than 40 characters"),
    ("", "is empty"),
]
#: An empty parent is "no parent", an empty completed list is "none": both valid.
_EMPTY_IS_VALID = {("regions", "parent"), ("learners", "completed"), ("learners", "supervisor")}
#: An empty scope has its own message.
_EMPTY_MESSAGES = {("modules", "scope"): "scope is required"}

CODE_CASES = []
for _kind, _column, _template in CODE_COLUMNS:
    for _bad, _fragment in BAD_CODES:
        if _bad == "" and (_kind, _column) in _EMPTY_IS_VALID:
            continue
        if _bad == "":
            _fragment = _EMPTY_MESSAGES.get((_kind, _column), _fragment)
        CODE_CASES.append(
            pytest.param(
                _kind,
                _column,
                _template.format(_bad),
                _fragment,
                id=f"{_kind}.{_column}={_bad[:12]!r}",
            )
        )


@pytest.mark.parametrize("kind, column, cell, fragment", CODE_CASES)
def test_bad_code_is_refused_in_its_column(kind, column, cell, fragment):
    problems = _problems(kind, **{column: cell})
    assert [c for c, _ in problems] == [column]
    assert fragment in problems[0][1]


@pytest.mark.parametrize("kind, column", [(k, c) for k, c, _ in CODE_COLUMNS])
def test_longest_valid_code_is_accepted_in_every_code_column(kind, column):
    template = {(k, c): t for k, c, t in CODE_COLUMNS}[(kind, column)]
    code = "Z" + "9" * 39
    assert CODE_PATTERN.match(code)
    record = RECORD_TYPES[kind].from_row(_row(kind, **{column: template.format(code)}))
    assert code in record.to_row()[column]


RULES = [
    # competencies
    ("competencies", "group", "technical", "group 'technical' is not one of: teknis"),
    ("competencies", "group", "", "group '(empty)' is not one of"),
    ("competencies", "name", "", "name is required"),
    ("competencies", "description", "x" * 501, "longer than 500 characters"),
    # modules
    ("modules", "title", "", "title is required"),
    ("modules", "jp", "0", "jp 0 is outside 1–400"),
    ("modules", "jp", "401", "jp 401 is outside 1–400"),
    ("modules", "jp", "-3", "jp -3 is outside 1–400"),
    ("modules", "jp", "12.5", "jp '12.5' is not a whole number"),
    ("modules", "jp", "abc", "jp 'abc' is not a whole number"),
    ("modules", "jp", "", "jp is required"),
    ("modules", "modality", "online", "modality 'online' is not one of: klasikal"),
    ("modules", "modality", "Klasikal", "modality 'Klasikal' is not one of"),
    ("modules", "level", "0", "level 0 is outside 1–5"),
    ("modules", "level", "6", "level 6 is outside 1–5"),
    ("modules", "level", "", "level is required"),
    ("modules", "competencies", "PB-KAJI", "'PB-KAJI' is not CODE:VALUE"),
    ("modules", "competencies", "PB-KAJI:6", "level of PB-KAJI 6 is outside 1–5"),
    ("modules", "competencies", "PB-KAJI:0", "level of PB-KAJI 0 is outside 1–5"),
    ("modules", "competencies", "PB-KAJI:x", "level of PB-KAJI 'x' is not a whole number"),
    ("modules", "competencies", "PB-KAJI:", "level of PB-KAJI is required"),
    ("modules", "competencies", "PB-KAJI:1;PB-KAJI:2", "competency 'PB-KAJI' is listed twice"),
    ("modules", "competencies", "A:1;;B:2", "empty item in list 'A:1;;B:2'"),
    ("modules", "competencies", "A:1;", "empty item in list"),
    ("modules", "hazards", "gempa", "hazard 'gempa' is not one of: gempa_bumi"),
    ("modules", "hazards", "banjir;banjir", "hazard 'banjir' is listed twice"),
    ("modules", "hazards", "banjir;;tsunami", "empty item in list"),
    ("modules", "min_connectivity", "medium", "min_connectivity 'medium' is not one of"),
    ("modules", "min_connectivity", "", "min_connectivity '(empty)' is not one of"),
    ("modules", "min_digital_literacy", "4", "min_digital_literacy 4 is outside 0–3"),
    ("modules", "min_digital_literacy", "-1", "min_digital_literacy -1 is outside 0–3"),
    ("modules", "scope", "", "scope is required: 'national' or a region code"),
    ("modules", "scope", "National", None),  # a valid code: accepted as a region code
    ("modules", "status", "published", "status 'published' is not one of: draft"),
    ("modules", "status", "", "status '(empty)' is not one of"),
    (
        "modules",
        "audience",
        "eselon_3",
        "audience 'eselon_3' is not one of: pelaksana, "
        "fungsional_keterampilan, fungsional_ahli, pengawas, administrator, jpt, cpns, pns, "
        "pppk",
    ),
    ("modules", "audience", "Pengawas", "audience 'Pengawas' is not one of"),
    ("modules", "audience", "cpns;cpns", "audience 'cpns' is listed twice"),
    ("modules", "audience", "cpns;;pns", "empty item in list"),
    # prerequisites
    ("prerequisites", "kind", "weak", "kind 'weak' is not one of: hard, soft"),
    ("prerequisites", "kind", "", "kind '(empty)' is not one of"),
    (
        "prerequisites",
        "requires",
        "PB-201",
        "module PB-201 cannot require itself (cycle PB-201 → PB-201)",
    ),
    # regions
    ("regions", "name", "", "name is required"),
    ("regions", "hazards", "gempa_bumi:1.5", "index of gempa_bumi 1.5 is outside 0–1"),
    ("regions", "hazards", "gempa_bumi:-0.1", "index of gempa_bumi -0.1 is outside 0–1"),
    ("regions", "hazards", "gempa_bumi:nan", "is outside 0–1"),
    ("regions", "hazards", "gempa_bumi:high", "index of gempa_bumi 'high' is not a number"),
    ("regions", "hazards", "gempa_bumi", "'gempa_bumi' is not KEY:VALUE"),
    ("regions", "hazards", "volcano:0.5", "hazard 'volcano' is not one of"),
    ("regions", "hazards", "banjir:0.1;banjir:0.2", "hazard 'banjir' is listed twice"),
    ("regions", "connectivity", "fast", "connectivity 'fast' is not one of: none, low, high"),
    ("regions", "connectivity", "", "connectivity '(empty)' is not one of"),
    ("regions", "is_3t", "2", "is_3t must be 0 or 1, not '2'"),
    ("regions", "is_3t", "yes", "is_3t must be 0 or 1, not 'yes'"),
    ("regions", "is_3t", "", "is_3t must be 0 or 1, not ''"),
    ("regions", "parent", "72.71", "region 72.71 cannot be its own parent"),
    # regional standards
    ("regional_standards", "level", "6", "level 6 is outside 1–5"),
    ("regional_standards", "level", "0", "level 0 is outside 1–5"),
    ("regional_standards", "level", "two", "level 'two' is not a whole number"),
    # job standards
    ("job_standards", "level", "9", "level 9 is outside 1–5"),
    ("job_standards", "level", "", "level is required"),
    ("job_standards", "title", "", "title is required"),
    (
        "job_standards",
        "jenjang",
        "eselon_3",
        "jenjang 'eselon_3' is not one of: pelaksana, "
        "fungsional_keterampilan, fungsional_ahli, pengawas, administrator, jpt",
    ),
    ("job_standards", "jenjang", "cpns", "jenjang 'cpns' is not one of"),
    # learners
    ("learners", "name", "", "name is required"),
    ("learners", "digital_literacy", "4", "digital_literacy 4 is outside 0–3"),
    ("learners", "digital_literacy", "-1", "digital_literacy -1 is outside 0–3"),
    ("learners", "digital_literacy", "", "digital_literacy is required"),
    ("learners", "competencies", "M.01", "'M.01' is not CODE:VALUE"),
    ("learners", "competencies", "M.01:7", "level of M.01 7 is outside 1–5"),
    ("learners", "competencies", "M.01:1;M.01:2", "competency 'M.01' is listed twice"),
    ("learners", "completed", "LD-101;LD-101", "module 'LD-101' is listed twice"),
    ("learners", "completed", "LD-101;;LD-201", "empty item in list"),
    ("learners", "status", "honorer", "status 'honorer' is not one of: cpns, pns, pppk"),
    ("learners", "status", "PNS", "status 'PNS' is not one of"),
    ("learners", "unit", "x" * 501, "unit is longer than 500 characters"),
    ("learners", "supervisor", "199001012015011001", "a learner cannot be their own supervisor"),
    # outcomes
    ("outcomes", "date", "2024-13-01", "date '2024-13-01' is not a date YYYY-MM-DD"),
    ("outcomes", "date", "01/03/2024", "date '01/03/2024' is not a date YYYY-MM-DD"),
    ("outcomes", "date", "", "date '(empty)' is not a date YYYY-MM-DD"),
    ("outcomes", "completed", "2", "completed must be 0 or 1, not '2'"),
    ("outcomes", "completed", "", "completed must be 0 or 1, not ''"),
    ("outcomes", "completed", "yes", "completed must be 0 or 1"),
    ("outcomes", "l1", "101", "l1 101 is outside 0–100"),
    ("outcomes", "l1", "-1", "l1 -1 is outside 0–100"),
    ("outcomes", "l1", "high", "l1 'high' is not a whole number"),
    ("outcomes", "l2", "101", "l2 101 is outside 0–100"),
    ("outcomes", "l2", "7.5", "l2 '7.5' is not a whole number"),
    ("outcomes", "l3", "2", "l3 must be 0 or 1, not '2'"),
    ("outcomes", "l3", "ya", "l3 must be 0 or 1"),
    ("outcomes", "l4", "x", "l4 must be 0 or 1, not 'x'"),
    # obligations: a jenjang key or cpns (a PNS or PPPK status binds no one)
    (
        "obligations",
        "who",
        "pns",
        "who 'pns' is not one of: pelaksana, "
        "fungsional_keterampilan, fungsional_ahli, pengawas, administrator, jpt, cpns",
    ),
    ("obligations", "who", "", "who '(empty)' is not one of"),
    ("obligations", "regulation", "x" * 501, "regulation is longer than 500 characters"),
]


@pytest.mark.parametrize(
    "kind, column, cell, fragment",
    [pytest.param(*rule, id=f"{rule[0]}.{rule[1]}={rule[2][:15]!r}") for rule in RULES],
)
def test_each_rule_refuses_its_bad_value_in_its_column(kind, column, cell, fragment):
    if fragment is None:
        record = RECORD_TYPES[kind].from_row(_row(kind, **{column: cell}))
        assert record.to_row()[column] == cell
        return
    problems = _problems(kind, **{column: cell})
    assert [c for c, _ in problems] == [column], problems
    assert fragment in problems[0][1]


def test_l3_applied_without_completion_is_refused_on_l3():
    problems = _problems("outcomes", completed="0", l3="1")
    assert problems == [("l3", "l3 (applied at work) is 1 but the module was not completed")]


def test_a_row_reports_every_bad_column_at_once():
    problems = _problems(
        "modules", code="bad code", jp="0", modality="online", level="9", scope="", title=""
    )
    assert [column for column, _ in problems] == [
        "code",
        "title",
        "jp",
        "modality",
        "level",
        "scope",
    ]


def test_row_error_message_names_each_column():
    with pytest.raises(RowError, match=r"jp: jp 0 is outside 1–400; level: level 9 "):
        Module.from_row(_row("modules", jp="0", level="9"))


@pytest.mark.parametrize("kind", list(VALID))
def test_missing_cells_are_treated_as_empty(kind):
    with pytest.raises(RowError) as info:
        RECORD_TYPES[kind].from_row({})
    assert info.value.problems
    assert all(column in RECORD_TYPES[kind].COLUMNS for column, _ in info.value.problems)


def test_edited_validates_like_an_imported_row():
    module = Module.from_row(VALID["modules"])
    assert module.edited(jp="40").jp == 40
    with pytest.raises(RowError, match="jp 0 is outside"):
        module.edited(jp="0")


# -- references and keys -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("competencies", []),
        (
            "modules",
            [
                Reference("competencies", "competencies", "PB-KAJI"),
                Reference("competencies", "competencies", "M.01"),
            ],
        ),
        (
            "prerequisites",
            [Reference("module", "modules", "PB-201"), Reference("requires", "modules", "PB-101")],
        ),
        ("regions", [Reference("parent", "regions", "72")]),
        (
            "regional_standards",
            [
                Reference("region", "regions", "72"),
                Reference("competency", "competencies", "PB-KAJI"),
            ],
        ),
        ("job_standards", [Reference("competency", "competencies", "M.01")]),
        (
            "learners",
            [
                Reference("position", "positions", "analis-kebijakan"),
                Reference("region", "regions", "31"),
                Reference("competencies", "competencies", "M.01"),
                Reference("competencies", "competencies", "LITDIG"),
                Reference("completed", "modules", "LD-101"),
                Reference("completed", "modules", "LD-201"),
                Reference("supervisor", "learners", "DEMO-007"),
            ],
        ),
        (
            "outcomes",
            [
                Reference("learner", "learners", "DEMO-001"),
                Reference("module", "modules", "LD-101"),
            ],
        ),
        ("obligations", [Reference("module", "modules", "PKP-201")]),
    ],
)
def test_references(kind, expected):
    assert list(RECORD_TYPES[kind].from_row(VALID[kind]).references()) == expected


def test_learner_without_supervisor_references_no_learner():
    learner = Learner.from_row(_row("learners", supervisor=""))
    assert [r for r in learner.references() if r.kind == "learners"] == []


def test_local_module_references_its_region():
    module = Module.from_row(_row("modules", scope="72.71"))
    assert module.is_local
    assert Reference("scope", "regions", "72.71") in list(module.references())


@pytest.mark.parametrize(
    "kind, key",
    [
        ("competencies", ("M.01",)),
        ("modules", ("PB-201",)),
        ("prerequisites", ("PB-201", "PB-101")),
        ("regions", ("72.71",)),
        ("regional_standards", ("72", "PB-KAJI")),
        ("job_standards", ("analis-kebijakan", "M.01")),
        ("learners", ("199001012015011001",)),
        ("outcomes", ("DEMO-001", "LD-101", dt.date(2024, 3, 1))),
        ("obligations", ("pengawas", "PKP-201")),
    ],
)
def test_keys(kind, key):
    assert RECORD_TYPES[kind].from_row(VALID[kind]).key() == key


@pytest.mark.parametrize(
    "completed, l3, success",
    [
        ("1", "1", True),
        ("1", "0", False),
        ("1", "", None),
        ("0", "0", False),
        ("0", "", False),
    ],
)
def test_outcome_success_label(completed, l3, success):
    assert Outcome.from_row(_row("outcomes", completed=completed, l3=l3)).success is success


def test_record_types_are_in_dependency_order():
    assert list(RECORD_TYPES) == [
        "competencies",
        "regions",
        "modules",
        "prerequisites",
        "regional_standards",
        "job_standards",
        "learners",
        "outcomes",
        "obligations",
    ]
    assert [RECORD_TYPES[k] for k in RECORD_TYPES] == [
        Competency,
        Region,
        Module,
        Prerequisite,
        RegionalStandard,
        JobStandard,
        Learner,
        Outcome,
        Obligation,
    ]


# -- property-based round-trips ------------------------------------------------------------

_CODE_CHARS = string.ascii_letters + string.digits + "._-"
codes = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_letters + string.digits),
    st.text(_CODE_CHARS, max_size=39),
)
#: Free text as it comes out of a stripped cell: non-empty, no surrounding whitespace, no
#: control character but tab and line ends (``cells.check_text`` refuses the others).
texts = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"),
        min_size=1,
        max_size=80,
    )
    .map(str.strip)
    .filter(bool)
)
levels = st.integers(1, 5)


@st.composite
def modules(draw):
    competency_codes = draw(st.lists(codes, max_size=4, unique=True))
    return Module(
        code=draw(codes),
        title=draw(texts),
        jp=draw(st.integers(1, 400)),
        modality=draw(st.sampled_from(MODALITIES)),
        level=draw(levels),
        competencies=tuple((c, draw(levels)) for c in competency_codes),
        hazards=tuple(draw(st.lists(st.sampled_from(HAZARDS), unique=True))),
        min_connectivity=draw(st.sampled_from(CONNECTIVITY)),
        min_digital_literacy=draw(st.integers(0, 3)),
        scope=draw(st.one_of(st.just("national"), codes)),
        status=draw(st.sampled_from(STATUSES)),
        owner=draw(st.one_of(st.just(""), texts)),
        audience=tuple(draw(st.lists(st.sampled_from(AUDIENCES), unique=True))),
    )


@st.composite
def outcomes(draw):
    completed = draw(st.booleans())
    l3 = draw(st.one_of(st.none(), st.booleans()))
    if not completed and l3:
        l3 = draw(st.sampled_from([None, False]))
    scores = st.one_of(st.none(), st.integers(0, 100))
    return Outcome(
        learner=draw(codes),
        module=draw(codes),
        date=draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
        completed=completed,
        l1=draw(scores),
        l2=draw(scores),
        l3=l3,
        l4=draw(st.one_of(st.none(), st.booleans())),
    )


@settings(max_examples=150, deadline=None)
@given(modules())
def test_module_round_trips_through_its_row(module):
    row = module.to_row()
    assert all(isinstance(v, str) for v in row.values())
    assert Module.from_row(row) == module


@settings(max_examples=150, deadline=None)
@given(outcomes())
def test_outcome_round_trips_through_its_row(outcome):
    assert Outcome.from_row(outcome.to_row()) == outcome
