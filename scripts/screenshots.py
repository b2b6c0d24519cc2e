"""Screenshots of the web UI for the README, taken in Debian's headless Chromium.

Serves the store on a free loopback port and saves PNGs (1280×1000 by default) of the province
page and of the visit network; with ``--brief``, the study-visit brief's print layout at A4
(``brief-print-a4.png``) and page 1 of the PDF `cachlamhay brief` writes
(``brief-pdf-page1.png``, rendered by poppler's pdftoppm).

    .venv/bin/python scripts/screenshots.py --db /tmp/full.db [--out docs/screenshots]
        [--province ha-tinh] [--purpose exchange] [--width 1280]
    .venv/bin/python scripts/screenshots.py --db demo.db --brief --province ha-tinh \
        --topic admin_merger
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
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
    parser.add_argument("--brief", action="store_true", help="only the brief's print and PDF")
    parser.add_argument("--topic", default="admin_merger", help="the brief's topic")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.brief:
        brief_shots(args.db, args.out, args.province, args.topic)
        return
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


def brief_shots(db: Path, out: Path, province: str, topic: str) -> None:
    """The brief as the browser prints it (A4 at 96 dpi) and page 1 of its PDF."""
    from cachlamhay.kb.brief import study_brief
    from cachlamhay.store import open_store
    from cachlamhay.web.brief_export import write_brief

    with serving(db) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 794, "height": 1123})
        page.goto(f"{base}/brief/{province}?topic={topic}")
        page.emulate_media(media="print")
        page.screenshot(path=str(out / "brief-print-a4.png"))
        print(f"wrote {out / 'brief-print-a4.png'}")
        browser.close()
    with open_store(db, readonly=True) as store:
        data = study_brief(store, province, topic=topic)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_brief(data, "pdf", Path(tmp) / "brief.pdf")
        prefix = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(prefix)],
            check=True,
        )
        (rendered,) = Path(tmp).glob("page*.png")
        shutil.copy(rendered, out / "brief-pdf-page1.png")
    print(f"wrote {out / 'brief-pdf-page1.png'}")


if __name__ == "__main__":
    main()
