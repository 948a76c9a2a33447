//! The command line: arguments (clap), calls into the library, and what the user sees:
//! diagnostics on stderr, one summary line on stdout, and the exit code
//! (0 ok, 1 content or template errors, 2 usage or I/O errors).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use newsroom::Error;
use newsroom::diagnostics::Diagnostic;
use newsroom::ingest::{self, IngestOptions, IngestSummary};
use newsroom::pipeline::{self, BuildOptions, BuildSummary};

/// Turns raw reports of cluster events, in any EU language, into a clean multilingual
/// static site.
///
/// A site folder holds `site.yaml` (configuration), `seeds/` (raw reports as text),
/// `content/` (Markdown reports with YAML front matter, made by `ingest` and edited by
/// hand) and gets `public/` (the built site).
#[derive(Debug, Parser)]
#[command(
    name = "newsroom",
    version,
    about,
    long_about,
    after_long_help = "Examples:\n  newsroom build                          build ./public from ./seeds and ./content\n  newsroom build --base-url https://example.org/news/\n  newsroom ingest --explain seeds/report.txt   show what ingest makes of one report\n\nDocumentation: README.md, docs/content.md (content format), docs/configuration.md (site.yaml)."
)]
pub(crate) struct Cli {
    /// The site folder (holds site.yaml, seeds/, content/).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    root: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Ingest seeds/ into content/, then render content/ into the output folder.
    ///
    /// The output is written to a staging folder and swapped in at the end: a failed build
    /// leaves the previous site untouched.
    Build {
        /// Where to write the site [default: <root>/public].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The URL the site is published at, overriding base_url in site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Also publish reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Render content/ as it is, without ingesting seeds/ first.
        #[arg(long)]
        no_ingest: bool,
    },
    /// Turn the raw reports in seeds/ into Markdown reports in content/.
    ///
    /// Cleans each report (site furniture, hard-wrapped lines, lost bullets), detects its
    /// language, title, dates and place, groups reports of the same event, and writes
    /// content/<event-id>/<slug>.<lang>.md. A content file an editor changed is never
    /// overwritten.
    Ingest {
        /// Regenerate content files even where an editor changed or deleted them.
        #[arg(long)]
        force: bool,
        /// Remove the generated content of seeds that are no longer in seeds/ (files an
        /// editor changed are kept); each removed file is listed.
        #[arg(long)]
        prune: bool,
        /// Print what ingest makes of one seed file (each line's verdict and why) and stop.
        #[arg(long, value_name = "FILE")]
        explain: Option<PathBuf>,
    },
}

/// Runs the command line and returns the process exit code.
pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let result = match cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
            no_ingest,
        } => {
            let options = BuildOptions {
                root: cli.root,
                output,
                base_url,
                drafts,
                ingest: !no_ingest,
            };
            pipeline::build(&options).map(|summary| build_line(&summary, started))
        }
        Command::Ingest {
            explain: Some(file),
            ..
        } => ingest::explain(&cli.root, &file),
        Command::Ingest {
            force,
            prune,
            explain: None,
        } => pipeline::load_config(&cli.root, None)
            .and_then(|config| ingest::ingest(&cli.root, &config, &IngestOptions { force, prune }))
            .map(|summary| {
                print_warnings(&summary.warnings);
                ingest_line(&summary, started)
            }),
    };
    match result {
        Ok(line) => {
            say(&line);
            ExitCode::SUCCESS
        }
        Err(error) => report_error(&error),
    }
}

fn build_line(summary: &BuildSummary, started: Instant) -> String {
    print_warnings(&summary.warnings);
    let pages: Vec<String> = summary
        .pages_per_language
        .iter()
        .map(|(lang, count)| format!("{lang} {count}"))
        .collect();
    format!(
        "built {} reports in {} events; pages: {}; {} files written, {} unchanged; {} warnings; {:.2} s",
        summary.reports,
        summary.events,
        pages.join(", "),
        summary.written.written,
        summary.written.unchanged,
        summary.warnings.len(),
        started.elapsed().as_secs_f64()
    )
}

fn ingest_line(summary: &IngestSummary, started: Instant) -> String {
    for path in &summary.removed {
        say(&format!("removed {path}"));
    }
    format!(
        "ingested {} seeds into {} reports in {} events; {} files written, {} removed, {} kept; {} warnings; {:.2} s",
        summary.seeds,
        summary.reports,
        summary.events,
        summary.written,
        summary.removed.len(),
        summary.kept,
        summary.warnings.len(),
        started.elapsed().as_secs_f64()
    )
}

fn print_warnings(warnings: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for warning in warnings {
        // Nothing useful can be done if stderr is closed.
        let _ = writeln!(stderr, "{warning}");
    }
}

fn say(line: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

fn report_error(error: &Error) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    match error {
        Error::Invalid(problems) => {
            for problem in problems {
                let _ = writeln!(stderr, "{problem}");
            }
            let _ = writeln!(
                stderr,
                "error: {} problem(s); nothing was published (the output folder is as it was)",
                problems.len()
            );
            ExitCode::from(1)
        }
        Error::Io { .. } => {
            let _ = writeln!(stderr, "error: {error}");
            ExitCode::from(2)
        }
    }
}
