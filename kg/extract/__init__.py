"""Article text -> facts (people, bodies, meetings, documents, relations), by general rules.

Each sentence is labelled once with the lexicons (`sentence.analyse`), then read for people
(`people`), meetings (`meetings`), documents (`documents`) and relations (here).
"""
from __future__ import annotations

import re
from collections import Counter

from ..article import Article
from ..facts import ArticleFacts, Document, Milestone, Relation, SentenceRecord, Span
from ..lexicon import Lexicon
from .dates import day_dates, years
from .documents import (DocumentContext, read_documents, read_table_row, resolve_reference, same_document,
                        stands_alone)
from .meetings import SentenceView, read_meetings
from .people import ArticlePeople, read_people
from .context import assign_states, cell_evidence, side_evidence
from .groups import Groups, resolve_groups, state_words
from .sentence import analyse

__all__ = ["extract_article"]


def extract_article(article: Article, lexicon: Lexicon) -> ArticleFacts:
    reg = ArticlePeople(lexicon)
    views: list[SentenceView] = []
    state_counts: Counter[str] = Counter()
    sides: dict = {}
    groups = Groups(state_words=state_words(lexicon))
    side_context: dict = {"groups": groups}
    for sentence in article.sentences:
        a = analyse(sentence, lexicon)
        if sentence.kind == "boilerplate":
            views.append(SentenceView(a, [], []))
            continue
        people = read_people(a, reg)
        _remember(a, people, groups)
        people = people + _anaphora(a, reg, people)
        people = sorted(people + resolve_groups(a, reg, people, groups), key=lambda item: item[1])
        for person, _, _ in people:
            groups.seen[person.key] = sentence.index
        view = SentenceView(a, people, lexicon.events.find_all(a.tokens))
        views.append(view)
        for key, evidence in {**side_evidence(a, people, lexicon, side_context),
                              **cell_evidence(a, people, lexicon)}.items():
            sides.setdefault(key, evidence)
        for i, label in enumerate(a.labels):
            if a.covered[i] == i and label.kind == "state":
                state_counts[label.values[0].state] += 1
    pair = [s for s, _ in state_counts.most_common(2)]

    facts = ArticleFacts(
        article=article.id, path=article.path, date=article.date.isoformat() if article.date else None,
        title=article.title, authors=list(article.authors),
        sentences=[SentenceRecord(s.index, s.begin, s.end, s.text) for s in article.sentences],
    )
    unused: list[dict] = []
    facts.meetings = read_meetings(views, lexicon, article.date, reg.people, unused)
    facts.home_state, facts.home_rule, _ = assign_states(article, views, reg, facts.meetings, lexicon, sides)
    facts.documents = _documents(views, reg, lexicon, pair, facts, unused)
    facts.relations = _relations(views, article, pair)
    facts.milestones = _milestones(views)
    facts.people = reg.people
    facts.bodies = list(reg.bodies.values())
    facts.unused = sorted(reg.unused + unused, key=lambda u: u["sentence"])
    return facts


def _states_of(view, pair) -> list[str]:
    """States a sentence names ("signed between Georgia and the Republic of Latvia:"), or the
    article's two states when it speaks of "the two presidents/countries/sides"."""
    a = view.a
    states = a.states_named()      # by name or demonym: a city is a place, not a side
    if not states and "two" in {t.fold for t in a.tokens} and len(pair) == 2:
        states = list(pair)
    return states


HEAD_OF_STATE = ("President", "King", "Emir", "Sultan")
_GUEST_AFTER = re.compile(r"^\s*,?\s*(?:who|which)\s+(?:is|was|has been|had been)\s+(?:paying|on|making|carrying out|in|"
                          r"here)\b[^.;]{0,60}?\bvisit|^\s*,?\s*(?:who\s+)?(?:arrived|landed)\b", re.I)


def _remember(a, people, groups: Groups) -> None:
    """Who visits (the guest of the article) and who was introduced with "His Highness"."""
    text = a.sentence.text
    for person, start, end in people:
        after = text[a.tokens[end - 1].end:]
        before = " ".join(t.fold for t in a.tokens[max(0, start - 6):start])
        if _GUEST_AFTER.search(after) or " visiting " in f" {before} ":
            if person.key not in groups.guests:
                groups.guests.append(person.key)
        k = start
        while k >= 1 and a.label(k - 1).kind == "post" and any(v.kind == "honorific" for v in a.label(k - 1).values):
            j = a.covered[k - 1]
            words = a.text(j, a.labels[j].end).lower()
            if len(words.split()) == 2:
                groups.honorifics.setdefault(words, person.key)     # "His Highness Sheikh Saeed ..."
            k = j


