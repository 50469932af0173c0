"""JSON Schema validation in two steps: a compiled validator says pass/fail, jsonschema explains failures.

jsonschema (pure Python) gives the detailed errors our Turkish messages are made from, but it costs
~0.1 ms per value checked: on a large workbook (40,000 rows, 640 meeting documents) that was most of
`kontrol` and `platform`. jsonschema-rs (Rust, Draft 2020-12, formats) compiles the same schema and
answers "valid?" in a few microseconds; only what it rejects goes through jsonschema for the messages.
Whatever jsonschema-rs rejects and jsonschema accepts yields no message (the result is jsonschema's);
the reverse cannot happen for our schemas (tests/test_fast_paths.py compares the two).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


class SchemaCheck:
    """One schema, compiled once. `errors(x)`: jsonschema's errors of `x` ([] when valid)."""

    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self._slow = None
        try:
            import jsonschema_rs
        except ImportError:  # no wheel for this platform (xlwings Lite's Pyodide): jsonschema alone, slower
            self._fast = self._fast_many = None
            return
        self._fast = jsonschema_rs.validator_for(schema, validate_formats=True)
        # The same schema as the items of an array: definitions stay at the root, where "#/$defs/…" points.
        roots = ("$schema", "$id", "$defs", "definitions")
        many = {k: schema[k] for k in roots[2:] if k in schema}
        many.update(
            {
                "$schema": schema.get("$schema", "https://json-schema.org/draft/2020-12/schema"),
                "type": "array",
                "items": {k: v for k, v in schema.items() if k not in roots},
            }
        )
        self._fast_many = jsonschema_rs.validator_for(many, validate_formats=True)

    @property
    def slow(self):
        if self._slow is None:
            from jsonschema import FormatChecker, validators

            # No check_schema here: the schemas are ours, checked against their metaschema in the tests
            # (tests/test_lite.py); checking them at each first use was half a second of a press in xlwings Lite.
            cls = validators.validator_for(self.schema)
            self._slow = cls(self.schema, format_checker=FormatChecker())
        return self._slow

    def is_valid(self, instance: Any) -> bool:
        if self._fast is None:
            return next(iter(self.slow.iter_errors(instance)), None) is None
        return self._fast.is_valid(instance)

    def errors(self, instance: Any) -> list:
        if self._fast is not None and self._fast.is_valid(instance):
            return []
        return list(self.slow.iter_errors(instance))

    def invalid_indexes(self, instances: Sequence[Any]) -> list[int]:
        """Positions of the instances the schema rejects, from one call for the whole list."""
        if self._fast_many is None:
            return [i for i, x in enumerate(instances) if not self.is_valid(x)]
        if self._fast_many.is_valid(instances):
            return []
        return sorted({int(e.instance_path[0]) for e in self._fast_many.iter_errors(instances) if e.instance_path})

    def errors_of_many(self, instances: Sequence[Any]) -> Iterator[tuple[int, list]]:
        """(position, jsonschema errors) of every rejected instance."""
        for i in self.invalid_indexes(instances):
            errs = list(self.slow.iter_errors(instances[i]))
            if errs:
                yield i, errs
