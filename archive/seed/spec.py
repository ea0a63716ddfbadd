"""The seed article's annotations, as a careful reader would make them.

Everything here is keyed by slug; `build.py` turns it into rows and computes every anchor from
the text, so an offset is never typed by hand. Facts not in the article (coordinates, Wikidata
ids, Nazarbaev's term, the OSCE chair's year) carry a source URL.
"""

SOURCE_FILE = "rferl-2004-04-06-kazakhstan-hrw-report.txt"
FURNITURE = {"Accessibility links", "Breaking News"}
PULL_QUOTE = (
    '"The government really attempted to exclude candidates by charging them with criminal '
    "offenses they haven't done, or by harassing them, or by intimidation.\""
)

ARTICLE = {
    "slug": "kazakhstan-hrw-report-accuses-government-of-harassing-opposition",
    "published_on": "2004-04-06",
    "dateline_place": "prague",
    "publisher": "rfe-rl",
    "contributors": [("rfe-rl-kazakh-service", "contributor")],
    "source_url": "https://www.rferl.org/a/1052186.html",
    "language": "en",
}

WIKIPEDIA = "https://en.wikipedia.org/wiki/"

PLACES = [
    # slug, name, kind, located_in, latitude, longitude, wikidata, aliases
    (
        "kazakhstan",
        "Kazakhstan",
        "country",
        None,
        48.0,
        68.0,
        "Q232",
        [("Republic of Kazakhstan", "former"), ("Qazaqstan", "transliteration")],
    ),
    (
        "astana",
        "Astana",
        "city",
        "kazakhstan",
        51.18010,
        71.44598,
        "Q1520",
        [("Nur-Sultan", "former"), ("Akmola", "former")],
    ),
    (
        "almaty",
        "Almaty",
        "city",
        "kazakhstan",
        43.25667,
        76.92861,
        "Q35493",
        [("Alma-Ata", "former")],
    ),
    ("prague", "Prague", "city", None, 50.08804, 14.42076, "Q1085", [("Praha", "translation")]),
    (
        "brussels",
        "Brussels",
        "city",
        None,
        50.85045,
        4.34878,
        "Q239",
        [("Bruxelles", "translation"), ("Brussel", "translation")],
    ),
    (
        "new-york",
        "New York",
        "city",
        None,
        40.71427,
        -74.00597,
        "Q60",
        [("New York City", "spelling")],
    ),
]
PLACE_DESCRIPTIONS = {
    "kazakhstan": "Country in Central Asia",
    "astana": "Capital of Kazakhstan",
    "almaty": "Largest city of Kazakhstan, in the south-east",
    "prague": "Capital of the Czech Republic; RFE/RL's headquarters",
    "brussels": "Capital of Belgium",
    "new-york": "City in the United States",
}

ORGANIZATIONS = [
    # slug, name, org_kind, parent, based_in, description, aliases
    (
        "human-rights-watch",
        "Human Rights Watch",
        "ngo",
        None,
        "new-york",
        "International human-rights organization based in New York",
        [("HRW", "abbreviation")],
    ),
    (
        "kazakh-government",
        "Kazakh government",
        "government",
        None,
        "astana",
        "The government of Kazakhstan",
        [("Government of Kazakhstan", "spelling"), ("Kazakhstan's government", "spelling")],
    ),
    (
        "state-ombudsmans-office",
        "State ombudsman's office",
        "government_body",
        "kazakh-government",
        "astana",
        "Kazakhstan's state human-rights ombudsman",
        [
            ("Kazakhstan's state ombudsman's office", "spelling"),
            ("Human Rights Commissioner of Kazakhstan", "spelling"),
        ],
    ),
    (
        "democratic-choice-of-kazakhstan",
        "Democratic Choice of Kazakhstan",
        "party",
        None,
        "almaty",
        "Kazakh opposition movement formed in 2001",
        [
            ("DCK", "abbreviation"),
            ("DVK", "abbreviation"),
            ("Демократический выбор Казахстана", "translation"),
        ],
    ),
    (
        "committee-to-protect-journalists",
        "Committee to Protect Journalists",
        "ngo",
        None,
        "new-york",
        "Press-freedom organization based in New York",
        [("CPJ", "abbreviation")],
    ),
    (
        "adil-soz",
        "Adil Soz",
        "ngo",
        None,
        "almaty",
        "Press-freedom group based in Almaty",
        [("Free Word", "translation"), ("Adil Soz Foundation", "spelling")],
    ),
    (
        "osce",
        "Organization for Security and Cooperation in Europe",
        "intergovernmental",
        None,
        None,
        "Intergovernmental security organization",
        [
            ("OSCE", "abbreviation"),
            ("Organization for Security and Co-operation in Europe", "spelling"),
        ],
    ),
    (
        "rfe-rl",
        "RFE/RL",
        "news",
        None,
        "prague",
        "Radio Free Europe/Radio Liberty, a broadcaster based in Prague",
        [("Radio Free Europe/Radio Liberty", "spelling"), ("RFERL", "spelling")],
    ),
    (
        "rfe-rl-kazakh-service",
        "RFE/RL Kazakh Service",
        "news",
        "rfe-rl",
        None,
        "RFE/RL's service broadcasting in Kazakh",
        [("RFE/RL's Kazakh Service", "spelling"), ("Radio Azattyq", "spelling")],
    ),
]
ORG_IDS = {"osce": "Q81299"}