def _anaphora(a, reg, present):
    """'the head of state', 'the President', 'the President of Russia', 'the Mongolian minister', 'the
    Turkish leader': the person last named with that post (and state)."""
    here = {p.key for p, _, _ in present}
    starts = {st for _, st, _ in present}
    out = []
    tokens = a.tokens
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.fold != "the" or i + 1 >= n:
            continue
        if i > 0 and tokens[i - 1].fold in {"of", "to"} and i > 1 and a.label(i - 2).kind == "post":
            continue          # "wife of the President", "Aide to the President": part of a title
        if i > 1 and tokens[i - 1].text == "," and any(e == i - 1 for _, _, e in present):
            continue          # "Aysel Guliyeva, the First Lady of ...": the title of the name before
        demonym = False
        j, state = i + 1, None
        if a.covered[j] == j and a.labels[j].kind == "state" and a.labels[j].values[0].form == "demonym":
            state, j = a.labels[j].values[0].state, a.labels[j].end
            demonym = True
        folds = [t.fold for t in tokens[j:j + 3]]
        if folds == ["head", "of", "state"]:
            wanted, end = HEAD_OF_STATE, j + 3
        elif j < n and tokens[j].fold == "leader" and state:
            wanted, end = HEAD_OF_STATE + ("Prime Minister",), j + 1
        else:
            label = a.labels[a.covered[j]] if j < n else None
            if label is None or a.covered[j] != j or label.kind != "post":
                continue
            heads = [v for v in label.values if v.kind == "head"]
            if not heads or a.text(j, label.end).lower().endswith("s") and not a.text(j, label.end).lower().endswith("ss"):
                continue
            wanted, end = (heads[0].title,), label.end
            if end < n and tokens[end].fold == "of":
                k = end + 1
                if k < n and tokens[k].fold == "the":
                    k += 1
                if k < n and a.covered[k] == k and a.labels[k].kind == "state" and not (
                        a.labels[k].end < n and a.label(a.labels[k].end).kind in {"body", "portfolio"}):
                    state, end = a.labels[k].values[0].state, a.labels[k].end     # "the President of Russia"
                else:
                    continue          # "the President of the Congress": a title
            if end < n and a.labels[a.covered[end]].kind == "name":
                continue
            k = end
            while k < n and (tokens[k].text == "," or a.label(k).kind == "post"):
                k = a.label(k).end if a.covered[k] == k else k + 1
            if k in starts and k > end:
                continue              # "the Minister of Trade, Dr. Selin Aksoy": a title of the name after it
        candidates = [p for p in reversed(reg.recent) if p.key not in here]
        person = next((p for p in candidates if any(
            (q.head or q.role.split()[-1]) in wanted or q.role in wanted for q in p.posts)
            and (state is None or any(q.state == state for q in p.posts) or p.state == state)), None)
        if person is None and state is not None and demonym:
            # "the Kenyan minister" for a Cabinet Secretary: the last person of that state with a post
            person = next((p for p in candidates if p.posts and (any(q.state == state for q in p.posts)
                                                                 or p.state == state)), None)
        if person is None:
            continue
        out.append((person, i, end))
        here.add(person.key)
    return out


