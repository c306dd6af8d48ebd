"""Every `$ kg …` command line of the README runs as written (in a scratch folder that sees the
repository's data and queries), so the documentation cannot rot. Lines that talk to a
triplestore run against a real Oxigraph server started here, on the port the README uses when
it is free."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from kg.browser import chromium_path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINES = re.findall(r"^\$ (kg .+)$", README, re.M)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    for name in ("data", "queries"):
        (folder / name).symlink_to(ROOT / name)
    (folder / "docs" / "screenshots").mkdir(parents=True)
    return folder


def test_the_readme_documents_every_command():
    documented = {line.split()[1] for line in LINES}
    assert documented >= {"build", "query", "validate", "viz", "export", "push"}


@pytest.mark.parametrize("line", LINES)
def test_readme_command_runs(scratch, line, tmp_path):
    if "--screenshot" in line and chromium_path() is None and os.environ.get("CI") != "true":
        pytest.skip("no Chromium here for --screenshot")
    server = None
    if "7878" in line:
        try:
            from test_store import Oxigraph
        except ImportError:
            from tests.test_store import Oxigraph
        server = Oxigraph(tmp_path / "store")
        server.port, server.url = 7878, "http://127.0.0.1:7878"
        try:
            server.start()
        except RuntimeError:
            pytest.skip("port 7878 is taken")
    try:
        if not (scratch / "build" / "kg.trig").exists() and not line.startswith("kg build"):
            subprocess.run([sys.executable, "-m", "kg", "build"], cwd=scratch, check=True, capture_output=True)
        if "--endpoint" in line and "push" not in line:
            subprocess.run([sys.executable, "-m", "kg", "push", "--endpoint", "http://127.0.0.1:7878"],
                           cwd=scratch, check=True, capture_output=True)
        command = line.split("|")[0].split(">")[0]
        result = subprocess.run([sys.executable, "-m", *shlex.split(command)], cwd=scratch, capture_output=True,
                                text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
    finally:
        if server is not None:
            server.stop()
