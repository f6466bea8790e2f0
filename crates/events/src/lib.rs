//! chronicle-events (stage under construction).
