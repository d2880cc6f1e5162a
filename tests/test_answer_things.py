"""Answers the entity model does not tag: a thing written in lower case, which the sentence
says the asked noun is or names as the asked cause; on real RealTime QA sentences that no
newsqa-dev or project question uses (the entity model is the real one)."""

from test_answer_types import _answer, _sentence, entities

from corpusqa.entities import Entities

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
