"""owlrl's OWL 2 RL closure of a part of the data, computed as rules compiled from the ontology.

owlrl applies every rule to every triple of the graph in every cycle until nothing changes, so a
part of a few thousand triples costs it seconds, most of them re-deriving what it already has and
walking the ontology again. But once the ontology is closed (owlrl does that, once, over the
ontology alone), every OWL 2 RL rule that can still fire joins one data triple with tables read
from the closed ontology: the super-classes of a class, the domains, ranges, super-properties
and inverses of a property, its chains, restrictions and characteristics. `Materialiser` runs
those rules semi-naively (each triple is joined once, with what is there when its turn comes) over
plain N-Triples terms, with owlrl's rule texts and owlrl's inconsistency messages, so its result
is owlrl's result. tests/test_materialise.py compares them construct by construct and
tests/test_scale.py over the whole evaluation build.

A part it cannot take is handed back (`closure` returns None) and owlrl runs on it as before: a
part that states schema (a sub-class axiom, a list, a restriction ...), one whose derivations
would (an owl:sameAs between two properties), or an ontology using hasKey or qualified
cardinalities, which are not compiled.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from owlrl.AxiomaticTriples import OWLRL_Datatypes_Disjointness
from owlrl.DatatypeHandling import AltXSDToPYTHON
from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions, OWL_RL_Datatypes
from rdflib import RDF, Graph, URIRef
from rdflib.util import from_n3

from .export import nt_term
from .graph import ID
from .reason import ERROR, ERROR_MESSAGE, REFLEXIVE_TRIVIA, TRIVIAL_TYPES, _closure

RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_ = "http://www.w3.org/2000/01/rdf-schema#"
OWL_ = "http://www.w3.org/2002/07/owl#"


def _iri(ns: str, name: str) -> str:
    return f"<{ns}{name}>"


TYPE, FIRST, REST, NIL = (_iri(RDF_, n) for n in ("type", "first", "rest", "nil"))
SUBCLASS, SUBPROP, DOMAIN, RANGE = (_iri(RDFS_, n) for n in ("subClassOf", "subPropertyOf", "domain", "range"))
SAME, DIFFERENT, THING, NOTHING = (_iri(OWL_, n) for n in ("sameAs", "differentFrom", "Thing", "Nothing"))

# predicates that state schema: in a part, or derived from one, they would change the tables
SCHEMA_PREDICATES = {SUBCLASS, SUBPROP, DOMAIN, RANGE, FIRST, REST} | {_iri(OWL_, n) for n in (
    "equivalentClass", "equivalentProperty", "inverseOf", "propertyChainAxiom", "disjointWith",
    "propertyDisjointWith", "onProperty", "hasValue", "someValuesFrom", "allValuesFrom", "intersectionOf",
    "unionOf", "complementOf", "oneOf", "members", "distinctMembers", "hasKey", "maxCardinality",
    "maxQualifiedCardinality", "onClass", "sourceIndividual", "assertionProperty", "targetIndividual",
    "targetValue", "hasSelf", "cardinality", "minCardinality", "qualifiedCardinality", "onDataRange",
    "withRestrictions", "datatypeComplementOf", "disjointUnionOf")}
SCHEMA_CLASSES = {_iri(RDFS_, "Class"), _iri(RDFS_, "Datatype"), _iri(RDF_, "Property"), _iri(RDF_, "List")} | {
    _iri(OWL_, n) for n in (
        "Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty", "TransitiveProperty",
        "SymmetricProperty", "FunctionalProperty", "InverseFunctionalProperty", "IrreflexiveProperty",
        "AsymmetricProperty", "AllDisjointClasses", "AllDifferent", "AllDisjointProperties", "Restriction",
        "NegativePropertyAssertion", "Ontology", "ReflexiveProperty", "DataRange")}
NOT_COMPILED = {_iri(OWL_, n) for n in ("hasKey", "maxQualifiedCardinality")}

Term = str
Triple = tuple[str, str, str]


class _Fallback(Exception):
    """The part needs owlrl itself."""


def split_line(line: str) -> Triple:
    """`<s> <p> object` (an N-Triples line without its final dot) as three terms."""
    s, p, o = line.split(" ", 2)
    return s, p, o


def _plain(term: Term) -> str:
    """A term as owlrl writes it in a message (str() of the rdflib term)."""
    if term.startswith("<"):
        return term[1:-1]
    if term.startswith("_:"):
        return term[2:]
    return str(from_n3(term))


def _datatype(term: Term) -> str | None:
    if term.startswith('"') and term.endswith(">") and '"^^<' in term:
        return term[term.rindex('"^^<') + 3:]
    return None


class _Index:
    """Triples by each pair of positions, as owlrl's rules look them up."""

    def __init__(self):
        self.all: set[Triple] = set()
        self.sp = defaultdict(set)      # (s, p) -> objects
        self.po = defaultdict(set)      # (p, o) -> subjects
        self.p = defaultdict(set)       # p -> (s, o)
        self.s = defaultdict(set)       # s -> (p, o)
        self.o = defaultdict(set)       # o -> (s, p)

    def add(self, t: Triple) -> bool:
        if t in self.all:
            return False
        s, p, o = t
        self.all.add(t)
        self.sp[s, p].add(o)
        self.po[p, o].add(s)
        self.p[p].add((s, o))
        self.s[s].add((p, o))
        self.o[o].add((s, p))
        return True


