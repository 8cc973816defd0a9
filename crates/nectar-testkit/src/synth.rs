//! A synthetic corpus: NEC reports made from templates, each with the facts a correct reading
//! yields, for scale tests and benchmarks.
//!
//! [`generate`]`(n, seed)` yields `n` [`SynthReport`]s: the text of a report, its expected facts
//! in the format of the sample corpus's `NAME.expected.json` (what [`Expected`] reads), and for
//! LabourList pages the metadata sidecar (`NAME.meta.json`) that gives the year.
//! [`SynthReport::document`] makes the [`nectar_model::Document`] a parser reads. [`report`]
//! makes one report alone (report `i` is the same whatever `n` is), so a caller can spread the
//! work over threads; [`write_corpus`] writes the files, as the `nectar-synth` program does
//! (`nectar-synth N DIR [--seed S]`).
//!
//! The same `n` and seed give the same reports, byte for byte, on every machine: the generator
//! has its own pseudo-random numbers (SplitMix64, seeded per report from the seed and the
//! report's number) and reads no clock, locale or environment.
//!
//! # What the reports hold
//!
//! The layouts take turns, in the order of [`SOURCES`]:
//!
//! - `blogger`: a tagline naming the author (`... a blog by NAME`, `NAME writes ...`,
//!   `NAME’s blog`), the date header (`Saturday, February 13, 2021`), the title, the body,
//!   0 to 5 comments (`Blogger NAME said...`, `Anonymous Anonymous said...`,
//!   `Anonymous said...`, each with a `8:15 pm, February 13, 2021` time line), `Post a Comment`,
//!   `<< Home`;
//! - `clga`: `From NAME and NAME, ... Centre-Left Grassroots Alliance ... Also published on
//!   SITE`, `NEC Report – Month YYYY`, one-line paragraphs, committees sometimes before the
//!   full NEC;
//! - `labourlist`: no title or date, headings on lines of their own (which must be agenda
//!   items), dates without a year, a `More from LabourList` trailer; the sidecar gives the URL
//!   (`/YYYY/MM/`) and, mostly, the publication date, the title and the author;
//! - `progress`: the `Progress | Centre-left Labour politics` banner, `NEC report: Month YYYY`,
//!   `•` bullets, the author's bio, a donation ask, `Print Friendly, PDF & Email`, the author
//!   box (name line, `is ...` line), `N comments` with `•` comments;
//! - `wordpress`: a WordPress page (site header, nav bar, `Posted on D Month YYYY by NAME`,
//!   `Share this:`, `Like this:`, `N thoughts on “TITLE”` comments, `Leave a Reply`) or a plainer
//!   theme (`By NAME` and a date line) with the same widgets.
//!
//! Meetings are in 2010 to 2025; the report is published the same day or up to nine days
//! later (into the next month or year at times). Each body is written from pools of
//! phrasings:
//!
//! - the meeting: `3 March 2015`, `Tuesday 21 March`, `Tuesday, 3 March 2015`,
//!   `Tuesday 29th September` (always the right weekday), `November 24th`, `March 3, 2015`,
//!   `the 3rd of March`, `Tuesday the 3rd of March`, `3 Mar 2015`, `3/3/2015`, `21st November`,
//!   `Tuesday 21 November’s NEC`, `the 21 November NEC meeting`, `today`, `Yesterday’s NEC`,
//!   `last Tuesday`; a full NEC, an away day (one or two days: `24-25 January 2016`), a
//!   special or an emergency meeting;
//! - its length: `lasted six hours`, `six and a half hours`, `over 7 hours`, `just under`,
//!   `around`, `nearly`, `almost`, `more than`, `well over`, `a little under`, `just over`,
//!   `about six and a half hours`, `a nine-hour marathon`, `a full six hours`, `7.5 hours`,
//!   `two hours and 40 minutes`, `an hour and a half`, `a brisk ninety minutes`,
//!   `from 10am until 4.30pm`, `10am-4.30pm`, `10.00-4.30`, `between 10:00 and 16:30`;
//! - membership (one statement or none): `Membership is now 512,431`, `around 430,000
//!   members`, `a little over`, `just under`, `roughly`, `about`, `well over`, `upwards of`,
//!   `almost`, `more than`, `nearly`, `membership stood at`, `now stands at`, `has risen to`,
//!   `Membership: 512,431`, `total membership of`, `a membership of`, `The party now has N
//!   members`, `We have N members`, `we’re at 430k members`, `over half a million members`,
//!   `half a million members`, `membership at the end of 2016 was N` (as of 31 December);
//! - other figures, which must not be read as membership: members in arrears, new members,
//!   conference delegates, staff, debt in £ millions, the share who joined since the election,
//!   ballot turnout, the share of women (`per cent`), outstanding complaints;
//! - counted votes (up to three): `carried by 13 votes to 10`, `agreed 13-10`, `approved
//!   13-10`, `carried 13 to 10`, `voted 13 to 10`, `passed by thirteen votes to ten`, `13 in
//!   favour, 10 against and 2 abstentions`, `13 for and 10 against`, `13 votes for and 10
//!   against`, `13 votes to 10`, `with one abstention`, `with 2 abstentions`, `narrowly
//!   carried`, `won the vote 13-10`; defeats from either side: `defeated by 14 votes to 9`,
//!   `lost by 9 votes to 14`, `lost 9–14`, `defeated 9-14`, `rejected by 14 votes to 9`,
//!   `fell by 14 votes to 9`, `voted down 14-9`;
//! - decisions without counts: agreed, deferred (to a later month’s meeting too), noted,
//!   elected, approved, rejected, `carried unanimously`, `narrowly defeated`;
//! - committees earlier in the month (Organisation, Equalities, Disputes Panel), which must be
//!   found; the next meeting’s month; the leader, deputy and general secretary of the day;
//! - filler paragraphs from a pool of sentences with no facts in them, which bring a report
//!   to 2–20 KB (about 15.5 KB on average: 10,000 reports are about 155 MB).
//!
//! Every expected fact carries a `template` key (`vote/7`) naming its phrasing; the `must`
//! facts are what [`conformance`](crate::conformance) checks, and `should` lists the other
//! figures, decisions, later meetings and people.
//!
//! # Phrasings once left out
//!
//! A phrasing nectar misreads is left out of its family's list (its code stays) until nectar
//! reads it, so that a correct nectar passes every `must` fact. None is left out now. Read
//! since, and back in rotation: `The NEC’s January meeting was held on Friday the 8th` (once
//! the month only), `The meeting ran 10-4.30` (a dashed range with a bare hour: no duration),
//! `We sat for the best part of six hours` (once exact), `Membership is up to 512,000` (risen
//! to), `Membership is just shy of 430,000`, `was backed by a vote of 15 to 9`, `was backed 15
//! to 9 in favour`, and a Blogger author named only in a `Posted by NAME at 3:24 pm` line.
//!
//! ```
//! let reports: Vec<_> = nectar_testkit::synth::generate(5, 42).collect();
//! assert_eq!(reports[0].stem, "000001");
//! assert_eq!(reports[0].source, "blogger");
//! let expected = reports[0].expected();
//! assert_eq!(expected.must.source, "blogger");
//! // Deterministic: the same seed gives the same text.
//! assert_eq!(nectar_testkit::synth::report(0, 42).text, reports[0].text);
//! ```

mod pools;

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use serde_json::{Value, json};

use crate::Expected;
use pools::*;

/// The layouts, in the order they take turns.
pub const SOURCES: &[&str] = &["blogger", "clga", "labourlist", "progress", "wordpress"];

/// One generated report.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthReport {
    /// The file stem: the report's number from 1, six digits (`000001`).
    pub stem: String,
    /// The layout it is written in, and the parser that must read it.
    pub source: &'static str,
    /// The report's text.
    pub text: String,
    /// Its expected facts, as in a `NAME.expected.json` of the sample corpus.
    pub expected: Value,
    /// Its metadata sidecar (`NAME.meta.json`), for layouts that need one.
    pub sidecar: Option<Value>,
}

impl SynthReport {
    /// The expected facts as [`Expected`].
    pub fn expected(&self) -> Expected {
        serde_json::from_value(self.expected.clone()).expect("generated expectations parse")
    }

    /// The report as a [`nectar_model::Document`], as `nectar_io::read_document` would read
    /// `DIR/STEM.txt` and its sidecar, except that the SHA-256 is left empty (as in
    /// [`nectar_model::Document::from_text`]; `nectar_io::sha256_hex` computes it).
    pub fn document(&self) -> nectar_model::Document {
        let mut doc = nectar_model::Document::from_text(format!("{}.txt", self.stem), &self.text);
        if let Some(side) = &self.sidecar {
            let side: nectar_model::Sidecar =
                serde_json::from_value(side.clone()).expect("generated sidecar parses");
            doc.source.url = side.url.clone();
            doc.source.sidecar = Some(format!("{}.meta.json", self.stem));
            doc.sidecar = Some(side);
        }
        doc
    }
}

