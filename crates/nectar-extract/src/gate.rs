//! Cheap necessary conditions that let an expensive regex run only where it can match.
//!
//! Many patterns are case-insensitive alternations of words behind `\b`; the regex crate finds
//! no literal prefilter for them and runs its lazy DFA over every byte. A [`WordGated`] regex
//! belongs to a [`Gate`], which knows the words every match starts with. The words of every
//! gate and the verb stems the decision rules need make one vocabulary; one pass over a text
//! ([`Folded`]) finds every word of it that starts with a vocabulary word, and each search
//! then walks only its own places: a gated regex runs anchored at the words of its gate, a
//! decision rule only on the sentences that hold one of its stems. The matches are exactly the
//! ones a plain leftmost-first, non-overlapping scan of the whole text finds.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex_automata::{Anchored, Input, Match, meta};

/// Whether `b` is an ASCII word byte, as `(?-u:\b)` sees it.
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The word-gated searches, each with the words (lowercase ASCII letters, two at least) that
/// every match of its pattern starts with, ASCII case-insensitively, at the start of a word.
///
/// The words are declared here, in one place, because one pass finds them all; the patterns
/// stay where they are used, and each pattern's author vouches for its gate's words (a
/// pattern that begins with `\b(?:meeting|met|...)` starts every match with one of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gate {
    /// The NEC named (`NEC`, `national executive`).
    Nec,
    /// Talk of a meeting (`met`, `the agenda`, `we agreed`, ...).
    MeetingTalk,
    /// Another body's meeting or minutes (`CLP executive`, `minutes of the`).
    OtherBody,
    /// NEC elections (`NEC ballot`, `results of the NEC`).
    ElectionStory,
    /// An agenda item named in running text (`the Leader's report`).
    ReportItem,
}

impl Gate {
    /// Every gate.
    const ALL: [Gate; 5] = [
        Gate::Nec,
        Gate::MeetingTalk,
        Gate::OtherBody,
        Gate::ElectionStory,
        Gate::ReportItem,
    ];

    /// The words one of which starts every match of the gate's pattern.
    fn words(self) -> &'static [&'static str] {
        match self {
            Gate::Nec => &["nec", "national"],
            Gate::MeetingTalk => &[
                "meeting", "met", "away", "agenda", "was", "we", "report", "gave",
            ],
            Gate::OtherBody => &[
                "clp",
                "branch",
                "constituency",
                "ward",
                "regional",
                "district",
                "council",
                "union",
                "trade",
                "minutes",
            ],
            Gate::ElectionStory => &["nec", "national", "result"],
            Gate::ReportItem => &[
                "deputy",
                "leader",
                "general",
                "treasurer",
                "chair",
                "membership",
                "finance",
                "campaign",
                "election",
                "organisation",
                "equalities",
                "disputes",
                "compliance",
                "policy",
                "women",
                "young",
                "eplp",
            ],
        }
    }

    /// The gate's bit in [`Entry::gates`].
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A word of the [`Vocabulary`] and what it opens.
#[derive(Debug)]
struct Entry {
    /// The word, lowercase ASCII letters.
    word: &'static str,
    /// Its first eight letters (or fewer, then zeros) as a little-endian number, and the
    /// bytes of those letters: text bytes `x` at a place start the word's first eight letters
    /// when `(x | LOWER) & mask == head` ([`LOWER`]).
    head: u64,
    mask: u64,
    /// For a word longer than eight letters, its last eight; else 0.
    tail: u64,
    /// The gates it is a word of ([`Gate::bit`]s).
    gates: u8,
    /// The decision rules it is a stem of (see [`crate::decisions`]' `VERB_RULES`).
    rules: u8,
}

/// 0x20 in each byte: OR-ed into eight bytes of text, it lowercases the ASCII capitals and
/// makes no other byte a lowercase letter, so a word of lowercase letters equals the result
/// exactly where the text holds it in any case.
const LOWER: u64 = 0x2020_2020_2020_2020;

