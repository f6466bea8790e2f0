//! chronicle-store (stage under construction).
