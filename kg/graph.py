"""Facts -> RDF, with provenance: every asserted triple sits in the named graph of the sentence
it was read from; that graph's IRI is described (text, offsets, article) in the provenance graph.
"""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, SKOS

from .facts import ArticleFacts, Person
from .lexicon import Lexicon, tokenize
from .resolve import Resolution, slug

KG = Namespace("https://w3id.org/diplokg/ontology#")
ID = Namespace("https://w3id.org/diplokg/id/")
GRAPH = Namespace("https://w3id.org/diplokg/graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

G_ONTOLOGY = GRAPH.ontology
G_REFERENCE = GRAPH.reference
G_PROVENANCE = GRAPH.provenance
G_INFERRED = GRAPH.inferred
PREFIXES = {"kg": KG, "id": ID, "org": ORG, "schema": SCHEMA, "nif": NIF, "dct": DCTERMS, "foaf": FOAF,
            "prov": PROV, "skos": SKOS, "owl": OWL, "wd": WD}

BODY_CLASSES = {"Ministry", "Agency", "Service", "Committee", "Council", "Commission", "Parliament", "Government",
                "Embassy", "Consulate", "Academy", "Office", "Directorate", "LocalAuthority"}


def body_class(name: str) -> URIRef:
    return KG[name] if name in BODY_CLASSES else ORG.FormalOrganization


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.gYear if len(value) == 4 else XSD.date)