/// The eight bytes of `b` from `at` as a little-endian number, zeros past the end.
fn load(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
            u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
        }
        _ => {
            let rest = b.get(at..).unwrap_or_default();
            let mut chunk = [0u8; 8];
            chunk[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(chunk)
        }
    }
}

impl Entry {
    fn new(word: &'static str, gates: u8, rules: u8) -> Self {
        let w = word.as_bytes();
        let n = w.len().min(8);
        Entry {
            word,
            head: load(&w[..n], 0),
            mask: u64::MAX >> (64 - 8 * n),
            tail: if w.len() > 8 {
                load(&w[w.len() - 8..], 0)
            } else {
                0
            },
            gates,
            rules,
        }
    }

    /// Whether `b` holds the word at `at` (ASCII case-insensitively), given `x`, the eight
    /// bytes from `at` ([`load`]) with [`LOWER`] OR-ed in.
    fn is_at(&self, b: &[u8], at: usize, x: u64) -> bool {
        x & self.mask == self.head
            && (self.tail == 0
                || (at + self.word.len() <= b.len()
                    && load(b, at + self.word.len() - 8) | LOWER == self.tail))
    }
}

/// How many keys two letters make ([`key`]).
const KEYS: usize = 26 * 26;

/// The key of two ASCII letters of either case (`aa` is 0, `zz` is 675); `None` when either
/// byte is not an ASCII letter.
fn key(a: u8, b: u8) -> Option<usize> {
    // `| 0x20` lowercases a letter and makes no other byte a lowercase letter.
    let a = (a | 0x20).wrapping_sub(b'a');
    let b = (b | 0x20).wrapping_sub(b'a');
    (a < 26 && b < 26).then(|| usize::from(a) * 26 + usize::from(b))
}

/// How many bits [`hash3`] gives.
const HASH_BITS: u32 = 13;

/// A hash of the first three bytes of `x` (eight bytes of text with [`LOWER`] OR-ed in).
fn hash3(x: u64) -> usize {
    ((x as u32 & 0x00ff_ffff).wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

/// Every gate word and verb stem, sorted, with the range of those that begin with each two
/// letters: a word of a text is checked only against the few that share its first two
/// letters. Where one word is a prefix of another (as `report` is of `reports`), a text word may start
/// with both, and both are found.
#[derive(Debug)]
struct Vocabulary {
    /// The words, sorted: those with the same first two letters are together.
    entries: Vec<Entry>,
    /// `first[k]..first[k + 1]` are the entries whose first two letters have key `k`.
    first: [u8; KEYS + 1],
    /// A bit for each [`hash3`] of the first three bytes of a word: most words of a text
    /// are passed over with one look-up.
    three: [u64; 1 << (HASH_BITS - 6)],
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::new);

impl Vocabulary {
    /// The words of every [`Gate`] and every verb stem.
    ///
    /// # Panics
    /// If a word is shorter than two letters or not lowercase ASCII letters, or there are
    /// more than 255 words: programming errors in the static lists.
    fn new() -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        let mut add = |word: &'static str, gates: u8, rules: u8| {
            assert!(
                word.len() >= 2 && word.bytes().all(|b| b.is_ascii_lowercase()),
                "a gate word is two or more lowercase ASCII letters: {word:?}"
            );
            match entries.iter_mut().find(|e| e.word == word) {
                Some(e) => {
                    e.gates |= gates;
                    e.rules |= rules;
                }
                None => entries.push(Entry::new(word, gates, rules)),
            }
        };
        for gate in Gate::ALL {
            for &word in gate.words() {
                add(word, gate.bit(), 0);
            }
        }
        for &(stem, rules) in crate::decisions::VERB_RULES {
            add(stem, 0, rules);
        }
        assert!(entries.len() <= usize::from(u8::MAX), "too many gate words");
        entries.sort_by_key(|e| e.word);
        let mut first = [0u8; KEYS + 1];
        for e in &entries {
            let w = e.word.as_bytes();
            first[key(w[0], w[1]).expect("letters") + 1] += 1;
        }
        for k in 0..KEYS {
            first[k + 1] += first[k];
        }
        let mut three = [0u64; 1 << (HASH_BITS - 6)];
        for e in &entries {
            let w = e.word.as_bytes();
            // A two-letter word may be followed by any byte.
            let next: Vec<u8> = match w.get(2) {
                Some(&c) => vec![c],
                None => (0..=u8::MAX).collect(),
            };
            for c in next {
                let h = hash3(u64::from_le_bytes([w[0], w[1], c, 0, 0, 0, 0, 0]) | LOWER);
                three[h / 64] |= 1 << (h % 64);
            }
        }
        Vocabulary {
            entries,
            first,
            three,
        }
    }

    /// Calls `f` with the index of every word that `b` holds at `at` (ASCII
    /// case-insensitively), shortest first.
    #[inline]
    fn words_at(&self, b: &[u8], at: usize, mut f: impl FnMut(u8)) {
        let x = load(b, at) | LOWER;
        let h = hash3(x);
        if self.three[h / 64] & (1 << (h % 64)) == 0 {
            return;
        }
        let [x0, x1, ..] = x.to_le_bytes();
        let Some(k) = key(x0, x1) else {
            return;
        };
        for i in self.first[k]..self.first[k + 1] {
            if self.entries[usize::from(i)].is_at(b, at, x) {
                f(i);
            }
        }
    }
}

