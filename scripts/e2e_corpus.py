"""Writes the end-to-end test corpus as JSON Lines on stdout: the seed article (../shared/seed,
when present) and a reprint of it by another outlet, the example story, and a short story with
non-ASCII text before and inside its spans. Each record has an id, a date, an outlet and text."""
import json
import pathlib

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
