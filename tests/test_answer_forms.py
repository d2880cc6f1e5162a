"""Who a named person is, times of day, scores and measures, on real RealTime QA sentences
that no newsqa-dev or project question uses (the entity model is the real one)."""

from dataclasses import replace

import pytest
from test_answer_types import _agrees, _answer, _cands, _evidence, _sentence, _span, entities, need

from corpusqa.entities import Entities
from corpusqa.measures import scores

__all__ = ["entities"]  # the session's entity model, a fixture


@pytest.mark.parametrize(
    "article, begins, question, expected",
    [
        (
            "rtqa-9295d6dd6421",
            "BIO spokeswoman",
            "Who is Karen Batra?",
            "BIO spokeswoman Karen Batra [1].",
        ),
        (
            "rtqa-127788d3e91b",
            "Bureau of Land Management spokesperson",
            "Who is Mark Jacobsen?",
            "Bureau of Land Management spokesperson Mark Jacobsen [1].",
        ),
    ],
)
def test_who_is_a_person_is_the_role_the_sentence_gives(
    entities: Entities, article: str, begins: str, question: str, expected: str
) -> None:
    body, sentence = _sentence(article, begins)
    n, draft = _answer(entities, question, body, sentence)
    assert n.kind == "identity" and draft.text == expected and not draft.refused


def test_who_is_a_name_the_entity_model_misses_still_asks_who_they_are(
    entities: Entities,
) -> None:
    # The small model calls "Ricardo Blankenship" a facility.
    n = need(entities, "Who is Ricardo Blankenship?")
    assert (n.kind, n.people) == ("identity", ("Ricardo Blankenship",))


def test_who_is_is_not_answered_by_someone_else_or_by_the_bare_name(entities: Entities) -> None:
    body = (
        "Karen Smith said the seeds were safe. Karen Batra attended the hearing. "
        "BIO spokeswoman Karen Batra said the industry welcomed the rule."
    )
    _, other = _cands(
        entities, "Who is Karen Batra?", body, "Karen Smith said the seeds were safe."
    )
    assert other == []  # another Karen
    _, bare = _cands(entities, "Who is Karen Batra?", body, "Karen Batra attended the hearing.")
    assert [(c.text, c.fit) for c in bare] == [("Karen Batra", 0.4)]  # says nothing of her
    n, draft = _answer(entities, "Who is Karen Batra?", body, "Karen Batra attended the hearing.")
    assert draft.refused


def test_at_what_time_is_a_time_of_day(entities: Entities) -> None:
    body, sentence = _span(
        "rtqa-3b1bf1251f70", "With the funeral concluded", "seven days"
    )  # past "p.m."
    n, draft = _answer(
        entities, "At what time was the private burial service held?", body, sentence
    )
    assert (n.kind, n.head) == ("date", "time")
    assert draft.text.startswith("7:30 p.m.") and "p.m [1]" not in draft.text


