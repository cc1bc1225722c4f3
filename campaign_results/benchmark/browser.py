"""Measurements in headless Chromium: what a phone downloads for the home page and a first search."""

from __future__ import annotations

import time
from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from ..render import urls

CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright's own browser download is not used
# As root Chromium needs --no-sandbox; with no internet its background networking must be off.
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CPU_SLOWDOWN = 4


@dataclass
class BrowserFigures:
    home_bytes: int
    search_first_query_bytes: int
    search_first_result_ms: float
    search_query: str


def _track_bytes(page) -> list[int]:
    """Bytes transferred (headers and encoded body) per finished request, workers' requests included."""
    received: list[int] = []

    def finished(request) -> None:
        sizes = request.sizes()
        received.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

    page.on("requestfinished", finished)
    return received


def measure(base_url: str, query: str) -> BrowserFigures:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            received = _track_bytes(page)
            page.goto(base_url, wait_until="networkidle")
            home_bytes = sum(received)
            page.close()

            page = browser.new_page(viewport={"width": 360, "height": 740})
            received = _track_bytes(page)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.goto(base_url + urls.url_of(urls.SEARCH), wait_until="networkidle")
            before = sum(received)
            page.fill("#search-q", query)
            start = time.perf_counter()
            page.click(".search-form button")
            page.wait_for_selector(".search-results li a", timeout=60_000)
            elapsed_ms = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            search_bytes = sum(received) - before
            page.close()
        finally:
            browser.close()
    return BrowserFigures(home_bytes, search_bytes, elapsed_ms, query)
