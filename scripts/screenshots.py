"""Screenshots of the web UI for the README, taken in Debian's headless Chromium.

Serves the store on a free loopback port and saves PNGs (1280×1000 by default) of the province
page and of the visit network.

    .venv/bin/python scripts/screenshots.py --db /tmp/full.db [--out docs/screenshots]
        [--province ha-tinh] [--purpose exchange] [--width 1280]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from cachlamhay.web.local import CHROMIUM, CHROMIUM_ARGS, serving


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--province", default="ha-tinh")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--purpose", default="exchange", help="visit purpose shown on the network")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = {
        "province.png": f"/province/{args.province}",
        "network.png": f"/network?purpose={args.purpose}",
    }
    with serving(args.db) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 1000})
        for name, path in pages.items():
            page.goto(base + path)
            page.screenshot(path=str(args.out / name))
            print(f"wrote {args.out / name} ({path})")
        browser.close()


if __name__ == "__main__":
    main()
