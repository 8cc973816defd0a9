//! Each finder of nectar-text on arbitrary text: every span it gives lies in the text on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nectar_model::Span;

fn inside(text: &str, s: Span) {
    assert!(
        s.start <= s.end && text.get(s.start..s.end).is_some(),
        "{s} in {} bytes",
        text.len()
    );
}

fuzz_target!(|text: &str| {
    let scan = nectar_text::Scan::new(text);
    for s in scan.sentences() {
        inside(text, *s);
    }
    for d in scan.dates() {
        inside(text, d.span);
    }
    for n in scan.numbers() {
        inside(text, n.span);
    }
    for q in scan.quantities() {
        inside(text, q.span);
    }
    for d in nectar_text::find_durations(text) {
        inside(text, d.span);
    }
    for v in nectar_text::find_votes(text) {
        inside(text, v.span);
    }
    for s in nectar_text::sentences(text) {
        inside(text, s);
    }
    for b in nectar_text::blocks(text, Span::new(0, text.len())) {
        inside(text, b.span);
    }
});