PEOPLE = [
    # slug, name, sort_name, given, family, description, aliases
    (
        "vanessa-saenen",
        "Vanessa Saenen",
        "Saenen, Vanessa",
        "Vanessa",
        "Saenen",
        "Human Rights Watch spokeswoman in Brussels",
        [],
    ),
    (
        "vyacheslav-kalyuzhnyi",
        "Vyacheslav Kalyuzhnyi",
        "Kalyuzhnyi, Vyacheslav",
        "Vyacheslav",
        "Kalyuzhnyi",
        "Official of Kazakhstan's state ombudsman's office",
        [
            ("Kaliuzhnyi", "transliteration"),
            ("Vyacheslav Kaliuzhnyi", "transliteration"),
            ("Вячеслав Калюжный", "translation"),
        ],
    ),
    (
        "galymzhan-zhaqiyanov",
        "Galymzhan Zhaqiyanov",
        "Zhaqiyanov, Galymzhan",
        "Galymzhan",
        "Zhaqiyanov",
        "Founding leader of Democratic Choice of Kazakhstan",
        [
            ("Zhakiyanov", "transliteration"),
            ("Zhakianov", "transliteration"),
            ("Galymzhan Zhakiyanov", "transliteration"),
            ("Galymzhan Zhakianov", "transliteration"),
            ("Ғалымжан Жақиянов", "translation"),
            ("Галымжан Жакиянов", "translation"),
        ],
    ),
    (
        "mukhtabar-abliyazov",
        "Mukhtabar Abliyazov",
        "Abliyazov, Mukhtabar",
        "Mukhtabar",
        "Abliyazov",
        "Founding leader of Democratic Choice of Kazakhstan",
        [
            ("Ablyazov", "transliteration"),
            ("Abliazov", "transliteration"),
            ("Mukhtar Ablyazov", "spelling"),
            ("Мухтар Аблязов", "translation"),
        ],
    ),
    (
        "sergei-duvanov",
        "Sergei Duvanov",
        "Duvanov, Sergei",
        "Sergei",
        "Duvanov",
        "Kazakh opposition journalist and critic of government corruption",
        [("Sergey Duvanov", "transliteration"), ("Сергей Дуванов", "translation")],
    ),
    (
        "nursultan-nazarbaev",
        "Nursultan Nazarbaev",
        "Nazarbaev, Nursultan",
        "Nursultan",
        "Nazarbaev",
        "President of Kazakhstan",
        [
            ("Nazarbayev", "transliteration"),
            ("Nursultan Nazarbayev", "transliteration"),
            ("Нурсултан Назарбаев", "translation"),
        ],
    ),
    (
        "solomon-pasi",
        "Solomon Pasi",
        "Pasi, Solomon",
        "Solomon",
        "Pasi",
        "OSCE chairman-in-office in 2004 and foreign minister of Bulgaria",
        [
            ("Passy", "transliteration"),
            ("Solomon Passy", "transliteration"),
            ("Соломон Паси", "translation"),
        ],
    ),
]

