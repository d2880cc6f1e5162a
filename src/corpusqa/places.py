"""Places as news names them: countries, US states and their short forms, nationalities,
the nouns for kinds of place, venues and roads."""

from __future__ import annotations

import re

# What a role's nationality is written as: "his Chinese counterpart" is no Mexican one.
NATIONALITIES = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian polish czech hungarian romanian greek turkish russian
    ukrainian belarusian swedish norwegian danish finnish chinese japanese korean taiwanese
    indian pakistani afghan iranian iraqi israeli palestinian saudi syrian lebanese egyptian
    nigerian kenyan canadian mexican brazilian argentine venezuelan colombian cuban chilean
    peruvian australian filipino indonesian vietnamese thai""".split()
)
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
VENUE = re.compile(
    r"\b(Theat(er|re)|Hotel|Stadium|Arena|Cent(er|re)|Hall|Hospital|Airport|"
    r"Park|Museum|Church|Cathedral|Plaza|Square|Gardens?|Field|Bridge|Palace|"
    r"Abbey|Clinic|Prison|Campus|Club)\b"
)
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
ROAD_HEADS = frozenset("road highway route street avenue interstate".split())
# "New York State Route 198", "Interstate 90", "Highway 44", "I-5", "Main Street".
ROAD = re.compile(
    r"\b(?:(?:[A-Z][\w'’.-]*\s+){0,4}(?:Route|Highway|Interstate|State\s+Road|US)\s+\d+[A-Z]?"
    r"|I-\d+"
    r"|(?:[A-Z][\w'’.-]*\s+){1,3}(?:Road|Street|Avenue|Boulevard|Drive|Lane|Parkway|Expressway"
    r"|Freeway|Turnpike|Highway))\b"
)

# The entity labels of places: "San Francisco" + "Bay Area" is one place, "Lee County" no person.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Places inside a state or a country: no state or country is one of them.
WITHIN = frozenset("city town district county village neighborhood neighbourhood borough".split())

# "Austin-based Madhu Chocolate", "New York-based TAGMO Treats": where the named thing is based
BASED = re.compile(r"((?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*)-based\s+")
