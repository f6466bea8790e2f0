//! The demo articles through the pipeline into a store, then every table out
//! and back in: CSV with the csv crate, Parquet with the parquet crate's Arrow
//! reader, GDELT and POLECAT as tab-separated lines under their header names.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, Date32Array, Int64Array, ListArray, StringArray};
use arrow_schema::DataType;
use chronicle_pipeline::{CrossView, Pipeline};
use chronicle_store::export::CrossRecords;
use chronicle_store::Store;
use chronicle_tables::{gdelt, polecat, write_tables, EventSource, Format, PlacePoint, Places, Table, TableOptions};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

struct Demo {
    _dir: tempfile::TempDir,
    out: PathBuf,
    store: Store,
    view: CrossView,
    places: Places,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    let summary = Pipeline::load().unwrap().ingest(&mut store, &[corpus], |_| {}).unwrap();
    assert_eq!(summary.ingested.len(), 5);
    let view = CrossView::load(&store).unwrap();
    let kb = chronicle_language::kb::Kb::builtin().unwrap();
    let places = Places::new(kb.places.iter().map(|p| (p.kb_id(), PlacePoint { lat: p.lat, lon: p.lon, iso3: p.iso3.clone() })));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    Demo { _dir: dir, out, store, view, places }
}

impl Demo {
    /// Writes the tables in `format` to `<out>/<table>.<ext>` and returns the row counts.
    fn write(&self, format: Format, tables: &[Table]) -> BTreeMap<&'static str, u64> {
        let cross = CrossRecords { events: &self.view.events, stories: &self.view.stories };
        let outputs = tables
            .iter()
            .map(|t| {
                let file = File::create(self.path(format, *t)).unwrap();
                (*t, Box::new(std::io::BufWriter::new(file)) as Box<dyn std::io::Write + Send>)
            })
            .collect();
        let opts = TableOptions { format, places: &self.places, header: true };
        let counts = write_tables(&self.store, EventSource::Merged(&cross), &opts, outputs).unwrap();
        counts.into_iter().map(|(t, n)| (t.as_str(), n)).collect()
    }

    fn path(&self, format: Format, table: Table) -> PathBuf {
        self.out.join(format!("{}.{}", table.as_str(), format.extension()))
    }
}

fn read_csv(path: &Path, delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).quoting(delimiter == b',').from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

#[test]
fn csv_tables_read_back_with_their_header_and_exact_text() {
    let demo = demo();
    let counts = demo.write(Format::Csv, &Table::ALL);
    assert_eq!(counts["events"], demo.view.events.len() as u64);
    assert_eq!(counts["documents"], demo.view.docs.len() as u64);
    assert_eq!(counts["stories"], demo.view.stories.len() as u64);
    assert!(counts["entities"] > 10 && counts["quotes"] > 0 && counts["quantities"] > 0, "{counts:?}");
    for table in Table::ALL {
        let (header, rows) = read_csv(&demo.path(Format::Csv, table), b',');
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(header, names, "{}", table.as_str());
        assert_eq!(rows.len() as u64, counts[table.as_str()], "{}", table.as_str());
        assert!(rows.iter().all(|r| r.len() == names.len()));
    }
    // bodies hold commas, quotes and line breaks: RFC 4180 quoting gives them back exactly
    let (header, rows) = read_csv(&demo.path(Format::Csv, Table::Documents), b',');
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for row in &rows {
        let doc = demo.view.docs.iter().find(|d| d.id.as_str() == &row[col("id")]).unwrap();
        assert_eq!(&row[col("body")], doc.body());
    }
    assert!(rows.iter().any(|r| r[col("body")].contains('\n') && r[col("body")].contains(',') && r[col("body")].contains('"')));
    // lists are JSON arrays, ids are the JSONL export's
    let (header, rows) = read_csv(&demo.path(Format::Csv, Table::Events), b',');
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let ids: Vec<&str> = demo.view.events.iter().map(|e| e.id.as_str()).collect();
    for row in &rows {
        assert!(ids.contains(&&row[col("id")]), "{}", &row[col("id")]);
        let actors: Vec<String> = serde_json::from_str(&row[col("actors")]).unwrap();
        let names: Vec<String> = serde_json::from_str(&row[col("actor_names")]).unwrap();
        assert_eq!(actors.len(), names.len());
        assert!(actors.iter().all(|a| a.starts_with("e:")));
        let day = &row[col("date_day")];
        assert!(day.is_empty() || chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok(), "{day}");
    }
}

