"""Open a page from disk in a real headless Chromium (Debian's, driven by Playwright) and say
what a reader would meet: failed requests, script errors, images that do not decode."""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class PageVisit:
    failed_requests: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    images: int = 0
    broken_images: list[str] = field(default_factory=list)
    canvas_pixels: int = 0


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise RuntimeError(
            "Chromium is not installed: the report is tested in a real browser. Install "
            "Debian's package (apt-get install chromium), as .ci/run does."
        )
    return path


def visit(page_path: Path, screenshot: Path, action=None) -> PageVisit:
    """Load `page_path` as file://, run `action(page)` if given, take a full-page screenshot."""
    seen = PageVisit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("requestfailed", lambda request: seen.failed_requests.append(request.url))
            page.on("pageerror", lambda error: seen.script_errors.append(str(error)))
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            seen.images = page.evaluate("document.images.length")
            seen.broken_images = page.evaluate(
                "Array.from(document.images)"
                ".filter(image => !image.complete || image.naturalWidth === 0)"
                ".map(image => image.alt)"
            )
            seen.canvas_pixels = page.evaluate(
                """() => Array.from(document.querySelectorAll('canvas')).reduce((sum, c) => {
                     const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                     let drawn = 0;
                     for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
                     return sum + drawn; }, 0)"""
            )
            if action is not None:
                action(page)
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return seen
