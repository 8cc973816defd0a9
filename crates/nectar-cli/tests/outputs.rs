//! Issue 17: where outputs go. Only a regular file is replaced; a device, a pipe or `-` is
//! written as a stream; a link is written through; a run that read nothing keeps what was there.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;
use std::process::{Command, Output};

fn nectar(args: &[&str]) -> Output {
    // A folder this process held and let go may stay held a moment by a program another test
    // is starting (it has a copy of the lock's descriptor until it starts): try again then.
    for _ in 0..100 {
        let o = Command::new(env!("CARGO_BIN_EXE_nectar"))
            .args(args)
            .output()
            .expect("nectar runs");
        if !String::from_utf8_lossy(&o.stderr).contains("another nectar is writing here") {
            return o;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the output folder stays held")
}

/// Holds `out` as another run would, waiting out a copy of a descriptor (see [`nectar`]).
fn hold(out: &Path) -> nectar_io::OutputLock {
    for _ in 0..100 {
        match nectar_io::lock_output(out) {
            Ok(lock) => return lock,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    }
    panic!("{} stays held", out.display())
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

/// Issue 17: `-` as an input was "no such file".
#[test]
fn a_dash_reads_a_report_from_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(REPORT.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let corpus: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let report = &corpus["reports"][0];
    assert_eq!(report["document"]["path"], "-");
    assert_eq!(report["figures"][0]["value"], 190000);
}

/// Issue 17: FIFOs in a folder hung the run; now they are passed over with a line.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), REPORT).unwrap();
    if !Command::new("mkfifo")
        .arg(dir.path().join("x.txt"))
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    let o = nectar(&["parse", s(dir.path())]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 (not a regular file)"), "{err}");
}

/// Issue 17: two builds on one output folder were not kept apart.
#[test]
fn a_second_build_on_a_held_folder_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.txt");
    std::fs::write(&report, REPORT).unwrap();
    let out = dir.path().join("out");
    let held = hold(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(["build", s(&report), "--out", s(&out), "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("another nectar is writing here"), "{err}");
    assert!(!out.join("csv").exists(), "nothing written");
    drop(held);
    let o = nectar(&["build", s(&report), "--out", s(&out), "--format", "csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The report IDs of a build's CSV and JSON outputs.
fn ids_of(out: &Path) -> (Vec<String>, Vec<String>) {
    let csv = std::fs::read_to_string(out.join("csv/reports.csv")).unwrap();
    let mut from_csv: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_owned())
        .collect();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("json/corpus.json")).unwrap()).unwrap();
    let mut from_json: Vec<String> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["report_id"].as_str().unwrap().to_owned())
        .collect();
    from_csv.sort();
    from_json.sort();
    (from_csv, from_json)
}

/// Issue 17: a build killed mid-way left formats of two runs side by side. However late it is
/// killed, the output is one run's whole set: the earlier run's, or (killed while moving its
/// formats in) the new one's once the next run has finished moving them.
#[cfg(unix)]
#[test]
fn a_build_killed_mid_way_leaves_one_runs_formats() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    std::fs::write(small.join("r.txt"), REPORT).unwrap();
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for i in 0..400 {
        std::fs::write(
            big.join(format!("r{i:03}.txt")),
            format!(
                "{REPORT}The NEC also met on {} May 2016. Note {i}.\n",
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    let formats = "csv,json,parquet";
    for delay_ms in [20u64, 150, 400, 900] {
        let o = nectar(&[
            "build",
            s(&small),
            "--out",
            s(&out),
            "--format",
            formats,
            "-q",
        ]);
        assert!(o.status.success());
        let mut child = Command::new(env!("CARGO_BIN_EXE_nectar"))
            .args([
                "build",
                s(&big),
                "--out",
                s(&out),
                "--format",
                formats,
                "-q",
                "-j",
                "1",
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // The next run takes the folder: whatever the killed one left is finished or dropped.
        drop(hold(&out));
        let (csv, json) = ids_of(&out);
        assert_eq!(
            csv, json,
            "killed after {delay_ms} ms: CSV and JSON of one run"
        );
        assert!(
            csv.len() == 1 || csv.len() == 400,
            "killed after {delay_ms} ms: {}",
            csv.len()
        );
        let names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.') && n != ".nectar.lock")
            .collect();
        assert!(names.is_empty(), "left behind: {names:?}");
    }
}
