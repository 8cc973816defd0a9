//! Issue 17: where outputs go. Only a regular file is replaced; a device, a pipe or `-` is
//! written as a stream; a link is written through; a run that read nothing keeps what was there.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;
use std::process::{Command, Output};

fn nectar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(args)
        .output()
        .expect("nectar runs")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const REPORT: &str =
    "NEC report – 3 March 2015\n\nThe NEC met on 3 March 2015. Membership is 190,000.\n";

#[test]
fn parse_of_a_missing_file_keeps_a_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("keep.json");
    std::fs::write(&keep, b"{\"good\": true}").unwrap();
    let o = nectar(&["parse", s(&dir.path().join("missing.txt")), "-o", s(&keep)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&keep).unwrap(), b"{\"good\": true}");
}

#[test]
fn a_dash_writes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(&report, REPORT).unwrap();
    let o = nectar(&["parse", s(&report), "-o", "-"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"reports\""));
    let o = nectar(&["chart", "membership", s(&report), "--out", "-"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("<svg"));
    assert!(!Path::new("-").exists(), "no file named -");
}

/// `-o /dev/null` run as root replaced the system's /dev/null with a file. Tested on a named
/// pipe (which the same rule covers) so that a regression cannot break the machine's devices;
/// nectar-io's test checks /dev/null itself before writing anything.
#[cfg(unix)]
#[test]
fn writing_to_a_device_or_pipe_streams_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(&report, REPORT).unwrap();
    let fifo = dir.path().join("pipe");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(&fifo).unwrap())
    };
    let o = nectar(&["parse", s(&report), "-o", s(&fifo)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(reader.join().unwrap().contains("\"reports\""));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(&report, REPORT).unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = nectar(&["parse", s(&report), "-o", s(&link)]);
    assert!(o.status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("\"reports\"")
    );
}
