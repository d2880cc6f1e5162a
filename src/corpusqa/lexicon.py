"""The word lists and patterns the answer rules read: what a type's nouns are, which entity
labels fit which type, roles, money and cause words (places are in `places.py`, numbers and
dates in `numerals.py`). Kept apart so the rules read as rules, and so a list can be extended
(and tested) without touching them.
"""

from __future__ import annotations

import re

from .keyword import terms

# Nouns that ask a dimension as "how high/far/long ..." does: "what was the life expectancy?"
# is answered in years, "what is its top speed?" in miles per hour.
MEASURE_NOUNS = {
    **dict.fromkeys(["height", "altitude"], "high"),
    "depth": "deep",
    **dict.fromkeys(["width", "diameter"], "wide"),
    "distance": "far",
    "speed": "fast",
    "weight": "heavy",
    "temperature": "hot",
    **dict.fromkeys(["length", "duration", "expectancy", "lifespan"], "long"),
}
WORDS = {
    "person": """official person man woman people astronomer biographer analyst bishop director
        member cardinal executive coach chairman chairwoman sheriff correspondent secretary
        player actor actress singer rapper musician artist doctor physician nurse pilot leader
        lawmaker senator governor mayor president minister judge lawyer attorney chief
        spokesman spokeswoman spokesperson ceo founder owner candidate politician republican
        democrat congressman congresswoman writer author journalist reporter editor economist
        expert scientist researcher professor teacher student officer suspect victim gunman
        shooter athlete quarterback star celebrity host comedian prince princess king queen
        pope pontiff priest monarch heir son daughter wife husband mother father brother sister
        friend fan worker employee staffer aide adviser advisor consultant watcher manager
        commissioner deputy envoy ambassador diplomat general soldier trainer captain commander
        investor billionaire entrepreneur designer chef legend icon figure winner nominee
        speaker representative justice historian assistant accountant attendant republican
        champion relative uncle aunt cousin nephew niece grandmother grandfather parent
        broadcaster announcer commentator anchor meteorologist forecaster agent publicist
        cofounder forward guard center centre pitcher shortstop outfielder catcher goalkeeper
        striker defender midfielder linebacker receiver rookie associate fellow famer colleague head
        counterpart""",
    "org": """organisation organization company firm group publication newspaper magazine journal
        network outlet broadcaster channel agency team club party union charity institution bank
        airline carrier retailer chain brand manufacturer maker giant business corporation
        startup department ministry committee body association federation league studio label
        automaker insurer lender watchdog regulator opponent rival champion""",
    "place": """city town state country nation district county region province village hotel venue
        stadium arena airport hospital island neighborhood neighbourhood street area capital
        continent park building site location place resort lake river mountain ocean sea port
        base prison campus church cathedral part road highway route street avenue interstate
        bridge""",
    "date": "year date day month decade century season time hour",
    "number": """number percentage percent share proportion amount age odds price cost rate total
        sum count toll salary pay wage wages fee fine bonus severance compensation budget
        revenue income earnings profit settlement value worth threshold limit ceiling target peak
        level efficacy effectiveness population headcount loss losses deficit""",
}
HEADS = {kind: frozenset(words.split()) for kind, words in WORDS.items()}
HEADS["number"] |= frozenset(MEASURE_NOUNS)  # "what was the life expectancy": a number
# Nouns asking for a name written as a code: "what is its stock ticker?"
TICKER_HEADS = frozenset({"ticker", "symbol"})
CODE_HEADS = TICKER_HEADS | {"hashtag"}
TYPED_HEADS = frozenset().union(*HEADS.values()) | CODE_HEADS
# The stems of the words that say what a person is ("cofounder", "talent agent").
PERSON_TERMS = frozenset(t for w in HEADS["person"] for t in terms(w))


def unpossessed(name: str) -> str:
    """A name without the possessive a sentence writes it with: "Steven Spielberg's" names
    Steven Spielberg."""
    return re.sub(r"['’]s$", "", name)


# Nouns whose answer is a clause, not a name: "what motive", "what verdict".
REASON_HEADS = frozenset("motive reason cause explanation purpose".split())
DESCRIPTION_HEADS = frozenset(
    """verdict ruling decision outcome result response message reaction
    answer view opinion stance position argument claim warning""".split()
)
NOT_PEOPLE = frozenset(
    """number water center letter paper power order winter summer border
    cancer computer chapter filter meter quarter weather matter tower cluster poster""".split()
)

