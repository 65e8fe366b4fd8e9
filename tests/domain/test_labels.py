"""Vocabulary keys in words: one table per vocabulary and language, covering the contract."""

import doctest

import pytest

from curriculum_tool.domain import labels, reasons
from curriculum_tool.domain.labels import VOCABULARIES, label
from curriculum_tool.domain.vocab import (
    AUDIENCES,
    CONNECTIVITY,
    HAZARDS,
    MODALITIES,
    STATUSES,
)

KEYS = {
    "modality": MODALITIES,
    "status": STATUSES,
    "hazard": HAZARDS,
    "connectivity": CONNECTIVITY,
    "audience": AUDIENCES,
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("vocabulary", sorted(KEYS))
def test_every_key_of_the_contract_has_words_in_both_languages(lang, vocabulary):
    table = VOCABULARIES[lang][vocabulary]
    assert set(table) == set(KEYS[vocabulary])
    assert all(words.strip() for words in table.values())


def test_the_app_wording_of_modalities_and_statuses():
    assert [label("modality", m, capitalized=True) for m in MODALITIES] == [
        "Klasikal",
        "E-learning",
        "Blended",
        "Microlearning",
        "Coaching",
        "Mentoring",
        "Pembelajaran sosial",
        "Pembelajaran berbasis pengalaman",
    ]
    # ``review`` is "ditinjau" everywhere: the workflow Draf → Ditinjau → Disetujui.
    assert [label("status", s, capitalized=True) for s in STATUSES] == [
        "Draf",
        "Ditinjau",
        "Disetujui",
    ]
    assert [label("status", s, "en", capitalized=True) for s in STATUSES] == [
        "Draft",
        "In review",
        "Approved",
    ]


def test_unknown_keys_and_languages():
    assert label("modality", "podcast") == "podcast"
    assert label("modality", "klasikal", "fr") == "klasikal"  # anything but en is Indonesian


def test_capitalized_keeps_the_rest_of_the_words():
    assert label("audience", "jpt", capitalized=True) == "Pimpinan tinggi (JPT)"


def test_reasons_put_keys_into_the_same_words():
    assert reasons.label is labels.label
    reason = reasons.Reason.of("modality", modality="microlearning")
    assert reason.indonesian == "pelaksanaan microlearning"
    assert str(reason) == "microlearning delivery"


def test_documented_examples_hold():
    result = doctest.testmod(labels, verbose=False, report=False)
    assert result.attempted > 0 and result.failed == 0
