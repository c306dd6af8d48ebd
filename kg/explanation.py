"""`kg explain ARTICLE.txt`: what the extractor read in one article, and why.

For each person, meeting and document it prints the sentence it came from and the rule that
produced it (the same rule ids the build keeps in the provenance graph), then the mentions it read
but did not use and the reason. This is how an analyst checks a surprising fact, and how a
developer finds what a rule does wrong.
"""
from __future__ import annotations

from pathlib import Path

from .article import read_article
from .extract import extract_article
from .facts import ArticleFacts
from .lexicon import load_lexicon
from .resources import LEXICON_DIR

RULES = {
    "P-title": "a post title before or after the name",
    "P-title-cue": "an honorific, rank, occupation or 'counterpart' before the name",
    "P-appositive": "a title set off by commas after the name",
    "P-known": "the same person named before in the article",
    "P-verb-after-name": "a full name followed by a verb of saying or meeting",
    "P-possessive": "a titled name in the possessive",
    "P-listed": "a name in a list after a plural title ('Mazhilis deputies A, B and C')",
    "P-coordinated": "a full name listed with other people",
    "P-title-state": "the state named in the title (demonym, 'of X', 'X's')",
    "P-title-shared": "the state of the title, shared by its two posts",
    "P-title-org": "a post in an international organisation: no state",
    "P-counterpart": "the post of the counterpart named before",
    "P-counterpart-state": "the post of the counterpart, with the state the title names",
    "P-nationality": "a nationality word with no post",
    "P-name-of-state": "'NAME of STATE' after the name",
    "P-respectively": "a plural title of several states shared by as many names, in order",
    "P-name-of-body": "'NAME of the BODY of STATE' after the name",
    "P-institution": "a post in an institution of one state (a named legislature, ministry or title)",
    "P-region": "a post of a region or city of one state",
    "S-side": "the side of the talks the sentence puts the person on",
    "S-company": "accompanying or joining someone whose state is known",
    "S-table-column": "a table column headed by a state",
    "S-counterpart": "counterpart of someone of the other state",
    "S-greetings": "named in greetings or a message carried by someone whose state is known",
    "S-host-title": "'Host President X': the state the event is held in",
    "R-other-article": "the state another article gives the same person",
    "H-agency": "the article's home state: its news agency",
    "H-source": "the article's home state: the issuing office or source line",
    "H-our": "the article's home state: 'our country', where the meeting is held",
    "H-unmarked": "the article's home state: the one principal state it never marks with a demonym",
    "H-dateline": "the article's home state: its dateline",
    "H-visit": "the article's home state: the destination of the visit",
    "H-host": "the article's home state: the host's",
    "M-met": "two or more people and a meeting word",
    "M-anchor": "two or more people and a meeting noun",
    "M-attended": "'also attended', 'joined', 'the delegation included', 'in the presence of'",
    "M-described-then-named": "a meeting described before its people are named",
    "M-named-next": "the people of a meeting named in the next sentence",
    "M-visit-holder": "a visit to a state whose holder of the same post the article names",
    "D-day": "a day named in the sentence",
    "D-relative": "'today', 'on Tuesday', 'yesterday' against the reference date",
    "D-narrative": "'the same day', 'the next day', 'on the sidelines' against the event before",
    "D-story": "no date in the sentence: the day of the story so far",
    "D-report-day": "the day of the report the meeting is told in",
    "D-title": "a document title",
    "D-table-row": "a row of a table of documents",
    "D-reference": "a short mention of a document named before",
    "S-signed-by": "'X was signed by A and B', 'X, signed by ...'",
    "S-signed-active": "'A and B signed X'",
    "S-signed-list": "a document in a list after 'A and B signed ...'",
    "S-list-heading": "a list of documents after 'A and B signed the following:'",
    "D-parties-of-signers": "no state in the title: the states of those who signed it",
    "D-parties-of-meeting": "no state in the title or signer: the states of the meeting it was signed at",
}


