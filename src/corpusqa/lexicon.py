"""The word lists and patterns the answer rules read: what a type's nouns are, which entity
labels fit which type, states, venues, roles. Kept apart so the rules read as rules, and so a
list can be extended (and tested) without touching them.
"""

from __future__ import annotations

import re

from .keyword import terms

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
        cofounder""",
    "org": """organisation organization company firm group publication newspaper magazine network
        outlet broadcaster channel agency team club party union charity institution bank
        airline carrier retailer chain brand manufacturer maker giant business corporation
        startup department ministry committee body association federation league studio label
        automaker insurer lender watchdog regulator opponent rival""",
    "place": """city town state country nation district county region province village hotel venue
        stadium arena airport hospital island neighborhood neighbourhood street area capital
        continent park building site location place resort lake river mountain ocean sea port
        base prison campus church cathedral part road highway route street avenue interstate
        bridge""",
    "date": "year date day month decade century season time hour",
    "number": """number percentage percent share proportion amount age odds price cost rate total
        sum count toll salary pay wage wages fee fine bonus severance compensation budget
        revenue income earnings profit settlement value worth""",
}
HEADS = {kind: frozenset(words.split()) for kind, words in WORDS.items()}
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
    many some numerous of a""".split()
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
}
# What a role's nationality is written as: "his Chinese counterpart" is no Mexican one.
NATIONALITIES = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian polish czech hungarian romanian greek turkish russian
    ukrainian belarusian swedish norwegian danish finnish chinese japanese korean taiwanese
    indian pakistani afghan iranian iraqi israeli palestinian saudi syrian lebanese egyptian
    nigerian kenyan canadian mexican brazilian argentine venezuelan colombian cuban chilean
    peruvian australian filipino indonesian vietnamese thai""".split()
)
GENERIC_ROLES = frozenset("official person man woman people figure leader member".split())
DEMONYMS = {
    "UK": "British",
    "Britain": "British",
    "London": "British",
    "US": "American",
    "U.S.": "American",
    "Washington": "American",
    "Kremlin": "Russian",
    "Moscow": "Russian",
    "Russia": "Russian",
    "Germany": "German",
    "Berlin": "German",
    "France": "French",
    "Paris": "French",
    "China": "Chinese",
    "Beijing": "Chinese",
    "Ukraine": "Ukrainian",
    "Kyiv": "Ukrainian",
    "EU": "European",
    "Brussels": "European",
}
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
    "settlement",
}
# "How much did it cost / did they receive?": a sum of money, not a count or a share.
MONEY_VERBS = frozenset(
    terms(
        "cost costs pay paid charge charged spend spent earn earned raise raised receive "
        "received collect collected owe owed sell sold"
    )
)
SHARE_HEADS = frozenset({"percentage", "percent", "share", "proportion"})
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
VENUE = re.compile(
    r"\b(Theat(er|re)|Hotel|Stadium|Arena|Cent(er|re)|Hall|Hospital|Airport|"
    r"Park|Museum|Church|Cathedral|Plaza|Square|Gardens?|Field|Bridge|Palace|"
    r"Abbey|Clinic|Prison|Campus|Club)\b"
)
CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*)+")
US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
    Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma
    Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming""".split()
) | {
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
}
# "Which country": the countries as news names them (and their short names).
COUNTRIES = frozenset(
    c.replace("_", " ")
    for c in """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
    Bosnia Botswana Brazil Britain Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada
    Chad Chile China Colombia Comoros Congo Costa_Rica Croatia Cuba Cyprus Czechia
    Czech_Republic Denmark Djibouti Dominica Dominican_Republic Ecuador Egypt El_Salvador
    England Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany
    Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hong_Kong Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Ivory_Coast Jamaica Japan Jordan Kazakhstan Kenya
    Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
    Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands
    New_Zealand Nicaragua Niger Nigeria North_Korea North_Macedonia Norway Oman Pakistan
    Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Samoa San_Marino Saudi_Arabia Scotland Senegal Serbia Seychelles Sierra_Leone
    Singapore Slovakia Slovenia Somalia South_Africa South_Korea South_Sudan Spain Sri_Lanka
    Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga
    Trinidad_and_Tobago Tunisia Turkey Turkmenistan Uganda Ukraine United_Arab_Emirates UAE
    United_Kingdom UK U.K. United_States US U.S. USA America Uruguay Uzbekistan Vatican
    Venezuela Vietnam Wales Yemen Zambia Zimbabwe""".split()
)
# A lawmaker's party and state as news writes them: "Kevin McCarthy, R-Calif." (AP style, and
# the postal codes some outlets use).
_STATE_SHORT = """Ala Alabama AL Alabama Ariz Arizona AZ Arizona Ark Arkansas AR Arkansas Calif
    California CA California Colo Colorado CO Colorado Conn Connecticut CT Connecticut Del
    Delaware DE Delaware Fla Florida FL Florida Ga Georgia GA Georgia Ill Illinois IL Illinois Ind
    Indiana IN Indiana Kan Kansas KS Kansas Ky Kentucky KY Kentucky La Louisiana LA Louisiana Md
    Maryland MD Maryland Mass Massachusetts MA Massachusetts Mich Michigan MI Michigan Minn
    Minnesota MN Minnesota Miss Mississippi MS Mississippi Mo Missouri MO Missouri Mont Montana MT
    Montana Neb Nebraska NE Nebraska Nev Nevada NV Nevada Okla Oklahoma OK Oklahoma Ore Oregon OR
    Oregon Pa Pennsylvania PA Pennsylvania Tenn Tennessee TN Tennessee Vt Vermont VT Vermont Va
    Virginia VA Virginia Wash Washington WA Washington Wis Wisconsin WI Wisconsin Wyo Wyoming WY
    Wyoming NH New_Hampshire N.H New_Hampshire NJ New_Jersey N.J New_Jersey NM New_Mexico N.M
    New_Mexico NY New_York N.Y New_York NC North_Carolina N.C North_Carolina ND North_Dakota N.D
    North_Dakota RI Rhode_Island R.I Rhode_Island SC South_Carolina S.C South_Carolina SD
    South_Dakota S.D South_Dakota W.Va West_Virginia WV West_Virginia AK Alaska HI Hawaii ID Idaho
    IA Iowa ME Maine OH Ohio TX Texas UT Utah""".split()
