"""Exports that parse back, and a push to a real Oxigraph server (the `oxigraph` package),
including the ways it can fail: server down, server stopping mid-upload, wrong credentials, a
500 from a stub. After every failure the remote graphs are as they were."""
from __future__ import annotations

import csv
import http.server
import io
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import QueryError, RemoteError
from kg.export import export, parse_groups, selected_graphs
from kg.remote import Client, push, remote_query
from kg.store import open_dataset

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def run_kg(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Oxigraph:
    """`oxigraph serve` on a free loopback port, over a store folder that survives restarts."""

    def __init__(self, location: Path):
        self.location, self.port, self.process = location, free_port(), None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location),
                                         "--bind", f"127.0.0.1:{self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited (is port {self.port} taken?)")
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph did not start")

    def stop(self):
        if self.process:
            self.process.kill()
            self.process.wait()
            self.process = None

    def quads(self) -> set[str]:
        data = urllib.request.urlopen(urllib.request.Request(f"{self.url}/store", headers={"Accept": "application/n-quads"})).read()
        return set(data.decode("utf-8").splitlines())

    def graphs(self) -> dict:
        """The server's named graphs (staging ones left out), for comparison up to blank-node labels."""
        ds = Dataset()
        ds.parse(data="\n".join(self.quads()), format="nquads")
        return {k: v for k, v in graphs_by_name(ds).items() if not str(k).startswith("urn:kg:staging:")}


def same(a: dict, b: dict) -> bool:
    return set(a) == set(b) and all(isomorphic(a[k], b[k]) for k in a)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kg")
    assert run_kg("build", "--input", CORPUS, "--output", out).returncode == 0
    return out


@pytest.fixture
def server(tmp_path):
    ox = Oxigraph(tmp_path / "store").start()
    yield ox
    ox.stop()


def changed_copy(ds: Dataset) -> Dataset:
    """The same graphs with every literal changed: a partial upload of it would show."""
    out = Dataset()
    for graph in selected_graphs(ds, parse_groups(None)):
        target = out.graph(graph.identifier)
        for s, p, o in graph:
            target.add((s, p, Literal("changed") if isinstance(o, Literal) else o))
    return out


def quick() -> Client:
    return Client(retries=1, backoff=0.01, timeout=10)


# ---------------------------------------------------------------- export

def graphs_by_name(ds: Dataset) -> dict:
    """Named graphs of a dataset as {IRI: Graph} (the ontology's blank nodes need isomorphism)."""
    out: dict = {}
    for s, p, o, c in ds.quads():
        name = getattr(c, "identifier", c)
        if isinstance(name, URIRef) and not str(name).startswith("urn:x-rdflib:"):
            out.setdefault(name, Graph()).add((s, p, o))
    return out


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_every_export_format_parses_back(built, tmp_path, fmt):
    ds = open_dataset(built)
    path = tmp_path / f"kg.{fmt}"
    result = run_kg("export", "--kg", built, "--format", fmt, "--output", path)
    assert result.returncode == 0, result.stderr
    rdflib_format = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt]
    oxi_format = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                  "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
                  "jsonld": pyoxigraph.RdfFormat.JSON_LD}[fmt]
    store = pyoxigraph.Store()
    store.load(path=str(path), format=oxi_format)
    from_oxigraph = Dataset()
    from_oxigraph.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    source = {g.identifier: g for g in selected_graphs(ds, parse_groups(None))}
    if fmt in ("ttl", "nt"):
        want = Graph()
        for graph in source.values():
            for triple in graph:
                want.add(triple)
        assert isomorphic(Graph().parse(path, format=rdflib_format), want)
        merged = Graph()
        for s, p, o, _ in from_oxigraph.quads():
            merged.add((s, p, o))
        assert isomorphic(merged, want)
    else:
        back = Dataset()
        back.parse(path, format=rdflib_format)
        for parsed in (graphs_by_name(back), graphs_by_name(from_oxigraph)):
            assert set(parsed) == set(source)
            for name, graph in source.items():
                assert isomorphic(parsed[name], graph), name


