//! Numbers in digits (`512,000`, `1.2m`, `3bn`) and in words (`six and a half`, `half a million`).

use std::sync::LazyLock;

use nectar_model::Span;
use regex::Regex;

use crate::pattern::{
    ascii_word_end, char_at, ends_word, gap_end, next_word, prev_word, starts_word,
};

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Where the number stands, suffix and scale words included (`1.2 million`).
    pub span: Span,
    /// Its value (`1.2 million` is 1 200 000).
    pub value: f64,
    /// Whether it is written in words (`twenty-one`) rather than digits.
    pub in_words: bool,
}

/// Parses a whole string as a number written in digits or words: `"512,000"`, `"512k"`,
/// `"1.2 million"`, `"1.2m"`, `"six and a half"`, `"three hundred and ten thousand"`,
/// `"half a million"`, `"a dozen"`, `"nine"`, `"twenty-one"`, `"13"`.
///
/// Surrounding whitespace is ignored. A currency sign or unit is not part of a number
/// (`"£300,000"` is `None`: money is [`crate::find_quantities`]'s job), nor is an ordinal
/// (`"29th"`, `"first"`).
///
/// ```
/// use nectar_text::parse_number;
/// assert_eq!(parse_number("1.2 million"), Some(1_200_000.0));
/// assert_eq!(parse_number("six and a half"), Some(6.5));
/// assert_eq!(parse_number("the first"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let first = *t.as_bytes().first()?;
    if first.is_ascii_digit() {
        match digits_at(t, 0) {
            Digits::Number(end, v) if end == t.len() => Some(v),
            _ => None,
        }
    } else {
        match words_at(t, 0) {
            Some((end, v)) if end == t.len() => Some(v),
            _ => None,
        }
    }
}

/// Every number in `text`, in order, longest match first and without overlaps: digits with
/// `,` thousands separators (or no-break spaces) and a `.` decimal point, `k`/`m`/`bn`
/// suffixes, `thousand`/`million`/`billion` scale words, and numbers in words including
/// `and a half`.
///
/// Ordinals (`29th`, `first`) are not numbers here; years (`2020`) are returned like any
/// number (callers decide). Digits glued to letters (`9.30am`, `2nd`, `1980s`, `B12`) are not
/// numbers, nor is a lone `one` used as a pronoun (`the one`, `no one`, `one another`).
///
/// ```
/// use nectar_text::find_numbers;
/// let text = "over 512,000 members, up from four hundred thousand";
/// let found = find_numbers(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].span.start..found[0].span.end], "512,000");
/// assert_eq!(found[1].value, 400_000.0);
/// ```
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(cand) = CANDIDATE.find_at(text, from) {
        let i = cand.start();
        if b[i].is_ascii_digit() {
            if !starts_word(text, i) {
                from = skip_token(b, i);
                continue;
            }
            match digits_at(text, i) {
                Digits::Number(end, value) => {
                    out.push(NumberMatch {
                        span: Span::new(i, end),
                        value,
                        in_words: false,
                    });
                    from = end;
                }
                Digits::Reject(skip) => from = skip.max(i + 1),
            }
        } else if starts_word(text, i)
            && let Some((end, value)) = words_at(text, i)
        {
            if !pronoun_one(text, i, end) {
                out.push(NumberMatch {
                    span: Span::new(i, end),
                    value,
                    in_words: true,
                });
            }
            from = end;
        } else {
            from = cand.end();
        }
    }
    out
}

/// Where a number may start: a digit, or a word that can begin a number in words.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::build(
        r"(?i)[0-9]|(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|half)(?-u:\b)",
    )
});

