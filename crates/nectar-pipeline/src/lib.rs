//! nectar's reading pipeline: finds the report files under the inputs, then reads, detects and
//! parses them on a pool of threads, and hands each result on **in input order**, so that the
//! output is the same whatever the number of threads.
//!
//! Files are processed in windows of a few dozen per thread: a window is parsed in parallel
//! while the reports of the window before it are handed on one by one and dropped, so the
//! exporters' work overlaps the parsing, and memory holds a few windows, not the corpus.
//!
//! ```
//! use nectar_pipeline::{Options, read};
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "NEC Report – 3 March 2015\n\nThe NEC met on 3 March.\n").unwrap();
//! std::fs::write(dir.path().join("b.txt"), "").unwrap();
//! let registry = nectar_plugins::registry().unwrap();
//! let mut reports = Vec::new();
//! let summary = read(&[dir.path().to_owned()], &registry, &Options::default(), |r| {
//!     reports.push(r);
//!     Ok::<(), ()>(())
//! }, |_| {}).unwrap();
//! assert_eq!(summary.reports, 1);
//! assert_eq!(summary.failures.len(), 1);
//! assert!(summary.failures[0].ends_with("b.txt: empty file"));
//! ```
#![deny(missing_docs)]

use std::path::PathBuf;

use nectar_io::{InputFile, Limits};
use nectar_model::{Document, Report};
use nectar_registry::{Detection, ParserDescriptor, Registry};
use rayon::prelude::*;

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Threads to parse on; 0 for one per core.
    pub jobs: usize,
    /// Size limits on input files.
    pub limits: Limits,
    /// A parser to read every report with, instead of detecting one.
    pub source: Option<&'static ParserDescriptor>,
    /// The extensions a folder walk reads (lower case, no dot): `txt` when empty.
    pub extensions: Vec<String>,
    /// Only this part of the files found (`nectar build --shard K/N`).
    pub shard: Option<Shard>,
    /// The longest one file may take to parse: past it, the file is an error and the run goes
    /// on (a last guard: reading is linear in a file's size). None: no limit.
    pub timeout: Option<std::time::Duration>,
}

/// The `index`-th (from 1) of `count` parts of the input files: each file is in one part, by
/// a hash of its path relative to the folder given ([`InputFile::relative`]), so every
/// machine that runs part K of N reads the same files, whatever order it lists them in.
///
/// ```
/// use nectar_pipeline::Shard;
/// let shard: Shard = "2/4".parse().unwrap();
/// assert_eq!((shard.index, shard.count), (2, 4));
/// let parts: Vec<usize> = (1..=4)
///     .filter(|&k| Shard { index: k, count: 4 }.holds("2016/nec-report.txt"))
///     .collect();
/// assert_eq!(parts.len(), 1, "a file is in exactly one part");
/// assert!("0/4".parse::<Shard>().is_err() && "5/4".parse::<Shard>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 1.
    pub index: usize,
    /// How many parts.
    pub count: usize,
}

impl Shard {
    /// Whether the file at `relative` (its path relative to its input folder) is in this part.
    pub fn holds(&self, relative: &str) -> bool {
        let hash = nectar_model::ids::short_hash(relative, 16);
        let n = u64::from_str_radix(&hash, 16).unwrap_or(0);
        (n % self.count as u64) as usize + 1 == self.index
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a shard K/N with 1 <= K <= N (`--shard 2/4`)");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Self { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-of-{}", self.index, self.count)
    }
}

/// Where a run has got to, after each report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files done (read, or failed).
    pub done: usize,
    /// Files found.
    pub total: usize,
    /// Bytes of report text read so far.
    pub bytes: u64,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Reports read and handed on.
    pub reports: usize,
    /// Facts in them (meetings, figures, votes, decisions, agenda items, people, comments).
    pub facts: usize,
    /// Bytes of report text read.
    pub bytes: u64,
    /// One line per input that could not be read: `PATH: problem`.
    pub failures: Vec<String>,
    /// Files a folder walk passed over, by extension (see [`nectar_io::Listing::skipped`]).
    pub skipped: std::collections::BTreeMap<String, usize>,
    /// One line per file read once already: the same file named twice, or another file with
    /// the same bytes (`PATH: the same file as FIRST, read once`).
    pub duplicates: Vec<String>,
}

/// The number of facts in a report.
pub fn facts(r: &Report) -> usize {
    r.meetings.len()
        + r.figures.len()
        + r.votes.len()
        + r.decisions.len()
        + r.agenda_items.len()
        + r.people.len()
        + r.comments.len()
}

pub use nectar_registry::{parse, parse_as, parse_posts};

