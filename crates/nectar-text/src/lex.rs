//! Small helpers shared by the scanners: tolerant regex building, UTF-8 safe byte walking,
//! and [`Sparse`] patterns searched only around the words that can be part of a match.

use regex::Regex;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::{captures::Captures, syntax};
use regex_automata::{Anchored, Input, Match, PatternID, meta};

/// Horizontal space as published: ASCII space and tab, the carriage return of CRLF, and the
/// no-break and thin spaces that sit inside numbers and dates.
const H: &str = r"[\t \x{A0}\x{2007}\x{2009}\x{202F}\r]";

/// Compiles a built-in pattern after expanding its shorthands:
///
/// - `%W`: a gap between words: horizontal space with at most one line break (a hard wrap),
///   or a line break alone; never a blank line.
/// - `%w`: the same gap, possibly empty.
/// - `%D`: a hyphen or dash (`-`, `‐`, `‑`, `‒`, `–`, `—`).
/// - `%Q`: an apostrophe, straight or curly.
///
/// Word boundaries (`\b`) are ASCII ones: a Unicode `\b` makes the regex crate's fast lazy DFA
/// give up at the first non-ASCII byte (a curly quote, a dash, a no-break space), and every
/// search on published text then falls back to a slower engine. The patterns' words are
/// ASCII, so the two only differ next to a non-ASCII letter.
pub(crate) fn build(template: &str) -> Regex {
    Regex::new(&expand(template)).expect("the built-in patterns are valid regexes")
}

/// Compiles several built-in patterns (see [`build`]) into one regex that says which matched:
/// one pass finds the matches of all, leftmost first, the earlier pattern first where two
/// start at one place.
pub(crate) fn build_many(templates: &[&str]) -> meta::Regex {
    let patterns: Vec<String> = templates.iter().map(|t| expand(t)).collect();
    meta::Regex::new_many(&patterns).expect("the built-in patterns are valid regexes")
}

/// `template` with its shorthands expanded (see [`build`]).
fn expand(template: &str) -> String {
    let gap = format!(r"(?:{H}+\n?{H}*|\n{H}*)");
    let ogap = format!(r"(?:{H}*\n?{H}*)");
    template
        .replace("%W", &gap)
        .replace("%w", &ogap)
        .replace("%D", r"[-\x{2010}\x{2011}\x{2012}\x{2013}\x{2014}]")
        .replace("%Q", r"['\x{2019}]")
        .replace(r"\b", r"(?-u:\b)")
}

/// The kinds of anchor words, bits of [`Word::kinds`].
pub(crate) mod kind {
    /// A run of word bytes that starts with a digit.
    pub(crate) const DIGIT: u16 = 1;
    /// A count in words: `zero`, `none`, `nil`, `one` to `ninety`.
    pub(crate) const COUNT: u16 = 1 << 1;
    /// `unanimous`, `unanimously`, `nem`, `narrowly`, `show`.
    pub(crate) const VOTE: u16 = 1 << 2;
    /// A month name or abbreviation.
    pub(crate) const MONTH: u16 = 1 << 3;
    /// A weekday name or abbreviation.
    pub(crate) const WEEKDAY: u16 = 1 << 4;
    /// `today`, `tonight`, `yesterday`, `tomorrow`, and the words after `last`, `this` and
    /// `next` in a relative date (`night`, `morning`, `afternoon`, `evening`, `week`, `month`).
    pub(crate) const RELATIVE: u16 = 1 << 5;
    /// `noon`, `midday`, `midnight`.
    pub(crate) const CLOCK: u16 = 1 << 6;
    /// `hundred`, `thousand`, `million`, `billion`, `dozen`: what `a` and `half a` stand
    /// before in a number in words.
    pub(crate) const SCALE: u16 = 1 << 7;
    /// `hour`, `hours`, `hr`, `hrs`, `minute`, `minutes`, `min`, `mins`: units of a duration.
    pub(crate) const UNIT: u16 = 1 << 8;
}

/// An anchor word of a text: a maximal run of ASCII word bytes of one of the [`kind`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where the run starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Its [`kind`]s.
    pub kinds: u16,
}

/// Whether `text` holds a character outside ASCII that a case-insensitive regex matches to
/// an ASCII letter: `ſ` (to `s`) or the Kelvin sign `K` (to `k`), the only two. A search that
/// looks for words ASCII case-insensitively misses them, so a text that holds one must be
/// read whole by the regex it stands in for.
///
/// ```
/// assert!(nectar_text::has_non_ascii_fold("ſix votes"));
/// assert!(!nectar_text::has_non_ascii_fold("six votes – café"));
/// ```
pub fn has_non_ascii_fold(text: &str) -> bool {
    let b = text.as_bytes();
    // Both end in a byte rare in text: 'ſ' is C5 BF, 'K' is E2 84 AA.
    memchr::memchr2_iter(0xBF, 0xAA, b).any(|i| {
        b[..=i].ends_with("\u{17f}".as_bytes()) || b[..=i].ends_with("\u{212a}".as_bytes())
    })
}

