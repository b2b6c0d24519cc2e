"""Screenshots of the web UI for the README, taken in Debian's headless Chromium.

Serves the store on a free loopback port and saves full-page PNGs of the province page and the
visit network (and any other paths given).

    .venv/bin/python scripts/screenshots.py --db /tmp/full.db [--out docs/screenshots]
        [--province ha-tinh] [--purpose exchange] [--width 1280]
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from cachlamhay.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--province", default="ha-tinh")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--purpose", default="exchange", help="visit purpose shown on the network")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    pages = {
        "province.png": f"/province/{args.province}",
        "network.png": f"/network?purpose={args.purpose}",
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 1000})
        for name, path in pages.items():
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.screenshot(path=str(args.out / name))
            print(f"wrote {args.out / name} ({path})")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
