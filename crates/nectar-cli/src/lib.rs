//! The `nectar` command as a library: [`run`] parses the command line and runs it with every
//! plugin the program links, so a program that adds its own parsers, exporters or charts is a
//! `nectar` with them, and a `main.rs` of one line.
//!
//! ```text
//! nectar build                          # the bundled sample corpus into ./out
//! nectar build reports/ --out data      # your reports
//! nectar parse report.txt               # one report's facts as JSON on stdout
//! nectar chart membership --out m.svg   # one chart of the sample corpus as SVG
//! nectar plugins                        # the registered parsers, exporters and charts
//! nectar schema --out schemas           # the JSON Schemas of the output
//! nectar fetch URL --out pages          # report pages fetched politely (feature `fetch`)
//! ```
//!
//! # Your own `nectar`
//!
//! Plugins register themselves through `inventory` (see [`nectar_registry`]), and [`run`]
//! collects them when it starts: the built-in ones, which this crate links through
//! [`nectar_plugins`], and any other that the program links. **The linker drops a crate that
//! nothing names**, and its registrations with it, so name each plugin crate in the program.
//! A third party's `src/main.rs` (with `nectar-cli` and its parser crate, here `my_parser`,
//! as dependencies):
//!
//! ```no_run
//! // Names the parser's crate so that the linker keeps it and the parser it registers:
//! // use my_parser as _;
//!
//! fn main() -> std::process::ExitCode {
//!     nectar_cli::run()
//! }
//! ```
//!
//! `nectar plugins` then lists the parser beside the built-in ones, detection chooses it for
//! its pages, and `--source NAME` selects it. `examples/custom-source` in nectar's repository
//! builds such a binary. [`run_with`] runs on arguments and a registry of your choosing (for
//! tests, or a program that builds its own [`Registry`]).
//!
//! Without an input, `nectar build` and `nectar chart` read the sample corpus of nectar's
//! source tree (`examples/corpus`), found from where this crate was built.
#![deny(missing_docs)]

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nectar_io::{Limits, write_atomic};
use nectar_model::{Corpus, MODEL_VERSION, Report};
use nectar_registry::{ChartDescriptor, ChartError, Dataset, ExporterDescriptor, Registry};

const EXAMPLES: &str = "\
Examples:
  nectar build                             parse the bundled sample corpus into ./out
  nectar build reports/ --out data         parse every *.txt under reports/ into data/
  nectar build a.txt --format json         write only data in the json format
  nectar build --format charts             draw only the charts, into out/charts/
  nectar chart membership reports/ --out membership.svg
                                           draw one chart (see nectar plugins)
  nectar parse report.txt                  print one report's facts as JSON
  nectar parse report.txt --source blogger read it as a Blogger page
  nectar export --from out/json/corpus.json --format parquet --out data
                                           re-export without parsing again
  nectar plugins --json                    list the parsers, exporters and charts as JSON
  nectar schema --out schemas              write the JSON Schemas of the output
  nectar eval --truth truth.json pages/    score what nectar reads against a careful reading

A report may have a metadata sidecar beside it, NAME.meta.json beside NAME.txt, with any of
url, published, authors, source and title; what it says wins over what is read from the text.
A fetched page's sidecar also says how it was fetched: final_url, fetched_at, status,
content_type, etag and last_modified.

Exit codes: 0 all inputs read; 1 some input could not be read (the rest are still written),
or the chart of `nectar chart` had nothing to draw; 2 usage error.";

