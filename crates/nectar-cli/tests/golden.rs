//! Golden output: the JSON that `nectar parse FILE` prints for every report of the sample
//! corpus, of the real reports in `../shared/seeds` and of the development pages in
//! `../shared/field`, kept as `insta` snapshots so that every change to what nectar extracts
//! shows in review.
//!
//! Each file is parsed on its own, from the workspace root, with the path as a user there
//! would give it (`examples/corpus/...`, `../shared/...`), so the `file` fields are the same on
//! every machine. Create or update the snapshots with `INSTA_UPDATE=always cargo test --test
//! golden`, then review the diff; under `CI=true` a missing snapshot fails.
//!
//! The real reports' sentences never go into the repository: in the snapshots of `../shared`
//! pages every string longer than [`SHORT`] characters (quotes, subjects, comments) is cut to
//! its start, its length and a hash of the whole, so a change to it still shows.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    nectar_testkit::workspace_root()
        .canonicalize()
        .expect("workspace root")
}

/// The `*.txt` files under `dir` (relative to the workspace root), sorted.
fn reports(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(root().join(&d)).expect("readable folder") {
            let entry = entry.expect("folder entry");
            let rel = d.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                stack.push(rel);
            } else if rel.extension().is_some_and(|e| e == "txt") {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// The longest string a snapshot of a real report keeps whole.
const SHORT: usize = 40;

/// `value` with every string longer than [`SHORT`] characters cut to its first 24, its length
/// in bytes and the first 12 hex digits of its SHA-256.
fn shorten(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) if s.chars().count() > SHORT => {
            let start: String = s.chars().take(24).collect();
            let hash = nectar_io::sha256_hex(s.as_bytes());
            *s = format!("{start}… [{} bytes, {}]", s.len(), &hash[..12]);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(shorten),
        serde_json::Value::Object(map) => map.values_mut().for_each(shorten),
        _ => {}
    }
}

/// What `nectar parse FILE` prints, run from the workspace root.
fn parse(file: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nectar"))
        .current_dir(root())
        .args(["parse", "--quiet"])
        .arg(file)
        .output()
        .expect("nectar runs");
    assert!(
        out.status.success(),
        "nectar parse {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 JSON")
}

/// A snapshot name from a path: `examples/corpus/blogger/x.txt` -> `corpus__blogger__x`.
fn name(prefix: &str, file: &Path, under: &Path) -> String {
    let rel = file.strip_prefix(under).expect("under its folder");
    let stem = rel.with_extension("");
    let parts: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("{prefix}__{}", parts.join("__"))
}

fn check_all(prefix: &str, dir: &Path) {
    let real = dir.starts_with("..");
    let files = reports(dir);
    assert!(!files.is_empty(), "no reports under {}", dir.display());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("crates/nectar-cli/tests/golden"));
    settings.bind(|| {
        for file in &files {
            let json = parse(file);
            let shown = if real {
                let mut value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
                shorten(&mut value);
                serde_json::to_string_pretty(&value).expect("JSON") + "\n"
            } else {
                json
            };
            insta::assert_snapshot!(name(prefix, file, dir), shown);
        }
    });
}

#[test]
fn golden_sample_corpus() {
    check_all("corpus", Path::new("examples/corpus"));
}

#[test]
fn golden_seeds() {
    if nectar_testkit::require_seeds().is_some() {
        check_all("seeds", Path::new("../shared/seeds"));
    }
}

#[test]
fn golden_field() {
    if nectar_testkit::require_field().is_some() {
        check_all("field", Path::new("../shared/field"));
    }
}
