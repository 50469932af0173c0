"""core.schemacheck in the process: one schema compiled once, the same answers from the fast validator (one call for
a whole list of rows, definitions kept at the root) and from jsonschema alone (xlwings Lite's Pyodide has no
jsonschema_rs), formats checked (a date that is no date is refused)."""

from __future__ import annotations

import pytest

from gockurul_excel.core.schemacheck import SchemaCheck

ROW = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:test:row",
    "type": "object",
    "$defs": {"n": {"type": "integer", "minimum": 0}},
    "properties": {"a": {"$ref": "#/$defs/n"}, "d": {"type": "string", "format": "date"}},
    "required": ["a"],
}
OLD = {"definitions": {"n": {"type": "integer"}}, "type": "object", "properties": {"a": {"$ref": "#/definitions/n"}}}
ROWS = [{"a": 1}, {"a": "x"}, {"a": 2, "d": "2025-02-28"}, {"d": "2025-02-30", "a": 3}, {}, {"a": -1}]


def both(schema: dict) -> list[SchemaCheck]:
    fast = SchemaCheck(schema)
    slow = SchemaCheck(schema)
    slow._fast = slow._fast_many = None  # as in Pyodide
    return [fast, slow]


@pytest.mark.parametrize("check", both(ROW), ids=["jsonschema_rs", "jsonschema"])
def test_the_rows_a_schema_refuses_with_their_errors(check):
    assert check.schema is ROW
    assert [check.is_valid(r) for r in ROWS] == [True, False, True, False, False, False]
    assert check.invalid_indexes(ROWS) == [1, 3, 4, 5]
    assert check.invalid_indexes([{"a": 1}]) == [] and check.invalid_indexes([]) == []
    assert check.errors({"a": 1}) == []
    assert [(e.validator, list(e.absolute_path)) for e in check.errors({"a": "x", "d": "31.02"})] == [
        ("type", ["a"]),
        ("format", ["d"]),
    ]
    many = list(check.errors_of_many(ROWS))
    assert [i for i, _ in many] == [1, 3, 4, 5]
    assert [[e.validator for e in errs] for _, errs in many] == [["type"], ["format"], ["required"], ["minimum"]]


@pytest.mark.parametrize("check", both(OLD), ids=["jsonschema_rs", "jsonschema"])
def test_definitions_of_an_older_draft_and_no_schema_keyword(check):
    assert check.invalid_indexes([{"a": 1}, {"a": 1.5}, {"a": "x"}]) == [1, 2]
    assert check.is_valid({"a": 7}) and not check.is_valid({"a": "7"})


def test_the_slow_validator_is_made_once_and_only_when_asked():
    check = SchemaCheck(ROW)
    assert check._slow is None
    assert check.errors({"a": 1}) == [] and check._slow is None  # valid: the fast answer is enough
    slow = check.slow
    assert check.slow is slow and check.errors({"a": "x"})[0].validator == "type"


@pytest.mark.parametrize("check", both(ROW), ids=["jsonschema_rs", "jsonschema"])
def test_the_refused_rows_come_in_row_order(check):
    rows = [{"a": 1}] * 9
    rows[1], rows[8] = {"a": "x"}, {"a": "y"}  # a set of {1, 8} iterates as 8, 1
    assert check.invalid_indexes(rows) == [1, 8]


# The checks below are made inside each test, not at collection (as `both` does): mutmut counts only the calls a
# test makes, so a constructor called at collection has no test to fail.


def test_the_single_check_refuses_a_date_that_is_no_date():
    """Formats are checked by the fast validator too (jsonschema_rs checks none under 2020-12 unless told)."""
    check = SchemaCheck(ROW)
    assert check.is_valid({"a": 1, "d": "2025-02-28"}) and not check.is_valid({"a": 1, "d": "2025-02-30"})
    assert [(e.validator, list(e.absolute_path)) for e in check.errors({"a": 1, "d": "2025-02-30"})] == [
        ("format", ["d"])
    ]


def test_the_call_for_many_refuses_a_date_that_is_no_date():
    """The check of many rows in one call checks formats too: a row whose only fault is a date that is no date
    (30 February) is refused, with jsonschema's format error."""
    check = SchemaCheck(ROW)
    rows = [{"a": 1, "d": "2025-02-28"}, {"a": 1, "d": "2025-02-30"}]
    assert check.invalid_indexes(rows) == [1]
    assert [(i, [e.validator for e in errs]) for i, errs in check.errors_of_many(rows)] == [(1, ["format"])]


def test_definitions_of_an_older_draft_stay_where_their_refs_point_in_the_call_for_many():
    check = SchemaCheck(OLD)
    assert check.invalid_indexes([{"a": 1}, {"a": 1.5}, {"a": "x"}, {"a": 7}]) == [1, 2]
    assert [i for i, _ in check.errors_of_many([{"a": "x"}, {"a": 7}])] == [0]


DRAFT7 = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "definitions": {"s": {"type": "string"}},
    "type": "object",
    "properties": {"a": {"$ref": "#/definitions/s", "maxLength": 1}},
}


def test_the_schemas_own_draft_holds_in_the_call_for_many():
    """Draft 7 ignores the keywords beside a $ref (2020-12, the default, applies them): 'xx' is only a string
    there, so the one call for many rows must read the schema as draft 7 as well."""
    check = SchemaCheck(DRAFT7)
    rows = [{"a": "xx"}, {"a": 5}, {"a": "y"}]
    assert [check.is_valid(r) for r in rows] == [True, False, True]
    assert check.invalid_indexes(rows) == [1]
    assert [(i, [e.validator for e in errs]) for i, errs in check.errors_of_many(rows)] == [(1, ["type"])]


def test_the_call_for_many_refuses_the_invalid_date_among_valid_rows():
    """Formats are checked in the one call for a whole list as well: 30 February is refused there too."""
    check = SchemaCheck(ROW)
    rows = [{"a": 1, "d": "2025-02-28"}, {"a": 2, "d": "2025-02-30"}, {"a": 3}]
    assert check.invalid_indexes(rows) == [1]
    assert [(i, [e.validator for e in errs]) for i, errs in check.errors_of_many(rows)] == [(1, ["format"])]
