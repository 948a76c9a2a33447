//! The command line: arguments (clap), calls into the library, and what the user sees:
//! diagnostics on stderr, one summary line on stdout, and the exit code
//! (0 ok, 1 content or template errors, 2 usage or I/O errors).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand};

use newsroom::Error;
use newsroom::commands::build::{self, BuildOptions, BuildSummary};
use newsroom::commands::check::{self, CheckReport};
use newsroom::commands::serve::{self, Observer, ServeEvent, ServeOptions};
use newsroom::diagnostics::Diagnostic;
use newsroom::pipeline::ingest::{self, IngestOptions, IngestSummary};

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
    after_long_help = "Examples:\n  newsroom build                          build ./public from ./seeds and ./content\n  newsroom build --base-url https://example.org/news/\n  newsroom check                          check ./public: links, hreflang, sitemap, front matter\n  newsroom ingest --explain seeds/report.txt   show what ingest makes of one report\n  newsroom ingest --explain seeds/a.txt seeds/b.txt   and whether the two are one event, and why\n\nDocumentation: README.md, docs/content.md (content format), docs/configuration.md (site.yaml)."
)]
pub(crate) struct Cli {
    /// The site folder (holds site.yaml, seeds/, content/).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    root: PathBuf,

    /// How problems are printed: for people (on stderr), or as JSON lines on stdout for
    /// editors' tools, one object per problem and a last `{"type":"summary",…}`.
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,

    #[command(subcommand)]
    command: Command,
}

/// The two ways of printing diagnostics and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum MessageFormat {
    Human,
    Json,
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
        /// Print what ingest makes of seed files (each line's verdict and why) and stop;
        /// with two files or more, also why their reports are, or are not, one event.
        #[arg(long, value_name = "FILE", num_args = 1..)]
        explain: Vec<PathBuf>,
    },
    /// Build the site into a temporary folder and serve it at http://127.0.0.1:1111/.
    ///
    /// With --watch, every saved change to seeds/, content/, the theme, the site's templates,
    /// static files, UI strings or site.yaml rebuilds the site and reloads open pages; a
    /// broken file shows its error over the last good page. public/ is not touched. Ctrl-C
    /// stops the server and removes the temporary folder.
    Serve {
        /// Rebuild on every change and reload open pages.
        #[arg(long)]
        watch: bool,
        /// The port to listen on (the next free one if it is taken).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; 0.0.0.0 serves other machines too.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Also show reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Check a built site: links, hreflang, sitemap, robots.txt and the content's front matter.
    ///
    /// Reads site.yaml and content/ as a build does, then every page of the output folder:
    /// each internal link and fragment must lead somewhere, language versions must list each
    /// other, and the sitemap must list every indexable page. Each problem is printed with its
    /// file; the exit code is 1 if there is an error. Needs nothing but the built site.
    Check {
        /// The built site to check [default: <root>/public].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The URL the site was built for, if it was built with --base-url.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
}

/// Runs the command line and returns the process exit code.
pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let out = Printer {
        format: cli.message_format,
    };
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
            build::build(&options).map(|summary| build_line(out, &summary, started))
        }
        Command::Ingest { explain, .. } if !explain.is_empty() => {
            ingest::explain(&cli.root, &explain)
        }
        Command::Ingest { force, prune, .. } => build::load_config(&cli.root, None)
            .and_then(|config| ingest::ingest(&cli.root, &config, &IngestOptions { force, prune }))
            .map(|summary| {
                out.diagnostics(&summary.warnings);
                ingest_line(out, &summary, started)
            }),
        Command::Serve {
            watch,
            port,
            bind,
            open,
            drafts,
        } => {
            let options = ServeOptions {
                root: cli.root,
                bind,
                port,
                watch,
                open,
                drafts,
            };
            let observer: Observer = Arc::new(move |event| print_serve_event(out, event));
            return match serve::serve(&options, &observer) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => out.failure(&error),
            };
        }
        Command::Check { output, base_url } => {
            let site_dir = output.unwrap_or_else(|| cli.root.join(build::OUTPUT_DIR));
            return run_check(out, &cli.root, &site_dir, base_url.as_deref(), started);
        }
    };
    match result {
        Ok(line) => {
            out.summary(&line, 0);
            ExitCode::SUCCESS
        }
        Err(error) => out.failure(&error),
    }
}