/// `n` reports from `seed`: report `i` (from 0) is [`report`]`(i, seed)`.
pub fn generate(n: usize, seed: u64) -> impl Iterator<Item = SynthReport> {
    (0..n).map(move |i| report(i, seed))
}

/// Writes `n` reports from `seed` into `dir` (made if missing): `NNNNNN.txt`,
/// `NNNNNN.expected.json` and, where there is one, `NNNNNN.meta.json`. Returns the bytes of
/// report text written.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for r in generate(n, seed) {
        std::fs::write(dir.join(format!("{}.txt", r.stem)), &r.text)?;
        std::fs::write(
            dir.join(format!("{}.expected.json", r.stem)),
            pretty(&r.expected),
        )?;
        if let Some(side) = &r.sidecar {
            std::fs::write(dir.join(format!("{}.meta.json", r.stem)), pretty(side))?;
        }
        bytes += r.text.len() as u64;
    }
    Ok(bytes)
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values serialise");
    s.push('\n');
    s
}

/// Report `index` (from 0) of the corpus of `seed`, independent of the others.
pub fn report(index: usize, seed: u64) -> SynthReport {
    let mut rng = Rng::new(mix(seed ^ mix(index as u64 ^ 0x6e65_6374_6172)));
    let source = SOURCES[index % SOURCES.len()];
    let stem = format!("{:06}", index + 1);
    let plan = Plan::new(&mut rng, source);
    let mut r = plan.render(&mut rng);
    r.stem = stem;
    r
}

// ---------------------------------------------------------------------------------------------
// Pseudo-random numbers.

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// SplitMix64.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0.wrapping_sub(0x9e37_79b9_7f4a_7c15))
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo + 1)) as u32
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------------------------------------
// Dates.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    fn new(y: i32, m: u32, d: u32) -> Self {
        Self { y, m, d }
    }

    /// 0 is Sunday (Sakamoto's method).
    fn weekday_index(self) -> usize {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.m < 3 { self.y - 1 } else { self.y };
        let w = y + y / 4 - y / 100 + y / 400 + T[self.m as usize - 1] + self.d as i32;
        w.rem_euclid(7) as usize
    }

    fn weekday(self) -> &'static str {
        WEEKDAYS[self.weekday_index()]
    }

    fn month(self) -> &'static str {
        MONTHS[self.m as usize - 1]
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    fn iso_month(self) -> String {
        format!("{:04}-{:02}", self.y, self.m)
    }

    /// `days` later.
    fn add_days(self, days: u32) -> Self {
        let mut date = self;
        for _ in 0..days {
            date.d += 1;
            if date.d > days_in_month(date.y, date.m) {
                date.d = 1;
                date.m += 1;
                if date.m > 12 {
                    date.m = 1;
                    date.y += 1;
                }
            }
        }
        date
    }

    /// Days since 1 March of year 0 (for differences only).
    fn day_number(self) -> i64 {
        let (y, m) = if self.m < 3 {
            (i64::from(self.y) - 1, i64::from(self.m) + 9)
        } else {
            (i64::from(self.y), i64::from(self.m) - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(self.d) - 1
    }

    /// `21st`.
    fn nth(self) -> String {
        ordinal(self.d)
    }
}

/// Days from `a` to `b`.
fn days_between(a: Date, b: Date) -> i64 {
    b.day_number() - a.day_number()
}

fn ordinal(d: u32) -> String {
    let suffix = match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// `512,431`.
fn commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const NUMBER_WORDS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Who held which role (public record; the dates match nectar's curated table).

const LEADERS: &[(&str, &str, &str)] = &[
    ("Gordon Brown", "2007-06-24", "2010-05-11"),
    ("Ed Miliband", "2010-09-25", "2015-05-08"),
    ("Jeremy Corbyn", "2015-09-12", "2020-04-04"),
    ("Keir Starmer", "2020-04-04", "2099-12-31"),
];

const DEPUTIES: &[(&str, &str, &str)] = &[
    ("Harriet Harman", "2007-06-24", "2015-09-12"),
    ("Tom Watson", "2015-09-12", "2019-12-12"),
    ("Angela Rayner", "2020-04-04", "2025-09-05"),
    ("Lucy Powell", "2025-10-25", "2099-12-31"),
];

const GENERAL_SECRETARIES: &[(&str, &str, &str)] = &[
    ("Ray Collins", "2008-07-01", "2011-09-30"),
    ("Iain McNicol", "2011-10-01", "2018-03-01"),
    ("Jennie Formby", "2018-03-23", "2020-05-01"),
    ("David Evans", "2020-05-20", "2025-03-31"),
    ("Hollie Ridley", "2025-04-01", "2099-12-31"),
];

/// Who held a role on `date`, a day away from either end of their tenure.
fn holder(table: &[(&'static str, &str, &str)], date: Date) -> Option<&'static str> {
    let day = date.iso();
    table
        .iter()
        .find(|(_, from, to)| *from < day.as_str() && day.as_str() < *to)
        .map(|(name, _, _)| *name)
}

/// Party membership around the start of each year, 2010 to 2025 (rounded public figures).
const MEMBERSHIP: [u64; 16] = [
    190_000, 193_000, 187_000, 189_000, 190_000, 300_000, 515_000, 552_000, 540_000, 510_000,
    550_000, 430_000, 420_000, 390_000, 370_000, 310_000,
];

// ---------------------------------------------------------------------------------------------
// The plan of a report: its facts, chosen first, then written out in a layout.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Full,
    AwayDay,
    Special,
    Emergency,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Full => "full",
            Kind::AwayDay => "away_day",
            Kind::Special => "special",
            Kind::Emergency => "emergency",
        }
    }
}

/// A block of a report's body.
#[derive(Debug, Clone)]
enum Block {
    Para(String),
    Heading(String),
    Bullets(Vec<String>),
}

/// The facts expected of a report, gathered while its body is written.
#[derive(Debug, Default)]
struct Facts {
    /// The primary meeting's last day, when it ran over two days.
    end_date: Option<String>,
    duration: Option<Value>,
    other_meetings_must: Vec<Value>,
    membership: Vec<Value>,
    votes: Vec<Value>,
    other_meetings: Vec<Value>,
    figures: Vec<Value>,
    decisions: Vec<Value>,
    people: Vec<Value>,
    sections: Vec<String>,
}

/// Picks one of a family's phrasings: `variants` lists the ones in use (see the module's
/// docs for those left out).
fn variant(rng: &mut Rng, variants: &[u32]) -> u32 {
    *rng.pick(variants)
}

// The phrasings in use, by number. Those left out are numbers that nectar misreads today
// (listed in the module's docs): when nectar reads one, put its number back.

/// How the sentence of an away day over two days starts.
const TWO_DAYS: &str = "The NEC away day ran over two days";

/// Meeting sentences of a full NEC (see [`Plan::primary_sentence`]).
const PRIMARY_FULL: &[u32] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
];
/// Duration phrasings (see [`duration`]).
const DURATIONS: &[u32] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
];
/// Membership phrasings (see [`Plan::membership`]).
const MEMBERSHIPS: &[u32] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
];
/// Vote phrasings (see [`vote`]).
const VOTES: &[u32] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
];
/// Decision phrasings (see [`Plan::decision`]).
const DECISIONS: &[u32] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/// Committee meeting phrasings (see [`committee`]).
const COMMITTEES: &[u32] = &[0, 1, 2, 3, 4, 5];
/// Figures that are not membership (see [`Plan::figure`]).
const FIGURES: &[u32] = &[0, 1, 2, 3, 4, 5, 6, 7, 8];
/// Blogger page styles (see [`Plan::blogger`]).
const BLOGGER_STYLES: &[u32] = &[0, 1, 2, 3];

struct Plan {
    source: &'static str,
    meeting: Date,
    published: Date,
    kind: Kind,
    author: &'static str,
    coauthor: &'static str,
    target: usize,
    /// Whether the page shows (or its sidecar gives) the publication date.
    dated: bool,
}