def _documents(views, reg, lexicon, pair, facts, unused: list[dict]) -> list[Document]:
    documents: list[Document] = []
    by_kind: dict[str, list[Document]] = {}
    context = DocumentContext()
    header = None
    for view in views:
        sentence = view.a.sentence
        if sentence.kind == "boilerplate":
            continue
        in_list = sentence.kind in {"item", "row"} or sentence.text[:1] in "-•*–"
        if not in_list and sentence.kind != "heading":
            if not (header is not None and header.a.sentence.index == sentence.index - 1):
                context = DocumentContext() if not sentence.text.rstrip().endswith(":") else context
        if sentence.kind == "row":
            raws = read_table_row(view, reg, lexicon, pair)
            if not raws:
                raws, _ = read_documents(view, reg, lexicon, DocumentContext(), pair)
        else:
            raws, context = read_documents(view, reg, lexicon, context if in_list or sentence.kind == "heading"
                                           else DocumentContext(), pair)
        if sentence.text.rstrip().endswith(":"):
            header = view       # the parties a list of documents shares
        elif not in_list and sentence.kind != "heading":
            header = None
        if header is not None and header is not view:
            shared = _states_of(header, pair)
            for raw in raws:
                if not raw.parties:
                    raw.parties = list(shared)
        for raw in raws:
            if raw.ref:
                match = resolve_reference(raw, documents)
                if match is None and not stands_alone(raw):
                    unused.append({"sentence": sentence.index, "text": raw.title,
                                   "reason": "a short mention of a document that no document named before fits"})
                    continue
            else:
                same_kind = by_kind.setdefault(raw.kind, [])
                match = next((d for d in reversed(same_kind[-100:]) if same_document(d, raw)), None)
            if match is None:
                match = Document(key=f"d{len(documents)}", title=raw.title, kind=raw.kind, status=raw.status or "")
                match.why.update({k: v for k, v in raw.why.items() if k != "signed_here"})
                documents.append(match)
                by_kind.setdefault(raw.kind, []).append(match)
            elif not raw.ref and (raw.title[:1].isupper(), len(raw.title)) > (match.title[:1].isupper(), len(match.title)):
                match.title = raw.title      # a proper title wins over "a trade agreement"; then the longer
            if raw.status and (not match.status or raw.status == "signed"):
                match.status = raw.status
            for key in raw.signatories:
                if key not in match.signatories:
                    match.signatories.append(key)
            if raw.signatories and "signatories" in raw.why:
                match.why.setdefault("signatories", raw.why["signatories"])
            for state in raw.parties:
                if state not in match.parties:
                    match.parties.append(state)
            for body in raw.bodies:
                if body not in match.bodies:
                    match.bodies.append(body)
            match.date = match.date or raw.date
            match.spans.append(raw.span)
    for d in documents:
        if not d.status:
            unused.append({"sentence": d.spans[0].sentence, "text": d.title,
                           "reason": "a document named with no word of signing or planning"})
    documents = [d for d in documents if d.status]
    # a document signed by people who met in the article was signed at that meeting
    for document in documents:
        if document.status != "signed" or not document.signatories:
            continue
        for meeting in facts.meetings:
            if set(document.signatories) <= set(meeting.participants):
                document.meeting = meeting.key
                if meeting.date and not document.date:
                    document.date = meeting.date
                break
    # "the ministers signed a memorandum on tourism": no state in the title; the parties are the
    # states of those who signed it, else of the sides of the meeting it was signed at
    people = {p.key: p for p in facts.people or reg.people}
    for document in documents:
        if document.parties:
            continue
        keys = list(document.signatories)
        if not keys and document.meeting:
            keys = next((m.participants for m in facts.meetings if m.key == document.meeting), [])
        states = []
        for key in keys:
            person = people.get(key)
            state = person and (next((q.state for q in person.posts if q.state), None) or person.state)
            if state and state not in states:
                states.append(state)
        if states:
            document.parties = states
            document.why["parties"] = "D-parties-of-signers" if document.signatories else "D-parties-of-meeting"
    return documents


_CLAUSE = re.compile(r",\s+and\s+|;\s+")


def _milestones(views) -> list[Milestone]:
    """Dated steps in relations: "On May 16, 2007, the embassy of X was opened in Y"."""
    found: list[Milestone] = []
    for view in views:
        a = view.a
        text = a.sentence.text
        if "diplomatic relations" in text.lower():
            continue
        if not any(ev.event == "milestone" for _, _, values in view.events for ev in values):
            continue
        start = 0
        for piece in [*_CLAUSE.split(text)]:
            begin = text.index(piece, start)
            start = begin + len(piece)
            dated = day_dates(piece, None)
            date = dated[0][2].isoformat() if dated else (years(piece)[0][2] if years(piece) else None)
            if not date:
                continue
            lo, hi = a.sentence.begin + begin, a.sentence.begin + begin + len(piece)
            states, has_verb = [], False
            for i, token in enumerate(a.tokens):
                at = a.sentence.begin + token.start
                if not lo <= at < hi:
                    continue
                label = a.labels[i]
                if a.covered[i] == i and label.kind == "state" and label.values[0].form != "demonym":
                    if label.values[0].state not in states:
                        states.append(label.values[0].state)
            for s_, e_, values in view.events:
                at = a.sentence.begin + a.tokens[s_].start
                if lo <= at < hi and any(ev.event == "milestone" for ev in values):
                    has_verb = True
            if states and has_verb:
                label = re.sub(r"^(?:and\s+)?(?:on|in)\s+[^,]*?(?:,\s*)?\d{4},\s*", "", piece.strip().rstrip("."), flags=re.I)
                label = label[:1].upper() + label[1:]
                found.append(Milestone(label, date, states, Span(a.sentence.index, lo, hi)))
    return found


def _relations(views, article: Article, pair) -> list[Relation]:
    relations: list[Relation] = []
    for view in views:
        text = view.a.sentence.text.lower()
        if "diplomatic relations" not in text or "establish" not in text:
            continue
        a = view.a
        states = a.states_named()
        if len(states) < 2 and "two countries" in text and len(pair) == 2:
            states = list(pair)
        if len(states) != 2:
            continue
        date = None
        dated = [d for _, _, d in day_dates(a.sentence.text, None)]
        if dated:
            date = dated[0].isoformat()
        elif "anniversary" in text and article.date:
            m = re.search(r"(\d+)(?:st|nd|rd|th) anniversary", text)
            if m:
                date = str(article.date.year - int(m.group(1)))
        else:
            found = years(a.sentence.text)
            date = found[0][2] if found else None
        span = Span(a.sentence.index, a.sentence.begin, a.sentence.end)
        relations.append(Relation(sorted(states), date, span))
    return relations
