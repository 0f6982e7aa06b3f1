"""Type stubs for the compiled module ``demarche._demarche`` (PyO3)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

Text = Union[str, bytes]
DateLike = Union[str, datetime.date, None]
Record = Union[Dict[str, Any], str, bytes]
Event = Dict[str, Any]

__version__: str
#: ``[(name, type)]`` of the flat event columns; type is one of ``string``, ``int64``,
#: ``float64``, ``list<string>``.
COLUMNS: List[Tuple[str, str]]

class DictionaryError(Exception):
    """A dictionary could not be used; the message lists each problem as ``file:line: message``."""

    #: ``(file, line, message)`` for each problem.
    diagnostics: List[Tuple[str, int, str]]

class EventStream(Iterator[Any]):
    """Events of ``code_many`` (dicts) or column chunks of ``code_columns``, in input order."""

    def __iter__(self) -> "EventStream": ...
    def __next__(self) -> Any: ...

class Coder:
    """A compiled event coder (dictionaries and gazetteer built once; thread-safe)."""

    def __init__(
        self,
        dictionaries: Union[str, "os.PathLike[str]", None] = None,
        places: bool = True,
        keep_hypothetical: bool = False,
        country: Optional[str] = None,
    ) -> None: ...
    def code(self, text: Text, date: DateLike = None, doc_id: Optional[str] = None) -> List[Event]:
        """The events of one text (fields of the CLI's JSON Lines). A bad date is a ValueError."""
    def code_many(self, records: Iterable[Record], threads: Optional[int] = None) -> EventStream:
        """Streams the events of many records (dicts with ``text`` and optional ``id``, ``date``
        and other fields, kept as ``meta``; or plain strings), coded in parallel chunks of up
        to 1,024 documents without the GIL, in input order."""
    def code_columns(self, records: Iterable[Record], threads: Optional[int] = None) -> EventStream:
        """Like ``code_many``, yielding one ``{column: list}`` dict per chunk (``COLUMNS``)."""
    def explain(self, sentence: Text, date: DateLike = None) -> Dict[str, Any]:
        """Per sentence: tokens, phrases, clauses, actors, places, decisions and events; plus
        ``warnings`` and ``report`` (the text ``demarche explain`` prints)."""
    @property
    def dictionaries(self) -> Optional[str]: ...
    @property
    def places(self) -> bool: ...
    @property
    def keep_hypothetical(self) -> bool: ...
