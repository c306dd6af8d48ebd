"""One fictional text per construction diplomatic news uses (issues 3 and 8), each checked for the
facts it states. People and documents are invented; states are real because the lexicon lists them.
None of these texts comes from an evaluation set."""
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
    return extract_article(parse_article(head + text + "\n", "case", is_title=lexicon.is_title), lexicon)


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



def states(facts):
    """Each person's state: the state of a post, else the person's own."""
    return {p.name: next((q.state for q in p.posts if q.state), p.state) for p in facts.people}


def documents(facts):
    names = {p.key: p.name for p in facts.people}
    return {d.title: (d.kind, d.status, sorted(names[k] for k in d.signatories), sorted(d.parties))
            for d in facts.documents}


# ---------------------------------------------------------------- names in every order and form

def test_family_name_first(lexicon):
    f = facts_of(lexicon, "Chinese Foreign Minister Wang Liqun met Vietnamese Deputy Prime Minister Tran Van Hoa in "
                          "Beijing on Tuesday. South Korean Foreign Minister Park Ji-won joined them.")
    assert states(f) == {"Wang Liqun": "CHN", "Tran Van Hoa": "VNM", "Park Ji-won": "KOR"}
    assert people(f)["Park Ji-won"].posts[0].label == "Minister of Foreign Affairs of South Korea"


def test_two_surnames_kept_whole(lexicon):
    f = facts_of(lexicon, "Argentine Foreign Minister María Elena Gutiérrez Ocampo received her Chilean counterpart, "
                          "Andrés Felipe Rojas Valdivia, in Buenos Aires on Monday.")
    assert states(f) == {"María Elena Gutiérrez Ocampo": "ARG", "Andrés Felipe Rojas Valdivia": "CHL"}
    assert pairs(f) == [["Andrés Felipe Rojas Valdivia", "María Elena Gutiérrez Ocampo"]]


def test_bin_and_al_names_without_their_honorifics(lexicon):
    f = facts_of(lexicon, "Sheikh Khalid bin Hamad Al-Thani, Minister of State for Foreign Affairs of Qatar, met "
                          "H.E. Dr. Amina Bello, Nigerian Minister of Foreign Affairs, in Doha.")
    assert states(f) == {"Khalid bin Hamad Al-Thani": "QAT", "Amina Bello": "NGA"}


def test_initials_that_look_like_honorifics(lexicon):
    # "M." is also "Monsieur"; beside other initials it is an initial
    f = facts_of(lexicon, "Indian External Affairs Minister S. R. Menon met Sri Lankan Foreign Minister M. U. M. "
                          "Perera in Colombo. M. Dupont, the French Ambassador, attended.")
    assert sorted(people(f)) == ["Dupont", "M. U. M. Perera", "S. R. Menon"]
    assert states(f)["M. U. M. Perera"] == "LKA"


def test_ranks_are_not_names_or_posts(lexicon):
    f = facts_of(lexicon, "Lt. Gen. Musa Danladi, Chief of Army Staff of Nigeria, received Major General Pierre "
                          "Kaboré of Burkina Faso in Abuja.")
    p = people(f)
    assert sorted(p) == ["Musa Danladi", "Pierre Kaboré"]
    assert p["Musa Danladi"].posts[0].label == "Chief of Army Staff of Nigeria"
    assert states(f)["Pierre Kaboré"] == "BFA"


def test_a_city_as_first_name_after_a_state(lexicon):
    f = facts_of(lexicon, "The talks opened. Deputy Prime Minister – Minister of Foreign Affairs of Montenegro Milan "
                          "Vukovic held talks with US Deputy Secretary of State Laura Benson.")
    p = people(f)
    assert sorted(p) == ["Laura Benson", "Milan Vukovic"]
    assert [q.role for q in p["Milan Vukovic"].posts] == ["Deputy Prime Minister", "Minister"]


# ---------------------------------------------------------------- posts

