//! Issue 17: crates that stand alone. Every published crate's package carries what crates.io
//! and its users need (description, README, keywords, categories, both licence files), and no
//! file in it reaches outside the package (a doc example or test that reads `../../` passes in
//! the workspace and fails in the package). `.ci/packaged-tests` runs the packages' tests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Each published crate's folder and manifest.
fn published() -> Vec<(PathBuf, toml::Table)> {
    let mut out = Vec::new();
    for group in ["crates", "plugins"] {
        for entry in std::fs::read_dir(root().join(group)).unwrap() {
            let dir = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
                continue;
            };
            let manifest: toml::Table = toml::from_str(&text).unwrap();
            let package = manifest["package"].as_table().unwrap();
            if package.get("publish").and_then(toml::Value::as_bool) != Some(false) {
                out.push((dir, manifest));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A field given in the package, or inherited from the workspace.
fn field<'a>(
    package: &'a toml::Table,
    workspace: &'a toml::Table,
    name: &str,
) -> Option<&'a toml::Value> {
    match package.get(name) {
        Some(toml::Value::Table(t))
            if t.get("workspace").and_then(toml::Value::as_bool) == Some(true) =>
        {
            workspace.get(name)
        }
        other => other,
    }
}

#[test]
fn every_published_crate_has_its_metadata_and_licence_files() {
    let top: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let workspace = top["workspace"]["package"].as_table().unwrap();
    let crates = published();
    assert!(crates.len() >= 30, "{} published crates", crates.len());
    let mit = std::fs::read_to_string(root().join("LICENSE-MIT")).unwrap();
    let apache = std::fs::read_to_string(root().join("LICENSE-APACHE")).unwrap();
    for (dir, manifest) in &crates {
        let package = manifest["package"].as_table().unwrap();
        let name = package["name"].as_str().unwrap();
        let description = package.get("description").and_then(toml::Value::as_str);
        assert!(
            description.is_some_and(|d| d.len() > 20),
            "{name}: description"
        );
        assert_eq!(
            field(package, workspace, "license").and_then(toml::Value::as_str),
            Some("MIT OR Apache-2.0"),
            "{name}: license"
        );
        let readme = package.get("readme").and_then(toml::Value::as_str);
        assert_eq!(readme, Some("README.md"), "{name}: readme");
        let text = std::fs::read_to_string(dir.join("README.md")).unwrap();
        assert!(
            text.starts_with(&format!("# {name}")) || text.contains(name),
            "{name}: README"
        );
        let keywords = field(package, workspace, "keywords").and_then(toml::Value::as_array);
        assert!(
            keywords.is_some_and(|k| (1..=5).contains(&k.len())),
            "{name}: keywords"
        );
        let categories = field(package, workspace, "categories").and_then(toml::Value::as_array);
        assert!(
            categories.is_some_and(|c| !c.is_empty()),
            "{name}: categories"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("LICENSE-MIT")).unwrap(),
            mit,
            "{name}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("LICENSE-APACHE")).unwrap(),
            apache,
            "{name}"
        );
    }
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_published_crate_reads_outside_its_package() {
    let mut found = Vec::new();
    for (dir, manifest) in published() {
        let excluded: Vec<&str> = manifest["package"]
            .get("exclude")
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
            .unwrap_or_default();
        let mut files = Vec::new();
        sources(&dir, &mut files);
        for file in files {
            let relative = file
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if excluded.iter().any(|e| relative.starts_with(e)) {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let outside = (line.contains("include_str!(\"../../")
                    || line.contains("include_bytes!(\"../../")
                    || line.contains(".join(\"../"))
                    // The program's default input, in a checkout: it says so when it is not there.
                    && !line.contains("../../examples/corpus");
                if outside {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "files reach outside their package:\n{}",
        found.join("\n")
    );
}
