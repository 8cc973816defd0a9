//! One text's scans, each run at most once and shared by every finder that needs it.
//!
//! The finders lean on one another: money and counts must skip the numbers inside dates and
//! clock times, durations need the clock times and the sentences, a date's tense needs its
//! sentence, a vote's result needs its sentence. Called one by one on the same text
//! ([`find_dates`](crate::find_dates), [`find_quantities`](crate::find_quantities), ...), each
//! would find the dates, times and sentences again. A [`Scan`] finds each of them once, on
//! first use, and hands the same lists to every finder; the results are the same as the free
//! functions'.

use std::cell::OnceCell;

use nectar_model::Span;

use crate::clock::{ClockRange, ClockTime, find_joined_ranges, find_times};
use crate::dates::{DateMention, Tense, find_dates, tense_in};
use crate::durations::{DurationMatch, durations_in};
use crate::numbers::{NumberMatch, find_numbers};
use crate::quantities::{Quantity, quantities_in};
use crate::segment::sentences;
use crate::votes::{VoteMatch, votes_in};

/// The scans of one text, made lazily and kept.
///
/// ```
/// use nectar_text::Scan;
/// let text = "On 3 March the NEC met for over 7 hours. Membership is 512,000. \
///             The motion passed by 20 votes to 12.";
/// let scan = Scan::new(text);
/// assert_eq!(scan.dates().len(), 1);
/// assert_eq!(scan.sentences().len(), 3);
/// // Every count: the hours, the members and the votes (the day of the date is not one).
/// let q = scan.quantities();
/// assert_eq!(q.iter().map(|q| q.value).collect::<Vec<_>>(), [7.0, 512_000.0, 20.0, 12.0]);
/// assert_eq!(scan.durations()[0].hours, 7.0);
/// assert_eq!(scan.votes()[0].yes, Some(20));
/// // The sentence that holds a byte offset, found in the kept list.
/// let s = scan.sentence_around(text.find("512").unwrap());
/// assert_eq!(&text[s.start..s.end], "Membership is 512,000.");
/// ```
#[derive(Debug)]
pub struct Scan<'a> {
    text: &'a str,
    sentences: OnceCell<Vec<Span>>,
    dates: OnceCell<Vec<DateMention>>,
    numbers: OnceCell<Vec<NumberMatch>>,
    times: OnceCell<Vec<ClockTime>>,
    joined_ranges: OnceCell<Vec<ClockRange>>,
}

impl<'a> Scan<'a> {
    /// A scan of `text`; nothing is read until asked for.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            sentences: OnceCell::new(),
            dates: OnceCell::new(),
            numbers: OnceCell::new(),
            times: OnceCell::new(),
            joined_ranges: OnceCell::new(),
        }
    }

    /// The text scanned.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The sentences ([`sentences`](crate::sentences)).
    pub fn sentences(&self) -> &[Span] {
        self.sentences.get_or_init(|| sentences(self.text))
    }

    /// The date mentions ([`find_dates`](crate::find_dates)).
    pub fn dates(&self) -> &[DateMention] {
        self.dates.get_or_init(|| find_dates(self.text))
    }

    /// The numbers ([`find_numbers`](crate::find_numbers)).
    pub fn numbers(&self) -> &[NumberMatch] {
        self.numbers.get_or_init(|| find_numbers(self.text))
    }

    /// The explicit clock times.
    pub(crate) fn times(&self) -> &[ClockTime] {
        self.times.get_or_init(|| find_times(self.text))
    }

    /// The joined clock ranges (`from 10am until 4.30pm`, `9.30-5.30`).
    pub(crate) fn joined_ranges(&self) -> &[ClockRange] {
        self.joined_ranges
            .get_or_init(|| find_joined_ranges(self.text))
    }

    /// The sentence that holds byte `offset`; else the last one that starts before it; else
    /// the first; else an empty span at `offset`.
    pub fn sentence_around(&self, offset: usize) -> Span {
        let spans = self.sentences();
        // The first sentence that starts after the offset; the one before it may hold it.
        let after = spans.partition_point(|s| s.start <= offset);
        match after.checked_sub(1).map(|i| spans[i]) {
            Some(s) => s,
            None => spans.first().copied().unwrap_or(Span::new(offset, offset)),
        }
    }

    /// Money, percentages and counts ([`find_quantities`](crate::find_quantities)).
    pub fn quantities(&self) -> Vec<Quantity> {
        quantities_in(self)
    }

    /// Stated durations ([`find_durations`](crate::find_durations)).
    pub fn durations(&self) -> Vec<DurationMatch> {
        durations_in(self)
    }

    /// Votes ([`find_votes`](crate::find_votes)).
    pub fn votes(&self) -> Vec<VoteMatch> {
        votes_in(self)
    }

    /// The tense of the clause around byte `offset` ([`tense_at`](crate::tense_at)).
    pub fn tense_at(&self, offset: usize) -> Tense {
        tense_in(self.text, self.sentence_around(offset), offset)
    }
}