impl Plan {
    fn new(rng: &mut Rng, source: &'static str) -> Self {
        let y = rng.range(2010, 2025) as i32;
        let m = rng.range(1, 12);
        let d = rng.range(8, 28);
        let meeting = Date::new(y, m, d);
        // Published the same day or up to nine days later, sometimes in the next month or year.
        let published = meeting.add_days(rng.range(0, 9));
        let kind = match rng.below(100) {
            0..=81 => Kind::Full,
            82..=89 => Kind::AwayDay,
            90..=95 => Kind::Special,
            _ => Kind::Emergency,
        };
        let author = *rng.pick(AUTHORS);
        let mut coauthor = *rng.pick(AUTHORS);
        while coauthor == author {
            coauthor = *rng.pick(AUTHORS);
        }
        // 2 KB plus the largest of three uniform draws of up to 17 KB: about 15 KB on average
        // (the page around the body adds a little), never over 20 KB.
        let draw = |rng: &mut Rng| rng.below(17 * 1024) as usize;
        let target = MIN_BYTES + draw(rng).max(draw(rng)).max(draw(rng));
        // Blogger and WordPress pages show the date; a LabourList sidecar gives it or not.
        let dated = match source {
            "blogger" | "wordpress" => true,
            "labourlist" => rng.chance(70),
            _ => false,
        };
        Self {
            source,
            meeting,
            published,
            kind,
            author,
            coauthor,
            target,
            dated,
        }
    }

    /// Whether paragraphs are one line each (CLGA, LabourList) rather than blank-separated.
    fn one_line(&self) -> bool {
        matches!(self.source, "clga" | "labourlist")
    }

    fn render(&self, rng: &mut Rng) -> SynthReport {
        let mut facts = Facts::default();
        let blocks = self.body(rng, &mut facts);
        match self.source {
            "blogger" => self.blogger(rng, blocks, facts),
            "clga" => self.clga(rng, blocks, facts),
            "labourlist" => self.labourlist(rng, blocks, facts),
            "progress" => self.progress(rng, blocks, facts),
            _ => self.wordpress(rng, blocks, facts),
        }
    }

    /// A later month of the meeting's year, if there is one.
    fn later_month(&self, rng: &mut Rng) -> Option<Date> {
        (self.meeting.m < 12).then(|| {
            let m = rng.range(self.meeting.m + 1, 12);
            Date::new(self.meeting.y, m, 1)
        })
    }

    // -----------------------------------------------------------------------------------------
    // The body, shared by every layout.

    fn body(&self, rng: &mut Rng, facts: &mut Facts) -> Vec<Block> {
        let heads = self.source == "labourlist";
        // The blocks of facts; filler paragraphs go into the gaps between them.
        let mut blocks: Vec<Block> = Vec::new();
        let heading = |blocks: &mut Vec<Block>, facts: &mut Facts, h: &str| {
            if heads {
                blocks.push(Block::Heading(h.to_owned()));
                facts.sections.push(h.to_owned());
            }
        };

        // Opening: the primary meeting and how long it lasted.
        let mut open = self.primary_sentence(rng);
        if open.starts_with(TWO_DAYS) {
            let d = self.meeting;
            facts.end_date = Some(format!("{:04}-{:02}-{:02}", d.y, d.m, d.d + 1));
        }
        if rng.chance(75) {
            let (sentence, fact) = duration(rng);
            open.push(' ');
            open.push_str(&sentence);
            facts.duration = Some(fact);
        }
        open.push(' ');
        open.push_str(&filler_sentences(rng, 1, 2));
        blocks.push(Block::Para(open));

        // The leader's and deputy's reports.
        if let Some(leader) = holder(LEADERS, self.meeting) {
            heading(&mut blocks, facts, "Leader’s report");
            let topic = rng.pick(LEADER_TOPICS);
            let s = match rng.below(3) {
                0 => format!("{leader} gave the leader’s report, which concentrated on {topic}."),
                1 => format!("In the leader’s report, {leader} spoke mainly about {topic}."),
                _ => format!("{leader}, the party leader, opened with a report on {topic}."),
            };
            blocks.push(Block::Para(format!("{s} {}", filler_sentences(rng, 1, 3))));
            facts.people.push(json!({"name": leader, "role": "Leader"}));
        }
        if let Some(deputy) = holder(DEPUTIES, self.meeting).filter(|_| rng.chance(50)) {
            let topic = rng.pick(LEADER_TOPICS);
            blocks.push(Block::Para(format!(
                "{deputy}, the deputy leader, reported on {topic}. {}",
                filler_sentences(rng, 1, 2)
            )));
            facts
                .people
                .push(json!({"name": deputy, "role": "Deputy Leader"}));
        }

        // The general secretary's report: membership and other figures.
        heading(&mut blocks, facts, "General secretary’s report");
        let mut gs_para = match holder(GENERAL_SECRETARIES, self.meeting) {
            Some(gs) => {
                facts
                    .people
                    .push(json!({"name": gs, "role": "General Secretary"}));
                format!("{gs}, the general secretary, gave the report on the party’s organisation.")
            }
            None => "The general secretary’s report covered the party’s organisation.".to_owned(),
        };
        if rng.chance(85) {
            let (s, fact) = self.membership(rng);
            gs_para.push(' ');
            gs_para.push_str(&s);
            facts.membership.push(fact);
        }
        let mut kinds: Vec<u32> = FIGURES.to_vec();
        for _ in 0..rng.range(0, 3) {
            let k = kinds.remove(rng.below(kinds.len() as u64) as usize);
            let (s, fact) = self.figure(rng, k);
            gs_para.push(' ');
            gs_para.push_str(&s);
            facts.figures.push(fact);
        }
        let more = filler_sentences(rng, 0, 2);
        if !more.is_empty() {
            gs_para.push(' ');
            gs_para.push_str(&more);
        }
        blocks.push(Block::Para(gs_para));

        // Decisions and votes.
        heading(&mut blocks, facts, "Decisions");
        let mut subjects: Vec<&str> = SUBJECTS.to_vec();
        let mut take_subject =
            |rng: &mut Rng| subjects.remove(rng.below(subjects.len() as u64) as usize);
        let mut items = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let subject = take_subject(rng);
            let (s, fact, meeting) = self.decision(rng, subject);
            items.push(s);
            facts.decisions.push(fact);
            facts.other_meetings.extend(meeting);
        }
        for _ in 0..rng.range(0, 3) {
            let subject = take_subject(rng);
            let (s, fact) = vote(rng, subject);
            items.push(s);
            facts.votes.push(fact);
        }
        for i in (1..items.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
        if matches!(self.source, "blogger" | "progress") && rng.chance(50) {
            blocks.push(Block::Para("Then to the decisions:".to_owned()));
            blocks.push(Block::Bullets(items));
        } else {
            blocks.push(Block::Para(items.join(" ")));
        }

        // Committees that met earlier in the month; a CLGA report may open with them.
        let committees_first = self.source == "clga" && rng.chance(50);
        if rng.chance(50) {
            let mut sentences = Vec::new();
            let mut days: Vec<u32> = (1..self.meeting.d).collect();
            for (name, kind) in [
                ("Organisation Committee", "organisation_committee"),
                ("Equalities Committee", "equalities_committee"),
                ("Disputes Panel", "disputes_panel"),
            ] {
                if !rng.chance(50) || days.is_empty() {
                    continue;
                }
                let day = days.remove(rng.below(days.len() as u64) as usize);
                let date = Date::new(self.meeting.y, self.meeting.m, day);
                let (s, quote, template) = committee(rng, name, date);
                sentences.push(s);
                facts.other_meetings_must.push(
                    json!({"date": date.iso(), "kind": kind, "quote": quote, "template": template}),
                );
            }
            if !sentences.is_empty() {
                sentences.push(filler_sentences(rng, 1, 2));
                let para = Block::Para(sentences.join(" "));
                if committees_first {
                    blocks.insert(0, para);
                } else {
                    heading(&mut blocks, facts, "Committees");
                    blocks.push(para);
                }
            }
        }

        // The closing, sometimes with the next meeting's month.
        let mut closing = (*rng.pick(CLOSINGS)).to_owned();
        let named = |date: &Date| {
            facts
                .other_meetings
                .iter()
                .any(|m| m["date"] == json!(date.iso_month()))
        };
        if let Some(next) = self
            .later_month(rng)
            .filter(|d| rng.chance(40) && !named(d))
        {
            let q = format!("The next NEC meeting will be in {}", next.month());
            closing = format!("{q}. {closing}");
            facts.other_meetings.push(
                json!({"date": next.iso_month(), "kind": "full", "quote": q, "template": "next/0"}),
            );
        }

        // Filler paragraphs up to the target size, spread over the gaps after each block
        // (never before the opening, never straight after a heading).
        // The body's size is between `low` and `high` (paragraph breaks of one or two bytes,
        // bullets of up to 12); the rest of the page adds between CHROME_MIN and CHROME_MAX.
        let mut low: usize = blocks.iter().map(|b| block_len(b).0).sum::<usize>() + closing.len();
        let mut high: usize =
            blocks.iter().map(|b| block_len(b).1).sum::<usize>() + closing.len() + 2;
        let gaps: Vec<usize> = (0..blocks.len())
            .filter(|&i| !matches!(blocks[i], Block::Heading(_)))
            .collect();
        let mut fill: Vec<Vec<String>> = vec![Vec::new(); blocks.len()];
        loop {
            let para = filler_sentences(rng, 3, 6);
            if low + CHROME_MIN >= self.target || high + para.len() + 2 + CHROME_MAX > MAX_BYTES {
                break;
            }
            low += para.len() + 1;
            high += para.len() + 2;
            fill[*rng.pick(&gaps)].push(para);
        }
        let mut out = Vec::new();
        for (b, f) in blocks.into_iter().zip(fill) {
            out.push(b);
            out.extend(f.into_iter().map(Block::Para));
        }
        out.push(Block::Para(closing));
        out
    }

