"""Hostile requests: SQL and FTS syntax in every parameter is data, never code or a 500."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cachlamhay.pipeline import ingest
from cachlamhay.store import open_store
from cachlamhay.web.app import create_app
from tests.conftest import EXAMPLES

PAYLOADS = [
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    'ha tinh" OR "1"="1',
    "*",
    "NEAR(ha tinh)",
    "title:ha",
    "%",
    "_",
    "\\",
    "1; SELECT * FROM facts",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, Path]:
    db = tmp_path_factory.mktemp("security") / "s.db"
    with open_store(db) as store:
        ingest(store, [EXAMPLES])
    return TestClient(create_app(db)), db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_parameter(client: tuple[TestClient, Path], payload: str) -> None:
    http, db = client
    requests = [
        ("/search.json", {"q": payload}),
        ("/search.json", {"q": "ha tinh", "province": payload}),
        ("/search.json", {"q": "ha tinh", "source": payload}),
        ("/search.json", {"q": "ha tinh", "fact_type": payload}),
        ("/search.json", {"q": "ha tinh", "year": payload}),
        ("/network.json", {"purpose": payload}),
        ("/practices.json", {"q": payload}),
        ("/compare/grdp_growth.json", {"provinces": payload}),
    ]
    for path, params in requests:
        response = http.get(path, params=params)
        assert response.status_code < 500, (path, params, response.text)
        if params.get("source") == payload:
            assert response.json()["total"] == 0  # a value, not a condition
    for path in ("/province/", "/person/", "/article/", "/practices/", "/compare/"):
        assert http.get(path + payload.replace("/", "%2F") + ".json").status_code < 500
    with open_store(db, readonly=True) as store:
        assert store.count("documents") == 2
        assert store.count("facts") > 0
