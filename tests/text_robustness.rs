//! No function panics, whatever the input, and every span is a valid slice of it.

use chrono::NaiveDate;
use nectar_model::{Span, YearBasis};
use nectar_text::{
    Anchor, Tense, find_dates, find_durations, find_numbers, find_quantities, find_votes, lines,
    parse_number, qualifier_before, resolve, sentences, tense_at,
};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");

fn check_span(text: &str, s: Span) {
    assert!(s.start <= s.end, "inverted span {s}");
    assert!(
        text.get(s.start..s.end).is_some(),
        "span {s} is not a slice of the text"
    );
}

/// Runs every function over `text` and checks every span.
fn exercise(text: &str) {
    let anchor = Anchor::day(
        NaiveDate::from_ymd_opt(2021, 2, 13).expect("a real date"),
        YearBasis::Published,
    );
    for (k, m) in find_dates(text).into_iter().enumerate() {
        check_span(text, m.span);
        if k > 1000 {
            continue;
        }
        for tense in [Tense::Past, Tense::Future, Tense::Unknown] {
            let _ = resolve(&m, Some(&anchor), tense);
            let _ = resolve(&m, None, tense);
        }
        let _ = tense_at(text, m.span.start);
    }
    for m in find_numbers(text) {
        check_span(text, m.span);
        let _ = parse_number(&text[m.span.start..m.span.end]);
    }
    for q in find_quantities(text) {
        check_span(text, q.span);
    }
    for d in find_durations(text) {
        check_span(text, d.span);
        assert!(d.hours > 0.0);
    }
    for v in find_votes(text) {
        check_span(text, v.span);
    }
    for s in sentences(text)
        .into_iter()
        .chain(lines(text).into_iter().map(|l| l.span))
    {
        check_span(text, s);
    }
    // Offsets anywhere, even inside a character or past the end.
    let step = (text.len() / 50).max(1);
    for offset in (0..=text.len() + 3).step_by(step) {
        let (_, span) = qualifier_before(text, offset);
        if let Some(s) = span {
            check_span(text, s);
        }
        let _ = tense_at(text, offset);
    }
    for word in text.split_whitespace().take(2000) {
        let _ = parse_number(word);
    }
}

#[test]
fn empty_and_tiny_inputs() {
    for text in [
        "",
        " ",
        "\u{feff}",
        "\r\n",
        "\n\n",
        ".",
        "£",
        "%",
        "-",
        "–",
        "a",
        "1",
        "1.",
        ".5",
        "9.",
        "£.",
        "1,",
        ",1",
        "by",
        "by 1 to",
        "May",
        "the",
        "\u{a0}",
        "é",
        "🙂1🙂",
        "1\u{a0}",
        "a\u{a0}half",
    ] {
        exercise(text);
    }
}

#[test]
fn seeds_do_not_panic() {
    let dir = std::path::Path::new(SEEDS);
    if !dir.is_dir() {
        // Under CI the real reports must be there: a test that skips there tests nothing.
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/seeds is missing at {SEEDS}, and CI must have it"
        );
        println!("skipping: no seeds folder at {SEEDS}");
        return;
    }
    for entry in std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        exercise(&text);
        // And with CRLF line endings and a BOM, as some sites serve them.
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        exercise(&crlf);
    }
}

/// A small xorshift generator: deterministic noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_bytes_do_not_panic() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    for round in 0..200 {
        let len = (noise.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| noise.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text);
        // Noise made of the characters the scanners care about.
        const ALPHABET: &[&str] = &[
            "1",
            "2",
            "9",
            "0",
            ",",
            ".",
            "-",
            "–",
            "/",
            ":",
            " ",
            "\u{a0}",
            "\n",
            "\r\n",
            "£",
            "%",
            "am",
            "pm",
            "May",
            "July",
            "Tuesday",
            "th",
            "by",
            "to",
            "votes",
            "and",
            "a",
            "half",
            "six",
            "hours",
            "over",
            "the",
            "NEC",
            "’s",
            "unanimously",
            "in favour",
            "against",
            "per cent",
            "million",
            "k",
            "m",
            "é",
            "🙂",
        ];
        let text: String = (0..(noise.next() % 120))
            .map(|_| ALPHABET[(noise.next() % ALPHABET.len() as u64) as usize])
            .collect();
        exercise(&text);
        if round % 50 == 0 {
            let _ = find_dates(&text);
        }
    }
}

#[test]
fn a_megabyte_of_digits_and_commas() {
    let patterns = [
        "1,",
        "123,",
        "9",
        "1.2.",
        "12:30-",
        "1/1/20 ",
        "by 1 to 2 votes ",
    ];
    for p in patterns {
        // No panic and every span valid on a megabyte of one pattern (the time it takes is
        // measured by the benches, never by a test).
        exercise(&p.repeat((1 << 20) / p.len()));
    }
}
