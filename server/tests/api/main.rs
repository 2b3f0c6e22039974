//! Every server test, in one binary (compiled and linked once, as zero2prod's are): a module per
//! area of the product, all through the real router on a real SQLite file (`support`), and the
//! PostgreSQL schema on a real PostgreSQL (`postgres`).

mod accounts_and_sessions;
mod addresses;
mod delivery;
mod my_account;
mod operations;
mod postgres;
mod recovery_rules;
mod recovery_under_attack;
mod replicas;
mod serving;
mod sign_up;
mod support;
