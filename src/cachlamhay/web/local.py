"""Serving the web UI on loopback from a thread, and the flags for Debian's headless Chromium.

Shared by the browser tests and `scripts/screenshots.py`: both serve a store on a free port and
drive Chromium on a machine without network access.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on a closed network: no background connections, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db_path: str | Path, start_timeout: float = 10.0) -> Iterator[str]:
    """The app over ``db_path`` served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    from cachlamhay.web.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
