//! A web page from arbitrary bytes: decoding, the limits on its shape, main text, metadata
//! and comments; then the whole read of its text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nectar_registry::Registry;

static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| nectar_plugins::registry().expect("a valid registry"));

fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("nectar-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("page.html");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let Ok(doc) = nectar_io::read_document(&path, "page.html", &Default::default()) else {
        return;
    };
    let Some(detection) = REGISTRY.detect(&doc) else {
        return;
    };
    if let Ok(reports) = nectar_pipeline::parse_posts(&doc, &detection) {
        for report in &reports {
            let problems = report.check(&doc.text);
            assert!(problems.is_empty(), "{problems:?}");
        }
    }
});