def test_by_what_score_is_a_score(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-68cbaa175f57", "The Sixers needed every bit")
    _, found = _cands(entities, "By what score did the Sixers beat Utah?", body, sentence)
    assert [c.text for c in found] == ["105-98"]
    # A season's record in brackets is not a game's score.
    record = scores(need(entities, "By what score did they win?"), "Georgia (10-1) won 30-24.")
    assert [(c.text, c.fit) for c in record] == [("10-1", 0.4), ("30-24", 1.0)]


def test_how_high_is_a_height_not_another_amount(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-72cb39b60775", "One river in the southeast")
    n, found = _cands(entities, "How high has the river in the southeast risen?", body, sentence)
    fits = {c.text: c.fit for c in found}
    assert n.measure == "high"
    assert max(fits, key=lambda t: fits[t]).endswith("12 feet")
    assert all(f < 0.5 for t, f in fits.items() if "hours" in t)


def test_a_duration_goes_on_over_its_units(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9477c2830e7d", "d that second-place finisher")
    question = "How long did Emmanuel Mutai take to run the 2011 Boston Marathon?"
    _, found = _cands(entities, question, body, sentence)
    assert "2 hours, 3 minutes, 2 seconds" in {c.text for c in found}


def test_how_much_something_cost_is_a_sum_of_money(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-adc1f01e97c0", "One 14-page guide obtained by CNN")
    question = (
        "How much did the 2013 sniper attack on the substation cost Pacific Gas and Electric?"
    )
    _, found = _cands(entities, question, body, sentence)
    fits = {c.text: c.fit for c in found}
    assert fits["$15 million"] == 1.0 and fits["17 transformers"] < 0.5


def test_a_year_the_article_never_gives_is_not_agreed_with(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-0f098c7d8823", "Extending the enhanced subsidies")
    assert "2015" not in body
    question = "How much did the CBO say extending the subsidies would cost in 2015?"
    assert _agrees(need(entities, question), body, sentence, "2022-07-15") == 0.0
    assert (
        _agrees(need(entities, question.replace(" in 2015", "")), body, sentence, "2022-07-15")
        > 0.5
    )


def test_what_a_thing_is_called_is_the_name_given_to_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-d820f18f8e62", "Paul Johnson, 56, said young men")
    question = "What has the gas station on Broadway Avenue been dubbed?"
    n, draft = _answer(entities, question, body, sentence, "2022-10-05")
    assert "dub" not in n.relation  # the naming is asked, not reported
    assert draft.text == "murder station [1]."


def test_by_what_other_name_is_the_short_form_in_brackets(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-d2661ceafc05", "“The answer, of course")
    question = "By what other name is the National Consumer Law Center known?"
    n, draft = _answer(entities, question, body, sentence, "2018-10-10")
    assert draft.text == "NCLC [1]."


def test_who_is_takes_the_description_most_mentions_give(entities: Entities) -> None:
    from corpusqa.answer import compose

    read = []
    for article, begins, score in [
        ("rtqa-5f28bb4e3614", "ally Kwasi Kwarteng with Jeremy Hunt", 0.6),  # the best alone
        ("rtqa-8c8ce8f18fae", "British Prime Minister Rishi Sunak also", 0.5),
        ("rtqa-b6051cc7407e", "British Prime Minister Rishi Sunak makes", 0.5),
    ]:
        body, sentence = _sentence(article, begins)
        e = _evidence(body, sentence, "2022-12-01")
        read.append(replace(e, article=replace(e.article, id=article), score=score))
    n = need(entities, "Who is Rishi Sunak?")
    draft = compose(n, read, entities.of([e.text for e in read]))
    assert draft.text.startswith("British Prime Minister Rishi Sunak [1]")


def test_which_county_is_named_as_a_county(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-0b70abb013e8", "A team of CDC disease detectives")
    question = "Which county did a team of CDC disease detectives travel to?"
    _, found = _cands(entities, question, body, sentence)
    fits = {c.text: c.fit for c in found}
    assert fits["Rockland County"] > fits["Atlanta"]


def test_the_asked_noun_s_other_words_pick_the_organisation(entities: Entities) -> None:
    body, sentence = _span(
        "rtqa-791f7c01e0f3", "Three agencies -- the FDA", "for safety."
    )  # past "U.S."
    question = "Which environmental agency regulates GMOs for safety?"
    _, found = _cands(entities, question, body, sentence)
    fits = {c.text: c.fit for c in found}
    assert max(fits, key=lambda t: fits[t]).endswith("Environmental Protection Agency")
    assert fits["FDA"] < 1.0


def test_what_share_is_a_percentage(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-b854f5eaee9f", "There's actually a Google commissioned")
    question = "What percentage of young US users searched online with TikTok or Instagram?"
    _, found = _cands(entities, question, body, sentence)
    fits = {c.text: c.fit for c in found}
    assert fits["nearly 40%"] == 1.0 and all(f < 0.5 for t, f in fits.items() if "%" not in t)


def test_a_number_the_question_gives_belongs_to_the_next_candidate(entities: Entities) -> None:
    from corpusqa.ranking import _owns_number

    sentence = "About 30% of adults in their 40s drink, compared to just 8% of people in their 20s."
    question = "What share of people in their 20s drink?"
    n, found = _cands(entities, question, sentence, sentence)
    assert "20s" in n.numbers  # a span of ages, not the number 20
    owns = {c.text: _owns_number(n, sentence, c) for c in found}
    assert owns["just 8%"] == 1.0 and owns["About 30%"] == 0.0


def test_what_it_received_or_pays_is_money(entities: Entities) -> None:
    from corpusqa.entities import Entity
    from corpusqa.names import widened

    sentence = "The charity received $2 million, 40% of its budget, from 300 donors."
    _, found = _cands(entities, "How much did the charity receive?", sentence, sentence)
    assert max(found, key=lambda c: c.fit).text.startswith("$2 million")
    assert "pay" not in need(entities, "What starting wage will the store pay?").relation
    text = "a starting wage of $17."
    money = widened(text, (Entity("17", "MONEY", text.index("17"), text.index("17") + 2),))
    assert [e.text for e in money] == ["$17"]


def test_a_date_goes_with_the_number_the_question_gives(entities: Entities) -> None:
    body, sentence = _span(
        "rtqa-5025b7c73a41", "The population could be around", "end of the century"
    )
    n, draft = _answer(
        entities, "In what year could the population reach 9.7 billion?", body, sentence
    )
    assert draft.text == "2050 [1]."


def test_how_many_did_they_verb_is_the_count_after_that_verb(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-bde85f201851", "The July 6, 1944, fire in Hartford")
    n, draft = _answer(entities, "How many people did the Hartford fire injure?", body, sentence)
    assert "injur" in n.verbs  # the small parser tags "injure" a noun after "did the fire"
    assert draft.text == "682 [1]."


def test_a_quoted_name_after_the_asked_noun_is_its_name(entities: Entities) -> None:
    body, _ = _sentence("rtqa-d820f18f8e62", "That’s just a few shy of the total")
    start = body.index("That’s just a few shy of the total")
    sentence = body[start : body.index("”", start) + 1]
    question = "Which nickname did Minneapolis earn in 1995?"
    _, found = _cands(entities, question, body, sentence)
    assert any(c.text.rstrip(".") == "Murderapolis" and c.fit == 1.0 for c in found)
    other = "In 1995 the city earned the nickname “Çukurova” from its critics."  # another alphabet
    _, found = _cands(entities, question, other, other)
    assert any(c.text == "Çukurova" and c.fit == 1.0 for c in found)


def test_money_is_money_as_the_sentence_writes_it() -> None:
    from corpusqa.entities import Entity
    from corpusqa.measures import money_as_written

    sentence = (
        "Renault sold its stake for just one rouble; the world may peak at 10.4 billion people."
    )
    rouble = Entity("just one", "CARDINAL", sentence.index("just"), sentence.index(" rouble"))
    people = Entity("10.4 billion", "MONEY", sentence.index("10.4"), sentence.index(" people"))
    assert money_as_written(rouble, sentence).label == "MONEY"
    assert money_as_written(people, sentence).label == "CARDINAL"


def sentence_texts(body: str) -> list[str]:
    from corpusqa.chunk import sentence_spans

    return [body[a:b] for a, b in sentence_spans(body)]


def test_an_age_further_down_the_evidence_is_read_before_refusing(entities: Entities) -> None:
    from corpusqa.answer import Extractive
    from corpusqa.tuning import POOL

    body, age = _sentence("rtqa-c25533c4b10f", "Currently, the title for oldest")
    others = [s for s in sentence_texts(body) if "118" not in s and "year" not in s][: POOL + 2]
    read = [replace(_evidence(body, s), score=0.5) for s in others]
    read.append(replace(_evidence(body, age), score=0.2))
    draft = Extractive(entities).write("How old was Lucile Randon?", read)
    assert draft.text == "118 [1]." and not draft.refused


def test_a_photo_credit_is_no_person_of_the_story(entities: Entities) -> None:
    body, sentence = _span("rtqa-b6051cc7407e", "Danny Lawson/PA Images", "November 2019.")
    question = "Who spoke during a general election debate in Cardiff in November 2019?"
    _, found = _cands(entities, question, body, sentence)
    assert "Danny Lawson" not in {c.text for c in found}


def test_an_apposition_is_not_what_the_person_did(entities: Entities) -> None:
    body, sentence = _span(
        "rtqa-dd81e4ed6025", "Rubio and one of the House sponsors", "last month."
    )
    question = "Which Wisconsin Republican congressman sponsored the TikTok ban bill?"
    _, draft = _answer(entities, question, body, sentence, "2022-12-13")
    assert draft.text.startswith("Rep. Mike Gallagher") and "had indicated" not in draft.text


def test_the_name_of_a_company_s_thing_asks_for_that_thing(entities: Entities) -> None:
    assert need(entities, "What is the name of TikTok's parent company?").head == "company"
    assert need(entities, "Which US state's governor wants to ban vaccine mandates?").head == (
        "state"
    )


def test_a_value_is_an_amount(entities: Entities) -> None:
    n = need(entities, "What is the total value of the gift bag?")
    assert (n.kind, n.head) == ("number", "value")


def test_a_person_is_named_without_the_possessive_the_sentence_writes(
    entities: Entities,
) -> None:
    body, sentence = _sentence("rtqa-424683aa60ba", "Amanda Seyfried’s portrayal")
    _, found = _cands(entities, "Who played Elizabeth Holmes?", body, sentence)
    assert "Amanda Seyfried" in [c.text for c in found]
    assert not [c.text for c in found if c.text.endswith("’s")]


def test_which_state_is_the_named_lawmakers_not_anothers_nor_the_dateline(
    entities: Entities,
) -> None:
    body, _ = _sentence("rtqa-3306cb234abf", "Though House GOP leader")
    start = body.index("Though House GOP leader")  # the sentence runs past "Rep."
    sentence = body[start : body.index(" Without those votes", start)]
    _, found = _cands(entities, "Which state does Byron Donalds represent?", body, sentence)
    assert [c.text for c in found if c.tied] == ["Florida"]  # "Rep. Byron Donalds, R-Fla."
    _, found = _cands(entities, "Which state does Kevin McCarthy represent?", body, sentence)
    assert not [c for c in found if c.fit >= 0.5]  # neither "Though House GOP" nor Donalds's
    body, sentence = _sentence("rtqa-7a47d4c064e0", "Republican Rep. Matt Gaetz of Florida")
    _, found = _cands(entities, "Which state does Kevin McCarthy represent?", body, sentence)
    assert ("Florida", 0.3) in [(c.text, c.fit) for c in found]  # Gaetz's state
    assert not [c for c in found if c.fit >= 0.5]
    la = "Mayor Eric Garcetti of LA said the city was ready."
    _, found = _cands(entities, "Which state does Eric Garcetti represent?", la, la)
    assert "Louisiana" not in [c.text for c in found]  # a short form only after the party
    body, sentence = _sentence("rtqa-7a47d4c064e0", "WASHINGTON—The House")
    _, found = _cands(entities, "Which state does Kevin McCarthy represent?", body, sentence)
    assert not [c for c in found if c.fit >= 0.5]  # where the story was filed


def test_a_roundup_score_is_the_named_games_and_a_tally_is_no_score(entities: Entities) -> None:
    body, _ = _sentence("rtqa-862a37cbc6d0", "Kentucky beat Louisville 26-13")
    start = body.index("Kentucky beat Louisville 26-13")
    sentence = body[start : body.index(".", body.index("Penn State", start))]
    found = scores(need(entities, "By what score did Minnesota beat Wisconsin?"), sentence)
    assert [c.text for c in found if c.fit == 1.0] == ["23-16"]
    other = scores(need(entities, "By what score did Georgia beat Auburn?"), sentence)
    assert not [c for c in other if c.fit >= 0.5]  # "Alabama rolled Auburn 49-27"
    body, sentence = _sentence("rtqa-d85f16c8559e", "At the halftime break, Georgia held")
    tally = scores(need(entities, "By what score did Georgia lead at halftime?"), sentence)
    assert not [c for c in tally if c.fit >= 0.5]  # "a 296-72 edge in total yards"


def test_a_word_the_article_never_makes_a_name_is_no_person(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-1d101289bb1f", "Those nominees not only give")
    _, found = _cands(entities, "Who will be nominated for directing?", body, sentence)
    assert not [c for c in found if c.fit >= 0.5]  # "the most likely Oscar nominees"
    academy = "the Academy of Motion Picture Arts and Sciences filed a lawsuit"
    _, found = _cands(entities, "Who filed a lawsuit?", f"Critics said {academy}.", academy)
    assert not [c for c in found if c.fit >= 0.5]  # an organisation's name, not a person's


def test_a_role_of_another_nationality_is_not_the_asked_one(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-263d1437f65a", "President Joe Biden held a three-hour talk")
    _, found = _cands(entities, "Which Mexican leader did Joe Biden talk with?", body, sentence)
    assert not [c for c in found if c.fit >= 0.5]  # "his Chinese counterpart Xi Jinping"
    _, found = _cands(entities, "Which Chinese leader did Joe Biden talk with?", body, sentence)
    assert [c.text for c in found if c.fit >= 0.5] == ["Xi Jinping"]


def test_a_year_counts_nothing_and_a_duration_has_its_unit(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-91de84ae4a67", "The funeral was marked by novel changes")
    _, found = _cands(
        entities, "He was the first pope to resign in how many centuries?", body, sentence
    )
    fits = {c.text: c.fit for c in found}
    assert fits.get("six centuries") == 1.0 and fits.get("2013", 0.0) < 0.5


@pytest.mark.parametrize(
    "question, now",
    [
        ("Which Omicron subvariant has become the most dominant in the US?", True),
        ("How much has the Mega Millions jackpot increased to?", True),
        ("Which tournament is currently underway in Melbourne?", True),
        ("Which Omicron subvariant became dominant in the US in 2022?", False),
        ("How much did the Mega Millions jackpot reach in 2018?", False),
    ],
)
def test_the_present_perfect_asks_for_the_state_of_things_now(
    entities: Entities, question: str, now: bool
) -> None:
    assert need(entities, question).now is now


def test_which_country_is_answered_by_a_country(entities: Entities) -> None:
    question = "Which country had a power outage?"
    body, sentence = _sentence("rtqa-853000131327", "All households in Moore County")
    _, found = _cands(entities, question, body, sentence)
    assert not [c for c in found if c.fit >= 0.5]  # a county, not a country
    body, sentence = _sentence("rtqa-db615651310a", "leading to blackouts across 75-80% of")
    _, found = _cands(entities, question, body, sentence)
    assert "Bangladesh" in [c.text for c in found if c.fit == 1.0]


def test_a_holiday_is_a_named_day_not_which_holiday(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-32f8ac722721", "Last year President Biden made")
    sentence = sentence.split("\n")[0]  # the line, a heading with no full stop
    _, found = _cands(entities, "Which holiday did President Biden create?", body, sentence)
    fits = {c.text: c.fit for c in found}
    assert fits.get("Indigenous Peoples Day") == 1.0 and "federal holiday" not in fits


def test_an_age_after_the_name_or_in_the_next_sentence(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-b7672a54dff5", "Austin, 68, said")
    _, found = _cands(entities, "How old is Austin?", body, sentence)
    assert [c.text for c in found] == ["68"]
    body, sentence = _sentence("rtqa-5e0e5569d22b", "He was 59.")
    n, draft = _answer(entities, "How old was Bishop Paul Sirba when he died?", body, sentence)
    assert draft.text.startswith("59 [1]")  # "... Paul Sirba has died ... He was 59."


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What caused the crash that killed the bishop?", "reason"),
        ("Which talent agent announced the actor's death?", "person"),
    ],
)
def test_what_caused_asks_why_and_an_agent_is_a_person(
    entities: Entities, question: str, kind: str
) -> None:
    assert need(entities, question).kind == kind


def test_a_death_in_the_sentence_says_when_someone_died(entities: Entities) -> None:
    _, sentence = _sentence("rtqa-f32e42b3a453", "Londoners read the news of King George")
    # The sentence alone: its article's other sentences say "died" too.
    n, draft = _answer(entities, "In what year did King George die?", sentence, sentence)
    assert draft.text.startswith("1952 [1]")


def test_a_hyphened_amount_counts_its_unit(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9878053223b4", "By comparison, McDonald’s sells")
    _, found = _cands(entities, "How many ounces is McDonald's hot chocolate?", body, sentence)
    assert [c.text[:8] for c in found if c.fit >= 0.5] == ["12-ounce"]  # not the $2 it costs


def test_who_did_it_is_met_by_the_doer_the_apposition_names(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-28e3f03abe6a", "Uma Valeti, founder and CEO")
    sentence = sentence[sentence.index("Uma Valeti") :]
    _, found = _cands(entities, "Who founded Upside Foods?", body, sentence)
    # 0.8: the small model calls her an organisation; 0.6 without "founder" meeting "founded".
    assert [(c.text, c.fit) for c in found if c.fit >= 0.5] == [("Uma Valeti", 0.8)]


def test_a_person_the_question_names_is_named_without_the_possessive(
    entities: Entities,
) -> None:
    # The surname is matched as written ("Martin" in "Martin, 77, spoke"), not "Martin's".
    assert need(entities, "What is the title of Steve Martin's new book?").people == (
        "Steve Martin",
    )


def test_a_sum_written_with_a_currency_word_is_a_sum(entities: Entities) -> None:
    # The small model calls "100 billion" a count and "560 rupees" a quantity, and tags no
    # "one rouble" at all; each is what "how much" asks for, with its currency.
    body, sentence = _sentence("rtqa-ada813f2c02c", "He pointed to a plan by German Chancellor")
    _, found = _cands(
        entities, "How much did Olaf Scholz plan to add to defense spending?", body, sentence
    )
    assert any(c.text == "100 billion euros" and c.fit == 1.0 for c in found)
    body, sentence = _sentence("rtqa-1bd0ff24e135", "The firm’s stock is now trading close to")
    _, found = _cands(entities, "How much is the firm's stock trading at?", body, sentence)
    assert any(c.text.startswith("560 rupees") and c.fit == 1.0 for c in found)
    sentence = "The carmaker sold its stake in the venture for just one rouble last year."
    _, found = _cands(entities, "For how much did the carmaker sell its stake?", sentence, sentence)
    assert [c.text for c in found if c.fit == 1.0] == ["one rouble"]
    from corpusqa.entities import Entity
    from corpusqa.measures import money_as_written

    sentence = "The wrestler weighed 200 pounds before the fight."
    weight = Entity("200 pounds", "QUANTITY", sentence.index("200"), sentence.index(" before"))
    assert money_as_written(weight, sentence) == weight  # a weight, not a sum


def test_a_count_counts_its_own_noun_with_the_question_s_modifiers(entities: Entities) -> None:
    # "three 40-point games" counts games: the points are another amount's.
    body, sentence = _sentence("rtqa-68cbaa175f57", "Garland has three 40-point games")
    _, found = _cands(
        entities, "How many points did Garland score against Minnesota?", body, sentence
    )
    fits = {c.text: c.fit for c in found}
    assert fits["three 40-point games"] < 0.5
    # "how many daily cases": "1,727 new cases" are cases, but not the daily ones asked.
    body, sentence = _sentence("rtqa-d7fc099b35b6", "Puerto Rico reported 1,727 new cases")
    question = "How many daily cases did Puerto Rico report in early January?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["more than 14,000 daily cases"] == 1.0 > fits["1,727 new cases"] >= 0.8
    question = "How many new cases did Puerto Rico report on Thursday?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["1,727 new cases"] == 1.0 > fits["more than 14,000 daily cases"]


def test_a_code_is_no_organisation(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-f45410c7439e", "Further south, the weather service also")
    question = "Which company confirmed two tornadoes in the New Orleans area?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits.get("EF-2", 0.0) < 0.5


def test_a_count_is_of_what_its_sentence_names(entities: Entities) -> None:
    # A number is a local fact: the question's name must be in its sentence, the two before
    # or the headline, not only somewhere in the article, as it may be for a person's role.
    from test_answer_types import _rtqa

    from corpusqa.agree import agreement
    from corpusqa.records import Article, Evidence

    body = _rtqa()["rtqa-d7fc099b35b6"]
    title = "Puerto Rico travel restrictions: New entry requirements begin Feb. 2"
    article = Article("a", title, body, "a.txt", "USA Today", "2022-01-28")
    sentence = (
        "Large-scale events can exceed 250 attendees but will need to cap occupancies at 50%."
    )
    start = body.index(sentence)
    e = Evidence(article, (start, start + len(sentence)), 0.5, 0)
    in_headline = need(entities, "How many attendees can large-scale events in Puerto Rico have?")
    assert agreement(in_headline, e) >= 0.5
    far = need(entities, "How many attendees can events that Johns Hopkins University tracks have?")
    assert "Johns Hopkins University" in far.names and "Johns Hopkins University" in body
    assert agreement(far, e) == 0.0


def test_which_option_is_not_so_needs_the_options(entities: Entities) -> None:
    # A quiz question pasted without its options: the answer is whichever option the articles
    # do not name, which cannot be told; the same question asked plainly is answered.
    from corpusqa.answer import Extractive

    body, sentence = _sentence("rtqa-68cbaa175f57", "Garland has three 40-point games")
    read = [_evidence(body, sentence)]
    draft = Extractive(entities).write(
        "All of these players scored 51 points in a loss to Minnesota, except:", read
    )
    assert draft.refused and "options" in draft.text and draft.used == (read[0],)
    draft = Extractive(entities).write("Who scored 51 points in a loss to Minnesota?", read)
    assert "Darius Garland" in draft.text and not draft.refused


def test_a_number_before_a_people_counts_them(entities: Entities) -> None:
    # "500" + "Americans" is a count of Americans, not a name like "Three 6" + "Mafia".
    body, sentence = _sentence("rtqa-67a1b3931348", "More than 500 Americans are on the")
    fits = {
        c.text: c.fit
        for c in _cands(entities, "How many Americans are on the team?", body, sentence)[1]
    }
    assert fits.get("More than 500 Americans") == 1.0


def test_a_bare_number_after_the_question_s_verb_counts_what_it_asks(entities: Entities) -> None:
    # "after scoring 31" for how many points: the number the asked verb takes, though the
    # sentence never writes "points"; "nine rebounds" counts something else.
    body, sentence = _sentence("rtqa-ada40db4397c", "Mitchell just missed a triple-double")
    question = "How many points did Mitchell score in his Cleveland debut?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["31"] >= 0.8 > fits["nine rebounds"]


def test_what_figure_asks_for_any_number(entities: Entities) -> None:
    body, sentence = _span(
        "rtqa-fb66527d994d", "The UN projects the global population", "until 2100."
    )
    question = "At what figure will the global population peak, according to the UN?"
    n, found = _cands(entities, question, body, sentence)
    assert n.kind == "number"
    assert {c.text: c.fit for c in found}["around 10.4 billion people"] == 1.0


def test_another_kind_of_minister_is_not_the_asked_one(entities: Entities) -> None:
    # "Prime Minister" has the asked head, "minister", but says another kind of it.
    body, sentence = _sentence("rtqa-8c8ce8f18fae", "British Prime Minister Rishi Sunak")
    asked = {
        c.text: c.fit
        for c in _cands(entities, "Which British prime minister paid tribute?", body, sentence)[1]
    }
    other = {
        c.text: c.fit
        for c in _cands(entities, "Which British foreign minister paid tribute?", body, sentence)[1]
    }
    assert asked["Rishi Sunak"] >= 0.8 and other["Rishi Sunak"] < 0.5


def test_who_leads_a_thing_is_its_leader(entities: Entities) -> None:
    # The role is a verb in a relative clause: "who directs the ... Center".
    body, sentence = _sentence("rtqa-ae89b79895ce", "Michael Osterholm, who directs the")
    question = "Which Center for Infectious Disease Research and Policy director spoke?"
    fits = {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}
    assert fits["Michael Osterholm"] >= 0.8
    # The asked phrase keeps a name's letters together: "E3G", not "E3" and "G".
    assert "e3g" in need(entities, "Which E3G program leader told CNN?").role


def test_a_name_followed_by_who_is_a_person(entities: Entities) -> None:
    # The small model calls some people organisations ("Pieter de Pous", ORG); ", who directs"
    # says a person. The label is set here so the rule is tested whatever the model says.
    from corpusqa.candidates import candidates
    from corpusqa.entities import Entity

    body, sentence = _sentence("rtqa-5e0e5569d22b", "Phil Cernera, who directs the tribe")
    n = need(entities, "Which lake management department director cited inaction?")
    name = Entity("Phil Cernera", "ORG", 0, len("Phil Cernera"))
    found = candidates(n, sentence, (name,), body, [])
    assert [c.fit for c in found if c.text == "Phil Cernera"][0] >= 0.8


def test_a_share_is_written_as_one(entities: Entities) -> None:
    # "as much as 8 inches", a PERCENT to the small model, is an amount; "how much coal" is not
    # answered by a share.
    body, sentence = _sentence("rtqa-d51d33668d96", "The storm could drop as much as 8 inches")
    fits = {
        c.text: c.fit
        for c in _cands(entities, "How much rain could the storm drop?", body, sentence)[1]
    }
    assert fits["as much as 8 inches"] == 1.0
    body, sentence = _sentence("rtqa-1aad510cb3b9", "Demand for coal is set to grow 1.2%")
    sentence = sentence if "%" in sentence else "Demand for coal is set to grow 1.2% this year."
    fits = {
        c.text: c.fit
        for c in _cands(entities, "How much coal will the world burn?", body, sentence)[1]
    }
    assert fits["1.2%"] < 0.5


def test_a_verb_alone_does_not_refuse(entities: Entities) -> None:
    # When only a verb says what happened, its absence is paraphrase more often than silence:
    # "500 Americans are on the Olympic team" for how many competed. A noun still counts.
    from corpusqa.agree import topic
    from corpusqa.tuning import MIN_TOPIC

    body, sentence = _sentence("rtqa-67a1b3931348", "More than 500 Americans are on the")
    e = _evidence(body, sentence)
    assert topic(need(entities, "How many Americans competed?"), e) >= MIN_TOPIC
    assert topic(need(entities, "How many Americans bought concert tickets?"), e) < MIN_TOPIC


def test_amounts_questions_ask_for_more_forms(entities: Entities) -> None:
    # "what luxury tax threshold" asks for an amount; "by how much will costs increase" for a
    # change, which a percentage is; "passed away" reports a death.
    from corpusqa.agree import predicate

    assert need(entities, "What luxury tax threshold do the players seek?").kind == "number"
    sentence = "The company expects its costs to rise by about 9% next year."
    question = "By how much will the company's costs rise?"
    fits = {c.text: c.fit for c in _cands(entities, question, sentence, sentence)[1]}
    assert fits["about 9%"] == 1.0
    body, said = _span("rtqa-8c8ce8f18fae", "“With sorrow I inform you", "Vatican,”")
    assert predicate(need(entities, "When did Benedict XVI die?"), _evidence(body, said)) == 1.0


def test_a_year_after_an_amount_says_which_year_it_is_for(entities: Entities) -> None:
    from corpusqa.ranking import _owns_number
    from corpusqa.records import Candidate

    body, sentence = _sentence("rtqa-cef0e63a27d8", "Baltimore reported 352 ghost guns")
    n = need(entities, "How many ghost guns did Washington, DC report in 2018?")
    then = Candidate("25", sentence.index("25 in 2018"), 1.0)
    later = Candidate("more than 400", sentence.index("more than 400"), 1.0)
    assert _owns_number(n, sentence, then) == 1.0 and _owns_number(n, sentence, later) == 0.0


def test_a_timeline_date_and_a_month_with_its_year(entities: Entities) -> None:
    # A timeline writes "February 18 - Kim Potter, ...": the date, not the entry it heads;
    # "in what month and year" wants both ("April 2021"), "in what year" a year; a "100-day
    # lockout" is a length, no date.
    body, sentence = _span("rtqa-4cdc9fc4c75c", "February 18 - Kim Potter", "in prison.")
    question = "In what month and year did Kim Potter shoot Daunte Wright?"
    n, found = _cands(entities, question, body, sentence)
    fits = {c.text: c.fit for c in found}
    assert not n.year_only and fits["April 2021"] == 1.0 > fits["February 18"]
    assert need(entities, "In what year did Kim Potter shoot Daunte Wright?").year_only
    sentence = "After a nearly 100-day lockout, the league and the union reached a deal."
    found = _cands(entities, "When did the lockout end?", sentence, sentence)[1]
    assert "100-day" not in {c.text for c in found if c.fit > 0}


def test_a_measure_of_a_month_is_of_that_month(entities: Entities) -> None:
    # "in April, when egg prices soared 10.3%" is no answer to how much they rose in August; a
    # month naming an event ("the February 2021 power crisis") is not asked for.
    from corpusqa.agree import agreement

    body, sentence = _span(
        "rtqa-e35d36ce01d8", "The damage to the egg industry", "seasonal changes."
    )
    e = _evidence(body, sentence)
    assert agreement(need(entities, "How much did egg prices rise in April?"), e) == 1.0
    assert agreement(need(entities, "How much did egg prices rise in August?"), e) < 0.5
    assert not need(entities, "How many died in the February 2021 power crisis?").months


def test_a_name_its_apposition_calls_the_asked_noun(entities: Entities) -> None:
    # "Metaforce, a marketing company": the asked noun three words on, past the reach of the
    # words that follow a name ("the Fairmont Century Plaza hotel").
    body, sentence = _sentence("rtqa-3e3263fe1e88", "The changes may be subtle, but even small")
    question = "Which marketing company did David Camp co-found?"
    fits = [c.fit for c in _cands(entities, question, body, sentence)[1] if c.text == "Metaforce"]
    assert max(fits) == 1.0
    assert need(entities, "What peak did the oil benchmark hit in March?").kind == "number"
    assert need(entities, "At what level should energy bills be capped?").kind == "number"
