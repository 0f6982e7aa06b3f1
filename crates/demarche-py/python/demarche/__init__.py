"""demarche: a political event coder — news text in, CAMEO/PLOVER events out.

Each event names who did what to whom, when and where, with CAMEO codes, PLOVER types, Goldstein
scores and quad classes, and for every field the byte span of the text it came from and the
dictionary entry that fired. The coding runs in Rust (the ``demarche`` library); this package
adds pandas, Arrow and Spark front ends.

>>> import demarche
>>> coder = demarche.Coder()
>>> [e["cameo"] for e in coder.code("Russia condemned Ukraine.", date="2024-05-01")]
['111']

Events are dicts with the fields of the CLI's JSON Lines (``demarche code``; see
docs/output.md). :data:`COLUMNS` is the flat, tabular form used by :meth:`Coder.code_arrow`,
:meth:`Coder.code_frame`, :func:`to_pandas` and :mod:`demarche.spark`.
"""

from __future__ import annotations

import json
import numbers
from typing import Any, Dict, Iterable, Iterator, List, Optional

from . import _demarche
from ._demarche import DictionaryError, EventStream, __version__

__all__ = [
    "COLUMNS",
    "Coder",
    "DictionaryError",
    "EventStream",
    "arrow_schema",
    "flatten_event",
    "to_pandas",
    "__version__",
]

#: The flat event columns, ``[(name, type)]``, type one of ``string``, ``int64``, ``float64``
#: and ``list<string>``: the JSON fields with nested objects joined by ``_`` (``source_code``),
#: each span split into ``_start``/``_end``, and the record's other fields as a JSON string in
#: ``meta``.
COLUMNS: List[tuple] = [tuple(c) for c in _demarche.COLUMNS]
_NAMES = [name for name, _ in COLUMNS]


class Coder(_demarche.Coder):
    """A demarche event coder; build it once (dictionaries and gazetteer compile in ~0.1 s).

    Args:
        dictionaries: a directory laid out like demarche's ``dictionaries/`` (``actors/*.txt``,
            ``agents.txt``, ``verbs.txt``, ``discards.txt``, ``cameo.tsv``); ``None`` uses the
            bundled dictionaries. A line that cannot be used raises :class:`DictionaryError`
            listing each problem as ``file:line: message``.
        places: resolve each event's location with the bundled GeoNames gazetteer.
        keep_hypothetical: also code acts under "must/should/could/might/may" and in "if"
            clauses (they have not happened; off by default, as in the CLI).
        country: the home country (CAMEO/ISO3 code such as ``"AUS"``) of actors named without
            one ("the Government", "police") in documents that name no country, as the CLI's
            ``--country``; an unknown code raises ``ValueError``.

    ``code``, ``code_many`` and ``explain`` release the GIL while coding; a coder may be shared
    between threads.
    """

    def code_arrow(self, records: Iterable[Any], threads: Optional[int] = None):
        """Codes records like :meth:`code_many` into a ``pyarrow.Table`` of :data:`COLUMNS`.

        The columns are built in Rust from the events (no JSON in between)."""
        import pyarrow as pa

        schema = arrow_schema()
        batches = list(self.iter_arrow(records, threads))
        return pa.Table.from_batches(batches, schema=schema)

    def iter_arrow(self, records: Iterable[Any], threads: Optional[int] = None):
        """Yields ``pyarrow.RecordBatch`` es of :data:`COLUMNS`, one per chunk of up to 1,024
        documents: a streaming :meth:`code_arrow`."""
        import pyarrow as pa

        schema = arrow_schema()
        for columns in self.code_columns(records, threads):
            yield pa.RecordBatch.from_pydict(columns, schema=schema)

    def code_frame(self, df, text: str = "text", id: str = "id", date: str = "date",
                   threads: Optional[int] = None):
        """Codes a pandas DataFrame (one document per row) into a DataFrame of events.

        ``text`` names the text column; ``id`` the id column (the row index when the frame has
        no such column); ``date`` the date column (strings, dates or timestamps; optional).
        The result has :data:`COLUMNS`, one row per event, in row order."""
        return _frame_of(self, _frame_records(df, text, id, date), threads)


def _frame_records(df, text: str, id: str, date: str) -> Iterator[Dict[str, Any]]:
    if text not in df.columns:
        raise KeyError(f"the frame has no text column {text!r}")
    ids = df[id].tolist() if id in df.columns else df.index.tolist()
    dates = df[date].tolist() if date in df.columns else [None] * len(df)
    for doc_id, body, day in zip(ids, df[text].tolist(), dates):
        yield {"id": _id_text(doc_id), "text": body, "date": day}


def _id_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return str(int(value))
    return str(value)


def _frame_of(coder: Coder, records: Iterable[Any], threads: Optional[int]):
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return to_pandas(coder.code_many(records, threads))
    return coder.code_arrow(records, threads).to_pandas()


def arrow_schema():
    """The ``pyarrow.Schema`` of :data:`COLUMNS`."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "list<string>": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS])


def flatten_event(event: Dict[str, Any]) -> Dict[str, Any]:
    """One event dict (the JSON Lines form) as a row of :data:`COLUMNS`.

    Raises ``ValueError`` for a field that has no column (the event format changed)."""
    flat: Dict[str, Any] = {}
    _flatten_into(event, "", flat)
    unknown = set(flat) - set(_NAMES)
    if unknown:
        raise ValueError(f"event fields without a column: {sorted(unknown)}")
    row = {name: flat.get(name) for name in _NAMES}
    row["rules"] = flat.get("rules", [])
    return row


def _flatten_into(value: Dict[str, Any], prefix: str, out: Dict[str, Any]) -> None:
    for key, item in value.items():
        name = prefix + key
        if not prefix and key == "meta":
            out["meta"] = json.dumps(item, ensure_ascii=False, separators=(",", ":"),
                                     sort_keys=True)
        elif key.endswith("span") and isinstance(item, list):
            base = name[: -len("span")]
            out[base + "start"], out[base + "end"] = item
        elif isinstance(item, dict):
            _flatten_into(item, name + "_", out)
        elif item is None and name not in _NAMES and _is_object(name):
            pass  # a null object (no target, no location): all its columns are null
        else:
            out[name] = item


def _is_object(name: str) -> bool:
    return any(column.startswith(name + "_") for column in _NAMES)


def to_pandas(events: Iterable[Dict[str, Any]]):
    """A pandas DataFrame of :data:`COLUMNS` from event dicts (``code``/``code_many`` output).

    With pyarrow installed the frame has the same dtypes as ``code_arrow(...).to_pandas()``."""
    import pandas as pd

    rows = [flatten_event(e) for e in events]
    try:
        import pyarrow as pa
    except ImportError:
        return pd.DataFrame.from_records(rows, columns=_NAMES)
    return pa.Table.from_pylist(rows, schema=arrow_schema()).to_pandas()
