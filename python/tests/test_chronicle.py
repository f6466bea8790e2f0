"""The Python package on the demo corpus: ingest, open, read records, filter events, brief."""

import datetime
from pathlib import Path

import pytest

import chronicle

DEMO = Path(__file__).resolve().parents[2] / "examples" / "istanbul-talks"


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "demo.db"
    summary = chronicle.ingest(path, DEMO)
    assert len(summary["ingested"]) == 5
    assert summary["rejected"] == []
    assert summary["summary"].startswith("ingested 5 document(s)")
    return path


def test_ingest_twice_reports_duplicates(db):
    again = chronicle.ingest(db, [DEMO])
    assert again["ingested"] == []
    assert len(again["duplicates"]) == 5
    source, doc_id = again["duplicates"][0]
    assert source.endswith(".txt") and doc_id.startswith("d:")


def test_documents_are_export_records(db):
    store = chronicle.open(db)
    docs = store.documents()
    assert isinstance(docs, list) and len(docs) >= 5
    hosts = [d for d in docs if d["appended_to"] is None]
    assert len(hosts) == 5
    for d in docs:
        assert d["kind"] == "document" and d["id"].startswith("d:")
        assert d["body"]
    assert any("Istanbul" in d["body"] for d in docs)


def test_entities_and_stories(db):
    store = chronicle.open(db)
    entities = store.entities()
    by_id = {e["id"]: e for e in entities}
    assert "e:RUS" in by_id and by_id["e:RUS"]["type"] == "location"
    stories = store.stories()
    assert stories and all(s["id"].startswith("s:") for s in stories)
    assert any(len(s["documents"]) >= 2 for s in stories)


def test_events_filter_by_type_actor_and_date(db):
    store = chronicle.open(db)
    every = store.events()
    assert every and all(e["kind"] == "event" for e in every)
    consult = store.events(type="consult")
    assert consult and all(e["type"] == "CONSULT" for e in consult)
    assert len(consult) < len(every)
    russia = store.events(actor="RUS")
    entities = {e["id"]: e for e in store.entities()}

    def russian(a):
        e = entities.get(a, {})
        return a == "e:RUS" or e.get("country") == "RUS" or "rus" in (e.get("name") or "").lower()

    assert russia and all(any(russian(a) for a in e["actors"]) for e in russia)
    assert len(russia) < len(every)
    later = store.events(since="2025-05-16")
    assert all(e["date"]["value"] or e["date"]["latest"] or e["date"]["earliest"] for e in later)
    far = store.events(since="2100-01-01")
    assert len(far) < len(later)
    assert all(e["date"]["value"] is None and e["date"]["latest"] is None for e in far), "only open-ended dates may be that late"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.events(since="May 2025")
    per_report = store.events(reports=True)
    assert len(per_report) >= len(every)
    assert all(len(e["reports"]) == 1 for e in per_report)


def test_brief_cites_and_unknown_story_raises(db):
    store = chronicle.open(db)
    story = max(store.stories(), key=lambda s: len(s["documents"]))
    brief = store.brief(story["id"])
    assert brief.startswith("# ")
    assert "## Sources" in brief
    cited = [line for line in brief.splitlines() if line.startswith("- ")]
    assert cited and all("[d:" in line for line in cited[:3])
    assert store.brief(story["id"][:8]) == brief, "a prefix names the story too"
    with pytest.raises(chronicle.ChronicleError, match="no story matches"):
        store.brief("s:ffffffffffffffff")


def test_missing_store_is_an_error(tmp_path):
    with pytest.raises(chronicle.ChronicleError, match="no store at"):
        chronicle.open(tmp_path / "nothing.db")


def test_records_convert_to_pandas_when_installed(db):
    pandas = pytest.importorskip("pandas")
    events = chronicle.open(db).events()
    frame = events.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(events) and "num_sources" in frame.columns
    assert list(frame["id"]) == [e["id"] for e in events]


def test_records_convert_to_arrow_when_installed(db):
    pyarrow = pytest.importorskip("pyarrow")
    docs = chronicle.open(db).documents()
    table = docs.to_arrow()
    assert isinstance(table, pyarrow.Table)
    assert table.num_rows == len(docs)
    assert table.column("body").to_pylist() == [d["body"] for d in docs]
    events = chronicle.open(db).events()
    fields = set().union(*(e.keys() for e in events))
    assert set(chronicle.open(db).events().to_arrow().column_names) == fields, "no field of a later record is lost"


CLI = Path(__file__).resolve().parents[2] / "target" / "release" / "chronicle"


def export(db, tmp_path, *args):
    """Runs `chronicle --db DB export ARGS…` (the binary `cargo test --release` builds)."""
    import subprocess

    if not CLI.exists():
        pytest.skip(f"{CLI} not built (run cargo build --release first)")
    subprocess.run([str(CLI), "--db", str(db), "export", *args], check=True, capture_output=True)


def test_parquet_and_csv_exports_load_in_pandas_with_their_types(db, tmp_path):
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "tables"
    out.mkdir()
    export(db, tmp_path, "--format", "parquet", "--table", "events", "--out", str(out / "events.parquet"))
    export(db, tmp_path, "--format", "csv", "--table", "events", "--out", str(out / "events.csv"))
    frame = pandas.read_parquet(out / "events.parquet")
    assert len(frame) == len(chronicle.open(db).events())
    assert pandas.api.types.is_integer_dtype(frame["num_sources"])
    # `date` keeps its precision as text ("2025-05"); the day columns are dates (docs/TABLES.md)
    days = frame["date_day"].dropna()
    assert len(days) > 0 and isinstance(days.iloc[0], datetime.date), "a day is a date, not a string"
    csv = pandas.read_csv(out / "events.csv")
    assert list(csv.columns) == list(frame.columns)
    assert len(csv) == len(frame)


def test_gdelt_export_loads_with_gdelts_column_names(db, tmp_path):
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "events.gdelt.tsv"
    export(db, tmp_path, "--format", "gdelt", "--out", str(path))
    frame = pandas.read_csv(path, sep="\t", dtype=str)
    assert len(frame.columns) == 61
    assert list(frame.columns[:7]) == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name"]
    assert frame.columns[-1] == "SOURCEURL"
    coded = frame.dropna(subset=["EventCode"])
    assert len(coded) > 0
    assert (coded["EventCode"].str[:2] == coded["EventRootCode"]).all()
