//! Differential call sequences (to be written).