def test_export_groups(built):
    result = run_kg("export", "--kg", built, "--format", "nt", "--graphs", "ontology")
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    assert isomorphic(Graph().parse(data=result.stdout, format="nt"), ontology)
    assert run_kg("export", "--kg", built, "--format", "nt", "--graphs", "nonsense").returncode == 2


# ---------------------------------------------------------------- push

def normalise(csv_text: str) -> list[tuple]:
    """Rows as sorted tuples; a GROUP_CONCAT cell (no defined order in SPARQL) as a sorted list."""
    rows = []
    for row in csv.reader(io.StringIO(csv_text)):
        rows.append(tuple(" | ".join(sorted(re.split(r" \| |, ", cell))) for cell in row))
    return sorted(rows)


def test_push_then_every_saved_query_gives_the_same_rows(built, server):
    result = run_kg("push", "--kg", built, "--endpoint", server.url)
    assert result.returncode == 0, result.stderr
    ds = open_dataset(built)
    local = sum(len(g) for g in selected_graphs(ds, parse_groups(None)))
    assert f"verified on the server: {local} triples" in result.stdout
    for path in sorted((ROOT / "queries").glob("*.rq")):
        here = run_kg("query", path, "--kg", built, "--format", "csv")
        there = run_kg("query", path, "--endpoint", server.url, "--format", "csv")
        assert here.returncode == there.returncode == 0, there.stderr
        # GROUP_CONCAT has no defined order: compare its parts as sets
        assert normalise(here.stdout) == normalise(there.stdout), path.name


def test_replace_swaps_whole_graphs_and_append_adds(built, server, tmp_path):
    ds = open_dataset(built)
    push(ds, server.url, client=quick())
    first = server.graphs()
    # a smaller dataset replaces: graphs it no longer has are dropped
    small = Dataset()
    kept = list(selected_graphs(ds, parse_groups(None)))[:3]
    for graph in kept:
        target = small.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    push(small, server.url, client=quick())
    assert same(server.graphs(), {g.identifier: first[g.identifier] for g in kept})
    # append adds, keeps what was there
    extra = Dataset()
    extra.graph(URIRef("https://w3id.org/diplokg/graph/reference")).add(
        (URIRef("https://w3id.org/diplokg/id/x"), URIRef("https://w3id.org/diplokg/ontology#p"), Literal("y")))
    before = server.quads()
    push(extra, server.url, mode="append", client=quick())
    assert before < server.quads()


def test_server_down(built):
    port = free_port()
    with pytest.raises(RemoteError, match=rf"127.0.0.1:{port}.*no answer after 2 tries"):
        push(open_dataset(built), f"http://127.0.0.1:{port}", client=quick())
    result = run_kg("push", "--kg", built, "--endpoint", f"http://127.0.0.1:{port}")
    assert result.returncode == 3 and "Traceback" not in result.stderr


class Killer(Client):
    """Kills the server after some requests, as if it stopped mid-upload."""

    def __init__(self, server: Oxigraph, after: int):
        super().__init__(retries=1, backoff=0.01, timeout=5)
        self.server, self.after, self.sent = server, after, 0

    def request(self, method, url, body=None, headers=None, **options):
        self.sent += 1
        swap = url.endswith("/update") and body and b"MOVE" in body
        if self.sent == self.after or (self.after == 0 and swap):
            self.server.stop()
        return super().request(method, url, body, headers, **options)


def test_server_stopping_mid_upload_leaves_the_remote_unchanged(built, server):
    ds = open_dataset(built)
    push(ds, server.url, client=quick())
    before = server.graphs()
    with pytest.raises(RemoteError):
        push(changed_copy(ds), server.url, client=Killer(server, after=5))
    server.start()
    assert same(server.graphs(), before)
    # the next push clears what the interrupted one staged
    push(ds, server.url, client=quick())
    assert not any("urn:kg:staging" in q for q in server.quads())


