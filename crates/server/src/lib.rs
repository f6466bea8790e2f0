//! chronicle-server (stage under construction).
