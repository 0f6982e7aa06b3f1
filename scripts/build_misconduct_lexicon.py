#!/usr/bin/env python3
"""Builds dictionaries/grammar/misconduct-verbs.txt, the verbs of harmful, failing or deceptive
acts derived from the VADER sentiment lexicon, that demarche reads as an accusation (112) when a
speaker says another actor did them ("X says Y is abusing its power", "said Y had betrayed the
workers", "says Y deceived the public").

Usage (from anywhere; rewrites the list):

    python3 scripts/build_misconduct_lexicon.py [PATH/TO/vader_lexicon.txt]

Without a path, the script fetches the wheel of the PyPI package vaderSentiment 3.3.2 with
`pip download --no-deps` into a temporary directory, as scripts/build_evaluative_lexicon.py does;
nothing is installed. VADER (C.J. Hutto, MIT licence) gives each word the mean of ten human
ratings of its valence on a scale from -4 to +4.

Which words are kept:

* mean valence <= THRESHOLD (-1.5): clearly negative ("betray" -3.2, "deceive" -1.7, "ignore"
  -1.5; "cut" -1.1 and "undermine" -1.2 fall short, "prevent" is +0.1);
* single lower-case words of letters whose inflected forms VADER also rates ("abuse" with
  "abused", "abusing"; "ignore" with "ignored"): the evidence, inside the lexicon itself, that
  the word is a verb ("war", "pain", "devil" have none);
* not in EXCLUDED: verbs that are no misconduct of the one who does them — the doer's own
  feelings and misfortunes ("hate", "fear", "suffer", "lose", "die"), feelings caused in others
  ("anger", "disappoint", "upset"), speech acts and judgements that CAMEO codes on their own
  ("criticize", "condemn", "reject"), acts of force and authority with codes of their own
  ("attack", "fight", "threaten", "ban", "arrest", "prosecute"), trade and policy verbs that
  are often neutral ("restrict", "dump"), and nouns, adjectives and profanity the inflection
  test lets through ("grim", "bitter", "fault");
* not already an entry of judged-deeds.txt (the hand-kept deeds, with their own codes).
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
OUT = GRAMMAR / "misconduct-verbs.txt"
DEEDS = GRAMMAR / "judged-deeds.txt"
WHEEL = "vaderSentiment==3.3.2"

# Verbs that are no misconduct of their doer (see the module docstring).
EXCLUDED = set("""
die suffer weep cry mourn grieve worry fear dread hate loathe abhor regret lament dislike
distrust doubt disagree complain whine nag mope scream ache lose fail collapse misunderstand
agonize agonise stress freak puke reek stink suck piss damn goddam goddamn fuck shit bitch
anger enrage disgust repulse sadden horrify appall infuriate terrify scare annoy irritate dismay
disappoint upset shock haunt petrify frustrate dishearten discourage deject depress agitate
disturb sicken dissatisfy traumatise traumatize excruciate anguish chagrin heartbreak distress
criticize criticise condemn chastise ridicule mock belittle disparage insult reject snub dispute
outrage shame disgrace prejudice
attack fight battle threaten menace defeat ban expel detain prosecute punish revenge assault
restrict inhibit dump burden doom decay waste spam mooch freeload abandon
rage spite trouble bereave drown choke smother
devil whore war grim danger threat pain sorrow gloom grouch bfe sucker retard chucklehead
lamebrain louse grime dumb dull gross bitter grave severe fright fault mess discomfort
disadvantage shylock savage rejectee murderee warmonger uglify damnify ruinate destruct
""".split())


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


def inflections(word: str) -> set:
    """The past and -ing forms a verb `word` may have ("abuse": "abused", "abusing")."""
    stems = {word, word[:-1] if word.endswith("e") else word, word + word[-1]}
    forms = {s + suffix for s in stems for suffix in ("ed", "ing", "d")}
    if word.endswith("y"):
        forms.add(word[:-1] + "ied")
    return forms - {word}


def hand_kept() -> set:
    """The one-word entries of judged-deeds.txt (their code stays theirs)."""
    words = set()
    for line in DEEDS.read_text().splitlines():
        fields = line.split()
        if len(fields) == 2 and not line.startswith("#"):
            words.add(fields[1])
    return words


def derived(path: pathlib.Path) -> list:
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            lexicon[fields[0]] = float(fields[1])
    kept = hand_kept()
    out = []
    for word, mean in lexicon.items():
        if mean > THRESHOLD or not re.fullmatch(r"[a-z]{3,}", word):
            continue
        if word in EXCLUDED or word in kept:
            continue
        if any(form in lexicon for form in inflections(word)):
            out.append(word)
    return sorted(out)


HEADER = """\
# Verbs of harmful, failing or deceptive acts derived from the VADER sentiment lexicon
# (vaderSentiment 3.3.2, vader_lexicon.txt) by scripts/build_misconduct_lexicon.py — do not edit
# by hand: change the script (threshold, exclusions) and run it again. Base forms with a mean
# valence of {t} or less whose inflected forms VADER also rates, less feelings, misfortunes,
# speech acts and acts with CAMEO codes of their own, and less the one-word entries of
# judged-deeds.txt. The coder reads them as judged-deeds.txt entries coded 112: a speaker who
# says another actor did one accuses it ("says Y is abusing its power"; code/judgement.rs).
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
    words = derived(lexicon_path())
    OUT.write_text(HEADER.format(t=THRESHOLD) + "".join(w + "\n" for w in words))
    print(f"{OUT.relative_to(ROOT)}: {len(words)} words")


if __name__ == "__main__":
    main()
