"""The admin API (off by default, behind a bearer token) and the request limits of every route."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message

from cachlamhay.errors import UsageError
from cachlamhay.pipeline import ingest
from cachlamhay.store import open_store
from cachlamhay.web import admin
from cachlamhay.web.app import MAX_QUERY_PARAMS, RequestLimits, create_app
from tests.conftest import EXAMPLES

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
WORD = "zyxqwertyvn"  # in the new articles only


def _article(doc_id: str | None, title: str, text: str) -> str:
    record: dict[str, Any] = {"source": "admin-test", "title": title, "text": f"{text} {WORD}."}
    if doc_id is not None:
        record["id"] = doc_id
    return json.dumps(record, ensure_ascii=False)


GOOD_1 = _article(
    "admin-1",
    "Quảng Trị học hỏi Bắc Ninh",
    "Đoàn công tác tỉnh Quảng Trị do Bí thư Tỉnh ủy dẫn đầu đã đến thăm và làm việc tại tỉnh "
    "Bắc Ninh để học hỏi kinh nghiệm chuyển đổi số",
)
GOOD_2 = _article(
    "admin-2",
    "Hà Giang học hỏi Lào Cai",
    "Tỉnh Hà Giang học hỏi cách làm hay về du lịch cộng đồng của tỉnh Lào Cai",
)
BODY = "\n".join([GOOD_1, '{"id": "broken", "text": ', GOOD_2]).encode("utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "admin.db"
    with open_store(path) as store:
        ingest(store, [EXAMPLES])
    return path


@pytest.fixture
def client(db: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv(admin.TOKEN_ENV, TOKEN)
    return TestClient(create_app(db))


def _count(db: Path) -> int:
    with open_store(db, readonly=True) as store:
        return store.count("documents")


# -- off by default, token ---------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, "", "   "])
def test_admin_is_off_without_a_token(
    db: Path, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(admin.TOKEN_ENV, raising=False)
    else:
        monkeypatch.setenv(admin.TOKEN_ENV, value)
    http = TestClient(create_app(db))
    for response in (
        http.post("/admin/ingest", content=BODY, headers=AUTH),
        http.get("/admin/status", headers=AUTH),
        http.get("/admin/status"),
    ):
        assert response.status_code == 404
        assert response.json()["error"] == "not-found"
    assert not any(p.startswith("/admin") for p in http.get("/openapi.json").json()["paths"])
    assert _count(db) == 2


@pytest.mark.parametrize("token", ["short", "x" * 15, "sixteen chars ok", "tökentökentöken!"])
def test_a_weak_token_refuses_to_start(
    db: Path, monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    monkeypatch.setenv(admin.TOKEN_ENV, token)
    with pytest.raises(UsageError, match=admin.TOKEN_ENV):
        create_app(db)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token-0123456789abcdef"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer tökén-0123456789abcdef".encode()},
    ],
)
def test_a_missing_or_wrong_token_is_401(
    client: TestClient, db: Path, headers: dict[str, Any]
) -> None:
    for response in (
        client.post("/admin/ingest", content=BODY, headers=headers),
        client.get("/admin/status", headers=headers),
    ):
        assert response.status_code == 401
        assert response.json()["error"] == "unauthorized"
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.headers["cache-control"] == "no-store"
    assert _count(db) == 2


# -- ingest ------------------------------------------------------------------------------------
def test_ingest_stores_the_good_lines_and_rejects_the_broken_one(
    client: TestClient, db: Path
) -> None:
    before = client.get("/search.json", params={"q": WORD})  # cached until the store changes
    assert before.json()["total"] == 0
    assert client.get("/article/admin-1.json").status_code == 404

    response = client.post("/admin/ingest", content=BODY, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    result = response.json()
    assert (result["read"], result["new"], result["duplicate"], result["rejected"]) == (3, 2, 0, 1)
    assert result["rejected_by_code"] == {"bad-json": 1}
    [rejection] = result["rejections"]
    assert rejection["where"] == f"{result['request']}:2" and rejection["code"] == "bad-json"
    assert result["rejection_lines"] == [f"{result['request']}:2: {rejection['reason']}"]
    assert "/tmp" not in response.text  # no server paths

    after = client.get("/search.json", params={"q": WORD}).json()
    assert after["total"] == 2
    assert {hit["id"] for hit in after["results"]} == {"admin-1", "admin-2"}
    article = client.get("/article/admin-1.json")
    assert article.status_code == 200
    assert WORD in article.json()["doc"]["text"]
    assert client.get("/article/admin-2").status_code == 200
    status = client.get("/admin/status", headers=AUTH).json()
    assert status["documents"] == 4 and status["sources"]["admin-test"] == 2
    assert _count(db) == 4


def test_sending_the_same_articles_again_reports_duplicates(client: TestClient) -> None:
    first = client.post("/admin/ingest", content=BODY, headers=AUTH).json()
    again = client.post("/admin/ingest", content=BODY, headers=AUTH).json()
    assert (first["new"], again["new"], again["duplicate"], again["rejected"]) == (2, 0, 2, 1)
    twice = client.post("/admin/ingest", content=f"{GOOD_1}\n{GOOD_1}\n", headers=AUTH).json()
    assert (twice["new"], twice["duplicate"]) == (0, 2)


def test_a_line_without_an_id_is_named_after_the_request(client: TestClient, db: Path) -> None:
    line = _article(None, "Không có id", "Tỉnh Nghệ An học hỏi kinh nghiệm của tỉnh Hà Tĩnh")
    result = client.post("/admin/ingest", content=f"\n{line}\n", headers=AUTH).json()
    assert result["new"] == 1
    assert result["request"].startswith("admin-")
    doc_id = f"{result['request']}:2"  # as a file called <request>.jsonl would name line 2
    assert client.get(f"/article/{doc_id}.json").json()["doc"]["id"] == doc_id
    with open_store(db, readonly=True) as store:
        assert store.get_document(doc_id)["origin"] == doc_id  # no temporary path
    again = client.post("/admin/ingest", content=f"\n{line}\n", headers=AUTH).json()
    assert again["duplicate"] == 1  # the same body gets the same name


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [(b"", 400, "empty-body"), (b"\x1f\x8b\x08\x00compressed", 415, "compressed")],
)
def test_empty_and_compressed_bodies_are_refused(
    client: TestClient, db: Path, body: bytes, status: int, code: str
) -> None:
    response = client.post("/admin/ingest", content=body, headers=AUTH)
    assert response.status_code == status
    assert response.json()["error"] == code
    assert _count(db) == 2


def test_only_blank_or_bad_lines_store_nothing(client: TestClient, db: Path) -> None:
    body = b'\n  \n[1, 2]\n{"text": ""}\n\xff\xfe\n'
    result = client.post("/admin/ingest", content=body, headers=AUTH).json()
    assert (result["read"], result["new"], result["rejected"]) == (3, 0, 3)
    assert set(result["rejected_by_code"]) <= {"bad-json", "no-text", "bad-encoding"}
    assert _count(db) == 2


def test_status_is_never_cached(client: TestClient) -> None:
    assert client.get("/admin/status", headers=AUTH).status_code == 200
    assert client.get("/admin/status").status_code == 401  # not the cached answer above
    assert client.get("/admin/status", headers=AUTH).json()["documents"] == 2
    assert client.post("/admin/ingest", content=BODY, headers=AUTH).status_code == 200
    assert client.get("/admin/status", headers=AUTH).json()["documents"] == 4


def test_openapi_describes_the_admin_routes_and_their_security(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["adminToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["adminToken"]["description"],
    }
    ingest_op = spec["paths"]["/admin/ingest"]["post"]
    assert ingest_op["security"] == [{"adminToken": []}]
    assert "application/x-ndjson" in ingest_op["requestBody"]["content"]
    assert spec["paths"]["/admin/status"]["get"]["security"] == [{"adminToken": []}]
    assert "/admin/ingest" in client.get("/docs").text
    for path, methods in spec["paths"].items():  # everything else stays read-only
        if not path.startswith("/admin"):
            assert set(methods) == {"get"}, path


def test_read_routes_still_work_with_admin_on(client: TestClient) -> None:
    for path in ("/", "/index.json", "/search?q=ha+tinh", "/province/ha-tinh.json", "/docs"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"]
    assert client.post("/").status_code == 405
    assert client.post("/admin/status", headers=AUTH).status_code == 405
    assert client.get("/admin/ingest", headers=AUTH).status_code == 405


# -- locks and concurrency ---------------------------------------------------------------------
def test_two_admin_ingests_at_once(client: TestClient, db: Path) -> None:
    bodies = [BODY, "\n".join(_article(f"c-{i}", f"Bài {i}", GOOD_2) for i in range(20))]
    results: list[Any] = [None, None]
    barrier = threading.Barrier(2)

    def post(index: int) -> None:
        barrier.wait()
        results[index] = client.post("/admin/ingest", content=bodies[index], headers=AUTH)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = [r.status_code for r in results]
    assert all(s in (200, 503) for s in statuses) and 200 in statuses, statuses
    stored = sum(r.json()["new"] for r in results if r.status_code == 200)
    assert _count(db) == 2 + stored
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_locked_store_is_503_and_left_intact(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cachlamhay.store.db.BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(db, isolation_level=None)  # another writer (a CLI ingest, a worker)
    other.execute("BEGIN IMMEDIATE")
    try:
        response = client.post("/admin/ingest", content=BODY, headers=AUTH)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert response.status_code == 503
    assert response.json()["error"] == "busy"
    assert "another ingest" in response.json()["message"]
    assert response.headers["retry-after"]
    assert _count(db) == 2
    assert client.post("/admin/ingest", content=BODY, headers=AUTH).json()["new"] == 2


def test_a_busy_admin_lock_is_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin, "LOCK_TIMEOUT_S", 0.05)
    with admin._WRITE_LOCK:  # another admin ingest of this process
        response = client.post("/admin/ingest", content=BODY, headers=AUTH)
    assert response.status_code == 503
    assert response.json()["error"] == "busy"


# -- request limits ----------------------------------------------------------------------------
def _chunks(total: int, size: int = 1 << 20) -> Iterator[bytes]:
    while total > 0:
        yield b"x" * min(size, total)
        total -= size


def test_a_body_over_the_limit_is_413(client: TestClient, db: Path) -> None:
    big = b"\n" * (admin.MAX_INGEST_BYTES + 1)
    for headers in (AUTH, {}):  # refused before the token is even looked at
        response = client.post("/admin/ingest", content=big, headers=headers)
        assert response.status_code == 413
        assert response.json()["error"] == "too-large"
        assert response.headers["connection"] == "close"
    streamed = client.post(
        "/admin/ingest", content=_chunks(admin.MAX_INGEST_BYTES + 1), headers=AUTH
    )
    assert streamed.status_code == 413
    assert streamed.json()["error"] == "too-large"
    assert _count(db) == 2
    lying = {**AUTH, "Content-Length": "abc"}
    assert client.post("/admin/ingest", content=b"x", headers=lying).status_code == 400


def test_a_body_just_under_the_limit_is_read(client: TestClient) -> None:
    body = BODY + b"\n" + b" " * (admin.MAX_INGEST_BYTES - len(BODY) - 1)
    assert len(body) == admin.MAX_INGEST_BYTES
    response = client.post("/admin/ingest", content=body, headers=AUTH)
    assert response.status_code == 200 and response.json()["new"] == 2


def test_read_routes_take_no_body(client: TestClient) -> None:
    for method in ("GET", "POST"):
        response = client.request(method, "/search.json?q=ha", content=b"abc")
        assert response.status_code == 413, method
        assert response.json()["error"] == "too-large"
    streamed = client.request("GET", "/index.json", content=_chunks(10, 3))
    assert streamed.status_code == 413
    assert client.post("/admin/status", content=b"{}", headers=AUTH).status_code == 413
    assert client.request("GET", "/index.json", content=b"").status_code == 200


def test_long_urls_are_414_and_many_parameters_400(client: TestClient) -> None:
    response = client.get("/search.json?q=" + "a" * 4100)
    assert response.status_code == 414
    assert response.json()["error"] == "uri-too-long"
    assert client.get("/province/" + "a" * 4100).status_code == 414
    assert client.get("/search.json?q=" + "a" * 400).status_code == 200
    many = "&".join(f"p{i}=1" for i in range(MAX_QUERY_PARAMS + 1))
    response = client.get("/search.json?q=ha&" + many)
    assert response.status_code == 400
    assert response.json()["error"] == "too-many-parameters"
    enough = "&".join(f"p{i}=1" for i in range(MAX_QUERY_PARAMS - 1))
    assert client.get("/search.json?q=ha&" + enough).status_code == 200


def test_a_streamed_body_is_cut_off_at_the_limit() -> None:
    """Pure ASGI: the app reading an endless chunked body gets 413 after the chunk that crosses
    the limit; the rest is never read."""
    read: list[int] = []
    sent: list[Message] = []

    async def endless() -> Message:
        read.append(1)
        return {"type": "http.request", "body": b"x" * 4, "more_body": True}

    async def send(message: Message) -> None:
        sent.append(message)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while (await receive())["more_body"]:
            pass

    limits = RequestLimits(app, body_limits={"/up": 10})
    run = asyncio.run
    headers = [(b"transfer-encoding", b"chunked")]
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/up",
        "query_string": b"",
        "headers": headers,
    }
    run(limits(scope, endless, send))
    assert len(read) == 3
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["error"] == "too-large"

    read.clear()
    sent.clear()
    run(limits({**scope, "path": "/other"}, endless, send))  # no body allowed: never read
    assert read == [] and sent[0]["status"] == 413

    read.clear()
    sent.clear()
    sized = {**scope, "headers": [(b"content-length", b"11")]}
    run(limits(sized, endless, send))  # refused on the header alone
    assert read == [] and sent[0]["status"] == 413