    fn primary_sentence(&self, rng: &mut Rng) -> String {
        let d = self.meeting;
        let (wd, day, month, nth, y) = (d.weekday(), d.d, d.month(), d.nth(), d.y);
        let mon = &month[..3];
        match self.kind {
            Kind::Full => match variant(rng, PRIMARY_FULL) {
                0 => format!("The NEC met on {wd} {day} {month} at the party’s headquarters."),
                1 => format!(
                    "The full National Executive Committee met on {month} {nth}, and the room was full."
                ),
                2 => {
                    format!("At the NEC meeting on {wd} {nth} {month}, the mood was businesslike.")
                }
                3 => format!("The NEC held its regular meeting on {day} {month} {y}."),
                4 => format!("The full NEC met on {wd} {nth} {month} in London."),
                5 => format!("Labour’s National Executive Committee met on {day} {month}."),
                6 => format!("The NEC met on {wd}, {day} {month} {y}."),
                7 => format!("The NEC met on the {nth} of {month} in London."),
                8 => format!(
                    "The NEC meeting of {nth} {month} was held at the party’s headquarters."
                ),
                9 => format!("The NEC met on {day} {mon} {y}."),
                10 => format!("At the NEC on {wd} the {nth} of {month}, the agenda was long."),
                11 => format!("The NEC met in London on {month} {day}, {y}."),
                12 => format!("The NEC met on {nth} {month} for its regular business."),
                13 => format!("The NEC’s {month} meeting was held on {wd} the {nth}."),
                14 => format!(
                    "The NEC met on {day}/{}/{y} at the party’s headquarters.",
                    d.m
                ),
                16 => format!("{wd} {day} {month}’s NEC was a long one."),
                17 => {
                    format!("The {day} {month} NEC meeting was held at the party’s headquarters.")
                }
                18 => format!("On {day} {month}, the NEC met at the party’s headquarters."),
                _ => {
                    // Relative to the publication date, where the page has one.
                    let gap = days_between(d, self.published);
                    match gap {
                        0 if self.dated => {
                            "The NEC met today at the party’s headquarters.".to_owned()
                        }
                        1 if self.dated => {
                            "Yesterday’s NEC meeting covered a great deal of ground.".to_owned()
                        }
                        2..=6 if self.dated => {
                            format!("The NEC met last {wd} at the party’s headquarters.")
                        }
                        _ => format!(
                            "The NEC met on {wd} {day} {month} at the party’s headquarters."
                        ),
                    }
                }
            },
            Kind::AwayDay => match rng.below(4) {
                0 => format!(
                    "The NEC away day was held on {day} {month} {y}, away from the usual committee rooms."
                ),
                1 => format!("On {wd} {nth} {month} the NEC held its annual away day."),
                2 => format!("The NEC’s away day on {day} {month} was given over to strategy."),
                _ if day < days_in_month(y, d.m) => {
                    format!("{TWO_DAYS}, {day}-{} {month} {y}, outside London.", day + 1)
                }
                _ => format!("On {wd} {nth} {month} the NEC held its annual away day."),
            },
            Kind::Special => match rng.below(2) {
                0 => format!("A special meeting of the NEC was held on {wd} {day} {month}."),
                _ => format!(
                    "The NEC met on {day} {month} {y} for a special session on the party’s rules."
                ),
            },
            Kind::Emergency => match rng.below(2) {
                0 => format!("An emergency meeting of the NEC was called for {wd} {day} {month}."),
                _ => format!("The NEC held an emergency session on {day} {month} {y}."),
            },
        }
    }

    fn membership(&self, rng: &mut Rng) -> (String, Value) {
        let y = self.meeting.y;
        let base = MEMBERSHIP[(y - 2010) as usize];
        let v = base * (95 + rng.below(11)) / 100;
        let exact = v + rng.below(1000);
        let round = v / 1000 * 1000;
        let (r, e) = (commas(round), commas(exact));
        let as_of = self.meeting.iso();
        let mut k = variant(rng, MEMBERSHIPS);
        if matches!(k, 5 | 15 | 17) && v < 500_000 {
            k = 0;
        }
        let (s, value, qualifier, quote, as_of) = match k {
            0 => {
                let q = format!("Membership is now {e}");
                (format!("{q}."), exact, "exact", q, as_of)
            }
            1 => {
                let q = format!("the party has around {r} members");
                (format!("We were told that {q}."), round, "around", q, as_of)
            }
            2 => {
                let q = format!("individual membership is a little over {r}");
                (format!("We heard that {q}."), round, "over", q, as_of)
            }
            3 => {
                let q = format!("Membership of the party is just under {r}");
                (format!("{q}."), round, "under", q, as_of)
            }
            4 => {
                let q = format!("membership stood at {e}");
                (
                    format!("The report said that {q}."),
                    exact,
                    "exact",
                    q,
                    as_of,
                )
            }
            5 => {
                let q = "over half a million members".to_owned();
                (
                    format!("The party still has {q}."),
                    500_000,
                    "over",
                    q,
                    as_of,
                )
            }
            6 => {
                let q = format!("membership at the end of {} was {e}", y - 1);
                let as_of = format!("{}-12-31", y - 1);
                (format!("We heard that {q}."), exact, "exact", q, as_of)
            }
            7 => {
                let q = format!("The party now has {e} members");
                (format!("{q}."), exact, "exact", q, as_of)
            }
            8 => {
                let q = format!("Membership has risen to {e}");
                (format!("{q}."), exact, "exact", q, as_of)
            }
            9 => {
                let q = format!("total membership of {e}");
                (format!("The report gave a {q}."), exact, "exact", q, as_of)
            }
            10 => {
                let q = format!("we’re at {}k members", v / 1000);
                (format!("In short, {q}."), round, "exact", q, as_of)
            }
            11 => {
                let q = format!("Membership is roughly {r}");
                (format!("{q}."), round, "around", q, as_of)
            }
            12 => {
                let q = format!("The membership figure is about {r}");
                (format!("{q}."), round, "around", q, as_of)
            }
            13 => {
                let q = format!("Membership is well over {r}");
                (format!("{q}."), round, "over", q, as_of)
            }
            14 => {
                let q = format!("We have {e} members");
                (format!("{q}, the report said."), exact, "exact", q, as_of)
            }
            16 => {
                let q = format!("a membership of {e}");
                (format!("The party has {q}."), exact, "exact", q, as_of)
            }
            17 => {
                let q = "half a million members".to_owned();
                (
                    format!("The party has some {q}."),
                    500_000,
                    "around",
                    q,
                    as_of,
                )
            }
            18 => {
                let q = format!("membership now stands at {e}");
                (format!("We heard that {q}."), exact, "exact", q, as_of)
            }
            19 => {
                let q = format!("Membership is up to {e}");
                (format!("{q}."), exact, "exact", q, as_of)
            }
            20 => {
                let q = format!("Membership: {e}");
                (format!("{q}."), exact, "exact", q, as_of)
            }
            21 => {
                let q = format!("Membership is just shy of {r}");
                (format!("{q}."), round, "under", q, as_of)
            }
            22 => {
                let q = format!("upwards of {r} members");
                (format!("The party has {q}."), round, "over", q, as_of)
            }
            23 => {
                let q = format!("almost {r} members");
                (format!("The party has {q}."), round, "under", q, as_of)
            }
            24 => {
                let q = format!("more than {r} members");
                (format!("The party has {q}."), round, "over", q, as_of)
            }
            25 => {
                let q = format!("nearly {r} members");
                (format!("The party has {q}."), round, "under", q, as_of)
            }
            _ => {
                let q = "just over half a million members".to_owned();
                (format!("The party has {q}."), 500_000, "over", q, as_of)
            }
        };
        (
            s,
            json!({"value": value, "qualifier": qualifier, "as_of": as_of, "quote": quote,
                "template": format!("membership/{k}")}),
        )
    }