MEMBERSHIPS = [
    # person, organization, role, category, start, end, source_url (None: the seed article)
    ("vanessa-saenen", "human-rights-watch", "spokeswoman", "spokesperson", None, None, None),
    ("vyacheslav-kalyuzhnyi", "state-ombudsmans-office", "official", "staff", None, None, None),
    (
        "galymzhan-zhaqiyanov",
        "democratic-choice-of-kazakhstan",
        "founding leader",
        "founder",
        "2001",
        None,
        None,
    ),
    (
        "mukhtabar-abliyazov",
        "democratic-choice-of-kazakhstan",
        "founding leader",
        "founder",
        "2001",
        None,
        None,
    ),
    (
        "nursultan-nazarbaev",
        "kazakh-government",
        "President of Kazakhstan",
        "officeholder",
        "24 April 1990",
        "March 2019",
        WIKIPEDIA + "Nursultan_Nazarbayev",
    ),
    (
        "solomon-pasi",
        "osce",
        "chairman-in-office",
        "officeholder",
        "2004",
        "2004",
        WIKIPEDIA + "Organization_for_Security_and_Co-operation_in_Europe",
    ),
]

EVENTS = [
    # slug, name, kind, start, end, place, participants [(slug, role)], description
    (
        "hrw-kazakhstan-report-2004",
        "Human Rights Watch publishes its report on Kazakhstan",
        "publication",
        "6 April 2004",
        None,
        None,
        [("human-rights-watch", "author"), ("kazakh-government", "subject")],
        "A 53-page report accusing the Kazakh government of harassing the opposition before the elections",
    ),
    (
        "kazakhstan-parliamentary-elections-2004",
        "Kazakh parliamentary elections of 2004",
        "election",
        "autumn 2004",
        None,
        "kazakhstan",
        [("kazakh-government", "organizer")],
        'Parliamentary elections expected "later this year" and in the autumn, as of April 2004',
    ),
    (
        "democratic-choice-of-kazakhstan-formed",
        "Democratic Choice of Kazakhstan is formed",
        "founding",
        "2001",
        None,
        "kazakhstan",
        [
            ("democratic-choice-of-kazakhstan", "founded"),
            ("galymzhan-zhaqiyanov", "founder"),
            ("mukhtabar-abliyazov", "founder"),
        ],
        "The opposition group is formed by Galymzhan Zhaqiyanov and Mukhtabar Abliyazov",
    ),
    (
        "zhaqiyanov-and-abliyazov-imprisoned",
        "Zhaqiyanov and Abliyazov imprisoned",
        "arrest",
        "2002",
        None,
        "kazakhstan",
        [
            ("galymzhan-zhaqiyanov", "prisoner"),
            ("mukhtabar-abliyazov", "prisoner"),
            ("kazakh-government", "prosecutor"),
        ],
        "The founding leaders of Democratic Choice of Kazakhstan are imprisoned",
    ),
    (
        "abliyazov-released",
        "Mukhtabar Abliyazov released",
        "release",
        "May 2003",
        None,
        "kazakhstan",
        [("mukhtabar-abliyazov", "released")],
        'Released "last May", as the article of 6 April 2004 puts it',
    ),
    (
        "duvanov-imprisoned-and-released",
        "Sergei Duvanov imprisoned and released",
        "release",
        "2003",
        None,
        "kazakhstan",
        [("sergei-duvanov", "prisoner")],
        'Imprisoned and then released "last year", as of April 2004',
    ),
    (
        "cpj-letter-to-nazarbaev",
        "Committee to Protect Journalists writes to President Nazarbaev",
        "letter",
        "29 March 2004",
        "4 April 2004",
        None,
        [("committee-to-protect-journalists", "sender"), ("nursultan-nazarbaev", "recipient")],
        'A letter "sent last week" expressing concern about press freedom in Kazakhstan',
    ),
    (
        "kazakhstan-political-parties-law-2002",
        "Kazakhstan's law on political parties",
        "legislation",
        "July 2002",
        None,
        "kazakhstan",
        [("kazakh-government", "author")],
        "The law that cut the number of registered parties from 19 to nine",
    ),
    (
        "kazakhstan-local-elections-2003",
        "Kazakh local council elections of September 2003",
        "election",
        "September 2003",
        None,
        "kazakhstan",
        [("kazakh-government", "organizer")],
        "Local council elections that HRW says were far from free and fair",
    ),
    (
        "kazakhstan-by-elections-2002",
        "Kazakh parliamentary by-elections of 2002",
        "election",
        "2002",
        None,
        "kazakhstan",
        [("kazakh-government", "organizer")],
        "Parliamentary by-elections that HRW says were manipulated",
    ),
    (
        "kazakhstan-elections-1999",
        "Kazakh presidential and parliamentary elections of 1999",
        "election",
        "1999",
        None,
        "kazakhstan",
        [("osce", "observer"), ("kazakh-government", "organizer")],
        "Elections the OSCE found to be deeply flawed",
    ),
    (
        "pasi-news-conference-almaty-2004",
        "Solomon Pasi's news conference in Almaty",
        "press_conference",
        "6 April 2004",
        None,
        "almaty",
        [("solomon-pasi", "speaker"), ("osce", "host")],
        "The OSCE chairman-in-office praises Kazakhstan's progress in democracy building",
    ),
    (
        "pasi-meets-nazarbaev-2004",
        "Solomon Pasi meets Nursultan Nazarbaev",
        "meeting",
        "6 April 2004",
        None,
        "almaty",
        [("solomon-pasi", "guest"), ("nursultan-nazarbaev", "host")],
        "The OSCE chairman-in-office meets the Kazakh president before his news conference",
    ),
]

