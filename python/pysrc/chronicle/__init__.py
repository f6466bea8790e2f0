"""chronicle from Python: open a store, read its records, ingest articles, brief a story.

Records are the JSONL export's (see docs/EXPORT-FORMAT.md): plain dicts with the same
fields, ids and character offsets. Lists of them come as ``Records``, a list that also
converts to a pandas DataFrame (``to_pandas``) or a pyarrow Table (``to_arrow``) when
those packages are installed.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _chronicle
from ._chronicle import ChronicleError

__all__ = ["open", "ingest", "Store", "Records", "ChronicleError"]

PathLike = Union[str, "os.PathLike[str]"]


class Records(list):
    """A list of record dicts, convertible to a data frame."""

    def to_pandas(self):
        """The records as a pandas DataFrame (needs pandas)."""
        try:
            import pandas
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ImportError("Records.to_pandas needs pandas: pip install pandas") from e
        return pandas.DataFrame(list(self))

    def to_arrow(self):
        """The records as a pyarrow Table (needs pyarrow)."""
        try:
            import pyarrow
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ImportError("Records.to_arrow needs pyarrow: pip install pyarrow") from e
        # every field any record has (from_pylist would keep only the first record's)
        keys: Dict[str, None] = {}
        for record in self:
            keys.update(dict.fromkeys(record))
        return pyarrow.Table.from_pydict({k: [r.get(k) for r in self] for k in keys})


class Store:
    """An open chronicle store. Build one with :func:`chronicle.open`."""

    def __init__(self, native: "_chronicle.Store") -> None:
        self._native = native

    @property
    def path(self) -> str:
        """The store file."""
        return self._native.path

    def __repr__(self) -> str:
        return f"<chronicle.Store {self.path}>"

    def _records(self, kinds: List[str], reports: bool = False) -> Records:
        return Records(json.loads(line) for line in self._native.records(kinds, reports))

    def documents(self) -> Records:
        """Every document record (with its clean ``body``)."""
        return self._records(["document"])

    def entities(self) -> Records:
        """Every entity record."""
        return self._records(["entity"])

    def stories(self) -> Records:
        """Every story record."""
        return self._records(["story"])

    def events(
        self,
        type: Optional[str] = None,
        actor: Optional[str] = None,
        since: Optional[str] = None,
        reports: bool = False,
    ) -> Records:
        """Event records, merged across reports (one per report with ``reports=True``).

        ``type``: a PLOVER type, any case. ``actor``: an entity id (``e:RUS``), a country
        code, or part of an actor's name, as ``chronicle events --actor``. ``since``:
        ``YYYY-MM-DD``; only events that may be on or after that day (undated ones are
        left out).
        """
        records = self._records(["entity", "event"], reports)
        entities = {r["id"]: r for r in records if r["kind"] == "entity"}
        events = [r for r in records if r["kind"] == "event"]
        if type is not None:
            events = [e for e in events if e["type"] == type.strip().upper()]
        if actor is not None:
            events = [e for e in events if any(_is_actor(entities.get(a), a, actor) for a in e["actors"])]
        if since is not None:
            _check_day(since)
            events = [e for e in events if _may_be_since(e["date"], since)]
        return Records(events)

    def brief(self, story: Optional[str] = None) -> str:
        """A Markdown brief of a story (id or prefix; default the largest), every line cited."""
        return self._native.brief(story)


def _is_actor(entity: Optional[Dict[str, Any]], entity_id: str, wanted: str) -> bool:
    if entity_id == wanted or entity_id == "e:" + wanted:
        return True
    if entity is None:
        return False
    if entity.get("country") and entity["country"].lower() == wanted.lower():
        return True
    return wanted.lower() in (entity.get("name") or "").lower()


def _check_day(day: str) -> None:
    import datetime

    try:
        datetime.date.fromisoformat(day)
    except (TypeError, ValueError):
        raise ValueError(f"since must be a day written YYYY-MM-DD, not {day!r}") from None


def _may_be_since(date: Dict[str, Any], since: str) -> bool:
    """True when the event may fall on or after ``since`` (ISO strings compare in order)."""
    value, latest = date.get("value"), date.get("latest")
    if value:
        # a month or year value covers its whole period
        return value >= since[: len(value)]
    if latest:
        return latest >= since
    return date.get("earliest") is not None  # open-ended after a known day


def open(path: PathLike) -> Store:
    """Opens the store at ``path``; raises ChronicleError when there is none."""
    return Store(_chronicle.open(os.fspath(path)))


def ingest(db: PathLike, paths: Union[PathLike, Iterable[PathLike]]) -> Dict[str, Any]:
    """Ingests files or folders into the store ``db`` (created when missing).

    Returns what became of every input: ``ingested`` and ``appended`` document ids,
    ``duplicates`` as ``(source, id)`` pairs, ``rejected`` as dicts with ``source``,
    ``kind`` and ``reason``, and the CLI's closing ``summary`` line.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _chronicle.ingest(os.fspath(db), [os.fspath(p) for p in paths])
