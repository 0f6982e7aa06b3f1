#!/usr/bin/env python3
"""Builds dictionaries/grammar/evaluative-disapproval.txt, the disapproving adjectives derived
from the VADER sentiment lexicon, that demarche reads as criticism (111) when a speaker says them
of another actor or its act ("X says Y has been arrogant", "said Y's policy was callous").

Usage (from anywhere; rewrites the list):

    python3 scripts/build_evaluative_lexicon.py [PATH/TO/vader_lexicon.txt]

Without a path, the script fetches the wheel of the PyPI package vaderSentiment 3.3.2 with
`pip download --no-deps` into a temporary directory and reads `vaderSentiment/vader_lexicon.txt`
from it; nothing is installed. VADER (C.J. Hutto, MIT licence) gives each word the mean of ten
human ratings of its valence on a scale from -4 (extremely negative) to +4 (extremely positive).

Which words are kept:

* mean valence <= THRESHOLD (-1.5): clearly negative, not merely unpleasant. On VADER's scale
  -1 is "slightly negative" ("aggressive" -0.6, "ignorant" -1.1 fall short); -1.5 keeps the words
  raters agree are a bad mark ("arrogant" -2.2, "reckless" -1.7, "stubborn" -1.7, "lazy" -1.5);
* single lower-case words (letters and hyphens; no emoticons, no abbreviations of two or three
  letters such as "wtf");
* forms that can be a predicate adjective: inflected and derived forms that cannot are dropped
  by their ending (NON_ADJECTIVE_ENDINGS: past participles and feelings, "-ed"; gerunds,
  "-ing"; adverbs, "-ly"; nouns, "-ness", "-tion", "-ity", ...; plurals and third persons,
  "-s" but "-ous"); comparatives and superlatives ("-er", "-est") go too;
* read as an adjective (JJ) by demarche's own tagger in the frame "Japan said China was W."
  (the release CLI, target/release/demarche, must be built): nouns and verbs left by the
  endings ("attack", "threat", "ignore") go. The coder also requires the JJ tag in the sentence
  where it uses the list;
* not in EXCLUDED: words that are negative but no judgement of the one they are said of — the
  subject's own feelings and misfortunes ("angry", "afraid", "sick", "poor", "bankrupt"), the
  state of things ("difficult", "dire", "grave", "unsuccessful") and events ("killed", "war",
  "crisis") — nor nouns and verbs the tagger takes for adjectives out of context ("funeral",
  "villain", "neglect"), and no profanity (PROFANE);
* not already in a hand-kept list (disapproval-predicates.txt, accusation-predicates.txt).
"""

import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

THRESHOLD = -1.5
ROOT = pathlib.Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "dictionaries" / "grammar"
OUT = GRAMMAR / "evaluative-disapproval.txt"
HAND_LISTS = ["disapproval-predicates.txt", "accusation-predicates.txt"]
WHEEL = "vaderSentiment==3.3.2"
DEMARCHE = ROOT / "target" / "release" / "demarche"

NON_ADJECTIVE_ENDINGS = (
    "ed", "ing", "ly", "ness", "nesses", "ment", "ments", "tion", "tions", "sion", "sions",
    "ity", "ities", "ism", "isms", "ist", "ists", "er", "ers", "est", "iest", "ance", "ence",
    "dom", "ry", "ries", "ery", "hood", "ship", "or", "ee", "ure", "age",
)

# Negative, but no judgement of the one it is said of: feelings, misfortunes, states, events.
EXCLUDED = set("""
killed war crisis death dead die accident casualty corpse disaster tragedy injury
angry afraid aghast agitated anguish bitter chagrin crestfallen deject despondent disconsolate
distraught downcast fearful frantic furious glum grief heartbroken helpless hopeless indignant
irate livid lonesome melancholiac miserable moody mope mourn sad sorrowful sullen unhappy upset
uneasy uncomfortable uptight worried woebegone woeful sorry regretful resentful nervous panicky
scared insecure suicidal hysteria stricken frightful
sick ill hurt injured blind broke broken bankrupt poor poverty homeless jobless overweight
unhealthy weak powerless friendless optionless
difficult dire grim tragic tragical unfortunate painful stressful dismal gloom gloomful unstable
uncontrollable unsuccessful eerie scary scarey dark darkest dull doom doomful doomsday
apocalyptic traumatic torturous excruciate catastrophic devastative degradative
stolen fallen beaten forbidden foughten wept
negative pessimistic suspicious doubtable distractible distractive embarrassable depressible
repressible stealable destructible ruinable punishable lamentable regrettable unlovable
ugly unattractive charmless glamourless joyless cheerless comfortless pleasureless passionless
idealess idealless profitless trustless lowbrow grime grimy stank stinko rancid foetid
guilty illegal flu tumor
grave severe fatal adverse worse worst discomfortable unpleasant distressful mournful lugubrious
dolorous depressive depressant obsessional masochistic dumpish dumpy dullsville
funeral devil devilkin scandal villain villainy stench stenchful stenchy stinkard scumbag
flunky dullard fright grouch hooligan lowlight numbskull ignorami imbecile lunatic irritant
agony betrayal bastardy deprival disgust dread disrespect atab nitl fubar effin
fail neglect weep punish pollute obliterate overload panic reek repulse scold swindle loathe
haunt humiliate irritate infuriate frustrate misbehave deceive annoy aggravate uglify damnify
ruinate freeload farce
""".split())