def test_server_stopping_at_the_swap_leaves_the_remote_unchanged(built, server):
    ds = open_dataset(built)
    push(ds, server.url, client=quick())
    before = server.graphs()
    with pytest.raises(RemoteError):
        push(changed_copy(ds), server.url, client=Killer(server, after=0))
    server.start()
    assert same(server.graphs(), before)


class Stub(http.server.BaseHTTPRequestHandler):
    """Forwards to a real server, but answers 401 without the right credentials and 500 to the
    n-th upload when asked to."""

    upstream = ""
    password = "right"
    fail_upload = 0
    uploads = 0

    def log_message(self, *args):
        pass

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        auth = self.headers.get("Authorization", "")
        import base64

        if auth != "Basic " + base64.b64encode(f"kg:{Stub.password}".encode()).decode():
            self._answer(401, b"Unauthorized: bad credentials")
            return
        if self.path.startswith("/store") and self.command in ("PUT", "POST"):
            Stub.uploads += 1
            if Stub.uploads == Stub.fail_upload:
                self._answer(500, b"Internal error from the stub")
                return
        request = urllib.request.Request(Stub.upstream + self.path, data=body, method=self.command,
                                         headers={k: v for k, v in self.headers.items() if k.lower() != "host"})
        try:
            with urllib.request.urlopen(request) as response:
                self._answer(response.status, response.read(), response.headers.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            self._answer(exc.code, exc.read())

    def _answer(self, status, data, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type or "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward


@pytest.fixture
def stub(server):
    Stub.upstream, Stub.uploads, Stub.fail_upload = server.url, 0, 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_wrong_credentials_401(built, server, stub, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "kg")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "right")
    push(open_dataset(built), stub, client=quick())
    before = server.graphs()
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "wrong-secret")
    result = run_kg("push", "--kg", built, "--endpoint", stub, env={**__import__("os").environ})
    assert result.returncode == 3
    assert "HTTP 401" in result.stderr and stub in result.stderr and "KG_ENDPOINT_USER" in result.stderr
    assert "wrong-secret" not in result.stderr + result.stdout
    assert same(server.graphs(), before)


def test_a_500_from_the_server_midway(built, server, stub, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "kg")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "right")
    push(open_dataset(built), stub, client=quick())
    before = server.graphs()
    Stub.uploads, Stub.fail_upload = 0, 4
    with pytest.raises(RemoteError, match=r"HTTP 500: Internal error from the stub"):
        push(changed_copy(open_dataset(built)), stub, client=quick())
    assert same(server.graphs(), before)
    assert not any("urn:kg:staging" in q for q in server.quads())


# ---------------------------------------------------------------- safety

def test_service_and_load_are_refused(built, tmp_path, server):
    service = tmp_path / "service.rq"
    service.write_text(f"SELECT * WHERE {{ SERVICE <{server.url}/query> {{ ?s ?p ?o }} }}")
    for where in (["--kg", built], ["--endpoint", server.url]):
        result = run_kg("query", service, *where)
        assert result.returncode == 2 and "SERVICE" in result.stderr and "--allow-remote" in result.stderr
    allowed = run_kg("query", service, "--kg", built, "--allow-remote", "--format", "csv")
    assert allowed.returncode == 0
    load = tmp_path / "load.rq"
    load.write_text("LOAD <file:///etc/passwd> INTO GRAPH <http://x>")
    result = run_kg("query", load, "--kg", built)
    assert result.returncode == 2 and "LOAD" in result.stderr
    with pytest.raises(QueryError):
        remote_query(server.url, load.read_text(), "load.rq", client=quick())


def test_injection_through_a_bound_value_returns_nothing_extra(built, server):
    push(open_dataset(built), server.url, client=quick())
    hostile = 'x" } UNION { ?person ?p ?name } #'
    for where in (["--kg", built], ["--endpoint", server.url]):
        result = run_kg("query", "queries/people.rq", *where, "--format", "csv", "--bind", f"name={hostile}")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines() == ["person,name,state,position"]
