//! The `chronicle` command: parses arguments, calls the library crates, prints,
//! and maps errors to exit codes. No analysis, SQL or HTTP lives here.

mod args;
mod commands;
mod render;
mod sheet;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("chronicle: {e:#}");
            ExitCode::from(2)
        }
    }
}
