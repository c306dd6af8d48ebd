"""The compiled rules give owlrl's closure: each OWL 2 RL construct on a small fictional ontology
and data, compared with stock owlrl over the same graph (kg.reason.reason, the baseline)."""
import pytest
from rdflib import Graph

from kg.materialise import Materialiser, _lines
from kg.reason import Scope, reason

PREFIXES = """
@prefix : <http://example.org/onto#> .
@prefix id: <https://w3id.org/diplokg/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

CASES = {
    "subclass chain and equivalence": (
        ":A a owl:Class ; rdfs:subClassOf :B . :B a owl:Class ; rdfs:subClassOf :C . :C a owl:Class ."
        ":D a owl:Class ; owl:equivalentClass :A .",
        "id:x a :D . id:y a :B ."),
    "domain, range, sub-property": (
        ":p a owl:ObjectProperty ; rdfs:domain :A ; rdfs:range :B ; rdfs:subPropertyOf :q ."
        ":q a owl:ObjectProperty ; rdfs:domain :Q . :A a owl:Class . :B a owl:Class . :Q a owl:Class ."
        ":e a owl:ObjectProperty ; owl:equivalentProperty :p .",
        "id:x :p id:y . id:u :e id:v . id:w :p \"a literal\" ."),
    "inverse, symmetric, transitive": (
        ":p a owl:ObjectProperty ; owl:inverseOf :pi . :pi a owl:ObjectProperty ."
        ":s a owl:ObjectProperty , owl:SymmetricProperty . :t a owl:ObjectProperty , owl:TransitiveProperty .",
        "id:a :p id:b . id:c :pi id:d . id:a :s id:c . id:a :t id:b . id:b :t id:c . id:c :t id:d ."),
    "property chains": (
        ":c a owl:ObjectProperty ; owl:propertyChainAxiom ( :p :q :r ) ; rdfs:subPropertyOf :top ."
        ":p a owl:ObjectProperty . :q a owl:ObjectProperty . :r a owl:ObjectProperty . :top a owl:ObjectProperty .",
        "id:a :p id:b . id:b :q id:c . id:b :q id:c2 . id:c :r id:d . id:c2 :r id:e . id:z :p id:b ."),
    "functional property: equality and its replacement": (
        ":f a owl:ObjectProperty , owl:FunctionalProperty . :g a owl:ObjectProperty ; rdfs:range :G ."
        ":G a owl:Class .",
        "id:a :f id:b , id:c . id:b :g id:k . id:m :g id:c ."),
    "functional property against differentFrom": (
        ":f a owl:ObjectProperty , owl:FunctionalProperty . :S a owl:Class . :one a :S ; owl:differentFrom :two ."
        ":two a :S .",
        "id:doc :f :one , :two ."),
    "inverse functional, explicit sameAs": (
        ":k a owl:ObjectProperty , owl:InverseFunctionalProperty .",
        "id:a :k id:key . id:b :k id:key . id:c owl:sameAs id:d . id:d owl:sameAs id:e . id:e :k id:other ."),
    "irreflexive, asymmetric, disjoint properties": (
        ":i a owl:ObjectProperty , owl:IrreflexiveProperty . :as a owl:ObjectProperty , owl:AsymmetricProperty ."
        ":d1 a owl:ObjectProperty ; owl:propertyDisjointWith :d2 . :d2 a owl:ObjectProperty .",
        "id:a :i id:a . id:a :as id:b . id:b :as id:a . id:a :d1 id:b ; :d2 id:b ."),
    "disjoint classes, pairwise and all": (
        ":A a owl:Class ; owl:disjointWith :B . :B a owl:Class . :C a owl:Class . :Sub rdfs:subClassOf :A ."
        ":Sub a owl:Class . [] a owl:AllDisjointClasses ; owl:members ( :A :C :B ) .",
        "id:x a :Sub , :B . id:y a :C , :A . id:ok a :A ."),
    "hasValue both ways": (
        ":R a owl:Restriction ; owl:onProperty :p ; owl:hasValue :v . :p a owl:ObjectProperty . :v a owl:Thing .",
        "id:x a :R . id:y :p :v ."),
    "someValuesFrom and allValuesFrom": (
        ":S a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :C . :C a owl:Class ."
        ":T a owl:Restriction ; owl:onProperty :q ; owl:someValuesFrom owl:Thing ."
        ":V a owl:Restriction ; owl:onProperty :r ; owl:allValuesFrom :D . :D a owl:Class ."
        ":p a owl:ObjectProperty . :q a owl:ObjectProperty . :r a owl:ObjectProperty .",
        "id:x :p id:c . id:c a :C . id:y :q id:z . id:w a :V ; :r id:u . id:late :p id:c2 . id:c2 a :C ."),
    "intersection, union, complement, oneOf": (
        ":I a owl:Class ; owl:intersectionOf ( :A :B ) . :U a owl:Class ; owl:unionOf ( :A :C ) ."
        ":A a owl:Class . :B a owl:Class . :C a owl:Class . :N a owl:Class ; owl:complementOf :C ."
        ":E a owl:Class ; owl:oneOf ( :e1 :e2 ) .",
        "id:x a :A , :B . id:y a :I . id:z a :C , :N . id:w :rel :e1 ."),
    "maximum cardinality": (
        ":M1 a owl:Restriction ; owl:onProperty :p ; owl:maxCardinality \"1\"^^xsd:nonNegativeInteger ."
        ":M0 a owl:Restriction ; owl:onProperty :q ; owl:maxCardinality \"0\"^^xsd:nonNegativeInteger ."
        ":p a owl:ObjectProperty . :q a owl:ObjectProperty .",
        "id:x a :M1 ; :p id:a , id:b . id:y a :M0 ; :q id:c ."),
    "literals: datatypes, ill-typed values, disjoint datatypes": (
        ":n a owl:DatatypeProperty ; rdfs:range xsd:integer ; rdfs:domain :Counted . :Counted a owl:Class .",
        "id:x :n \"12\"^^xsd:integer . id:y :n \"twelve\"^^xsd:integer . id:z :n \"true\"^^xsd:boolean ."
        "id:w :other \"3\"^^xsd:int ."),
    "Nothing, disjoint properties of a list, negative assertions": (
        ":p a owl:ObjectProperty . :q1 a owl:ObjectProperty . :q2 a owl:ObjectProperty . :q3 a owl:ObjectProperty ."
        "[] a owl:AllDisjointProperties ; owl:members ( :q1 :q2 :q3 ) ."
        "[] a owl:NegativePropertyAssertion ; owl:sourceIndividual id:s ; owl:assertionProperty :p ;"
        "   owl:targetIndividual id:t .",
        "id:n a owl:Nothing . id:s :p id:t . id:x :q1 id:y ; :q2 id:y ; :q3 id:y ."),
    "ontology individuals take part": (
        ":k a owl:ObjectProperty ; rdfs:range :K . :K a owl:Class ; rdfs:subClassOf :L . :L a owl:Class ."
        ":known :k :v0 .",
        "id:x :k :known . :known owl:sameAs id:y ."),
    # each rule joins two premises; here one of them is derived through a property chain (two
    # rounds: the TBox closure cannot shortcut it) after the other was joined, so the rule must
    # also fire from the late one
    "premises derived late": (
        ":t a owl:ObjectProperty , owl:TransitiveProperty . :lt owl:propertyChainAxiom ( :a1 :a2 ) ;"
        "   rdfs:subPropertyOf :t ."
        ":V a owl:Restriction ; owl:onProperty :r ; owl:allValuesFrom :D . :D a owl:Class ."
        ":lv owl:propertyChainAxiom ( :b1 :b2 ) ; rdfs:domain :V ."
        ":S a owl:Restriction ; owl:onProperty :sp ; owl:someValuesFrom :C . :C a owl:Class ."
        ":ls owl:propertyChainAxiom ( :c1 :c2 ) ; rdfs:range :C ."
        ":M a owl:Restriction ; owl:onProperty :mp ; owl:maxCardinality 1 ."
        ":lm owl:propertyChainAxiom ( :d1 :d2 ) ; rdfs:domain :M ."
        ":lsp owl:propertyChainAxiom ( :e1 :e2 ) ; rdfs:subPropertyOf :sp ."
        ":lr owl:propertyChainAxiom ( :f1 :f2 ) ; rdfs:subPropertyOf :r ."
        ":lmp owl:propertyChainAxiom ( :g1 :g2 ) ; rdfs:subPropertyOf :mp .",
        "id:a :t id:b . id:b :a1 id:y1 . id:y1 :a2 id:c ."           # (b t c) late: backward join
        "id:b :t id:e . id:n :a1 id:y2 . id:y2 :a2 id:b ."           # (n t b) late: forward join
        "id:w :r id:u ; :b1 id:y3 . id:y3 :b2 id:any ."             # w a V late
        "id:x :sp id:v . id:z :c1 id:y4 . id:y4 :c2 id:v ."          # v a C late
        "id:m :mp id:v1 , id:v2 ; :d1 id:y5 . id:y5 :d2 id:any ."   # m a M late
        "id:x2 :e1 id:y6 . id:y6 :e2 id:v3 . id:v3 a :C ."          # (x2 sp v3) late
        "id:w2 a :V ; :f1 id:y7 . id:y7 :f2 id:u2 ."                # (w2 r u2) late
        "id:m2 a :M ; :mp id:v4 ; :g1 id:y8 . id:y8 :g2 id:v5 ."),   # (m2 mp v5) late
}


def _graph(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_rules_give_owlrls_closure(name):
    tbox_text, abox_text = CASES[name]
    ontology, data = _graph(tbox_text), _graph(abox_text)
    rules = Materialiser.of(Scope.of(ontology).tbox)
    found = rules.closure(_lines(data))
    assert found is not None, "the part should not need owlrl itself"
    expected, problems = reason(ontology + data)
    assert set(found[0]) == set(_lines(expected))
    assert sorted(set(found[1])) == sorted({p.message for p in problems})
    assert found[0] or found[1], "each case must entail something"


def test_a_part_that_states_schema_goes_to_owlrl():
    ontology = _graph(":A a owl:Class .")
    rules = Materialiser.of(ontology)
    assert rules.closure(_lines(_graph("id:x a :A ."))) is not None
    assert rules.closure(_lines(_graph("id:X rdfs:subClassOf :A ."))) is None
    assert rules.closure(_lines(_graph("id:p a owl:TransitiveProperty ."))) is None


def test_derived_schema_goes_to_owlrl():
    ontology = _graph(":f a owl:ObjectProperty , owl:FunctionalProperty . :p a owl:ObjectProperty ; rdfs:range :A ."
                      ":A a owl:Class .")
    rules = Materialiser.of(ontology)
    assert rules.closure(_lines(_graph("id:x :f :p , :q ."))) is None     # :p sameAs :q: :q gets a range
    listed = _graph(":f a owl:ObjectProperty , owl:FunctionalProperty . [] a owl:AllDifferent ; owl:members ( :a :b ) .")
    assert Materialiser.of(listed).closure(_lines(_graph("id:x :f :a , :b ."))) is None   # a list member renamed


def test_constructs_not_compiled_go_to_owlrl():
    ontology = _graph(":C a owl:Class ; owl:hasKey ( :k ) . :k a owl:ObjectProperty .")
    assert Materialiser.of(ontology).closure(_lines(_graph("id:x a :C ; :k id:v ."))) is None
