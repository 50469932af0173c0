"""Fixtures of the section tests (the helpers are in base.py)."""

from __future__ import annotations

import pytest

from .base import clean


@pytest.fixture
def example_rows():
    """The clean example's rows (kontrol finds nothing in them), to change one thing per test."""
    return clean()
