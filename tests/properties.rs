//! Properties of the whole read, on stable Rust (the fuzz targets in `fuzz/` explore the same
//! ground with coverage guidance, where cargo-fuzz is installed): from any text, made of the
//! pieces NEC reports are made of and arbitrary characters, nectar reads a report without a
//! panic, every fact quotes the text at its span, IDs are well formed, the dataset's keys are
//! unique, and the same text reads the same way twice.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::BTreeSet;
use std::sync::LazyLock;

use nectar_model::Document;
use nectar_registry::Registry;
use proptest::prelude::*;

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| nectar_plugins::registry().unwrap());

/// The pieces reports are made of, and anything else.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The NEC met on ".to_owned()),
        Just("NEC report – ".to_owned()),
        Just("Organisation Committee\n".to_owned()),
        (1u32..=31, 1u8..=12, 1990u32..2030).prop_map(|(d, m, y)| {
            let month = chrono::Month::try_from(m).expect("a month");
            format!("{d} {} {y}", month.name())
        }),
        (1u32..600_000).prop_map(|n| format!("membership is {n}. ")),
        (0u32..40, 0u32..40).prop_map(|(a, b)| format!("carried by {a} votes to {b}. ")),
        Just(" for five hours. ".to_owned()),
        Just("Ann Black, Jo Bird and Sam Smith".to_owned()),
        Just("The NEC agreed the timetable. ".to_owned()),
        Just("\n\n".to_owned()),
        Just("Blogger Sam said...\n\nThanks!\n\n9:02 pm, March 3, 2015\n".to_owned()),
        Just("Post a Comment\n<< Home\n".to_owned()),
        "\\PC{0,40}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|p| p.concat())
}

fn read(text: &str) -> Vec<nectar_model::Report> {
    let doc = Document::from_text("p.txt", text);
    let detection = REGISTRY.detect(&doc).unwrap();
    nectar_pipeline::parse_posts(&doc, &detection).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_reads_into_a_consistent_report(text in text()) {
        let reports = read(&text);
        for r in &reports {
            let problems = r.check(&text);
            prop_assert!(problems.is_empty(), "{problems:?}");
            prop_assert!(!r.report_id.is_empty());
        }
        let dataset = nectar_dataset::Dataset::of(&reports);
        for (table, rows) in dataset.tables() {
            let keys: BTreeSet<Vec<String>> = rows
                .iter()
                .map(|row| {
                    table
                        .primary_key
                        .iter()
                        .map(|k| row[table.column(k).unwrap()].to_text())
                        .collect()
                })
                .collect();
            prop_assert_eq!(keys.len(), rows.len(), "a key twice in {}", table.name);
        }
        // The same text, read again, gives the same bytes.
        let again = read(&text);
        prop_assert_eq!(
            serde_json::to_string(&reports).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    #[test]
    fn a_sidecar_is_read_or_refused_and_its_date_reads_back(
        year in 0u32..10_000, month in 0u32..14, day in 0u32..33, url in "\\PC{0,30}",
    ) {
        let json = serde_json::json!({
            "published": format!("{year:04}-{month:02}-{day:02}"),
            "url": url,
        });
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.txt");
        std::fs::write(report.with_extension("meta.json"), json.to_string()).unwrap();
        match nectar_io::read_sidecar(&report) {
            Ok(Some(sidecar)) => {
                if let Some(date) = sidecar.published {
                    prop_assert!((1000..=2999).contains(&date.year()), "{date}");
                    let back: nectar_model::PartialDate = date.to_string().parse().unwrap();
                    prop_assert_eq!(back, date);
                }
                if let Some(url) = sidecar.url {
                    prop_assert!(url.starts_with("http://") || url.starts_with("https://"), "{url}");
                }
            }
            Ok(None) => prop_assert!(false, "the sidecar is there"),
            // Refused: one line naming the sidecar.
            Err(e) => {
                let line = e.to_string();
                prop_assert!(line.contains("r.meta.json") && !line.contains('\n'), "{line}");
            }
        }
    }
}
