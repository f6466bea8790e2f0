//! chronicle's table exports for researchers: CSV and Parquet tables of
//! events, documents, entities, quotes, quantities and stories, and events in
//! the GDELT 2.0 Event and POLECAT layouts.
//!
//! Every table is a projection of the JSONL export's records
//! (`chronicle_store::export`): the export runs into a sink that parses each
//! record and turns the ones a table wants into rows, so ids, names and dates
//! agree with the JSONL and no SQL or entity resolution lives here. Columns
//! are declared once ([`Table::columns`], [`gdelt::COLUMNS`],
//! [`polecat::COLUMNS`]) and documented in `docs/TABLES.md`.
#![deny(missing_docs)]

mod cell;
mod error;
pub mod gdelt;
mod lookup;
pub mod polecat;
mod records;
mod tables;
mod writer;

use std::io::Write;

use chronicle_store::export::{write_jsonl, write_jsonl_merged, CrossRecords, ExportOptions};
use chronicle_store::Store;
use serde_json::Value;

pub use cell::{Cell, Column, Kind};
pub use error::TablesError;
pub use lookup::{Goldstein, PlacePoint, Places};
pub use tables::Table;

use records::{Catalog, RecordSink};
use writer::{DelimitedRows, Dialect, ParquetRows, RowWriter};

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV, UTF-8, a header line; lists as JSON arrays.
    Csv,
    /// Apache Parquet with typed columns (days as Date32, lists as lists).
    Parquet,
    /// GDELT 2.0 Event table layout, tab-separated (events only).
    Gdelt,
    /// POLECAT event layout, tab-separated (events only).
    Polecat,
}

impl Format {
    /// The name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::Gdelt => "gdelt",
            Format::Polecat => "polecat",
        }
    }

    /// The file extension of its files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::Gdelt | Format::Polecat => "tsv",
        }
    }

    /// True for the layouts that hold only events.
    pub fn events_only(self) -> bool {
        matches!(self, Format::Gdelt | Format::Polecat)
    }
}

/// Which events the tables hold.
#[derive(Clone, Copy)]
pub enum EventSource<'a> {
    /// One per real-world event, merged across reports, with stories.
    Merged(&'a CrossRecords<'a>),
    /// One per report, streamed (no merging, no stories).
    Reports,
}

/// How to write.
#[derive(Clone, Copy)]
pub struct TableOptions<'a> {
    /// The format.
    pub format: Format,
    /// Where event locations are (`geonames-<id>` places).
    pub places: &'a Places,
    /// Write a header line (GDELT's own files have none: `--no-header`).
    pub header: bool,
}

/// Rows written per table.
pub type TableCounts = Vec<(Table, u64)>;

/// Writes each requested table to its output in one pass over the store.
pub fn write_tables(
    store: &Store,
    events: EventSource<'_>,
    opts: &TableOptions<'_>,
    outputs: Vec<(Table, Box<dyn Write + Send>)>,
) -> Result<TableCounts, TablesError> {
    let goldstein = Goldstein::builtin()?;
    let mut sinks: Vec<(Table, Box<dyn RowWriter>, u64)> = Vec::with_capacity(outputs.len());
    for (table, out) in outputs {
        sinks.push((table, row_writer(opts, table, out)?, 0));
    }
    let mut catalog = Catalog::default();
    let handle = |rec: Value| -> Result<(), TablesError> {
        catalog.note(&rec);
        for (table, sink, n) in sinks.iter_mut() {
            if let Some(row) = row_of(opts, *table, &rec, &catalog, &goldstein) {
                sink.write_row(row)?;
                *n += 1;
            }
        }
        Ok(())
    };
    let mut sink = RecordSink::new(handle);
    // Mentions feed the POLECAT story columns; sentences no table reads.
    let export = ExportOptions { mentions: opts.format == Format::Polecat, sentences: false, spill_dir: None };
    let written = match events {
        EventSource::Merged(cross) => write_jsonl_merged(store, &mut sink, &export, cross),
        EventSource::Reports => write_jsonl(store, &mut sink, &export),
    };
    if let Err(e) = written {
        return Err(sink.take_error().unwrap_or(TablesError::Store(e)));
    }
    sink.finish()?;
    let mut counts = Vec::with_capacity(sinks.len());
    for (table, sink, n) in sinks {
        sink.finish()?;
        counts.push((table, n));
    }
    Ok(counts)
}

fn row_writer(opts: &TableOptions<'_>, table: Table, out: Box<dyn Write + Send>) -> Result<Box<dyn RowWriter>, TablesError> {
    if opts.format.events_only() && table != Table::Events {
        return Err(TablesError::Unsupported { format: opts.format.as_str(), table: table.as_str() });
    }
    let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
    let tsv = |list_sep| Dialect { delimiter: b'\t', list_sep: Some(list_sep), plain: true, header: opts.header };
    Ok(match opts.format {
        Format::Csv => Box::new(DelimitedRows::new(out, &names, Dialect { header: opts.header, ..Dialect::CSV })?),
        Format::Parquet => Box::new(ParquetRows::new(out, table.columns())?),
        Format::Gdelt => Box::new(DelimitedRows::new(out, &gdelt::COLUMNS, tsv(";"))?),
        Format::Polecat => Box::new(DelimitedRows::new(out, &polecat::COLUMNS, tsv(polecat::LIST_SEP))?),
    })
}

/// The row a record becomes in `table` of this format, if any.
fn row_of(opts: &TableOptions<'_>, table: Table, rec: &Value, catalog: &Catalog, goldstein: &Goldstein) -> Option<Vec<Cell>> {
    match opts.format {
        Format::Csv | Format::Parquet => table.row(rec, catalog, opts.places),
        Format::Gdelt | Format::Polecat if rec.get("kind").and_then(Value::as_str) != Some("event") => None,
        Format::Gdelt => Some(gdelt::row(rec, &gdelt::GdeltContext { catalog, places: opts.places, goldstein })),
        Format::Polecat => Some(polecat::row(rec, catalog, opts.places)),
    }
}