#[test]
fn parquet_tables_read_back_with_types_and_the_csv_values() {
    let demo = demo();
    let counts = demo.write(Format::Parquet, &Table::ALL);
    for table in Table::ALL {
        let file = File::open(demo.path(Format::Parquet, table)).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let schema = builder.schema().clone();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let expected: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(names, expected);
        let rows: usize = builder.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
        assert_eq!(rows as u64, counts[table.as_str()], "{}", table.as_str());
    }
    let file = File::open(demo.path(Format::Parquet, Table::Events)).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let schema = builder.schema().clone();
    let field = |n: &str| schema.field_with_name(n).unwrap().clone();
    assert_eq!(field("date_day").data_type(), &DataType::Date32);
    assert!(field("date_day").is_nullable());
    assert!(!field("id").is_nullable());
    assert!(matches!(field("actors").data_type(), DataType::List(f) if f.data_type() == &DataType::Utf8));
    assert_eq!(field("latitude").data_type(), &DataType::Float64);
    assert_eq!(field("num_sources").data_type(), &DataType::Int64);
    let batch = builder.build().unwrap().next().unwrap().unwrap();
    let ids = batch.column_by_name("id").unwrap().as_any().downcast_ref::<StringArray>().unwrap();
    let sources = batch.column_by_name("num_sources").unwrap().as_any().downcast_ref::<Int64Array>().unwrap();
    let days = batch.column_by_name("date_day").unwrap().as_any().downcast_ref::<Date32Array>().unwrap();
    let actors = batch.column_by_name("actors").unwrap().as_any().downcast_ref::<ListArray>().unwrap();
    for i in 0..batch.num_rows() {
        let e = demo.view.events.iter().find(|e| e.id == ids.value(i)).expect("an exported event");
        assert_eq!(sources.value(i) as usize, e.num_sources);
        let day = days.is_valid(i).then(|| days.value_as_date(i).unwrap());
        let exact = e.date.value.as_deref().filter(|v| v.len() == 10).map(|v| v.parse::<chrono::NaiveDate>().unwrap());
        assert_eq!(day, exact, "{}", e.id);
        assert_eq!(actors.value(i).len(), e.event.actors.len());
    }
    // the same stories as the CSV
    demo.write(Format::Csv, &[Table::Stories]);
    let (_, csv_rows) = read_csv(&demo.path(Format::Csv, Table::Stories), b',');
    let file = File::open(demo.path(Format::Parquet, Table::Stories)).unwrap();
    let batch = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap().next().unwrap().unwrap();
    let ids = batch.column_by_name("id").unwrap().as_any().downcast_ref::<StringArray>().unwrap();
    let csv_ids: Vec<&str> = csv_rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.iter().map(Option::unwrap).collect::<Vec<_>>(), csv_ids);
}

#[test]
fn gdelt_rows_have_61_columns_under_gdelt_names() {
    let demo = demo();
    let counts = demo.write(Format::Gdelt, &[Table::Events]);
    let (header, rows) = read_csv(&demo.path(Format::Gdelt, Table::Events), b'\t');
    assert_eq!(header.len(), 61);
    assert_eq!(header, gdelt::COLUMNS);
    assert_eq!(rows.len() as u64, counts["events"]);
    assert!(!rows.is_empty());
    let col = |name: &str| gdelt::COLUMNS.iter().position(|h| *h == name).unwrap();
    let mut located = 0;
    for row in &rows {
        assert_eq!(row.len(), 61);
        assert!(row[col("GLOBALEVENTID")].parse::<i64>().is_ok());
        let sqldate = &row[col("SQLDATE")];
        assert!(sqldate.is_empty() || (sqldate.len() == 8 && sqldate.bytes().all(|b| b.is_ascii_digit())), "{sqldate}");
        let (code, root) = (&row[col("EventCode")], &row[col("EventRootCode")]);
        if !code.is_empty() {
            assert!(code.starts_with(&root[..]) && code.len() == 3);
            assert!(["1", "2", "3", "4"].contains(&&row[col("QuadClass")]));
            let g: f64 = row[col("GoldsteinScale")].parse().unwrap();
            assert!((-10.0..=10.0).contains(&g));
        }
        for unknown in ["AvgTone", "IsRootEvent", "Actor1EthnicCode", "Actor1Geo_Lat", "DATEADDED"] {
            assert!(row[col(unknown)].is_empty(), "{unknown} is not known: {}", &row[col(unknown)]);
        }
        if !row[col("ActionGeo_Lat")].is_empty() {
            located += 1;
            assert!(row[col("ActionGeo_Long")].parse::<f64>().is_ok());
            // a city (3, 4), or a country placed at its centre (1)
            assert!(["1", "3", "4"].contains(&&row[col("ActionGeo_Type")]));
        }
        assert!(row[col("NumSources")].parse::<u32>().unwrap() >= 1);
    }
    assert!(located > 0, "Istanbul resolves to a GeoNames place with coordinates");
}

