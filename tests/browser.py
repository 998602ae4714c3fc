"""Open a page from disk in a real headless Chromium (Debian's, driven by Playwright) and say
what a reader would meet: what it requests, failed requests, script errors, images that do not
decode; and measure what a WebGL scene (plotly's 3-D view) draws, from screenshots."""

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import PIL.Image
from playwright.sync_api import Locator, Page, sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    # WebGL without a GPU: SwiftShader, Chromium's CPU renderer, which it no longer falls back
    # to for WebGL unless told to
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


LOCAL_SCHEMES = ("file", "data", "blob", "about")


@dataclass
class PageVisit:
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    images: int = 0
    broken_images: list[str] = field(default_factory=list)
    canvas_pixels: int = 0  # drawn pixels of the 2-D canvases (a WebGL one: see snapshot)

    @property
    def network_requests(self) -> list[str]:
        """What the page asked of the network rather than of the disk or itself."""
        return [url for url in self.requests if urlsplit(url).scheme not in LOCAL_SCHEMES]


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
            page.on("request", lambda request: seen.requests.append(request.url))
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
                     const context = c.getContext('2d');
                     if (context === null) return sum;  // a WebGL canvas
                     const data = context.getImageData(0, 0, c.width, c.height).data;
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


def settle(page: Page):
    """Wait for two animation frames: what the page last changed is drawn."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def snapshot(element: Locator) -> bytes:
    """A PNG of what the screen shows over `element` (a WebGL canvas keeps no pixels to read
    back once shown: the screenshot is what a reader sees, overlays included)."""
    return element.page.screenshot(clip=element.bounding_box())


def coloured_pixels(png: bytes, spread: int = 80) -> int:
    """Pixels of a clear colour: far from grey (channels more than `spread` apart), which text,
    axes and grid lines are not."""
    rgb = np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    return int(((rgb.max(axis=-1) - rgb.min(axis=-1)) > spread).sum())