/// Turns published reports of Labour NEC meetings into a citable dataset.
#[derive(Debug, Parser)]
#[command(name = "nectar", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Args)]
struct ReadArgs {
    /// Read every report with this parser instead of detecting one (see `nectar plugins`).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Skip report files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = nectar_io::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Parse on this many threads (0: one per core). The output is the same for any number.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// No progress bar and no summary line (errors are still printed).
    #[arg(short, long)]
    quiet: bool,
    /// The extensions of the files a folder walk reads, comma-separated, any case (a file
    /// named on its own is read whatever its name); by default txt, and html, htm, html.gz
    /// and htm.gz when built with the `html` feature. The files passed over are counted, by
    /// extension, in one line.
    #[arg(long, value_name = "EXTS", value_delimiter = ',')]
    ext: Vec<String>,
    /// Give up a file that takes longer than this many seconds to parse (an error naming it;
    /// the others go on); 0 for no limit. A last guard: reading is linear in a file's size.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    timeout: f64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse reports and print their facts as one JSON corpus.
    Parse {
        /// Report files (*.txt) or directories to walk.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Write the JSON here instead of to standard output (`-`: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Parse reports and write the dataset in every format: the main job.
    Build {
        /// Report files or directories; the bundled sample corpus when none is given.
        #[arg(value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// The output directory; each format writes into OUT/FORMAT/, the charts into
        /// OUT/charts/.
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// Only these formats (comma-separated exporter names, and `charts` for the charts);
        /// all by default.
        #[arg(long, value_name = "NAMES", value_delimiter = ',')]
        format: Vec<String>,
        /// Read only the K-th of N parts of the inputs (each file in one part, by a hash of its
        /// path relative to its input folder) and write their tables as Parquet partitioned by
        /// meeting year, in files named for the part
        /// (OUT/parquet/figures/year=2021/part-K-of-N.parquet); then `nectar merge`.
        #[arg(long, value_name = "K/N")]
        shard: Option<nectar_pipeline::Shard>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Make the tables across reports (nec_meetings, claims, persons) from the outputs of
    /// `nectar build --shard`, and fill in each meeting mention's nec_meeting_id.
    Merge {
        /// The shards' output folders (one shared folder, or each machine's copied back).
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// Where to write the tables across reports (OUT/parquet/<table>.parquet).
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
    },
    /// Draw one chart of the reports as an SVG file.
    Chart {
        /// The chart (`nectar plugins` lists them).
        #[arg(value_name = "NAME")]
        name: String,
        /// Report files or directories; the bundled sample corpus when none is given.
        #[arg(value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// The SVG file to write (`-`: standard output).
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Write the dataset in other formats from a corpus nectar wrote before, without parsing.
    Export {
        /// A `corpus.json` (from `nectar parse` or the json format) or a `reports.ndjson`.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The output directory; each format writes into OUT/FORMAT/, the charts into
        /// OUT/charts/.
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// Only these formats (comma-separated exporter names, and `charts` for the charts);
        /// all by default.
        #[arg(long, value_name = "NAMES", value_delimiter = ',')]
        format: Vec<String>,
    },
    /// List the registered parsers, exporters and charts.
    Plugins {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score what nectar reads from pages against what a careful reader gets from them: reports
    /// kept, meeting dates and kinds, figures, votes, durations, published dates and authors,
    /// then every miss on a line of its own.
    Eval {
        /// The truth: a JSON array of pages (schemas/truth.schema.json), an expected.json of
        /// real reports whose `must` facts are taken as the truth, or a complete.json listing
        /// every fact of each report (scored table by table, precision and recall).
        #[arg(long, value_name = "FILE")]
        truth: PathBuf,
        /// The pages (report files or directories, with their sidecars).
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the text nectar reads from each report: its title, then its body, without the
    /// page's clutter (to check what a page gives, or to score the reading of pages).
    Text {
        /// Report files or directories.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// One JSON object a line per report: file, url, title, published, authors, text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Fetch report pages politely into a folder, each as OUT/<host>/<name>.html with its
    /// sidecar, for `nectar build` to read.
    #[cfg(feature = "fetch")]
    #[command(after_help = FETCH_EXAMPLES)]
    Fetch(FetchArgs),
    /// Write the JSON Schemas of nectar's output.
    Schema {
        /// The directory to write them into.
        #[arg(long, value_name = "DIR", default_value = "schemas")]
        out: PathBuf,
    },
}

#[cfg(feature = "fetch")]
const FETCH_EXAMPLES: &str = "\
Examples:
  nectar fetch https://blog.example/2016/01/nec-report.html --out pages
  nectar fetch -i urls.txt --out pages     one URL a line; # comments and blank lines skipped
  nectar fetch --feed https://blog.example/feeds/posts/default --out pages
                                           every post of a Blogger or WordPress feed
  nectar fetch --sitemap https://site.example/sitemap.xml --out pages --dry-run
                                           list what would be fetched, fetch nothing

What it honours: robots.txt (for the user agent nectar; one that cannot be read keeps nectar
off the host for the run), a delay between two requests to one host (--delay, or the
robots.txt Crawl-delay when longer), Retry-After on 429 and 5xx (retried with backoff, up to 3
times; a wait over 120 s is an error), timeouts, a size cap (--max-bytes), at most 5
redirects. A page fetched before is asked for with its ETag and Last-Modified, and a 304
leaves it as it is: running again fetches only what is missing or changed.

Exit codes: 0 every page fetched, unchanged or disallowed; 1 some URL, feed or sitemap failed
(each is one line, the others go on); 2 usage error.";

/// `nectar fetch`'s arguments.
#[cfg(feature = "fetch")]
#[derive(Debug, clap::Args)]
struct FetchArgs {
    /// Pages to fetch.
    #[arg(value_name = "URL")]
    urls: Vec<String>,
    /// A file of URLs to fetch, one a line (blank lines and `#` comments skipped).
    #[arg(short = 'i', long = "input", value_name = "FILE")]
    input: Vec<PathBuf>,
    /// An Atom or RSS feed (Blogger, WordPress) whose posts to fetch, its next pages followed.
    #[arg(long, value_name = "URL")]
    feed: Vec<String>,
    /// A sitemap or sitemap index whose pages to fetch, nested sitemaps followed.
    #[arg(long, value_name = "URL")]
    sitemap: Vec<String>,
    /// The folder to save pages into, one folder per host.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seconds between two requests to one host (robots.txt's Crawl-delay when longer).
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = seconds)]
    delay: std::time::Duration,
    /// A page larger than this many bytes is an error (nothing is saved of it).
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    max_bytes: u64,
    /// Seconds one request may take, its body included.
    #[arg(long, value_name = "SECONDS", default_value = "60", value_parser = seconds)]
    timeout: std::time::Duration,
    /// List the pages that would be fetched (reading robots.txt, feeds and sitemaps), one a
    /// line, marked "(disallowed by robots.txt)" or "(already fetched)"; fetch none.
    #[arg(long)]
    dry_run: bool,
    /// No progress bar and no summary line (errors are still printed).
    #[arg(short, long)]
    quiet: bool,
}

/// A number of seconds, fractions allowed, as a duration.
#[cfg(feature = "fetch")]
fn seconds(s: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number of seconds"))?;
    std::time::Duration::try_from_secs_f64(secs)
        .map_err(|_| format!("{s:?} is not a number of seconds of 0 or more"))
}

/// `nectar fetch`: the pages of the URLs, lists, feeds and sitemaps given, into `--out`.
#[cfg(feature = "fetch")]
fn fetch(args: FetchArgs) -> Result<(), Failure> {
    use nectar_fetch::{Event, Source};
    let mut sources: Vec<Source> = args.urls.into_iter().map(Source::Page).collect();
    for file in &args.input {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Failure::Other(format!("{}: {e}", file.display())))?;
        sources.extend(nectar_fetch::url_list(&text).into_iter().map(Source::Page));
    }
    sources.extend(args.feed.into_iter().map(Source::Feed));
    sources.extend(args.sitemap.into_iter().map(Source::Sitemap));
    if sources.is_empty() {
        return Err(Failure::Usage(
            "nothing to fetch: give URLs, -i FILE, --feed URL or --sitemap URL".to_owned(),
        ));
    }
    let options = nectar_fetch::Options {
        out: args.out.clone(),
        delay: args.delay,
        max_bytes: args.max_bytes,
        timeout: args.timeout,
        dry_run: args.dry_run,
        ..nectar_fetch::Options::default()
    };
    let bar = progress_bar(
        args.quiet,
        "{bar:40} {pos}/{len} pages ({elapsed}) {wide_msg}",
    );
    let summary = nectar_fetch::fetch(&sources, &options, &mut |event| match event {
        Event::Reading(what) => {
            if let Some(bar) = &bar {
                bar.set_message(what);
            }
        }
        Event::Planned(n) => {
            if let Some(bar) = &bar {
                bar.set_length(n as u64);
            }
        }
        Event::Done(_) => {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        }
        Event::Line(line) => match &bar {
            Some(bar) => bar.suspend(|| eprintln!("nectar: {line}")),
            None => eprintln!("nectar: {line}"),
        },
        Event::Listed(line) => {
            let _ = emit(format!("{line}\n").as_bytes());
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !args.quiet {
        let s = summary;
        if args.dry_run {
            eprintln!(
                "nectar: would fetch {}, already fetched {}, disallowed {}, failed {}",
                s.fetched, s.unchanged, s.skipped, s.failed
            );
        } else {
            eprintln!(
                "nectar: fetched {}, unchanged {}, skipped {}, failed {} (into {})",
                s.fetched,
                s.unchanged,
                s.skipped,
                s.failed,
                args.out.display()
            );
        }
    }
    if summary.failed > 0 {
        Err(Failure::Inputs)
    } else {
        Ok(())
    }
}

/// Where `nectar build` finds the sample corpus when given no input.
fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

enum Failure {
    /// Exit 1: some input failed; the message was printed.
    Inputs,
    /// Exit 2: a usage error.
    Usage(String),
    /// Exit 1: something else failed.
    Other(String),
}

/// Runs the `nectar` command on this process's arguments, with the built-in plugins and every
/// other plugin the program links, and returns its exit code: 0 when every input was read,
/// 1 when some input could not be read (the rest are still written) or something else failed,
/// 2 for a usage error. Errors are printed to standard error, one line each.
///
/// This is all a `main` needs: `fn main() -> std::process::ExitCode { nectar_cli::run() }`.
pub fn run() -> ExitCode {
    let cli = match parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match nectar_plugins::registry() {
        Ok(registry) => exit_code(execute(cli, &registry)),
        Err(e) => exit_code(Err(Failure::Other(format!("plugin registry: {e}")))),
    }
}

/// Runs the `nectar` command on `args` (the program's name first, as in
/// [`std::env::args_os`]) with the plugins of `registry`, and returns its exit code, as
/// [`run`] does. `--help`, `--version` and usage errors print what they print from the
/// command line and return 0 or 2; nothing here exits the process.
///
/// ```
/// let registry = nectar_plugins::registry().unwrap();
/// let code = nectar_cli::run_with(&registry, ["nectar", "plugins", "--json"]);
/// assert_eq!(code, std::process::ExitCode::SUCCESS);
///
/// let code = nectar_cli::run_with(&registry, ["nectar", "parse"]); // INPUT is required
/// assert_eq!(code, std::process::ExitCode::from(2));
/// ```
pub fn run_with<I, T>(registry: &Registry, args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match parse_args(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    quiet_reader_panics();
    exit_code(execute(cli, registry))
}

/// A panic while reading a file is caught by the pipeline and printed as that file's one-line
/// error; the default hook would print it again, on several lines. Panics elsewhere print as
/// they always do.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let reading = std::thread::current()
                .name()
                .is_some_and(|n| n.starts_with(nectar_pipeline::PARSE_THREAD));
            if !reading {
                default(info);
            }
        }));
    });
}

/// Writes to standard output. A reader that has gone (`nectar plugins | head`) is not an
/// error: the output it wanted was written.
fn emit(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Other(format!("standard output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The exit code of a run, printing its error.
fn exit_code(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Inputs) => ExitCode::from(1),
        Err(Failure::Usage(msg)) => {
            eprintln!("nectar: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Other(msg)) => {
            eprintln!("nectar: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Parses the command line; on `--help`, `--version` or a usage error, prints what clap
/// prints (to standard output or standard error, as `clap::Parser::parse` would) and returns
/// the exit code it would exit with.
fn parse_args<I, T>(args: I) -> Result<Cli, ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    Cli::try_parse_from(args).map_err(|e| {
        // What `clap::Error::exit` does, without exiting: help and version to standard output
        // with 0, errors to standard error with 2.
        let _ = e.print();
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        let code = u8::try_from(e.exit_code()).unwrap_or(2);
        ExitCode::from(code)
    })
}

fn execute(cli: Cli, registry: &Registry) -> Result<(), Failure> {
    match cli.command {
        Command::Parse {
            inputs,
            output,
            read,
        } => {
            let (reports, failed) = read_reports(&inputs, &read, registry)?;
            if reports.is_empty() && failed {
                // Nothing read (each input's error is printed): an earlier output stays as
                // it was.
                return Err(Failure::Inputs);
            }
            let corpus = Corpus {
                nectar_version: MODEL_VERSION.to_owned(),
                reports,
            };
            let mut json = serde_json::to_vec_pretty(&corpus)
                .map_err(|e| Failure::Other(format!("encoding JSON: {e}")))?;
            json.push(b'\n');
            match output {
                Some(path) if path.as_os_str() != "-" => write_atomic(&path, &json)
                    .map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?,
                _ => emit(&json)?,
            }
            if failed { Err(Failure::Inputs) } else { Ok(()) }
        }
        Command::Build {
            inputs,
            out,
            format,
            shard: Some(shard),
            read,
        } => build_shard(inputs, &out, &format, shard, &read, registry),
        Command::Build {
            inputs,
            out,
            format,
            shard: None,
            read,
        } => build(inputs, &out, &format, &read, registry),
        Command::Merge { dirs, out } => {
            let _lock = lock(&out)?;
            let merged =
                nectar_shard::merge(&dirs, &out).map_err(|e| Failure::Other(e.to_string()))?;
            let charts = draw_charts(registry.charts(), &merged.dataset, &out)?;
            eprintln!(
                "nectar: {} reports, {} real meetings, {} claims; {} files written to {}",
                merged.reports,
                merged.dataset.rows("nec_meetings").len(),
                merged.dataset.rows("claims").len(),
                merged.files.len() + charts.len(),
                out.display()
            );
            Ok(())
        }
        Command::Chart {
            name,
            inputs,
            out,
            read,
        } => chart(&name, inputs, &out, &read, registry),
        Command::Export { from, out, format } => {
            let outputs = outputs(&format, registry)?;
            let reports = read_corpus(&from)?;
            write_all(reports, &outputs, &out)
        }
        Command::Plugins { json } => {
            emit(plugins_text(registry, json).as_bytes())?;
            Ok(())
        }
        Command::Text { inputs, json, read } => text(&inputs, json, &read, registry),
        Command::Eval {
            truth,
            inputs,
            read,
        } => {
            let truth = nectar_eval::load_truth(&truth).map_err(Failure::Other)?;
            let (reports, failed) = read_reports(&inputs, &read, registry)?;
            match truth {
                nectar_eval::Truth::Pages(pages) => {
                    emit(
                        nectar_eval::evaluate(&pages, &reports)
                            .to_string()
                            .as_bytes(),
                    )?;
                }
                nectar_eval::Truth::Complete(complete) => {
                    // Each page's text, by file name, to find where the truth's evidence stands.
                    let mut texts = std::collections::BTreeMap::new();
                    for r in &reports {
                        let path = Path::new(&r.document.path);
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if let std::collections::btree_map::Entry::Vacant(slot) = texts.entry(name)
                        {
                            let doc = nectar_io::read_document(
                                path,
                                &r.document.path,
                                &Default::default(),
                            )
                            .map_err(|e| Failure::Other(e.to_string()))?;
                            slot.insert(doc.text);
                        }
                    }
                    emit(
                        nectar_eval::evaluate_complete(&complete, &reports, &texts)
                            .to_string()
                            .as_bytes(),
                    )?;
                }
            }
            if failed { Err(Failure::Inputs) } else { Ok(()) }
        }
        #[cfg(feature = "fetch")]
        Command::Fetch(args) => fetch(args),
        Command::Schema { out } => {
            for (name, text) in nectar_model::schema::all() {
                let path = out.join(name);
                write_atomic(&path, text.as_bytes())
                    .map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?;
                emit(format!("{}\n", path.display()).as_bytes())?;
            }
            Ok(())
        }
    }
}

/// The pipeline's options from the command line.
fn options(args: &ReadArgs, registry: &Registry) -> Result<nectar_pipeline::Options, Failure> {
    let source = match &args.source {
        Some(name) => Some(registry.parser(name).ok_or_else(|| {
            let known: Vec<&str> = registry.parsers().iter().map(|p| p.name).collect();
            Failure::Usage(format!(
                "no parser named {name:?} (known: {})",
                known.join(", ")
            ))
        })?),
        None => None,
    };
    Ok(nectar_pipeline::Options {
        jobs: args.jobs,
        limits: Limits {
            max_bytes: args.max_bytes,
        },
        source,
        extensions: args
            .ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_lowercase())
            .filter(|e| !e.is_empty())
            .collect(),
        shard: None,
        timeout: (args.timeout.is_finite() && args.timeout > 0.0)
            .then(|| std::time::Duration::from_secs_f64(args.timeout.min(1e9))),
    })
}

/// A progress bar on stderr drawn with `template` (indicatif's), when stderr is a terminal and
/// `--quiet` is not given.
fn progress_bar(quiet: bool, template: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    Some(bar)
}

/// The one line that names the files a folder walk passed over, by extension.
fn skipped_line(skipped: &std::collections::BTreeMap<String, usize>) -> String {
    let total: usize = skipped.values().sum();
    let kinds: Vec<String> = skipped
        .iter()
        .map(|(ext, n)| {
            let shown = if ext.starts_with('(') {
                ext.clone()
            } else {
                format!(".{ext}")
            };
            format!("{n} {shown}")
        })
        .collect();
    format!(
        "skipped {total} file{} it does not read ({}); --ext chooses the extensions read",
        if total == 1 { "" } else { "s" },
        kinds.join(", ")
    )
}

/// Reads every input on the pipeline, handing each report to `each` in input order; prints a
/// line per input that failed. Returns the summary and whether any input failed.
fn read_each(
    inputs: &[PathBuf],
    args: &ReadArgs,
    registry: &Registry,
    each: impl FnMut(Report) -> Result<(), Failure>,
) -> Result<(nectar_pipeline::Summary, bool), Failure> {
    read_each_with(inputs, args, registry, options(args, registry)?, each)
}

/// [`read_each`] with the pipeline's options given.
fn read_each_with(
    inputs: &[PathBuf],
    args: &ReadArgs,
    registry: &Registry,
    options: nectar_pipeline::Options,
    mut each: impl FnMut(Report) -> Result<(), Failure>,
) -> Result<(nectar_pipeline::Summary, bool), Failure> {
    let bar = progress_bar(args.quiet, "{bar:40} {pos}/{len} reports {msg} ({elapsed})");
    let summary = nectar_pipeline::read(inputs, registry, &options, &mut each, |p| {
        if let Some(bar) = &bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(format!("{:.1} MB", p.bytes as f64 / 1e6));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for failure in &summary.failures {
        eprintln!("nectar: {failure}");
    }
    if !args.quiet {
        for duplicate in &summary.duplicates {
            eprintln!("nectar: {duplicate}");
        }
        if !summary.skipped.is_empty() {
            eprintln!("nectar: {}", skipped_line(&summary.skipped));
        }
    }
    let failed = !summary.failures.is_empty();
    Ok((summary, failed))
}

/// `nectar text`: each report's title and body as nectar reads them, as text (a blank line
/// between title and body, and between reports) or as JSON lines.
fn text(
    inputs: &[PathBuf],
    json: bool,
    args: &ReadArgs,
    registry: &Registry,
) -> Result<(), Failure> {
    let limits = Limits {
        max_bytes: args.max_bytes,
    };
    // The text of the file the last report came from (a listing page gives several).
    let mut last: Option<(String, String)> = None;
    let mut first = true;
    let (_, failed) = read_each(inputs, args, registry, |r| {
        let path = &r.document.path;
        if last.as_ref().is_none_or(|(p, _)| p != path) {
            // The text read when it is not the file's bytes (a web page's main text) is in the
            // report; a text file's is read again.
            let text = match &r.document.text {
                Some(text) => text.clone(),
                None => {
                    nectar_io::read_document(Path::new(path), path, &limits)
                        .map_err(|e| Failure::Other(e.to_string()))?
                        .text
                }
            };
            last = Some((path.clone(), text));
        }
        let whole = last.as_ref().map_or("", |(_, t)| t.as_str());
        let body = whole.get(r.body.start..r.body.end).unwrap_or("").trim();
        let title = r.title.as_ref().map(|t| t.value.as_str());
        let out = if json {
            let line = serde_json::json!({
                "file": path,
                "url": r.document.url,
                "title": title,
                "published": r.published.as_ref().map(|p| p.value.to_string()),
                "authors": r.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(),
                "text": body,
            });
            format!("{line}\n")
        } else {
            let gap = if first { "" } else { "\n" };
            match title {
                Some(t) => format!("{gap}{t}\n\n{body}\n"),
                None => format!("{gap}{body}\n"),
            }
        };
        first = false;
        emit(out.as_bytes())
    })?;
    if failed { Err(Failure::Inputs) } else { Ok(()) }
}

/// Reads every input into memory (for `parse`).
fn read_reports(
    inputs: &[PathBuf],
    args: &ReadArgs,
    registry: &Registry,
) -> Result<(Vec<Report>, bool), Failure> {
    let mut reports = Vec::new();
    let (_, failed) = read_each(inputs, args, registry, |r| {
        reports.push(r);
        Ok(())
    })?;
    Ok((reports, failed))
}

/// The inputs given, or the bundled sample corpus when none is.
fn inputs_or_sample(inputs: Vec<PathBuf>) -> Result<Vec<PathBuf>, Failure> {
    if !inputs.is_empty() {
        return Ok(inputs);
    }
    let sample = sample_corpus();
    if !sample.is_dir() {
        return Err(Failure::Usage(format!(
            "no INPUT given and the sample corpus is not at {}",
            sample.display()
        )));
    }
    Ok(vec![sample])
}

fn build(
    inputs: Vec<PathBuf>,
    out: &Path,
    formats: &[String],
    read: &ReadArgs,
    registry: &Registry,
) -> Result<(), Failure> {
    let inputs = inputs_or_sample(inputs)?;
    let outputs = outputs(formats, registry)?;
    let started = std::time::Instant::now();
    let mut writer = Writer::start(&outputs, out)?;
    let (summary, failed) = read_each(&inputs, read, registry, |r| writer.write(r))?;
    if summary.reports == 0 {
        // Dropping the writer removes its temporary files: earlier outputs stay as they were.
        eprintln!("nectar: no report could be read; nothing written");
        return Err(Failure::Inputs);
    }
    let written = writer.finish(out)?;
    if !read.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "nectar: {} reports, {} facts, {} failed, {secs:.2} s ({:.1} MB/s); {} files written to {}",
            summary.reports,
            summary.facts,
            summary.failures.len(),
            summary.bytes as f64 / 1e6 / secs.max(1e-9),
            written.len(),
            out.display()
        );
    }
    if failed { Err(Failure::Inputs) } else { Ok(()) }
}

/// Holds the output folder for this run ([`nectar_io::lock_output`]). Shards are not held:
/// they write their own files, side by side.
fn lock(out: &Path) -> Result<nectar_io::OutputLock, Failure> {
    nectar_io::lock_output(out).map_err(|e| Failure::Other(format!("{}: {e}", out.display())))
}

/// `nectar build --shard K/N`: the K-th part of the inputs, as partitioned Parquet.
fn build_shard(
    inputs: Vec<PathBuf>,
    out: &Path,
    formats: &[String],
    shard: nectar_pipeline::Shard,
    read: &ReadArgs,
    registry: &Registry,
) -> Result<(), Failure> {
    if formats.iter().any(|f| f != "parquet") {
        return Err(Failure::Usage(
            "--shard writes Parquet only: leave out --format, or give --format parquet".into(),
        ));
    }
    let inputs = inputs_or_sample(inputs)?;
    let mut writer = nectar_shard::ShardWriter::new(shard.index, shard.count);
    let mut options = options(read, registry)?;
    options.shard = Some(shard);
    let (summary, failed) = read_each_with(&inputs, read, registry, options, |r| {
        writer.add(&r);
        Ok(())
    })?;
    let written = writer
        .finish(out)
        .map_err(|e| Failure::Other(e.to_string()))?;
    if !read.quiet {
        eprintln!(
            "nectar: shard {}/{}: {} reports, {} facts, {} failed; {} files written to {} (then: nectar merge {})",
            shard.index,
            shard.count,
            summary.reports,
            summary.facts,
            summary.failures.len(),
            written.len(),
            out.display(),
            out.display()
        );
    }
    if failed { Err(Failure::Inputs) } else { Ok(()) }
}

/// `nectar chart`: one chart of the reports into one SVG file.
fn chart(
    name: &str,
    inputs: Vec<PathBuf>,
    out: &Path,
    read: &ReadArgs,
    registry: &Registry,
) -> Result<(), Failure> {
    let chart = registry.chart(name).ok_or_else(|| {
        let known: Vec<&str> = registry.charts().iter().map(|c| c.name).collect();
        Failure::Usage(format!(
            "no chart named {name:?} (known: {})",
            known.join(", ")
        ))
    })?;
    let inputs = inputs_or_sample(inputs)?;
    let mut collector = nectar_dataset::Collector::default();
    let (summary, failed) = read_each(&inputs, read, registry, |r| {
        collector.add(&r);
        Ok(())
    })?;
    if summary.reports == 0 {
        eprintln!("nectar: no report could be read; nothing written");
        return Err(Failure::Inputs);
    }
    let svg = chart
        .chart
        .render(&collector.finish())
        .map_err(|e| Failure::Other(format!("chart {name}: {e}")))?;
    if out.as_os_str() == "-" {
        return emit(svg.as_bytes()).and(if failed { Err(Failure::Inputs) } else { Ok(()) });
    }
    write_atomic(out, svg.as_bytes())
        .map_err(|e| Failure::Other(format!("{}: {e}", out.display())))?;
    eprintln!(
        "nectar: chart {name} of {} reports written to {}",
        summary.reports,
        out.display()
    );
    if failed { Err(Failure::Inputs) } else { Ok(()) }
}

/// The `--format` name that selects the charts.
const CHARTS: &str = "charts";

/// What `--format` asks for: exporters, each into `OUT/<name>/`, and charts, into
/// `OUT/charts/`.
struct Outputs {
    exporters: Vec<&'static ExporterDescriptor>,
    charts: Vec<&'static ChartDescriptor>,
}

/// The exporters named by `--format` and the charts if it names `charts`, or all of them.
fn outputs(formats: &[String], registry: &Registry) -> Result<Outputs, Failure> {
    if formats.is_empty() {
        return Ok(Outputs {
            exporters: registry.exporters().to_vec(),
            charts: registry.charts().to_vec(),
        });
    }
    let mut outputs = Outputs {
        exporters: Vec::new(),
        charts: Vec::new(),
    };
    for name in formats {
        if name == CHARTS {
            outputs.charts = registry.charts().to_vec();
            continue;
        }
        let exporter = registry.exporter(name).ok_or_else(|| {
            let mut known: Vec<&str> = registry.exporters().iter().map(|e| e.name).collect();
            known.push(CHARTS);
            Failure::Usage(format!(
                "no format named {name:?} (known: {})",
                known.join(", ")
            ))
        })?;
        outputs.exporters.push(exporter);
    }
    Ok(outputs)
}

/// A chart to draw.
type Drawing = &'static ChartDescriptor;

/// Draws every chart of the dataset into `out/charts/<name>.svg`; returns the files written.
/// A chart with nothing to draw says so on standard error, writes no file and removes the
/// file an earlier run drew, so that `charts/` never shows other data than the rest of `out/`.
fn draw_charts(charts: &[Drawing], dataset: &Dataset, out: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut written = Vec::new();
    for c in charts {
        let path = out.join(CHARTS).join(format!("{}.svg", c.name));
        match c.chart.render(dataset) {
            Ok(svg) => {
                write_atomic(&path, svg.as_bytes())
                    .map_err(|e| Failure::Other(format!("{}: {e}", path.display())))?;
                written.push(path);
            }
            Err(e @ ChartError::NothingToDraw(_)) => {
                eprintln!("nectar: chart {}: {e}", c.name);
                match std::fs::remove_file(&path) {
                    Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                        return Err(Failure::Other(format!("{}: {err}", path.display())));
                    }
                    _ => {}
                }
            }
            Err(e) => return Err(Failure::Other(format!("chart {}: {e}", c.name))),
        }
    }
    Ok(written)
}

/// Feeds reports to every exporter as they come, and draws the charts of the dataset at the
/// end. Dropped before [`Writer::finish`], it leaves no file behind.
struct Writer {
    sinks: Vec<(&'static str, Box<dyn nectar_registry::ExportSink>)>,
    charts: Vec<Drawing>,
    /// The rows the tables across reports are made from.
    collector: nectar_dataset::Collector,
    /// Where the formats are written before they take their places together.
    staging: nectar_io::Staging,
    /// The output folder, held by this run.
    _lock: nectar_io::OutputLock,
}

impl Writer {
    /// Takes the output folder `out` (a second run there fails at once) and starts every
    /// format, in a staging folder.
    fn start(outputs: &Outputs, out: &Path) -> Result<Self, Failure> {
        let lock = lock(out)?;
        let shown = |e: std::io::Error| Failure::Other(format!("{}: {e}", out.display()));
        let mut staging = nectar_io::Staging::start(out, &lock).map_err(shown)?;
        let mut sinks = Vec::new();
        for e in &outputs.exporters {
            let sink = e
                .exporter
                .start(&staging.dir(e.name))
                .map_err(|err| Failure::Other(format!("{} export: {err}", e.name)))?;
            sinks.push((e.name, sink));
        }
        if !outputs.charts.is_empty() {
            // Made even when no chart has anything to draw: the charts of an earlier run
            // never stand beside this run's data.
            std::fs::create_dir_all(staging.dir(CHARTS)).map_err(shown)?;
        }
        Ok(Self {
            sinks,
            charts: outputs.charts.clone(),
            collector: nectar_dataset::Collector::default(),
            staging,
            _lock: lock,
        })
    }

    fn write(&mut self, report: Report) -> Result<(), Failure> {
        for (name, sink) in &mut self.sinks {
            sink.write_report(&report)
                .map_err(|err| Failure::Other(format!("{name} export: {err}")))?;
        }
        self.collector.add(&report);
        Ok(())
    }

    /// Completes every format and moves them all into `out` together; returns the files
    /// written, as they are named in `out`.
    fn finish(self, out: &Path) -> Result<Vec<PathBuf>, Failure> {
        let dataset = self.collector.finish();
        let mut written = Vec::new();
        for (name, sink) in self.sinks {
            written.extend(
                sink.finish(&dataset)
                    .map_err(|err| Failure::Other(format!("{name} export: {err}")))?,
            );
        }
        let root = self.staging.root();
        written.extend(draw_charts(&self.charts, &dataset, &root)?);
        self.staging
            .publish()
            .map_err(|e| Failure::Other(format!("{}: {e}", out.display())))?;
        Ok(written
            .into_iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .map_or(p.clone(), |rest| out.join(rest))
            })
            .collect())
    }
}

/// Writes reports already in memory (`nectar export`), and prints a summary.
fn write_all(reports: Vec<Report>, outputs: &Outputs, out: &Path) -> Result<(), Failure> {
    let n = reports.len();
    let facts: usize = reports.iter().map(nectar_pipeline::facts).sum();
    let mut writer = Writer::start(outputs, out)?;
    for r in reports {
        writer.write(r)?;
    }
    let written = writer.finish(out)?;
    eprintln!(
        "nectar: {n} reports, {facts} facts, {} files written to {}",
        written.len(),
        out.display()
    );
    Ok(())
}

/// Reads a corpus nectar wrote: `corpus.json`, or `*.ndjson` with one report per line.
fn read_corpus(path: &Path) -> Result<Vec<Report>, Failure> {
    let shown = path.display();
    let text =
        std::fs::read_to_string(path).map_err(|e| Failure::Other(format!("{shown}: {e}")))?;
    if path.extension().is_some_and(|e| e == "ndjson") {
        return text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l).map_err(|e| {
                    Failure::Other(format!("{shown}: line {}: not a nectar report: {e}", i + 1))
                })
            })
            .collect();
    }
    let corpus: Corpus = serde_json::from_str(&text)
        .map_err(|e| Failure::Other(format!("{shown}: not a nectar corpus: {e}")))?;
    Ok(corpus.reports)
}