def _quote(facts: ArticleFacts, index: int, width: int = 140) -> str:
    text = facts.sentences[index].text if 0 <= index < len(facts.sentences) else ""
    text = " ".join(text.split())
    return f"s{index} «{text[:width]}{'…' if len(text) > width else ''}»"


def _rule(rule: str) -> str:
    return f"[{rule}: {RULES[rule]}]" if rule in RULES else (f"[{rule}]" if rule else "")


def explain_facts(facts: ArticleFacts, lexicon) -> str:
    names = {p.key: p.name for p in facts.people}
    states = lexicon.states
    out = [f"article {facts.article} ({facts.path})", f"  date: {facts.date or 'unknown'}"]
    if facts.home_state:
        out.append(f"  told from: {states[facts.home_state].name} {_rule(facts.home_rule)}")
    out.append("")
    out.append(f"people ({len(facts.people)})")
    for person in facts.people:
        first = person.spans[0].sentence if person.spans else -1
        others = [n for n in person.names if n != person.name]
        out.append(f"  {person.name}" + (f" (also: {', '.join(others)})" if others else "")
                   + f" {_rule(person.why.get('person', ''))}")
        if first >= 0:
            out.append(f"      {_quote(facts, first)}")
        for post in person.posts:
            where = f" {_quote(facts, post.span.sentence, 80)}" if post.span else ""
            state = f" — {states[post.state].name}" if post.state else ""
            out.append(f"      post: {post.label}{state} {_rule(post.rule)}{where}")
        if person.state and not any(q.state for q in person.posts):
            out.append(f"      state: {states[person.state].name} {_rule(person.state_rule)}")
    out.append("")
    out.append(f"meetings ({len(facts.meetings)})")
    for meeting in facts.meetings:
        who = ", ".join(names.get(k, k) for k in meeting.participants)
        out.append(f"  {meeting.key} {meeting.kind} {meeting.date or 'date unknown'}"
                   f"{' ' + _rule(meeting.why.get('date', '')) if meeting.date else ''}: {who} "
                   f"{_rule(meeting.why.get('meeting', ''))}")
        for index in meeting.sentences:
            out.append(f"      {_quote(facts, index)}")
        for key in meeting.participants:
            rule = meeting.why.get("participant:" + key, "")
            if rule and rule != meeting.why.get("meeting"):
                out.append(f"      + {names.get(key, key)} {_rule(rule)}")
    out.append("")
    out.append(f"documents ({len(facts.documents)})")
    for document in facts.documents:
        signers = ", ".join(names.get(k, k) for k in document.signatories) or "no signatory named"
        parties = ", ".join(states[s].name for s in document.parties)
        out.append(f"  {document.key} {document.kind} ({document.status}) «{document.title}» "
                   f"{_rule(document.why.get('document', ''))}")
        out.append(f"      signed by: {signers} {_rule(document.why.get('signatories', ''))}")
        if parties:
            out.append(f"      parties: {parties} {_rule(document.why.get('parties', ''))}".rstrip())
        for index in sorted({s.sentence for s in document.spans}):
            out.append(f"      {_quote(facts, index)}")
    out.append("")
    out.append(f"read but not used ({len(facts.unused)})")
    for item in facts.unused:
        out.append(f"  s{item['sentence']} «{item['text'][:100]}» — {item['reason']}")
    return "\n".join(out) + "\n"


def explain_articles(paths: list[Path], lexicon_dir: Path | None = None) -> str:
    """The explanation of each article file, as text (the lexicon is loaded once)."""
    lexicon = load_lexicon(Path(lexicon_dir or LEXICON_DIR))
    out = []
    for path in paths:
        facts = extract_article(read_article(Path(path), lexicon.is_title), lexicon)
        out.append(explain_facts(facts, lexicon))
    return "\n".join(out)
