//! The recovery wizard's logic, in plain Rust so it is tested on the host.

pub mod wizard;
