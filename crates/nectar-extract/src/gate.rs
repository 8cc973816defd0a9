//! Cheap necessary conditions that let an expensive regex run only where it can match.
//!
//! Many patterns are case-insensitive alternations of words behind `\b`; the regex crate finds
//! no literal prefilter for them and runs its lazy DFA over every byte. A [`WordGated`] regex
//! knows the words every match starts with: one Aho-Corasick pass over a lowercased copy
//! ([`Folded`]) finds them, and the regex runs anchored only at those that start a word. The matches are exactly
//! the ones a plain leftmost-first, non-overlapping scan of the whole text finds.

use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, MatchKind, packed};
use regex_automata::{Anchored, Input, Match, meta};

/// Whether `b` is an ASCII word byte, as `(?-u:\b)` sees it.
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A text with its ASCII-lowercased copy, made once and shared by the gated searches over it.
#[derive(Debug)]
pub(crate) struct Folded<'a> {
    text: &'a str,
    /// The text with ASCII letters lowercased: the same bytes at the same places otherwise.
    lower: String,
    /// A space, then `lower` with every byte that is not an ASCII word byte made a space
    /// (made on first use): ` WORD` in it is exactly WORD at the start of a word in the text,
    /// at the same offset.
    spaced: OnceCell<Vec<u8>>,
    /// Whether the word search cannot be trusted ([`nectar_text::has_non_ascii_fold`]): scan in full.
    full: bool,
}

impl<'a> Folded<'a> {
    /// Folds `text` once for any number of gated searches.
    pub(crate) fn new(text: &'a str) -> Self {
        Folded {
            text,
            lower: text.to_ascii_lowercase(),
            spaced: OnceCell::new(),
            full: nectar_text::has_non_ascii_fold(text),
        }
    }

    /// The text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The text with ASCII letters lowercased (same length, same character boundaries).
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    /// The spaced copy (see the field).
    fn spaced(&self) -> &[u8] {
        self.spaced.get_or_init(|| {
            let mut spaced = Vec::with_capacity(self.lower.len() + 1);
            spaced.push(b' ');
            spaced.extend(
                self.lower
                    .bytes()
                    .map(|c| if is_word_byte(c) { c } else { b' ' }),
            );
            spaced
        })
    }
}

/// A search for a few lowercase words: the packed (Teddy) searcher where the CPU has one, which
/// stays fast with two or three words that start with common letters; else Aho-Corasick.
#[derive(Debug)]
pub(crate) enum Words {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Words {
    /// A search for `words`, lowercased (to search a [`Folded`] text's lowercase copy).
    pub(crate) fn new(words: &[&str]) -> Self {
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(&lower)
            .build();
        match packed {
            Some(searcher) => Words::Packed(searcher),
            None => Words::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(&lower)
                    .expect("valid words"),
            ),
        }
    }

    /// The leftmost word at or after `at` (the first listed where several start there).
    pub(crate) fn find(&self, hay: &[u8], at: usize) -> Option<aho_corasick::Match> {
        match self {
            Words::Packed(s) => s.find_in(hay, aho_corasick::Span::from(at..hay.len())),
            Words::Automaton(ac) => ac.find(aho_corasick::Input::new(hay).range(at..)),
        }
    }
}

/// A regex whose every match starts, at an ASCII word boundary, with one of a few words (ASCII
/// case-insensitively): searches run the regex only where such a word starts.
///
/// The caller vouches for the words (a pattern that begins with `\b(?:meeting|met|...)` starts
/// every match with one of them); the pattern must not match the empty string. `\b` in the
/// pattern means an ASCII word boundary, as with [`crate::regex`].
#[derive(Debug)]
pub(crate) struct WordGated {
    regex: meta::Regex,
    /// The words, lowercase, found in a [`Folded`] text's lowercase copy.
    words: Words,
}

