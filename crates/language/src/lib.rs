//! chronicle-language (stage under construction).