class _Writer:
    def __init__(self, ds: Dataset, lexicon: Lexicon, res: Resolution):
        self.ds, self.lexicon, self.res = ds, lexicon, res
        self.prov = ds.graph(G_PROVENANCE)
        self.ref = ds.graph(G_REFERENCE)
        self.states: set[str] = set()
        self.sentences: set[URIRef] = set()
        self.extractions = 0
        self.spans: dict[str, list] = {}       # person key -> spans, of the article being written

    def rule(self, facts: ArticleFacts, node: URIRef, rule: str, sentence: int | None,
             concerns: URIRef | None = None) -> None:
        """One extraction in the provenance graph: the rule that read `node` from the sentence."""
        if not rule or sentence is None:
            return
        ex = ID[f"extraction/{facts.article}/{self.extractions}"]
        self.extractions += 1
        sent = ID[f"sentence/{facts.article}/{sentence}"]
        self.sentence_graph(facts, sentence)
        p = self.prov
        p.add((ex, RDF.type, KG.Extraction))
        p.add((ex, KG.rule, Literal(rule)))
        p.add((ex, PROV.used, sent))
        p.add((ex, KG.extracted, node))
        if concerns is not None:
            p.add((ex, KG.concerns, concerns))

    # ---------------------------------------------------------------- nodes
    def state(self, sid: str) -> URIRef:
        node = ID[f"state/{sid}"]
        if sid not in self.states:
            self.states.add(sid)
            st = self.lexicon.states[sid]
            g = self.ref
            g.add((node, RDF.type, KG.State))
            g.add((node, RDFS.label, Literal(st.name, lang="en")))
            g.add((node, KG.ofState, node))
            g.add((node, KG.isoCode, Literal(sid)))
            for name in st.official:
                if name != st.name:
                    g.add((node, SKOS.altLabel, Literal(name, lang="en")))
            for demonym in st.demonyms:
                g.add((node, KG.demonym, Literal(demonym)))
            if st.wikidata:
                g.add((node, SCHEMA.sameAs, WD[st.wikidata]))
            for capital in st.capitals[:1]:
                city = ID[f"city/{slug(capital)}"]
                g.add((node, KG.capital, city))
                g.add((city, RDF.type, KG.City))
                g.add((city, RDFS.label, Literal(capital, lang="en")))
                g.add((city, SCHEMA.containedInPlace, node))
        return node

    def sentence_graph(self, facts: ArticleFacts, index: int) -> Graph:
        node = ID[f"sentence/{facts.article}/{index}"]
        if node not in self.sentences:
            self.sentences.add(node)
            record = facts.sentences[index]
            p = self.prov
            p.add((node, RDF.type, NIF.Sentence))
            p.add((node, NIF.anchorOf, Literal(record.text)))
            p.add((node, NIF.beginIndex, Literal(record.begin)))
            p.add((node, NIF.endIndex, Literal(record.end)))
            p.add((node, DCTERMS.isPartOf, self.article(facts)))
        return self.ds.graph(node)

    def article(self, facts: ArticleFacts) -> URIRef:
        return ID[f"article/{facts.article}"]

    def body(self, facts: ArticleFacts, key: str, g: Graph) -> URIRef:
        body = next(b for b in facts.bodies if b.key == key)
        node = ID[f"body/{body.state or 'x'}/{slug(body.name)}"]
        g.add((node, RDF.type, body_class(body.cls)))
        g.add((node, RDFS.label, Literal(body.name, lang="en")))
        if body.parent:
            g.add((node, ORG.subOrganizationOf, self.body(facts, body.parent, g)))
        elif body.state:
            g.add((node, ORG.subOrganizationOf, self.state(body.state)))
        return node

    def organization(self, text: str, g: Graph) -> URIRef:
        """An international organisation by its usual name ("CARICOM" -> Caribbean Community)."""
        tokens = tokenize(text)
        hit = self.lexicon.organization_at(tokens, 0) if tokens else None
        name = hit[1].name if hit and hit[0] == len(tokens) else text
        node = ID[f"organization/{slug(name)}"]
        g.add((node, RDF.type, KG.InternationalOrganization))
        g.add((node, RDFS.label, Literal(name, lang="en")))
        return node

    def _read_in(self, key: str, sentences, default: int) -> int:
        """The first of `sentences` that names the person `key` (where a participant or signatory was read)."""
        return min((sp.sentence for sp in self.spans.get(key, []) if sp.sentence in sentences), default=default)

    def person(self, facts: ArticleFacts, key: str) -> URIRef | None:
        cluster = self.res.people.get((facts.article, key))
        return ID[f"person/{cluster.id}"] if cluster else None

    # ---------------------------------------------------------------- facts
    def write(self, facts: ArticleFacts) -> None:
        art = self.article(facts)
        self.extractions = 0                    # extraction IRIs are numbered within their article
        p = self.prov
        p.add((art, RDF.type, KG.Article))
        p.add((art, DCTERMS.identifier, Literal(facts.path.rsplit("/", 1)[-1] or facts.article)))
        if facts.title:
            p.add((art, DCTERMS.title, Literal(facts.title)))
        if facts.date:
            p.add((art, DCTERMS.date, Literal(facts.date, datatype=XSD.date)))
        for author in facts.authors:
            p.add((art, DCTERMS.creator, Literal(author)))
        self.spans = {p.key: p.spans for p in facts.people}
        for person in facts.people:
            self._person(facts, person)
        for body in facts.bodies:
            if body.spans and body.state:
                self.body(facts, body.key, self.sentence_graph(facts, body.spans[0].sentence))
        for meeting in facts.meetings:
            self._meeting(facts, meeting)
        for document in facts.documents:
            self._document(facts, document)
        for index, milestone in enumerate(facts.milestones):
            self._milestone(facts, index, milestone)
        for relation in facts.relations:
            g = self.sentence_graph(facts, relation.span.sentence)
            a, b = relation.states
            node = ID[f"relations/{a}-{b}"]
            g.add((node, RDF.type, KG.DiplomaticRelations))
            g.add((node, RDFS.label, Literal(f"Diplomatic relations of {self.lexicon.states[a].name} and "
                                             f"{self.lexicon.states[b].name}", lang="en")))
            g.add((node, KG.betweenState, self.state(a)))
            g.add((node, KG.betweenState, self.state(b)))
            g.add((self.state(a), KG.hasDiplomaticRelationsWith, self.state(b)))
            if relation.date and self.res.relation_dates.get(f"{a}-{b}") == (facts.article, relation.date):
                g.add((node, KG.establishedOn, date_literal(relation.date)))
            g.add((node, DCTERMS.source, art))

    def _milestone(self, facts: ArticleFacts, index: int, milestone) -> None:
        g = self.sentence_graph(facts, milestone.span.sentence)
        node = ID[f"milestone/{facts.article}-{index}"]
        g.add((node, RDF.type, KG.Milestone))
        g.add((node, RDFS.label, Literal(milestone.label)))
        g.add((node, DCTERMS.date, date_literal(milestone.date)))
        for state in milestone.states:
            g.add((node, KG.concernsState, self.state(state)))
        g.add((node, DCTERMS.source, self.article(facts)))

    def _person(self, facts: ArticleFacts, person: Person) -> None:
        node = self.person(facts, person.key)
        if node is None or not person.spans:
            return
        cluster = self.res.people[(facts.article, person.key)]
        g = self.sentence_graph(facts, person.spans[0].sentence)
        self.rule(facts, node, person.why.get("person", ""), person.spans[0].sentence)
        g.add((node, RDF.type, FOAF.Person))
        g.add((node, RDFS.label, Literal(cluster.name)))
        for name in person.names:
            if name != cluster.name:
                g.add((node, SKOS.altLabel, Literal(name)))
        if person.occupation:
            g.add((node, KG.occupation, Literal(person.occupation)))
        posts = list(person.posts)
        state = person.state
        if state and cluster.state and cluster.state != state and cluster.state_rank < (person.state_rank or 1):
            state = cluster.state          # another article names the state; this one only inferred it
        elif not state and cluster.state:
            state = cluster.state
        for post in posts:
            if post.state is None and post.role in cluster.stated_roles:
                continue          # "President Demir": the post with its state comes from another mention
            pg = self.sentence_graph(facts, post.span.sentence) if post.span else g
            pnode = ID[f"post/{post.state or 'x-' + cluster.id}/{slug(post.label)}"]
            self.rule(facts, pnode, post.rule, post.span.sentence if post.span else None, node)
            pg.add((node, ORG.holds, pnode))
            pg.add((pnode, RDF.type, ORG.Post))
            pg.add((pnode, RDFS.label, Literal(post.label, lang="en")))
            role = ID[f"role/{slug(post.role)}"]
            pg.add((pnode, ORG.role, role))
            pg.add((role, RDF.type, ORG.Role))
            pg.add((role, RDFS.label, Literal(post.role, lang="en")))
            if post.body:
                pg.add((pnode, ORG.postIn, self.body(facts, post.body, pg)))
            elif post.state:
                pg.add((pnode, ORG.postIn, self.state(post.state)))
            elif post.org:
                pg.add((pnode, ORG.postIn, self.organization(post.org, pg)))
            elif state:
                # "Chairman Nadaraia" of a Georgian delegation: the post sits in the state the
                # person serves; kg explain names the rule that gave that state
                pg.add((pnode, ORG.postIn, self.state(state)))
        has_state = any(q.state for q in posts)
        if state and not has_state:
            sg = self.sentence_graph(facts, person.state_span.sentence) if person.state_span else g
            sg.add((node, KG.state, self.state(state)))
            rule = person.state_rule if state == person.state else "R-other-article"
            where = person.state_span.sentence if person.state_span else person.spans[0].sentence
            self.rule(facts, node, rule, where, self.state(state))

    def _meeting(self, facts: ArticleFacts, meeting) -> None:
        node = ID[f"meeting/{self.res.meetings[(facts.article, meeting.key)]}"]
        g = self.sentence_graph(facts, meeting.sentences[0])
        self.rule(facts, node, meeting.why.get("meeting", ""), meeting.sentences[0])
        if meeting.date:
            self.rule(facts, node, meeting.why.get("date", ""), meeting.sentences[0])
        g.add((node, RDF.type, KG[meeting.kind]))
        g.add((node, DCTERMS.source, self.article(facts)))
        names = []
        for key in meeting.participants:
            person = self.person(facts, key)
            if person is None:
                continue
            g.add((node, KG.participant, person))
            where = self._read_in(key, set(meeting.sentences), meeting.sentences[0])
            self.rule(facts, node, meeting.why.get("participant:" + key, ""), where, person)
            names.append(self.res.people[(facts.article, key)].name)
        for key in meeting.hosts:
            if self.person(facts, key):
                g.add((node, KG.host, self.person(facts, key)))
        for key in meeting.guests:
            if self.person(facts, key):
                g.add((node, KG.guest, self.person(facts, key)))
        g.add((node, RDFS.label, Literal(" – ".join(names) + (f", {meeting.date}" if meeting.date else ""))))
        if meeting.date:
            g.add((node, DCTERMS.date, Literal(meeting.date, datatype=XSD.date)))
        if meeting.place:
            if meeting.place.startswith("city:"):
                name, sid = meeting.place[5:].rsplit("|", 1)
                city = ID[f"city/{slug(name)}"]
                g.add((city, RDF.type, KG.City))
                g.add((city, RDFS.label, Literal(name, lang="en")))
                g.add((city, SCHEMA.containedInPlace, self.state(sid)))
                g.add((node, SCHEMA.location, city))
            else:
                g.add((node, SCHEMA.location, self.state(meeting.place)))
        for topic in meeting.topics:
            g.add((node, DCTERMS.subject, self.topic(topic)))
        for index in meeting.sentences:
            self.sentence_graph(facts, index)
            g.add((node, PROV.wasDerivedFrom, ID[f"sentence/{facts.article}/{index}"]))

    def topic(self, tid: str) -> URIRef:
        node = ID[f"topic/{tid}"]
        topic = self.lexicon.topics[tid]
        self.ref.add((node, RDF.type, SKOS.Concept))
        self.ref.add((node, SKOS.prefLabel, Literal(topic.label, lang="en")))
        self.ref.add((node, SKOS.inScheme, KG.Topics))
        if topic.broader:
            self.ref.add((node, SKOS.broader, self.topic(topic.broader)))
        return node

    def _document(self, facts: ArticleFacts, document) -> None:
        doc_id = self.res.documents[(facts.article, document.key)]
        node = ID[f"document/{doc_id}"]
        g = self.sentence_graph(facts, document.spans[0].sentence)
        self.rule(facts, node, document.why.get("document", ""), document.spans[0].sentence)
        g.add((node, RDF.type, KG[document.kind]))
        g.add((node, DCTERMS.title, Literal(document.title)))
        g.add((node, RDFS.label, Literal(document.title)))
        status = self.res.document_status.get(doc_id, document.status)
        g.add((node, KG.status, KG.Signed if status == "signed" else KG.Planned))
        g.add((node, DCTERMS.source, self.article(facts)))
        if document.date:
            g.add((node, DCTERMS.date, date_literal(document.date)))
        for key in document.signatories:
            person = self.person(facts, key)
            if person is not None:
                g.add((node, KG.signatory, person))
                where = self._read_in(key, {sp.sentence for sp in document.spans}, document.spans[0].sentence)
                self.rule(facts, node, document.why.get("signatories", ""), where, person)
        for state in document.parties:
            g.add((node, KG.party, self.state(state)))
        for body in document.bodies:
            g.add((node, KG.concludedBy, self.body(facts, body, g)))
        if document.meeting:
            g.add((node, KG.signedDuring, ID[f"meeting/{self.res.meetings[(facts.article, document.meeting)]}"]))
        for span in document.spans:
            self.sentence_graph(facts, span.sentence)
            g.add((node, PROV.wasDerivedFrom, ID[f"sentence/{facts.article}/{span.sentence}"]))


def facts_to_dataset(corpus: list[ArticleFacts], lexicon: Lexicon, res: Resolution, ontology: Graph | None) -> Dataset:
    ds = new_dataset()
    if ontology is not None:
        og = ds.graph(G_ONTOLOGY)
        for triple in ontology:
            og.add(triple)
    writer = _Writer(ds, lexicon, res)
    for facts in corpus:
        writer.write(facts)
    return ds