/// The anchor words of `text`, in order; `None` when the text holds `ſ` or `K`, which
/// `(?i)` folds to `s` and `k`, so that [`Sparse`] patterns must read it whole.
pub(crate) fn anchor_words(text: &str) -> Option<Vec<Word>> {
    if has_non_ascii_fold(text) {
        return None;
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    for_each_word_start(b, |s| {
        let kinds = word_kinds(b, s);
        if kinds != 0 {
            out.push(Word {
                start: s,
                end: word_run_end(b, s),
                kinds,
            });
        }
    });
    Some(out)
}

/// One in each byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (8 bytes of text) set where the byte is an ASCII word
/// byte (`[0-9A-Za-z_]`).
#[inline]
fn word_mask(x: u64) -> u64 {
    let t = x & !HIGHS;
    let digit = in_range(t, b'0', b'9');
    let letter = in_range(t | (ONES * 0x20), b'a', b'z');
    let under = !((t ^ (ONES * u64::from(b'_'))) + ONES * 0x7f) & HIGHS;
    (digit | letter | under) & !x
}

/// The high bit of each byte of `t` (8 bytes, each below 0x80) set where the byte lies in
/// `lo..=hi`: the high bit of v + (0x80 - lo) says v >= lo, of v + (0x7f - hi) says v > hi;
/// no sum carries into the next byte.
#[inline]
fn in_range(t: u64, lo: u8, hi: u8) -> u64 {
    (t + ONES * u64::from(0x80 - lo)) & !(t + ONES * u64::from(0x7f - hi)) & HIGHS
}

/// The first ASCII digit of `b` at or after `from`, reading eight bytes at a time.
pub(crate) fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    next_in_range(b, from, b'0', b'9')
}

/// The first byte of `b` at or after `from` in `lo..=hi` (ASCII), reading eight bytes at a
/// time.
fn next_in_range(b: &[u8], from: usize, lo: u8, hi: u8) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = in_range(x & !HIGHS, lo, hi) & !x;
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|c| (lo..=hi).contains(c))
        .map(|k| i + k)
}

/// Where the next word that starts with an ASCII capital letter starts in `text`, at or after
/// byte `from`: a capital not just after an ASCII letter, digit or `_`. Names, places and
/// sentence starts are found this way eight bytes at a time.
///
/// ```
/// let text = "the NEC met Ann Black";
/// assert_eq!(nectar_text::next_capital_word(text, 0), Some(4));
/// assert_eq!(nectar_text::next_capital_word(text, 5), Some(12));
/// ```
pub fn next_capital_word(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = from;
    loop {
        let p = next_in_range(b, at, b'A', b'Z')?;
        if p == 0 || !is_word_byte(b[p - 1]) {
            return Some(p);
        }
        at = p + 1;
    }
}

/// Calls `f` with the start of every run of ASCII word bytes (`[0-9A-Za-z_]`) in `b`, in
/// order, reading eight bytes at a time: every place where `(?-u:\b)` is followed by a word
/// byte.
///
/// The starts in each 512 bytes are gathered first, with no branch for each start (eight
/// bytes hold four at most: a table gives their places), then `f` is called for each in one
/// loop whose end the processor predicts.
pub fn for_each_word_start(b: &[u8], mut f: impl FnMut(usize)) {
    /// Bytes per block: the places of its starts fit a `u16`.
    const BLOCK: usize = 512;
    // Four places written for each eight bytes, however many of them are starts.
    let mut starts = [0u16; BLOCK / 2 + 4];
    let mut prev_word = 0u64;
    for (block, bytes) in b.chunks(BLOCK).enumerate() {
        let mut n = 0;
        let mut gather = |c: usize, x: u64| {
            let w = word_mask(x);
            let high = w & !((w << 8) | prev_word);
            prev_word = w >> 56;
            // The high bits of the start bytes, one bit a byte.
            let set = ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as usize;
            let at = LANES[set] + (8 * c) as u64 * 0x0001_0001_0001_0001;
            starts[n..n + 4].copy_from_slice(&[
                at as u16,
                (at >> 16) as u16,
                (at >> 32) as u16,
                (at >> 48) as u16,
            ]);
            n += usize::from(COUNTS[set]);
        };
        let chunks = bytes.chunks_exact(8);
        let rest = chunks.remainder();
        let full = chunks.len();
        for (c, chunk) in chunks.enumerate() {
            gather(
                c,
                u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
            );
        }
        if !rest.is_empty() {
            let mut chunk = [0u8; 8];
            chunk[..rest.len()].copy_from_slice(rest);
            gather(full, u64::from_le_bytes(chunk));
        }
        for &s in &starts[..n] {
            f(BLOCK * block + usize::from(s));
        }
    }
}

/// For each set of the eight bytes of a chunk (bit `j` for byte `j`) that may start words
/// (four at most, no two side by side), the places of its bytes, 16 bits each, lowest first.
static LANES: [u64; 256] = lanes();

