//! chronicle-clean (stage under construction).
