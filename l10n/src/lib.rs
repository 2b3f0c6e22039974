//! What every reader of `locales/` shares, written once: `build.rs` (which compiles the app's texts
//! into it) and `cargo xtask l10n` (the translators' check) read the same files the same way.
//!
//! - `file`: one `.ftl` file parsed into its messages (id, line, comment, value) and terms, every
//!   problem named with its file and line;
//! - `variables`: the variables a message uses;
//! - `calls`: the app's calls of its messages in source code, with the variables each passes;
//! - `compile`: a message as text pieces, variables and plural choices, terms and message references
//!   put in place, or the construct the app cannot format, named;
//! - `plural`: CLDR's plural rules, and the check that plural choices name a language's categories.

pub mod calls;
pub mod compile;
pub mod file;
pub mod plural;
pub mod variables;

pub use calls::{calls_in, Call};
pub use compile::{compile, Piece};
pub use file::{parse_file, LocaleFile, Message, Problem, Term};
pub use variables::variables;
