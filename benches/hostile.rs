//! Time bounded by the input (issue 17): reading a report made of one thing repeated, at
//! growing sizes. Each input class is read at 1, 2, 4 and 8 times a base size; the time per
//! byte must stay flat (criterion reports throughput per size: a quadratic step shows as
//! throughput halving with each doubling).
//!
//! The classes: one date repeated in one sentence; sentences that each date a meeting; lines
//! that each give a figure, a date, a vote and a name; a line of digits; names in a list.
//!
//! `cargo bench -p nectar-benches --bench hostile` (see `README.md`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nectar_model::Document;

/// How to make the text of `n` repetitions of a class.
type Make = fn(usize) -> String;

/// The classes of hostile input: a name and how to make the text of `n` repetitions.
const CLASSES: &[(&str, Make)] = &[
    ("one_date_repeated", |n| {
        format!(
            "NEC report\n\nThe NEC met on 3 March 2015. {}\n",
            vec!["4 March 2015"; n].join(" ")
        )
    }),
    ("dated_sentences", |n| {
        format!(
            "NEC report\n\nThe NEC met on 3 March 2015. {}\n",
            vec!["The NEC met on 4 March 2015."; n].join(" ")
        )
    }),
    ("facts_per_line", |n| {
        format!(
            "NEC report\n\nThe NEC met on 3 March 2015.\n{}\n",
            vec!["Membership is 190,000 and on 3 March 2015 the vote was 12 to 3, said Jo Bloggs MP."; n]
                .join("\n")
        )
    }),
    ("digits", |n| {
        format!("NEC report\n\n{}\n", "1234567890 ".repeat(n))
    }),
    ("listed_names", |n| {
        format!(
            "NEC report\n\nThe NEC met on 3 March 2015 with {} and Jo Bloggs.\n",
            vec!["Ann Black, Keir Starmer"; n].join(", ")
        )
    }),
];

fn hostile(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("a valid registry");
    let mut group = c.benchmark_group("hostile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, make) in CLASSES {
        for times in [1usize, 2, 4, 8] {
            let text = make(2_500 * times);
            let doc = Document::from_text(format!("{name}.txt"), text);
            let detection = registry.detect(&doc).expect("a parser");
            group.throughput(Throughput::Bytes(doc.text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, times), &doc, |b, doc| {
                b.iter(|| {
                    nectar_pipeline::parse(black_box(doc), &detection)
                        .map(|r| r.figures.len() + r.meetings.len())
                        .unwrap_or(0)
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
