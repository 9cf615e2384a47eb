//! `sqlx::migrate!` embeds the migrations when the server compiles; without
//! this, a new migration file alone did not rebuild it (sqlx's advice).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
