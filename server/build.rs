//! Rebuilds the server when a migration changes: `sqlx::migrate!` embeds `migrations/` at compile
//! time, and Cargo would otherwise only notice changes to Rust files.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
