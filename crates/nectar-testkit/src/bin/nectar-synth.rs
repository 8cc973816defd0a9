//! `nectar-synth N DIR [--seed S]`: writes a synthetic corpus of `N` NEC reports into `DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Writes a synthetic corpus of NEC reports, each with the facts a correct reading yields.
///
/// Writes DIR/NNNNNN.txt for each report (numbered from 000001), DIR/NNNNNN.expected.json with
/// its expected facts (the format of the sample corpus's NAME.expected.json, which
/// nectar_testkit::Expected reads), and DIR/NNNNNN.meta.json beside the LabourList pages, whose
/// year only a sidecar gives. The layouts take turns: blogger, clga, labourlist, progress,
/// generic. Reports are 2 to 20 KB, about 15.5 KB on average, so 10,000 reports are about
/// 155 MB. The same N and seed give byte-identical files; report i is the same whatever N is.
#[derive(Debug, Parser)]
#[command(
    name = "nectar-synth",
    version,
    about,
    long_about,
    after_help = "Example:\n  nectar-synth 10000 /tmp/synth --seed 7\n  nectar build /tmp/synth --out /tmp/synth-out"
)]
struct Args {
    /// How many reports to write.
    n: usize,
    /// The directory to write them into (made if missing; files of the same names are
    /// overwritten, others are left alone).
    dir: PathBuf,
    /// The seed: the same seed gives the same reports.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match nectar_testkit::synth::write_corpus(&args.dir, args.n, args.seed) {
        Ok(bytes) => {
            println!(
                "nectar-synth: wrote {} reports ({bytes} bytes of text) to {} (seed {})",
                args.n,
                args.dir.display(),
                args.seed
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("nectar-synth: {}: {e}", args.dir.display());
            ExitCode::FAILURE
        }
    }
}
