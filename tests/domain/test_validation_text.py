"""Every cell check speaks both languages: its English is the message the command line and
the files show, and the app shows its Indonesian, never an English source string."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from curriculum_tool.domain import RECORD_TYPES, RowError
from curriculum_tool.domain.validation_text import FIELDS, MESSAGES, field_id, refusal

#: Words of the English templates; none may survive into an Indonesian message.
ENGLISH = re.compile(
    r"\b(is|not|empty|required|contains|longer|than|characters|whole|number|outside|"
    r"must|one of|listed|twice|index|item|list|separated|date|valid|code|cannot|own|"
    r"learner|region|parent|supervisor|letters|digits|starting|with|a|the)\b"
)
SAMPLE = {
    "value": "X1",
    "code": "0007",
    "position": 3,
    "limit": 500,
    "low": 1,
    "high": 5,
    "choices": "klasikal, e_learning",
    "separator": ";",
    "label": "KODE",
    "key": "gempa_bumi",
    "national": "national",
    "singular": "competency",
    "plural": "competencies",
}


@pytest.mark.parametrize("kind", sorted(MESSAGES))
@pytest.mark.parametrize("what", sorted(FIELDS))
def test_each_message_about_each_field_is_indonesian(kind, what):
    english = MESSAGES[kind][0]
    params = {k: v for k, v in SAMPLE.items() if "{" + k + "}" in english}
    message = refusal(kind, what, **params)
    assert str(message) == english.format(what=what, **params)
    assert message.kind == f"cell:{kind}"
    text = message.indonesian.replace(field_id(what), "").replace("'national'", "")
    words = ENGLISH.findall(text)
    assert not words, (message.indonesian, words)


@pytest.mark.parametrize(
    "singular, plural",
    [
        (k, v)
        for k, v in [
            ("competency", "competencies"),
            ("region", "regions"),
            ("module", "modules"),
            ("learner", "learners"),
            ("position", "job_standards (no job standard defines it)"),
        ]
    ],
)
def test_unknown_references_name_their_target_in_indonesian(singular, plural):
    message = refusal("unknown_reference", singular=singular, plural=plural, value="X-1")
    assert str(message) == f"unknown {singular} 'X-1'; add it to {plural} first"
    assert not ENGLISH.findall(message.indonesian), message.indonesian
    assert "X-1" in message.indonesian


def test_every_field_has_an_indonesian_name():
    same = {k for k, v in FIELDS.items() if k == v}
    assert same <= {"status", "level", "jenjang"}  # the same word in both languages
    assert field_id("level of M.01") == "level M.01"


def bad_rows(record_type) -> list[dict[str, str]]:
    """Rows that break each cell of ``record_type``: empty, and nonsense."""
    columns = record_type.COLUMNS
    return [
        dict.fromkeys(columns, ""),
        dict.fromkeys(columns, "x y;;"),
        dict.fromkeys(columns, "999999"),
        dict.fromkeys(columns, "a\x00b"),
    ]


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_every_refusal_of_every_record_type_carries_indonesian(kind):
    record_type = RECORD_TYPES[kind]
    seen = 0
    for row in bad_rows(record_type):
        try:
            record_type.from_row(row)
        except RowError as error:
            for column, message in error.problems:
                seen += 1
                indonesian = getattr(message, "indonesian", None)
                assert indonesian and indonesian != str(message), (kind, column, message)
    assert seen > 0


MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def first_row(kind: str) -> dict[str, str]:
    with open(MINI / f"{kind}.csv", newline="", encoding="utf-8") as handle:
        return next(csv.DictReader(handle))


@pytest.mark.parametrize(
    "kind, change",
    [
        ("prerequisites", {"requires": "LD-201"}),  # a module requiring itself
        ("regions", {"parent": "72"}),  # its own parent
        ("learners", {"supervisor": "DEMO-001"}),  # their own supervisor
        ("outcomes", {"completed": "0", "l3": "1"}),  # applied without completing
    ],
)
def test_checks_across_a_row_carry_indonesian_too(kind, change):
    record_type = RECORD_TYPES[kind]
    record_type.from_row(first_row(kind))  # the row is valid before the change
    with pytest.raises(RowError) as raised:
        record_type.from_row({**first_row(kind), **change})
    [(column, message)] = raised.value.problems
    assert column in change
    assert message.indonesian != str(message)
    assert not ENGLISH.findall(message.indonesian.replace("l3", "")), message.indonesian