    fn figure(&self, rng: &mut Rng, k: u32) -> (String, Value) {
        let (s, mut fact) = match k {
            0 => {
                let n = u64::from(rng.range(5, 40)) * 1000;
                let q = format!("Roughly {} members are currently in arrears", commas(n));
                (
                    format!("{q}."),
                    json!({"metric": "members_in_arrears", "value": n, "qualifier": "around", "quote": q}),
                )
            }
            1 => {
                let n = u64::from(rng.range(1000, 30000));
                let q = format!(
                    "{} new members have joined since the last report",
                    commas(n)
                );
                (
                    format!("In all, {q}."),
                    json!({"metric": "new_members", "value": n, "quote": q}),
                )
            }
            2 => {
                let n = u64::from(rng.range(900, 1400));
                let q = format!("{} delegates have registered for conference", commas(n));
                (
                    format!("So far {q}."),
                    json!({"metric": "conference_delegates", "value": n, "quote": q}),
                )
            }
            3 => {
                let n = u64::from(rng.range(250, 450));
                let q = format!("The party employs around {n} staff");
                (
                    format!("{q}."),
                    json!({"metric": "staff", "value": n, "qualifier": "around", "quote": q}),
                )
            }
            4 => {
                let tenths = u64::from(rng.range(15, 95));
                let q = format!("£{}.{} million", tenths / 10, tenths % 10);
                (
                    format!("The party’s remaining bank debt is now {q}."),
                    json!({"metric": "debt", "value": tenths * 100_000, "unit": "gbp", "quote": q}),
                )
            }
            5 => {
                let p = rng.range(20, 60);
                let q = format!("{p}% of members have joined since the last general election");
                (
                    format!("Some {q}."),
                    json!({"metric": "joined_since_percent", "value": p, "unit": "percent", "quote": q}),
                )
            }
            6 => {
                let p = rng.range(20, 60);
                let q = format!("Turnout in the recent members’ ballot was {p}%");
                (
                    format!("{q}."),
                    json!({"metric": "turnout_percent", "value": p, "unit": "percent", "quote": q}),
                )
            }
            7 => {
                let p = rng.range(35, 55);
                let q = format!("{p} per cent of members are women");
                (
                    format!("We heard that {q}."),
                    json!({"metric": "women_percent", "value": p, "unit": "percent", "quote": q}),
                )
            }
            _ => {
                let n = u64::from(rng.range(150, 900));
                let q = format!("{n} complaints are still outstanding");
                (
                    format!("There are {q}."),
                    json!({"metric": "complaints", "value": n, "quote": q}),
                )
            }
        };
        fact["template"] = json!(format!("figure/{k}"));
        (s, fact)
    }

    /// A decision on `subject`: (sentence, fact, a later meeting it names).
    fn decision(&self, rng: &mut Rng, subject: &str) -> (String, Value, Option<Value>) {
        let cap = capitalise(subject);
        let mut k = variant(rng, DECISIONS);
        let later = self.later_month(rng);
        if k == 8 && later.is_none() {
            k = 2;
        }
        let mut meeting = None;
        let (s, outcome, quote) = match k {
            0 => {
                let q = format!("We agreed {subject}");
                (format!("{q}."), "agreed", q)
            }
            1 => {
                let q = format!("The NEC agreed {subject}");
                (format!("{q} without a vote."), "agreed", q)
            }
            2 => {
                let q = format!("A paper on {subject} was deferred");
                (
                    format!("{q} so that more work can be done on it."),
                    "deferred",
                    q,
                )
            }
            3 => {
                let q = format!("We noted a report on {subject}");
                (format!("{q}."), "noted", q)
            }
            4 => {
                let n = NUMBER_WORDS[rng.range(2, 5) as usize];
                let to = rng.pick(ELECTED_TO);
                let q = format!("{} NEC members were elected to {to}", capitalise(n));
                (format!("{q}."), "elected", q)
            }
            5 => {
                let q = format!("{cap} was approved");
                (format!("{q}."), "approved", q)
            }
            6 => {
                let q = format!("{cap} was rejected");
                (format!("{q} after a short debate."), "rejected", q)
            }
            7 => {
                let q = format!("{cap} was carried unanimously");
                (format!("{q}."), "agreed", q)
            }
            8 => {
                let month = later.map_or("", Date::month);
                let q = format!("was deferred to the {month} meeting");
                if let Some(date) = later {
                    meeting = Some(json!({"date": date.iso_month(), "kind": "full",
                        "quote": format!("the {month} meeting"), "template": "decision/8"}));
                }
                (format!("A paper on {subject} {q}."), "deferred", q)
            }
            _ => {
                let q = format!("{cap} was narrowly defeated");
                (format!("{q}."), "defeated", q)
            }
        };
        (
            s,
            json!({"outcome": outcome, "quote": quote, "template": format!("decision/{k}")}),
            meeting,
        )
    }
}

/// The largest report, in bytes.
const MAX_BYTES: usize = 20 * 1024;
/// The smallest report, in bytes (the smallest size aimed at).
const MIN_BYTES: usize = 2 * 1024;
/// Bounds on what a layout adds to the body: title, date and author lines, clutter, comments.
const CHROME_MIN: usize = 100;
const CHROME_MAX: usize = 1800;

/// Bounds on a block's rendered size in any layout.
fn block_len(b: &Block) -> (usize, usize) {
    match b {
        Block::Para(s) | Block::Heading(s) => (s.len() + 1, s.len() + 2),
        Block::Bullets(items) => (
            items.iter().map(|i| i.len() + 1).sum(),
            items.iter().map(|i| i.len() + 13).sum::<usize>() + 2,
        ),
    }
}

/// `lo` to `hi` different filler sentences.
fn filler_sentences(rng: &mut Rng, lo: u32, hi: u32) -> String {
    let n = rng.range(lo, hi) as usize;
    let mut chosen: Vec<&str> = Vec::with_capacity(n);
    while chosen.len() < n {
        let s = *rng.pick::<&str>(FILLER);
        if !chosen.contains(&s) {
            chosen.push(s);
        }
    }
    chosen.join(" ")
}

