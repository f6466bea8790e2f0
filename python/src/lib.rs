//! `chronicle._chronicle`: the native half of the Python package. It hands
//! Python the JSONL export's records (as JSON text, one per record) and the
//! brief's Markdown; `pysrc/chronicle/__init__.py` turns them into dicts,
//! filters events and offers data frames. Errors become `ChronicleError` with
//! the reasons the CLI prints.

use std::io::Write;
use std::path::{Path, PathBuf};

use chronicle_pipeline::{CrossView, Pipeline};
use chronicle_store::export::{write_jsonl, write_jsonl_merged, CrossRecords, ExportOptions};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyDict;

create_exception!(_chronicle, ChronicleError, PyException, "A store, ingest or export failure, with its reason.");

fn fail(context: &str, e: impl std::fmt::Display) -> PyErr {
    ChronicleError::new_err(format!("{context}: {e}"))
}

/// A chronicle store (a SQLite file). Each call opens its own connection, so
/// the GIL is released while the store is read.
#[pyclass(frozen, module = "chronicle._chronicle")]
struct Store {
    path: PathBuf,
}

/// Opens an existing store; a missing file is an error, not a new empty store.
#[pyfunction]
fn open(path: PathBuf) -> PyResult<Store> {
    if !path.is_file() {
        return Err(ChronicleError::new_err(format!("no store at {} (ingest first)", path.display())));
    }
    open_store(&path)?;
    Ok(Store { path })
}

fn open_store(path: &Path) -> PyResult<chronicle_store::Store> {
    chronicle_store::Store::open(path).map_err(|e| fail(&format!("opening the store {}", path.display()), e))
}

/// Keeps the lines whose record kind is wanted.
struct KindFilter<'a> {
    kinds: &'a [String],
    line: Vec<u8>,
    kept: Vec<String>,
}

#[derive(serde::Deserialize)]
struct KindOnly<'a> {
    kind: &'a str,
}

impl KindFilter<'_> {
    fn take_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let Ok(text) = String::from_utf8(line) else { return };
        let wanted = serde_json::from_str::<KindOnly>(&text).is_ok_and(|k| self.kinds.iter().any(|w| w == k.kind));
        if wanted {
            self.kept.push(text.trim_end().to_string());
        }
    }
}

impl Write for KindFilter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for chunk in buf.split_inclusive(|b| *b == b'\n') {
            self.line.extend_from_slice(chunk);
            if chunk.ends_with(b"\n") {
                self.take_line();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[pymethods]
impl Store {
    /// The JSONL export's records of these kinds, each as one JSON text:
    /// events merged across reports (one per report with `reports=True`).
    #[pyo3(signature = (kinds, reports = false))]
    fn records(&self, py: Python<'_>, kinds: Vec<String>, reports: bool) -> PyResult<Vec<String>> {
        py.allow_threads(|| self.export(&kinds, reports))
    }

    /// A Markdown brief of a story (id or prefix; default: the largest), every line cited.
    #[pyo3(signature = (story = None))]
    fn brief(&self, py: Python<'_>, story: Option<String>) -> PyResult<String> {
        py.allow_threads(|| {
            let view = CrossView::load(&open_store(&self.path)?).map_err(|e| fail("reading the store", e))?;
            let Some(s) = view.story(story.as_deref()) else {
                return Err(ChronicleError::new_err(format!("no story matches {story:?}")));
            };
            Ok(chronicle_link::brief::brief(s, &view.docs, &view.events))
        })
    }

    /// The store file.
    #[getter]
    fn path(&self) -> String {
        self.path.display().to_string()
    }

    fn __repr__(&self) -> String {
        format!("<chronicle store {}>", self.path.display())
    }
}

impl Store {
    fn export(&self, kinds: &[String], reports: bool) -> PyResult<Vec<String>> {
        let store = open_store(&self.path)?;
        let wants = |k: &str| kinds.iter().any(|w| w == k);
        let opts = ExportOptions { mentions: wants("mention"), sentences: wants("sentence"), ..ExportOptions::default() };
        let mut sink = KindFilter { kinds, line: Vec::new(), kept: Vec::new() };
        let written = if reports {
            write_jsonl(&store, &mut sink, &opts)
        } else {
            let (stories, events) = chronicle_pipeline::cross_records(&store).map_err(|e| fail("reading the store", e))?;
            write_jsonl_merged(&store, &mut sink, &opts, &CrossRecords { events: &events, stories: &stories })
        };
        written.map_err(|e| fail("export", e))?;
        sink.take_line();
        Ok(sink.kept)
    }
}

/// Ingests files or folders into the store at `db` (created when missing) and
/// returns what became of every input: `ingested` and `appended` document
/// ids, `duplicates` as `(source, id)`, `rejected` as dicts with `source`,
/// `kind` and the one-line `reason`.
#[pyfunction]
fn ingest<'py>(py: Python<'py>, db: PathBuf, paths: Vec<PathBuf>) -> PyResult<Bound<'py, PyDict>> {
    let summary = py.allow_threads(|| run_ingest(&db, &paths))?;
    let out = PyDict::new(py);
    let ids = |v: &[chronicle_core::DocId]| v.iter().map(|d| d.as_str().to_string()).collect::<Vec<_>>();
    out.set_item("ingested", ids(&summary.ingested))?;
    out.set_item("appended", ids(&summary.appended))?;
    let dups: Vec<(String, String)> = summary.duplicates.iter().map(|(s, d)| (s.clone(), d.as_str().to_string())).collect();
    out.set_item("duplicates", dups)?;
    let rejected = summary
        .rejected
        .iter()
        .map(|r| {
            let d = PyDict::new(py);
            d.set_item("source", &r.source)?;
            d.set_item("kind", &r.kind)?;
            d.set_item("reason", &r.reason)?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    out.set_item("rejected", rejected)?;
    out.set_item("summary", summary.render())?;
    Ok(out)
}

fn run_ingest(db: &Path, paths: &[PathBuf]) -> PyResult<chronicle_pipeline::IngestSummary> {
    let pipeline = Pipeline::load().map_err(|e| fail("loading the pipeline", e))?;
    let mut store = chronicle_store::Store::open(db).map_err(|e| fail(&format!("opening the store {}", db.display()), e))?;
    pipeline.ingest(&mut store, paths, |_| {}).map_err(|e| fail("ingest", e))
}

/// The native module.
#[pymodule]
fn _chronicle(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Store>()?;
    m.add_function(wrap_pyfunction!(open, m)?)?;
    m.add_function(wrap_pyfunction!(ingest, m)?)?;
    m.add("ChronicleError", m.py().get_type::<ChronicleError>())?;
    Ok(())
}