/// A vocabulary word at the start of a word of a text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Where it starts.
    at: usize,
    /// Its index in [`VOCABULARY`].
    word: u8,
    /// Its gates ([`Entry::gates`]), here to filter without a look-up.
    gates: u8,
}

/// A verb stem at the start of a word of a text: the decision rules it may start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stem {
    /// Where the stem starts in the text.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The decision rules it is a stem of (bits of indexes into the rules).
    pub rules: u8,
}

impl Stem {
    /// The stem that vocabulary word `word` makes at `at`, if it is one.
    fn of(word: u8, at: usize) -> Option<Stem> {
        let e = &VOCABULARY.entries[usize::from(word)];
        (e.rules != 0).then(|| Stem {
            start: at,
            end: at + e.word.len(),
            rules: e.rules,
        })
    }
}

/// A text read for the gated searches: the places where its words start with a vocabulary
/// word, found in one pass on first use and shared by every search over it.
#[derive(Debug)]
pub(crate) struct Folded<'a> {
    text: &'a str,
    /// Every vocabulary word at the start of a word of the text, in order of place (made on
    /// first use).
    hits: OnceCell<Vec<Hit>>,
    /// Whether the word search cannot be trusted ([`nectar_text::has_non_ascii_fold`]): scan in full.
    full: bool,
}

impl<'a> Folded<'a> {
    /// Prepares `text` for any number of gated searches.
    pub(crate) fn new(text: &'a str) -> Self {
        Folded {
            text,
            hits: OnceCell::new(),
            full: nectar_text::has_non_ascii_fold(text),
        }
    }

    /// The text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Whether the text holds a character that `(?i)` folds to an ASCII letter (`ſ`, `K`),
    /// which the word search cannot see: searches must then read the text in full.
    pub(crate) fn full(&self) -> bool {
        self.full
    }

    /// The hits (see the field).
    fn hits(&self) -> &[Hit] {
        self.hits.get_or_init(|| {
            let b = self.text.as_bytes();
            let vocabulary = &*VOCABULARY;
            let mut hits = Vec::new();
            nectar_text::for_each_word_start(b, |at| {
                vocabulary.words_at(b, at, |word| {
                    hits.push(Hit {
                        at,
                        word,
                        gates: vocabulary.entries[usize::from(word)].gates,
                    });
                });
            });
            hits
        })
    }