class Materialiser:
    """The ontology closed by owlrl, as tables, and the rules that join a part's triples with them."""

    def __init__(self, ontology_lines: list[str], closed_lines: list[str], problems: list[str]):
        self.ontology = {split_line(line) for line in ontology_lines}
        self.tbox = _Index()
        for line in closed_lines:
            self.tbox.add(split_line(line))
        self.tbox_problems = problems
        self.compiled = not any(t[1] in NOT_COMPILED for t in self.tbox.all)
        self.tbox_datatypes = {dt for dt in (_datatype(t[2]) for t in self.tbox.all)
                               if dt is not None and _rdflib(dt) in OWL_RL_Datatypes}
        # what reason._keep drops from owlrl's output, in N-Triples terms
        self.base = f"<{ID}"
        self.trivial_types = {f"<{c}>" for c in TRIVIAL_TYPES}
        self.reflexive_trivia = {f"<{p}>" for p in REFLEXIVE_TRIVIA}
        self._compile()

    @classmethod
    def of(cls, tbox: Graph) -> "Materialiser":
        """Close the ontology with owlrl (its own inferences and problems) and compile the rules."""
        closed = _closure(tbox)
        problems = [str(m) for node in closed.subjects(RDF.type, ERROR_MESSAGE) for m in closed.objects(node, ERROR)]
        return cls(_lines(tbox), _lines(closed, skip_errors=True), problems)

    # ---------------------------------------------------------------- tables

    def _compile(self) -> None:
        t = self.tbox
        objs = lambda s, p: t.sp.get((s, p), ())      # noqa: E731
        self.supers = self._upward(SUBCLASS, _iri(OWL_, "equivalentClass"))
        self.domain, self.range_ = defaultdict(set), defaultdict(set)
        for p, c in t.p.get(DOMAIN, ()):
            self.domain[p].add(c)
        for p, c in t.p.get(RANGE, ()):
            self.range_[p].add(c)
        self.superprops = self._upward(SUBPROP, _iri(OWL_, "equivalentProperty"))
        self.inverse = defaultdict(set)
        for p, q in t.p.get(_iri(OWL_, "inverseOf"), ()):
            self.inverse[p].add(q)
            self.inverse[q].add(p)
        kinds = defaultdict(set)
        for x, c in t.p.get(TYPE, ()):
            kinds[c].add(x)
        self.kinds = kinds
        self.symmetric = kinds[_iri(OWL_, "SymmetricProperty")]
        self.transitive = kinds[_iri(OWL_, "TransitiveProperty")]
        self.functional = kinds[_iri(OWL_, "FunctionalProperty")]
        self.inverse_functional = kinds[_iri(OWL_, "InverseFunctionalProperty")]
        self.chains = defaultdict(list)            # p -> [(q, chain, position of p)]
        for q, head in t.p.get(_iri(OWL_, "propertyChainAxiom"), ()):
            chain = self._list(head)
            for k, p in enumerate(chain):
                self.chains[p].append((q, chain, k))
        self.has_value = defaultdict(set)           # class -> (property, value)
        self.has_value_by = defaultdict(set)        # (property, value) -> class
        for r, v in t.p.get(_iri(OWL_, "hasValue"), ()):
            for p in objs(r, _iri(OWL_, "onProperty")):
                self.has_value[r].add((p, v))
                self.has_value_by[p, v].add(r)
        self.svf_by_class, self.svf_by_prop = defaultdict(set), defaultdict(set)
        for r, y in t.p.get(_iri(OWL_, "someValuesFrom"), ()):
            for p in objs(r, _iri(OWL_, "onProperty")):
                self.svf_by_prop[p].add((r, y))
                self.svf_by_class[y].add((r, p))
        self.avf, self.avf_by_prop = defaultdict(set), defaultdict(set)
        for r, y in t.p.get(_iri(OWL_, "allValuesFrom"), ()):
            for p in objs(r, _iri(OWL_, "onProperty")):
                self.avf[r].add((p, y))
                self.avf_by_prop[p].add((r, y))
        self.max_one, self.max_one_by_prop, self.max_zero = defaultdict(set), defaultdict(set), []
        for r, n in t.p.get(_iri(OWL_, "maxCardinality"), ()):
            value = getattr(from_n3(n), "value", None) if n.startswith('"') else None
            for p in objs(r, _iri(OWL_, "onProperty")):
                if value == 0:
                    self.max_zero.append((r, p))
                elif value == 1:
                    self.max_one[r].add(p)
                    self.max_one_by_prop[p].add(r)
        self.intersection, self.in_intersection = {}, defaultdict(set)
        for c, head in t.p.get(_iri(OWL_, "intersectionOf"), ()):
            members = self._list(head)
            self.intersection[c] = members
            for m in members:
                self.in_intersection[m].add(c)
        self.in_union = defaultdict(set)
        for c, head in t.p.get(_iri(OWL_, "unionOf"), ()):
            for m in self._list(head):
                self.in_union[m].add(c)

    def _upward(self, sub: str, equivalent: str) -> dict[Term, set[Term]]:
        """Each class (property) to the others above it: the closed sub-class (sub-property)
        axioms, and equivalence both ways."""
        up = defaultdict(set)
        for a, b in self.tbox.p.get(sub, ()):
            if a != b:
                up[a].add(b)
        for a, b in self.tbox.p.get(equivalent, ()):
            if a != b:
                up[a].add(b)
                up[b].add(a)
        return up

    def _list(self, head: Term) -> list[Term]:
        items, seen = [], set()
        while head != NIL and head not in seen:
            seen.add(head)
            items += sorted(self.tbox.sp.get((head, FIRST), ()))
            rest = self.tbox.sp.get((head, REST), ())
            if not rest:
                break
            head = next(iter(rest))
        return items

    # ---------------------------------------------------------------- the rules

    def closure(self, lines: Iterable[str]) -> tuple[list[str], list[str]] | None:
        """(inferred lines kept, inconsistency messages) for a part given as N-Triples lines
        without their dots, or None when the part needs owlrl itself."""
        if not self.compiled:
            return None
        part = [split_line(line) for line in lines]
        try:
            graph = self._run(part)
        except _Fallback:
            return None
        problems = list(self.tbox_problems)
        for message in self._checks(graph):
            if message not in problems:
                problems.append(message)
        asserted = set(part) | self.ontology
        kept = []
        for t in graph.derived:
            s, p, o = t
            if not s.startswith(self.base) or (p == TYPE and o in self.trivial_types) \
                    or (s == o and p in self.reflexive_trivia) or t in asserted:
                continue
            kept.append(f"{s} {p} {o}")
        return sorted(kept), problems

    def _run(self, part: list[Triple]) -> "_Graph":
        graph = _Graph(self.tbox)
        for t in part:
            if t[1] in SCHEMA_PREDICATES or (t[1] == TYPE and t[2] in SCHEMA_CLASSES) or t[1].startswith("_:"):
                raise _Fallback()
            graph.add(t)
        self._datatypes(graph, part)
        for t in self.tbox.all:            # the ontology's own inferences about our individuals
            if t not in self.ontology:
                graph.derived.add(t)
        agenda = list(graph.a.all)
        add = graph.add
        while agenda:
            new = []
            for t in agenda:
                for d in self._fire(graph, t):
                    if d[1] == SAME and d[0] == d[2]:
                        continue             # eq-ref's trivia (see reason._Semantics)
                    if add(d):
                        if d[1] in SCHEMA_PREDICATES or (d[1] == TYPE and d[2] in SCHEMA_CLASSES):
                            raise _Fallback()
                        graph.derived.add(d)
                        new.append(d)
            agenda = new
        return graph

    def _datatypes(self, graph: "_Graph", part: list[Triple]) -> None:
        """owlrl's one-time datatype rules over the part: literals typed by their datatype and its
        super-types, ill-typed literals reported, disjoint datatypes in use kept for the checks."""
        graph.literal_problems = []
        objects = {t[2] for t in part}
        used = set(self.tbox_datatypes)      # the ontology's literals: typed in its closure
        for term in objects:
            dt = _datatype(term)
            if dt is None or _rdflib(dt) not in OWL_RL_Datatypes:
                continue
            used.add(dt)
            graph.seed((term, TYPE, dt))     # dt-type2
            literal = from_n3(term)
            try:                             # dt-not-type
                AltXSDToPYTHON.get(literal.datatype, lambda v: v)(str(literal))
            except ValueError:
                graph.literal_problems.append("Lexical value of the literal '%s' does not match its datatype (%s)"
                                              % (literal, literal.datatype))
            used.update(self._subsume(graph, term, dt))
        for s, p, o in part:                 # resources typed as a datatype
            if p == TYPE and o.startswith("<") and _rdflib(o) in OWL_RL_Datatypes:
                used.add(o)
                used.update(self._subsume(graph, s, o))
        graph.datatype_disjoint = [(f"<{a}>", f"<{b}>") for a, _, b in OWLRL_Datatypes_Disjointness
                                   if f"<{a}>" in used and f"<{b}>" in used]

    @staticmethod
    def _subsume(graph: "_Graph", term: Term, dt: str) -> list[str]:
        supers = [f"<{sup}>" for sup in OWL_Datatype_Subsumptions.get(_rdflib(dt), ())]
        for sup in supers:
            graph.seed((term, TYPE, sup))
        return supers

    def _fire(self, g: "_Graph", t: Triple) -> Iterable[Triple]:
        s, p, o = t
        if p == TYPE:
            c = o
            for d in self.supers.get(c, ()):                      # cax-sco, cax-eqc
                yield s, TYPE, d
            for q, v in self.has_value.get(c, ()):                # cls-hv1
                yield s, q, v
            for ci in self.intersection.get(c, ()):               # cls-int2
                yield s, TYPE, ci
            for k in self.in_intersection.get(c, ()):             # cls-int1
                if all(g.has((s, TYPE, ci)) for ci in self.intersection[k]):
                    yield s, TYPE, k
            for k in self.in_union.get(c, ()):                    # cls-uni
                yield s, TYPE, k
            for r, q in self.svf_by_class.get(c, ()):             # cls-svf1, the typed value
                for u in g.subjects(q, s):
                    yield u, TYPE, r
            for q, y in self.avf.get(c, ()):                      # cls-avf, the typed subject
                for v in g.objects(s, q):
                    yield v, TYPE, y
            for q in self.max_one.get(c, ()):                     # cls-maxc2, the typed subject
                values = g.objects(s, q)
                for y1 in values:
                    for y2 in values:
                        if y1 != y2:
                            yield y1, SAME, y2
        for c in self.domain.get(p, ()):                          # prp-dom
            yield s, TYPE, c
        for c in self.range_.get(p, ()):                          # prp-rng
            yield o, TYPE, c
        for q in self.superprops.get(p, ()):                      # prp-spo1, prp-eqp
            yield s, q, o
        for q in self.inverse.get(p, ()):                         # prp-inv1, prp-inv2
            yield o, q, s
        if p in self.symmetric:                                   # prp-symp
            yield o, p, s
        if p in self.transitive:                                  # prp-trp
            for z in g.objects(o, p):
                yield s, p, z
            for w in g.subjects(p, s):
                yield w, p, o
        if p in self.functional:                                  # prp-fp
            for y in g.objects(s, p):
                if y != o:
                    yield o, SAME, y
                    yield y, SAME, o
        if p in self.inverse_functional:                          # prp-ifp
            for x in g.subjects(p, o):
                if x != s:
                    yield s, SAME, x
                    yield x, SAME, s
        for q, chain, k in self.chains.get(p, ()):                # prp-spo2
            starts, ends = {s}, {o}
            for pi in reversed(chain[:k]):
                starts = {x for y in starts for x in g.subjects(pi, y)}
            for pi in chain[k + 1:]:
                ends = {y for x in ends for y in g.objects(x, pi)}
            for x in starts:
                for y in ends:
                    yield x, q, y
        for r in self.has_value_by.get((p, o), ()):               # cls-hv2
            yield s, TYPE, r
        for r, y in self.svf_by_prop.get(p, ()):                  # cls-svf1, cls-svf2, the edge
            if y == THING or g.has((o, TYPE, y)):
                yield s, TYPE, r
        for r, y in self.avf_by_prop.get(p, ()):                  # cls-avf, the edge
            if g.has((s, TYPE, r)):
                yield o, TYPE, y
        for r in self.max_one_by_prop.get(p, ()):                 # cls-maxc2, the edge
            if g.has((s, TYPE, r)):
                for y in g.objects(s, p):
                    if y != o:
                        yield o, SAME, y
                        yield y, SAME, o
        if p == SAME and s != o:                                  # eq-sym, eq-trans, eq-rep-*
            yield o, SAME, s
            for z in g.objects(o, SAME):
                yield s, SAME, z
            for w in g.subjects(SAME, s):
                yield w, SAME, o
            for pp, oo in g.about(s):
                yield o, pp, oo
            for ss, oo in g.pairs(s):
                yield ss, o, oo
            for ss, pp in g.pointing_to(o):
                yield ss, pp, s
        for x in g.objects(s, SAME):                              # eq-rep-*, the other premise
            yield x, p, o
        for x in g.objects(o, SAME):
            yield s, p, x
        for x in g.objects(p, SAME):
            yield s, x, o

    # ---------------------------------------------------------------- the checks

    def _checks(self, g: "_Graph") -> list[str]:
        """owlrl's inconsistency rules over the final graph, with its messages. Every one only
        looks for a pattern, so the last of owlrl's cycles (over the final graph) reports them all."""
        out = list(g.literal_problems)
        t = self.tbox
        for s, o in g.pairs(SAME):                                        # eq-diff1
            if s != o and (g.has((s, DIFFERENT, o)) or g.has((o, DIFFERENT, s))):
                out.append("'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: (%s, %s)"
                           % (_plain(s), _plain(o)))
        for s, o in g.pairs(DIFFERENT):
            if s == o:
                out.append("'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: (%s, %s)"
                           % (_plain(s), _plain(o)))
        # eq-diff2 and eq-diff3 need two members of a list made the same: the part goes to owlrl
        for p in self.kinds.get(_iri(OWL_, "IrreflexiveProperty"), ()):   # prp-irp
            for x, y in g.pairs(p):
                if x == y:
                    out.append("Irreflexive property used on %s with %s" % (_plain(x), _plain(p)))
        for p in self.kinds.get(_iri(OWL_, "AsymmetricProperty"), ()):    # prp-asyp
            for x, y in g.pairs(p):
                if g.has((y, p, x)):
                    out.append("Erroneous usage of asymmetric property %s on %s and %s"
                               % (_plain(p), _plain(x), _plain(y)))
        for x in self.kinds.get(_iri(OWL_, "AllDisjointProperties"), ()):  # prp-adp
            for head in t.sp.get((x, _iri(OWL_, "members")), ()):
                ps = self._list(head)
                for i in range(0, len(ps) - 1):
                    for j in range(i + 1, len(ps) - 1):
                        for a, b in g.pairs(ps[i]):
                            if g.has((a, ps[j], b)):
                                out.append("Disjoint properties in an 'AllDisjointProperties' are not really "
                                           "disjoint: (%s, %s,%s) and (%s,%s,%s)"
                                           % tuple(_plain(v) for v in (a, ps[i], b, a, ps[j], b)))
        for p1, p2 in t.p.get(_iri(OWL_, "propertyDisjointWith"), ()):   # prp-pdw
            for x, y in g.pairs(p1):
                if g.has((x, p2, y)):
                    out.append("Erroneous usage of disjoint properties %s and %s on %s and %s"
                               % tuple(_plain(v) for v in (p1, p2, x, y)))
        for x, i1 in t.p.get(_iri(OWL_, "sourceIndividual"), ()):        # prp-npa1, prp-npa2
            for p1 in t.sp.get((x, _iri(OWL_, "assertionProperty")), ()):
                for kind, target in (("object", "targetIndividual"), ("datatype", "targetValue")):
                    for i2 in t.sp.get((x, _iri(OWL_, target)), ()):
                        if g.has((i1, p1, i2)):
                            out.append("Negative (%s) property assertion violated for: (%s, %s, %s)"
                                       % (kind, _plain(i1), _plain(p1), _plain(i2)))
        for x in g.subjects(TYPE, NOTHING):                              # cls-nothing2
            out.append("%s is defined of type 'Nothing'" % _plain(x))
        for c1, c2 in t.p.get(_iri(OWL_, "complementOf"), ()):           # cls-com
            for x in g.subjects(TYPE, c1):
                if g.has((x, TYPE, c2)):
                    out.append("Violation of complementarity for classes %s and %s on element %s"
                               % (_plain(c1), _plain(c2), _plain(c2)))
        for r, p in self.max_zero:                                       # cls-maxc1
            for u, y in g.pairs(p):
                if g.has((u, TYPE, r)):
                    out.append("Erroneous usage of maximum cardinality with %s and %s" % (_plain(r), _plain(y)))
        disjoint = list(t.p.get(_iri(OWL_, "disjointWith"), ())) + g.datatype_disjoint
        for c1, c2 in disjoint:                                          # cax-dw
            for x in g.subjects(TYPE, c1):
                if g.has((x, TYPE, c2)):
                    out.append("Disjoint classes %s and %s have a common individual %s"
                               % (_plain(c1), _plain(c2), _plain(x)))
        for x in self.kinds.get(_iri(OWL_, "AllDisjointClasses"), ()):   # cax-adc
            for head in t.sp.get((x, _iri(OWL_, "members")), ()):
                classes = self._list(head)
                for i in range(0, len(classes) - 1):
                    for z in g.subjects(TYPE, classes[i]):
                        for c2 in classes[i + 1:]:
                            if g.has((z, TYPE, c2)):
                                out.append("Disjoint classes %s and %s have a common individual %s"
                                           % (_plain(classes[i]), _plain(c2), _plain(z)))
        return out