/// How many bytes each set of [`LANES`] holds (a table: `count_ones` is a loop on the
/// baseline x86-64).
static COUNTS: [u8; 256] = counts();

const fn counts() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut set = 0;
    while set < 256 {
        table[set] = (set as u32).count_ones() as u8;
        set += 1;
    }
    table
}

const fn lanes() -> [u64; 256] {
    let mut table = [0u64; 256];
    let mut set = 0;
    while set < 256 {
        let (mut n, mut j) = (0, 0);
        while j < 8 {
            if set & (1 << j) != 0 && n < 4 {
                table[set] |= (j as u64) << (16 * n);
                n += 1;
            }
            j += 1;
        }
        set += 1;
    }
    table
}

/// The hashes ([`prefix_hash`]) of the first three letters of every anchor word, as a bit
/// set: most words are told apart from the anchors with one lookup.
static PREFIXES: [u64; 1024] = prefixes();

const fn prefixes() -> [u64; 1024] {
    let mut set = [0u64; 1024];
    let mut i = 0;
    while i < ANCHOR_WORDS.len() {
        let w = ANCHOR_WORDS[i].as_bytes();
        let k = prefix_hash([w[0], w[1], w[2]]);
        set[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    set
}

/// A 16-bit hash of three bytes, ASCII letters lowercased.
const fn prefix_hash(p: [u8; 3]) -> usize {
    let v = u32::from_le_bytes([p[0] | 0x20, p[1] | 0x20, p[2] | 0x20, 0]);
    (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Every anchor word in letters (see [`word_kinds`]).
const ANCHOR_WORDS: &[&str] = &[
    "zero",
    "none",
    "nil",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "unanimous",
    "unanimously",
    "nem",
    "narrowly",
    "show",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tues",
    "weds",
    "thurs",
    "thur",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "month",
    "noon",
    "midday",
    "midnight",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "hour",
    "hours",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
];

/// Whether the three bytes at `start` may be the first three letters of an anchor word.
fn anchor_prefix(b: &[u8], start: usize) -> bool {
    let Some(&[x, y, z]) = b.get(start..start + 3) else {
        return false;
    };
    let k = prefix_hash([x, y, z]);
    PREFIXES[k / 64] & (1 << (k % 64)) != 0
}

/// The [`kind`]s of the word run that starts at `start`.
fn word_kinds(b: &[u8], start: usize) -> u16 {
    if b[start].is_ascii_digit() {
        return kind::DIGIT;
    }
    // The one anchor word of two letters, too short for the prefix set.
    if b.get(start..start + 2)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"hr"))
        && !b.get(start + 2).is_some_and(|&c| is_word_byte(c))
    {
        return kind::UNIT;
    }
    if !anchor_prefix(b, start) {
        return 0;
    }
    let mut buf = [0u8; 16];
    let Some(w) = lower(&b[start..word_run_end(b, start)], &mut buf) else {
        return 0;
    };
    match w {
        b"zero" | b"none" | b"nil" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six"
        | b"seven" | b"eight" | b"nine" | b"ten" | b"eleven" | b"twelve" | b"thirteen"
        | b"fourteen" | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen" | b"nineteen"
        | b"twenty" | b"thirty" | b"forty" | b"fifty" | b"sixty" | b"seventy" | b"eighty"
        | b"ninety" => kind::COUNT,
        b"unanimous" | b"unanimously" | b"nem" | b"narrowly" | b"show" => kind::VOTE,
        b"january" | b"february" | b"march" | b"april" | b"may" | b"june" | b"july" | b"august"
        | b"september" | b"october" | b"november" | b"december" | b"sept" | b"jan" | b"feb"
        | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"oct" | b"nov" | b"dec" => {
            kind::MONTH
        }
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday"
        | b"sunday" | b"tues" | b"weds" | b"thurs" | b"thur" | b"mon" | b"tue" | b"wed"
        | b"thu" | b"fri" | b"sat" | b"sun" => kind::WEEKDAY,
        b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"night" | b"morning"
        | b"afternoon" | b"evening" | b"week" | b"month" => kind::RELATIVE,
        b"noon" | b"midday" | b"midnight" => kind::CLOCK,
        b"hundred" | b"thousand" | b"million" | b"billion" | b"dozen" => kind::SCALE,
        b"hour" | b"hours" | b"hrs" | b"minute" | b"minutes" | b"min" | b"mins" => kind::UNIT,
        _ => 0,
    }
}

/// A built-in pattern searched only from the words where a match can start.
///
/// A whole-text regex search reads every byte with the lazy DFA (a few hundred MB/s). Yet
/// every match of the patterns here starts at an ASCII word (a `(?-u:\b)` then a letter or
/// digit) and holds an anchor word (of the kinds in `kinds`) at most `back` words after its
/// start. [`Sparse::captures_iter`] goes through the text's anchor words ([`anchor_words`]),
/// and at each tries the pattern anchored at the `back` words before it that may start a
/// match and at the anchor itself, leftmost first; it yields exactly the matches of
/// `Regex::captures_iter` on the whole text.
///
/// The pattern is an alternation (`a|b|c`) kept as the patterns of one multi-pattern regex
/// without groups: leftmost-first, the first pattern that matches at a start wins, as the
/// first alternative does, and the regex says which one it was. A try is one forward run of
/// its lazy DFA; only on a match are the groups read, by a backtracker for that one
/// alternative over the match alone (its memory to clear grows with the size of the
/// alternative, not of the whole alternation).
#[derive(Debug)]
pub(crate) struct Sparse {
    /// The alternatives, one pattern each, without groups: where matches are and which
    /// alternative each is of.
    re: meta::Regex,
    /// The alternatives alone, with their groups, in order.
    alternatives: Vec<Alternative>,
    /// How many words before its first anchor a match may start.
    back: usize,
    /// The kinds of anchor words.
    kinds: u16,
    /// Whether a match may start at a word (as written).
    start: fn(&[u8]) -> bool,
    /// The whole alternation as one template, for the tests' plain regex.
    #[cfg(test)]
    template: String,
}

/// One alternative of a [`Sparse`] pattern, to read the groups of its matches.
#[derive(Debug)]
struct Alternative {
    /// How many groups the alternatives before it have (besides the whole match): its group
    /// `i` is group `base + i` of the whole alternation.
    base: usize,
    /// Reads the groups of a match.
    backtrack: BoundedBacktracker,
    /// Reads them when the match is too long for the backtracker's memory.
    pikevm: PikeVM,
}

impl Sparse {
    /// Compiles the alternation of `alternatives` (templates, see [`build`]; each sets its own
    /// flags). Every match of it must start at an ASCII word boundary followed by a word
    /// byte, at a word for which `start` holds, and its first anchor word (of `kinds`) must
    /// come at most `back` words later.
    pub(crate) fn new(
        alternatives: &[impl AsRef<str>],
        back: usize,
        kinds: u16,
        start: fn(&[u8]) -> bool,
    ) -> Self {
        #[cfg(test)]
        let template = alternatives
            .iter()
            .map(|a| format!("(?:{})", a.as_ref()))
            .collect::<Vec<_>>()
            .join("|");
        let hirs: Vec<_> = alternatives
            .iter()
            .map(|a| {
                syntax::parse(&expand(a.as_ref())).expect("the built-in patterns are valid regexes")
            })
            .collect();
        let re = meta::Builder::new()
            // As the regex crate configures its regexes, but without groups, read elsewhere,
            // nor a prefilter, of no use to anchored searches and costly to build.
            .configure(
                meta::Config::new()
                    .nfa_size_limit(Some(NFA_SIZE_LIMIT))
                    .hybrid_cache_capacity(2 * (1 << 20))
                    .which_captures(WhichCaptures::Implicit)
                    .auto_prefilter(false),
            )
            .build_many_from_hir(&hirs)
            .expect("the built-in patterns are valid regexes");
        let mut compiler = thompson::Compiler::new();
        compiler.configure(thompson::Config::new().nfa_size_limit(Some(NFA_SIZE_LIMIT)));
        let mut base = 0;
        let alternatives = hirs
            .iter()
            .map(|hir| {
                let nfa = compiler
                    .build_from_hir(hir)
                    .expect("the built-in patterns are valid regexes");
                let groups = nfa.group_info().group_len(PatternID::ZERO) - 1;
                let alternative = Alternative {
                    base,
                    backtrack: BoundedBacktracker::builder()
                        .build_from_nfa(nfa.clone())
                        .expect("a backtracker takes any pattern"),
                    pikevm: PikeVM::new_from_nfa(nfa).expect("a PikeVM takes any pattern"),
                };
                base += groups;
                alternative
            })
            .collect();
        Self {
            re,
            alternatives,
            back,
            kinds,
            start,
            #[cfg(test)]
            template,
        }
    }

    /// The number of the group named `name` in the whole alternation (as
    /// `Regex::capture_names` counts), for [`SparseCaptures::get`].
    pub(crate) fn group(&self, name: &str) -> Option<usize> {
        self.alternatives.iter().find_map(|a| {
            let info = a.backtrack.get_nfa().group_info();
            Some(a.base + info.to_index(PatternID::ZERO, name)?)
        })
    }

    /// The matches of the pattern in `text`, as `Regex::captures_iter(text)` of the whole
    /// alternation, given the text's [`anchor_words`].
    pub(crate) fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
        words: Option<&'r [Word]>,
    ) -> SparseMatches<'r, 't> {
        SparseMatches {
            sparse: self,
            text,
            plain: words.is_none().then(|| self.re.find_iter(text)),
            words: words.unwrap_or_default(),
            next_word: 0,
            lower: 0,
            starts: Vec::new(),
            caches: Vec::new(),
        }
    }

    /// The match that starts exactly at `at` (a word start), if any.
    fn find_from(&self, text: &str, at: usize) -> Option<Match> {
        self.re
            .search(&Input::new(text).range(at..).anchored(Anchored::Yes))
    }

    /// The groups of `m`, a match of [`Sparse::re`] in `text`: those of the alternative it
    /// is of, read on the match alone (anchored at its start, ending at its end, in the whole
    /// text for the word boundaries). `caches` holds a backtracker cache per alternative, or
    /// is empty.
    fn captures<'t>(
        &self,
        text: &'t str,
        m: Match,
        caches: &mut Vec<backtrack::Cache>,
    ) -> SparseCaptures<'t> {
        if caches.is_empty() {
            caches.extend(self.alternatives.iter().map(|a| a.backtrack.create_cache()));
        }
        let pid = m.pattern().as_usize();
        let a = &self.alternatives[pid];
        let input = Input::new(text).span(m.range()).anchored(Anchored::Yes);
        let mut caps = a.backtrack.create_captures();
        if a.backtrack
            .try_search(&mut caches[pid], &input, &mut caps)
            .is_err()
        {
            // Too long a match for the backtracker.
            a.pikevm
                .search(&mut a.pikevm.create_cache(), &input, &mut caps);
        }
        debug_assert_eq!(caps.get_match().map(|g| g.range()), Some(m.range()));
        SparseCaptures {
            text,
            caps,
            base: a.base,
        }
    }

    /// The starts to try for the anchor word at `at`: the words before it that may start a
    /// match, not before `lower`, then the anchor itself, in order.
    fn starts(&self, b: &[u8], at: usize, lower: usize, out: &mut Vec<usize>) {
        out.clear();
        let mut j = at;
        for _ in 0..self.back {
            while j > lower && !is_word_byte(b[j - 1]) {
                j -= 1;
            }
            let end = j;
            while j > 0 && is_word_byte(b[j - 1]) {
                j -= 1;
            }
            if j < lower || j == end {
                break;
            }
            if (self.start)(&b[j..end]) {
                out.push(j);
            }
        }
        out.reverse();
        if (self.start)(&b[at..word_run_end(b, at)]) {
            out.push(at);
        }
    }
}

