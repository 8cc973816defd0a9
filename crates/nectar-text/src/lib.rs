//! The shared English toolkit of nectar: it finds dates, numbers, durations, money,
//! percentages and votes in the prose of NEC reports, and splits sentences and lines.
//!
//! Parsers handle a site's layout; this crate handles English. Every function takes the text
//! exactly as published (smart quotes, dashes, no-break spaces, CRLF, hard line wraps, a BOM)
//! and returns byte [`Span`](nectar_model::Span)s into that same `&str`, never into a
//! normalised copy, so `&text[span.start..span.end]` is always the phrase that was matched.
//! Nothing here panics on any input.
//!
//! ```
//! use chrono::NaiveDate;
//! use nectar_model::{Qualifier, Unit, YearBasis};
//! use nectar_text::{find_dates, find_quantities, resolve, tense_at, Anchor, Tense};
//!
//! let text = "The NEC met on Tuesday 29th September.\nWe now have over\u{a0}512,000 members.";
//!
//! // Dates: the mention, then a year from the publication date and the tense.
//! let mention = &find_dates(text)[0];
//! assert_eq!(&text[mention.span.start..mention.span.end], "Tuesday 29th September");
//! assert_eq!(mention.year, None);
//! let anchor = Anchor::day(NaiveDate::from_ymd_opt(2020, 10, 8).unwrap(), YearBasis::Published);
//! let tense = tense_at(text, mention.span.start);
//! assert_eq!(tense, Tense::Past);
//! let reading = resolve(mention, Some(&anchor), tense).unwrap();
//! assert_eq!(reading.date.to_string(), "2020-09-29");
//! assert!(reading.year_inferred);
//! assert_eq!(reading.weekday_clash, None); // 29 September 2020 was a Tuesday
//!
//! // Quantities: the qualifier belongs to the figure; the date's numbers are not counts.
//! let q = find_quantities(text);
//! assert_eq!(q.len(), 1);
//! assert_eq!(&text[q[0].span.start..q[0].span.end], "over\u{a0}512,000");
//! assert_eq!((q[0].value, q[0].unit, q[0].qualifier), (512_000.0, Unit::Count, Qualifier::Over));
//! ```
#![deny(missing_docs)]

mod clock;
pub mod dates;
pub mod durations;
pub mod numbers;
mod pattern;
pub mod qualifiers;
pub mod quantities;
mod scan;
pub mod segment;
pub mod votes;

pub use dates::{
    Anchor, DateMention, Relative, Tense, find_dates, month_number, resolve, tense_at,
    year_from_weekday,
};
pub use durations::{DurationMatch, find_durations};
pub use numbers::{NumberMatch, find_numbers, parse_number};
pub use pattern::{ceil_boundary, floor_boundary, head, regex, tail};
pub use qualifiers::qualifier_before;
pub use quantities::{Quantity, find_quantities};
pub use scan::Scan;
pub use segment::{Line, blocks, bullet, lines, sentences, trim};
pub use votes::{VoteMatch, find_votes};
