//! The "no soy un robot" check's default challenge: ALTCHA's PBKDF2/SHA-256 proof of work, where
//! the solver tries counters until a derived key starts with the prefix (16 tries per hex digit on
//! average, each costing `DEFAULT_COST` iterations).
//!
//! Chosen from `cargo xtask bench` (BENCHMARKS.md, "The bot check's cost"): the app solves it in
//! headless Chromium here in well under the 1.5 s median a person may wait, while a script pays
//! about as much CPU per recovery started as the browser does. The server's
//! `RECUPERA_BOT_CHECK_COST` / `RECUPERA_BOT_CHECK_PREFIX` default to these; the benchmark measures
//! these.

/// PBKDF2 iterations per try.
pub const DEFAULT_COST: u32 = 20_000;

/// The hex prefix a derived key must start with: two digits, 256 tries on average.
pub const DEFAULT_KEY_PREFIX: &str = "00";