def test_minister_for_and_cabinet_secretary(lexicon):
    f = facts_of(lexicon, "Minister for Foreign Affairs and Trade of Ireland Ciara Walsh met Cabinet Secretary for "
                          "Foreign and Diaspora Affairs of Kenya Joseph Mwangi in Dublin.")
    p = people(f)
    assert p["Ciara Walsh"].posts[0].label == "Minister of Foreign Affairs and Trade of Ireland"
    assert p["Joseph Mwangi"].posts[0].role == "Cabinet Secretary" and states(f)["Joseph Mwangi"] == "KEN"


def test_dash_joined_posts_at_the_start_are_no_dateline(lexicon):
    f = facts_of(lexicon, "Deputy Prime Minister – Minister of Foreign Affairs of Serbia Marko Jovic met Greek "
                          "Foreign Minister Nikos Dimas.")
    assert f.sentences[0].text.startswith("Deputy Prime Minister")
    assert [q.label for q in people(f)["Marko Jovic"].posts] == ["Deputy Prime Minister of Serbia",
                                                                  "Minister of Foreign Affairs of Serbia"]


def test_speaker_committee_chair_and_agency_head(lexicon):
    f = facts_of(lexicon, "Speaker of the Parliament of Moldova Ion Ciobanu met Chairman of the Foreign Affairs "
                          "Committee of the Romanian Senate Dan Popescu. Director General of the Ethiopian Investment "
                          "Commission Abebe Tesfaye also attended.")
    p = people(f)
    assert p["Ion Ciobanu"].posts[0].label == "Speaker of the Parliament of Moldova"
    assert states(f) == {"Ion Ciobanu": "MDA", "Dan Popescu": "ROU", "Abebe Tesfaye": "ETH"}
    assert p["Abebe Tesfaye"].posts[0].role == "Director General"


def test_the_post_held_now_not_one_held_before(lexicon):
    f = facts_of(lexicon, "Prime Minister of Latvia Janis Ozols, who served as Minister of Finance from 2010 to "
                          "2014, met Estonian Prime Minister Kadri Tamm in Riga.")
    assert [q.label for q in people(f)["Janis Ozols"].posts] == ["Prime Minister of Latvia"]
    assert pairs(f) == [["Janis Ozols", "Kadri Tamm"]]          # the years date the aside, not the meeting


def test_host_is_a_part_in_the_event_not_a_post(lexicon):
    f = facts_of(lexicon, "The summit opened in Asunción. Host President Carlos Benítez received his peers Ana "
                          "Ferreira of Uruguay and Luis Rojas of Bolivia.")
    p = people(f)
    assert [q.label for q in p["Carlos Benítez"].posts] == ["President"]
    assert states(f)["Carlos Benítez"] == "PRY"                      # the state the event is held in
    assert p["Ana Ferreira"].posts[0].label == "President of Uruguay"


# ---------------------------------------------------------------- a person's state without a nationality word

def test_state_from_the_body_after_the_name(lexicon):
    f = facts_of(lexicon, "Minister Amara Diallo of the Ministry of Foreign Affairs of Senegal received Minister "
                          "Pedro Salgado of Cabo Verde.")
    p = people(f)
    assert p["Amara Diallo"].posts[0].label == "Minister of Foreign Affairs of Senegal"
    assert states(f) == {"Amara Diallo": "SEN", "Pedro Salgado": "CPV"}


def test_state_from_the_counterpart_and_the_venue(lexicon):
    f = facts_of(lexicon, "Foreign Minister Peter Kamau held talks with his Ugandan counterpart Hassan Omar in "
                          "Nairobi.")
    assert states(f) == {"Peter Kamau": "KEN", "Hassan Omar": "UGA"}
    assert people(f)["Peter Kamau"].state_rule == "S-counterpart"


