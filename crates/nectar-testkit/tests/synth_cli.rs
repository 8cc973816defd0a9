//! The `nectar-synth` program: its files, their determinism, and its help.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn synth(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nectar-synth"))
        .args(args)
        .output()
        .expect("nectar-synth runs")
}

/// Every file in `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn same_seed_same_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let path = |d: &tempfile::TempDir| d.path().to_str().unwrap().to_owned();
    for (dir, seed) in [(&a, "9"), (&b, "9"), (&c, "10")] {
        let out = synth(&["12", &path(dir), "--seed", seed]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("wrote 12 reports"));
    }
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert_eq!(fa, fb);
    assert_ne!(fa, fc);
    // 12 reports and 12 expectations; sidecars for the LabourList pages (3rd, 8th).
    let names: Vec<&str> = fa.keys().map(String::as_str).collect();
    assert_eq!(names.len(), 12 * 2 + 2, "{names:?}");
    assert!(names.contains(&"000001.txt") && names.contains(&"000012.expected.json"));
    assert!(names.contains(&"000003.meta.json") && names.contains(&"000008.meta.json"));
    for (name, bytes) in &fa {
        let text = std::str::from_utf8(bytes).unwrap();
        if name.ends_with(".expected.json") {
            let e: nectar_testkit::Expected = serde_json::from_str(text).unwrap();
            assert!(nectar_testkit::synth::SOURCES.contains(&e.must.source.as_str()));
        } else if name.ends_with(".meta.json") {
            let side: nectar_model::Sidecar = serde_json::from_str(text).unwrap();
            assert!(side.url.unwrap().contains("labourlist.org/"));
        }
    }
    // The files are what the library makes.
    let first = nectar_testkit::synth::report(0, 9);
    assert_eq!(fa["000001.txt"], first.text.into_bytes());
}

#[test]
fn help_and_usage_errors() {
    let out = synth(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "Usage: nectar-synth",
        "<N>",
        "<DIR>",
        "--seed",
        "expected.json",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
    let out = synth(&["many", "/tmp"]);
    assert_eq!(out.status.code(), Some(2));
}
