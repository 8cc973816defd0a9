//! The corpora the benches run on, how each is sampled, and which of them a run's filter
//! selects. Every bench target includes this file (`#[path = "corpora.rs"] mod corpora;`).
//!
//! | corpus | what |
//! |---|---|
//! | `seeds` | the five real reports in `../shared/seeds`, when they are beside the checkout |
//! | `sample_corpus` | every `*.txt` under `examples/corpus/` |
//! | `synth_1k` | 1,000 reports from `nectar_testkit::synth`, seed 7, written to a temporary directory |
//! | `synth_10k` | 10,000 reports, the same way (about 156 MB of text) |
//!
//! Benchmark IDs start with the corpus (`synth_1k/parse/blogger`), so that
//! `cargo bench -p nectar-benches -- synth_1k` runs one corpus; a corpus that no benchmark of
//! the run selects is not built at all (the 10k synthetic corpus takes a few seconds to write
//! and read).

// Each bench target uses a different part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, SamplingMode};
use nectar_io::InputFile;
use nectar_model::Document;

/// The seed of the synthetic corpora.
pub const SYNTH_SEED: u64 = 7;

/// Every corpus, in the order the benches run them.
pub const ALL: [&str; 4] = ["seeds", "sample_corpus", "synth_1k", "synth_10k"];

/// The synthetic corpora only.
pub const SYNTH: [&str; 2] = ["synth_1k", "synth_10k"];

/// A corpus on disk: its report files, in `nectar build`'s order.
#[derive(Debug)]
pub struct Corpus {
    /// `seeds`, `sample_corpus`, `synth_1k` or `synth_10k`.
    pub name: &'static str,
    /// The directory `nectar build` would be given.
    pub dir: PathBuf,
    /// The report files under it (`nectar_io::discover`).
    pub files: Vec<InputFile>,
    /// The files' total size on disk, in bytes (sidecars not counted).
    pub file_bytes: u64,
    /// The synthetic corpora's temporary directory, removed when the corpus is dropped.
    _temp: Option<tempfile::TempDir>,
}

impl Corpus {
    /// Builds the corpus `name` (one of [`ALL`]); `None`, with a message, for the seeds when
    /// they are not beside the checkout.
    pub fn build(name: &'static str) -> Option<Corpus> {
        let (dir, temp) = match name {
            "seeds" => match nectar_testkit::seeds_dir() {
                Some(dir) => (dir, None),
                None => {
                    eprintln!("seeds: skipped, ../shared/seeds is not beside the checkout");
                    return None;
                }
            },
            "sample_corpus" => (nectar_testkit::sample_corpus_dir(), None),
            _ => {
                let n = synth_reports(name);
                let temp = tempfile::tempdir().expect("a temporary directory");
                let started = std::time::Instant::now();
                let bytes = nectar_testkit::synth::write_corpus(temp.path(), n, SYNTH_SEED)
                    .unwrap_or_else(|e| panic!("{name}: writing the synthetic corpus: {e}"));
                println!(
                    "{name}: wrote {n} synthetic reports (seed {SYNTH_SEED}, {bytes} bytes) in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                (temp.path().to_owned(), Some(temp))
            }
        };
        let files: Vec<InputFile> = nectar_io::discover(std::slice::from_ref(&dir))
            .into_iter()
            .map(|f| f.unwrap_or_else(|e| panic!("{e}")))
            .collect();
        assert!(!files.is_empty(), "{name}: no reports in {}", dir.display());
        if name == "seeds" {
            assert_eq!(files.len(), 5, "the five real reports in {}", dir.display());
        }
        let file_bytes = files
            .iter()
            .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
            .sum();
        Some(Corpus {
            name,
            dir,
            files,
            file_bytes,
            _temp: temp,
        })
    }

    /// Every report, read with its sidecar as `nectar build` reads it.
    pub fn documents(&self) -> Vec<Document> {
        self.files.iter().map(read).collect()
    }

    /// Whether one pass over the corpus takes long enough to need flat sampling.
    pub fn is_synthetic(&self) -> bool {
        SYNTH.contains(&self.name)
    }

    /// Sets a group's sampling for this corpus: 20 samples over 1 s for the small corpora; 10
    /// flat samples for the synthetic ones (each sample one or a few passes), with a short
    /// target time for 10k, whose passes take seconds: criterion then says it needs longer,
    /// and takes what 10 samples need.
    pub fn configure(&self, group: &mut BenchmarkGroup<'_, WallTime>) {
        match self.name {
            "synth_1k" => group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(3)),
            "synth_10k" => group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(100))
                .measurement_time(Duration::from_secs(1)),
            _ => group
                .sample_size(20)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(1)),
        };
    }
}

/// How many reports the synthetic corpus `name` has.
pub fn synth_reports(name: &str) -> usize {
    match name {
        "synth_1k" => 1_000,
        "synth_10k" => 10_000,
        _ => panic!("{name} is not a synthetic corpus"),
    }
}

/// Reads one report file and its sidecar, as `nectar build` does.
pub fn read(file: &InputFile) -> Document {
    nectar_io::read_document(&file.path, &file.display, &Default::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The benchmark filter given on the command line (`cargo bench -- FILTER`), as far as this
/// file needs it: to skip building corpora that no selected benchmark uses. Criterion itself
/// still decides which benchmarks run.
#[derive(Debug, Clone)]
pub struct Selection {
    filter: Option<String>,
}

impl Selection {
    /// The filter of this run: the first argument that is not an option or an option's value.
    pub fn from_args() -> Self {
        // Criterion's options that take a value as the next argument.
        const WITH_VALUE: &[&str] = &[
            "-c",
            "--color",
            "--colour",
            "-s",
            "--save-baseline",
            "-b",
            "--baseline",
            "--baseline-lenient",
            "--format",
            "--profile-time",
            "--load-baseline",
            "--sample-size",
            "--warm-up-time",
            "--measurement-time",
            "--nresamples",
            "--noise-threshold",
            "--confidence-level",
            "--significance-level",
            "--plotting-backend",
            "--output-format",
        ];
        let mut args = std::env::args().skip(1);
        let mut filter = None;
        while let Some(arg) = args.next() {
            if WITH_VALUE.contains(&arg.as_str()) {
                args.next();
            } else if !arg.starts_with('-') {
                filter = Some(arg);
                break;
            }
        }
        Selection { filter }
    }

    /// Whether the filter may select the benchmark `id`. A filter with regular-expression
    /// syntax selects everything here (criterion applies it).
    pub fn selects(&self, id: &str) -> bool {
        match &self.filter {
            None => true,
            Some(f) if f.contains(|c: char| r"\.+*?()|[]{}^$".contains(c)) => true,
            Some(f) => id.contains(f.as_str()),
        }
    }

    /// Whether the filter may select any of `ids`.
    pub fn selects_any<S: AsRef<str>>(&self, ids: impl IntoIterator<Item = S>) -> bool {
        ids.into_iter().any(|id| self.selects(id.as_ref()))
    }
}
