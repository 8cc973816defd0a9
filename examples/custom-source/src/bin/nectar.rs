//! `nectar` with The Red Rose Review parser: nectar's command, with every built-in plugin and
//! the parser of this crate.
//!
//! ```sh
//! cargo run --manifest-path examples/custom-source/Cargo.toml -- plugins
//! cargo run --manifest-path examples/custom-source/Cargo.toml -- parse examples/custom-source/sample/red-rose-2019-03.txt
//! ```
//!
//! `nectar_cli::run` parses the command line and runs it with every plugin linked into the
//! program: the built-in ones, which `nectar-cli` links, and ours.

// Names the parser's crate, so that the linker keeps it and the parser it registers: without
// this line `nectar plugins` would not list `red_rose_review`.
use nectar_example_custom_source as _;

fn main() -> std::process::ExitCode {
    nectar_cli::run()
}
