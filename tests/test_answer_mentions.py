"""How a sentence mentions what the question asks about: an amount before it changed, a person
by surname, a body by its initials, a speaker by the description the article gave before; on
real RealTime QA sentences that no newsqa-dev or project question uses (the entity model is
the real one)."""

from test_answer_types import (
    _agrees,
    _answer,
    _cands,
    _evidence,
    _sentence,
    _span,
    entities,
    need,
)

from corpusqa.acts import by_its_verb
from corpusqa.agree import predicate
from corpusqa.answer import compose
from corpusqa.descriptions import apposition
from corpusqa.entities import Entities, Entity, _whole_name, _with_percentages
from corpusqa.names import widened
from corpusqa.numerals import roman
from corpusqa.ranking import rank

__all__ = ["entities"]  # the session's entity model, a fixture


def _fits(entities: Entities, question: str, body: str, sentence: str) -> dict[str, float]:
    return {c.text: c.fit for c in _cands(entities, question, body, sentence)[1]}


def test_what_an_amount_was_before_it_changed_is_not_what_it_is(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-006e042a8863", "In 2020, 29% of transactions")
    question = "What share of transactions at food retailers went through self-checkout in 2020?"
    fits = _fits(entities, question, body, sentence)
    assert fits["29%"] == 1.0 and fits["23%"] < 0.5  # "up from 23% the year prior"
    body, sentence = _span("rtqa-7f736bd65232", "The unemployment rate fell from", "Friday.")
    fits = _fits(entities, "What is the unemployment rate?", body, sentence)
    assert fits["3.5%"] == 1.0 and fits["3.7%"] < 0.5  # "fell from 3.7% to 3.5%"
    fits = _fits(entities, "What was the unemployment rate previously?", body, sentence)
    assert fits["3.7%"] == 1.0


def test_a_count_says_what_it_counts_after_as_many_as(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-5794aa992cbc", "Winter weather alerts stretch")
    fits = _fits(entities, "How many homes lost power?", body, sentence)
    assert fits["as many as 80 million people"] < 0.5  # people, not homes
    fits = _fits(entities, "How many people do the winter weather alerts cover?", body, sentence)
    assert fits["as many as 80 million people"] == 1.0


def test_how_much_of_a_mass_noun_is_measured_in_a_unit_of_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-3f6259afce4a", "The storm was expected to dump up to 6")
    fits = _fits(entities, "How much rain was the storm expected to dump?", body, sentence)
    assert fits["up to 6 inches"] == 1.0  # "... of rain"


def test_a_person_the_question_names_is_met_by_the_surname(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-92ac646572a4", "Bills assistant athletic trainer")
    published = "2023-01-05"
    assert _agrees(need(entities, "Where did Bill Walsh coach?"), body, sentence, published) == 0
    n = need(entities, "Where did Denny Kellington work before?")
    assert _agrees(n, body, sentence, published) == 1.0
    # A pope's number is no surname: "Benedict's announcement" names Benedict XVI.
    body, sentence = _span("rtqa-44d375d7baf2", "Pope Benedict XVI, the first pope", "Saturday.")
    n = need(entities, "When did Benedict XVI die?")
    assert n.people == ("Benedict XVI",)
    sentence = "Benedict died Saturday."
    assert _agrees(n, f"{body} {sentence}", sentence, "2023-01-01") == 1.0


def test_a_body_is_met_by_its_initials_just_before(entities: Entities) -> None:
    # "the EU" two sentences after "The European Union": the same body, not another's.
    body = (
        "The European Union has filled its gas storage close to capacity. Gas imports from "
        "Russia plummeted. Stores are now almost 94% full, according to data from a trade group."
    )
    sentence = "Stores are now almost 94% full, according to data from a trade group."
    n = need(entities, "How full are the EU's gas stores?")
    assert n.names == ("EU",) and _agrees(n, body, sentence, "2022-10-26") >= 0.6


def test_a_capitalised_apposition_that_ends_in_a_role_gives_it(entities: Entities) -> None:
    sentence = "“We heard members ask for it,” said Sundar Pichai, Google CEO."
    n, draft = _answer(entities, "Who is Sundar Pichai?", sentence, sentence)
    assert draft.text == "Sundar Pichai, Google CEO [1]." and not draft.refused
    sentence = "Biden spoke with Sens. Elizabeth Warren, Raphael Warnock of Georgia, and others."
    at = sentence.index("Elizabeth")
    warren = Entity("Elizabeth Warren", "PERSON", at, at + len("Elizabeth Warren"))
    assert apposition(sentence, warren) == ""


def test_a_speaker_has_the_role_the_article_gave_before(entities: Entities) -> None:
    # "..., he said." after "Bryan Phillips, director of Moore County Public Safety, said".
    from corpusqa.chunk import previous_sentences
    from corpusqa.people import person_candidates

    body, sentence = _sentence("rtqa-853000131327", "The resident who died was without power")
    n = need(entities, "Which Moore County director said the resident who died was without power?")
    before = previous_sentences(body, body.index(sentence))
    found = person_candidates(n, sentence, entities.of([sentence])[0], body, before, frozenset())
    assert [(c.text, c.fit) for c in found] == [("Bryan Phillips", 0.8)]  # 0.24 for a name only


def test_an_executive_is_any_role_at_the_company(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-72cb39b60775", "But officials have stressed it")
    question = "Which LUMA Energy executive said authorities plan to restore electricity?"
    fits = _fits(entities, question, body, sentence)
    assert fits["Abner Gomez"] >= 0.9  # "head of public safety and crisis management at LUMA"


def test_an_amount_or_date_of_another_clause_is_another_s(entities: Entities) -> None:
    # "..., including Vernon Presley, who died in 1979, and Minnie Mae Presley, who died in 1980."
    body, sentence = _sentence("rtqa-5bcdb639a033", "Family members continued to live")
    n, draft = _answer(entities, "When did Minnie Mae Presley die?", body, sentence)
    assert draft.text.startswith("1980 [1]")
    n, draft = _answer(entities, "When did Vernon Presley die?", body, sentence)
    assert draft.text.startswith("1979 [1]")
    body, sentence = _sentence("rtqa-dfbedff5266a", "President Trump proposed to Melania")
    question = "When did Taylor Swift and Tom Hiddleston's romance begin?"
    assert _answer(entities, question, body, sentence)[1].text.startswith("2016 [1]")


def test_a_chief_executive_is_no_other_role(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-72cb39b60775", "But officials have stressed it")
    fits = _fits(entities, "Who is the chief executive of LUMA Energy?", body, sentence)
    assert fits["Abner Gomez"] < 0.75  # the head of public safety there


def test_a_rate_is_no_sum(entities: Entities) -> None:
    body, sentence = _span("rtqa-9a3fd5ccaaaf", "It includes nearly $53 billion", "families.")
    fits = _fits(entities, "What inflation rate does the law address?", body, sentence)
    assert fits["nearly $53 billion"] < 0.5 and fits["25%"] == 1.0
    fits = _fits(entities, "What is the hourly rate of pay?", body, sentence)
    assert fits["nearly $53 billion"] == 1.0  # a rate of pay may be a sum


def test_a_senator_is_no_member_of_the_house(entities: Entities) -> None:
    from corpusqa.roles import role_fit

    n = need(entities, "Which House Democrat spoke with Biden?")
    assert role_fit(n, "Senate Majority Leader the New York Democrat") == 0.3
    assert role_fit(n, "Rep. the New York Democrat") > 0.3  # no House, but not another chamber
    # "top White House officials" are the president's; the senator is still a senator.
    _, sentence = _sentence("rtqa-c67d3957fb6d", "He and top White House officials")
    assert role_fit(n, sentence) == 0.3


def test_a_size_before_a_noun_does_not_count_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-bde85f201851", "He says people go online")
    fits = _fits(entities, "How many boxes of peaches do people line up to get?", body, sentence)
    assert fits["25-pound boxes"] < 0.5  # a box's weight, not how many boxes
    body, sentence = _sentence("rtqa-6ba3c7bb0dc1", "7 million 40-pound boxes")
    fits = _fits(entities, "How many boxes were there?", body, sentence)
    assert fits["7 million 40-pound boxes"] == 1.0 and fits.get("40-pound boxes", 0) < 0.5


def test_a_place_is_no_person_for_want_of_a_named_one(entities: Entities) -> None:
    # No one is named, so the "..., he said" fallback looks for a capitalised name: "Lee
    # County", which the entity model calls a place, is none.
    body, sentence = _sentence("rtqa-51684574959d", "Most were in Lee County")
    assert _fits(entities, "Who lived in Fort Myers?", body, sentence) == {}


def test_a_part_of_the_day_is_no_time_of_day(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-3b1bf1251f70", "Many other leaders arrived Monday")
    fits = _fits(entities, "At what time did the other leaders arrive?", body, sentence)
    assert fits["morning"] < 0.5
    fits = _fits(entities, "At what time did they arrive?", body, "They arrived at 9:30 a.m.")
    assert fits["9:30 a.m."] == 1.0


def test_what_was_done_does_not_date_what_will_be(entities: Entities) -> None:
    from corpusqa.tense import reports_past

    _, done = _sentence("rtqa-a153cd417d57", "The committee voted Wednesday")
    _, to_come = _sentence("rtqa-f40c97696a1c", "The House will vote late Wednesday")
    will = need(entities, "When will the committee vote on its mask mandate?")
    assert reports_past(will, done) and not reports_past(will, to_come)
    assert not reports_past(need(entities, "When did the committee vote?"), done)


def test_a_duration_is_answered_whole_not_by_its_last_units(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9477c2830e7d", "Berlin Marathon incorrectly reported")
    question = "How long did Emmanuel Mutai take to run the 2011 Boston Marathon?"
    assert list(_fits(entities, question, body, sentence)) == ["2 hours, 3 minutes, 2 seconds"]


def test_who_did_it_is_read_where_the_sentence_says_it_was_done(entities: Entities) -> None:
    from corpusqa.roles import act_forms, tells_the_act

    def tells(question: str, sentence: str) -> bool:
        return tells_the_act(act_forms(need(entities, question)), sentence, "")

    body, renamed = _sentence("rtqa-f3df55015f4c", "Because of lackluster sales, Copeland")
    _, founded = _sentence("rtqa-f3df55015f4c", "Popeyes was founded in 1972")

    def checked(question: str, sentence: str) -> set[str]:
        e = _evidence(body, sentence, "2023-01-20")
        ranked = rank(need(entities, question), [e], entities.of([sentence]))
        return {x.candidate.text for x in ranked if x.checked}

    # A sentence on how Copeland renamed it says nothing of who founded it.
    assert not checked("Who founded Popeyes?", renamed)
    assert "Al Copeland" in checked("Who founded Popeyes?", founded)
    assert "Copeland" in checked("Who renamed the restaurant Popeyes?", renamed)
    # The act in other words: who founded the chain is who it "was started by".
    _, started = _span("rtqa-f3df55015f4c", "Applebee's was started by Bill", "1980.")
    assert checked("Who founded Applebee's?", started)
    assert not checked("Who designed Applebee's?", started)
    # and a past form of another shape: who "wrote" it is who it was "written by".
    body, sentence = _sentence("rtqa-3b1bf1251f70", "The music during the funeral will be sung")
    assert tells("Who wrote The Sentences?", sentence)
    assert not tells("Who designed The Sentences?", sentence)
    # and in the words news reports it in: a speaker is elected by winning the speakership.
    _, sentence = _sentence("rtqa-f40c97696a1c", "But it is highly unlikely that Jeffries")
    assert tells("Who will be elected speaker?", sentence)
    assert not tells("Who will be appointed speaker?", sentence)


def test_a_word_of_a_longer_name_is_not_the_name(entities: Entities) -> None:
    # "The Arizona Daily Sun reported ...": a question on what the Arizona Gazette reported
    # is not met by the "Arizona" of another paper's name.
    body, sentence = _sentence("rtqa-ef83a2b18f72", "The Arizona Daily Sun reported")
    sun = need(entities, "How much more will the project cost, the Arizona Daily Sun reported?")
    gazette = need(entities, "How much more will the project cost, the Arizona Gazette said?")
    assert gazette.names == ("the Arizona Gazette",)
    assert _agrees(sun, body, sentence, "2022-12-20") == 1.0
    assert _agrees(gazette, body, sentence, "2022-12-20") < 0.5


def test_a_refused_who_question_says_what_is_not_reported(entities: Entities) -> None:
    from corpusqa.answer import Extractive

    body, renamed = _sentence("rtqa-f3df55015f4c", "Because of lackluster sales, Copeland")
    draft = Extractive(entities).write("Who founded Popeyes?", [_evidence(body, renamed)])
    assert draft.refused and draft.text.endswith("[1], but not who founded Popeyes.")
    # "Who did Gordon Brown replace?" would read "but not who did ...": it says nothing more.
    assert need(entities, "Who did Gordon Brown replace?").unsaid == ""


def test_the_verb_after_does_is_what_is_asked(entities: Entities) -> None:
    # "What clinic does X work for?": the small parser may make "work" a clause of "does"; it
    # is the question's verb, which news writes as "X, a dietitian at Y" as often as not.
    body, sentence = _sentence("rtqa-1318a876eb38", "Katherine Zeratsky, a registered")
    n, draft = _answer(
        entities, "What clinic does Katherine Zeratsky work for?", body, sentence, "2022-12-01"
    )
    assert n.verbs == ("work",)
    assert not draft.refused and draft.text.startswith("Mayo Clinic [1]")
    # ... or a clause of "does" ("ccomp"), for other names.
    body, sentence = _span("rtqa-466b5c22f044", "“People are asking one another", "Committee.")
    n, draft = _answer(
        entities, "What company does Baruch Fischhoff work for?", body, sentence, "2022-07-11"
    )
    assert n.verbs == ("work",)
    assert not draft.refused and draft.text.startswith("Carnegie Mellon University [1]")


def test_a_word_capitalised_only_by_its_place_is_no_name(entities: Entities) -> None:
    # The entity model calls the "Vaccines" that opens a sentence a company; the article
    # writes "vaccines" in lower case and never capitalised mid-sentence.
    body, sentence = _sentence("rtqa-466b5c22f044", "Vaccines are still expected")
    assert ("Vaccines", "ORG") in {(e.text, e.label) for e in entities.of([sentence])[0]}
    assert "Vaccines" not in _fits(
        entities, "Which company makes the new boosters?", body, sentence
    )


def test_a_hashtag_is_a_name(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-68535b3cac96", "The past few years have brought the #")
    fits = _fits(entities, "What hashtag protested the scarcity of female winners?", body, sentence)
    assert fits["#GrammysSoMale"] == 1.0


def test_an_efficacy_is_a_share_of_what_it_is_against(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-ae89b79895ce", "Up to 14 weeks, boosters were")
    question = "What effectiveness against severe disease did boosters keep for 14 weeks?"
    assert need(entities, question).kind == "number"
    assert _fits(entities, question, body, sentence)["90%"] == 1.0
    # ... of what it is measured against, as a share is of its whole.
    question = "What effectiveness against infection did boosters keep for 14 weeks?"
    assert _fits(entities, question, body, sentence)["90%"] < 0.5
    body, sentence = _sentence("rtqa-ae89b79895ce", "So, based on random blood samples")
    fits = _fits(entities, "What share of Americans may have some immunity?", body, sentence)
    assert fits["95%"] == 1.0
    fits = _fits(entities, "What share of children may have some immunity?", body, sentence)
    assert fits["95%"] < 0.5


def test_the_company_is_the_one_named_just_before(entities: Entities) -> None:
    from corpusqa.answer import Extractive

    def answer(article_id: str, begins: str, question: str) -> str:
        body, sentence = _sentence(article_id, begins)
        return Extractive(entities).write(question, [_evidence(body, sentence)]).text

    # "..., the company said": the organisation the sentence before opens with.
    asked = "Which company said customers should expect service on their next scheduled day?"
    said = answer("rtqa-aa6344118a4f", "Customers should expect service", asked)
    assert said.startswith("Waste Management [1]")
    asked = "Which company said two 25-microgram doses gave children a similar immune response?"
    assert answer("rtqa-125696785575", "Two 25-microgram doses", asked).startswith("Moderna [1]")
    # A ticker after the name; Boeing, named the sentence before that, is not "the company".
    asked = "Which company suspended support services to Russian airlines?"
    said = answer("rtqa-f97c4ae896b0", "In a statement, the company said it has", asked)
    assert said.startswith("Airbus [1]")


def test_a_sum_of_a_named_kind_is_written_with_its_word(entities: Entities) -> None:
    from test_answer_types import _span

    # "to $4.61 billion" is Shopify's sales, its revenue; it is no severance and no salary.
    body, sentence = _span("rtqa-383e37b14f79", "Sales leapt 86% between", "last year.")
    asked = "How much revenue did Shopify make last year?"
    assert _fits(entities, asked, body, sentence)["$4.61 billion"] == 1.0
    for asked in ("How much severance did Shopify pay?", "What salary does Shopify pay?"):
        assert _fits(entities, asked, body, sentence)["$4.61 billion"] < 0.5


def test_what_is_to_come_is_dated_with_its_own_verb(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-aa6344118a4f", "Brightline and Brightline+ will resume")
    _, draft = _answer(entities, "When will Brightline resume regular operations?", body, sentence)
    assert draft.text.startswith("Thursday [1]")
    # The same Thursday does not say when it will suspend them.
    _, draft = _answer(entities, "When will Brightline suspend regular operations?", body, sentence)
    assert draft.refused


def test_a_word_will_helps_is_a_verb(entities: Entities) -> None:
    # The small parser tags "vote" a noun in "When will the public vote on ...?"; "will"
    # makes it the verb, which the sentence dating what is to come must say.
    body, sentence = _sentence("rtqa-ef7052fb946f", "Residents of Newtonsville and Amelia")
    n, draft = _answer(
        entities, "When will the public vote on dissolving the villages?", body, sentence
    )
    assert n.verbs == ("vote",) and draft.text.startswith("Tuesday [1]")
    _, draft = _answer(
        entities, "When will the public celebrate dissolving the villages?", body, sentence
    )
    assert draft.refused


def test_when_is_the_deadline_is_dated_where_the_deadline_is(entities: Entities) -> None:
    asked = "When is the deadline to apply to Chocolate University?"
    n = need(entities, asked)
    assert n.event == "deadline"
    body, sentence = _sentence("rtqa-62bd8fae83a8", "The deadline to apply is")
    assert _answer(entities, asked, body, sentence, "2019-09-27")[1].text.startswith("Monday [1]")
    # "an overseas trip next summer" dates the trip, not the deadline for applications.
    body, sentence = _sentence("rtqa-62bd8fae83a8", "Chocolate University, a partnership")
    asked = "When is the application deadline for the overseas trip?"
    assert _answer(entities, asked, body, sentence, "2019-09-27")[1].refused
    assert need(entities, "When was the first modern Olympics?").event == ""  # a name


def test_a_number_saying_who_spoke_counts_nothing(entities: Entities) -> None:
    # "two officials told CNN" says who spoke, not how many of anything there are.
    body, sentence = _sentence("rtqa-9948260c4e1a", "The UK is also still deciding")
    fits = _fits(
        entities, "How many officials are deciding whether to send the systems?", body, sentence
    )
    assert fits and all(fit < 0.5 for text, fit in fits.items() if text.startswith("two"))


def test_an_apostrophe_inside_a_word_closes_no_quote(entities: Entities) -> None:
    # "“As of now, I don’t think ...": no title "As of now, I don".
    body, sentence = _sentence("rtqa-47c76e402b12", "“As of now, I don")
    fits = _fits(entities, "Which report did the experts discuss?", body, sentence)
    assert not [text for text in fits if text.endswith(" don")]


def test_a_people_is_no_place(entities: Entities) -> None:
    # "Italian defender Tarcisio Burgnich": what he belongs to, a people, is no place.
    body, sentence = _sentence("rtqa-d913f1dabb21", '"Before the match, I told myself')
    question = "Which city did defender Tarcisio Burgnich play for?"
    assert "Italian" not in _fits(entities, question, body, sentence)


def test_what_a_number_was_or_changed_by_is_not_what_it_is(entities: Entities) -> None:
    # "originally consisted of 12 teams": what the league was, not what it is.
    body, sentence = _sentence("rtqa-0663f7e1ebb0", "The league originally consisted")
    assert _fits(entities, "How many teams does the league have?", body, sentence)["12 teams"] < 0.5
    assert (
        _fits(entities, "How many teams did the league originally have?", body, sentence)[
            "12 teams"
        ]
        == 1.0
    )
    # "increased by 35 mph": a change, not the speed.
    body, sentence = _sentence("rtqa-609a48a6a7ab", "The storm’s maximum wind speed increased")
    fits = _fits(entities, "How fast was the storm's maximum wind speed?", body, sentence)
    assert fits["35 mph"] < 0.5
    fits = _fits(
        entities, "By how much did the storm's maximum wind speed increase?", body, sentence
    )
    assert fits["35 mph"] == 1.0
    # "met ... last week" says when, not how long.
    body, sentence = _sentence("rtqa-9948260c4e1a", "Pentagon officials met with the CEO")
    fits = _fits(entities, "How long did the Pentagon officials meet with the CEO?", body, sentence)
    assert fits["last week"] < 0.5


def test_a_time_with_no_date_or_length_in_it_is_no_answer(entities: Entities) -> None:
    # "met with Musk earlier this week": when, and no number of days or weeks in it.
    body, sentence = _sentence("rtqa-e517ed8de995", "“You’re really saying")
    fits = _fits(entities, "How long did civil society leaders meet with Musk?", body, sentence)
    assert all(fit < 0.5 for text, fit in fits.items() if "earlier this week" in text), fits
    # "in the coming weeks" says no date; "the year ending March 2022" does.
    body, sentence = _sentence("rtqa-c74763b5ec99", "An ongoing initiative")
    question = "When is the initiative on the forest's future slated to wrap up?"
    assert _fits(entities, question, body, sentence)["the coming weeks"] < 0.5
    body, sentence = _sentence("rtqa-c1399dcf70a8", "Synthetic opioids, including")
    fits = _fits(entities, "When did the year of the fentanyl figures end?", body, sentence)
    assert fits["the year ending March 2022"] == 1.0
    # "two weeks ago" is a length of time, for "how long ago".
    body, sentence = _sentence("rtqa-d142d462ecc2", "Paul Pelosi was released")
    question = "How long ago was Paul Pelosi released from the hospital?"
    assert _fits(entities, question, body, sentence)["two weeks ago"] == 1.0


def test_applying_is_an_event_its_sentence_must_report(entities: Entities) -> None:
    n = need(entities, "When did Ukraine apply to join the EU?")
    body, signed = _sentence("rtqa-ada813f2c02c", "Ukrainian President Volodymyr Zelenskyy signed")
    _, weeks = _sentence("rtqa-ada813f2c02c", "Ukraine could become part of the European")
    assert predicate(n, _evidence(body, signed)) == 1.0  # "signed Ukraine's application"
    assert predicate(n, _evidence(body, weeks)) == 0.0  # "... the president ... said Sunday"


def test_a_number_written_out_counts_as_digits_do(entities: Entities) -> None:
    # "killing seven": a count of the killed, whether written "7" or "seven".
    body, sentence = _sentence("rtqa-ebe899131899", "People in Lake County")
    fits = _fits(entities, "How many people did the parade shooting kill?", body, sentence)
    assert fits["seven"] >= 0.8
    # "said one of the sources" says who spoke.
    body, sentence = _sentence("rtqa-9b429a4c1a9a", "The Chinese Communist Party leadership")
    fits = _fits(entities, "How many party leaders agree on how to respond?", body, sentence)
    assert all(fit < 0.5 for text, fit in fits.items() if text.startswith("one"))


def test_initials_are_met_inside_a_longer_run_of_capitals(entities: Entities) -> None:
    # "the US Centers for Disease Control and Prevention": "US" opens the run, "CDC" is in it.
    body, sentence = _sentence("rtqa-4218fbdd358a", "The US Centers for Disease Control")
    n = need(entities, "How many new coronavirus cases are due to this subvariant, says the CDC?")
    assert _agrees(n, body, sentence, "2022-06-01") == 1.0
    n = need(entities, "How many new coronavirus cases are due to this subvariant, says the FDA?")
    assert _agrees(n, body, sentence, "2022-06-01") < 1.0


def test_a_share_may_be_written_in_words(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-2a9493bfe985", "About two-thirds of students")
    fits = _fits(entities, "What share of students in Utah are Mormon?", body, sentence)
    assert fits["About two-thirds"] == 1.0
    # The small model splits "one in four" into "one" and "four adults".
    body, sentence = _sentence("rtqa-37162cfabeee", "But only about one in four")
    question = "What share of US adults over 50 have gotten their second boosters?"
    assert _fits(entities, question, body, sentence) == {"only about one in four": 1.0}


def test_a_surname_the_small_model_calls_a_company_is_no_organisation(entities: Entities) -> None:
    # The article writes "DC Police Chief Robert Contee told reporters"; here the model tags
    # "Contee" ORG.
    body, sentence = _sentence("rtqa-ebf7ecdade67", "Officers responded and contained the area")
    assert ("Contee", "ORG") in {(e.text, e.label) for e in entities.of([sentence])[0]}
    assert "Contee" not in _fits(
        entities, "Which organisation shut down the concert?", body, sentence
    )
    # "said Leniza Costa, a beauty influencer": a person, though tagged ORG here.
    body, sentence = _sentence("rtqa-84fceae79e90", "Costa won’t shop at Dollar Tree")
    fits = _fits(entities, "Which company will shop less often at Dollar Tree?", body, sentence)
    assert "Costa" not in fits and fits["Walmart"] == 1.0


def test_a_length_of_time_is_no_date(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9a9e93539770", "Incarcerated at 17, Jule Hall")
    fits = _fits(entities, "When did Jule Hall leave prison?", body, sentence)
    assert "more than 20 years" not in fits and fits["Monday"] > 0  # "spent more than 20 years"
    sentence = "The cuts will be made in two years, and the plant will close three months later."
    fits = _fits(entities, "When will the cuts be made?", sentence, sentence)
    assert fits["two years"] > 0  # "in two years" says when


def test_a_light_verb_is_dated_by_what_it_says_happens(entities: Entities) -> None:
    # "When will the raises take effect?": what takes effect is dated with "effect".
    body, vote = _sentence("rtqa-7ab5c4bc3c9d", "Madison: Pay raises for state employees")
    _, effect = _sentence("rtqa-7ab5c4bc3c9d", "Democrats had been calling on Republicans")
    n = need(entities, "When will the raises take effect?")
    assert predicate(n, _evidence(body, effect)) == 1.0
    assert predicate(n, _evidence(body, vote)) == 0.0  # the vote's date, not the raises'


def test_a_name_the_article_has_only_a_word_of_is_not_met(entities: Entities) -> None:
    # Another crash's article: "Airlines" is in it, "Ethiopian Airlines" is not.
    body, sentence = _sentence("rtqa-0c60ffc70890", "The China Eastern Airlines plane was a Boeing")
    n = need(entities, "What type of aircraft was the Ethiopian Airlines plane?")
    assert _agrees(n, body, sentence, "2022-03-21") == 0.0
    n = need(entities, "What type of aircraft was the China Eastern plane?")
    assert _agrees(n, body, sentence, "2022-03-21") == 1.0


WORKERS = ("rtqa-504272fef17b", "Nationally in 2019", "occupational diseases.")


def test_a_count_ends_before_the_question_verb(entities: Entities) -> None:
    # "... and an estimated 90,000 died from occupational diseases": 90,000 counts no "died".
    body, sentence = _span(*WORKERS)
    fits = _fits(entities, "How many workers died from occupational diseases?", body, sentence)
    assert "an estimated 90,000" in fits and "an estimated 90,000 died" not in fits
    # A plural is counted, though it has the question verb's stem.
    sentence = "The manager made six mound visits in the first inning."
    fits = _fits(entities, "How many times did the manager visit the mound?", sentence, sentence)
    assert "six mound visits" in fits


def test_what_a_count_counts_follows_its_number(entities: Entities) -> None:
    # "an estimated 90,000" counts no "estimated"s: a bare count of the asked-for workers.
    body, sentence = _span(*WORKERS)
    fits = _fits(entities, "How many workers died from occupational diseases?", body, sentence)
    assert fits["an estimated 90,000"] >= 0.8
    assert fits["5,333 workers"] == 1.0


def test_a_number_is_read_in_the_clause_of_the_question_verb(entities: Entities) -> None:
    # "5,333 workers were killed on the job, and an estimated 90,000 died from ..."
    body, sentence = _span(*WORKERS)
    read = [_evidence(body, sentence, "2022-04-28")]
    found = entities.of([sentence])
    died = rank(need(entities, "How many workers died from occupational diseases?"), read, found)
    killed = rank(need(entities, "How many workers were killed on the job?"), read, found)
    assert died[0].candidate.text == "an estimated 90,000"
    assert killed[0].candidate.text == "5,333 workers"


def test_a_time_just_after_the_question_verb_is_by_it(entities: Entities) -> None:
    # "took off at 1:11 p.m. local time and was scheduled to arrive at 3:05 p.m., but air
    # traffic controllers lost track of the plane around 2:15 p.m."
    body, sentence = _span("rtqa-30c0799e5743", "The flight took off", "China Daily.")
    question = "When was the China Eastern flight scheduled to arrive?"
    n, found = _cands(entities, question, body, sentence)
    assert {c.text for c in found if by_its_verb(n, sentence, c)} == {"3:05 p.m."}


def test_a_number_that_names_one_is_no_count(entities: Entities) -> None:
    # "Griner, a six-time WNBA all-star, wears No. 42 for the Mercury."
    body, sentence = _span("rtqa-c21b22646ae2", "Near the end of the tribute", "the Mercury.")
    fits = _fits(entities, "What jersey number does Griner wear for the Mercury?", body, sentence)
    assert fits == {"42": 1.0}
    fits = _fits(entities, "How many times has Griner been a WNBA all-star?", body, sentence)
    assert fits["six-time WNBA all-star"] == 1.0


def test_how_old_needs_no_word_old(entities: Entities) -> None:
    # "Judy Genshaft, 71, is retiring ...": the age, with no "old" in the sentence.
    body, sentence = _sentence("rtqa-929eca20aebb", "Judy Genshaft, 71,")
    n, draft = _answer(entities, "How old is Judy Genshaft?", body, sentence)
    assert not draft.refused and draft.text.startswith("71 ")
    assert "old" not in n.relation


def test_a_measure_written_as_an_adjective_ends_at_its_unit(entities: Entities) -> None:
    body, sentence = _span("rtqa-714ba3e5db24", "They include Trump's ongoing suit", "flag pole.")
    assert "80-foot" in _fits(entities, "How tall was the flag pole at Mar-a-Lago?", body, sentence)


def test_a_name_cut_after_its_and_goes_on(entities: Entities) -> None:
    # The small model ends the name at "... of County and".
    body, sentence = _sentence("rtqa-564f8ff6d7c9", "As the launch approaches")
    names = {e.text for e in widened(sentence, entities.of([sentence])[0], body)}
    assert "the National Association of County and City Health Officials" in names


def test_the_part_played_follows_as(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-424683aa60ba", "The semi-autobiographical film stars")
    question = "Which character does Gabriel LaBelle play in the semi-autobiographical film?"
    n, draft = _answer(entities, question, body, sentence, "2022-11-23")
    assert not draft.refused and draft.text.startswith("Sammy Fabelman")
    fits = _fits(entities, "Which role does Gabriel LaBelle play?", body, sentence)
    assert fits.get("Sammy Fabelman") == 1.0


def test_a_quoted_title_is_a_name_of_the_question(entities: Entities) -> None:
    # The small model names none of these titles in the question.
    body, sentence = _sentence("rtqa-27a229827dee", "Julia Roberts and George Clooney revived")
    for title in ("Mars Needs Moms", "Babylon"):  # "Babylon" is elsewhere in the article
        n, draft = _answer(
            entities, f"How much did '{title}' earn at the box office?", body, sentence
        )
        assert n.names == (title,) and draft.refused
    question = "How much did 'Ticket to Paradise' earn at the global box office?"
    n, draft = _answer(entities, question, body, sentence, "2022-12-12")
    assert not draft.refused and draft.text.startswith("nearly $170 million")


def test_an_initial_ends_no_sentence_of_the_question(entities: Entities) -> None:
    # "Samuel D. Hunter": the question's verb comes before the initial's dot.
    n = need(entities, "At which festival did Fraser speak with Samuel D. Hunter about the film?")
    assert n.verbs == ("speak",)
    assert need(entities, "Who is Samuel D. Hunter?").kind == "identity"
    assert need(entities, "Brendan Fraser won. Who is Samuel D. Hunter?").kind == "identity"


def test_a_name_is_met_by_the_words_that_tell_it(entities: Entities) -> None:
    # "new hospital admissions" does not name New York; the article does, elsewhere.
    body, sentence = _sentence("rtqa-0cbef8a93ae3", "Boston hospitals had 170 new")
    n = need(entities, "How many hospital admissions did New York record last week?")
    assert n.names == ("New York",) and _agrees(n, body, sentence, "2022-10-10") == 0
    n = need(entities, "How many hospital admissions did Boston record last week?")
    assert _agrees(n, body, sentence, "2022-10-10") == 1.0


def test_a_state_is_no_district_and_a_day_no_town(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-b056924c7690", "A number of Northeast states")
    fits = _fits(
        entities, "Which school districts set timelines for ending mask mandates?", body, sentence
    )
    assert fits and max(fits.get(s, 0.0) for s in ("New Jersey", "Delaware")) <= 0.3
    # "On Wednesday, Massachusetts announced ...": no town called "On Wednesday".
    body, sentence = _sentence("rtqa-b056924c7690", "On Wednesday, Massachusetts announced")
    assert not {"On Wednesday", "Wednesday"} & set(
        _fits(entities, "In which town?", body, sentence)
    )


def test_a_part_played_is_no_title(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-27a229827dee", "Jessica Chastain earned her eighth")
    fits = _fits(
        entities, "Which role did Jessica Chastain play in the miniseries?", body, sentence
    )
    assert fits["Tammy Wynette"] == 1.0
    titles = [fit for text, fit in fits.items() if "George & Tammy" in text]
    assert titles and max(titles) <= 0.3


def test_a_rate_is_no_count_unless_asked(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-942d7d939a9d", "The country has averaged 1,646")
    question = "How many Covid-19 deaths did the country report last week?"
    assert _fits(entities, question, body, sentence)["1,646 Covid-19 deaths"] < 0.5  # "a day"
    for asked in ("How many Covid-19 deaths a day", "How many daily Covid-19 deaths"):
        fits = _fits(entities, f"{asked} has the country averaged?", body, sentence)
        assert fits["1,646 Covid-19 deaths"] >= 0.9


def test_a_zero_width_space_is_a_space_to_the_rules(entities: Entities) -> None:
    # "Murray (\u200b\u200bBrett Gelman)": the answer is the name, without the invisible characters
    body, sentence = _span("rtqa-313cf56eb107", "It’s also worth mentioning Murray", "thrower.")
    read = _evidence(body, sentence, "2022-07-02")
    assert read.text == sentence.replace("\u200b", " ")
    draft = compose(need(entities, "Who plays Murray?"), [read], entities.of([read.text]))
    assert draft.text == "Brett Gelman [1]."


def test_nights_are_a_unit_of_time(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-6b4582f9ad8b", "Piers Morgan Uncensored: 90 Minutes")
    fits = _fits(
        entities, "Over how many nights will the Ronaldo interview be shown?", body, sentence
    )
    assert fits["two nights"] == 1.0 and max(v for k, v in fits.items() if k != "two nights") < 0.5


def test_a_broadcaster_may_be_an_organisation(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-20d81d824df4", "But in May last year, US broadcaster NBC")
    fits = _fits(entities, "Which broadcaster ruled out screening the ceremony?", body, sentence)
    assert fits == {"NBC": 1.0}  # "US broadcaster NBC"


def test_every_percentage_in_figures_is_one(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-07e95fac94ab", "Statewide, the percentage of Missouri")
    question = "What share of Missouri residents had received at least one vaccine shot?"
    assert _fits(entities, question, body, sentence).get("37%") == 1.0  # missed by the model
    # The model's other miss: only the hedge tagged, as MONEY ("no more than" | "0.01%").
    text = "Humans account for no more than 0.01% of total biomass."
    hedge = Entity("no more than", "MONEY", 19, 31)
    assert _with_percentages(text, [hedge]) == [Entity("no more than 0.01%", "PERCENT", 19, 37)]


def test_a_count_per_day_asked_is_not_a_years_count(entities: Entities) -> None:
    body, sentence = _span("rtqa-8366f5a657c3", "More American babies are born", "history.")
    per_day = _fits(
        entities, "How many American babies were born each day in 1946?", body, sentence
    )
    assert per_day["3.4 million"] < 0.5
    in_all = _fits(entities, "How many American babies were born in 1946?", body, sentence)
    assert in_all["3.4 million"] >= 0.8


def test_a_number_before_a_name_and_a_plural_counts(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-d5a77916c7cd", "During World War I, about 250")
    fits = _fits(entities, "How many Salvation Army officers went to Europe?", body, sentence)
    assert fits == {"about 250 Salvation Army officers": 1.0}  # not the name "250 Salvation Army"
    body, sentence = _sentence("rtqa-cc6295c0070b", "An additional 45 Kmart stores")
    fits = _fits(entities, "How many Kmart stores will close in late January 2018?", body, sentence)
    assert fits["45 Kmart stores"] == 1.0


def test_an_illness_may_be_written_as_a_disease_or_a_cancer(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-eb509fa89405", "Pelé had undergone treatment for colon")
    fits = _fits(entities, "What illness had Pelé been treated for?", body, sentence)
    assert fits.get("colon cancer", 0.0) >= 0.5


def test_a_name_goes_on_after_its_hyphen(entities: Entities) -> None:
    # The model's miss, in a newsqa-types16 article: "Han Duck" of "Han Duck-soo".
    body, sentence = _sentence("rtqa-b242a814516a", "Prime Minister Han Duck-soo later")
    people = {e.text for e in entities.of([sentence])[0] if e.label == "PERSON"}
    assert people == {"Han Duck-soo"}
    assert _whole_name(sentence, Entity("Han Duck", "PERSON", 15, 23)).text == "Han Duck-soo"
    # "-style", "-like", "-led" are no syllables of a name.
    body, sentence = _sentence("rtqa-35d52e13933d", "Rolling Stone responded with a four-star")
    assert not {e.text for e in entities.of([sentence])[0]} & {"David Bowie-like"}
    assert _whole_name("John Cooper-led", Entity("John Cooper", "PERSON", 0, 11)).end == 11


def test_a_name_right_after_the_asked_noun_is_one_of_it(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9bf463c58aa9", "GNC furloughed")
    question = "Which rating agency downgraded GNC's credit rating?"
    assert _fits(entities, question, body, sentence) == {"Fitch": 1.0}  # tagged a person
    body, sentence = _sentence("rtqa-ff78f274d3c1", "Delta Air Lines offers flights")
    fits = _fits(entities, "Which airline cited the country's new travel measures?", body, sentence)
    assert not any("Hauenstein" in name for name in fits)  # "airline President Glen Hauenstein"


def test_several_is_no_count(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-c2751e6d10fd", "Samá spent several months")
    fits = _fits(entities, "How many months did Samá spend in the area?", body, sentence)
    assert fits["several months"] < 0.5


def test_a_city_in_one_state_is_in_no_other(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-12083e9f5a16", "But New York needs to do much more")
    assert _fits(entities, "Which city in Vermont must do more on climate?", body, sentence) == {
        "New York": 0.3
    }
    assert _fits(entities, "Which city must do more on climate?", body, sentence) == {
        "New York": 1.0
    }
    # "a Rhode Islander" is a person of a state, no place.
    body, sentence = _sentence("rtqa-738bde94c889", "A ticket sold in Texas won")
    fits = _fits(
        entities, "In which city was the $3 million Megaplier ticket sold?", body, sentence
    )
    assert "Rhode Islander" not in fits


def test_a_place_written_right_after_the_asked_noun(entities: Entities) -> None:
    # In a newsqa-types16 article: the model tags no "Itaewon" in this sentence at all.
    body, sentence = _sentence("rtqa-b242a814516a", "Tens of thousands of costumed")
    fits = _fits(entities, "Which neighborhood did the partygoers pour into?", body, sentence)
    assert fits["Itaewon"] == 1.0
    body, sentence = _sentence("rtqa-88e104425723", "The county Board of Water Supply")
    fits = _fits(entities, "Which county voted to study the issue?", body, sentence)
    assert all(fit < 1.0 for fit in fits.values())  # "the county Board of ..." names no county


def test_a_suburb_of_a_city_is_not_the_city(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-6a0ab785db6f", "“We thought 2021 was going to be better")
    fits = _fits(entities, "In which town does Denise Wall live?", body, sentence)
    assert fits["Kansas City"] == 0.3  # "the Kansas City suburb of Shawnee"


def test_a_hyphened_role_meets_the_question_split_at_its_hyphen(entities: Entities) -> None:
    body, sentence = _span("rtqa-4320710c30c0", "I definitely love being a big", "Knowles.")
    fits = _fits(entities, "Which Grammy-nominated singer is her little sister?", body, sentence)
    assert fits["Solange Knowles"] == 1.0  # "Grammy-nominated singer Solange Knowles"


def test_a_concession_is_a_clause_of_its_own(entities: Entities) -> None:
    # "While about 12% of total imports came from China last year, the country was responsible
    # for 80% of imported laptops ...": the share of imports is in the first clause.
    body, sentence = _sentence("rtqa-9965538691d5", "While about 12% of total imports")
    n = need(entities, "What share of Germany's total imports came from China last year?")
    ranked = rank(n, [_evidence(body, sentence, "2022-11-04")], entities.of([sentence]))
    assert ranked[0].candidate.text == "about 12%"


def test_where_the_question_verb_happened_is_a_place(entities: Entities) -> None:
    # "He grew up in Burlington": the model calls Burlington an ORG; "grew" is "grow".
    body, sentence = _sentence("rtqa-c4e221b05852", "He grew up in Burlington")
    assert _fits(entities, "In which town did he grow up?", body, sentence)["Burlington"] == 1.0


def test_millions_of_dollars_is_no_sum_and_funding_is_money(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-710ce107c85b", "Boone Pickens, who donated")
    fits = _fits(entities, "How much did Boone Pickens donate to his alma mater?", body, sentence)
    assert fits["hundreds of millions of dollars"] == 0.3
    body, sentence = _span(
        "rtqa-2e236b8dbb11", "There are 33 states currently funded", "commercial"
    )
    question = "How much funding does the CDC give states for wastewater testing?"
    assert max(_fits(entities, question, body, sentence).values()) < 0.5  # counts, no sums


def test_a_roman_numeral_is_its_number(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-9c224fdbb1b4", "Harris was a four-time Super Bowl champion")
    assert roman(sentence) == ["9"]  # "MVP honors in Super Bowl IX"
    assert roman("Pope Benedict XVI and Super Bowl LVI, but not IV alone") == ["16", "56"]


def test_a_measure_as_an_adjective_describes_its_noun(entities: Entities) -> None:
    body, sentence = _span("rtqa-f15857a64d61", "This was for fit people", "barbells.")
    lost = _fits(entities, "How many pounds did he lose?", body, sentence)
    weigh = _fits(entities, "How many pounds do the barbells weigh?", body, sentence)
    assert lost["10-pound barbells"] < 0.5 <= weigh["10-pound barbells"]
    body, sentence = _sentence("rtqa-976b8c83c823", "travelers flying into Hawaii")
    days = _fits(entities, "How many days does the quarantine in Hawaii last?", body, sentence)
    assert days["10-day quarantine"] == 1.0


def test_a_count_of_a_named_person_needs_the_person(entities: Entities) -> None:
    body, sentence = _sentence("rtqa-4ae1bbfd67aa", "Jennifer Hudson's And I Am")
    n = need(entities, "How many copies did Beyonce's cover of the Jennifer Hudson song sell?")
    assert "Beyonce" in n.people
    assert _agrees(n, body, sentence, "2019-03-01") == 0.0  # Hudson's sales, not Beyonce's


def test_the_wh_word_asks_for_the_noun_the_parser_ties_it_to(entities: Entities) -> None:
    activist = need(entities, "Which Canadian men's rights activist had his account reinstated?")
    assert activist.kind == "person" and activist.head == "activist"
    country = need(entities, "Which country's prime minister announced she will resign?")
    assert country.kind == "place" and country.head == "country"
    # "Jordan Peterson, both suspended for ...": "both" starts no description of him.
    body, sentence = _sentence("rtqa-583373f5660b", "Musk also reinstated the accounts")
    peterson = next(e for e in entities.of([sentence])[0] if e.text == "Jordan Peterson")
    assert apposition(sentence, peterson) == ""


def test_the_agent_of_the_asked_verb_comes_first(entities: Entities) -> None:
    # "a western starring Benedict Cumberbatch and directed by Jane Campion"
    body, sentence = _span("rtqa-cc515308f378", "Critics have hailed", "best films.")
    n = need(entities, "Who directed the western 'Dog'?")
    first, second = rank(n, [_evidence(body, sentence, "2021-12-13")], entities.of([sentence]))[:2]
    assert first.candidate.text == "Jane Campion" and first.value - second.value > 0.1


def test_a_name_the_model_calls_a_person_once_and_an_organisation_more_is_no_person(
    entities: Entities,
) -> None:
    # "What is Meta?" tags Meta a person; "Meta owns Facebook, ..." an organisation.
    body, question = _sentence("rtqa-9cc85ee46250", "What is Meta?")
    owns = _sentence("rtqa-9cc85ee46250", "Meta owns Facebook")[1]
    read = [_evidence(body, s, "2022-11-09") for s in (question, owns)]
    ranked = rank(
        need(entities, "Which company owns Facebook?"), read, entities.of([question, owns])
    )
    assert ranked[0].candidate.text == "Meta", [s.candidate.text for s in ranked]
