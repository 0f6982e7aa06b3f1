"""demarche on Spark: code a DataFrame of documents into a DataFrame of events.

:func:`code_dataframe` runs ``mapInArrow`` over the selected id, text and date columns. Each
Spark Python worker process builds one :class:`demarche.Coder` the first time it codes (about
0.1 s: the dictionaries and gazetteer are compiled into the wheel, nothing is read from disk)
and keeps it for every later batch and task (PySpark reuses its Python workers by default).
Partitions are coded independently, so throughput scales with the number of task slots; each
worker codes its partition on ``threads`` threads (default 1: Spark already runs one task per
core).

The result has :func:`event_schema`: the flat :data:`demarche.COLUMNS` — ``doc`` (the id),
``sentence``, ``sentence_start``/``_end`` (byte offsets into the UTF-8 text), ``date``,
``date_precision``, ``doc_date``, ``source_*`` and ``target_*`` (``code``, ``text``, ``start``,
``end``, ``entry``, ``via``), ``cameo``, ``event_name``, ``goldstein``, ``quad_class``,
``plover``, ``plover_mode``, ``plover_context``, ``evidence_*`` (``text``, ``start``, ``end``, ``entry``,
``pattern``), ``rules`` (array of strings), ``quote_*``, ``location_*`` (``name``, ``country``,
``admin1``, ``lat``, ``lon``, ``feature_type``, ``start``, ``end``, ``precision``,
``geonameid``) and ``meta`` (always null here: only the three columns are coded). Strings are
``string``, integers ``bigint``, ``goldstein``/``lat``/``lon`` ``double``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Tuple

import demarche

_CODERS: Dict[Tuple[Any, ...], "demarche.Coder"] = {}


def event_schema():
    """The Spark ``StructType`` of the events (:data:`demarche.COLUMNS`), all fields nullable."""
    from pyspark.sql import types as T

    kinds = {
        "string": T.StringType(),
        "int64": T.LongType(),
        "float64": T.DoubleType(),
        "list<string>": T.ArrayType(T.StringType()),
    }
    return T.StructType([T.StructField(n, kinds[k], True) for n, k in demarche.COLUMNS])


def executor_coder(dictionaries: Optional[str] = None, places: bool = True,
                   keep_hypothetical: bool = False) -> "demarche.Coder":
    """This process's coder for these options, built on first use and then reused."""
    key = (dictionaries, places, keep_hypothetical)
    coder = _CODERS.get(key)
    if coder is None:
        coder = demarche.Coder(dictionaries=dictionaries, places=places,
                               keep_hypothetical=keep_hypothetical)
        _CODERS[key] = coder
    return coder


def code_dataframe(df, text_col: str = "text", id_col: str = "id", date_col: str = "date", *,
                   dictionaries: Optional[str] = None, places: bool = True,
                   keep_hypothetical: bool = False, threads: int = 1):
    """A Spark DataFrame of the events of ``df`` (one document per row), schema
    :func:`event_schema`.

    ``id_col`` may be a string or integer column; ``date_col`` (optional: omitted when ``df``
    has no such column) a string, date or timestamp column. ``dictionaries`` must be a path
    readable on every executor (the bundled dictionaries need nothing). Events keep the order
    of their documents within a partition; sort (e.g. by ``doc``, ``sentence``) if order
    matters. A record that cannot be coded (a bad date, a null text) fails its task with the
    library's message."""
    columns = [df[id_col].cast("string").alias("id"), df[text_col].alias("text")]
    if date_col in df.columns:
        columns.append(df[date_col].alias("date"))
    options = (dictionaries, places, keep_hypothetical)

    def code_batches(batches: Iterator[Any]) -> Iterator[Any]:
        coder = executor_coder(*options)
        yield from coder.iter_arrow(_records(batches), threads=threads)

    return df.select(*columns).mapInArrow(code_batches, event_schema())


def _records(batches: Iterator[Any]) -> Iterator[Dict[str, Any]]:
    for batch in batches:
        data = batch.to_pydict()
        ids, texts = data["id"], data["text"]
        dates = data.get("date", [None] * len(ids))
        for doc_id, text, day in zip(ids, texts, dates):
            yield {"id": doc_id, "text": text, "date": day}
