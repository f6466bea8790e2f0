//! Evaluation on the PLOVER gold-standard records.

/// Placeholder.
pub fn plover(_p: &std::path::Path) -> Result<chronicle_core::EvalReport, String> { Err("todo".into()) }
