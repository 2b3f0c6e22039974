//! Every server test, in one binary (compiled and linked once, as zero2prod's are): a module per
//! area of the product, all through the real router on a real SQLite file (`support`).

mod accounts_and_sessions;
mod delivery;
mod operations;
mod recovery_rules;
mod recovery_under_attack;
mod serving;
mod support;