def test_state_from_the_dateline(lexicon):
    f = facts_of(lexicon, "NAIROBI, May 8 (Reuters) - Foreign Minister Peter Kamau met Finance Minister Hassan Omar "
                          "to discuss the budget.")
    assert states(f) == {"Peter Kamau": "KEN", "Hassan Omar": "KEN"}
    assert f.home_rule in {"H-agency", "H-dateline"}


def test_state_from_the_sides_of_the_talks(lexicon):
    f = facts_of(lexicon, "The talks between Ghana and Togo were held in Accra. The Ghanaian side was led by Minister "
                          "of Trade Kofi Mensah, while the Togolese side was headed by Minister of Commerce Yawa Adzo.")
    assert states(f) == {"Kofi Mensah": "GHA", "Yawa Adzo": "TGO"}
    assert {p.state_rule for p in f.people} == {"S-side"}


def test_state_of_the_sender_of_greetings(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Kenya Ann Wanjiru met Foreign Minister of Oman Said Al-Busaidi in "
                          "Muscat. Wanjiru conveyed to her host the greetings of President Daniel Kiprono.")
    assert states(f)["Daniel Kiprono"] == "KEN"
    assert pairs(f) == [["Ann Wanjiru", "Said Al-Busaidi"]]         # a sender of greetings is not at the meeting


def test_state_from_another_article_of_the_corpus(lexicon):
    from kg.resolve import resolve

    a = facts_of(lexicon, "President of Zambia Joseph Banda received Ambassador of Japan to Zambia Kenji Sato.")
    b = facts_of(lexicon, "On Monday, President Joseph Banda opened the Lusaka trade fair with Ambassador Kenji Sato.")
    b.article = "case-b"
    res = resolve([a, b])
    banda = [res.people[(f.article, p.key)] for f in (a, b) for p in f.people if p.name == "Joseph Banda"]
    assert banda[0] is banda[1] and banda[0].state == "ZMB"


# ---------------------------------------------------------------- meetings

def test_trilateral_meeting(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Azerbaijan Tural Hasanli, Foreign Minister of Georgia Nino Kapanadze "
                          "and Foreign Minister of Turkey Mehmet Yilmaz held a trilateral meeting in Tbilisi on "
                          "Wednesday.")
    assert pairs(f) == [["Mehmet Yilmaz", "Nino Kapanadze", "Tural Hasanli"]]
    assert f.meetings[0].date == "2024-05-08"


def test_summit_of_six(lexicon):
    f = facts_of(lexicon, "The summit of Central Asian leaders was held in Astana on Thursday. It was attended by "
                          "President of Kazakhstan Nurlan Abenov, President of Uzbekistan Rustam Karimov, President of "
                          "Kyrgyzstan Almaz Asanov, President of Tajikistan Davron Rahimov, President of Turkmenistan "
                          "Serdar Amanov and Prime Minister of Azerbaijan Ali Hasanov.")
    assert len(f.meetings) == 1 and len(f.meetings[0].participants) == 6
    assert f.meetings[0].kind == "Summit" and f.meetings[0].date == "2024-05-09"


def test_delegation_members_take_part(lexicon):
    f = facts_of(lexicon, "Minister of Economy of Armenia Vahan Kerobyan received a delegation of Iran led by Minister "
                          "of Industry Reza Karimi. The delegation included Deputy Minister of Industry Ali Jafari.")
    assert pairs(f) == [["Ali Jafari", "Reza Karimi", "Vahan Kerobyan"]]
    assert states(f)["Ali Jafari"] == "IRN"


def test_separate_meetings_on_the_sidelines(lexicon):
    f = facts_of(lexicon, "On the sidelines of the Antalya Diplomacy Forum on Friday, Foreign Minister of Moldova Ion "
                          "Rusu met Foreign Minister of Albania Elira Hoxha. Rusu also met Foreign Minister of Malta "
                          "Joseph Borg the same day.")
    assert sorted(map(tuple, pairs(f))) == [("Elira Hoxha", "Ion Rusu"), ("Ion Rusu", "Joseph Borg")]
    assert [m.date for m in f.meetings] == ["2024-05-10", "2024-05-10"]


