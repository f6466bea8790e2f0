//! Errors of the table exports.

use thiserror::Error;

/// What can go wrong writing a table.
#[derive(Debug, Error)]
pub enum TablesError {
    /// Reading the store or running the JSONL export failed.
    #[error("export: {0}")]
    Store(#[from] chronicle_store::StoreError),
    /// Writing the output failed.
    #[error("writing the table: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV or TSV failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Building or writing Parquet failed.
    #[error("writing Parquet: {0}")]
    Parquet(String),
    /// A record of the JSONL export did not parse.
    #[error("reading an export record: {0}")]
    Record(String),
    /// A data file under `data/` is malformed.
    #[error("{file} line {line}: {reason}")]
    Data {
        /// The file.
        file: &'static str,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The format cannot write that table (GDELT and POLECAT hold events only).
    #[error("the {format} format writes only the events table, not {table}")]
    Unsupported {
        /// The format.
        format: &'static str,
        /// The table asked for.
        table: &'static str,
    },
}

impl From<parquet::errors::ParquetError> for TablesError {
    fn from(e: parquet::errors::ParquetError) -> Self {
        TablesError::Parquet(e.to_string())
    }
}

impl From<arrow_schema::ArrowError> for TablesError {
    fn from(e: arrow_schema::ArrowError) -> Self {
        TablesError::Parquet(e.to_string())
    }
}