class _Graph:
    """The closed ontology (read only) and the part with what is derived from it."""

    def __init__(self, tbox: _Index):
        self.t, self.a = tbox, _Index()
        self.derived: set[Triple] = set()
        self.literal_problems: list[str] = []
        self.datatype_disjoint: list[tuple[str, str]] = []

    def add(self, t: Triple) -> bool:
        return t not in self.t.all and self.a.add(t)

    def seed(self, t: Triple) -> None:
        if self.add(t):
            self.derived.add(t)

    def has(self, t: Triple) -> bool:
        return t in self.a.all or t in self.t.all

    def objects(self, s, p) -> list:
        return [*self.t.sp.get((s, p), ()), *self.a.sp.get((s, p), ())]

    def subjects(self, p, o) -> list:
        return [*self.t.po.get((p, o), ()), *self.a.po.get((p, o), ())]

    def pairs(self, p) -> list:
        return [*self.t.p.get(p, ()), *self.a.p.get(p, ())]

    def about(self, s) -> list:
        return [*self.t.s.get(s, ()), *self.a.s.get(s, ())]

    def pointing_to(self, o) -> list:
        return [*self.t.o.get(o, ()), *self.a.o.get(o, ())]


# ---------------------------------------------------------------- rdflib <-> N-Triples terms

def _rdflib(term: str) -> URIRef:
    return URIRef(term[1:-1]) if term.startswith("<") else URIRef(term)


def _lines(graph: Graph, skip_errors: bool = False) -> list[str]:
    """A graph's triples in the form of the build's parts (N-Triples terms, as Oxigraph writes
    them), owlrl's error-message nodes left out if asked."""
    errors = set(graph.subjects(RDF.type, ERROR_MESSAGE)) if skip_errors else set()
    return [f"{nt_term(s)} {nt_term(p)} {nt_term(o)}" for s, p, o in graph if s not in errors]