# Profanity and slur forms: offensive, and no words of news reporting.
PROFANE = re.compile(r"(fuck|shit|piss|cunt|dick|douche|damn|bitch|slut|whore|bastard|moron|retard|twat)")


def lexicon_path() -> pathlib.Path:
    """The VADER lexicon: the path given, else the file inside the downloaded wheel."""
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="vader-"))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-q", "-d", str(tmp)],
        check=True,
    )
    wheel = next(tmp.glob("vaderSentiment-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extract("vaderSentiment/vader_lexicon.txt", tmp)
    return tmp / "vaderSentiment" / "vader_lexicon.txt"


def hand_kept() -> set:
    words = set()
    for name in HAND_LISTS:
        for line in (GRAMMAR / name).read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip())
    return words


def can_be_adjective(word: str) -> bool:
    if word.endswith(NON_ADJECTIVE_ENDINGS):
        return False
    return not (word.endswith("s") and not word.endswith(("ous", "ss")))


def derived(path: pathlib.Path) -> list:
    kept = hand_kept()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        word, mean = fields[0], float(fields[1])
        if mean > THRESHOLD or not re.fullmatch(r"[a-z][a-z-]{3,}", word):
            continue
        if word in EXCLUDED or word in kept or PROFANE.search(word) or not can_be_adjective(word):
            continue
        out.append(word)
    return sorted(set(out))


def tagged_adjectives(words: list) -> set:
    """The words demarche's own tagger reads as adjectives (JJ) in "Japan said China was W.":
    one `demarche explain` call over all the frames, its `tokens:` lines read back."""
    text = " ".join(f"Japan said China was {w}." for w in words)
    out = subprocess.run([str(DEMARCHE), "explain", text], capture_output=True, text=True,
                         check=True).stdout
    adjectives = set()
    for line in out.splitlines():
        tokens = line.split()
        if not tokens or tokens[0] != "tokens:":
            continue
        for before, token in zip(tokens, tokens[1:]):
            word, _, tag = token.rpartition("/")
            if before.startswith("was/") and tag.startswith("JJ"):
                adjectives.add(word)
    return adjectives


HEADER = """\
# Disapproving adjectives derived from the VADER sentiment lexicon (vaderSentiment 3.3.2,
# vader_lexicon.txt) by scripts/build_evaluative_lexicon.py — do not edit by hand: change the
# script (threshold, endings, exclusions) and run it again. Words with a mean valence of {t} or
# less that can be predicate adjectives, less feelings, misfortunes, states and events, and less
# the words of disapproval-predicates.txt and accusation-predicates.txt. The coder reads them as
# disapproval-predicates.txt words, but only where the tagger reads them as adjectives (JJ), and
# only of another actor or its act in reported words (code/judgement.rs).
#
# VADER: C.J. Hutto and E.E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment
# Analysis of Social Media Text", ICWSM 2014. The lexicon is used under the MIT licence:
#
# The MIT License (MIT)
#
# Copyright (c) 2016 C.J. Hutto
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
# BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main() -> None:
    candidates = derived(lexicon_path())
    adjectives = tagged_adjectives(candidates)
    words = [w for w in candidates if w in adjectives]
    OUT.write_text(HEADER.format(t=THRESHOLD) + "".join(w + "\n" for w in words))
    print(f"{OUT.relative_to(ROOT)}: {len(words)} words")


if __name__ == "__main__":
    main()
