"""Opening a network page in headless Chromium (Playwright driving Debian's chromium): time to a
stable drawing, console errors, outgoing requests, tooltips, screenshots. Used by `kg viz
--screenshot`, the browser tests and the benchmark, so all three measure the same thing.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str | None:
    # Debian's binary itself first: its /usr/bin/chromium shell wrapper prints noise on some machines
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass
class PageReport:
    stable_seconds: float                 # from navigation to the network drawn and still
    nodes: int
    edges: int
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)     # anything but the page itself
    tooltip: str | None = None
    heading: str = ""
    dialogs: list[str] = field(default_factory=list)     # alert()/confirm() a script opened: must stay empty
    images: int = 0                                      # <img> elements in the page: text must not become markup
    redraw_ms: float = 0.0                               # one zoom, from the call to the frame drawn


def _hover(page, node_id: str, tries: int = 6) -> str:
    """Move the pointer onto a node until vis-network shows its tooltip (on a busy machine the
    first move can land before the frame that placed the node)."""
    box = page.locator("#mynetwork").bounding_box()
    # bring the node to the middle, away from the legend, and let a frame draw it there
    page.evaluate("(id) => new Promise((done) => { network.once('afterDrawing', () => done(true));"
                  " network.focus(id, {scale: 1.2, animation: false}); network.redraw(); })", node_id)
    for attempt in range(tries):
        point = page.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", node_id)
        x, y = box["x"] + point["x"], box["y"] + point["y"]
        page.mouse.move(x - 30, y - 30)
        page.mouse.move(x, y, steps=5)
        try:
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=2000 * (attempt + 1))
            return page.inner_text("div.vis-tooltip")
        except Exception:  # playwright's TimeoutError: move again
            continue
    raise TimeoutError(f"no tooltip appeared over node {node_id}")


def open_page(html: Path, screenshot: Path | None = None, hover_node: str | None = None,
              timeout: float = 120.0, viewport: tuple[int, int] = (1280, 800)) -> PageReport:
    """Load the page from disk with the network off, wait until it is stable, report."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise InputError("the browser step needs Playwright: pip install -e '.[browser]'") from exc
    executable = chromium_path()
    if executable is None:
        raise InputError("no Chromium found (install Debian's chromium, or set KG_CHROMIUM to its path)")
    url = Path(html).resolve().as_uri()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            errors: list[str] = []
            requests: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            dialogs: list[str] = []

            def on_dialog(dialog):
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("request", lambda r: requests.append(r.url) if r.url != url and not r.url.startswith("data:") else None)
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-stable=true]", state="attached", timeout=timeout * 1000)
            stable = time.perf_counter() - started
            stats = page.evaluate("window.kgStats")
            redraw = page.evaluate("""() => new Promise((done) => {
                const t = performance.now();
                network.once("afterDrawing", () => done(performance.now() - t));
                network.moveTo({scale: network.getScale() * 1.5});
            })""")
            tooltip = None
            if hover_node is not None:
                tooltip = _hover(page, hover_node)
            if screenshot is not None:
                Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot))
            heading = page.inner_text("#kg-heading")
            images = page.locator("img").count()
        finally:
            browser.close()
    return PageReport(stable, stats["nodes"], stats["edges"], errors, requests, tooltip, heading, dialogs, images,
                      redraw)
