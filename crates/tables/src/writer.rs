//! Writing rows: delimited text (CSV, and the tab-separated GDELT and POLECAT
//! layouts) and Parquet.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::cell::{Cell, Column, Kind};
use crate::TablesError;

/// Where rows go.
pub(crate) trait RowWriter {
    /// Writes one row; its cells follow the writer's columns.
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError>;
    /// Writes what is buffered and closes the output.
    fn finish(self: Box<Self>) -> Result<(), TablesError>;
}

/// How delimited text is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dialect {
    /// Field separator.
    pub delimiter: u8,
    /// Lists joined by this; `None`: a JSON array.
    pub list_sep: Option<&'static str>,
    /// No quoting: tabs and line breaks inside a field become spaces (GDELT
    /// and POLECAT files are plain tab-separated lines). Otherwise RFC 4180
    /// quoting keeps every character.
    pub plain: bool,
    /// Write the header line.
    pub header: bool,
}

impl Dialect {
    /// RFC 4180 CSV, lists as JSON arrays.
    pub(crate) const CSV: Dialect = Dialect { delimiter: b',', list_sep: None, plain: false, header: true };
}

/// Delimited text through the `csv` crate.
pub(crate) struct DelimitedRows {
    out: csv::Writer<Box<dyn Write + Send>>,
    dialect: Dialect,
}

impl DelimitedRows {
    pub(crate) fn new(out: Box<dyn Write + Send>, names: &[&str], dialect: Dialect) -> Result<DelimitedRows, TablesError> {
        // RFC 4180 ends records with CRLF; GDELT and POLECAT files with a bare newline.
        let (quote, terminator) = match dialect.plain {
            true => (csv::QuoteStyle::Never, csv::Terminator::Any(b'\n')),
            false => (csv::QuoteStyle::Necessary, csv::Terminator::CRLF),
        };
        let mut out = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter)
            .quote_style(quote)
            .terminator(terminator)
            .from_writer(out);
        if dialect.header {
            out.write_record(names)?;
        }
        Ok(DelimitedRows { out, dialect })
    }
}

/// A field of a plain tab-separated line: tabs and line breaks become spaces.
fn plain_field(s: String) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s
    }
}

impl RowWriter for DelimitedRows {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError> {
        let fields = row.iter().map(|c| {
            let s = c.render(self.dialect.list_sep);
            if self.dialect.plain {
                plain_field(s)
            } else {
                s
            }
        });
        self.out.write_record(fields)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TablesError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Rows per Parquet record batch (and at most this many rows in memory).
const BATCH_ROWS: usize = 4096;

/// Parquet through Arrow, Snappy-compressed, in batches of [`BATCH_ROWS`].
pub(crate) struct ParquetRows {
    columns: &'static [Column],
    schema: SchemaRef,
    rows: Vec<Vec<Cell>>,
    out: ArrowWriter<Box<dyn Write + Send>>,
}

/// The Arrow schema of a table.
pub(crate) fn schema(columns: &[Column]) -> Schema {
    let fields: Vec<Field> = columns.iter().map(|c| Field::new(c.name, data_type(c.kind), c.nullable)).collect();
    Schema::new(fields)
}

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::Date => DataType::Date32,
        // the item field ListBuilder makes: "item", nullable
        Kind::List => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

impl ParquetRows {
    pub(crate) fn new(out: Box<dyn Write + Send>, columns: &'static [Column]) -> Result<ParquetRows, TablesError> {
        let schema = Arc::new(schema(columns));
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let out = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        Ok(ParquetRows { columns, schema, rows: Vec::with_capacity(BATCH_ROWS), out })
    }

    fn flush_batch(&mut self) -> Result<(), TablesError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let arrays: Vec<ArrayRef> = self.columns.iter().enumerate().map(|(j, c)| array(c.kind, rows.iter().map(|r| &r[j]))).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.out.write(&batch)?;
        Ok(())
    }
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

/// The Arrow array of one column. A cell of another kind than the column's
/// is written as null (the row functions' tests keep that from happening).
fn array<'a>(kind: Kind, cells: impl Iterator<Item = &'a Cell>) -> ArrayRef {
    match kind {
        Kind::Text => Arc::new(cells.map(|c| if let Cell::Text(v) = c { v.as_deref() } else { None }).collect::<StringArray>()),
        Kind::Int => Arc::new(cells.map(|c| if let Cell::Int(v) = c { *v } else { None }).collect::<Int64Array>()),
        Kind::Float => Arc::new(cells.map(|c| if let Cell::Float(v) = c { *v } else { None }).collect::<Float64Array>()),
        Kind::Bool => Arc::new(cells.map(|c| if let Cell::Bool(v) = c { *v } else { None }).collect::<BooleanArray>()),
        Kind::Date => Arc::new(
            cells
                .map(|c| if let Cell::Date(v) = c { v.map(|d| (d - EPOCH).num_days() as i32) } else { None })
                .collect::<Date32Array>(),
        ),
        Kind::List => {
            let mut builder = ListBuilder::new(StringBuilder::new());
            for c in cells {
                if let Cell::List(items) = c {
                    for item in items {
                        builder.values().append_value(item);
                    }
                }
                builder.append(true);
            }
            Arc::new(builder.finish())
        }
    }
}

impl RowWriter for ParquetRows {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError> {
        self.rows.push(row);
        if self.rows.len() >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TablesError> {
        self.flush_batch()?;
        let mut inner = self.out.into_inner()?;
        inner.flush()?;
        Ok(())
    }
}