    /// Every verb stem at the start of a word of the text, in order of place: spelt in ASCII
    /// (see [`Folded::full`]).
    pub(crate) fn stems(&self) -> impl Iterator<Item = Stem> + '_ {
        self.hits().iter().filter_map(|h| Stem::of(h.word, h.at))
    }

    /// Every verb stem the text holds at `at`, whether or not a word starts there (for a
    /// piece of the text that starts inside a word).
    pub(crate) fn stems_at(&self, at: usize) -> Vec<Stem> {
        let mut out = Vec::new();
        VOCABULARY.words_at(self.text.as_bytes(), at, |word| {
            out.extend(Stem::of(word, at));
        });
        out
    }
}

/// A regex whose every match starts, at an ASCII word boundary, with one of its [`Gate`]'s
/// words (ASCII case-insensitively): searches run the regex only where such a word starts.
///
/// The pattern must not match the empty string. `\b` in the pattern means an ASCII word
/// boundary, as with [`crate::regex`].
#[derive(Debug)]
pub(crate) struct WordGated {
    regex: meta::Regex,
    /// The gate's bit ([`Gate::bit`]).
    gate: u8,
}

impl WordGated {
    /// Compiles `pattern` (with `\b` as an ASCII boundary), gated by the words of `gate`.
    ///
    /// # Panics
    /// If the pattern is invalid or can match the empty string: a programming error in a
    /// static pattern.
    pub(crate) fn new(gate: Gate, pattern: &str) -> Self {
        let hir = regex_automata::util::syntax::parse(&crate::ascii_boundaries(pattern))
            .expect("valid regex");
        assert!(
            hir.properties().minimum_len().is_some_and(|n| n > 0),
            "a gated pattern must not match the empty string: {pattern}"
        );
        // Searches are anchored where a word starts: a prefilter would never run.
        let regex = crate::short_regex(pattern);
        WordGated {
            regex,
            gate: gate.bit(),
        }
    }

    /// The leftmost-first match that starts at or after `from`.
    fn find_from(&self, f: &Folded<'_>, from: usize) -> Option<Match> {
        if f.full {
            return self.regex.search(&Input::new(f.text).range(from..));
        }
        let hits = f.hits();
        let mut tried = None;
        for h in &hits[hits.partition_point(|h| h.at < from)..] {
            // Two words of a gate may start at one place (a prefix of another): try it once.
            if h.gates & self.gate == 0 || tried == Some(h.at) {
                continue;
            }
            tried = Some(h.at);
            let input = Input::new(f.text).range(h.at..).anchored(Anchored::Yes);
            if let Some(m) = self.regex.search(&input) {
                return Some(m);
            }
        }
        None
    }