# How well an entity label fits each expected type; labels not listed do not fit.
FIT = {
    "person": {"PERSON": 1.0, "ORG": 0.3},
    "identity": {"PERSON": 1.0},
    "org": {"ORG": 1.0, "PERSON": 0.4, "NORP": 0.2, "WORK_OF_ART": 0.3},
    "place": {"GPE": 1.0, "LOC": 1.0, "FAC": 1.0, "ORG": 0.5},
    "date": {"DATE": 1.0, "TIME": 0.5},
    "number": {
        "CARDINAL": 1.0,
        "MONEY": 1.0,
        "QUANTITY": 1.0,
        "PERCENT": 1.0,
        "DATE": 0.3,
        "TIME": 0.5,
    },
    "thing": {
        "WORK_OF_ART": 1.0,
        "LAW": 1.0,
        "PRODUCT": 0.8,
        "EVENT": 0.7,
        "ORG": 0.4,
        "PERSON": 0.3,
        "FAC": 0.4,
        "GPE": 0.2,
        "NORP": 0.3,
    },
}
DURATION = {"how long", "how old", "how often"}
# A count without a number ("thousands", "tens of thousands") is not the number asked for.
VAGUE_COUNT = frozenset(
    """thousands hundreds dozens millions billions tens scores several few
    many some numerous of a or""".split()
)
# A role the article writes one way and a question asks another: the words on the left also
# count as those on the right (a title's abbreviation, a synonym, the wider word for a kind).
_KIN = """uncle aunt mother father brother sister cousin son daughter nephew niece grandmother
grandfather grandson granddaughter wife husband parent"""
ROLE_ALSO = {
    **{k: "relative family member" for k in _KIN.split()},
    "dr": "doctor physician",
    "gp": "doctor physician",
    "physician": "doctor",
    "surgeon": "doctor",
    "sen": "senator lawmaker",
    "senator": "lawmaker",
    "rep": "representative congressman congresswoman lawmaker",
    "representative": "congressman congresswoman lawmaker",
    "congressman": "representative lawmaker",
    "congresswoman": "representative lawmaker",
    "mp": "lawmaker",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "det": "detective",
    "spokesman": "spokesperson spokeswoman",
    "spokeswoman": "spokesperson spokesman",
    "spokesperson": "spokesman spokeswoman",
    "press secretary": "spokesman spokeswoman spokesperson",
    "ceo": "chief executive head",
    "chief executive": "ceo head",
    "announcer": "broadcaster commentator",
    "commentator": "broadcaster",
    "anchor": "broadcaster",
    # Who leads or founds a thing is its leader or founder (`roles.doers`); these say more.
    "leads": "head",
    "heads": "leader",
    "chairs": "chairman chairwoman",
    "co-founded": "cofounder founder",
}
# Nouns a "what <noun>" question is answered with as well as its own: "what illness does he
# have?" by "heart disease" or "a rare cancer".
_AILMENTS = "illness disease condition disorder ailment infection syndrome cancer".split()
KINDS_ALSO = {w: tuple(x for x in _AILMENTS if x != w) for w in _AILMENTS}
# Words of a name that do not tell it from others: "New York" is not met by "new hospital
# admissions", nor "Los Angeles County" by "the county".
COMMON_NAME_WORDS = frozenset(
    terms(
        """new north south east west northern southern eastern western central united states
        state national international american general city county university great san los las
        saint st fort mount lake port republic kingdom"""
    )
)
GENERIC_ROLES = frozenset("official executive person man woman people figure leader member".split())
MONEY_HEADS = {
    "value",
    "worth",
    "price",
    "cost",
    "salary",
    "pay",
    "wage",
    "wages",
    "fee",
    "fine",
    "bonus",
    "severance",
    "compensation",
    "budget",
    "revenue",
    "income",
    "earnings",
    "profit",
    "loss",
    "losses",
    "deficit",
    "settlement",
    "funding",
    "grant",
    "loan",
    "debt",
    "donation",
    "investment",
    "damages",
    "rent",
}
# "How much did it cost / did they receive?": a sum of money, not a count or a share.
MONEY_VERBS = frozenset(
    terms(
        "cost costs pay paid charge charged spend spent earn earned raise raised receive "
        "received collect collected owe owed sell sold"
    )
)
SHARE_HEADS = frozenset("percentage percent share proportion efficacy effectiveness".split())
HOW_WORDS = frozenset(terms("many much"))  # "how many", "how much": asking, not counted
# A sum of a named kind is written with its word or these ("how much severance").
NAMED_SUMS = {
    head: frozenset(terms(f"{head} {also}"))
    for head, also in {
        "salary": "pay paid wage earn",
        "pay": "paid salary wage",
        "wage": "pay paid",
        "wages": "wage pay paid",
        "fee": "charge",
        "fine": "penalty fined",
        "bonus": "",
        "severance": "",
        "compensation": "compensate paid pay",
        "budget": "",
        "revenue": "sales",
        "income": "earn",
        "earnings": "profit earn",
        "profit": "earnings",
        "settlement": "settle",
    }.items()
}
# Titles written before a name that belong in the short answer: "former Pope Benedict XVI".
# Not "General": "Attorney General X" would become "General X".
HONORIFIC = re.compile(
    r"(?:\b(?:former|then)\s+)?\b(?:(?:Vice\s+)?President|Pope|King|Queen|"
    r"Prince|Princess|(?:Prime|Foreign|Defen[cs]e)\s+Minister|Chancellor|"
    r"Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Judge|Justice|Dr\.|"
    r"Cardinal|Archbishop|Bishop|(?:(?:Brig|Maj|Lt)\.\s+)?Gen\.|Col\.|Adm\.|Sgt\.)\s+$"
)
COLOURS = frozenset(
    """red orange yellow green blue purple violet pink brown black white gray grey
    silver gold golden turquoise teal beige maroon crimson""".split()
)
NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*)+")
# Words that give a sentence as a reason ("X, so Y" too); "as", "after" or "over" are too
# common to.
CAUSAL = re.compile(
    r"\b(because|due|reason\w*|caus\w*|led\s+to|result\w*|motiv\w*|why|"
    r"blam\w*|prompt\w*|sparked)\b|,\s+so\b",
    re.I,
)
NOT_ROLE = frozenset(
    """in on at for to by from with as who which that however meanwhile also too
    though then and or but said says told had has have is was were will would could should
    can may might both each all""".split()
)

# "the flight number", "the bill number": a code that names one, not a count of anything.
CODE_NOUNS = frozenset(
    terms(
        "flight bill case phone telephone jersey shirt interstate highway route bus model "
        "serial room seat account licence license registration badge house gate version "
        "docket patent tracking reference policy file lot platform"
    )
)