STATE_SHORT = {
    **{s: s for s in US_STATES},
    **{k: v.replace("_", " ") for k, v in zip(_STATE_SHORT[::2], _STATE_SHORT[1::2], strict=True)},
}
GEOGRAPHY = {
    "city",
    "town",
    "state",
    "country",
    "nation",
    "district",
    "county",
    "region",
    "province",
    "village",
    "island",
    "neighborhood",
    "neighbourhood",
    "area",
    "capital",
    "continent",
    "part",
    "place",
    "location",
}
TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "centuries",
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
}
# The units an amount in each asked dimension is written with ("how high": feet, metres);
# "how long" is a time or a length.
_LENGTHS = (
    "feet foot ft inches inch yards miles mile meters metres meter metre m km kilometers kilometres"
)
UNITS = {
    "high": frozenset(f"{_LENGTHS} stories storeys".split()),
    "tall": frozenset(f"{_LENGTHS} stories storeys".split()),
    "deep": frozenset(_LENGTHS.split()),
    "far": frozenset(f"{_LENGTHS} light years au".split()),
    "close": frozenset(f"{_LENGTHS} light years au".split()),
    "long": frozenset(_LENGTHS.split()) | TIME_UNITS | {"minute", "hour", "day", "week", "year"},
    "fast": frozenset("mph kph knots mach per hour speed".split()),
    "heavy": frozenset("pounds pound lbs lb kilograms kilogram kg tons tonnes ton ounces".split()),
}
AGE = re.compile(r"\d+-year-old|\bage[ds]?\b", re.I)
# An age as news writes it, the number first: "a 118-year old nun", "at age 115", "aged 90",
# "who lived to be 122 years old".
# Obituaries and profiles also write it after the name or pronoun: "Martin, 77, spoke", "He
# was 67."
AGE_OF = re.compile(
    r"(?i:\b(\d{1,3})[- ]years?[- ]old\b|\b(?:age|aged)\s+(\d{1,3})\b)"
    r"|\b[A-Z][\w'’-]+, (\d{1,2}), (?=[a-z])"
    r"|\b(?:[Hh]e|[Ss]he) (?:was|is) (\d{1,3})(?=[.,;])",
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = "|".join(MONTHS)
SPECIFIC_DATE = re.compile(rf"\d|{_MONTH}|Jan\b|Feb\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b", re.I)
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
    can may might""".split()
)

# A question's verb in the forms a report of it takes: "died" is reported as "death" too.
VERB_FORMS = {
    "die": {"die", "death", "dead", "kill"},
    "kill": {"kill", "die", "death", "dead"},
    "born": {"born", "birth", "nativ"},
    "won": {"won", "win", "winner", "victori"},
    "win": {"won", "win", "winner", "victori"},
    "resign": {"resign", "quit", "step"},
    "quit": {"resign", "quit", "step"},
    "arrest": {"arrest", "custodi", "detain"},
}

WRITTEN_DATE = re.compile(
    rf"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s?|(?:{_MONTH})\s)\d{{1,2}}\b"
    r"(?:,\s*(?:1[89]|20)\d\d\b)?"
)

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "in their 20s" and "the 1990s" are a span of numbers, not 20 or 1990: kept with their "s".
_NUMBER = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d[\d,.]*\d|\d)(?:s\b)?")
# What a number is glued to when it is part of a name: "M1", "G7", "COVID-19", "F-16",
# "C/2022", "XBB.1.5"; not "mid-2022" or "pre-2020".
_NAMED = re.compile(r"(?:[A-Za-z]|[A-Za-z]*[A-Z][A-Za-z]*[-/]|[A-Z]\.)$")


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
NUMBER_WORDS = (*_TENS, *_WORDS)
_SPELLED = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[-\s]({'|'.join(_UNITS)}))?|({'|'.join(_WORDS)}))\b", re.I
)


def spelled(text: str) -> list[str]:
    """The numbers a text writes in words, as digits: "EIGHTY-SIX" is 86, "twelve" 12."""
    out = []
    for m in _SPELLED.finditer(text):
        tens, unit, word = (g.lower() if g else "" for g in m.groups())
        n = (
            (_TENS.index(tens) + 2) * 10 + (_UNITS.index(unit) + 1 if unit else 0)
            if tens
            else _WORDS[word]
        )
        out.append(str(n))
    return out


def numbers(text: str) -> list[str]:
    """The numbers of a text as plain digits: "65,000" and "65000" alike, "1.5" kept; the
    digits of a name ("M1 Abrams", "COVID-19", "comet C/2022 E3") are no number."""
    return [
        re.sub(r"[,.](?=\d{3}\b)", "", m.group())
        for m in _NUMBER.finditer(text)
        if not _NAMED.search(text[max(0, m.start() - 12) : m.start()])
    ]


# A question about the latest news: the newest reporting should win more clearly.
NOW = re.compile(
    r"\bthis\s+(?:past\s+)?(?:week|weekend|month)\b|\brecent(?:ly)?\b|\blatest\b|\bnewest\b"
    r"|\bupcoming\b|\bthis\s+(?:morning|afternoon|evening)\b",
    re.I,
)
THIS_MONTH = re.compile(r"\bthis\s+month\b", re.I)


def undated(question: str) -> str:
    """The question without its words for "now" ("this week", "recently"): they are its date,
    not what it asks about."""
    return " ".join(NOW.sub(" ", question).split()) or question


# Names news uses for one thing, none of them the initials of another (those `agree` reads).
ALSO_NAMED = (
    ("Oscars", "Oscar", "Academy Awards", "Academy Award"),
    ("UK", "U.K.", "Britain", "United Kingdom"),
    ("US", "U.S.", "United States", "America"),
)


_MINOR = frozenset("of for and the on in to".split())


def known_as(name: str, text: str) -> bool:
    """Whether `text` names `name` another way: by its initials ("CDC" for the "Centers for
    Disease Control and Prevention", and the other way round) or by a name in `ALSO_NAMED`."""
    bare = name.removeprefix("the ").replace(".", "")
    if bare.isupper() and 3 <= len(bare) <= 5:  # "US" would be any "Upper South"
        capitals = (
            rf"(?:[A-Z][\w'-]*(?:\s+(?:{'|'.join(_MINOR)}))*\s+){{{len(bare) - 1},}}[A-Z][\w'-]*"
        )
        if any(_initials(m.group()).startswith(bare) for m in re.finditer(capitals, text)):
            return True
    initials = _initials(bare)
    if len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text.replace(".", "")):
        return True
    return any(
        name in group and any(re.search(rf"\b{re.escape(n)}\b", text) for n in group)
        for group in ALSO_NAMED
    )


def _initials(phrase: str) -> str:
    words = phrase.split()
    letters = "".join(w[0] for w in words if w.lower() not in _MINOR)
    return letters if len(words) > 1 and letters.isalpha() and letters.isupper() else ""


ROAD_HEADS = frozenset("road highway route street avenue interstate".split())
# "New York State Route 198", "Interstate 90", "Highway 44", "I-5", "Main Street".
ROAD = re.compile(
    r"\b(?:(?:[A-Z][\w'’.-]*\s+){0,4}(?:Route|Highway|Interstate|State\s+Road|US)\s+\d+[A-Z]?"
    r"|I-\d+"
    r"|(?:[A-Z][\w'’.-]*\s+){1,3}(?:Road|Street|Avenue|Boulevard|Drive|Lane|Parkway|Expressway"
    r"|Freeway|Turnpike|Highway))\b"
)
