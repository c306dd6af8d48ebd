"""Talking to an external triplestore: the SPARQL 1.1 Graph Store HTTP Protocol for uploads,
the SPARQL protocol for queries, counts and the final swap.

`push` uploads each named graph in chunks of N-Triples. With `replace` (the default) it
uploads into staging graphs, checks their triple counts on the server, then moves them over
the live graphs in one SPARQL Update request, so a failure at any point leaves the remote graphs
as they were. Credentials come from the environment (KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD,
or KG_ENDPOINT_TOKEN), never from the command line, and are never printed.
"""
from __future__ import annotations

import base64
import http.client
import io
import json
import os
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote, urlencode, urlsplit

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.query import Result

from .errors import InputError, RemoteError
from .export import GROUPS, group_of, nt_line, selected_graphs
from .query import check_query

OUR_GRAPHS = "https://w3id.org/diplokg/"
STAGING = "urn:kg:staging:"
RETRY_STATUSES = {502, 503, 504}
SWAP_TIMEOUT = 3600.0          # moving millions of triples takes the server minutes


@dataclass
class Endpoints:
    kind: str           # oxigraph | fuseki | graphdb
    base: str
    gsp: str
    query: str
    update: str


def endpoints_for(url: str) -> Endpoints:
    """Oxigraph: http://host:7878; Fuseki: http://host:3030/DATASET; GraphDB: http://host:7200/repositories/REPO."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"--endpoint {url!r}: give an http(s) URL of a triplestore")
    base = url.rstrip("/")
    path = parts.path.rstrip("/")
    if path in ("", "/"):
        return Endpoints("oxigraph", base, f"{base}/store", f"{base}/query", f"{base}/update")
    if "/repositories/" in path:
        return Endpoints("graphdb", base, f"{base}/rdf-graphs/service", base, f"{base}/statements")
    for suffix in ("/data", "/query", "/update", "/sparql"):
        if path.endswith(suffix):
            base = base[: -len(suffix)]
    return Endpoints("fuseki", base, f"{base}/data", f"{base}/query", f"{base}/update")


def _auth_header() -> dict[str, str]:
    token = os.environ.get("KG_ENDPOINT_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = os.environ.get("KG_ENDPOINT_USER")
    if user:
        secret = f"{user}:{os.environ.get('KG_ENDPOINT_PASSWORD', '')}".encode("utf-8")
        return {"Authorization": "Basic " + base64.b64encode(secret).decode("ascii")}
    return {}


class Client:
    """A keep-alive HTTP client with bounded retries (network errors and 502/503/504 only)."""

    def __init__(self, retries: int = 4, backoff: float = 0.5, timeout: float = 120.0):
        self.retries, self.backoff, self.timeout = retries, backoff, timeout
        self.connections: dict[str, http.client.HTTPConnection] = {}
        self.headers = _auth_header()

    def _connection(self, netloc: str, scheme: str) -> http.client.HTTPConnection:
        key = f"{scheme}://{netloc}"
        if key not in self.connections:
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self.connections[key] = cls(netloc, timeout=self.timeout)
        return self.connections[key]

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None,
                retry: bool = True, timeout: float | None = None) -> bytes:
        """One HTTP exchange. Requests whose repetition changes nothing (GET, PUT, POST of triples,
        queries, DROP) are retried; the swap is not (retry=False): run twice, a MOVE would empty
        the graph it just filled."""
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        all_headers = {**self.headers, **(headers or {})}
        endpoint = f"{parts.scheme}://{parts.netloc}{parts.path}"
        attempts = self.retries + 1 if retry else 1
        for attempt in range(attempts):
            connection = self._connection(parts.netloc, parts.scheme)
            connection.timeout = timeout or self.timeout
            if connection.sock is not None:
                connection.sock.settimeout(connection.timeout)
            try:
                connection.request(method, target, body=body, headers=all_headers)
                response = connection.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                self.connections.pop(f"{parts.scheme}://{parts.netloc}", None)
                if attempt == attempts - 1:
                    raise RemoteError(f"{endpoint}: no answer after {attempt + 1} tries ({exc.__class__.__name__}: {exc}); "
                                      "is the triplestore running and reachable?") from exc
                time.sleep(self.backoff * 2 ** attempt)
                continue
            if response.status in RETRY_STATUSES and attempt < attempts - 1:
                time.sleep(self.backoff * 2 ** attempt)
                continue
            if response.status >= 400:
                message = data.decode("utf-8", "replace").strip().splitlines()
                said = message[0][:300] if message else response.reason
                hint = " (check KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN)" if response.status in (401, 403) else ""
                raise RemoteError(f"{endpoint}: HTTP {response.status}: {said}{hint}")
            return data
        raise RemoteError(f"{endpoint}: gave up")   # unreachable: the loop returns or raises

    def close(self) -> None:
        for connection in self.connections.values():
            connection.close()
        self.connections.clear()

    # ---------------------------------------------------------------- SPARQL
    def select(self, ep: Endpoints, query: str, union: bool = False) -> list[dict]:
        params = {"query": query}
        url = ep.query + ("?union-default-graph" if union and ep.kind == "oxigraph" else "")
        data = self.request("POST", url, urlencode(params).encode("utf-8"),
                            {"Content-Type": "application/x-www-form-urlencoded",
                             "Accept": "application/sparql-results+json"})
        return json.loads(data)["results"]["bindings"]

    def update(self, ep: Endpoints, text: str, retry: bool = True, timeout: float | None = None) -> None:
        self.request("POST", ep.update, text.encode("utf-8"), {"Content-Type": "application/sparql-update"},
                     retry=retry, timeout=timeout)

    def put_graph(self, ep: Endpoints, graph: str, ntriples: bytes, method: str) -> None:
        self.request(method, f"{ep.gsp}?graph={quote(graph, safe='')}", ntriples,
                     {"Content-Type": "application/n-triples"})

    def counts(self, ep: Endpoints, prefix: str) -> dict[str, int]:
        rows = self.select(ep, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                               f"FILTER(STRSTARTS(STR(?g), {json.dumps(prefix)})) }} GROUP BY ?g")
        return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


@dataclass
class PushResult:
    endpoint: str
    mode: str
    graphs: int
    triples: int
    seconds: float
    remote_counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)     # upload, swap (seconds)

    @property
    def rate(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


def remote_name(local: str, graph_base: str | None) -> str:
    if graph_base and local.startswith(OUR_GRAPHS):
        return graph_base + local[len(OUR_GRAPHS):]
    return local


def _chunks(graph: Graph, size: int):
    """N-Triples bodies of at most `size` triples; a graph with blank nodes goes in one body,
    since a blank node label means one node only within one request."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        size = max(size, len(graph))
    lines: list[str] = []
    for s, p, o in graph:
        lines.append(nt_line(s, p, o))
        if len(lines) == size:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def push(ds: Dataset, endpoint: str, graph_base: str | None = None, mode: str = "replace",
         groups: tuple[str, ...] = GROUPS, chunk: int = 20_000, client: Client | None = None,
         log: Callable[[str], None] = lambda m: None) -> PushResult:
    """Upload the dataset's named graphs; raise RemoteError, leaving the remote as it was, on failure."""
    if mode not in ("replace", "append"):
        raise InputError(f"mode {mode!r}: replace or append")
    if graph_base is not None and not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", graph_base, re.I):
        raise InputError(f"--graph-base {graph_base!r}: give an absolute IRI")
    ep = endpoints_for(endpoint)
    client = client or Client()
    started = time.perf_counter()
    token = uuid.uuid4().hex[:12]
    staging_prefix = f"{STAGING}{token}:"
    plan = []        # (remote graph, upload target, local count)
    staged_names: list[str] = []     # every staging graph written to, even partly
    timings: dict[str, float] = {}
    total = 0
    leftovers = client.counts(ep, STAGING)
    if leftovers:        # staging graphs of an earlier push that died (one push at a time)
        client.update(ep, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in sorted(leftovers)))
        log(f"dropped {len(leftovers)} staging graphs left by an interrupted push")
    try:
        for index, graph in enumerate(selected_graphs(ds, groups)):
            target = remote_name(str(graph.identifier), graph_base)
            upload = f"{staging_prefix}{index}" if mode == "replace" else target
            first = True
            staged_names.append(upload)
            for body in _chunks(graph, chunk):
                client.put_graph(ep, upload, body, "PUT" if first and mode == "replace" else "POST")
                first = False
            plan.append((target, upload, len(graph)))
            total += len(graph)
            if index and index % 1000 == 0:
                log(f"  {index} graphs, {total} triples uploaded")
        timings["upload"] = time.perf_counter() - started
        if mode == "replace":
            staged = client.counts(ep, staging_prefix)
            wrong = [(t, n, staged.get(u, 0)) for t, u, n in plan if staged.get(u, 0) != n]
            if wrong:
                target, want, got = wrong[0]
                raise RemoteError(f"{ep.gsp}: staging graph for {target} holds {got} triples, expected {want}; "
                                  "nothing was replaced")
            base = graph_base or OUR_GRAPHS
            live = client.counts(ep, base)
            targets = {t for t, _, _ in plan}
            verified = time.perf_counter()
            # one request, one transaction on the server; MOVE without SILENT, so that a missing
            # staging graph aborts the whole swap instead of emptying its target
            statements = [f"MOVE <{u}> TO <{t}>" for t, u, _ in plan]
            statements += [f"DROP SILENT GRAPH <{g}>" for g in sorted(live) if g not in targets and _ours(g, base, groups)]
            client.update(ep, " ;\n".join(statements), retry=False, timeout=SWAP_TIMEOUT)
            timings["swap"] = time.perf_counter() - verified
    except BaseException:
        if mode == "replace":
            try:
                if staged_names:
                    client.update(ep, " ;\n".join(f"DROP SILENT GRAPH <{u}>" for u in staged_names))
            except (RemoteError, OSError):
                pass      # the server is gone; its staging graphs are unreachable and harmless
        raise
    finally:
        seconds = time.perf_counter() - started
    counts = client.counts(ep, graph_base or OUR_GRAPHS)
    short = [(t, n, counts.get(t, 0)) for t, _, n in plan if counts.get(t, 0) < n or (mode == "replace" and counts.get(t, 0) != n)]
    if short:
        target, want, got = short[0]
        raise RemoteError(f"{ep.query}: {target} holds {got} triples after the upload, expected {want}")
    client.close()
    return PushResult(endpoint, mode, len(plan), total, seconds, {t: counts.get(t, 0) for t, _, _ in plan}, timings)