/// A duration sentence and the primary meeting's expected fact.
fn duration(rng: &mut Rng) -> (String, Value) {
    let h = rng.range(2, 9);
    let w = NUMBER_WORDS[h as usize];
    let hours = f64::from(h);
    let k = variant(rng, DURATIONS);
    let (s, hours, qualifier, quote) = match k {
        0 => {
            let q = format!("lasted {w} hours");
            (format!("The meeting {q}."), hours, "exact", q)
        }
        1 => {
            let q = format!("lasted {w} and a half hours");
            (format!("It {q}."), hours + 0.5, "exact", q)
        }
        2 => {
            let q = format!("over {h} hours");
            (format!("We sat for {q}."), hours, "over", q)
        }
        3 => {
            let q = format!("lasted just under {w} hours");
            (format!("It {q}."), hours, "under", q)
        }
        4 => {
            let q = format!("around {w} hours");
            (format!("It ran for {q}."), hours, "around", q)
        }
        5 | 13 | 17 | 18 | 23 => {
            // From a morning start to an afternoon end, in five notations.
            let starts = [(9, 30), (10, 0), (10, 30), (11, 0)];
            let ends = [(15, 0), (16, 0), (16, 30), (17, 15)];
            let (sh, sm) = *rng.pick(&starts);
            let (eh, em) = *rng.pick(&ends);
            let minutes = (eh * 60 + em) - (sh * 60 + sm);
            let h12 = |h: u32| if h > 12 { h - 12 } else { h };
            // `10am`, `4.30pm`.
            let short = |h: u32, m: u32| {
                if m == 0 {
                    format!("{}", h12(h))
                } else {
                    format!("{}.{m:02}", h12(h))
                }
            };
            let (q, s) = match k {
                5 => {
                    let q = format!("from {}am until {}pm", short(sh, sm), short(eh, em));
                    (q.clone(), format!("It ran {q}."))
                }
                13 => {
                    let q = format!("{}.{sm:02}-{}.{em:02}", h12(sh), h12(eh));
                    (
                        q.clone(),
                        format!("The meeting ran {q}, with a short break for lunch."),
                    )
                }
                17 => {
                    let q = format!("between {sh:02}:{sm:02} and {eh:02}:{em:02}");
                    (q.clone(), format!("We sat {q}."))
                }
                23 => {
                    let q = format!("{}-{}", short(sh, sm), short(eh, em));
                    (
                        q.clone(),
                        format!("The meeting ran {q}, with a short break for lunch."),
                    )
                }
                _ => {
                    let q = format!("{}am-{}pm", short(sh, sm), short(eh, em));
                    (q.clone(), format!("The session ran {q} in the end."))
                }
            };
            (s, f64::from(minutes) / 60.0, "exact", q)
        }
        6 => {
            let q = format!("{w}-hour");
            (format!("It was a {q} marathon."), hours, "exact", q)
        }
        7 => {
            let q = format!("just over {w} hours");
            (format!("We finished in {q}."), hours, "over", q)
        }
        8 => {
            let q = format!("nearly {w} hours");
            (format!("It went on for {q}."), hours, "under", q)
        }
        9 => {
            let q = format!("about {w} and a half hours");
            (format!("It lasted {q}."), hours + 0.5, "around", q)
        }
        10 => {
            let q = "a brisk ninety minutes".to_owned();
            (format!("It was over in {q}."), 1.5, "exact", q)
        }
        11 => {
            let m = *rng.pick(&[15u32, 20, 30, 40, 45]);
            let q = format!("{w} hours and {m} minutes");
            (
                format!("It lasted {q}."),
                hours + f64::from(m) / 60.0,
                "exact",
                q,
            )
        }
        12 => {
            let q = "an hour and a half".to_owned();
            (format!("The meeting took {q}."), 1.5, "exact", q)
        }
        14 => {
            let q = format!("more than {w} hours");
            (format!("We sat for {q}."), hours, "over", q)
        }
        19 => {
            let q = format!("almost {w} hours");
            (format!("It went on for {q}."), hours, "under", q)
        }
        20 => {
            let q = format!("well over {w} hours");
            (format!("It lasted {q}."), hours, "over", q)
        }
        21 => {
            let q = format!("a full {w} hours");
            (format!("It took {q}."), hours, "exact", q)
        }
        22 => {
            let q = format!("the best part of {w} hours");
            (format!("We sat for {q}."), hours, "under", q)
        }
        15 => {
            let q = format!("{h}.5 hours");
            (format!("It lasted {q}."), hours + 0.5, "exact", q)
        }
        _ => {
            let q = format!("a little under {w} hours");
            (format!("It lasted {q}."), hours, "under", q)
        }
    };
    (
        s,
        json!({"hours": (hours * 100.0).round() / 100.0, "qualifier": qualifier, "quote": quote,
            "template": format!("duration/{k}")}),
    )
}