/// The size limit of the patterns' compiled NFAs, as the regex crate's.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// A match of a [`Sparse`] pattern with its groups, numbered and named as in the whole
/// alternation (like `regex::Captures`).
#[derive(Debug, Clone)]
pub(crate) struct SparseCaptures<'t> {
    text: &'t str,
    /// The groups of the alternative that matched.
    caps: Captures,
    /// How many groups the alternatives before it have (see [`Alternative::base`]).
    base: usize,
}

impl<'t> SparseCaptures<'t> {
    /// Group `i` of the whole alternation (0 is the whole match), if it took part.
    pub(crate) fn get(&self, i: usize) -> Option<Group<'t>> {
        let local = match i {
            0 => 0,
            _ => i.checked_sub(self.base).filter(|&l| l > 0)?,
        };
        self.group(self.caps.get_group(local)?)
    }

    /// The group named `name`, if it took part.
    pub(crate) fn name(&self, name: &str) -> Option<Group<'t>> {
        self.group(self.caps.get_group_by_name(name)?)
    }

    fn group(&self, span: regex_automata::Span) -> Option<Group<'t>> {
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

/// The text of a group of [`SparseCaptures`] and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    /// Where the group starts.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where it ends.
    pub(crate) fn end(&self) -> usize {
        self.end
    }

    /// Its text.
    pub(crate) fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The iterator of [`Sparse::captures_iter`].
