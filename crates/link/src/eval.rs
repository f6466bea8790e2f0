//! Evaluations (the only module that reads files).
