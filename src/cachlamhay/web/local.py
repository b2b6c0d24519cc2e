"""Serving the web UI on loopback (from a thread, or as its own process), and the flags for
Debian's headless Chromium.

Shared by the browser tests, `scripts/screenshots.py` and the page and load benchmarks: all of
them serve a store on a free port, on a machine without network access.
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


@contextmanager
def server_process(
    db_path: str | Path, workers: int = 1, start_timeout: float = 60.0, warm: bool = True
) -> Iterator[str]:
    """`cachlamhay serve` over ``db_path`` as its own process (for benchmarks: the server's
    time is not the client's); yields its base URL once it answers."""
    import subprocess
    import sys
    import urllib.request

    port = free_port()
    command = [sys.executable, "-m", "cachlamhay.cli", "--db", str(db_path), "serve"]
    process = subprocess.Popen(
        [
            *command,
            "--port",
            str(port),
            "--workers",
            str(workers),
            *([] if warm else ["--no-warm"]),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + start_timeout
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/index.json", timeout=start_timeout).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
