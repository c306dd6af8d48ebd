"""One node per person across articles: transliteration variants merge, different people do not."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import FOAF, SKOS

from kg.extract.names import compatible, name_key, surname_key
from kg.graph import ID, KG
from kg.resolve import resolve, slug
from kg.store import open_dataset


def person(facts, name):
    return next(p for p in facts.people if p.name == name)


@pytest.mark.parametrize("a, b", [
    ("Nurlan Abdullayev", "Nurlan Abdullaev"),        # -yev / -ev
    ("Rustam Alimkhodzhayev", "Rustam Alimkhodzhaev"),
    ("Zhanibek Kholmatov", "Janibek Holmatov"),       # Zh / J, Kh / H
    ("Dzhamshid Karimov", "Jamshid Karimov"),         # Dzh / J
    ("Ghulam Nabiyev", "Gulam Nabiev"),               # gh / g, -yev / -ev
    ("Jamal Haddad", "Jamal Hadad"),                  # doubled letters
    ("Anna Müller", "Anna Muller"),                   # accents
    ("Bakyt Toktogulov", "Bakit Toktogulov"),         # y / i
])
def test_name_key_folds_transliteration_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Farid Jamal", "Jamal Haddad"),
    ("Aibek Toktogulov", "Bakyt Toktogulov"),
    ("Elnur Aliyev", "Elnur Aliyeva"),
    ("Ilhom Rahimov", "Bobur Rahimov"),
])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_examples():
    assert name_key("Zhanibek Kholmatov") == "janibek holmatov"
    assert name_key("Nurlan Abdullayev") == "nurlan abdulaev"
    assert name_key("Abdulla-Zade") == "abdula zade"
    assert surname_key("Rustam Alimkhodzhayev") == "alimhojaev"


def test_compatible_short_forms():
    assert compatible("B. Toktogulov", "Bakyt Toktogulov")
    assert compatible("Toktogulov", "Bakyt Toktogulov")
    assert not compatible("A. Toktogulov", "Bakyt Toktogulov")
    assert not compatible("Aibek Toktogulov", "Bakyt Toktogulov")
    assert not compatible("Jamal", "Jamal Haddad")          # a first name is no surname


def test_transliteration_variants_merge_across_articles(facts_of):
    a = facts_of("Kazakh Deputy Foreign Minister Zhanibek Kholmatov met with Georgian Foreign Minister Tamar Veridze "
                 "in Tbilisi on Tuesday.", article_id="a")
    b = facts_of("Kazakh Deputy Foreign Minister Janibek Holmatov received Ambassador of Latvia to Kazakhstan "
                 "Andris Kalnins.", article_id="b")
    res = resolve([a, b])
    one = res.people[("a", person(a, "Zhanibek Kholmatov").key)]
    other = res.people[("b", person(b, "Janibek Holmatov").key)]
    assert one is other
    assert one.name == "Zhanibek Kholmatov"                 # the first full spelling is the label
    assert one.names == ["Zhanibek Kholmatov", "Janibek Holmatov"]
    assert one.id == slug(name_key("Zhanibek Kholmatov")) == "janibek-holmatov"
    assert sorted(one.members) == [("a", "p0"), ("b", "p0")]
    assert one.stated_roles == {"Deputy Minister": "KAZ"}
    assert sorted(c.name for c in res.clusters) == ["Andris Kalnins", "Tamar Veridze", "Zhanibek Kholmatov"]


def test_same_meeting_reported_twice_is_one_meeting(facts_of):
    a = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov met with Kazakh Foreign Minister Nurlan Abdullayev in "
                 "Astana on Tuesday.", article_id="a")
    b = facts_of("Foreign Minister of Kyrgyzstan B. Toktogulov and Foreign Minister of Kazakhstan Nurlan Abdullaev "
                 "held talks in Astana on May 7.", article_id="b")
    res = resolve([a, b])
    assert res.people[("a", "p0")] is res.people[("b", "p0")]         # B. Toktogulov is Bakyt Toktogulov
    assert res.people[("a", "p1")] is res.people[("b", "p1")]         # Abdullayev is Abdullaev
    assert res.people[("b", "p0")].name == "Bakyt Toktogulov"
    assert res.meetings[("a", "m0")] == res.meetings[("b", "m0")] == "a-m0"


def test_meetings_on_different_days_stay_apart(facts_of):
    a = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov met with Kazakh Foreign Minister Nurlan Abdullayev on "
                 "Tuesday.", article_id="a")
    b = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov met with Kazakh Foreign Minister Nurlan Abdullayev on "
                 "Wednesday.", article_id="b")
    res = resolve([a, b])
    assert res.meetings[("a", "m0")] == "a-m0"
    assert res.meetings[("b", "m0")] == "b-m0"


def test_a_first_name_equal_to_a_surname_does_not_merge(facts_of):
    a = facts_of("Foreign Minister of Jordan Farid Jamal and Ambassador of Egypt to Jordan Jamal Haddad held talks "
                 "in Amman.", article_id="a")
    b = facts_of("Ambassador of Egypt to Jordan Jamal Hadad met with Jordanian Foreign Minister Farid Jamal. "
                 "Jamal said relations are good.", article_id="b")
    assert sorted(p.name for p in a.people) == ["Farid Jamal", "Jamal Haddad"]
    assert sorted(p.name for p in b.people) == ["Farid Jamal", "Jamal Hadad"]
    # "Jamal said" is Farid Jamal (surname), never Jamal Haddad (first name)
    assert [s.sentence for s in person(b, "Farid Jamal").spans] == [0, 1]
    assert [s.sentence for s in person(b, "Jamal Hadad").spans] == [0]
    res = resolve([a, b])
    farid = res.people[("a", person(a, "Farid Jamal").key)]
    haddad = res.people[("a", person(a, "Jamal Haddad").key)]
    assert farid is not haddad
    assert farid is res.people[("b", person(b, "Farid Jamal").key)]
    assert haddad is res.people[("b", person(b, "Jamal Hadad").key)]
    assert sorted(c.id for c in res.clusters) == ["farid-jamal", "jamal-hadad"]


def test_different_first_names_with_one_surname_stay_apart(facts_of):
    a = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov arrived in Astana.", article_id="a")
    c = facts_of("Kyrgyz Minister of Economy Aibek Toktogulov visited Tashkent.", article_id="c")
    res = resolve([a, c])
    assert res.people[("a", "p0")] is not res.people[("c", "p0")]
    assert sorted(cl.name for cl in res.clusters) == ["Aibek Toktogulov", "Bakyt Toktogulov"]


def test_an_ambiguous_bare_surname_is_dropped_not_guessed(facts_of):
    a = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov arrived in Astana.", article_id="a")
    c = facts_of("Kyrgyz Minister of Economy Aibek Toktogulov visited Tashkent.", article_id="c")
    d = facts_of("Minister Toktogulov arrived in Bishkek.", article_id="d")
    assert [p.name for p in d.people] == ["Toktogulov"]
    res = resolve([a, c, d])
    assert ("d", "p0") not in res.people
    assert res.dropped_mentions == 1


def test_an_unambiguous_bare_surname_joins_the_full_name(facts_of):
    a = facts_of("Kyrgyz Foreign Minister Bakyt Toktogulov arrived in Astana.", article_id="a")
    d = facts_of("Minister Toktogulov arrived in Bishkek.", article_id="d")
    res = resolve([a, d])
    assert res.people[("d", "p0")] is res.people[("a", "p0")]
    assert res.dropped_mentions == 0


def test_the_same_document_in_two_articles_is_one(facts_of):
    a = facts_of("The Agreement on Visa Exemption between Georgia and Latvia was signed in Riga.", article_id="a")
    b = facts_of("The Agreement on Visa Exemption between Georgia and Latvia was signed on Tuesday.", article_id="b")
    res = resolve([a, b])
    assert res.documents[("a", "d0")] == res.documents[("b", "d0")] == "a-d0"


def test_documents_with_other_parties_stay_apart(facts_of):
    a = facts_of("The Agreement on Visa Exemption between Georgia and Latvia was signed in Riga.", article_id="a")
    b = facts_of("The Agreement on Visa Exemption between Georgia and Estonia was signed in Tallinn.", article_id="b")
    res = resolve([a, b])
    assert res.documents[("a", "d0")] == "a-d0"
    assert res.documents[("b", "d0")] == "b-d0"


def test_documents_on_different_subjects_in_two_articles_stay_apart(facts_of):
    a = facts_of("The Memorandum on Cooperation in Education between Georgia and Latvia was signed in Riga.",
                 article_id="a")
    b = facts_of("The Memorandum on Cooperation in Health between Georgia and Latvia was signed in Riga.",
                 article_id="b")
    res = resolve([a, b])
    assert res.documents[("a", "d0")] != res.documents[("b", "d0")]


def test_the_built_corpus_has_one_node_per_person_and_meeting(built):
    """a1 spells the Uzbek minister Alimkhodzhayev, a2 and a3 Alimkhodzhaev; a1 and a3 report one meeting."""
    ds = open_dataset(built.path)
    people = {str(ds.value(p, RDFS.label)) for p in set(ds.subjects(RDF.type, FOAF.Person))}
    assert people == {"Tamar Veridze", "Rustam Alimkhodzhayev", "Bobur Rahimov", "Serik Tolegenov"}
    minister = ID["person/rustam-alimhojaev"]
    assert set(map(str, ds.objects(minister, SKOS.altLabel))) == {"Rustam Alimkhodzhaev"}
    meetings = set(ds.subjects(RDF.type, KG.Talks))
    assert meetings == {ID["meeting/a1-m0"]}
    assert len(set(ds.objects(ID["meeting/a1-m0"], KG.participant))) == 3
    assert built.summary.entities["people"] == 4 and built.summary.entities["meetings"] == 1
    assert built.summary.skipped == [] and built.warnings == []
