#!/usr/bin/env python3
"""Verb and complement coverage of the dictionaries on text nobody coded.

usage: verb_coverage.py (--docs DOCS.jsonl [--from N] | --codebook FILE.tsv)
                        [--bin PATH] [--dict DIR] [--top K] [--examples]

Runs `demarche explain` on each document (a JSON Lines file written by scripts/devset.py, from
document number N on, or the rows of a codebook TSV) and reads its analysis: tokens with tags and
lemmas, actors, pattern decisions and events. It prints two tables, counts by lemma:

  (a) main verbs with an object in sentences that coded nothing (and name an actor) whose word
      no pattern matched: verbs the dictionary does not know in a use that may be an event;
  (b) complements of governing words (the appeal, demand, intent, threat and refusal governors
      of dictionaries/grammar/*-governors.txt, plus announce, order, approve) whose act was not
      found: the governor coded only its family default (020, 030, 100, 120, 130: a three-digit
      code ending in 0) or nothing. A complement is the verb after "to" (with its particle and
      object noun: "relax * law"), the event noun after "for", or a direct object noun.

Never run it on the blind test split (lee-064..127): the ABC documents it is meant for are
lee-192..299 (`--from 192`); documents lee-064..127 are skipped whatever `--from` says. `--examples` prints one sentence per lemma, for reading.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAMMAR = os.path.join(ROOT, "dictionaries", "grammar")
GOVERNOR_FILES = ("appeal", "demand", "intent", "threat", "reject")
EXTRA_GOVERNORS = {"announce": "announce", "order": "demand", "approve": "announce"}
AUXILIARIES = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "must",
               "shall", "should", "say", "tell", "get", "make", "take", "give", "go", "come"}
TOKEN = re.compile(r"^(.*)/([A-Z$]+)(?:\((.*)\))?$")
DECISION = re.compile(r"pattern '([^']*)' \(([0-9]+)\) at '([^']*)'(.*)")
CODED_AS = re.compile(r"coded as ([0-9]+)")
OBJECT_START = {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "PRP"}
NOUN = {"NN", "NNS", "NNP", "NNPS"}
# Governors whose direct object is the act itself ("demanded the release", "announced the
# deployment"); the others' object is the one addressed ("told the court", "urged Iran").
OBJECT_GOVERNORS = {"demand", "order", "request", "announce", "approve", "offer", "promise",
                    "pledge", "plan", "reject", "refuse", "rebuff", "threaten", "urge", "seek"}


def governors():
    table = dict(EXTRA_GOVERNORS)
    for stance in GOVERNOR_FILES:
        with open(os.path.join(GRAMMAR, f"{stance}-governors.txt"), encoding="utf-8") as f:
            for line in f:
                word = line.strip()
                if word and not word.startswith("#"):
                    table.setdefault(word, stance)
    return table


def explain(binary, dict_dir, text):
    cmd = [binary, "explain", "--date", "2002-01-02", "-"]
    if dict_dir:
        cmd[2:2] = ["--dict", dict_dir]
    done = subprocess.run(cmd, input=text, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"verb_coverage: {binary} explain failed: {done.stderr.strip()[:300]}")
    return done.stdout


def parse(output):
    """The sentences of one explain output: text, tokens, actors, decisions, event codes."""
    sentences = []
    for line in output.splitlines():
        if line.startswith("sentence "):
            sentences.append({"text": line.split(": ", 1)[-1], "tokens": [], "actors": 0,
                              "decisions": [], "events": []})
        elif not sentences:
            continue
        elif line.startswith("  tokens:"):
            sentences[-1]["tokens"] = [tokenize(t) for t in line.split(None, 1)[1].split(" ")]
        elif line.startswith("  actor "):
            sentences[-1]["actors"] += 1
        elif line.startswith("  decision"):
            found = DECISION.search(line)
            if found:
                pattern, code, word, rest = found.groups()
                recoded = CODED_AS.search(rest)
                sentences[-1]["decisions"].append((word.lower(), recoded.group(1) if recoded else code))
        elif line.startswith("  event "):
            sentences[-1]["events"].append(line.split()[4])
    return sentences


def tokenize(item):
    found = TOKEN.match(item)
    if not found:
        return (item, "", item.lower())
    word, tag, lemma = found.groups()
    return (word, tag, (lemma or word).lower())


def is_default(code):
    return len(code) == 3 and code.endswith("0")


def object_head(tokens, start, limit=6):
    """The last noun of the noun phrase opening at `start` (its head), or None."""
    if start >= len(tokens) or tokens[start][1] not in OBJECT_START:
        return None
    head = None
    for word, tag, lemma in tokens[start:start + limit]:
        if tag in NOUN:
            head = lemma
        elif tag not in OBJECT_START or (head and tag != "NN"):
            break
    return head


def uncovered_verbs(sentence):
    """(a): verbs with an object that no decision names, in a sentence with no event."""
    if sentence["events"] or not sentence["actors"]:
        return []
    named = {word for word, _ in sentence["decisions"]}
    found = []
    tokens = sentence["tokens"]
    for i, (word, tag, lemma) in enumerate(tokens):
        if not tag.startswith("VB") or lemma in AUXILIARIES or word.lower() in named:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j][1] in ("RP", "RB"):
            j += 1
        if object_head(tokens, j):
            particle = " ".join(t[2] for t in tokens[i + 1:j] if t[1] == "RP")
            found.append(f"{lemma} {particle}".strip())
    return found


def complement(tokens, i, direct):
    """(b): the act a governor at `i` governs: 'to VERB [particle] * noun', 'for noun', object."""
    for j in range(i + 1, min(i + 9, len(tokens) - 1)):
        word, tag, lemma = tokens[j]
        if tag == "PUNCT" or (tag.startswith("VB") and j > i + 1):
            return None
        if word.lower() == "to" and tokens[j + 1][1] == "VB":
            k = j + 2
            parts = [tokens[j + 1][2]]
            while k < len(tokens) and tokens[k][1] in ("RP", "RB") and k < j + 4:
                if tokens[k][1] == "RP" or tokens[k][0].lower() in ("back", "down", "up", "off", "out"):
                    parts.append(tokens[k][2])
                k += 1
            noun = object_head(tokens, k)
            return " ".join(parts) + (f" * {noun}" if noun else "")
        if word.lower() == "for" or (direct and j == i + 1 and tag in OBJECT_START - {"PRP", "NNP"}):
            start = j + 1 if word.lower() == "for" else j
            noun = object_head(tokens, start)
            proper = tokens[start][1].startswith("NNP")
            return f"N:{noun}" if noun and not proper else None
    return None


def uncovered_complements(sentence, table):
    found = []
    tokens = sentence["tokens"]
    for i, (word, tag, lemma) in enumerate(tokens):
        stance = table.get(lemma) or table.get(word.lower())
        if not stance or not (tag.startswith("VB") or tag.startswith("NN") or tag == "JJ"):
            continue
        act = complement(tokens, i, lemma in OBJECT_GOVERNORS)
        if not act:
            continue
        codes = [code for _, code in sentence["decisions"]]
        if any(not is_default(code) for code in codes if code[:2] in stance_roots(stance)):
            continue
        found.append((stance, lemma, act))
    return found


def stance_roots(stance):
    return {"appeal": {"02"}, "demand": {"10"}, "intent": {"03", "13"}, "threat": {"13"},
            "reject": {"12"}, "announce": {f"{n:02}" for n in range(1, 21)}}[stance]


def documents(args):
    if args.docs:
        with open(args.docs, encoding="utf-8") as f:
            for n, line in enumerate(f):
                doc = json.loads(line)
                if n >= args.start and not blind(doc.get("id", "")):
                    yield doc["text"]
    else:
        with open(args.codebook, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if line.strip() and not line.startswith("#") and len(cols) == 6:
                    yield cols[2]


def blind(doc_id):
    """The blind test split (lee-064..127) is never read, whatever --from says."""
    found = re.fullmatch(r"lee-([0-9]+)", doc_id)
    return bool(found) and 64 <= int(found.group(1)) <= 127


def report(title, counts, examples, top, show):
    print(f"== {title}: {sum(counts.values())} occurrences, {len(counts)} lemmas")
    for key, n in counts.most_common(top):
        print(f"{n:5}  {key}" + (f"    | {examples[key][:150]}" if show else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--docs")
    src.add_argument("--codebook")
    ap.add_argument("--from", dest="start", type=int, default=0)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "demarche"))
    ap.add_argument("--dict")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args()
    table = governors()
    verbs, comps, examples = Counter(), Counter(), {}
    sentences = empty = 0
    for path in (args.docs or args.codebook, args.bin):
        if not os.path.exists(path):
            sys.exit(f"verb_coverage: {path}: no such file")
    for text in documents(args):
        for sentence in parse(explain(args.bin, args.dict, text)):
            sentences += 1
            empty += not sentence["events"]
            for lemma in uncovered_verbs(sentence):
                verbs[lemma] += 1
                examples.setdefault(lemma, sentence["text"])
            for stance, governor, act in uncovered_complements(sentence, table):
                key = f"{stance}: {act}"
                comps[key] += 1
                examples.setdefault(key, sentence["text"])
    print(f"verb_coverage: {sentences} sentences, {empty} without an event")
    report("(a) verbs with an object, no pattern, in event-less sentences", verbs, examples,
           args.top, args.examples)
    report("(b) governed acts not found (family default or nothing)", comps, examples,
           args.top, args.examples)


if __name__ == "__main__":
    main()