def test_reception_and_phone_call(lexicon):
    f = facts_of(lexicon, "President of Ghana Kwame Asante received the Ambassador of Japan to Ghana Hiroshi Tanaka "
                          "on Tuesday. On Monday, President of France Marc Durand had a phone call with Chancellor of "
                          "Germany Klaus Weber.")
    kinds = {m.kind: (sorted(people(f)[n].name for n in [p.name for p in f.people if p.key in m.participants]), m.date)
             for m in f.meetings}
    assert kinds == {"Reception": (["Hiroshi Tanaka", "Kwame Asante"], "2024-05-07"),
                     "PhoneCall": (["Klaus Weber", "Marc Durand"], "2024-05-06")}


def test_credentials_presented(lexicon):
    f = facts_of(lexicon, "Ambassador of Chile to India Carla Munoz presented her credentials to President of India "
                          "Ram Nath Varma on Thursday.")
    assert [(m.kind, m.date) for m in f.meetings] == [("CredentialsPresentation", "2024-05-09")]


def test_a_past_meeting_only_mentioned_is_not_one(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Peru Luis Quispe met Foreign Minister of Bolivia Juan Mamani in Lima "
                          "on Tuesday. The two ministers last met in 2019 in La Paz. Quispe recalled his meeting with "
                          "President of Ecuador Andrea Vera in 2021.")
    assert pairs(f) == [["Juan Mamani", "Luis Quispe"]]


def test_someone_in_an_aside_about_an_earlier_visit_is_not_at_the_meeting(lexicon):
    f = facts_of(lexicon, "Minister of Foreign Affairs of Ethiopia Abebe Girma received Minister of State of Qatar "
                          "Khalid Al-Sulaiti. Al-Sulaiti praised the role of the African Union, whose Chairperson, "
                          "Dr. Amina Osei, visited Doha last month.")
    assert pairs(f) == [["Abebe Girma", "Khalid Al-Sulaiti"]]


# ---------------------------------------------------------------- documents

def test_document_in_quotes(lexicon):
    f = facts_of(lexicon, 'Minister of Foreign Affairs of Austria Eva Gruber and Minister of Foreign Affairs of '
                          'Slovenia Tomaz Novak signed the "Agreement on Cooperation in Disaster Relief" in Vienna.')
    assert documents(f) == {"Agreement on Cooperation in Disaster Relief":
                            ("Agreement", "signed", ["Eva Gruber", "Tomaz Novak"], ["AUT", "SVN"])}


def test_document_in_capitals_inside_a_sentence(lexicon):
    f = facts_of(lexicon, "The two ministers signed the AGREEMENT ON ECONOMIC COOPERATION between Austria and "
                          "Slovenia. SIGNING OF SIX AGREEMENTS IN VIENNA")
    assert list(documents(f)) == ["Agreement on Economic Cooperation between Austria and Slovenia"]


def test_documents_in_lower_case(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Ghana Kofi Mensah and Foreign Minister of Togo Yawa Adzo signed a "
                          "memorandum of understanding on tourism and an agreement on visa exemption for diplomatic "
                          "passports.")
    d = documents(f)
    assert d["memorandum of understanding on tourism"][0] == "Memorandum"
    assert d["agreement on visa exemption for diplomatic passports"][2] == ["Kofi Mensah", "Yawa Adzo"]


def test_documents_listed_with_semicolons(lexicon):
    f = facts_of(lexicon, "Following the talks, President of Kazakhstan Nurlan Abenov and President of Kyrgyzstan "
                          "Almaz Asanov signed the Treaty on Allied Relations; the Agreement on the Demarcation of the "
                          "State Border; and the Programme of Economic Cooperation for 2025-2030.")
    d = documents(f)
    assert sorted(d) == ["Agreement on the Demarcation of the State Border", "Programme of Economic Cooperation for "
                         "2025-2030", "Treaty on Allied Relations"]
    assert all(v[2] == ["Almaz Asanov", "Nurlan Abenov"] for v in d.values())