/// A counted vote on `subject`: (sentence, fact).
fn vote(rng: &mut Rng, subject: &str) -> (String, Value) {
    let win = rng.range(12, 26);
    let lose = rng.range(2, (win - 1).min(36 - win));
    let cap = capitalise(subject);
    let k = variant(rng, VOTES);
    let (s, yes, no, abstain, outcome, quote) = match k {
        0 => {
            let q = format!("was carried by {win} votes to {lose}");
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        1 => {
            let q = format!("The NEC agreed {win}-{lose}");
            (
                format!("{q} to adopt {subject}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        2 => {
            let ab = rng.range(2, 3);
            let q = format!("{win} in favour, {lose} against and {ab} abstentions");
            (
                format!("{cap} was approved with {q}."),
                win,
                lose,
                Some(ab),
                "carried",
                q,
            )
        }
        3 => {
            let q = format!("was defeated by {win} votes to {lose}");
            (
                format!("Our proposal to reconsider {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        4 => {
            let q = format!("was lost by {lose} votes to {win}");
            (
                format!("An amendment on {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        5 => {
            let q = format!("was carried by {win} to {lose}, with one abstention");
            (format!("{cap} {q}."), win, lose, Some(1), "carried", q)
        }
        6 => {
            let q = format!("was agreed by {win} votes to {lose}");
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        7 => {
            let q = format!("was carried {win} to {lose}");
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        8 => {
            let q = format!("The NEC voted {win} to {lose}");
            (
                format!("{q} to approve {subject}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        9 => {
            let q = format!("was approved {win}-{lose}");
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        10 => {
            let q = format!("was lost {lose}–{win}");
            (
                format!("Our amendment on {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        11 => {
            let q = format!("was passed by {} votes to {}", words(win), words(lose));
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        12 => {
            let ab = rng.range(2, 3);
            let q = format!("was agreed by {win} votes to {lose}, with {ab} abstentions");
            (format!("{cap} {q}."), win, lose, Some(ab), "carried", q)
        }
        13 => {
            let q = format!("{win} for and {lose} against");
            (
                format!("{cap} went through with {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        14 => {
            let q = format!("was defeated {lose}-{win}");
            (
                format!("Our motion on {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        15 => {
            let q = format!("by a vote of {win} to {lose}");
            (
                format!("{cap} was backed {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        16 => {
            let q = format!("was narrowly carried by {win} votes to {lose}");
            (format!("{cap} {q}."), win, lose, None, "carried", q)
        }
        17 => {
            let q = format!("{win} votes to {lose}");
            (
                format!("{cap} was backed, {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        18 => {
            let q = format!("was rejected by {win} votes to {lose}");
            (format!("{cap} {q}."), lose, win, None, "defeated", q)
        }
        19 => {
            let q = format!("fell by {win} votes to {lose}");
            (
                format!("A motion on {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        20 => {
            let ab = rng.range(2, 3);
            let q = format!("was carried by {win} votes to {lose} with {ab} abstentions");
            (format!("{cap} {q}."), win, lose, Some(ab), "carried", q)
        }
        21 => {
            let q = format!("was agreed {win}-{lose} with one abstention");
            (format!("{cap} {q}."), win, lose, Some(1), "carried", q)
        }
        22 => {
            let q = format!("{win} votes for and {lose} against");
            (
                format!("{cap} was carried with {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        23 => {
            let q = format!("won the vote {win}-{lose}");
            (
                format!("Supporters of {subject} {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
        24 => {
            let q = format!("was voted down {win}-{lose}");
            (
                format!("An amendment on {subject} {q}."),
                lose,
                win,
                None,
                "defeated",
                q,
            )
        }
        _ => {
            let q = format!("{win} to {lose} in favour");
            (
                format!("{cap} was backed {q}."),
                win,
                lose,
                None,
                "carried",
                q,
            )
        }
    };
    (
        s,
        json!({"for": yes, "against": no, "abstain": abstain, "outcome": outcome, "quote": quote,
            "template": format!("vote/{k}")}),
    )
}

/// A committee meeting sentence: (sentence, quote, template).
fn committee(rng: &mut Rng, name: &str, date: Date) -> (String, String, String) {
    let (wd, day, month, nth) = (date.weekday(), date.d, date.month(), date.nth());
    let k = variant(rng, COMMITTEES);
    let (s, q) = match k {
        0 => {
            let q = format!("the {name} on {wd} {nth} {month}");
            (format!("Earlier in the month I attended {q}."), q)
        }
        1 => {
            let q = format!("The {name} met on {day} {month}");
            (format!("{q} and dealt mainly with routine business."), q)
        }
        2 => {
            let q = format!("{name} ({day} {month})");
            (
                format!("Since my last report I have also sat on the {q}."),
                q,
            )
        }
        3 => {
            let q = format!("On {wd} {day} {month} the {name}");
            (format!("{q} met to clear a backlog of cases."), q)
        }
        4 => {
            let q = format!("the NEC {name} on {nth} {month}");
            (format!("I also attended {q}."), q)
        }
        _ => {
            let q = format!("the {name} on {month} {nth}");
            (format!("I went to {q} as well."), q)
        }
    };
    (s, q, format!("committee/{k}"))
}

/// A count in words (`twenty-one`).
fn words(n: u32) -> String {
    const TEENS: [&str; 7] = [
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    match n {
        0..=12 => NUMBER_WORDS[n as usize].to_owned(),
        13..=19 => TEENS[n as usize - 13].to_owned(),
        _ => {
            let tens = ["twenty", "thirty"][(n / 10 - 2) as usize];
            match n % 10 {
                0 => tens.to_owned(),
                u => format!("{tens}-{}", NUMBER_WORDS[u as usize]),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layouts.

impl Plan {
    fn render_body(&self, blocks: &[Block], bullet: &str) -> String {
        let sep = if self.one_line() { "\n" } else { "\n\n" };
        let mut out = String::new();
        for b in blocks {
            match b {
                Block::Para(s) | Block::Heading(s) => out.push_str(s),
                Block::Bullets(items) => {
                    let lines: Vec<String> = items.iter().map(|i| format!("{bullet}{i}")).collect();
                    out.push_str(&lines.join("\n"));
                }
            }
            out.push_str(sep);
        }
        out
    }

    fn expected(&self, facts: Facts, head: Head) -> Value {
        let mut primary = json!({
            "date": self.meeting.iso(),
            "kind": self.kind.as_str(),
            "duration_hours": null,
        });
        if let Some(end) = &facts.end_date {
            primary["end_date"] = json!(end);
        }
        if let Some(d) = &facts.duration {
            primary["duration_hours"] = d["hours"].clone();
            primary["duration_qualifier"] = d["qualifier"].clone();
            primary["duration_quote"] = d["quote"].clone();
            primary["template"] = d["template"].clone();
        }
        let mut must = json!({
            "source": self.source,
            "report_kind": "nec_report",
            "title": head.title,
            "published": head.published,
            "authors": head.authors,
            "primary_meeting": primary,
            "other_meetings_must": facts.other_meetings_must,
            "membership": facts.membership,
            "votes": facts.votes,
            "comments": head.comments,
            "not_in_body": head.not_in_body,
        });
        if !facts.sections.is_empty() {
            must["sections"] = json!(facts.sections);
        }
        json!({
            "must": must,
            "should": {
                "other_meetings": facts.other_meetings,
                "figures": facts.figures,
                "decisions": facts.decisions,
                "people": facts.people,
            },
        })
    }

    fn finish(&self, text: String, expected: Value, sidecar: Option<Value>) -> SynthReport {
        SynthReport {
            stem: String::new(),
            source: self.source,
            text,
            expected,
            sidecar,
        }
    }

    fn blogger(&self, rng: &mut Rng, blocks: Vec<Block>, facts: Facts) -> SynthReport {
        let place = rng.pick(PLACES);
        let a = self.author;
        // The author is named in the tagline.
        let style = variant(rng, BLOGGER_STYLES);
        let tagline = match style {
            0 => format!(
                "Red Notes from {place} – {a} writes about Labour, local campaigning and life as a member of the NEC. The views here are mine and nobody else’s."
            ),
            1 => format!(
                "Letters from {place}, a blog by {a}. Reports from Labour’s national executive and the odd rant about buses."
            ),
            2 => format!("{a}’s blog – news and views from {place} and from Labour’s NEC."),
            _ => format!("Notes from {place}: Labour, the NEC and the campaign trail."),
        };
        let p = self.published;
        let header = format!("{}, {} {}, {}", p.weekday(), p.month(), p.d, p.y);
        let m = self.meeting;
        let title = match rng.below(3) {
            0 => format!("NEC Report – {} {} {}", m.d, m.month(), m.y),
            1 => format!("NEC report: {} {}", m.month(), m.y),
            _ => "Report from the NEC".to_owned(),
        };
        let mut text = format!("{tagline}\n\n{header}\n\n{title}\n\n");
        text.push_str(&self.render_body(&blocks, "·         "));
        if style == 3 {
            let at = Time {
                date: p,
                minute: rng.range(7 * 60, 23 * 60),
            };
            let _ = write!(text, "Posted by {a} at {}\n\n", at.twelve_hour());
        }
        text.push('\n');
        // Comments: on the day of publication and the day after.
        let n = rng.range(0, 5) as usize;
        let times = comment_times(rng, p, n);
        let mut first = Value::Null;
        let mut last = Value::Null;
        for (i, t) in times.iter().enumerate() {
            let (line, author) = if rng.chance(10) {
                (
                    "Anonymous Anonymous said...".to_owned(),
                    "Anonymous".to_owned(),
                )
            } else if rng.chance(10) {
                ("Anonymous said...".to_owned(), "Anonymous".to_owned())
            } else {
                let who = rng.pick(COMMENTERS);
                (format!("Blogger {who} said..."), (*who).to_owned())
            };
            let body = rng.pick(COMMENTS);
            let _ = write!(
                text,
                "{line}\n\n{body}\n\n{}, {} {}, {}\n\n",
                t.twelve_hour(),
                t.date.month(),
                t.date.d,
                t.date.y
            );
            let fact = json!({"author": author, "posted_at": t.iso()});
            if i == 0 {
                first = fact.clone();
            }
            last = fact;
        }
        text.push_str("Post a Comment\n\n<< Home\n\nSubscribe to: Post Comments (Atom)\n");
        let mut comments = json!({"count": n});
        if n > 0 {
            comments["first"] = first;
            comments["last"] = last;
        }
        let mut not_in_body: Vec<String> = vec![
            "Post a Comment".into(),
            "<< Home".into(),
            "Subscribe to: Post Comments".into(),
        ];
        if n > 0 {
            not_in_body.push("said...".into());
        }
        let head = Head {
            title: json!(title),
            published: json!(p.iso()),
            authors: vec![a.to_owned()],
            comments,
            not_in_body,
        };
        let expected = self.expected(facts, head);
        self.finish(text, expected, None)
    }

    fn clga(&self, rng: &mut Rng, blocks: Vec<Block>, facts: Facts) -> SynthReport {
        let (a, b) = (self.author, self.coauthor);
        let site = rng.pick(&[
            "labourhub.org.uk",
            "leftfutures.example.org",
            "grassrootsnotes.example.org",
        ]);
        let first = match rng.below(2) {
            0 => format!(
                "From {a} and {b}, your CLP representatives on the NEC for the Centre-Left Grassroots Alliance slate. Also published on {site}"
            ),
            _ => format!(
                "From {a} and {b}, constituency members of the NEC elected with the backing of the Centre-Left Grassroots Alliance (CLGA). Also published on {site}"
            ),
        };
        let title = format!("NEC Report – {} {}", self.meeting.month(), self.meeting.y);
        let mut text = format!("{first}\n{title}\n");
        text.push_str(&self.render_body(&blocks, "• "));
        let head = Head {
            title: json!(title),
            published: Value::Null,
            authors: vec![a.to_owned(), b.to_owned()],
            comments: json!({"count": 0}),
            not_in_body: vec![format!("Also published on {site}")],
        };
        let expected = self.expected(facts, head);
        self.finish(text, expected, None)
    }

    fn labourlist(&self, rng: &mut Rng, blocks: Vec<Block>, facts: Facts) -> SynthReport {
        let mut text = self.render_body(&blocks, "");
        text.push_str("More from LabourList\n");
        let mut headlines: Vec<&str> = HEADLINES.to_vec();
        let mut trailer = Vec::new();
        for _ in 0..3 {
            let h = headlines.remove(rng.below(headlines.len() as u64) as usize);
            let _ = writeln!(text, "{h}");
            trailer.push(h.to_owned());
        }
        let p = self.published;
        let title = *rng.pick(LL_TITLES);
        let slug: String = title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let url = format!("https://labourlist.org/{}/{:02}/{slug}/", p.y, p.m);
        let mut sidecar = json!({ "url": url });
        if self.dated {
            sidecar["published"] = json!(p.iso());
        }
        let with_title = rng.chance(60);
        let with_author = rng.chance(70);
        if with_title {
            sidecar["title"] = json!(title);
        }
        if with_author {
            sidecar["authors"] = json!([self.author]);
        }
        let mut not_in_body = vec!["More from LabourList".to_owned()];
        not_in_body.extend(trailer);
        let head = Head {
            title: if with_title {
                json!(title)
            } else {
                Value::Null
            },
            published: if self.dated {
                json!(p.iso())
            } else {
                Value::Null
            },
            authors: if with_author {
                vec![self.author.to_owned()]
            } else {
                Vec::new()
            },
            comments: json!({"count": 0}),
            not_in_body,
        };
        let expected = self.expected(facts, head);
        self.finish(text, expected, Some(sidecar))
    }

    fn progress(&self, rng: &mut Rng, blocks: Vec<Block>, facts: Facts) -> SynthReport {
        let (month, y) = (self.meeting.month(), self.meeting.y);
        let title = match rng.below(3) {
            0 => format!("NEC report: {month} {y}"),
            1 => format!("Inside the NEC, {month} {y}"),
            _ => format!("NEC update – {month} {y}"),
        };
        let a = self.author;
        let mut text = format!("Progress | Centre-left Labour politics\n\n{title}\n\n");
        text.push_str(&self.render_body(&blocks, "•      "));
        let bio = rng.pick(BIOS);
        let ask = rng.pick(ASKS);
        let box_bio = rng.pick(BIOS);
        let _ = write!(
            text,
            "\n{a} {bio}\n\n\nPhoto: Labour Party\n\nSupport Progress\n\n{ask}\n\nPrint Friendly, PDF & Email\n\n{a}\n\n{box_bio}\n\n"
        );
        let n = rng.range(0, 4) as usize;
        let count = if n == 1 {
            "1 comment".to_owned()
        } else {
            format!("{n} comments")
        };
        let _ = write!(text, "{count}\n\n");
        for _ in 0..n {
            let _ = writeln!(text, "  •  {}", rng.pick(COMMENTS));
        }
        if n > 0 {
            text.push('\n');
        }
        text.push_str("Sign up for the Progress newsletter\n");
        let mut comments = json!({"count": n});
        if n > 0 {
            let none = json!({"author": null, "posted_at": null});
            comments["first"] = none.clone();
            comments["last"] = none;
        }
        let head = Head {
            title: json!(title),
            published: Value::Null,
            authors: vec![a.to_owned()],
            comments,
            not_in_body: vec![
                "Progress | Centre-left Labour politics".into(),
                "Print Friendly, PDF & Email".into(),
                count,
                (*ask).to_owned(),
                "Photo: Labour Party".into(),
                format!("{a} {bio}"),
            ],
        };
        let expected = self.expected(facts, head);
        self.finish(text, expected, None)
    }

    fn wordpress(&self, rng: &mut Rng, blocks: Vec<Block>, facts: Facts) -> SynthReport {
        let a = self.author;
        let place = rng.pick(PLACES);
        let m = self.meeting;
        let title = match rng.below(3) {
            0 => format!("NEC report – {} {} {}", m.d, m.month(), m.y),
            1 => format!("NEC report: {} {}", m.month(), m.y),
            _ => "My report from the NEC".to_owned(),
        };
        let p = self.published;
        // A WordPress theme with a site header and `Posted on ... by ...`, or a plainer one
        // with a byline and a date line.
        let wordpress = rng.chance(70);
        let mut text = if wordpress {
            format!(
                "{a}\nLabour member in {place} • constituency rep on Labour’s NEC\nHome   About   NEC reports   Contact\n\n{title}\n\nPosted on {} {} {} by {a}\n\n",
                p.d,
                p.month(),
                p.y
            )
        } else {
            format!("{title}\n\nBy {a}\n{} {} {}\n\n", p.d, p.month(), p.y)
        };
        text.push_str(&self.render_body(&blocks, "• "));
        text.push_str("Share this:\nTwitter   Facebook   Email   Print\n\nLike this:\nBe the first to like this.\n\n");
        let n = rng.range(0, 3) as usize;
        let times = comment_times(rng, p, n);
        let mut first = Value::Null;
        let mut last = Value::Null;
        if n > 0 {
            let count = if n == 1 {
                "One thought".to_owned()
            } else {
                format!("{n} thoughts")
            };
            let _ = write!(text, "{count} on “{title}”\n\n");
        }
        for (i, t) in times.iter().enumerate() {
            let who = rng.pick(COMMENTERS);
            let _ = write!(
                text,
                "{who} says:\n{} {} {} at {}\n{}\nReply\n\n",
                t.date.d,
                t.date.month(),
                t.date.y,
                t.twelve_hour(),
                rng.pick(COMMENTS)
            );
            let fact = json!({"author": who, "posted_at": t.iso()});
            if i == 0 {
                first = fact.clone();
            }
            last = fact;
        }
        text.push_str("Leave a Reply\n");
        let mut comments = json!({"count": n});
        if n > 0 {
            comments["first"] = first;
            comments["last"] = last;
        }
        let mut not_in_body: Vec<String> = vec![
            "Share this:".into(),
            "Be the first to like this.".into(),
            "Leave a Reply".into(),
        ];
        if wordpress {
            not_in_body.push("Home   About   NEC reports".into());
        }
        let head = Head {
            title: json!(title),
            published: json!(p.iso()),
            authors: vec![a.to_owned()],
            comments,
            not_in_body,
        };
        let expected = self.expected(facts, head);
        self.finish(text, expected, None)
    }
}

/// What a layout says about a report besides its body's facts.
struct Head {
    title: Value,
    published: Value,
    authors: Vec<String>,
    comments: Value,
    not_in_body: Vec<String>,
}

/// A comment's time.
#[derive(Debug, Clone, Copy)]
struct Time {
    date: Date,
    minute: u32,
}

impl Time {
    fn twelve_hour(self) -> String {
        let (h, m) = (self.minute / 60, self.minute % 60);
        let (h12, half) = match h {
            0 => (12, "am"),
            1..=11 => (h, "am"),
            12 => (12, "pm"),
            _ => (h - 12, "pm"),
        };
        format!("{h12}:{m:02} {half}")
    }

    fn iso(self) -> String {
        format!(
            "{}T{:02}:{:02}",
            self.date.iso(),
            self.minute / 60,
            self.minute % 60
        )
    }
}

/// `n` increasing comment times from 7am on `day`, over that day and the next.
fn comment_times(rng: &mut Rng, day: Date, n: usize) -> Vec<Time> {
    let span: u32 = 2 * 24 * 60 - 7 * 60;
    let mut at: Vec<u32> = (0..n)
        .map(|_| 7 * 60 + rng.below(u64::from(span)) as u32)
        .collect();
    at.sort_unstable();
    at.into_iter()
        .map(|t| Time {
            date: day.add_days(t / (24 * 60)),
            minute: t % (24 * 60),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(Date::new(2017, 11, 21).weekday(), "Tuesday");
        assert_eq!(Date::new(2021, 2, 13).weekday(), "Saturday");
        assert_eq!(Date::new(2020, 9, 29).weekday(), "Tuesday");
        assert_eq!(Date::new(2015, 3, 3).weekday(), "Tuesday");
        assert_eq!(Date::new(2024, 2, 29).weekday(), "Thursday");
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(commas(512_431), "512,431");
        assert_eq!(commas(999), "999");
        assert_eq!(commas(1_000), "1,000");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(23), "23rd");
        let t = Time {
            date: Date::new(2021, 2, 13),
            minute: 20 * 60 + 15,
        };
        assert_eq!(t.twelve_hour(), "8:15 pm");
        assert_eq!(t.iso(), "2021-02-13T20:15");
    }

    #[test]
    fn deterministic() {
        let a: Vec<_> = generate(20, 7).collect();
        let b: Vec<_> = generate(20, 7).collect();
        assert_eq!(a, b);
        let c: Vec<_> = generate(20, 8).collect();
        assert_ne!(a[0].text, c[0].text);
    }

    #[test]
    fn layouts_take_turns_and_quotes_are_in_the_text() {
        for (i, r) in generate(200, 1).enumerate() {
            assert_eq!(r.source, SOURCES[i % SOURCES.len()]);
            let e = r.expected();
            assert_eq!(e.must.source, r.source);
            let mut quotes: Vec<String> = Vec::new();
            quotes.extend(e.must.membership.iter().filter_map(|f| f.quote.clone()));
            quotes.extend(e.must.votes.iter().filter_map(|v| v.quote.clone()));
            quotes.extend(
                e.must
                    .other_meetings_must
                    .iter()
                    .filter_map(|m| m.quote.clone()),
            );
            quotes.extend(e.should.figures.iter().filter_map(|f| f.quote.clone()));
            quotes.extend(e.should.decisions.iter().map(|d| d.quote.clone()));
            quotes.extend(
                e.must
                    .primary_meeting
                    .iter()
                    .filter_map(|p| p.duration_quote.clone()),
            );
            for q in quotes {
                assert!(r.text.contains(&q), "{}: {q:?} not in the text", r.stem);
            }
            for c in &e.must.not_in_body {
                assert!(r.text.contains(c.as_str()), "{}: clutter {c:?}", r.stem);
            }
            assert_eq!(r.sidecar.is_some(), r.source == "labourlist");
        }
    }

    #[test]
    fn sizes_are_between_2_and_20_kb_and_about_15_on_average() {
        let sizes: Vec<usize> = generate(3000, 3).map(|r| r.text.len()).collect();
        let min = *sizes.iter().min().expect("some");
        let max = *sizes.iter().max().expect("some");
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!(min >= 2 * 1024, "smallest {min}");
        assert!(max <= 20 * 1024, "largest {max}");
        assert!((13 * 1024..=17 * 1024).contains(&mean), "mean {mean}");
    }

    #[test]
    fn documents_carry_the_sidecar() {
        let r = report(2, 5);
        assert_eq!(r.source, "labourlist");
        let doc = r.document();
        let side = doc.sidecar.expect("a sidecar");
        assert!(
            side.url
                .as_deref()
                .is_some_and(|u| u.contains("labourlist.org/"))
        );
        assert_eq!(doc.source.url, side.url);
    }
}
