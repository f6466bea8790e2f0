//! Negotiation positions.
