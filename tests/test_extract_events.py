"""Meetings, documents and diplomatic relations read from fictional sentences."""
from __future__ import annotations

import pytest


def keys(facts) -> dict:
    """name -> article-local person key"""
    return {p.name: p.key for p in facts.people}


def names(facts, person_keys) -> list[str]:
    by_key = {p.key: p.name for p in facts.people}
    return sorted(by_key[k] for k in person_keys)


# ------------------------------------------------------------------ meetings

def test_two_people_holding_talks_make_one_meeting(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze and Armenian Foreign Minister Davit Hakobyan held talks "
                 "in Yerevan.")
    (meeting,) = f.meetings
    assert names(f, meeting.participants) == ["Davit Hakobyan", "Tamar Veridze"]
    assert meeting.kind == "Talks"
    assert meeting.place == "city:Yerevan|ARM"
    assert meeting.hosts == [] and meeting.guests == []
    assert meeting.sentences == [0]


def test_one_person_alone_makes_no_meeting(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze held talks in Yerevan.")
    assert f.meetings == []


def test_attendee_joins_the_last_meeting(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze and Armenian Foreign Minister Davit Hakobyan held talks "
                 "in Yerevan. Ambassador of Georgia to Armenia Levan Gelashvili also attended the meeting.")
    (meeting,) = f.meetings
    assert names(f, meeting.participants) == ["Davit Hakobyan", "Levan Gelashvili", "Tamar Veridze"]
    assert meeting.sentences == [0, 1]


def test_was_received_by_makes_the_agent_the_host(facts_of):
    f = facts_of("Kazakh Deputy Foreign Minister Arman Zhaksylykov was received by President of Mongolia "
                 "Batjargal Tsogt.")
    k = keys(f)
    (meeting,) = f.meetings
    assert meeting.kind == "Reception"
    assert meeting.hosts == [k["Batjargal Tsogt"]]
    assert meeting.guests == [k["Arman Zhaksylykov"]]


def test_active_received_makes_the_subject_the_host(facts_of):
    f = facts_of("President of Mongolia Batjargal Tsogt received Kazakh Deputy Foreign Minister Arman Zhaksylykov.")
    k = keys(f)
    (meeting,) = f.meetings
    assert meeting.hosts == [k["Batjargal Tsogt"]]
    assert meeting.guests == [k["Arman Zhaksylykov"]]


@pytest.mark.parametrize("when, date", [
    ("on Tuesday", "2024-05-07"),        # 2024-05-10 is a Friday: the Tuesday before it
    ("yesterday", "2024-05-09"),
    ("today", "2024-05-10"),
    ("on May 7", "2024-05-07"),
    ("on December 21", "2023-12-21"),    # after the date line in its year: the year before
])
def test_dates_are_resolved_against_the_date_line(facts_of, when, date):
    f = facts_of("Estonian Foreign Minister Mart Kivisild and Finnish Foreign Minister Aino Lehtola held talks "
                 f"{when}.", date="2024-05-10")
    assert [m.date for m in f.meetings] == [date]


def test_relative_dates_stay_unknown_without_a_date_line(facts_of):
    f = facts_of("On Tuesday, Kyrgyz Foreign Minister Bakyt Orozbekov and Turkmen Foreign Minister Merdan Annayev "
                 "held talks.", date=None)
    assert f.date is None
    assert [m.date for m in f.meetings] == [None]


def test_a_date_after_reported_is_not_the_meeting_date(facts_of):
    f = facts_of("Estonian Foreign Minister Mart Kivisild and Finnish Foreign Minister Aino Lehtola held talks, "
                 "the agency reported on December 21.", date="2024-05-10")
    assert [m.date for m in f.meetings] == [None]


def test_the_meeting_date_is_taken_past_the_report_date(facts_of):
    f = facts_of("As the agency reported on May 9, Estonian Foreign Minister Mart Kivisild and Finnish Foreign "
                 "Minister Aino Lehtola held talks on Tuesday.", date="2024-05-10")
    assert [m.date for m in f.meetings] == ["2024-05-07"]


def test_december_date_line_and_meeting(facts_of):
    f = facts_of("Kyrgyz Foreign Minister Bakyt Orozbekov and Turkmen Foreign Minister Merdan Annayev held talks "
                 "in Ashgabat on December 21.", date="2021-12-22")
    (meeting,) = f.meetings
    assert (meeting.date, meeting.place) == ("2021-12-21", "city:Ashgabat|TKM")


def test_phone_call_kind(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze spoke by phone with Armenian Foreign Minister Davit Hakobyan "
                 "on Monday.")
    assert [(m.kind, m.date) for m in f.meetings] == [("PhoneCall", "2024-05-06")]


def test_visit_becomes_a_meeting_with_the_holder_of_the_same_post(facts_of):
    f = facts_of("Kazakh Foreign Minister Yerzhan Kassymbekov paid an official visit to Georgia. Georgian Foreign "
                 "Minister Tamar Veridze said that Tbilisi values its partners.")
    k = keys(f)
    (meeting,) = f.meetings
    assert sorted(meeting.participants) == sorted([k["Yerzhan Kassymbekov"], k["Tamar Veridze"]])
    assert meeting.hosts == [k["Tamar Veridze"]]
    assert meeting.guests == [k["Yerzhan Kassymbekov"]]
    assert (meeting.kind, meeting.place) == ("OfficialVisit", "GEO")


def test_visit_makes_no_meeting_when_two_people_hold_the_post(facts_of):
    f = facts_of("Kazakh Foreign Minister Yerzhan Kassymbekov paid an official visit to Georgia. Georgian Foreign "
                 "Minister Tamar Veridze and Georgian Foreign Minister Nino Abashidze were named in the report.")
    assert f.meetings == []


def test_visit_makes_no_meeting_with_a_holder_of_another_post(facts_of):
    f = facts_of("Kazakh Foreign Minister Yerzhan Kassymbekov paid an official visit to Georgia. President of Georgia "
                 "Nika Beridze said that Tbilisi values its partners.")
    assert f.meetings == []


# ------------------------------------------------------------------ documents

def test_document_signed_by_two_people(facts_of):
    f = facts_of("The Agreement on Air Services between Georgia and Kazakhstan was signed by Georgian Foreign Minister "
                 "Tamar Veridze and Kazakh Foreign Minister Yerzhan Kassymbekov.")
    (doc,) = f.documents
    assert doc.title == "Agreement on Air Services between Georgia and Kazakhstan"
    assert (doc.kind, doc.status) == ("Agreement", "signed")
    assert names(f, doc.signatories) == ["Tamar Veridze", "Yerzhan Kassymbekov"]
    assert sorted(doc.parties) == ["GEO", "KAZ"]


def test_two_people_signed_a_document(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze and Kazakh Foreign Minister Yerzhan Kassymbekov signed the "
                 "Memorandum of Understanding on Tourism.")
    (doc,) = f.documents
    assert doc.title == "Memorandum of Understanding on Tourism"
    assert (doc.kind, doc.status) == ("Memorandum", "signed")
    assert names(f, doc.signatories) == ["Tamar Veridze", "Yerzhan Kassymbekov"]


def test_a_document_signed_by_people_who_met_was_signed_at_that_meeting(facts_of):
    f = facts_of("Foreign Minister of Georgia Tamar Veridze met with Foreign Minister of Turkey Mehmet Yilmaz on "
                 "Tuesday. Veridze and Yilmaz also signed the Protocol on Consular Cooperation.")
    (meeting,) = f.meetings
    (doc,) = f.documents
    assert doc.meeting == meeting.key
    assert doc.date == meeting.date == "2024-05-07"
    assert names(f, doc.signatories) == ["Mehmet Yilmaz", "Tamar Veridze"]


def test_a_document_named_twice_is_one_document(facts_of):
    f = facts_of("The Joint Declaration on Strategic Partnership between Georgia and Latvia was signed on Monday. "
                 "Officials said the Joint Declaration on Strategic Partnership between Georgia and Latvia opens a "
                 "new stage.")
    (doc,) = f.documents
    assert doc.kind == "Declaration" and doc.status == "signed"
    assert [s.sentence for s in doc.spans] == [0, 1]


def test_a_document_named_again_without_its_parties_is_the_same(facts_of):
    f = facts_of("The Agreement on Visa Exemption between Georgia and Latvia was signed on Monday. "
                 "The Agreement on Visa Exemption will enter into force in June.")
    (doc,) = f.documents
    assert doc.title == "Agreement on Visa Exemption between Georgia and Latvia"
    assert sorted(doc.parties) == ["GEO", "LVA"]


def test_a_one_topic_title_named_again_without_its_parties_is_the_same(facts_of):
    f = facts_of("The Memorandum on Cooperation in Tourism between Georgia and Latvia was signed on Monday. "
                 "Officials said the Memorandum on Cooperation in Tourism would boost travel.")
    assert len(f.documents) == 1


def test_documents_on_different_subjects_stay_two(facts_of):
    f = facts_of("The Memorandum on Cooperation in Education was signed by the two ministers. The Memorandum on "
                 "Cooperation in Health was signed as well.")
    assert sorted(d.title for d in f.documents) == ["Memorandum on Cooperation in Education",
                                                    "Memorandum on Cooperation in Health"]


def test_planned_and_signed_documents(facts_of):
    f = facts_of("The Agreement on Road Transport between Georgia and Latvia was signed in Riga. The Protocol on "
                 "Customs Cooperation between Georgia and Latvia is expected to be signed next month.")
    status = {d.kind: d.status for d in f.documents}
    assert status == {"Agreement": "signed", "Protocol": "planned"}


def test_lists_of_documents_take_the_status_of_their_heading(facts_of):
    f = facts_of("The following documents are expected to be signed during the visit:\n\n"
                 "- Agreement on Air Services between Georgia and Latvia;\n\n"
                 "- Protocol on Consular Cooperation.\n\n"
                 "The following documents were signed:\n\n"
                 "- Memorandum on Cooperation in Tourism;\n\n"
                 "- Programme of Cultural Exchange for 2025-2027.")
    assert [(d.kind, d.status) for d in f.documents] == [
        ("Agreement", "planned"), ("Protocol", "planned"), ("Memorandum", "signed"), ("Programme", "signed")]
    assert f.documents[3].title == "Programme of Cultural Exchange for 2025-2027"


def test_parties_and_bodies_from_between_the_governments(facts_of):
    f = facts_of("The Agreement on Visa-Free Travel between the Government of Georgia and the Government of the "
                 "Republic of Kazakhstan is expected to be signed in June.")
    (doc,) = f.documents
    assert doc.status == "planned"
    assert sorted(doc.parties) == ["GEO", "KAZ"]
    bodies = {b.key: b for b in f.bodies}
    assert sorted((bodies[k].name, bodies[k].state) for k in doc.bodies) == [("Government", "GEO"),
                                                                              ("Government", "KAZ")]


# ------------------------------------------------------------------ diplomatic relations

def test_diplomatic_relations_with_a_day(facts_of):
    f = facts_of("Diplomatic relations between Georgia and Latvia were established on March 3, 1992.")
    assert [(r.states, r.date) for r in f.relations] == [(["GEO", "LVA"], "1992-03-03")]
    assert f.milestones == []             # relations are not also a milestone


def test_diplomatic_relations_with_a_year(facts_of):
    f = facts_of("Diplomatic relations between Latvia and Georgia were established in 1993.")
    assert [(r.states, r.date) for r in f.relations] == [(["GEO", "LVA"], "1993")]


def test_diplomatic_relations_from_an_anniversary(facts_of):
    f = facts_of("This year Georgia and Latvia mark the 30th anniversary of the establishment of diplomatic relations.",
                 date="2024-05-10")
    assert [(r.states, r.date) for r in f.relations] == [(["GEO", "LVA"], "1994")]


def test_a_sentence_about_relations_without_establishing_is_no_relation(facts_of):
    f = facts_of("Georgia and Latvia discussed their diplomatic relations.")
    assert f.relations == []


def test_a_shorter_title_that_is_another_document_stays_apart(facts_of):
    f = facts_of("The Agreement on Trade between Georgia and Latvia was signed on Monday. The Agreement on Trade and "
                 "Economic Cooperation between Georgia and Latvia was signed too.")
    assert len(f.documents) == 2