/// Reads, detects and parses one file.
fn read_one(
    file: &InputFile,
    registry: &Registry,
    options: &Options,
) -> Result<(Vec<Report>, u64), String> {
    let mut doc = nectar_io::read_document(&file.path, &file.display, &options.limits)
        .map_err(|e| e.to_string())?;
    doc.source.file = file.relative.clone();
    let detection = match options.source {
        Some(parser) => Some(Detection {
            parser,
            confidence: 1.0,
        }),
        None => registry.detect(&doc),
    };
    let detection =
        detection.ok_or_else(
            || match doc.sidecar.as_ref().and_then(|s| s.source.clone()) {
                Some(n) => format!(
                    "{}: the sidecar names parser {n:?}, which is not registered",
                    doc.source.path
                ),
                None => format!("{}: no parser is registered", doc.source.path),
            },
        )?;
    let size = doc.text.len() as u64;
    let path = doc.source.path.clone();
    let parser = detection.parser.name;
    let reports = match options.timeout {
        None => parse_guarded(&doc, &detection),
        Some(limit) => {
            // Parsed on a thread of its own, waited for at most `limit`; a file that takes
            // longer is left to finish on its own, its result dropped.
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::Builder::new()
                .name(format!("{PARSE_THREAD}-timed"))
                .spawn(move || {
                    let _ = tx.send(parse_guarded(&doc, &detection));
                })
                .map_err(|e| format!("{path}: {e}"))?;
            rx.recv_timeout(limit).unwrap_or_else(|_| {
                Err(format!(
                    "{path}: parser {parser} took over {} s, given up (--timeout)",
                    limit.as_secs_f64()
                ))
            })
        }
    }?;
    Ok((reports, size))
}

/// [`parse_posts`], with a panic caught and made that file's error line.
fn parse_guarded(doc: &Document, detection: &Detection) -> Result<Vec<Report>, String> {
    // A parser (a third party's plugin, or a bug of nectar's) that panics fails its file,
    // not the run.
    let parsed =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_posts(doc, detection)))
            .map_err(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "no message".to_owned());
                format!(
                    "{}: reading it failed inside nectar or parser {} ({why}); please report it",
                    doc.source.path, detection.parser.name
                )
            })?;
    parsed.map_err(|e| format!("{}: {e}", doc.source.path))
}

/// The names of the threads that read files start with this: a program may keep its panic
/// hook quiet on them, since a panic there is caught and becomes that file's error line.
pub const PARSE_THREAD: &str = "nectar-read";

/// Files per thread in a window.
const WINDOW_PER_THREAD: usize = 32;

/// Reads every report under `inputs` into memory, in input order, with the run's summary
/// (for tests and small programs; [`read`] hands them on one at a time).
pub fn read_all(
    inputs: &[PathBuf],
    registry: &Registry,
    options: &Options,
) -> (Vec<Report>, Summary) {
    let mut reports = Vec::new();
    let summary = read(
        inputs,
        registry,
        options,
        |r| {
            reports.push(r);
            Ok::<_, std::convert::Infallible>(())
        },
        |_| {},
    )
    .unwrap_or_else(|never| match never {});
    (reports, summary)
}

