//! `chronicle eval conll` (not yet implemented).
use chronicle_core::EvalReport;
use std::path::Path;

/// Runs the evaluation on the set at `path`.
pub fn run(path: &Path) -> Result<EvalReport, String> {
    Err(format!("eval conll is not implemented yet ({})", path.display()))
}
