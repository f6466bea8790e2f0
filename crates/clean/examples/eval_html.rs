//! `cargo run --release -p chronicle-clean --example eval_html -- [PATH]`: the same report as
//! `chronicle eval clean-html`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/dragnet".into());
    match chronicle_clean::eval::clean_html(std::path::Path::new(&path)) {
        Ok(r) => print!("{}", r.render()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
