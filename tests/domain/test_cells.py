"""The cell syntax: codes, integers in a range, flags, lists, pairs, dates."""

import datetime as dt
import string

import pytest
from hypothesis import given, settings, strategies as st

from curriculum_tool.domain import cells
from curriculum_tool.domain.vocab import CODE_PATTERN, HAZARDS, JP_RANGE, LEVELS


@pytest.mark.parametrize(
    "code",
    [
        "A",
        "7",
        "72",
        "72.71",
        "PB-KAJI",
        "M.01",
        "analis-kebijakan",
        "a_b",
        "0101",
        "199001012015011001",
        "A" * 40,
        "9" + "-" * 39,
    ],
)
def test_valid_codes(code):
    assert cells.check_code(code) is None
    assert cells.parse_code(code) == code


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("", "code is empty"),
        ("A B", "code 'A B' is not a valid code"),
        ("-A", "code '-A' is not a valid code"),
        (".A", "is not a valid code"),
        ("_A", "is not a valid code"),
        ("A/B", "is not a valid code"),
        ("A:B", "is not a valid code"),
        ("A;B", "is not a valid code"),
        ("Ä", "is not a valid code"),
        ("A\n", "is not a valid code"),  # '$' alone also matches before a final newline
        ("A" * 41, "is longer than 40 characters"),
    ],
)
def test_invalid_codes(code, fragment):
    assert fragment in cells.check_code(code)
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(")):
        cells.parse_code(code)


def test_code_message_uses_the_callers_name():
    with pytest.raises(ValueError, match=r"^module code 'x y' is not a valid code"):
        cells.parse_code("x y", "module code")


@pytest.mark.parametrize("text, expected", [("1", 1), ("400", 400), ("0012", 12)])
def test_parse_int_in_range(text, expected):
    assert cells.parse_int(text, JP_RANGE, "jp") == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "jp is required"),
        ("0", "jp 0 is outside 1–400"),
        ("401", "jp 401 is outside 1–400"),
        ("12.5", "jp '12.5' is not a whole number"),
        ("1e2", "jp '1e2' is not a whole number"),
        ("abc", "jp 'abc' is not a whole number"),
    ],
)
def test_parse_int_refuses(text, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        cells.parse_int(text, JP_RANGE, "jp")


# The contract's jp is "integer 1–400" written in a CSV cell; Python's int() also accepts
# digit-group underscores and non-ASCII decimal digits, which no CSV integer is.
@pytest.mark.parametrize("text", ["1_0", "١٢", "１２"])
def test_parse_int_refuses_what_is_not_plain_ascii_decimal(text):
    with pytest.raises(ValueError, match="is not a whole number"):
        cells.parse_int(text, JP_RANGE, "jp")


def test_parse_optional_int():
    assert cells.parse_optional_int("", range(101), "l1") is None
    assert cells.parse_optional_int("0", range(101), "l1") == 0
    with pytest.raises(ValueError, match="l1 101 is outside 0–100"):
        cells.parse_optional_int("101", range(101), "l1")


@pytest.mark.parametrize("text, expected", [("0", False), ("1", True)])
def test_flags(text, expected):
    assert cells.parse_flag(text, "is_3t") is expected
    assert cells.parse_optional_flag(text, "l3") is expected


@pytest.mark.parametrize("text", ["", "2", "true", "yes", "-1", "01"])
def test_flag_refuses(text):
    with pytest.raises(ValueError, match=f"is_3t must be 0 or 1, not '{text}'"):
        cells.parse_flag(text, "is_3t")


def test_optional_flag_empty_is_none():
    assert cells.parse_optional_flag("", "l3") is None


def test_choice():
    assert cells.parse_choice("low", ("none", "low"), "connectivity") == "low"
    with pytest.raises(ValueError, match=r"^connectivity 'LOW' is not one of: none, low$"):
        cells.parse_choice("LOW", ("none", "low"), "connectivity")
    with pytest.raises(ValueError, match=r"'\(empty\)'"):
        cells.parse_choice("", ("none", "low"), "connectivity")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ()),
        ("A", ("A",)),
        ("A;B;C", ("A", "B", "C")),
        ("A ; B", ("A", "B")),
    ],
)
def test_code_list(text, expected):
    assert cells.parse_code_list(text, "module") == expected


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("A;;B", "empty item in list 'A;;B'"),
        (";A", "empty item"),
        ("A;", "empty item"),
        ("A;A", "module 'A' is listed twice"),
        ("A;B C", "module 'B C' is not a valid code"),
    ],
)
def test_code_list_refuses(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        cells.parse_code_list(text, "module")


def test_code_list_with_choices():
    assert cells.parse_code_list("banjir;tsunami", "hazard", HAZARDS) == ("banjir", "tsunami")
    with pytest.raises(ValueError, match="hazard 'flood' is not one of"):
        cells.parse_code_list("banjir;flood", "hazard", HAZARDS)


def test_levels():
    assert cells.parse_levels("PB-KAJI:2;M.01:3", LEVELS) == (("PB-KAJI", 2), ("M.01", 3))
    assert cells.parse_levels(" A : 1 ; B:5", LEVELS) == (("A", 1), ("B", 5))
    assert cells.parse_levels("", LEVELS) == ()


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("A", "'A' is not CODE:VALUE"),
        ("A:1;B", "'B' is not CODE:VALUE"),
        ("A:6", "level of A 6 is outside 1–5"),
        ("A:one", "level of A 'one' is not a whole number"),
        ("A:1;A:2", "competency 'A' is listed twice"),
        ("A:1;;B:2", "empty item"),
        (":1", "competency is empty"),
        ("A B:1", "is not a valid code"),
    ],
)
def test_levels_refuse(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        cells.parse_levels(text, LEVELS)


def test_indices():
    assert cells.parse_indices("gempa_bumi:0.92;tsunami:0", HAZARDS, "hazard") == (
        ("gempa_bumi", 0.92),
        ("tsunami", 0.0),
    )


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("gempa_bumi:1.01", "index of gempa_bumi 1.01 is outside 0–1"),
        ("gempa_bumi:-0.5", "outside 0–1"),
        ("gempa_bumi:inf", "outside 0–1"),
        ("gempa_bumi:nan", "outside 0–1"),
        ("gempa_bumi:", "index of gempa_bumi '' is not a number"),
        ("gempa_bumi:x", "is not a number"),
        ("gempa_bumi", "is not KEY:VALUE"),
        ("quake:0.5", "hazard 'quake' is not one of"),
        ("banjir:0.5;banjir:0.6", "hazard 'banjir' is listed twice"),
    ],
)
def test_indices_refuse(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        cells.parse_indices(text, HAZARDS, "hazard")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_dates(text, expected):
    assert cells.parse_date(text) == expected


# The message promises YYYY-MM-DD; anything else must be refused, not silently re-read
# (date.fromisoformat also takes the basic and week-date ISO forms since Python 3.11).
@pytest.mark.parametrize(
    "text",
    [
        "",
        "2023-02-29",
        "2024-3-1",
        "01-03-2024",
        "2024/03/01",
        "2024-03-01T10:00",
        "20240301",
        "2024-W10-1",
    ],
)
def test_dates_refuse_anything_but_yyyy_mm_dd(text):
    with pytest.raises(ValueError, match="is not a date YYYY-MM-DD"):
        cells.parse_date(text)


@pytest.mark.parametrize(
    "value, text",
    [
        (0.92, "0.92"),
        (1.0, "1"),
        (0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),
    ],
)
def test_format_float_is_shortest_exact(value, text):
    assert cells.format_float(value) == text
    assert float(cells.format_float(value)) == value


@pytest.mark.parametrize(
    "value, text", [(None, ""), (0, "0"), (100, "100"), (True, "1"), (False, "0")]
)
def test_format_optional(value, text):
    assert cells.format_optional(value) == text


# -- property-based ------------------------------------------------------------------------

codes = st.from_regex(CODE_PATTERN, fullmatch=True).filter(lambda c: "\n" not in c)


@settings(max_examples=200, deadline=None)
@given(codes)
def test_generated_codes_pass_check(code):
    assert cells.check_code(code) is None


@settings(max_examples=200, deadline=None)
@given(st.text(string.printable.replace("\n", ""), max_size=45))
def test_check_code_agrees_with_the_pattern(text):
    # (a trailing newline is covered by test_invalid_codes)
    assert (cells.check_code(text) is None) == bool(CODE_PATTERN.fullmatch(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(codes, st.integers(1, 5)), unique_by=lambda p: p[0], max_size=6))
def test_levels_round_trip(pairs):
    assert cells.parse_levels(cells.format_levels(pairs), LEVELS) == tuple(pairs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HAZARDS), st.floats(0, 1)), unique_by=lambda p: p[0]))
def test_indices_round_trip(pairs):
    assert cells.parse_indices(cells.format_indices(pairs), HAZARDS, "hazard") == tuple(pairs)


@settings(max_examples=150, deadline=None)
@given(st.lists(codes, unique=True, max_size=6))
def test_code_list_round_trip(items):
    assert cells.parse_code_list(cells.format_list(items), "module") == tuple(items)
