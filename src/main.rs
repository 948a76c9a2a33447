//! The `newsroom` binary: parses the command line and runs the library (see `cli`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
