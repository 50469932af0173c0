"""One row of an input sheet as the rules read it (`Record`: header -> typed value) and where its columns are
(`Layout`, shared by a table's records); what its cells held and their addresses are worked out only when asked.
core.model builds them from the rows a backend read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Layout:
    """Where a table's columns are, shared by its records: header -> position in a record's raw cells, and
    header -> column letter."""

    index: dict[str, int]
    letters: dict[str, str]
    known: frozenset[str] = frozenset()  # every header the contract gives the sheet, in any template version


class Record(dict):
    """One row of an input sheet: header -> typed value (None when empty or unreadable), and what the cells held
    and their addresses (both worked out when asked: most rows are never reported).

    A dict, so that `r["Karar No"]` — tens of thousands of times per `kontrol` — is one lookup in C. A column the
    workbook lacks (an older template) reads as None; a header the contract does not know raises KeyError: it is
    a typo in the program, not an empty cell."""

    __slots__ = ("bad", "layout", "raw_cells", "row")

    def __init__(
        self,
        row: int,
        values: Iterable[tuple[str, Any]],
        raw_cells: tuple[Any, ...],
        layout: Layout,
        bad: dict[str, str] | None = None,
    ) -> None:
        dict.__init__(self, values)
        self.row = row
        self.raw_cells = raw_cells  # in `layout.index` order
        self.layout = layout
        self.bad = bad if bad is not None else {}  # header -> why the value could not be read

    def __missing__(self, header: str) -> None:
        if header in self.layout.known:
            return None
        raise KeyError(f"'{header}' sözleşmede bu sayfanın başlığı değil")

    def get(self, header: str, default: Any = None) -> Any:
        v = self[header]
        return default if v is None else v

    def __repr__(self) -> str:
        return f"Record(row={self.row}, {dict.__repr__(self)})"

    @property
    def raw(self) -> Mapping[str, Any]:
        """Header -> what the cell held, as read."""
        return _RawCells(self.layout.index, self.raw_cells)

    @property
    def cells(self) -> Mapping[str, str]:
        """Header -> cell address ('D7')."""
        return _Cells(self.row, self.layout.letters)

    def cell(self, header: str) -> str | None:
        letter = self.layout.letters.get(header)
        return None if letter is None else f"{letter}{self.row}"


class _RawCells(Mapping):
    __slots__ = ("_cells", "_index")

    def __init__(self, index: dict[str, int], cells: tuple[Any, ...]) -> None:
        self._index, self._cells = index, cells

    def __getitem__(self, header: str) -> Any:
        return self._cells[self._index[header]]

    def get(self, header: str, default: Any = None) -> Any:
        i = self._index.get(header)
        return default if i is None else self._cells[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class _Cells(Mapping):
    __slots__ = ("_letters", "_row")

    def __init__(self, row: int, letters: dict[str, str]) -> None:
        self._row, self._letters = row, letters

    def __getitem__(self, header: str) -> str:
        return f"{self._letters[header]}{self._row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)
