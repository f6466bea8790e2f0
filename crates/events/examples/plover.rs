//! Runs the PLOVER dev evaluation: `cargo run -p chronicle-events --example plover -- [PATH]`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/plover-gsr".into());
    match chronicle_events::eval::plover(std::path::Path::new(&path)) {
        Ok(r) => print!("{}", r.render()),
        Err(e) => {
            eprintln!("plover: skipped: {e}");
            std::process::exit(2);
        }
    }
}
