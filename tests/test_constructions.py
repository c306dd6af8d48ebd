"""One fictional text per construction diplomatic news uses (issue 3), each checked for the facts
it states. People and documents are invented; states are real because the lexicon lists them."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import extract_article, load_lexicon
from kg.article import parse_article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(ROOT / "data" / "lexicon")


def facts_of(lexicon, text, date="2024-05-10"):
    head = f" date {date}\n\n" if date else ""
    return extract_article(parse_article(head + text + "\n", "case"), lexicon)


def people(facts):
    return {p.name: p for p in facts.people}


def pairs(facts):
    names = {p.key: p.name for p in facts.people}
    return [sorted(names[k] for k in m.participants) for m in facts.meetings]


def test_phone_call_with_relative_date(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Armenia Aram Sargsyants held a telephone conversation yesterday with "
                          "Foreign Minister of Moldova Ion Rusnac.", date="2024-05-10")
    assert pairs(f) == [["Aram Sargsyants", "Ion Rusnac"]]
    assert f.meetings[0].kind == "PhoneCall" and f.meetings[0].date == "2024-05-09"


def test_video_conference_then_attendees(lexicon):
    f = facts_of(lexicon, "Estonian Minister of Economy Mart Tamberg and Finnish Minister of Economic Affairs "
                          "Aino Virtala held a video conference on May 7. It was also attended by Ambassador of "
                          "Estonia to Finland Kalle Soosaar.")
    assert pairs(f) == [["Aino Virtala", "Kalle Soosaar", "Mart Tamberg"]]
    assert f.meetings[0].kind == "VideoConference" and f.meetings[0].date == "2024-05-07"


def test_reception_passive_sets_host(lexicon):
    f = facts_of(lexicon, "On Wednesday, Uzbek Foreign Minister Jamshid Ortiqov was received by President of "
                          "Mongolia Batbold Enkhtuya.", date="2024-05-10")
    m = f.meetings[0]
    host = people(f)["Batbold Enkhtuya"].key
    assert m.hosts == [host] and m.kind == "Reception" and m.date == "2024-05-08"


def test_credentials_to_the_head_of_state(lexicon):
    f = facts_of(lexicon, "President of Georgia Nika Beridze received the credentials of new ambassadors. "
                          "Ali Haddad, the Ambassador of the Republic of Tunisia to Georgia, presented his "
                          "credentials to the head of state.")
    assert pairs(f) == [["Ali Haddad", "Nika Beridze"]]
    assert f.meetings[0].kind == "CredentialsPresentation"
    assert people(f)["Ali Haddad"].posts[0].label == "Ambassador of Tunisia to Georgia"


def test_political_consultations_kind_from_next_sentence(lexicon):
    f = facts_of(lexicon, "Deputy Foreign Minister of Lithuania Rasa Jankute and his Polish counterpart Piotr "
                          "Zielak discussed regional security. The talks were held in Vilnius within the framework "
                          "of political consultations.")
    assert f.meetings[0].kind == "PoliticalConsultations"
    assert f.meetings[0].place == "city:Vilnius|LTU"
    assert people(f)["Piotr Zielak"].posts[0].label == "Deputy Minister of Foreign Affairs of Poland"


def test_summit_attendee_list_and_sidelines(lexicon):
    f = facts_of(lexicon, "The summit of Baltic states was held in Tallinn on Thursday. It was attended by President "
                          "of Estonia Mart Kask, President of Latvia Anna Ozola and President of Lithuania Jonas "
                          "Petraitis. On the sidelines of the summit, Kask and Petraitis held bilateral talks.",
                date="2024-05-10")
    assert sorted(map(tuple, pairs(f))) == [("Anna Ozola", "Jonas Petraitis", "Mart Kask"), ("Jonas Petraitis", "Mart Kask")]
    assert all(m.date == "2024-05-09" for m in f.meetings)


def test_speaker_of_parliament_body_state_carried(lexicon):
    f = facts_of(lexicon, "Speaker of the National Assembly of Serbia Marko Ilic met with Chairman of the Senate of "
                          "the Republic of Poland Jan Kowal. Deputy Speaker of the National Assembly Ana Peric "
                          "also attended the meeting.")
    p = people(f)
    assert p["Ana Peric"].posts[0].state == "SRB"
    assert pairs(f) == [["Ana Peric", "Jan Kowal", "Marko Ilic"]]


def test_signing_three_ways(lexicon):
    f = facts_of(lexicon, "The Agreement on Air Services between the Government of Chile and the Government of Peru "
                          "was signed by Chilean Minister of Transport Rosa Vidal and Peruvian Minister of Transport "
                          "Luis Quispe. Vidal and Quispe also signed the Memorandum of Understanding on Road Safety. "
                          "The following documents were also signed:\n\n- Protocol on Border Crossings;\n\n"
                          "- Programme of Cultural Exchange between the Republic of Chile and the Republic of Peru "
                          "for 2025-2027.")
    docs = {d.title: d for d in f.documents}
    names = {p.key: p.name for p in f.people}
    air = docs["Agreement on Air Services between the Government of Chile and the Government of Peru"]
    assert sorted(names[k] for k in air.signatories) == ["Luis Quispe", "Rosa Vidal"]
    assert sorted(air.parties) == ["CHL", "PER"]
    mou = docs["Memorandum of Understanding on Road Safety"]
    assert sorted(names[k] for k in mou.signatories) == ["Luis Quispe", "Rosa Vidal"]
    assert docs["Protocol on Border Crossings"].status == "signed"
    assert docs["Programme of Cultural Exchange between the Republic of Chile and the Republic of Peru for 2025-2027"].kind == "Programme"
    assert all(d.status == "signed" for d in f.documents)


def test_planned_document(lexicon):
    f = facts_of(lexicon, "The ministers agreed that the Agreement on Visa Exemption between Ghana and Togo will be "
                          "signed next year.")
    assert [(d.kind, d.status) for d in f.documents] == [("Agreement", "planned")]


def test_document_named_twice_is_one(lexicon):
    f = facts_of(lexicon, "The Joint Declaration on Strategic Partnership between Norway and Iceland was signed on "
                          "Monday. The Joint Declaration on Strategic Partnership opens a new stage.")
    assert len(f.documents) == 1


def test_title_after_name_in_commas_and_of_the_republic(lexicon):
    f = facts_of(lexicon, "Leila Haddadi, the Minister of Health of the Republic of Tunisia, met with Omar Farsi, "
                          "the Minister of Health of the Kingdom of Morocco.")
    p = people(f)
    assert p["Leila Haddadi"].posts[0].label == "Minister of Health of Tunisia"
    assert p["Omar Farsi"].posts[0].state == "MAR"
    assert pairs(f) == [["Leila Haddadi", "Omar Farsi"]]


def test_first_ladies_prime_ministers_governors(lexicon):
    f = facts_of(lexicon, "First Lady of Kenya Grace Wanjiru met with First Lady of Uganda Ruth Nakato. Prime "
                          "Minister of Kenya Peter Otieno received Governor of the Kisumu Region Mark Dobson.")
    p = people(f)
    assert p["Grace Wanjiru"].posts[0].label == "First Lady of Kenya"
    assert p["Peter Otieno"].posts[0].role == "Prime Minister"
    assert p["Mark Dobson"].posts[0].role == "Governor"
    assert len(f.meetings) == 2


def test_organisation_with_a_person_name_and_capitalised_routes(lexicon):
    f = facts_of(lexicon, "Deputy Foreign Minister of Kazakhstan Arman Suleimenov visited the Abai Kunanbaiuly "
                          "Foundation and the Middle Corridor Logistics Centre, and praised the Trans-Caspian "
                          "International Transport Route.")
    assert list(people(f)) == ["Arman Suleimenov"]


def test_milestone_and_relations(lexicon):
    f = facts_of(lexicon, "Diplomatic relations between Chile and Vietnam were established on March 25, 1971. "
                          "On June 2, 1993, the embassy of Vietnam was opened in Chile.")
    assert [(r.states, r.date) for r in f.relations] == [(["CHL", "VNM"], "1971-03-25")]
    assert [(m.date, sorted(m.states)) for m in f.milestones] == [("1993-06-02", ["CHL", "VNM"])]


def test_no_date_line_relative_date_unresolved(lexicon):
    f = facts_of(lexicon, "On Tuesday, Foreign Minister of Nepal Ram Adhikari met with Foreign Minister of Bhutan "
                          "Tashi Dorji.", date=None)
    assert f.date is None and f.meetings[0].date is None


def test_states_written_with_dots_and_apostrophes(lexicon):
    f = facts_of(lexicon, "U.S. Deputy Secretary of State John Carver met with Minister of Foreign Affairs of "
                          "Côte d'Ivoire Awa Kone.")
    p = people(f)
    assert p["John Carver"].posts[0].state == "USA"
    assert p["Awa Kone"].posts[0].state == "CIV"


def test_a_first_name_that_is_also_a_city(lexicon):
    f = facts_of(lexicon, "Bulgarian Foreign Minister Sofia Petrova met Greek Foreign Minister Nikos Dimas in Sofia.")
    assert sorted(people(f)) == ["Nikos Dimas", "Sofia Petrova"]
    assert f.meetings[0].place == "city:Sofia|BGR"


def test_capital_of_a_state_in_no_article(lexicon):
    f = facts_of(lexicon, "Minister of Foreign Affairs of Nepal Ram Adhikari and Minister of Foreign Affairs of "
                          "Bhutan Tashi Dorji held talks in Thimphu.")
    assert f.meetings[0].place == "city:Thimphu|BTN"