def _ours(graph: str, base: str, groups) -> bool:
    """A live graph the replace may drop: under our base and in the groups being pushed."""
    local = OUR_GRAPHS + graph[len(base):] if graph.startswith(base) else graph
    return group_of(URIRef(local)) in groups


# ---------------------------------------------------------------- queries

def values_clause(bindings: dict) -> str:
    """Bindings as a trailing VALUES block: each value is an rdflib term written by rdflib (n3),
    so quotes and brackets in it stay inside the literal."""
    if not bindings:
        return ""
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"--bind {name!r}: not a SPARQL variable name")
    names = " ".join(f"?{n}" for n in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    return f"\nVALUES ({names}) {{ ({values}) }}\n"


def remote_query(endpoint: str, text: str, path: str, bindings: dict | None = None,
                 allow_remote: bool = False, client: Client | None = None) -> Result:
    prepared = check_query(text, path, allow_remote)
    ep = endpoints_for(endpoint)
    client = client or Client()
    body = text + values_clause(bindings or {})
    kind = prepared.algebra.name
    accept = "application/n-triples" if kind in ("ConstructQuery", "DescribeQuery") else "application/sparql-results+json"
    url = ep.query + ("?union-default-graph" if ep.kind == "oxigraph" else "")
    data = client.request("POST", url, urlencode({"query": body}).encode("utf-8"),
                          {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    client.close()
    if accept == "application/n-triples":
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=data.decode("utf-8"), format="nt")
        return result
    return Result.parse(io.BytesIO(data), format="json")