# Quotes: key, part, exact words, occurrence, speaker, mode, said_to, about, answers, tags.
Q_SAENEN_CONCERN = (
    "Our main concern is that Kazakhstan's government is seriously undermining the prospects for "
    "free and fair parliamentary elections later on this year"
)
Q_KALYUZHNYI_DENIAL = (
    "I can't agree with this statement at this point, because the election campaign is just "
    "beginning here, and to say that someone representing a political party, even an opposition "
    "party, has been eliminated from the election process, I think at this point is too…I can't "
    "confirm it"
)
Q_KALYUZHNYI_PERSECUTION = (
    "I don't think [the HRW report] fully reflects the reality, in particular when it talks about "
    "persecution of politicians. As far as Mukhtabar Abliyazov is concerned, he is actually a free "
    "citizen. He has a business and nobody is persecuting him. As for Zhaqiyanov, he is in jail now, "
    "sentenced for some abuses in economic activities, so he is not in jail for political "
    "activities. As far as Duvanov is concerned, I must say he [has been released] now with some "
    "restrictions [of freedom]. So I don't think there are any reasons to be talking about "
    "persecution. These people are imprisoned for the crimes they committed."
)
Q_SAENEN_ARRESTS = (
    "We've seen people being arrested and also put in prison for random, for really arbitrary, "
    "criminal charges. Also, people who oppose the government or journalists who do criticize the "
    "government or the way the elections are being run are threatened to be thrown out of their jobs"
)
Q_SAENEN_MANIPULATED = (
    "The September 2003 local [council] elections were far from free and fair. The government "
    "really attempted to exclude candidates by charging them with criminal offenses they haven't "
    "done, or by harassing them, or by intimidation. The same was true for the 2002 parliamentary "
    "by-elections, [which] were again manipulated."
)
Q_PASI = (
    "There is big progress in democracy building in the last 10 years in [Kazakhstan], and the "
    "international community should recognize this progress, all the more so [because] you are "
    "starting to build your country only in the last 10 years, which makes the progress even more "
    "important"
)

GOV = "kazakh-government"
ELECTIONS_2004 = "kazakhstan-parliamentary-elections-2004"
LAW_2002 = "kazakhstan-political-parties-law-2002"