    /// The matches in a folded text, as `Regex::find_iter` finds them.
    pub(crate) fn find_iter<'h>(&'h self, f: &'h Folded<'h>) -> impl Iterator<Item = Match> + 'h {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(f, at)?;
            // Matches are never empty, so the next search starts past this one.
            at = m.end();
            Some(m)
        })
    }

    /// How many matches a folded text holds.
    pub(crate) fn count(&self, f: &Folded<'_>) -> usize {
        self.find_iter(f).count()
    }

    /// Whether a folded text holds a match.
    pub(crate) fn is_match_in(&self, f: &Folded<'_>) -> bool {
        self.find_iter(f).next().is_some()
    }

    /// Whether `hay` holds a match (reading it for this one search).
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.is_match_in(&Folded::new(hay))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every gated search of the crate, with its gate.
    fn all_gated() -> [(Gate, &'static WordGated); 5] {
        [
            (Gate::Nec, &crate::NEC),
            (Gate::MeetingTalk, &crate::MEETING_TALK),
            (Gate::OtherBody, &crate::OTHER_BODY),
            (Gate::ElectionStory, &crate::ELECTION_STORY),
            (Gate::ReportItem, &crate::decisions::REPORT_ITEM),
        ]
    }

    /// Matches as (start, end).
    type Spans = Vec<(usize, usize)>;

    /// The matches of `gated` in `hay`, found through the hits and by the regex alone.
    fn both_ways(gated: &WordGated, hay: &str) -> (Spans, Spans) {
        let folded = Folded::new(hay);
        let got = gated
            .find_iter(&folded)
            .map(|m| (m.start(), m.end()))
            .collect();
        let want = gated
            .regex
            .find_iter(hay)
            .map(|m| (m.start(), m.end()))
            .collect();
        (got, want)
    }

    /// Every vocabulary word of `hay`, as (start, word), found by testing every place.
    fn hits_one_by_one(hay: &str) -> Vec<(usize, &'static str)> {
        let b = hay.as_bytes();
        let mut out = Vec::new();
        for at in 0..b.len() {
            if !is_word_byte(b[at]) || (at > 0 && is_word_byte(b[at - 1])) {
                continue;
            }
            for e in &VOCABULARY.entries {
                if b.get(at..at + e.word.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(e.word.as_bytes()))
                {
                    out.push((at, e.word));
                }
            }
        }
        out
    }

    /// What may stand between words.
    const BETWEEN: &[&str] = &[
        " ", " ", " ", "  ", "\n", "\u{a0}", "-", "_", "1", "é", "’", "'", ".", ",", "x",
    ];

    /// The words a gate's pattern needs after its gate words.
    fn glue(gate: Gate) -> &'static [&'static str] {
        match gate {
            Gate::Nec => &["executive", "Executive"],
            Gate::MeetingTalk => &[
                "day", "agreed", "to", "from", "on", "a", "the", "his", "her", "report", "ed",
            ],
            Gate::OtherBody => &[
                "executive",
                "committee",
                "meeting",
                "EC",
                "minutes",
                "of",
                "the",
                "council",
                "s",
            ],
            Gate::ElectionStory => &[
                "executive",
                "election",
                "elections",
                "ballot",
                "result",
                "results",
                "race",
                "slate",
                "of",
                "in",
                "the",
                "NEC",
                "s",
            ],
            Gate::ReportItem => &[
                "report",
                "secretary",
                "labour",
                "leader",
                "’s",
                "'s",
                "s",
                "’",
                "Report",
            ],
        }
    }

    /// Pieces of text: [`BETWEEN`], and each of `words` as written, capitalised, in capitals,
    /// cut short and run on.
    fn pieces<'w>(words: impl IntoIterator<Item = &'w str>) -> Vec<String> {
        let mut out: Vec<String> = BETWEEN.iter().map(|&p| p.to_owned()).collect();
        for w in words {
            let mut capital = w.to_owned();
            capital[..1].make_ascii_uppercase();
            out.extend([
                w.to_owned(),
                w.to_owned(),
                capital,
                w.to_ascii_uppercase(),
                w[..w.len() - 1].to_owned(),
                format!("{w}s"),
                format!("{w}ing"),
            ]);
        }
        out
    }

    /// [`pieces`] of every vocabulary word, and the words the patterns need after them.
    fn all_pieces() -> Vec<String> {
        let mut out = pieces(VOCABULARY.entries.iter().map(|e| e.word));
        for gate in Gate::ALL {
            out.extend(glue(gate).iter().map(|&g| g.to_owned()));
        }
        out
    }

    #[test]
    fn one_pass_finds_every_vocabulary_word_that_starts_a_word() {
        let pieces = all_pieces();
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut random = crate::testing::Xorshift(0x5851_f42d_4c95_7f2d);
        let mut found = 0;
        for n in 0..3000 {
            // Some texts run over the scan's blocks of 512 bytes.
            let most = if n % 10 == 0 { 300 } else { 20 };
            let hay = random.text(&pieces, most, true);
            let folded = Folded::new(&hay);
            let got: Vec<(usize, &str)> = folded
                .hits()
                .iter()
                .map(|h| (h.at, VOCABULARY.entries[usize::from(h.word)].word))
                .collect();
            let want = hits_one_by_one(&hay);
            assert_eq!(got, want, "{hay:?}");
            found += want.len();
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn gated_searches_equal_their_regex_on_random_texts() {
        let mut random = crate::testing::Xorshift(0x2545_f491_4f6c_dd1d);
        let mut counts = Vec::new();
        for (gate, gated) in all_gated() {
            // The gate's own words, often, and now and then any other.
            let own = pieces(gate.words().iter().copied());
            let mut pieces: Vec<&str> = own.iter().map(String::as_str).collect();
            for _ in 0..3 {
                pieces.extend(glue(gate));
                pieces.extend(BETWEEN);
            }
            let others = all_pieces();
            pieces.extend(others.iter().step_by(11).map(String::as_str));
            let plain = pieces.len();
            // Rarely a character that `(?i)` folds to an ASCII letter: a scan in full.
            pieces.extend(["\u{17f}", "\u{212a}"]);
            let mut found = 0;
            for n in 0..20_000 {
                let pieces = if n % 50 == 0 {
                    &pieces[..]
                } else {
                    &pieces[..plain]
                };
                let hay = random.text(pieces, 24, true);
                let (got, want) = both_ways(gated, &hay);
                assert_eq!(got, want, "{gate:?} on {hay:?}");
                assert_eq!(gated.count(&Folded::new(&hay)), want.len());
                assert_eq!(gated.is_match(&hay), !want.is_empty());
                found += want.len();
            }
            counts.push((gate, found));
        }
        assert!(counts.iter().all(|&(_, n)| n > 300), "{counts:?}");
    }

    #[test]
    fn gated_matches_equal_a_full_scan() {
        for hay in [
            "",
            "We met. The MEETING was long; we agreed.",
            "answer: we\u{a0}agreed, wasn't it? metre meetings met",
            "_met met_ 1met é met’s",
            "wewe agreed we  agreed",
            "The National\u{a0}Executive met; NEC ballot results; results of the nec",
            "the CLP executive; Trades council meeting; minutes of the branch",
            "Deputy Leader’s report, general secretary report, campaigns report",
        ] {
            for (gate, gated) in all_gated() {
                let (got, want) = both_ways(gated, hay);
                assert_eq!(got, want, "{gate:?} on {hay:?}");
            }
        }
    }

    #[test]
    fn non_ascii_folds_fall_back_to_a_full_scan() {
        // `(?i)s` matches `ſ` and `(?i)k` the Kelvin sign: the word search cannot see them.
        for hay in [
            "it waſ agreed, it was agreed",
            "\u{212a} we agreed",
            "minuteſ of the",
        ] {
            assert!(Folded::new(hay).full());
            for (gate, gated) in all_gated() {
                let (got, want) = both_ways(gated, hay);
                assert_eq!(got, want, "{gate:?} on {hay:?}");
            }
        }
        let (got, _) = both_ways(&crate::MEETING_TALK, "it waſ agreed");
        assert_eq!(got, [(3, 14)]);
    }

    #[test]
    fn vocabulary_words_are_found_at_word_starts() {
        let hay = "Elections: the NEC elected; Reelected; reelection; noted";
        let words: Vec<(usize, &str)> = Folded::new(hay)
            .hits()
            .iter()
            .map(|h| (h.at, VOCABULARY.entries[usize::from(h.word)].word))
            .collect();
        assert_eq!(
            words,
            [
                (0, "election"),
                (15, "nec"),
                (19, "elected"),
                (28, "reelected"),
                (51, "note"),
            ]
        );
    }

    #[test]
    #[should_panic(expected = "empty string")]
    fn empty_matches_are_refused() {
        WordGated::new(Gate::MeetingTalk, r"(?i)\b(?:met)?");
    }
}
