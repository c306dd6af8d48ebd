"""People and their posts, one test per construction of diplomatic news. All people are invented;
the states are real because the lexicon lists them."""
from __future__ import annotations

import pytest


def people(facts) -> dict:
    return {p.name: p for p in facts.people}


def posts(person) -> list[tuple]:
    return [(q.role, q.label, q.state, q.to_state) for q in person.posts]


def test_demonym_and_title_before_the_name(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze met with Kazakh Deputy Foreign Minister Arman Zhaksylykov "
                 "in Tbilisi.")
    p = people(f)
    assert sorted(p) == ["Arman Zhaksylykov", "Tamar Veridze"]
    assert posts(p["Tamar Veridze"]) == [("Minister", "Minister of Foreign Affairs of Georgia", "GEO", None)]
    assert posts(p["Arman Zhaksylykov"]) == [
        ("Deputy Minister", "Deputy Minister of Foreign Affairs of Kazakhstan", "KAZ", None)]
    # the post sits in the state's foreign ministry
    body = {b.key: b for b in f.bodies}[p["Arman Zhaksylykov"].posts[0].body]
    assert (body.name, body.cls, body.state) == ("Ministry of Foreign Affairs", "Ministry", "KAZ")


def test_the_span_of_a_person_slices_the_name(facts_of):
    f = facts_of("Georgian Foreign Minister Tamar Veridze arrived in Riga.")
    text = " date 2024-05-10\n\nGeorgian Foreign Minister Tamar Veridze arrived in Riga.\n"
    (span,) = f.people[0].spans
    assert text[span.begin:span.end] == "Tamar Veridze"
    assert span.sentence == 0


def test_minister_of_a_portfolio_of_the_republic_of_a_state(facts_of):
    f = facts_of("Minister of Agriculture of the Republic of Uzbekistan Sardor Nematov visited Baku.")
    (person,) = f.people
    assert person.name == "Sardor Nematov"
    assert posts(person) == [("Minister", "Minister of Agriculture of Uzbekistan", "UZB", None)]
    assert [(b.name, b.cls, b.state) for b in f.bodies] == [("Ministry of Agriculture", "Ministry", "UZB")]


def test_appositive_title_after_the_name(facts_of):
    f = facts_of("Lina Kovacs, the President of Hungary, arrived in Vienna.")
    (person,) = f.people
    assert person.name == "Lina Kovacs"
    assert posts(person) == [("President", "President of Hungary", "HUN", None)]


def test_counterpart_copies_the_post_and_takes_the_state_from_the_demonym(facts_of):
    f = facts_of("Kyrgyz Foreign Minister Bakyt Orozbekov met with his Uzbek counterpart Dilshod Nazarov.")
    p = people(f)
    assert posts(p["Dilshod Nazarov"]) == [("Minister", "Minister of Foreign Affairs of Uzbekistan", "UZB", None)]
    assert posts(p["Bakyt Orozbekov"]) == [("Minister", "Minister of Foreign Affairs of Kyrgyzstan", "KGZ", None)]
    # the copied post sits in the counterpart's own ministry, not in the other state's
    bodies = {b.key: b for b in f.bodies}
    assert bodies[p["Dilshod Nazarov"].posts[0].body].state == "UZB"


def test_ambassador_of_one_state_to_another(facts_of):
    f = facts_of("Ambassador of Kazakhstan to Georgia Yerlan Abenov presented a book.")
    (person,) = f.people
    assert posts(person) == [("Ambassador", "Ambassador of Kazakhstan to Georgia", "KAZ", "GEO")]
    (body,) = f.bodies
    assert (body.name, body.cls, body.state) == ("Embassy of Kazakhstan in Georgia", "Embassy", "KAZ")


def test_surname_alone_later_is_the_same_person(facts_of):
    f = facts_of("Ambassador of Kazakhstan to Georgia Yerlan Abenov presented a book. Later, Abenov spoke to students.")
    (person,) = f.people
    assert person.name == "Yerlan Abenov"
    assert [s.sentence for s in person.spans] == [0, 1]