#[derive(Debug)]
pub(crate) struct SparseMatches<'r, 't> {
    sparse: &'r Sparse,
    text: &'t str,
    /// The plain whole-text search, for the rare text that needs it.
    plain: Option<meta::FindMatches<'r, 't>>,
    /// The anchor words not yet looked at.
    words: &'r [Word],
    /// No anchor before this is looked at: the end of the last match.
    next_word: usize,
    /// No match starts before this: the end of the last match, or just after the last
    /// anchor (a match whose first anchor is a later word starts after it).
    lower: usize,
    /// The starts to try for an anchor (kept to reuse its allocation).
    starts: Vec<usize>,
    /// The backtrackers' caches, one per alternative (made at the first match).
    caches: Vec<backtrack::Cache>,
}

impl<'t> Iterator for SparseMatches<'_, 't> {
    type Item = SparseCaptures<'t>;

    fn next(&mut self) -> Option<SparseCaptures<'t>> {
        if let Some(plain) = &mut self.plain {
            let m = plain.next()?;
            return Some(self.sparse.captures(self.text, m, &mut self.caches));
        }
        let b = self.text.as_bytes();
        while let Some((w, rest)) = self.words.split_first() {
            self.words = rest;
            if w.kinds & self.sparse.kinds == 0 || w.start < self.next_word {
                continue;
            }
            let mut starts = std::mem::take(&mut self.starts);
            self.sparse.starts(b, w.start, self.lower, &mut starts);
            let found = starts
                .iter()
                .find_map(|&at| self.sparse.find_from(self.text, at));
            self.starts = starts;
            if let Some(m) = found {
                let end = m.end().max(w.start + 1);
                self.next_word = end;
                self.lower = end;
                return Some(self.sparse.captures(self.text, m, &mut self.caches));
            }
            self.lower = w.start + 1;
        }
        None
    }
}