#[test]
fn polecat_rows_carry_plover_fields_and_story_entities() {
    let demo = demo();
    demo.write(Format::Polecat, &[Table::Events]);
    let (header, rows) = read_csv(&demo.path(Format::Polecat, Table::Events), b'\t');
    assert_eq!(header, polecat::COLUMNS);
    let col = |name: &str| polecat::COLUMNS.iter().position(|h| *h == name).unwrap();
    assert_eq!(rows.len(), demo.view.events.len());
    for row in &rows {
        assert_eq!(row.len(), polecat::COLUMNS.len());
        let e = demo.view.events.iter().find(|e| e.id == row[col("Event ID")]).unwrap();
        assert_eq!(&row[col("Event Type")], e.event.event_type.as_str());
        assert_eq!(&row[col("Modality")], e.event.modality.as_str());
        assert_eq!(row[col("Num Sources")].parse::<usize>().unwrap(), e.num_sources);
        assert!(!row[col("Evidence Text")].is_empty());
    }
    assert!(rows.iter().any(|r| r[col("Story People")].contains("Zelensky")), "story people name the demo's people");
    assert!(rows.iter().any(|r| !r[col("Latitude")].is_empty()));
}

#[test]
fn gdelt_and_polecat_refuse_other_tables() {
    let demo = demo();
    let opts = TableOptions { format: Format::Gdelt, places: &demo.places, header: true };
    let out: Box<dyn std::io::Write + Send> = Box::new(Vec::new());
    let err = write_tables(&demo.store, EventSource::Reports, &opts, vec![(Table::Documents, out)]).unwrap_err();
    assert_eq!(err.to_string(), "the gdelt format writes only the events table, not documents");
}

#[test]
fn every_column_is_documented_in_docs_tables() {
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/TABLES.md")).unwrap();
    let mut names: Vec<&str> = Table::ALL.iter().flat_map(|t| t.columns().iter().map(|c| c.name)).collect();
    names.extend(gdelt::COLUMNS);
    names.extend(polecat::COLUMNS);
    for name in names {
        assert!(doc.contains(&format!("| `{name}` |")), "docs/TABLES.md has no row for `{name}`");
    }
}

#[test]
fn per_report_tables_hold_one_row_per_report_and_no_stories() {
    let demo = demo();
    let outputs: Vec<(Table, Box<dyn std::io::Write + Send>)> = [Table::Events, Table::Stories]
        .iter()
        .map(|t| (*t, Box::new(File::create(demo.path(Format::Csv, *t)).unwrap()) as Box<dyn std::io::Write + Send>))
        .collect();
    let opts = TableOptions { format: Format::Csv, places: &demo.places, header: true };
    let counts = write_tables(&demo.store, EventSource::Reports, &opts, outputs).unwrap();
    let reports: usize = demo.view.docs.iter().map(|d| d.events.len()).sum();
    assert_eq!(counts, vec![(Table::Events, reports as u64), (Table::Stories, 0)]);
    assert!(reports > demo.view.events.len(), "merging joins reports");
    let (header, rows) = read_csv(&demo.path(Format::Csv, Table::Events), b',');
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().all(|r| &r[col("num_reports")] == "1" && &r[col("num_sources")] == "1"));
}
