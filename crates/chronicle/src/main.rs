//! The `chronicle` command: parses arguments, calls the library crates, prints,
//! and maps errors to exit codes. No analysis, SQL or HTTP lives here.

mod args;
mod commands;
mod render;
mod sheet;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: the analysis and the store's write
/// path allocate many small, short-lived values (see ARCHITECTURE.md, "Allocator").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `chronicle events | head`: a closed pipe ends the process quietly, as
    // it does for other Unix tools, instead of a panic in println!
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("chronicle: {e:#}");
            ExitCode::from(2)
        }
    }
}