/// Prints what the check found and a summary line; exit code 1 when there is an error.
fn run_check(
    out: Printer,
    root: &Path,
    site_dir: &Path,
    base_url: Option<&str>,
    started: Instant,
) -> ExitCode {
    let report = match check::check(root, site_dir, base_url) {
        Ok(report) => report,
        Err(error) => return out.failure(&error),
    };
    out.diagnostics(&report.diagnostics);
    out.summary(&check_line(&report, started), report.errors());
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn check_line(report: &CheckReport, started: Instant) -> String {
    let verdict = match (report.errors(), report.warnings()) {
        (0, 0) => "no problems".to_owned(),
        (0, warnings) => plural(warnings, "warning"),
        (errors, 0) => plural(errors, "error"),
        (errors, warnings) => format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    };
    format!(
        "checked {}, {}, {}, sitemap with {}: {verdict}; {:.2} s",
        plural(report.pages, "page"),
        plural(report.links, "link"),
        plural(report.hreflang_groups, "hreflang group"),
        plural(report.sitemap_urls, "URL"),
        started.elapsed().as_secs_f64()
    )
}

/// `1 error`, `3 errors`: summary lines are English whatever the site's languages.
fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

fn build_line(out: Printer, summary: &BuildSummary, started: Instant) -> String {
    out.diagnostics(&summary.warnings);
    let pages: Vec<String> = summary
        .pages_per_language
        .iter()
        .map(|(lang, count)| format!("{lang} {count}"))
        .collect();
    format!(
        "built {} in {}; pages: {}; {} files written, {} unchanged; {}; {:.2} s",
        plural(summary.reports, "report"),
        plural(summary.events, "event"),
        pages.join(", "),
        summary.written.written,
        summary.written.unchanged,
        plural(summary.warnings.len(), "warning"),
        started.elapsed().as_secs_f64()
    )
}

fn ingest_line(out: Printer, summary: &IngestSummary, started: Instant) -> String {
    for path in &summary.removed {
        out.line(&format!("removed {path}"));
    }
    format!(
        "ingested {} into {} in {}; {} files written, {} removed, {} kept; {}; {:.2} s",
        plural(summary.seeds, "seed"),
        plural(summary.reports, "report"),
        plural(summary.events, "event"),
        summary.written,
        summary.removed.len(),
        summary.kept,
        plural(summary.warnings.len(), "warning"),
        started.elapsed().as_secs_f64()
    )
}

/// One line per rebuild: what changed, what was written, how long it took.
fn print_serve_event(out: Printer, event: &ServeEvent<'_>) {
    match event {
        ServeEvent::Serving { url } => out.line(&format!("serving {url} (Ctrl-C stops)")),
        ServeEvent::Rebuilt {
            changed,
            summary,
            elapsed,
        } => {
            out.diagnostics(&summary.warnings);
            out.line(&format!(
                "{}: {} rendered, {} written, {} unchanged; {} ms",
                what_changed(changed),
                plural(summary.pages_rendered, "page"),
                plural(summary.written.written, "file"),
                summary.written.unchanged,
                elapsed.as_millis()
            ));
        }
        ServeEvent::Failed { changed, error } => {
            if let Error::Invalid(problems) = error {
                out.diagnostics(problems);
            }
            out.line(&format!(
                "{}: the build failed ({error}); still serving the last good site",
                what_changed(changed)
            ));
        }
    }
}

fn what_changed(changed: &[PathBuf]) -> String {
    match changed {
        [] => "built".to_owned(),
        [one] => format!("{} changed", one.display()),
        [first, rest @ ..] => format!(
            "{} and {} changed",
            first.display(),
            plural(rest.len(), "other")
        ),
    }
}

/// Where diagnostics and summaries go, and in which format.
#[derive(Debug, Clone, Copy)]
struct Printer {
    format: MessageFormat,
}

impl Printer {
    /// Problems: rendered with their source line on stderr, or one JSON object each on stdout.
    fn diagnostics(self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            match self.format {
                MessageFormat::Human => write_line(&mut std::io::stderr().lock(), diagnostic),
                MessageFormat::Json => {
                    write_line(&mut std::io::stdout().lock(), diagnostic.to_json());
                }
            }
        }
    }

    /// A line of progress (a removed file, a rebuild while serving).
    fn line(self, text: &str) {
        self.json_or_text("message", text, None);
    }

    /// The command's last line; `errors` is how many of its problems are errors.
    fn summary(self, text: &str, errors: usize) {
        self.json_or_text("summary", text, Some(errors));
    }

    fn json_or_text(self, kind: &str, text: &str, errors: Option<usize>) {
        match self.format {
            MessageFormat::Human => write_line(&mut std::io::stdout().lock(), text),
            MessageFormat::Json => {
                let json = JsonLine {
                    kind,
                    message: text,
                    errors,
                };
                // Serialising strings and numbers cannot fail.
                let json = serde_json::to_string(&json).unwrap_or_default();
                write_line(&mut std::io::stdout().lock(), json);
            }
        }
    }

    /// Reports a failed command and gives its exit code: 1 when the site's files are wrong,
    /// 2 when the machine failed (I/O).
    fn failure(self, error: &Error) -> ExitCode {
        let io_problem;
        let (problems, verdict, code): (&[Diagnostic], String, u8) = match error {
            Error::Invalid(problems) => (
                problems,
                format!(
                    "{}; nothing was published (the output folder is as it was)",
                    plural(problems.len(), "problem")
                ),
                1,
            ),
            Error::Io { path, .. } => {
                io_problem = [Diagnostic::error(error.to_string()).in_file(path)];
                (
                    &io_problem,
                    "the command failed; the output folder is as it was".to_owned(),
                    2,
                )
            }
        };
        match (self.format, error) {
            (MessageFormat::Human, Error::Io { .. }) => {
                write_line(&mut std::io::stderr().lock(), format!("error: {error}"));
            }
            (MessageFormat::Human, Error::Invalid(_)) => {
                self.diagnostics(problems);
                write_line(&mut std::io::stderr().lock(), format!("error: {verdict}"));
            }
            (MessageFormat::Json, _) => {
                self.diagnostics(problems);
                self.summary(&verdict, problems.len());
            }
        }
        ExitCode::from(code)
    }
}

/// A progress or summary line as JSON: `{"type":"summary","message":…,"errors":0}`.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<usize>,
}

/// Writes one line; nothing useful can be done if the stream is closed.
fn write_line(stream: &mut dyn Write, text: impl std::fmt::Display) {
    let _ = writeln!(stream, "{text}");
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Each command's one-line help is its own doc comment, not a neighbour's.
    #[test]
    fn each_command_has_its_own_summary() {
        Cli::command().debug_assert();
        let command = Cli::command();
        let summary = |name: &str| {
            command
                .find_subcommand(name)
                .and_then(|sub| sub.get_about())
                .map(ToString::to_string)
                .unwrap_or_default()
        };
        assert!(summary("build").starts_with("Ingest seeds/"));
        assert!(summary("ingest").starts_with("Turn the raw reports"));
        assert!(summary("serve").starts_with("Build the site into a temporary folder and serve"));
        assert!(summary("check").starts_with("Check a built site"));
    }
}
