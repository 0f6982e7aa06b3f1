//! Writes the test fixture store (see `tests/common/mod.rs`) to `DIR/events.sqlite`:
//! `cargo run --release -p demarche-serve --example fixture_db -- DIR`, then
//! `demarche serve DIR/events.sqlite` shows the API tests' data (with clusters).

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: fixture_db DIR");
        std::process::exit(2);
    };
    let path = common::build(std::path::Path::new(&dir));
    println!("{}", path.display());
}