def test_two_people_sharing_a_surname_stay_two(facts_of):
    f = facts_of("Tajik Deputy Prime Minister Ilhom Rahimov met Bobur Rahimov, the Ambassador of Uzbekistan to "
                 "Tajikistan. Rahimov said the talks were fruitful.")
    p = people(f)
    assert sorted(p) == ["Bobur Rahimov", "Ilhom Rahimov"]
    assert p["Ilhom Rahimov"].key != p["Bobur Rahimov"].key
    assert posts(p["Bobur Rahimov"]) == [("Ambassador", "Ambassador of Uzbekistan to Tajikistan", "UZB", "TJK")]
    assert p["Ilhom Rahimov"].posts[0].role == "Deputy Prime Minister"
    # the bare surname goes to the one mentioned last, not to a new person
    assert [s.sentence for s in p["Bobur Rahimov"].spans] == [0, 1]
    assert [s.sentence for s in p["Ilhom Rahimov"].spans] == [0]
    assert len(f.meetings) == 1
    assert sorted(f.meetings[0].participants) == sorted([p["Ilhom Rahimov"].key, p["Bobur Rahimov"].key])


def test_organisation_named_after_a_person_is_not_a_person(facts_of):
    f = facts_of("Uzbek Minister of Culture Ozoda Karimova visited the Abay Kunanbayev Foundation in Almaty.")
    assert [p.name for p in f.people] == ["Ozoda Karimova"]
    f = facts_of("The Abay Kunanbayev Foundation held an exhibition in Almaty.")
    assert f.people == []
    # a title before it does not make the name a person either
    f = facts_of("Uzbek Foreign Minister Rustam Alimkhodzhaev received the Chairman of the Abay Kunanbayev Foundation "
                 "on Monday.")
    assert [p.name for p in f.people] == ["Rustam Alimkhodzhaev"]
    assert f.meetings == []


def test_capitalised_name_of_a_thing_is_not_a_person(facts_of):
    f = facts_of("Kazakh Deputy Foreign Minister Arman Zhaksylykov praised the Trans-Caspian International "
                 "Transport Route.")
    assert [p.name for p in f.people] == ["Arman Zhaksylykov"]
    f = facts_of("The Trans-Caspian International Transport Route was discussed at length by experts.")
    assert f.people == []


def test_state_named_in_no_article_by_demonym_and_capital(facts_of):
    f = facts_of("Malagasy Foreign Minister Fanja Randriamanana met with Bhutanese Foreign Minister Karma Pelzang "
                 "in Antananarivo.")
    p = people(f)
    assert posts(p["Fanja Randriamanana"]) == [("Minister", "Minister of Foreign Affairs of Madagascar", "MDG", None)]
    assert posts(p["Karma Pelzang"]) == [("Minister", "Minister of Foreign Affairs of Bhutan", "BTN", None)]
    (meeting,) = f.meetings
    assert meeting.place == "city:Antananarivo|MDG"


def test_occupation_gives_a_state_but_no_post(facts_of):
    f = facts_of("Kazakh poet Aigerim Sultanbekova read her verses in Tashkent.")
    (person,) = f.people
    assert person.name == "Aigerim Sultanbekova"
    assert person.posts == []
    assert person.state == "KAZ"
    assert person.occupation == "poet"


def test_a_name_without_any_cue_is_not_taken(facts_of):
    f = facts_of("Lina Kovacs of Hungary and Farid Jamal of Jordan exchanged greetings.")
    assert f.people == []


def test_title_under_a_parent_body(facts_of):
    f = facts_of("Director under the Ministry of Finance of Kyrgyzstan Nurbek Asanov visited Astana.")
    assert [p.name for p in f.people] == ["Nurbek Asanov"]     # regression: IndexError in _close_body
    (post,) = f.people[0].posts
    assert (post.role, post.state) == ("Director", "KGZ")
    body = {b.key: b for b in f.bodies}[post.body]
    assert (body.name, body.cls, body.state) == ("Ministry of Finance", "Ministry", "KGZ")


def test_counterpart_without_a_demonym_is_not_placed_in_the_other_state(facts_of):
    f = facts_of("Kyrgyz Foreign Minister Bakyt Orozbekov met with his counterpart Dilshod Nazarov in Bishkek.")
    p = people(f)
    (post,) = p["Dilshod Nazarov"].posts
    assert post.role == "Minister"
    assert post.state is None
    bodies = {b.key: b for b in f.bodies}
    assert post.body is None or bodies[post.body].state != "KGZ"
