"""JSON text as the program writes it everywhere: UTF-8, two-space indent, a final newline.

orjson writes exactly the bytes of `json.dumps(ensure_ascii=False, indent=2)` for what our outputs hold
(strings, integers, booleans, null, lists, objects), 15× faster: the standard library falls back to its
pure-Python encoder when indenting, a visible cost for `kontrol --json` with thousands of findings. Floats,
which the two spell differently, never occur (tests/test_fast_paths.py). An integer beyond 64 bits, or a
platform without orjson (Pyodide), goes through the standard library."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any, *, sort_keys: bool = False) -> bytes:
    try:
        import orjson

        option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | (orjson.OPT_SORT_KEYS if sort_keys else 0)
        return orjson.dumps(value, option=option)
    except (ImportError, TypeError):  # TypeError: orjson.JSONEncodeError
        return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n").encode("utf-8")