fn plugins_text(registry: &Registry, json: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if json {
        let value = serde_json::json!({
            "parsers": registry.parsers().iter().map(|p| serde_json::json!({
                "name": p.name,
                "description": p.description,
                "publisher": p.publisher,
                "version": p.version,
                "signatures": p.signatures,
                "url_patterns": p.url_patterns,
            })).collect::<Vec<_>>(),
            "exporters": registry.exporters().iter().map(|e| serde_json::json!({
                "name": e.name,
                "description": e.description,
                "writes": e.writes,
                "version": e.version,
            })).collect::<Vec<_>>(),
            "charts": registry.charts().iter().map(|c| serde_json::json!({
                "name": c.name,
                "description": c.description,
                "writes": format!("{CHARTS}/{}.svg", c.name),
                "version": c.version,
            })).collect::<Vec<_>>(),
        });
        return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    }
    let _ = writeln!(out, "Parsers:");
    for p in registry.parsers() {
        let _ = writeln!(out, "  {:<12} {} [{}]", p.name, p.description, p.publisher);
    }
    let _ = writeln!(out, "Exporters:");
    for e in registry.exporters() {
        let _ = writeln!(
            out,
            "  {:<12} {} ({})",
            e.name,
            e.description,
            e.writes.join(", ")
        );
    }
    let _ = writeln!(out, "Charts:");
    for c in registry.charts() {
        let _ = writeln!(
            out,
            "  {:<12} {} ({CHARTS}/{}.svg)",
            c.name, c.description, c.name
        );
    }
    out
}
