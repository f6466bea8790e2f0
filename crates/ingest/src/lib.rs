//! chronicle-ingest (stage under construction).