def test_numbered_list_signed_in_the_presence_of_the_presidents(lexicon):
    f = facts_of(lexicon, "President of Ghana Kwame Asante and President of Togo Faure Adzo held talks in Accra. The "
                          "following documents were signed in the presence of the two presidents:\n\n1. Memorandum of "
                          "Understanding on Cooperation in Education between the Ministry of Education of Ghana and "
                          "the Ministry of Education of Togo;\n\n2. Agreement on Mutual Legal Assistance in Criminal "
                          "Matters between Ghana and Togo.")
    d = documents(f)
    assert len(d) == 2 and all(v[1] == "signed" and v[2] == [] and v[3] == ["GHA", "TGO"] for v in d.values())


def test_table_of_documents_with_a_column_per_state(lexicon):
    f = facts_of(lexicon, "President of Ghana Kwame Asante and President of Togo Faure Adzo held talks in Accra on "
                          "Thursday, after which several documents were signed.\n\nThe documents signed:\n\n"
                          "| Document | Signed by (Ghana) | Signed by (Togo) |\n|---|---|---|\n"
                          "| Memorandum of Understanding on Fisheries | Minister of Fisheries Kofi Boateng | Minister "
                          "of Agriculture Yawa Adzo |\n| Agreement on Air Services | Minister of Transport Ama Owusu | "
                          "Minister of Transport Koffi Agbo |")
    d = documents(f)
    assert d["Memorandum of Understanding on Fisheries"][2] == ["Kofi Boateng", "Yawa Adzo"]
    assert d["Agreement on Air Services"][2] == ["Ama Owusu", "Koffi Agbo"]
    assert states(f)["Koffi Agbo"] == "TGO"


def test_title_with_commas_and_between(lexicon):
    f = facts_of(lexicon, "Minister of Justice of Peru Luis Quispe and Minister of Justice of Chile Rosa Vidal signed "
                          "the Agreement between the Republic of Peru and the Republic of Chile on the Transfer of "
                          "Sentenced Persons, Extradition and Mutual Legal Assistance.")
    assert list(documents(f)) == ["Agreement between the Republic of Peru and the Republic of Chile on the Transfer "
                                  "of Sentenced Persons, Extradition and Mutual Legal Assistance"]


def test_signed_by_the_two_presidents(lexicon):
    f = facts_of(lexicon, "President of Ghana Kwame Asante held talks with President of Togo Faure Adzo in Accra. The "
                          "two presidents then signed a Joint Declaration on Strategic Partnership.")
    assert documents(f)["Joint Declaration on Strategic Partnership"][2] == ["Faure Adzo", "Kwame Asante"]


def test_unnamed_officials_sign_in_the_presence_of_leaders(lexicon):
    f = facts_of(lexicon, "Officials of the two ministries signed a Memorandum of Understanding on Cooperation in "
                          "Health in the presence of President of Ghana Kwame Asante and President of Togo Faure Adzo.")
    assert documents(f) == {"Memorandum of Understanding on Cooperation in Health":
                            ("Memorandum", "signed", [], ["GHA", "TGO"])}


def test_signers_in_the_presence_of_leaders(lexicon):
    f = facts_of(lexicon, "In the presence of President of Ghana Kwame Asante and President of Togo Faure Adzo, "
                          "Minister of Energy of Ghana Ama Owusu and Minister of Mines of Togo Koffi Agbo signed the "
                          "Agreement on Electricity Trade.")
    assert documents(f)["Agreement on Electricity Trade"][2] == ["Ama Owusu", "Koffi Agbo"]


