//! chronicle-link (stage under construction).
