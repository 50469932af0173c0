"""Stand-in for rpds-py in the Pyodide test harness only (never shipped, never installed by Lite).

rpds-py is compiled (Rust); Pyodide's distribution has a build of it, which real xlwings Lite loads from
Pyodide's CDN under jsonschema -> referencing. The npm `pyodide` package has no package files and PyPI has no
wasm wheel of rpds-py, so the offline harness installs this: the same immutable HashTrieMap / HashTrieSet / List
API that referencing and jsonschema use, on Python dicts, sets and tuples (slower, same answers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class HashTrieMap(Mapping):
    __slots__ = ("_d",)

    def __init__(self, value=(), **kwds):
        self._d = dict(value)
        self._d.update(kwds)

    @classmethod
    def convert(cls, value):
        return value if isinstance(value, HashTrieMap) else cls(value)

    @classmethod
    def fromkeys(cls, keys, value=None):
        return cls(dict.fromkeys(keys, value))

    def __class_getitem__(cls, item):
        return cls

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __hash__(self):
        return hash(frozenset(self._d.items()))

    def __repr__(self):
        return f"HashTrieMap({self._d!r})"

    def insert(self, key, value):
        d = dict(self._d)
        d[key] = value
        return HashTrieMap(d)

    def remove(self, key):
        d = dict(self._d)
        del d[key]
        return HashTrieMap(d)

    def discard(self, key):
        d = dict(self._d)
        d.pop(key, None)
        return HashTrieMap(d)

    def update(self, *maps, **kwds):
        d = dict(self._d)
        for m in maps:
            d.update(m)
        d.update(kwds)
        return HashTrieMap(d)


class HashTrieSet(frozenset):
    def __class_getitem__(cls, item):
        return cls

    def insert(self, value):
        return HashTrieSet((*self, value))

    def discard(self, value):
        return HashTrieSet(v for v in self if v != value)

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        return self.discard(value)

    def update(self, *iterables: Iterable):
        out = set(self)
        for it in iterables:
            out.update(it)
        return HashTrieSet(out)


class List:
    __slots__ = ("_t",)

    def __init__(self, iterable=(), *more):
        self._t = tuple(iterable) + more

    def __class_getitem__(cls, item):
        return cls

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return len(self._t)

    def __eq__(self, other):
        return isinstance(other, List) and self._t == other._t

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return f"List({list(self._t)!r})"

    def push_front(self, value):
        return List((value, *self._t))

    def drop_first(self):
        return List(self._t[1:])

    @property
    def first(self):
        return self._t[0]

    @property
    def rest(self):
        return List(self._t[1:])


__all__ = ["HashTrieMap", "HashTrieSet", "List"]
