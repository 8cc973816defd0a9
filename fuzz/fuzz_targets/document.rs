//! The whole read of a text report from arbitrary bytes: decode, detect, parse, extract, the
//! model's invariants, and the report's rows in the tables and the dataset.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nectar_model::Document;
use nectar_registry::Registry;

static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| nectar_plugins::registry().expect("a valid registry"));

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = nectar_io::decode(bytes.to_vec()) else {
        return;
    };
    let doc = Document::from_text("fuzz.txt", decoded.text);
    let Some(detection) = REGISTRY.detect(&doc) else {
        return;
    };
    let Ok(reports) = nectar_pipeline::parse_posts(&doc, &detection) else {
        return;
    };
    for report in &reports {
        let problems = report.check(&doc.text);
        assert!(problems.is_empty(), "{problems:?}");
        let _ = nectar_tables::rows(report);
    }
    let _ = nectar_dataset::Dataset::of(&reports);
});
