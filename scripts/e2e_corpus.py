"""Writes the end-to-end test corpus as JSON Lines on stdout: the seed article (../shared/seed,
when present) and a reprint of it by another outlet, the example story, and a short story with
non-ASCII text before and inside its spans. Each record has an id, a date, an outlet and text.

`--cluster DB` instead fills the `clusters` table of a store the way the test fixture does (same
source, target and CAMEO root in more than one document): a stand-in for `demarche dedup`."""
import json
import pathlib
import sqlite3
import sys

CLUSTER_SQL = """
INSERT INTO clusters (canonical_event_id, cameo, root, source_code, target_code, first_date,
                      last_date, mentions, documents, outlets)
SELECT min(e.id), min(e.cameo), e.root, e.source_code, e.target_code, min(e.day), max(e.day),
       count(*), count(DISTINCT e.document_id), count(DISTINCT d.outlet)
FROM events e JOIN documents d ON d.id = e.document_id
WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL
GROUP BY e.source_code, e.target_code, e.root HAVING count(DISTINCT e.document_id) > 1;
UPDATE events SET cluster_id = (SELECT c.id FROM clusters c WHERE c.source_code = events.source_code
    AND c.target_code = events.target_code AND c.root = events.root);
UPDATE clusters SET cameo = (SELECT cameo FROM events WHERE id = canonical_event_id);
"""

if sys.argv[1:2] == ["--cluster"]:
    with sqlite3.connect(sys.argv[2]) as db:
        db.executescript(CLUSTER_SQL)
    sys.exit(0)

root = pathlib.Path(__file__).resolve().parent.parent
example = (root / "examples/example-story.txt").read_text()
seed_path = root.parent / "shared/seed/six-party-talks-2006.txt"
seed = seed_path.read_text() if seed_path.is_file() else example
non_ascii = (
    "Séoul, 12 octobre — « Déjà vu », said the mayor. "
    "North Korea’s Kim Jong-Il condemned Japan in Pyongyang on Tuesday. "
    "Japan’s Prime Minister Shinzo Abe criticized North Korea in Tōkyō on Wednesday."
)
for id_, date, outlet, text in [
    ("seed-2006", "2006-10-09", "Seed Wire", seed),
    ("seed-2006-reprint", "2006-10-17", "Other Daily", seed),
    ("example", "2006-11-30", "Example Post", example),
    ("non-ascii", "2006-10-12", "Le Monde Test", non_ascii),
]:
    print(json.dumps({"id": id_, "date": date, "outlet": outlet, "text": text}, ensure_ascii=False))
