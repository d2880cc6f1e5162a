"""Answers the entity model does not tag: a thing written in lower case, which the sentence
says the asked noun is or names as the asked cause; on real RealTime QA sentences that no
newsqa-dev or project question uses (the entity model is the real one)."""

from test_answer_types import _answer, _cands, _sentence, _span, entities, need

from corpusqa.agree import previous_sentences
from corpusqa.answer import compose
from corpusqa.candidates import candidates
from corpusqa.entities import Entities
from corpusqa.records import Article, Evidence

__all__ = ["entities"]  # the session's entity model, a fixture


def test_what_the_sentence_says_the_asked_noun_was(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-12ff7b8c5438", "The top three causes of death in 2017")
    question = "What were the top causes of death in 2017?"
    _, draft = _answer(entities, question, body, sentence, "2019-01-10")
    assert draft.text.startswith("heart disease")
    # The subject must hold the asked noun: a category is no cause of death.
    _, draft = _answer(entities, "Which category of death rose in 2017?", body, sentence)
    assert not draft.text.startswith("heart disease")


def test_what_the_sentence_gives_as_the_cause_asked_about(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-12ff7b8c5438", "Sumatran, Bornean and Tapanuli")
    question = "What threat causes Tapanuli orangutans to be classified as critically endangered?"
    _, draft = _answer(entities, question, body, sentence, "2019-01-10")
    assert draft.text.startswith("habitat loss")
    # Only a question that asks what causes something is answered by "due to".
    question = "Which threat do Tapanuli orangutans face in Borneo?"
    _, draft = _answer(entities, question, body, sentence, "2019-01-10")
    assert not draft.text.startswith("habitat loss")


def test_a_plural_name_the_entity_model_missed_is_a_team(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-94a281d19118", "After he disinvited the Warriors")
    _, draft = _answer(entities, "Which team did he disinvite?", body, sentence, "2018-06-05")
    assert draft.text.startswith("Warriors")
    body, sentence = _sentence("rtqa-1d38e488ffc2", "When the Celtics won the 1984")
    question = "Which team won the 1984 NBA Championship?"
    _, draft = _answer(entities, question, body, sentence, "2020-03-20")
    assert draft.text.startswith("Boston Celtics")  # the fullest form the article gives


def test_a_longer_form_of_a_name_the_question_gives_is_no_answer(entities: Entities) -> None:
    n = need(entities, "Which team did the Penguins invite?")
    assert not n.is_new("the Pittsburgh Penguins") and n.is_new("the Washington Capitals")
    # A person with another given name is another person: "Jill Biden" is no Joe Biden.
    assert need(entities, "Whose allegiances did Joe Biden joke about?").is_new("Jill Biden")


def test_a_numbered_kind_and_a_language_are_things(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9408d1554171", "On Friday, Ian hammered")
    question = "As what category of hurricane did Ian make landfall in South Carolina?"
    _, draft = _answer(entities, question, body, sentence, "2022-10-01")
    assert draft.text.startswith("Category 1")
    body, sentence = _sentence("rtqa-03f057067b01", "In the caption, Bad Bunny wrote")
    question = "In which language did Bad Bunny write the caption?"
    _, draft = _answer(entities, question, body, sentence, "2022-02-01")
    assert draft.text.startswith("Spanish")


def test_a_sum_the_question_gives_is_not_asked_in_another_currency(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-73fb60a70da8", "Average annual energy bills could exceed")
    question = "How much could average annual energy bills of about £2,000 exceed from January?"
    _, found = _cands(entities, question, body, sentence)
    texts = {c.text for c in found}
    assert "$2,400" not in texts and {"£4,000", "$4,820"} <= texts


def test_a_share_of_those_is_of_what_the_sentence_before_names(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-ad8ae814078c", "The loan forgiveness plan should provide")
    question = "What share of federal student debt holders would have their balance canceled?"
    n, found = _cands(entities, question, body, sentence)
    before = previous_sentences(body, body.index(sentence))
    read = candidates(n, sentence, entities.of([sentence])[0], body, before)
    fits = {c.text: c.fit for c in read}
    assert fits["nearly 45%"] == 1.0  # "of those borrowers": the debt holders just named
    assert min(c.fit for c in found if c.text == "nearly 45%") < 0.5  # read alone, it is not


def test_who_coached_is_answered_by_a_coach_not_by_a_player_quoted(entities: Entities) -> None:
    body, sentence = _span("rtqa-8084edb20810", "“Any time the ball", "was ejected.")
    _, draft = _answer(entities, "Who coached the Pacers after the ejection?", body, sentence)
    assert draft.text.startswith("Lloyd Pierce")
    body, sentence = _span("rtqa-8084edb20810", "“You can't ask for much", "22 points.")
    _, draft = _answer(entities, "Who coached the Pacers after the ejection?", body, sentence)
    assert draft.refused  # a forward of theirs is quoted, no coach


def test_when_someone_commented_is_when_they_said_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-6d365982d7e6", "“We’re asking people to conserve power")
    question = "When did Steve Adler remark on the heat?"
    _, draft = _answer(entities, question, body, sentence, "2022-07-14")
    assert draft.text.startswith("Wednesday")


def test_a_name_after_the_asked_noun_is_one_of_the_asked_kind(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-d308a39de7d3", "The Stanley Cup champion Pittsburgh")
    question = "Which NBA champion was not invited?"
    _, draft = _answer(entities, question, body, sentence, "2018-06-05")
    assert draft.text.startswith("Golden State Warriors")
    # The Stanley Cup's champion is named after the asked noun too, but no NBA champion.
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["Pittsburgh Penguins"] < 0.5 and fits["Golden State Warriors"] == 1.0
    question = "Which Stanley Cup champion visited the White House in 2017?"
    _, draft = _answer(entities, question, body, sentence, "2018-06-05")
    assert draft.text.startswith("Pittsburgh Penguins")


def test_a_portion_of_another_thing_is_not_by_how_much_it_changed(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9998c40b645d", "And Twitter recently cut approximately")
    _, draft = _answer(entities, "By how much did Twitter cut its budget?", body, sentence)
    assert draft.refused  # half its staff, not of its budget
    _, draft = _answer(entities, "By how much did Twitter cut its staff?", body, sentence)
    assert draft.text.startswith("approximately 50%")


def test_what_something_is_known_as_in_lower_case(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-1b15d88e1bee", "At issue is a Depression-era program")
    question = "By what name is the Depression-era program known?"
    _, draft = _answer(entities, question, body, sentence, "2021-06-01")
    assert draft.text.startswith("general assistance")


def test_which_hall_of_famer_asks_for_a_person(entities: Entities) -> None:
    n = need(entities, "Which Hall of Famer did not benefit from the sign stealing?")
    assert (n.kind, n.head) == ("person", "famer")
    body, sentence = _sentence("rtqa-e761131c83a6", "Should we hold that against future Hall")
    question = "Which Hall of Famer did not benefit from the sign stealing as a pitcher?"
    _, draft = _answer(entities, question, body, sentence, "2020-01-20")
    assert draft.text.startswith("Hall of Famer Justin Verlander")  # the title and all


def test_who_plays_a_part_is_who_the_sentence_says_plays_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-c8db1ac88581", "Amanda Seyfried stars as Holmes")
    question = "Who plays Balwani in 'The Dropout'?"
    _, draft = _answer(entities, question, body, sentence, "2022-11-18")
    assert draft.text.startswith("Naveen Andrews")
    question = "Which actress plays Elizabeth Holmes in 'The Dropout'?"
    _, draft = _answer(entities, question, body, sentence, "2022-11-18")
    assert draft.text.startswith("Amanda Seyfried")


def test_a_name_where_the_question_puts_its_answer(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-03edd61b361c", "“An intoxicated person on a horse")
    question = "On which platform did Whittier police post about the horse?"
    _, draft = _answer(entities, question, body, sentence, "2022-06-01")
    assert draft.text.startswith("Instagram")
    body, sentence = _sentence("rtqa-83b4435fa88e", "The episode, which aired on Apple")
    question = "On which service was the episode on country music's issues aired?"
    _, draft = _answer(entities, question, body, sentence, "2022-06-01")
    assert draft.text.startswith("Apple Music Country")


def test_a_title_with_of_in_it_is_the_asked_role_and_is_given_whole(entities: Entities) -> None:
    n = need(entities, "Which Airlines for America chief criticised the testing requirement?")
    assert (n.kind, n.head) == ("person", "chief")  # not the airlines
    body, sentence = _sentence("rtqa-8431ac3f76e2", "Under state law, Iowa's public schools")
    question = "Which Iowa Department of Education spokesperson said schools cannot require proof?"
    _, draft = _answer(entities, question, body, sentence, "2021-09-01")
    assert draft.text.startswith("Iowa Department of Education spokesperson Heather Doe")


def test_an_organisation_is_not_the_article_outlet_or_the_question_country(
    entities: Entities,
) -> None:
    body, sentence = _sentence("rtqa-99c139aae673", "Amazon spokesperson Kelly Nantel told")
    question = "Which company looks at all of its businesses in an annual operating review?"
    n = need(entities, question)
    start = body.index(sentence)
    for outlet, answer in (("CNN", "Amazon"), ("Outlet", "CNN Business")):
        article = Article("a", "T", body, "a.txt", outlet, "2022-11-16")
        read = [Evidence(article, (start, start + len(sentence)), 0.5, 0)]
        assert compose(n, read, entities.of([sentence])).text.startswith(answer)
    # "the US Centers for Disease Control" is no other name for the US the question gives.
    body, sentence = _sentence("rtqa-69300813936e", "Two weeks ago, the US Centers")
    question = "Which US agency changed how it measures Covid-19 impact in communities?"
    _, draft = _answer(entities, question, body, sentence, "2022-03-10")
    assert draft.text.startswith("the US Centers for Disease Control and Prevention")


def test_a_state_shortened_ap_style_is_no_town_of_it(entities: Entities) -> None:
    body, sentence = _span("rtqa-ba63bfc3c97f", "Major League Baseball, addressing", "Tempe, Ariz.")
    question = "In which Arizona city did Major League Baseball begin the Dream Series?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["Tempe"] == 1.0 and fits["Ariz."] < 0.5  # the state, as AP style writes it
