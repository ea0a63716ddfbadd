"""The generator's vocabulary and its Zipf distribution.

Rank 1 is the most frequent word. Real English function words fill the top ranks (as they
do in news text), then words of news reporting, then tens of thousands of invented words
that make the long tail: a word's probability is proportional to 1 / (rank + 2.7) ** 1.07,
the Zipf–Mandelbrot law that fits newspaper text. The vocabulary does not depend on the
corpus seed, so a benchmark can name rare and common words without reading the data.
"""

from __future__ import annotations

import itertools
import random
from functools import cache


def _words(text: str) -> list[str]:
    """A word list written as running text, which reads better than a list literal."""
    return text.split()


ZIPF_EXPONENT = 1.07
ZIPF_SHIFT = 2.7
VOCABULARY_SIZE = 30_000

FUNCTION_WORDS = _words("""
the of to and a in that for is on said was with he it as at by from his be have has an
are not but were who they its had this will would been which also their after more one
year about up than or two over when new into she could her there first last what out all
other can against some them if we government no only our because three people him most
before since under while during between so may should then where these those both such
many through any being each however very until just like did country told now even still
""")

# Words that carry the news, roughly from more to less frequent.
NEWS_WORDS = _words("""
president minister official officials state police opposition party election elections court
report rights human security week month president's political leader leaders authorities
public national foreign law military told according group international former local
region regional capital city press freedom media journalist journalists newspaper radio
television interview statement spokesman spokeswoman spokesperson ministry parliament
deputy deputies vote votes voters candidate candidates campaign trial judge judges charges
criminal investigation prosecutor prosecutors prison sentence sentenced arrested arrest
detained released release protest protesters demonstration rally crowd police officers
economy economic oil gas pipeline energy prices budget bank banks tax taxes trade exports
imports investment investors company companies industry workers wages pension reform
reforms corruption fraud bribery scandal resignation resigned appointed dismissed decree
constitution amendment referendum president's administration cabinet prime premier chairman
committee council commission agency service services border troops army defence war peace
talks negotiations agreement treaty delegation visit summit meeting conference session
organization organizations movement coalition bloc alliance union association foundation
activists activist dissident dissidents critics critic accused accusations denied denial
allegations claimed confirmed announced warned urged called demanded insisted rejected
criticised condemned welcomed supported opposed promised signed approved adopted passed
independent independence sovereignty democracy democratic authoritarian regime rule power
influence pressure threat threats violence attack attacks killed wounded victims families
children students teachers schools university hospital doctors health water land farmers
harvest grain prices inflation currency exchange loan loans debt growth crisis shortage
electricity heating winter summer spring autumn morning evening night weekend holiday
observers monitoring monitors mission ballot ballots polling count results turnout fraud
registration registered barred excluded banned closed shut suspended fined seized raided
editor editors publisher publication article articles broadcast broadcasts website online
internet blog censorship libel defamation lawsuit appeal appeals verdict acquitted convicted
hearing hearings testimony witness witnesses evidence document documents letter letters
petition hunger strike march marches square street streets district province provinces
village villages mayor governor governors akim administration's officials' ministry's
border crossing refugees migrants visa visas passport citizens citizenship population census
energy minister finance justice interior education culture agriculture transport emergency
religious religion mosque church clergy believers community communities minority minorities
language languages ethnic nationalist nationalists youth veterans pensioners miners strikes
""")

_ONSETS = _words("b d g k l m n p r s t v z b d k l m n r s t br dr gr kr pl st tr sh ch zh kh f h")
_VOWELS = _words("a e i o u a e i o a e ai ou ia")
_CODAS = ["", "", "", "", "", "n", "r", "l", "s", "t", "m", "k", "nd", "st"]
_ENDINGS = ["", "", "", "", "", "", "a", "on", "ism", "ity", "ing", "ed", "er", "ic", "al", "ine"]


def _invented(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 2, 2, 3, 3))
    word = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )
    return word + rng.choice(_ENDINGS)


@cache
def vocabulary() -> tuple[str, ...]:
    """Every word, most frequent first (fixed: it does not depend on the corpus seed)."""
    words: list[str] = []
    seen: set[str] = set()
    for word in itertools.chain(FUNCTION_WORDS, NEWS_WORDS):
        if word not in seen:
            seen.add(word)
            words.append(word)
    rng = random.Random("archive-vocabulary")
    while len(words) < VOCABULARY_SIZE:
        word = _invented(rng)
        if 4 <= len(word) <= 11 and word not in seen:
            seen.add(word)
            words.append(word)
    return tuple(words)


def zipf_cumulative(size: int, exponent: float = ZIPF_EXPONENT) -> list[float]:
    """Cumulative Zipf–Mandelbrot weights for ranks 1..size, for random.choices(cum_weights=)."""
    return list(
        itertools.accumulate(1.0 / (rank + ZIPF_SHIFT) ** exponent for rank in range(1, size + 1))
    )


@cache
def cumulative_weights() -> tuple[float, ...]:
    return tuple(zipf_cumulative(len(vocabulary())))


@cache
def content_words() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The vocabulary without function words (for headlines), with its cumulative weights."""
    words = vocabulary()[len(set(FUNCTION_WORDS)) :]
    return words, tuple(zipf_cumulative(len(words)))
