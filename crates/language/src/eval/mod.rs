//! Accuracy against gold sets: CoNLL-2003 (entities), TempEval-3 (times),
//! PolNeAR (quotes). Each reads the set in its own format from a path and
//! returns an [`chronicle_core::EvalReport`].

pub mod conll;
pub mod polnear;
pub mod tempeval;