QUOTES = [
    {
        "key": "saenen-concern",
        "exact": Q_SAENEN_CONCERN,
        "speaker": "vanessa-saenen",
        "said_to": "rfe-rl",
        "about": [GOV, ELECTIONS_2004],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "saenen-critics",
        "exact": "They are doing so by keeping their most serious critics out of the media and out of politics, as well.",
        "speaker": "vanessa-saenen",
        "said_to": "rfe-rl",
        "about": [GOV],
        "tags": ["accusation", "press freedom"],
    },
    {
        "key": "saenen-arrests",
        "exact": Q_SAENEN_ARRESTS,
        "speaker": "vanessa-saenen",
        "about": [GOV],
        "tags": ["accusation", "political prisoners", "press freedom"],
    },
    {
        "key": "kalyuzhnyi-denial",
        "exact": Q_KALYUZHNYI_DENIAL,
        "speaker": "vyacheslav-kalyuzhnyi",
        "about": ["human-rights-watch", ELECTIONS_2004],
        "answers": "saenen-concern",
        "tags": ["denial", "elections"],
    },
    {
        "key": "kalyuzhnyi-persecution",
        "exact": Q_KALYUZHNYI_PERSECUTION,
        "speaker": "vyacheslav-kalyuzhnyi",
        "about": [
            "human-rights-watch",
            "mukhtabar-abliyazov",
            "galymzhan-zhaqiyanov",
            "sergei-duvanov",
        ],
        "answers": "saenen-arrests",
        "tags": ["denial", "political prisoners"],
    },
    {
        "key": "saenen-parties",
        "exact": "Kazakhstan's government is trying to really limit the number of parties that can register for elections",
        "speaker": "vanessa-saenen",
        "about": [GOV, LAW_2002],
        "tags": ["accusation", "elections", "political parties"],
    },
    {
        "key": "saenen-law",
        "exact": "They have amended a law in 2002 reducing the number of registered parties from 19 to only nine at "
        "the moment, either because they were [unreliable] or because they were receiving foreign funds.",
        "speaker": "vanessa-saenen",
        "about": [GOV, LAW_2002],
        "tags": ["political parties"],
    },
    {
        "key": "saenen-tradition",
        "exact": "It's unfortunately a very long-standing tradition of unfair elections",
        "speaker": "vanessa-saenen",
        "about": [GOV],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "saenen-manipulated",
        "exact": Q_SAENEN_MANIPULATED,
        "speaker": "vanessa-saenen",
        "about": [GOV, "kazakhstan-local-elections-2003", "kazakhstan-by-elections-2002"],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "pasi-progress",
        "exact": Q_PASI,
        "speaker": "solomon-pasi",
        "about": ["kazakhstan"],
        "tags": ["praise", "democracy"],
    },
    # Reported speech: the claim in the reporter's words.
    {
        "key": "hrw-standfirst",
        "part": "standfirst",
        "mode": "indirect",
        "exact": "the Kazakh government is undermining prospects for free and fair parliamentary elections later "
        "this year by harassing its political opponents",
        "speaker": "human-rights-watch",
        "about": [GOV, ELECTIONS_2004],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "government-denies",
        "part": "standfirst",
        "mode": "indirect",
        "exact": "denies the accusations",
        "speaker": GOV,
        "about": ["human-rights-watch"],
        "answers": "hrw-standfirst",
        "tags": ["denial"],
    },
    {
        "key": "hrw-accuses",
        "mode": "indirect",
        "exact": "accuses the Kazakh government of harassing opposition figures ahead of autumn parliamentary elections",
        "speaker": "human-rights-watch",
        "about": [GOV, ELECTIONS_2004],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "saenen-aimed",
        "mode": "indirect",
        "exact": "these actions were aimed at preventing them from running for public office",
        "speaker": "vanessa-saenen",
        "about": [GOV],
        "tags": ["accusation"],
    },
    {
        "key": "kalyuzhnyi-denied",
        "mode": "indirect",
        "exact": "denied the accusations",
        "speaker": "vyacheslav-kalyuzhnyi",
        "about": ["human-rights-watch"],
        "answers": "hrw-accuses",
        "tags": ["denial"],
    },
    {
        "key": "cpj-concern",
        "mode": "indirect",
        "exact": "expressed its concern about deteriorating press freedom in Kazakhstan, including the politicized "
        "prosecution of independent journalists",
        "speaker": "committee-to-protect-journalists",
        "said_to": "nursultan-nazarbaev",
        "about": [GOV],
        "tags": ["press freedom"],
    },
    {
        "key": "adil-soz-harassment",
        "mode": "indirect",
        "exact": "it believes the harassment of the country's independent media is part of a government effort to "
        "silence opposition viewpoints in the run-up to the elections",
        "speaker": "adil-soz",
        "about": [GOV, ELECTIONS_2004],
        "tags": ["press freedom", "elections"],
    },
    {
        "key": "hrw-documents",
        "mode": "indirect",
        "exact": "government actions over the past two years that prevented some opposition groups from entering "
        "electoral politics",
        "speaker": "human-rights-watch",
        "about": [GOV],
        "tags": ["accusation", "political parties"],
    },
    {
        "key": "saenen-record",
        "mode": "indirect",
        "exact": "the Kazakh government has a record of manipulating elections",
        "speaker": "vanessa-saenen",
        "about": [GOV],
        "tags": ["accusation", "elections"],
    },
    {
        "key": "hrw-registration",
        "mode": "indirect",
        "exact": "political parties that submitted registration documents in accordance with the law should be "
        "immediately registered",
        "speaker": "human-rights-watch",
        "about": [GOV],
        "tags": ["political parties"],
    },
    {
        "key": "hrw-monitors",
        "mode": "indirect",
        "exact": "domestic election monitors should have access to the polls, regardless of whether they are "
        "supported through foreign financing",
        "speaker": "human-rights-watch",
        "about": [ELECTIONS_2004],
        "tags": ["elections"],
    },
    {
        "key": "saenen-osce-1999",
        "mode": "indirect",
        "exact": "the Organization for Security and Cooperation in Europe (OSCE) found Kazakhstan's 1999 presidential "
        "and parliamentary elections to be deeply flawed",
        "speaker": "vanessa-saenen",
        "about": ["osce", "kazakhstan-elections-1999"],
        "tags": ["elections"],
    },
    {
        "key": "pasi-emphasized",
        "mode": "indirect",
        "exact": "emphasized the progress that Kazakhstan had made",
        "speaker": "solomon-pasi",
        "about": ["kazakhstan"],
        "tags": ["praise", "democracy"],
    },
]

