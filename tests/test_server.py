"""`gockurul sunucu`: token, size limit, and a real button over HTTP."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from gockurul_excel.server import create_app

from .test_makro import payload_from_xlsx

TOKEN = "gizli-anahtar"


@pytest.fixture
def client():
    return TestClient(create_app(TOKEN, max_body=5_000_000))


def test_without_token_refused(client, make_book):
    r = client.post("/xlwings/kontrol_et", json=payload_from_xlsx(make_book()))
    assert r.status_code == 401
    r = client.post("/xlwings/kontrol_et", json={}, headers={"Authorization": "Bearer yanlis"})
    assert r.status_code == 401


def test_with_token_runs_the_button(client, make_book):
    r = client.post("/xlwings/kontrol_et", json=payload_from_xlsx(make_book()),
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    funcs = [a["func"] for a in r.json()["actions"]]
    assert "setValues" in funcs and "alert" in funcs


def test_oversized_request(client):
    r = client.post("/xlwings/kontrol_et", content=b"x" * 5_000_001,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413


def test_unknown_button_and_bad_json(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/xlwings/yok", json={}, headers=auth).status_code == 404
    assert client.post("/xlwings/kontrol_et", content=b"{", headers=auth).status_code == 400


def test_token_required():
    with pytest.raises(ValueError):
        create_app("", 10)