/// The number (digits or words) that starts exactly at byte `i` of `text`, as `(end, value)`.
pub(crate) fn number_at(text: &str, i: usize) -> Option<(usize, f64)> {
    let c = *text.as_bytes().get(i)?;
    if !starts_word(text, i) {
        return None;
    }
    if c.is_ascii_digit() {
        match digits_at(text, i) {
            Digits::Number(end, v) => Some((end, v)),
            Digits::Reject(_) => None,
        }
    } else {
        words_at(text, i)
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

// ---------------------------------------------------------------------------------------------
// Digits

enum Digits {
    /// A number ending at the offset, with its value.
    Number(usize, f64),
    /// Not a number; scanning resumes at the offset (past the whole token).
    Reject(usize),
}

/// Skips a token of letters, digits and inner `,`/`.` so that a rejected token is not
/// rescanned from every one of its bytes.
fn skip_token(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        let inner_separator =
            (c == b',' || c == b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_alphanumeric() || c == b'_' || inner_separator {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

/// The digits of a number, without separators, in a fixed buffer.
struct DigitBuf {
    buf: [u8; 48],
    len: usize,
    overflow: bool,
}

impl DigitBuf {
    fn push(&mut self, c: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = c;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    fn value(&self) -> Option<f64> {
        std::str::from_utf8(&self.buf[..self.len])
            .ok()?
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    }
}

/// The start of the three digits of a thousands group after `j` (`,512` or `\u{a0}512`).
fn group_after(b: &[u8], j: usize) -> Option<usize> {
    let rest = b.get(j..)?;
    let sep = if rest.first() == Some(&b',') {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        return None;
    };
    let k = j + sep;
    let group = b.get(k..k + 3)?;
    if group.iter().all(u8::is_ascii_digit) && !b.get(k + 3).is_some_and(u8::is_ascii_digit) {
        Some(k)
    } else {
        None
    }
}

/// Scale words after digits or words.
fn scale_word(w: &[u8]) -> Option<i32> {
    match w {
        b"thousand" => Some(3),
        b"million" => Some(6),
        b"billion" => Some(9),
        b"trillion" => Some(12),
        _ => None,
    }
}

fn digits_at(text: &str, i: usize) -> Digits {
    let b = text.as_bytes();
    let n = b.len();
    let mut d = DigitBuf {
        buf: [0; 48],
        len: 0,
        overflow: false,
    };
    let mut j = i;
    while j < n && b[j].is_ascii_digit() {
        d.push(b[j]);
        j += 1;
    }
    if j - i <= 3 {
        while let Some(k) = group_after(b, j) {
            for &c in &b[k..k + 3] {
                d.push(c);
            }
            j = k + 3;
        }
    }
    let mut decimal = false;
    if j + 1 < n && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        decimal = true;
        d.push(b'.');
        j += 1;
        while j < n && b[j].is_ascii_digit() {
            d.push(b[j]);
            j += 1;
        }
        if j + 1 < n && (b[j] == b'.' || b[j] == b',') && b[j + 1].is_ascii_digit() {
            // 1.2.3, 29.09.2020, 1.5,6: not one number.
            return Digits::Reject(skip_token(b, i));
        }
    }
    if d.overflow || d.len > 30 {
        return Digits::Reject(skip_token(b, i));
    }
    // Suffixes: 512k, 1.2m, 3bn, 1.2 million, 6 and a half.
    let mut exp = 0i32;
    let rest = &b[j..];
    let j0 = j;
    let glued = |len: usize| ends_word(text, j0 + len);
    if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"bn") && glued(2) {
        exp = 9;
        j += 2;
    } else if matches!(rest.first(), Some(b'k' | b'K')) && glued(1) {
        exp = 3;
        j += 1;
    } else if matches!(rest.first(), Some(b'm' | b'M')) && glued(1) {
        exp = 6;
        j += 1;
    } else if ends_word(text, j) {
        let mut buf = [0u8; 16];
        if let Some((ws, w)) = next_word(text, j, &mut buf)
            && ws > j
        {
            if let Some(e) = scale_word(w) {
                exp = e;
                j = ws + w.len();
            } else if w == b"and" && !decimal {
                // "6 and a half", "2 and a half million"
                if let Some(end) = and_a_half(text, ws + 3) {
                    d.push(b'.');
                    d.push(b'5');
                    j = end;
                    let mut buf2 = [0u8; 16];
                    if let Some((ws2, w2)) = next_word(text, j, &mut buf2)
                        && ws2 > j
                        && let Some(e) = scale_word(w2)
                    {
                        exp = e;
                        j = ws2 + w2.len();
                    }
                }
            }
        }
    }
    if !ends_word(text, j) {
        return Digits::Reject(skip_token(b, i));
    }
    if exp != 0 {
        d.push(b'e');
        d.push(b'0' + exp as u8 / 10);
        d.push(b'0' + exp as u8 % 10);
    }
    match d.value() {
        Some(v) => Digits::Number(j, v),
        None => Digits::Reject(skip_token(b, i)),
    }
}

/// After "and" at `i`: " a half" → the end of "half".
fn and_a_half(text: &str, i: usize) -> Option<usize> {
    let mut buf = [0u8; 16];
    let (s1, w1) = next_word(text, i, &mut buf)?;
    if s1 == i || w1 != b"a" {
        return None;
    }
    let e1 = s1 + 1;
    let (s2, w2) = next_word(text, e1, &mut buf)?;
    if s2 == e1 || w2 != b"half" {
        return None;
    }
    Some(s2 + 4)
}

// ---------------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Zero,
    Unit(u32),
    Teen(u32),
    Tens(u32),
    Hundred,
    Scale(f64),
    Dozen,
    A,
    Half,
    Quarter,
    And,
}

fn word_token(w: &[u8]) -> Option<Tok> {
    if w.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (k, c) in w.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"zero" => Tok::Zero,
        b"one" => Tok::Unit(1),
        b"two" => Tok::Unit(2),
        b"three" => Tok::Unit(3),
        b"four" => Tok::Unit(4),
        b"five" => Tok::Unit(5),
        b"six" => Tok::Unit(6),
        b"seven" => Tok::Unit(7),
        b"eight" => Tok::Unit(8),
        b"nine" => Tok::Unit(9),
        b"ten" => Tok::Teen(10),
        b"eleven" => Tok::Teen(11),
        b"twelve" => Tok::Teen(12),
        b"thirteen" => Tok::Teen(13),
        b"fourteen" => Tok::Teen(14),
        b"fifteen" => Tok::Teen(15),
        b"sixteen" => Tok::Teen(16),
        b"seventeen" => Tok::Teen(17),
        b"eighteen" => Tok::Teen(18),
        b"nineteen" => Tok::Teen(19),
        b"twenty" => Tok::Tens(20),
        b"thirty" => Tok::Tens(30),
        b"forty" => Tok::Tens(40),
        b"fifty" => Tok::Tens(50),
        b"sixty" => Tok::Tens(60),
        b"seventy" => Tok::Tens(70),
        b"eighty" => Tok::Tens(80),
        b"ninety" => Tok::Tens(90),
        b"hundred" => Tok::Hundred,
        b"thousand" => Tok::Scale(1e3),
        b"million" => Tok::Scale(1e6),
        b"billion" => Tok::Scale(1e9),
        b"dozen" => Tok::Dozen,
        b"a" => Tok::A,
        b"half" => Tok::Half,
        b"quarter" => Tok::Quarter,
        b"and" => Tok::And,
        _ => return None,
    })
}

/// Where the grammar of a number in words stands after a token.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    /// A leading "a" (a hundred, a dozen, a million).
    A,
    /// A leading "half".
    HalfLead,
    /// "half a".
    HalfA,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    /// After "and a half" / "and a quarter".
    Fraction,
    /// "and" after a value.
    And,
    /// "and a" after a value.
    AndA,
}