def test_inked_and_penned_and_states_as_the_subject(lexicon):
    f = facts_of(lexicon, "Ghana and Togo inked a Memorandum of Understanding on Maritime Security, while the foreign "
                          "ministers, Kofi Mensah and Yawa Adzo, penned an Agreement on Consular Relations.")
    d = documents(f)
    assert d["Memorandum of Understanding on Maritime Security"] == ("Memorandum", "signed", [], ["GHA", "TGO"])
    assert d["Agreement on Consular Relations"][1:3] == ("signed", ["Kofi Mensah", "Yawa Adzo"])


def test_initialled_exchanged_and_concluded(lexicon):
    # initialling precedes signing (the document is planned); instruments of ratification are
    # exchanged by people who did not sign the treaty
    f = facts_of(lexicon, "Deputy Foreign Minister of Estonia Mart Kask and Deputy Foreign Minister of Latvia Anna "
                          "Ozola initialled the Agreement on Social Security. The two sides also exchanged the "
                          "instruments of ratification of the Treaty on Border Delimitation and concluded a Protocol "
                          "on Consultations.")
    d = documents(f)
    assert d["Agreement on Social Security"][1] == "planned"
    assert d["Treaty on Border Delimitation"][1:3] == ("signed", [])
    assert d["Protocol on Consultations"][1] == "signed"


def test_planned_documents(lexicon):
    f = facts_of(lexicon, "The sides agreed to sign an Agreement on Avoidance of Double Taxation during the next "
                          "visit. A memorandum on cultural exchange is expected to be signed later this year.")
    assert {t: v[1] for t, v in documents(f).items()} == {"Agreement on Avoidance of Double Taxation": "planned",
                                                          "memorandum on cultural exchange": "planned"}


def test_parties_from_the_signers_when_the_title_names_none(lexicon):
    f = facts_of(lexicon, "Minister of Health of Kenya Ann Wanjiru and Minister of Health of Rwanda Eric Ndayishimiye "
                          "signed a memorandum of understanding on the training of nurses.")
    document = f.documents[0]
    assert sorted(document.parties) == ["KEN", "RWA"] and document.why["parties"] == "D-parties-of-signers"


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("when, day", [("on Wednesday", "2024-05-08"), ("yesterday", "2024-05-09"),
                                        ("on 3 May", "2024-05-03"), ("last week", None),
                                        ("earlier this month", None)])
def test_meeting_days_against_the_date_line(lexicon, when, day):
    f = facts_of(lexicon, f"Foreign Minister of Nepal Ram Adhikari met Foreign Minister of Bhutan Tashi Dorji {when}.",
                 date="2024-05-10")
    assert [m.date for m in f.meetings] == [day]


def test_the_report_day_is_not_the_meeting_day(lexicon):
    f = facts_of(lexicon, "Foreign Minister of Nepal Ram Adhikari met Foreign Minister of Bhutan Tashi Dorji in "
                          "Kathmandu, the ministry said on Friday.")
    assert [m.date for m in f.meetings] == [None]


@pytest.mark.parametrize("dateline", ["ANKARA, 12 March 2024 —", "Ankara, 12 March 2024 —"])
def test_date_only_in_the_dateline(lexicon, dateline):
    f = facts_of(lexicon, f"{dateline} Turkish Foreign Minister Mehmet Yilmaz met Azerbaijani Foreign Minister Elnur "
                          "Mammadli on Monday.", date=None)
    assert f.date == "2024-03-12" and [m.date for m in f.meetings] == ["2024-03-11"]


def test_date_with_a_label_and_dots(lexicon):
    f = facts_of(lexicon, "Published: 05.03.2024\n\nTurkish Foreign Minister Mehmet Yilmaz met Azerbaijani Foreign "
                          "Minister Tural Hasanli on Tuesday in Ankara.", date=None)
    assert f.date == "2024-03-05" and [m.date for m in f.meetings] == ["2024-03-05"]