# Mentions of names: every whole-word occurrence, longest form first; spans never overlap.
NAME_FORMS = {
    "vanessa-saenen": ["Vanessa Saenen", "Saenen"],
    "vyacheslav-kalyuzhnyi": ["Vyacheslav Kalyuzhnyi", "Kalyuzhnyi"],
    "galymzhan-zhaqiyanov": ["Galymzhan Zhaqiyanov", "Zhaqiyanov"],
    "mukhtabar-abliyazov": ["Mukhtabar Abliyazov", "Abliyazov"],
    "sergei-duvanov": ["Sergei Duvanov", "Duvanov"],
    "nursultan-nazarbaev": ["Nursultan Nazarbaev", "Nazarbaev"],
    "solomon-pasi": ["Solomon Pasi", "Pasi"],
    "human-rights-watch": ["Human Rights Watch", "HRW"],
    GOV: ["Kazakh government", "Kazakhstan's government", "Government", "government"],
    "state-ombudsmans-office": [
        "Kazakhstan's state ombudsman's office",
        "state ombudsman's office",
    ],
    "democratic-choice-of-kazakhstan": ["Democratic Choice of Kazakhstan"],
    "committee-to-protect-journalists": ["Committee to Protect Journalists"],
    "adil-soz": ["Adil Soz", "Free Word"],
    "osce": ["Organization for Security and Cooperation in Europe", "OSCE"],
    "rfe-rl": ["RFE/RL"],
    "rfe-rl-kazakh-service": ["RFE/RL's Kazakh Service", "Kazakh Service"],
    "prague": ["Prague"],
    "brussels": ["Brussels"],
    "new-york": ["New York"],
    "almaty": ["Almaty"],
    "astana": ["Astana"],
    "kazakhstan": ["Kazakhstan"],
}

# Mentions of events: phrases a reader links to the event (part, phrase, occurrence).
EVENT_PHRASES = {
    "hrw-kazakhstan-report-2004": [
        ("body", "a report released today", 0),
        ("body", "The 53-page document", 0),
    ],
    ELECTIONS_2004: [
        ("standfirst", "parliamentary elections later this year", 0),
        ("body", "autumn parliamentary elections", 0),
        ("body", "parliamentary elections later on this year", 0),
        ("body", "the election campaign", 0),
    ],
    "democratic-choice-of-kazakhstan-formed": [("body", "formed in 2001", 0)],
    "zhaqiyanov-and-abliyazov-imprisoned": [("body", "Among those imprisoned", 0)],
    "abliyazov-released": [("body", "released last May", 0)],
    "duvanov-imprisoned-and-released": [("body", "imprisoned and then released last year", 0)],
    "cpj-letter-to-nazarbaev": [("body", "a letter sent last week", 0)],
    LAW_2002: [
        ("body", "a July 2002 law on political parties", 0),
        ("body", "amended a law in 2002", 0),
    ],
    "kazakhstan-local-elections-2003": [("body", "September 2003 local [council] elections", 0)],
    "kazakhstan-by-elections-2002": [("body", "2002 parliamentary by-elections", 0)],
    "kazakhstan-elections-1999": [("body", "1999 presidential and parliamentary elections", 0)],
    "pasi-news-conference-almaty-2004": [("body", "a news conference", 0)],
    "pasi-meets-nazarbaev-2004": [("body", "meeting", 0)],
}