struct WordNumber {
    total: f64,
    current: f64,
    last: Last,
    /// Last state before "and".
    before_and: Last,
    min_scale: f64,
    last_scale: f64,
    /// Whether the hundreds of the current group are set.
    hundreds: bool,
}

impl WordNumber {
    fn new() -> Self {
        Self {
            total: 0.0,
            current: 0.0,
            last: Last::Start,
            before_and: Last::Start,
            min_scale: f64::INFINITY,
            last_scale: 0.0,
            hundreds: false,
        }
    }

    fn complete(&self) -> bool {
        matches!(
            self.last,
            Last::Zero
                | Last::Unit
                | Last::Teen
                | Last::Tens
                | Last::Hundred
                | Last::Scale
                | Last::Dozen
                | Last::Fraction
        )
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    fn scale(&mut self, s: f64, factor: f64) -> bool {
        if s >= self.min_scale {
            return false;
        }
        self.total += factor * s;
        self.current = 0.0;
        self.hundreds = false;
        self.min_scale = s;
        self.last_scale = s;
        self.last = Last::Scale;
        true
    }

    fn fraction(&mut self, f: f64) -> bool {
        if self.current > 0.0 {
            self.current += f;
        } else if self.last_scale > 0.0 {
            self.total += f * self.last_scale;
        } else {
            return false;
        }
        self.last = Last::Fraction;
        true
    }

    /// Feeds a token; false when it cannot continue the number.
    fn feed(&mut self, tok: Tok) -> bool {
        use Last as L;
        use Tok as T;
        match (self.last, tok) {
            (L::Start, T::Zero) => self.last = L::Zero,
            (L::Start, T::Unit(n)) => {
                self.current = f64::from(n);
                self.last = L::Unit;
            }
            (L::Start, T::Teen(n)) => {
                self.current = f64::from(n);
                self.last = L::Teen;
            }
            (L::Start, T::Tens(n)) => {
                self.current = f64::from(n);
                self.last = L::Tens;
            }
            (L::Start, T::A) => self.last = L::A,
            (L::Start, T::Half) => self.last = L::HalfLead,
            (L::HalfLead, T::A) => self.last = L::HalfA,
            (L::A, T::Hundred) => {
                self.current = 100.0;
                self.hundreds = true;
                self.last = L::Hundred;
            }
            (L::HalfA, T::Hundred) => {
                self.current = 50.0;
                self.hundreds = true;
                self.last = L::Hundred;
            }
            (L::A, T::Scale(s)) => return self.scale(s, 1.0),
            (L::HalfA, T::Scale(s)) => return self.scale(s, 0.5),
            (L::A, T::Dozen) => {
                self.current = 12.0;
                self.last = L::Dozen;
            }
            (L::HalfA, T::Dozen) => {
                self.current = 6.0;
                self.last = L::Dozen;
            }
            (L::Unit | L::Teen, T::Hundred) if !self.hundreds => {
                self.current *= 100.0;
                self.hundreds = true;
                self.last = L::Hundred;
            }
            (L::Unit, T::Dozen) if !self.hundreds && self.current < 10.0 => {
                self.current *= 12.0;
                self.last = L::Dozen;
            }
            (L::Unit | L::Teen | L::Tens | L::Hundred | L::Fraction, T::Scale(s)) => {
                let c = self.current;
                return self.scale(s, c);
            }
            (L::Tens, T::Unit(n)) => {
                self.current += f64::from(n);
                self.last = L::Unit;
            }
            (L::Hundred | L::Scale, T::Unit(n)) => {
                self.current += f64::from(n);
                self.last = L::Unit;
            }
            (L::Hundred | L::Scale, T::Teen(n)) => {
                self.current += f64::from(n);
                self.last = L::Teen;
            }
            (L::Hundred | L::Scale, T::Tens(n)) => {
                self.current += f64::from(n);
                self.last = L::Tens;
            }
            (L::Unit | L::Teen | L::Tens | L::Hundred | L::Scale | L::Dozen, T::And) => {
                self.before_and = self.last;
                self.last = L::And;
            }
            (L::And, T::A) => self.last = L::AndA,
            (L::And, T::Unit(n)) if matches!(self.before_and, L::Hundred | L::Scale) => {
                self.current += f64::from(n);
                self.last = L::Unit;
            }
            (L::And, T::Teen(n)) if matches!(self.before_and, L::Hundred | L::Scale) => {
                self.current += f64::from(n);
                self.last = L::Teen;
            }
            (L::And, T::Tens(n)) if matches!(self.before_and, L::Hundred | L::Scale) => {
                self.current += f64::from(n);
                self.last = L::Tens;
            }
            (L::AndA, T::Half) => return self.fraction(0.5),
            (L::AndA, T::Quarter) => return self.fraction(0.25),
            _ => return false,
        }
        true
    }
}

/// Parses a number in words starting at `i`; returns the end of the longest complete number.
fn words_at(text: &str, i: usize) -> Option<(usize, f64)> {
    let b = text.as_bytes();
    let mut state = WordNumber::new();
    let mut best = None;
    let mut p = i;
    loop {
        let wend = ascii_word_end(b, p);
        if wend == p || !ends_word(text, wend) {
            break;
        }
        let Some(tok) = word_token(&b[p..wend]) else {
            break;
        };
        if !state.feed(tok) {
            break;
        }
        if state.complete() {
            best = Some((wend, state.value()));
        }
        // The separator: a gap (one line break at most) or a hyphen.
        let next = match char_at(text, wend) {
            Some(c) if is_hyphen(c) => wend + c.len_utf8(),
            _ => gap_end(text, wend),
        };
        if next == wend || !b.get(next).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
        p = next;
    }
    best
}

/// Whether the number at `start..end` is a lone "one" used as a pronoun.
fn pronoun_one(text: &str, start: usize, end: usize) -> bool {
    if !text
        .get(start..end)
        .is_some_and(|w| w.eq_ignore_ascii_case("one"))
    {
        return false;
    }
    let before = &text[..start];
    if ["no-", "No-", "no\u{2011}", "No\u{2011}"]
        .iter()
        .any(|p| before.ends_with(p))
    {
        return true;
    }
    let mut buf = [0u8; 16];
    if let Some((_, w)) = prev_word(text, start, &mut buf)
        && matches!(
            w,
            b"the" | b"this" | b"that" | b"no" | b"any" | b"each" | b"every" | b"which"
        )
    {
        return true;
    }
    let mut buf = [0u8; 16];
    matches!(next_word(text, end, &mut buf), Some((_, b"another")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers() {
        let cases: &[(&str, f64)] = &[
            ("512,000", 512_000.0),
            ("512k", 512_000.0),
            ("512K", 512_000.0),
            ("1.2 million", 1_200_000.0),
            ("1.2m", 1_200_000.0),
            ("1.36M", 1_360_000.0),
            ("3bn", 3e9),
            ("2 billion", 2e9),
            ("six and a half", 6.5),
            ("Six and a half", 6.5),
            ("three hundred and ten thousand", 310_000.0),
            ("half a million", 500_000.0),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("nine", 9.0),
            ("twenty-one", 21.0),
            ("twenty one", 21.0),
            ("13", 13.0),
            ("7.5", 7.5),
            ("a hundred and fifty", 150.0),
            ("two and a half million", 2_500_000.0),
            ("a million and a half", 1_500_000.0),
            ("one and a quarter", 1.25),
            ("nineteen hundred", 1900.0),
            ("two million three hundred thousand", 2_300_000.0),
            ("zero", 0.0),
            ("6 and a half", 6.5),
            ("512\u{a0}000", 512_000.0),
            ("1,234.5", 1234.5),
            ("  40 ", 40.0),
        ];
        for &(s, v) in cases {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn rejects_non_numbers() {
        for s in [
            "",
            "first",
            "the first",
            "29th",
            "£300,000",
            "9.30am",
            "a",
            "half",
            "and",
            "one and two",
            "1.2.3",
            "1980s",
            "B12",
            "thousand",
            "a half",
            "twenty twenty",
            "Labour First",
            "hundreds",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    fn found(text: &str) -> Vec<(&str, f64, bool)> {
        find_numbers(text)
            .into_iter()
            .map(|m| (&text[m.span.start..m.span.end], m.value, m.in_words))
            .collect()
    }

    #[test]
    fn finds_numbers_in_prose() {
        let text = "We heard there are now 512,000 members\u{a0}– up by 12k – and \
                    three hundred and ten thousand voted; the budget is £1.2m, or 1.2 million.";
        assert_eq!(
            found(text),
            vec![
                ("512,000", 512_000.0, false),
                ("12k", 12_000.0, false),
                ("three hundred and ten thousand", 310_000.0, true),
                ("1.2m", 1_200_000.0, false),
                ("1.2 million", 1_200_000.0, false),
            ]
        );
    }

    #[test]
    fn words_split_at_the_longest_valid_number() {
        assert_eq!(
            found("between one and two people; six and a half hours; twenty-one votes"),
            vec![
                ("one", 1.0, true),
                ("two", 2.0, true),
                ("six and a half", 6.5, true),
                ("twenty-one", 21.0, true),
            ]
        );
        assert_eq!(found("a nine-hour day"), vec![("nine", 9.0, true)]);
        assert_eq!(
            found("Six and a\nhalf hours"),
            vec![("Six and a\nhalf", 6.5, true)]
        );
        assert_eq!(
            found("half a million and a dozen"),
            vec![("half a million", 500_000.0, true), ("a dozen", 12.0, true)]
        );
    }

    #[test]
    fn skips_ordinals_times_and_glued_tokens() {
        assert!(
            found("Labour First met on the 29th at 9.30am in room B12 in the 1980s").is_empty()
        );
        assert!(found("the first item; someone; alone; phone").is_empty());
        assert!(found("the one who; no one; no-one; one another").is_empty());
        assert_eq!(found("one of the reps"), vec![("one", 1.0, true)]);
        assert_eq!(
            found("in 2020 and 2021"),
            vec![("2020", 2020.0, false), ("2021", 2021.0, false)]
        );
        assert!(found("version 1.2.3 and 29.09.2020").is_empty());
    }

    #[test]
    fn numbers_at_edges() {
        assert_eq!(found("13"), vec![("13", 13.0, false)]);
        assert_eq!(
            found("13-10"),
            vec![("13", 13.0, false), ("10", 10.0, false)]
        );
        assert_eq!(found("was 12."), vec![("12", 12.0, false)]);
        assert_eq!(found("19%"), vec![("19", 19.0, false)]);
        assert_eq!(
            found("1,2,3"),
            vec![("1", 1.0, false), ("2", 2.0, false), ("3", 3.0, false)]
        );
        assert!(found("").is_empty());
    }
}