def test_received_a_minister_named_by_portfolio(lexicon):
    # regression: "received Foreign Minister ..." was not a reception (a portfolio word is no post word)
    f = facts_of(lexicon, "Foreign Minister of Ghana Kofi Mensah received Foreign Minister of Togo Yawa Adzo in Accra "
                          "on Tuesday.")
    assert [(m.kind, m.date) for m in f.meetings] == [("Reception", "2024-05-07")]
    assert pairs(f) == [["Kofi Mensah", "Yawa Adzo"]]


def test_states_after_signed_by_are_the_parties_and_a_year_ends_the_title(lexicon):
    f = facts_of(lexicon, "The minister spoke of the trilateral statements signed by Serbia, Hungary and Austria in "
                          "2021. The two countries will sign a transport cooperation agreement in 2025.")
    d = documents(f)
    assert d["trilateral statement"][3] == ["AUT", "HUN", "SRB"]
    assert d["transport cooperation agreement"][1] == "planned"


def test_plural_title_of_two_states_shared_in_order(lexicon):
    f = facts_of(lexicon, "The foreign ministers of Chile and Argentina, Alberto Soto and Diana Mondino Ruiz, held a "
                          "videoconference on Wednesday.")
    assert states(f) == {"Alberto Soto": "CHL", "Diana Mondino Ruiz": "ARG"}
    assert people(f)["Diana Mondino Ruiz"].posts[0].label == "Minister of Foreign Affairs of Argentina"


def test_a_state_word_right_before_a_full_name(lexicon):
    f = facts_of(lexicon, "Egypt's Foreign Minister Sameh Fawzy met Jordan's Ayman Safadi in Cairo on Sunday. The "
                          "Jordanian Armed Forces and the Kazakhstan Temir Zholy JSC were not named.")
    assert states(f) == {"Sameh Fawzy": "EGY", "Ayman Safadi": "JOR"}
    assert pairs(f) == [["Ayman Safadi", "Sameh Fawzy"]]


def test_signed_with_a_counterpart(lexicon):
    f = facts_of(lexicon, "Minister of Agriculture of Kenya Mary Wambui signed with her Ethiopian counterpart Girma "
                          "Amente an Agreement on Livestock Trade.")
    assert documents(f)["Agreement on Livestock Trade"][2:] == (["Girma Amente", "Mary Wambui"], ["ETH", "KEN"])


def test_signed_on_behalf_of_each_state(lexicon):
    f = facts_of(lexicon, "The agreement on air transport was signed on behalf of Kenya by Cabinet Secretary "
                          "Kipchumba Murkomen and on behalf of Qatar by Minister of Transport Jassim Al-Sulaiti.")
    assert states(f) == {"Kipchumba Murkomen": "KEN", "Jassim Al-Sulaiti": "QAT"}
    assert documents(f)["agreement on air transport"][2] == ["Jassim Al-Sulaiti", "Kipchumba Murkomen"]


def test_lower_case_plural_title_and_signed_earlier_by(lexicon):
    f = facts_of(lexicon, "Following the talks, the two leaders exchanged documents, including a Memorandum of "
                          "Understanding on Higher Education and an Agreement on Cultural Cooperation, signed earlier "
                          "by the ministers of education Amina Juma and Rashid Ali.")
    d = documents(f)
    assert sorted(people(f)) == ["Amina Juma", "Rashid Ali"]
    assert d["Agreement on Cultural Cooperation"][2] == ["Amina Juma", "Rashid Ali"]
    assert d["Memorandum of Understanding on Higher Education"][2] == ["Amina Juma", "Rashid Ali"]


def test_signed_by_the_foreign_ministers(lexicon):
    f = facts_of(lexicon, "Minister of Foreign Affairs of Latvia Anna Ozola received Minister of Foreign Affairs of "
                          "Malta Joseph Borg in Riga. After the talks, the foreign ministers signed a Memorandum of "
                          "Understanding on Consular Cooperation.")
    assert documents(f)["Memorandum of Understanding on Consular Cooperation"][2:] == (["Anna Ozola", "Joseph Borg"],
                                                                                     ["LVA", "MLT"])