/// Whether `c` is an ASCII word byte (`[0-9A-Za-z_]`, what `(?-u:\b)` looks at).
pub(crate) fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The end of the run of ASCII word bytes that starts at `i`.
fn word_run_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && is_word_byte(b[j]) {
        j += 1;
    }
    j
}

/// `w` in ASCII lowercase, in `buf`; `None` if longer than `buf`.
pub(crate) fn lower<'b>(w: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..w.len())?;
    for (o, c) in out.iter_mut().zip(w) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// Whether `c` is horizontal space (see [`H`]).
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}'
    )
}

/// The largest char boundary of `s` at or before `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char just before byte `i` (a char boundary), if any.
pub(crate) fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The char at byte `i` (a char boundary), if any.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// End of the gap that starts at `i`: horizontal space with at most one line break.
/// Returns `i` itself when there is no gap.
pub(crate) fn gap_end(s: &str, i: usize) -> usize {
    let mut j = i;
    let mut newline = false;
    while let Some(c) = char_at(s, j) {
        if is_hspace(c) {
            j += c.len_utf8();
        } else if c == '\n' && !newline {
            newline = true;
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// End of the run of ASCII letters that starts at `i`.
pub(crate) fn ascii_word_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

/// Whether a word or number may end at `i`: what follows is not a letter or digit.
pub(crate) fn ends_word(s: &str, i: usize) -> bool {
    !char_at(s, i).is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether a word or number may start at `i`: what precedes is not a letter, digit or an
/// apostrophe inside a word.
pub(crate) fn starts_word(s: &str, i: usize) -> bool {
    match prev_char(s, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('\'' | '\u{2019}') => {
            let before = i.saturating_sub(1);
            let before = floor_boundary(s, before);
            !prev_char(s, before).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// The ASCII word that ends just before `i` (skipping a gap), lowercased into `buf`.
/// Returns the word's start and its bytes.
pub(crate) fn prev_word<'b>(s: &str, i: usize, buf: &'b mut [u8; 16]) -> Option<(usize, &'b [u8])> {
    let b = s.as_bytes();
    let mut j = floor_boundary(s, i);
    while j > 0 {
        let c = prev_char(s, j)?;
        if is_hspace(c) || c == '\n' {
            j -= c.len_utf8();
        } else {
            break;
        }
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    if j == end || end - j > buf.len() {
        return None;
    }
    for (k, byte) in b[j..end].iter().enumerate() {
        buf[k] = byte.to_ascii_lowercase();
    }
    Some((j, &buf[..end - j]))
}

/// The ASCII word starting at `i` (after skipping a gap), lowercased into `buf`.
pub(crate) fn next_word<'b>(s: &str, i: usize, buf: &'b mut [u8; 16]) -> Option<(usize, &'b [u8])> {
    let b = s.as_bytes();
    let start = gap_end(s, i);
    let end = ascii_word_end(b, start);
    if end == start || end - start > buf.len() || !ends_word(s, end) {
        return None;
    }
    for (k, byte) in b[start..end].iter().enumerate() {
        buf[k] = byte.to_ascii_lowercase();
    }
    Some((start, &buf[..end - start]))
}

/// Merges spans into sorted, non-overlapping spans.
pub(crate) fn merge_spans(mut spans: Vec<nectar_model::Span>) -> Vec<nectar_model::Span> {
    spans.sort_unstable();
    let mut out: Vec<nectar_model::Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `span` overlaps any of the sorted, merged `zones`.
pub(crate) fn overlaps_any(zones: &[nectar_model::Span], span: nectar_model::Span) -> bool {
    let i = zones.partition_point(|z| z.end <= span.start);
    zones.get(i).is_some_and(|z| z.start < span.end)
}

/// A small deterministic source of randomness for the tests' random texts (xorshift).
#[cfg(test)]
pub(crate) struct Xorshift(pub(crate) u64);

#[cfg(test)]
impl Xorshift {
    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One to `most` of `pieces` put together at random, each followed by a space or not
    /// when `spaced`.
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize, spaced: bool) -> String {
        (0..1 + self.below(most))
            .map(|_| {
                let piece = pieces[self.below(pieces.len())];
                if spaced && self.below(2) == 0 {
                    format!("{piece} ")
                } else {
                    piece.to_owned()
                }
            })
            .collect()
    }
}

/// Checks that `sparse` finds what its plain regex (the whole alternation, one regex) finds,
/// match by match and group by group (by number and by name), on tricky texts and on texts
/// put together at random from pieces of dates, times and votes; and that every group took
/// part in some match, so that none goes unchecked.
#[cfg(test)]
pub(crate) fn check_sparse(sparse: &Sparse) {
    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "\u{a0}",
        "\u{202f}",
        "\t",
        "-",
        "–",
        "—",
        ",",
        ".",
        ":",
        ";",
        "=",
        "&",
        "’s",
        "'s",
        "'",
        "_",
        "é",
        "B",
        "x",
        "by",
        "to",
        "a",
        "vote",
        "votes",
        "voted",
        "voting",
        "of",
        "13",
        "10",
        "2",
        "3",
        "1",
        "0",
        "8",
        "12",
        "24",
        "25",
        "30",
        "31",
        "09",
        "2020",
        "2016",
        "1999",
        "2100",
        "29th",
        "1st",
        "2nd",
        "th",
        "9.30",
        "16:30",
        "10:00",
        "23:59",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "AM",
        "noon",
        "midday",
        "midnight",
        "from",
        "between",
        "and",
        "until",
        "till",
        "til",
        "in",
        "favour",
        "favor",
        "for",
        "against",
        "abstentions",
        "abstention",
        "abstained",
        "abstain",
        "with",
        "carried",
        "agreed",
        "lost",
        "won",
        "backed",
        "passed",
        "rejected",
        "through",
        "down",
        "unanimously",
        "unanimous",
        "decision",
        "nem",
        "con",
        "narrowly",
        "defeated",
        "on",
        "show",
        "hands",
        "twenty",
        "one",
        "nine",
        "eleven",
        "none",
        "nil",
        "zero",
        "the",
        "last",
        "this",
        "next",
        "week",
        "month",
        "night",
        "morning",
        "evening",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "Tuesday",
        "Tues",
        "Sat",
        "monday",
        "March",
        "May",
        "may",
        "Sept",
        "September",
        "October",
        "JULY",
        "Dec",
        "mid",
        "early",
        "since",
        "during",
        "NEC",
        "meeting",
        "meetings",
        "elections",
        "ſix",
        "\u{212a}",
        "/",
        "ran",
        "1.5",
        "1/2/20",
        "2020-09-29",
        "29.09.2020",
    ];
    // Every group of the patterns here, each in a text of its own making.
    let mut texts: Vec<String> = [
        "",
        "by 13 to 10, with 2 abstentions. It was carried unanimously; nem. con.",
        "on a show of hands, 8 to 17. by a vote of 20 to 3",
        "They voted 22 to 9; it was 14 votes to 12; it carried 20 to 6 and lost 4-11.",
        "20 for, 4 against, 2 abstained. For: 20, Against: 4. It was narrowly defeated, on \
         a show of hands.",
        "Tuesday 29th September, the July NEC, 24-25 January 2016, last week, mid-July",
        "30 November – 1 December, Saturday, February 13, 2021, September & October 2020",
        "May 8 and 9, in June, July’s NEC, last night, this morning, next Monday, today",
        "from 10am until 4.30pm, 9.30-5.30, between 10:00 and 16:30, B12pm x9am, noon",
        "ſix votes to 3, 2020-09-29",
        "13-10 13-10-2020 2020-09-29 29/09/2020",
    ]
    .map(String::from)
    .into();
    // Matches too long for the backtracker's memory, read by the PikeVM.
    let wide = " ".repeat(20_000);
    texts.push(format!(
        "by{wide}13 to{wide}10; from 10am{wide}until 4pm; Tuesday{wide}29th September"
    ));
    let mut random = Xorshift(0x2545_f491_4f6c_dd1d);
    for k in 0..6000 {
        texts.push(random.text(PIECES, 24, k % 2 == 1));
    }
    let plain = build(&sparse.template);
    let names: Vec<(usize, &str)> = plain
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| Some((i, n?)))
        .collect();
    for &(i, name) in &names {
        assert_eq!(sparse.group(name), Some(i), "{name}");
    }
    fn span(g: Option<Group<'_>>) -> Option<(usize, usize, &str)> {
        g.map(|g| (g.start(), g.end(), g.as_str()))
    }
    let mut took_part = vec![false; plain.captures_len()];
    for text in &texts {
        let words = anchor_words(text);
        let mut fast = sparse.captures_iter(text, words.as_deref());
        for want in plain.captures_iter(text) {
            let got = fast.next();
            let got = got
                .as_ref()
                .unwrap_or_else(|| panic!("{text:?}: missed {want:?}"));
            for (i, m) in want.iter().enumerate() {
                let m = m.map(|m| (m.start(), m.end(), m.as_str()));
                assert_eq!(span(got.get(i)), m, "{text:?}: group {i}");
                took_part[i] |= m.is_some();
            }
            assert_eq!(span(got.get(want.len())), None, "{text:?}");
            for &(i, name) in &names {
                let m = want.get(i).map(|m| (m.start(), m.end(), m.as_str()));
                assert_eq!(span(got.name(name)), m, "{text:?}: group {name}");
            }
        }
        assert!(fast.next().is_none(), "{text:?}: more than the regex finds");
    }
    let unused: Vec<usize> = (0..took_part.len()).filter(|&i| !took_part[i]).collect();
    assert!(unused.is_empty(), "groups never in a match: {unused:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_s_and_k_fold_from_outside_ascii() {
        let ascii_letter = Regex::new("(?i)^[a-z]$").expect("valid regex");
        let folds: Vec<char> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| ascii_letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folds, ['\u{17f}', '\u{212a}']);
        // And the check sees exactly those, wherever they stand.
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(has_non_ascii_fold(&text), folds.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn word_starts_and_anchors() {
        let text = "One _x9 B12 é13 Twenty\u{a0}march\r\nnoon’s MIDDAY 2020-09";
        let mut starts = Vec::new();
        for_each_word_start(text.as_bytes(), |s| starts.push(s));
        let want: Vec<usize> = [
            "One", "_x9", "B12", "13", "Twenty", "march", "noon", "s", "MIDDAY", "2020", "09",
        ]
        .iter()
        .map(|w| text.find(w).unwrap_or(usize::MAX))
        .collect();
        assert_eq!(starts, want);
        let words: Vec<(&str, u16)> = anchor_words(text)
            .unwrap_or_default()
            .iter()
            .map(|w| (&text[w.start..w.end], w.kinds))
            .collect();
        assert_eq!(
            words,
            [
                ("One", kind::COUNT),
                ("13", kind::DIGIT),
                ("Twenty", kind::COUNT),
                ("march", kind::MONTH),
                ("noon", kind::CLOCK),
                ("MIDDAY", kind::CLOCK),
                ("2020", kind::DIGIT),
                ("09", kind::DIGIT),
            ]
        );
        assert_eq!(anchor_words("ſix"), None);
        assert_eq!(anchor_words("5 \u{212a}"), None);
        assert!(anchor_words("café ÿ ª").is_some());
    }

    #[test]
    fn capital_words_found_eight_bytes_at_a_time_as_one_by_one() {
        let pieces = [
            "A", "Z", "a", "z", "@", "[", "`", "{", "_", "9", " ", "É", "é", "\u{a0}",
        ];
        let mut rng = Xorshift(0x0c0f_fee5);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 24, false);
            let b = text.as_bytes();
            for from in 0..=b.len() + 1 {
                let naive = (from..b.len())
                    .find(|&p| b[p].is_ascii_uppercase() && (p == 0 || !is_word_byte(b[p - 1])));
                assert_eq!(
                    next_capital_word(&text, from),
                    naive,
                    "{text:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn anchor_words_are_the_listed_words() {
        for w in ANCHOR_WORDS.iter().chain(&["hr"]) {
            for form in [w.to_string(), w.to_ascii_uppercase()] {
                let text = format!("({form})");
                let kinds = word_kinds(text.as_bytes(), 1);
                assert_ne!(kinds, 0, "{form}");
            }
        }
        let letters = [
            "h", "r", "o", "u", "s", "m", "i", "n", "t", "e", "d", "a", "y",
        ];
        let mut rng = Xorshift(0x00a1_c402);
        for _ in 0..50_000 {
            let w = rng.text(&letters, 7, false);
            let listed = ANCHOR_WORDS.contains(&w.as_str()) || w == "hr";
            assert_eq!(word_kinds(w.as_bytes(), 0) != 0, listed, "{w}");
        }
    }

    #[test]
    fn word_starts_equal_a_byte_by_byte_scan_on_random_texts() {
        const PIECES: &[&str] = &[
            " ", "\n", "\u{a0}", "-", "_", "1", "é", "’", ".", "a", "Bc", "de", "x9", "Word", "_y",
            "ÿ", "\r\n", "  ", "ab_cd", "Z",
        ];
        let mut random = Xorshift(0x9e37_79b9_7f4a_7c15);
        for n in 0..3000 {
            // Some texts run over several blocks of 512 bytes.
            let most = if n % 10 == 0 { 600 } else { 40 };
            let text = random.text(PIECES, most, true);
            let b = text.as_bytes();
            let want: Vec<usize> = (0..b.len())
                .filter(|&i| is_word_byte(b[i]) && (i == 0 || !is_word_byte(b[i - 1])))
                .collect();
            let mut got = Vec::new();
            for_each_word_start(b, |s| got.push(s));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn gap_allows_one_line_break() {
        let re = build("^a%Wb$");
        assert!(re.is_match("a b"));
        assert!(re.is_match("a\u{a0}b"));
        assert!(re.is_match("a \r\n b"));
        assert!(!re.is_match("a\n\nb"));
        assert!(!re.is_match("ab"));
    }

    #[test]
    fn word_edges() {
        let s = "don’t one";
        assert!(!starts_word(s, "don’".len()));
        assert!(starts_word(s, "don’t ".len()));
        let mut buf = [0u8; 16];
        assert_eq!(prev_word("the  one", 5, &mut buf), Some((0, &b"the"[..])));
        assert_eq!(
            next_word("one Another", 3, &mut buf),
            Some((4, &b"another"[..]))
        );
    }
}