/// Reads every report under `inputs` and hands each to `each`, in input order; `progress` is
/// told after each file. An input that cannot be read is a failure line in the summary (the
/// others go on); an error from `each` stops the run and is returned.
pub fn read<E>(
    inputs: &[PathBuf],
    registry: &Registry,
    options: &Options,
    mut each: impl FnMut(Report) -> Result<(), E>,
    mut progress: impl FnMut(Progress),
) -> Result<Summary, E> {
    let mut summary = Summary::default();
    // The listing is the one thing here that grows with the corpus (files are read in sorted
    // order, so it is listed whole first).
    let mut files = Vec::new();
    let listing = nectar_io::list(inputs, &options.extensions);
    summary.skipped = listing.skipped;
    for found in listing.files {
        match found {
            Ok(file) if options.shard.is_none_or(|s| s.holds(&file.relative)) => {
                files.push(file);
            }
            Ok(_) => {}
            Err(e) => summary.failures.push(e.to_string()),
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .thread_name(|i| format!("{PARSE_THREAD}-{i}"))
        .build()
        .ok();
    let threads = pool
        .as_ref()
        .map_or(1, rayon::ThreadPool::current_num_threads);
    let total = files.len();
    let mut done = 0;
    let parse_window = |window: std::ops::Range<usize>| -> Vec<Result<(Vec<Report>, u64), String>> {
        let window = &files[window];
        let parse = || {
            window
                .par_iter()
                .map(|f| read_one(f, registry, options))
                .collect()
        };
        match &pool {
            Some(pool) => pool.install(parse),
            None => window
                .iter()
                .map(|f| read_one(f, registry, options))
                .collect(),
        }
    };
    // The next window is parsed while this one is handed on: a reader thread parses window
    // after window on the pool and passes each on through a channel with room for one, so at
    // most three windows are in memory (handed on, waiting, being parsed).
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let size = WINDOW_PER_THREAD * threads.max(1);
        let len = files.len();
        let windows = (0..len)
            .step_by(size)
            .map(move |start| start..(start + size).min(len));
        scope.spawn(move || {
            for window in windows {
                // The receiver is gone when handing on failed: stop parsing.
                if tx.send(parse_window(window)).is_err() {
                    break;
                }
            }
        });
        // Each file's bytes, by SHA-256, and the first file that had them.
        let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        // Each report's ID, and the file that gave it first.
        let mut ids: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for results in rx {
            for result in results {
                done += 1;
                match result {
                    Ok((reports, bytes)) => {
                        // A file is read once, however often it is named or copied: the same
                        // bytes give the same report IDs.
                        if let Some(first) = reports.first() {
                            let doc = &first.document;
                            match seen.get(&doc.sha256) {
                                Some(path) => {
                                    summary.duplicates.push(if *path == doc.path {
                                        format!("{path}: named twice, read once")
                                    } else {
                                        format!("{}: the same file as {path}, read once", doc.path)
                                    });
                                    continue;
                                }
                                None => {
                                    seen.insert(doc.sha256.clone(), doc.path.clone());
                                }
                            }
                        }
                        summary.bytes += bytes;
                        for report in reports {
                            // Two files of one page (saved twice, with the same URL) are one
                            // report: the first is kept, so that IDs stay unique.
                            if let Some(first) = ids.get(&report.report_id) {
                                summary.duplicates.push(format!(
                                    "{}: the same page as {first} ({}), read once",
                                    report.document.path,
                                    report.document.url.as_deref().unwrap_or("the same ID")
                                ));
                                continue;
                            }
                            ids.insert(report.report_id.clone(), report.document.path.clone());
                            summary.reports += 1;
                            summary.facts += facts(&report);
                            each(report)?;
                        }
                    }
                    Err(msg) => summary.failures.push(msg),
                }
                progress(Progress {
                    done,
                    total,
                    bytes: summary.bytes,
                });
            }
        }
        Ok(summary)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_in_input_order_whatever_the_threads() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..150 {
            let text = format!(
                "NEC Report – {} March 2015\n\nThe NEC met on {} March. Membership is now {},000.\n",
                i % 28 + 1,
                i % 28 + 1,
                200 + i
            );
            std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
        }
        let registry = nectar_plugins::registry().unwrap();
        let run = |jobs| {
            let mut out = Vec::new();
            let options = Options {
                jobs,
                ..Options::default()
            };
            read(
                &[dir.path().to_owned()],
                &registry,
                &options,
                |r| {
                    out.push(r);
                    Ok::<(), ()>(())
                },
                |_| {},
            )
            .unwrap();
            out
        };
        let one = run(1);
        assert_eq!(one.len(), 150);
        assert!(one[7].document.path.ends_with("007.txt"));
        assert_eq!(one[7].figures[0].value, 207_000.0);
        assert_eq!(run(2), one);
        assert_eq!(run(4), one);
    }

    #[test]
    fn each_post_of_a_listing_page_is_a_report_with_its_own_id() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Tag Archives: NEC\n\nNEC Report - 4 December 2012\n\nThe NEC met and \
                    agreed the budget by 20 votes to 3.\n\nContinue reading\n\nNEC Report - \
                    18 September 2012\n\nMembership stands at 190,000 […]\n";
        std::fs::write(dir.path().join("tag.txt"), text).unwrap();
        let registry = nectar_plugins::registry().unwrap();
        let mut out = Vec::new();
        read(
            &[dir.path().to_owned()],
            &registry,
            &Options::default(),
            |r| {
                out.push(r);
                Ok::<(), ()>(())
            },
            |_| {},
        )
        .unwrap();
        assert_eq!(out.len(), 2);
        let date = |r: &Report| {
            r.primary_meeting()?
                .date
                .as_ref()
                .map(|d| d.date.to_string())
        };
        assert_eq!(date(&out[0]).as_deref(), Some("2012-12-04"));
        assert_eq!(date(&out[1]).as_deref(), Some("2012-09-18"));
        // One post's facts stay with its own meeting.
        assert_eq!(out[0].votes.len(), 1);
        assert!(
            out[0]
                .figures
                .iter()
                .all(|f| f.metric != nectar_model::Metric::Membership)
        );
        assert_eq!(out[1].figures[0].value, 190_000.0);
        assert_ne!(out[0].report_id, out[1].report_id);
        assert!(out[1].report_id.ends_with("-p2"), "{}", out[1].report_id);
    }

    #[test]
    fn an_error_from_the_sink_stops_the_run() {
        let dir = tempfile::tempdir().unwrap();
        // Many windows: the reader thread must stop, not hang, when the sink fails.
        for i in 0..500 {
            let text = format!("The NEC met today ({i}).");
            std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
        }
        let registry = nectar_plugins::registry().unwrap();
        let mut seen = 0;
        let result = read(
            &[dir.path().to_owned()],
            &registry,
            &Options::default(),
            |_| {
                seen += 1;
                if seen == 2 { Err("disk full") } else { Ok(()) }
            },
            |_| {},
        );
        assert_eq!(result, Err("disk full"));
        assert_eq!(seen, 2);
        let mut progress = 0;
        let result = read(
            &[dir.path().to_owned()],
            &registry,
            &Options {
                jobs: 2,
                ..Options::default()
            },
            |_| Err("disk full"),
            |p| progress = p.done,
        );
        assert_eq!(result, Err("disk full"));
        assert_eq!(progress, 0);
    }
}