impl WordGated {
    /// Compiles `pattern` (with `\b` as an ASCII boundary) gated by `words`.
    ///
    /// # Panics
    /// If the pattern is invalid or can match the empty string, or a word is empty or not
    /// ASCII letters: these are programming errors in a static pattern.
    pub(crate) fn new(pattern: &str, words: &[&str]) -> Self {
        let hir = regex_automata::util::syntax::parse(&crate::ascii_boundaries(pattern))
            .expect("valid regex");
        assert!(
            hir.properties().minimum_len().is_some_and(|n| n > 0),
            "a gated pattern must not match the empty string: {pattern}"
        );
        assert!(
            words
                .iter()
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic())),
            "gate words must be ASCII letters"
        );
        // Each word after a space: found in the spaced copy, only where it starts a word.
        let spaced: Vec<String> = words.iter().map(|w| format!(" {w}")).collect();
        let words = Words::new(&spaced.iter().map(String::as_str).collect::<Vec<_>>());
        // Searches are anchored where a word starts: a prefilter would never run.
        let regex = crate::short_regex(pattern);
        WordGated { regex, words }
    }

    /// The leftmost-first match that starts at or after `from`.
    fn find_from(&self, f: &Folded<'_>, from: usize) -> Option<Match> {
        if f.full {
            return self.regex.search(&Input::new(f.text).range(from..));
        }
        // ` WORD` at `c` of the spaced copy is WORD starting a word at `c` of the text.
        let spaced = f.spaced();
        let mut at = from;
        while let Some(c) = self.words.find(spaced, at).map(|w| w.start()) {
            let input = Input::new(f.text).range(c..).anchored(Anchored::Yes);
            if let Some(m) = self.regex.search(&input) {
                return Some(m);
            }
            at = c + 1;
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

    /// Whether `hay` holds a match (folding it for this one search).
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.is_match_in(&Folded::new(hay))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(pattern: &str, words: &[&str], hay: &str) {
        let gated = WordGated::new(pattern, words);
        let plain = crate::regex(pattern).expect("valid regex");
        let want: Vec<(usize, usize)> =
            plain.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let folded = Folded::new(hay);
        let got: Vec<(usize, usize)> = gated
            .find_iter(&folded)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(got, want, "{pattern} on {hay:?}");
    }

    #[test]
    fn gated_matches_equal_a_full_scan() {
        let p = r"(?i)\b(?:meeting|met|we[\s\u{a0}]+agreed|was)\b";
        let w = ["meeting", "met", "we", "was"];
        for hay in [
            "",
            "We met. The MEETING was long; we agreed.",
            "answer: we\u{a0}agreed, wasn't it? metre meetings met",
            "_met met_ 1met é met’s",
            "wewe agreed we  agreed",
        ] {
            both(p, &w, hay);
        }
    }

    #[test]
    fn gated_matches_equal_a_full_scan_on_random_texts() {
        const PIECES: &[&str] = &[
            " ", "\n", "\u{a0}", "-", "_", "1", "é", "’", "'", ".", "we", "We", "WE", "agreed",
            "was", "met", "meeting", "metre", "answer", "away", "day", "x", "Report", "to", "ed",
            "gave", "a", "the", "report", "\u{17f}", "wewe",
        ];
        let pattern = r"(?i)\b(?:meeting|met|away[\s\u{a0}]?day|was[\s\u{a0}]+agreed|we[\s\u{a0}]+agreed|report(?:ed)?[\s\u{a0}]+(?:to|from|on)|gave[\s\u{a0}]+(?:a|the)[\s\u{a0}]+\S+[\s\u{a0}]+report)\b";
        let words = ["meeting", "met", "away", "was", "we", "report", "gave"];
        let mut random = crate::testing::Xorshift(0x2545_f491_4f6c_dd1d);
        let gated = WordGated::new(pattern, &words);
        let plain = crate::regex(pattern).expect("valid regex");
        let mut found = 0;
        for _ in 0..5000 {
            let hay: String = random.text(PIECES, 16, true);
            let want: Vec<(usize, usize)> = plain
                .find_iter(&hay)
                .map(|m| (m.start(), m.end()))
                .collect();
            let folded = Folded::new(&hay);
            let got: Vec<(usize, usize)> = gated
                .find_iter(&folded)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(got, want, "{hay:?}");
            found += want.len();
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn both_word_searchers_find_the_leftmost_word() {
        let words = ["nec", "national", "net"];
        let packed = Words::new(&words);
        let automaton = Words::Automaton(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(words)
                .expect("valid words"),
        );
        let hay = b"the national executive: nec, a net, the nectar";
        for at in 0..hay.len() {
            assert_eq!(packed.find(hay, at), automaton.find(hay, at), "at {at}");
        }
    }

    #[test]
    fn non_ascii_folds_fall_back_to_a_full_scan() {
        // `(?i)s` matches `ſ` and `(?i)k` the Kelvin sign: the word search cannot see them.
        both(r"(?i)\bwas\b", &["was"], "it waſ so, it was");
        both(r"(?i)\bkept\b", &["kept"], "\u{212a}ept and kept");
    }

    #[test]
    #[should_panic(expected = "empty string")]
    fn empty_matches_are_refused() {
        WordGated::new(r"(?i)\b(?:met)?", &["met"]);
    }
}
