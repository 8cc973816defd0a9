//! Dates in prose (`Tuesday 29th September`, `the July NEC`, `last week`), how to give them a
//! year, and the tense of the clause around them.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use nectar_model::{DateBasis, DatePrecision, DateReading, PartialDate, Span, YearBasis};
use regex::{Captures, Regex};

use crate::pattern::{build, char_at, prev_char, prev_word};

/// The tense of a clause: whether a date in it lies before or after the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Something that happened (`met`, `was`, `took place`).
    Past,
    /// Something planned (`will`, `is scheduled`, `next`).
    Future,
    /// The text does not say.
    Unknown,
}

/// A date given relative to the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relative {
    /// `today`, `tonight`, `this morning`.
    Today,
    /// `yesterday`, `last night`.
    Yesterday,
    /// `tomorrow`.
    Tomorrow,
    /// `last Tuesday`: the most recent such day before the anchor.
    LastWeekday(Weekday),
    /// `next Monday`: the first such day after the anchor.
    NextWeekday(Weekday),
    /// `this Friday`: that day of the anchor's week (or the nearest on the side the tense says).
    ThisWeekday(Weekday),
    /// `last week`: Monday to Sunday of the week before the anchor's.
    LastWeek,
    /// `next week`: Monday to Sunday of the week after the anchor's.
    NextWeek,
    /// `last month`: the month before the anchor's.
    LastMonth,
    /// `next month`: the month after the anchor's.
    NextMonth,
    /// `this week`: Monday to Sunday of the anchor's week.
    ThisWeek,
    /// `this month`: the anchor's month.
    ThisMonth,
}

impl Relative {
    /// Whether the words name a day (`today`, `last Tuesday`), not a week or a month.
    pub fn names_a_day(self) -> bool {
        matches!(
            self,
            Relative::Today
                | Relative::Yesterday
                | Relative::Tomorrow
                | Relative::LastWeekday(_)
                | Relative::NextWeekday(_)
                | Relative::ThisWeekday(_)
        )
    }
}

/// A date as the text writes it, with no year worked out yet (see [`resolve`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Where the mention stands. A full date spans from its weekday (if any) to its last
    /// part (`Tuesday 29th September`, `24-25 January 2016`); a month alone also covers the
    /// words that make it a date (`the July NEC`, `July’s NEC`, `early July`; after a
    /// preposition, just the month: `in July` spans `July`).
    pub span: Span,
    /// The year, when the text states it.
    pub year: Option<i32>,
    /// The month (1 to 12).
    pub month: Option<u32>,
    /// The day of the month.
    pub day: Option<u32>,
    /// Last day of a range or pair in the same mention (`24-25 January`, `8 and 9 May`).
    /// `3 December and 2 February` is two mentions, not a range.
    pub end_day: Option<u32>,
    /// The month of the last day, when it differs (`30 November – 1 December`), or the
    /// last month of a pair of months (`September & October 2020`).
    pub end_month: Option<u32>,
    /// The weekday written with the date (`Tuesday 29th September`).
    pub weekday: Option<Weekday>,
    /// For `today`, `last Tuesday`, `next week` and the like: the offset rule.
    pub relative: Option<Relative>,
}

/// A known date from which years and relative dates are worked out, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// The date (usually the report's publication date); of a month or a year, its last day.
    pub date: NaiveDate,
    /// How much of `date` is known. Relative dates resolve to a day only against a known
    /// day: against a month alone (a URL's `/2020/06/`), `today` is that month, and `last
    /// Tuesday` nothing; against a year alone, no relative date resolves.
    pub precision: DatePrecision,
    /// Where it came from; copied into [`DateReading::year_basis`] of what it resolves.
    pub basis: YearBasis,
}

impl Anchor {
    /// An anchor on a known day.
    pub fn day(date: NaiveDate, basis: YearBasis) -> Self {
        Anchor {
            date,
            precision: DatePrecision::Day,
            basis,
        }
    }

    /// An anchor on a year alone: its middle (1 July), so that the nearest year to a month
    /// without one is that year. `None` for a year chrono cannot hold.
    pub fn year(year: i32, basis: YearBasis) -> Option<Self> {
        Some(Anchor {
            date: NaiveDate::from_ymd_opt(year, 7, 1)?,
            precision: DatePrecision::Year,
            basis,
        })
    }

    /// An anchor on a date known to the day, the month or the year: its last day, with the
    /// date's precision.
    ///
    /// ```
    /// use nectar_model::{DatePrecision, PartialDate, YearBasis};
    /// use nectar_text::Anchor;
    /// let a = Anchor::latest(&PartialDate::ym(2020, 6).unwrap(), YearBasis::Url);
    /// assert_eq!(a.date.to_string(), "2020-06-30");
    /// assert_eq!(a.precision, DatePrecision::Month);
    /// ```
    pub fn latest(date: &PartialDate, basis: YearBasis) -> Self {
        Anchor {
            date: date.last_day(),
            precision: date.precision(),
            basis,
        }
    }
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues|Weds|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun";
const DAY: &str = "3[01]|[12][0-9]|0?[1-9]";
const ORD: &str = r"(?:st|nd|rd|th)?(?-u:\b)";
const YEAR: &str = r"(?:1[89]|20)[0-9]{2}";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let iso = format!(
        r"(?P<iso>(?-u:\b)(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01]))"
    );
    let num =
        r"(?P<num>(?-u:\b)[0-3]?[0-9][/.-][01]?[0-9][/.-](?:[0-9]{4}|[0-9]{2})(?-u:\b))".to_owned();
    // A run of days in a month by number (`24-27/09`, `7-8/11/2005`).
    let nr = format!(
        r"(?P<nr>(?-u:\b)(?P<nr_d>{DAY})(?u:[-–])(?P<nr_de>{DAY})/(?P<nr_m>0?[1-9]|1[0-2])(?:/(?P<nr_y>[0-9]{{4}}|[0-9]{{2}}))?(?-u:\b))"
    );
    let rel = r"(?P<rel>(?-u:\b)(?:(?P<rw>today|tonight|yesterday|tomorrow)|(?P<rln>last%Wnight)|(?P<rtm>this%W(?:morning|afternoon|evening))|(?P<rk>last|next|this)%W(?:(?P<rwd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<rwm>week|month)))(?-u:\b))".to_owned();
    let dm = format!(
        r"(?P<dm>(?-u:\b)(?:(?P<dm_wd>{WEEKDAYS})(?-u:\b)\.?,?%W(?:the%W)?)?(?P<dm_d>{DAY}){ORD}(?:(?:%w%D%w|%w/%w|%W(?:and|&|to|until|till)%W)(?:(?:{WEEKDAYS})(?-u:\b)\.?,?%W(?:the%W)?)?(?P<dm_de>{DAY}){ORD})?(?:%Wof)?%W(?P<dm_m>{MONTHS})(?-u:\b)\.?(?:(?:%w%D%w|%W(?:to|until|till)%W)(?P<dm_d2>{DAY}){ORD}(?:%Wof)?%W(?P<dm_m2>{MONTHS})(?-u:\b)\.?)?(?:,?%W(?P<dm_y>{YEAR})(?-u:\b))?)"
    );
    let md = format!(
        r"(?P<md>(?-u:\b)(?:(?P<md_cue>in|the|since|until|till|by|of|from|early|late|mid|next|last|this|during|before|after)(?:%W|%D))?(?:(?P<md_wd>{WEEKDAYS})(?-u:\b)\.?,?%W)?(?P<md_m>{MONTHS})(?-u:\b)\.?(?:(?:%W(?:and|&|to)%W|%w%D%w)(?P<md_m2>{MONTHS})(?-u:\b)\.?(?:,%w|%W)(?P<md_y2>{YEAR})(?-u:\b)|(?:%W(?P<md_d>{DAY}){ORD}(?:(?:%w%D%w|%W(?:and|&)%W)(?P<md_de>{DAY}){ORD})?)?(?:(?:,%w|%W)(?P<md_y>{YEAR})(?-u:\b))?)(?P<md_post>(?:%Qs)?%W(?:NEC|meetings?|elections?)(?-u:\b))?)"
    );
    build(&format!("(?i-u){iso}|{nr}|{num}|{rel}|{dm}|{md}"))
});

/// Every date mention in `text`, in order and without overlaps.
///
/// Finds full dates (`11 February 2021`, `Saturday, February 13, 2021`, `Tuesday 29th
/// September`, `November 24th`, `24th of November`, `3 March`), ranges and pairs in one
/// mention (`24-25 January 2016`, `8 and 9 May`, `30 November – 1 December`), a month with a
/// year (`September 2020`) or a pair of them (`September & October 2020`: `month` 9,
/// `end_month` 10), a month alone when it is used as a time (`in July`, `the July
/// meeting`, `July’s NEC`, `early July`; not `May` the verb or surname: a month alone needs a
/// preceding `in/the/since/until/by/of/from/early/late/mid/next/last/this/during/before/after`
/// or a following `NEC`, `meeting` or `elections`), numeric dates (`2020-09-29`,
/// `29/09/2020` in UK order, `30/1/20`), and relative words (`today`, `yesterday`,
/// `tomorrow`, `last night`, `last Tuesday`, `next Monday`, `this Friday`, `last week`,
/// `next month`, `this month`).
///
/// Month and weekday names must be capitalised (`may` is never a month). A year alone
/// (`in 2020`) is not a date mention.
///
/// ```
/// use nectar_text::find_dates;
/// let text = "The NEC met on Tuesday 29th September; people may vote at the July NEC.";
/// let found = find_dates(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].span.start..found[0].span.end], "Tuesday 29th September");
/// assert_eq!((found[0].day, found[0].month, found[0].year), (Some(29), Some(9), None));
/// assert_eq!(&text[found[1].span.start..found[1].span.end], "the July NEC");
/// ```
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = DATE
        .captures_iter(text)
        .filter_map(|caps| mention(text, &caps))
        .collect();
    for i in 0..found.len() {
        let next = found.get(i + 1).map_or(text.len(), |n| n.span.start);
        day_later(text, &mut found[i], next);
    }
    between(text, &mut found);
    found
}

/// `between 30 November and 1 December 2019`: two days after `between`, joined by `and`, are
/// one run of days (without `between`, `30 November and 1 December` are two days).
fn between(text: &str, found: &mut Vec<DateMention>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let opens = text[..a.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("between"));
        let joined = matches!(text[a.span.end..b.span.start].trim(), "and" | "&");
        let days = a.day.is_some()
            && a.end_day.is_none()
            && a.relative.is_none()
            && b.day.is_some()
            && b.month.is_some()
            && b.end_day.is_none()
            && b.relative.is_none();
        if opens && joined && days {
            let b = found.remove(i + 1);
            let a = &mut found[i];
            a.end_day = b.day;
            if a.month.is_none() || a.month == b.month {
                a.month = a.month.or(b.month);
            } else {
                a.end_month = b.month;
            }
            a.year = a.year.or(b.year);
            a.span = Span::new(a.span.start, b.span.end);
        }
        i += 1;
    }
}

/// A day named later in the clause after a month alone, before byte `next`: `The NEC’s
/// January meeting was held on Friday the 8th` is 8 January (the mention then runs to `8th`).
static DAY_LATER: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)^(?:%Qs)?[^.;:!?\n]{{0,50}}?(?-u:\b)on%W(?:(?P<wd>{WEEKDAYS})(?-u:\b),?%W)?the%W(?P<d>{DAY})(?:st|nd|rd|th)(?-u:\b)"
    ))
});

fn day_later(text: &str, m: &mut DateMention, next: usize) {
    let (Some(month), None, None, None) = (m.month, m.day, m.end_month, m.relative) else {
        return;
    };
    let Some(caps) = text
        .get(m.span.end..next)
        .and_then(|rest| DAY_LATER.captures(rest))
    else {
        return;
    };
    let (Some(d), Some(whole)) = (caps.name("d"), caps.get(0)) else {
        return;
    };
    let Ok(day) = d.as_str().parse::<u32>() else {
        return;
    };
    if !valid_day(month, day) {
        return;
    }
    let weekday = caps.name("wd").map(|w| w.as_str());
    if weekday.is_some_and(|w| !capitalised(w)) {
        return;
    }
    m.day = Some(day);
    m.weekday = weekday.and_then(weekday_from);
    m.span.end += whole.end();
}

fn mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    if caps.name("iso").is_some() {
        iso_mention(text, caps)
    } else if caps.name("num").is_some() {
        numeric_mention(text, caps)
    } else if caps.name("nr").is_some() {
        numeric_range_mention(text, caps)
    } else if caps.name("rel").is_some() {
        relative_mention(caps)
    } else if caps.name("dm").is_some() {
        day_month_mention(text, caps)
    } else {
        month_day_mention(text, caps)
    }
}

fn empty(span: Span) -> DateMention {
    DateMention {
        span,
        year: None,
        month: None,
        day: None,
        end_day: None,
        end_month: None,
        weekday: None,
        relative: None,
    }
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, group: &str) -> Option<T> {
    caps.name(group)?.as_str().parse().ok()
}

fn days_in_month(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid_day(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=days_in_month(month)).contains(&day)
}

/// The number of the month a name or abbreviation stands for (`March`, `mar`, `Sept`): its
/// first three letters, without case.
///
/// ```
/// assert_eq!(nectar_text::month_number("September"), Some(9));
/// assert_eq!(nectar_text::month_number("dec"), Some(12));
/// assert_eq!(nectar_text::month_number("Ju"), None);
/// ```
pub fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    Some(match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday_from(name: &str) -> Option<Weekday> {
    let key = name.get(..3)?.to_ascii_lowercase();
    Some(match key.as_str() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Extends `end` over an ordinal suffix (`29` → `29th`).
fn with_ordinal(text: &str, end: usize) -> usize {
    match text.get(end..end + 2) {
        Some(s)
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| s.eq_ignore_ascii_case(x)) =>
        {
            end + 2
        }
        _ => end,
    }
}

fn iso_mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    let whole = caps.name("iso")?;
    if char_at(text, whole.end()).is_some_and(|c| c.is_ascii_digit())
        || prev_char(text, whole.start()).is_some_and(|c| c == '-' || c == '/')
    {
        return None;
    }
    let (y, m, d) = (
        num(caps, "iso_y")?,
        num(caps, "iso_m")?,
        num(caps, "iso_d")?,
    );
    if !valid_day(m, d) {
        return None;
    }
    Some(DateMention {
        year: Some(y),
        month: Some(m),
        day: Some(d),
        ..empty(Span::new(whole.start(), whole.end()))
    })
}

/// `24-27/09`: the first and last day of a run, and the month, by number; the year if given.
fn numeric_range_mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    let whole = caps.name("nr")?;
    let (d, de, m): (u32, u32, u32) = (num(caps, "nr_d")?, num(caps, "nr_de")?, num(caps, "nr_m")?);
    let year = match caps.name("nr_y").map(|y| y.as_str()) {
        None => None,
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<i32>().ok()?),
        Some(y) => Some(y.parse::<i32>().ok()?),
    };
    // Not part of a longer run of numbers (`1/24-27/09`, `24-27/09/2016/3`).
    let before = prev_char(text, whole.start());
    let after = char_at(text, whole.end());
    if before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | ':'))
        || after.is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '-'))
        || d >= de
        || !valid_day(m, de)
        // Without a year, only a two-digit month (`24-27/09`), not a fraction (`3-4/5`).
        || (year.is_none() && caps.name("nr_m").is_some_and(|m| m.len() < 2))
    {
        return None;
    }
    Some(DateMention {
        year,
        month: Some(m),
        day: Some(d),
        end_day: Some(de),
        ..empty(Span::new(whole.start(), whole.end()))
    })
}

fn numeric_mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    let whole = caps.name("num")?;
    let s = whole.as_str();
    let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    let [a, b] = seps[..] else { return None };
    if a != b {
        return None;
    }
    let mut parts = s.split(a);
    let d: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let y_text = parts.next()?;
    if a != '/' && y_text.len() != 4 {
        return None;
    }
    let y: i32 = y_text.parse().ok()?;
    let y = match y_text.len() {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    };
    // Not part of a longer run of numbers (1/2/3/2020, 1.2.2020.5).
    let before = prev_char(text, whole.start());
    let after = char_at(text, whole.end());
    let after2 = char_at(text, whole.end() + 1);
    if before.is_some_and(|c| matches!(c, '/' | '.' | '-' | ':'))
        || after == Some('/')
        || (matches!(after, Some('.' | '-')) && after2.is_some_and(|c| c.is_ascii_digit()))
        || !(1900..=2100).contains(&y)
        || !valid_day(m, d)
    {
        return None;
    }
    Some(DateMention {
        year: Some(y),
        month: Some(m),
        day: Some(d),
        ..empty(Span::new(whole.start(), whole.end()))
    })
}

fn relative_mention(caps: &Captures<'_>) -> Option<DateMention> {
    let whole = caps.name("rel")?;
    let lower = |group: &str| caps.name(group).map(|m| m.as_str().to_ascii_lowercase());
    let rel = if let Some(w) = lower("rw") {
        match w.as_str() {
            "today" | "tonight" => Relative::Today,
            "yesterday" => Relative::Yesterday,
            _ => Relative::Tomorrow,
        }
    } else if caps.name("rln").is_some() {
        Relative::Yesterday
    } else if caps.name("rtm").is_some() {
        Relative::Today
    } else {
        let kind = lower("rk")?;
        if let Some(wd) = caps.name("rwd") {
            let wd = weekday_from(wd.as_str())?;
            match kind.as_str() {
                "last" => Relative::LastWeekday(wd),
                "next" => Relative::NextWeekday(wd),
                _ => Relative::ThisWeekday(wd),
            }
        } else {
            let unit = lower("rwm")?;
            match (kind.as_str(), unit.as_str()) {
                ("last", "week") => Relative::LastWeek,
                ("next", "week") => Relative::NextWeek,
                ("this", "week") => Relative::ThisWeek,
                ("last", _) => Relative::LastMonth,
                ("next", _) => Relative::NextMonth,
                _ => Relative::ThisMonth,
            }
        }
    };
    Some(DateMention {
        relative: Some(rel),
        ..empty(Span::new(whole.start(), whole.end()))
    })
}

fn day_month_mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    let whole = caps.name("dm")?;
    let m_text = caps.name("dm_m")?;
    if !capitalised(m_text.as_str()) {
        return None;
    }
    let month = month_number(m_text.as_str())?;
    let day: u32 = num(caps, "dm_d")?;
    if !valid_day(month, day) {
        return None;
    }
    let weekday = match caps.name("dm_wd") {
        Some(w) if capitalised(w.as_str()) => weekday_from(w.as_str()),
        Some(_) => return None,
        None => None,
    };
    let mut end_day = num::<u32>(caps, "dm_de").filter(|&e| e > day && valid_day(month, e));
    let mut end_month = None;
    let mut end = with_ordinal(text, m_text.end());
    if let (Some(d2), Some(m2)) = (caps.name("dm_d2"), caps.name("dm_m2"))
        && capitalised(m2.as_str())
        && let Some(m2n) = month_number(m2.as_str())
        && let Ok(d2n) = d2.as_str().parse::<u32>()
        && valid_day(m2n, d2n)
    {
        end_day = Some(d2n);
        end_month = (m2n != month).then_some(m2n);
        end = m2.end();
    }
    let year = caps.name("dm_y");
    if let Some(y) = year {
        end = y.end();
    }
    Some(DateMention {
        year: year.and_then(|y| y.as_str().parse().ok()),
        month: Some(month),
        day: Some(day),
        end_day,
        end_month,
        weekday,
        ..empty(Span::new(whole.start(), end))
    })
}

fn month_day_mention(text: &str, caps: &Captures<'_>) -> Option<DateMention> {
    let m_text = caps.name("md_m")?;
    let name = m_text.as_str();
    if !capitalised(name) {
        return None;
    }
    let month = month_number(name)?;
    let weekday = match caps.name("md_wd") {
        Some(w) if capitalised(w.as_str()) => weekday_from(w.as_str()),
        Some(_) => return None,
        None => None,
    };
    let start = caps.name("md_wd").map_or(m_text.start(), |w| w.start());
    // A pair of months with a year: "September & October 2020".
    if let (Some(m2), Some(y2)) = (caps.name("md_m2"), caps.name("md_y2")) {
        if !capitalised(m2.as_str()) {
            return None;
        }
        let end_month = month_number(m2.as_str())?;
        return Some(DateMention {
            year: y2.as_str().parse().ok(),
            month: Some(month),
            end_month: (end_month != month).then_some(end_month),
            weekday,
            ..empty(Span::new(start, y2.end()))
        });
    }
    let day: Option<u32> = num(caps, "md_d");
    let year = caps.name("md_y");
    if let Some(d) = day {
        if !valid_day(month, d) {
            return None;
        }
        let end_day = num::<u32>(caps, "md_de").filter(|&e| e > d && valid_day(month, e));
        let mut end = caps
            .name("md_de")
            .filter(|_| end_day.is_some())
            .or(caps.name("md_d"))
            .map_or(m_text.end(), |m| with_ordinal(text, m.end()));
        if let Some(y) = year {
            end = y.end();
        }
        return Some(DateMention {
            year: year.and_then(|y| y.as_str().parse().ok()),
            month: Some(month),
            day: Some(d),
            end_day,
            weekday,
            ..empty(Span::new(start, end))
        });
    }
    if let Some(y) = year {
        return Some(DateMention {
            year: y.as_str().parse().ok(),
            month: Some(month),
            weekday,
            ..empty(Span::new(start, y.end()))
        });
    }
    // A month alone: only as a time ("in July", "the July NEC"), never "May" the verb or name.
    let full = name.len() >= 4 || name.eq_ignore_ascii_case("may");
    let cue = caps.name("md_cue");
    let post = caps.name("md_post");
    if !full || weekday.is_some() || (cue.is_none() && post.is_none()) {
        return None;
    }
    if cue.is_none() && month == 5 {
        // "Theresa May’s meeting": a surname, not the month.
        let mut buf = [0u8; 16];
        if let Some((ws, _)) = prev_word(text, m_text.start(), &mut buf)
            && text[ws..].chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
    }
    let start = match cue {
        Some(c)
            if matches!(
                c.as_str().to_ascii_lowercase().as_str(),
                "the" | "early" | "late" | "mid" | "next" | "last" | "this"
            ) =>
        {
            c.start()
        }
        _ => m_text.start(),
    };
    let end = post.map_or(m_text.end(), |p| p.end());
    Some(DateMention {
        month: Some(month),
        ..empty(Span::new(start, end))
    })
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// Turns a mention into a [`DateReading`].
///
/// - A stated year is used as is ([`YearBasis::Stated`], `year_inferred` false); no anchor
///   is needed.
/// - A missing year is taken from the anchor: of the anchor's year and the years either side,
///   the one that puts the date on the side of the anchor that `tense` says ([`Tense::Past`]:
///   on or before the anchor; [`Tense::Future`]: on or after; [`Tense::Unknown`]: nearest,
///   ties to the past), with `year_inferred` true and `year_basis` the anchor's basis.
/// - Relative mentions resolve against the anchor's date (`last week` is the Monday to
///   Sunday before the anchor's week, as a range).
/// - A month alone gives month precision.
/// - A weekday that does not match the date sets `weekday_clash` (`the text says Monday;
///   2015-03-03 is a Tuesday`); the date wins.
/// - A range gives `end` (`24-25 January`; `September & October 2020` gives the month
///   `2020-10`); a range over the new year (`30 December – 2
///   January 2021`) puts the stated year on its end.
///
/// `None` when a year or relative date needs an anchor and there is none (see
/// [`Anchor::precision`] for relative dates), or the date does not exist (`29 February 2021`).
///
/// ```
/// use chrono::NaiveDate;
/// use nectar_model::YearBasis;
/// use nectar_text::{find_dates, resolve, Anchor, Tense};
/// let text = "The away day took place on November 24th.";
/// let m = &find_dates(text)[0];
/// let anchor = Anchor::day(NaiveDate::from_ymd_opt(2021, 2, 13).unwrap(), YearBasis::Published);
/// let r = resolve(m, Some(&anchor), Tense::Past).unwrap();
/// assert_eq!(r.date.to_string(), "2020-11-24");
/// assert!(r.year_inferred);
/// assert_eq!(resolve(m, None, Tense::Past), None);
/// ```
pub fn resolve(
    mention: &DateMention,
    anchor: Option<&Anchor>,
    tense: Tense,
) -> Option<DateReading> {
    if let Some(rel) = mention.relative {
        let anchor = anchor?;
        return match anchor.precision {
            DatePrecision::Day => resolve_relative(rel, anchor, tense),
            // Against a month alone (a URL's `/2021/07/`), `today` is a day of that month and
            // which day is unknown; `last Tuesday` or `next week` may lie in another.
            DatePrecision::Month => match rel {
                Relative::Today | Relative::Yesterday | Relative::Tomorrow => {
                    resolve_relative(Relative::ThisMonth, anchor, tense)
                }
                Relative::ThisMonth | Relative::LastMonth | Relative::NextMonth => {
                    resolve_relative(rel, anchor, tense)
                }
                _ => None,
            },
            DatePrecision::Year => None,
        };
    }
    let Some(month) = mention.month else {
        return mention.year.map(|y| DateReading::stated(PartialDate::y(y)));
    };
    if let Some(y) = mention.year {
        // A range over the new year: the stated year belongs to its end.
        let wraps = mention.end_month.is_some_and(|em| em < month);
        let start_year = if wraps { y.checked_sub(1)? } else { y };
        let (date, end) = dates_in(mention, start_year)?;
        let mut reading = DateReading::stated(date);
        reading.end = end;
        reading.weekday_clash = clash(mention, &date);
        return Some(reading);
    }
    let anchor = anchor?;
    let ay = anchor.date.year();
    // The days the anchor can stand for: a page dated to its month was published on one of
    // them, so what it looks back at is before the last and what it looks ahead to after
    // the first. A year alone is taken at the day it gives (the middle, by [`Anchor::year`]).
    let (a_first, a_last) = match anchor.precision {
        DatePrecision::Month => (anchor.date.with_day(1)?, anchor.date),
        DatePrecision::Day | DatePrecision::Year => (anchor.date, anchor.date),
    };
    let candidates: Vec<(PartialDate, Option<PartialDate>)> = [ay - 1, ay, ay + 1]
        .into_iter()
        .filter_map(|y| dates_in(mention, y))
        .collect();
    let first = |d: &PartialDate| d.first_day();
    let last = |d: &PartialDate| d.last_day();
    let chosen = match tense {
        Tense::Past => candidates
            .iter()
            .filter(|(d, _)| first(d) <= a_last)
            .max_by_key(|(d, _)| first(d)),
        Tense::Future => candidates
            .iter()
            .filter(|(d, _)| last(d) >= a_first)
            .min_by_key(|(d, _)| first(d)),
        Tense::Unknown => candidates.iter().min_by_key(|(d, _)| {
            let (f, l) = (first(d), last(d));
            let dist = if f <= a_last && a_first <= l {
                0
            } else if a_last < f {
                (f - a_last).num_days()
            } else {
                (a_first - l).num_days()
            };
            // Ties go to the past: the earlier candidate sorts first.
            (dist, f)
        }),
    };
    let &(date, end) = chosen?;
    Some(DateReading {
        date,
        precision: date.precision(),
        end,
        year_inferred: true,
        year_basis: anchor.basis,
        weekday_clash: clash(mention, &date),
        basis: DateBasis::Text,
    })
}

/// The date and the end of its range when the mention's (first) year is `year`.
fn dates_in(m: &DateMention, year: i32) -> Option<(PartialDate, Option<PartialDate>)> {
    let month = m.month?;
    let Some(day) = m.day else {
        let end = m.end_month.and_then(|em| {
            let ey = if em < month {
                year.checked_add(1)?
            } else {
                year
            };
            PartialDate::ym(ey, em)
        });
        return Some((PartialDate::ym(year, month)?, end));
    };
    let date = PartialDate::ymd(year, month, day)?;
    let end = m.end_day.and_then(|ed| {
        let em = m.end_month.unwrap_or(month);
        let ey = if em < month {
            year.checked_add(1)?
        } else {
            year
        };
        PartialDate::ymd(ey, em, ed).filter(|e| e.first_day() > date.first_day())
    });
    Some((date, end))
}

fn clash(m: &DateMention, date: &PartialDate) -> Option<String> {
    let said = m.weekday?;
    let day = date.to_naive()?;
    let is = day.weekday();
    (is != said).then(|| {
        format!(
            "the text says {}; {} is a {}",
            weekday_name(said),
            date,
            weekday_name(is)
        )
    })
}

fn resolve_relative(rel: Relative, anchor: &Anchor, tense: Tense) -> Option<DateReading> {
    let a = anchor.date;
    let from_monday = u64::from(a.weekday().num_days_from_monday());
    let monday = a.checked_sub_days(Days::new(from_monday))?;
    let back = |n: u64| a.checked_sub_days(Days::new(n));
    let fwd = |n: u64| a.checked_add_days(Days::new(n));
    let week = |start: NaiveDate| -> Option<(PartialDate, Option<PartialDate>)> {
        let end = start.checked_add_days(Days::new(6))?;
        Some((
            PartialDate::from_naive(start),
            Some(PartialDate::from_naive(end)),
        ))
    };
    let month_of = |d: NaiveDate| PartialDate::ym(d.year(), d.month()).map(|p| (p, None));
    let day = |d: Option<NaiveDate>| d.map(|d| (PartialDate::from_naive(d), None));
    let (date, end) = match rel {
        Relative::Today => day(Some(a))?,
        Relative::Yesterday => day(back(1))?,
        Relative::Tomorrow => day(fwd(1))?,
        Relative::LastWeekday(w) => {
            let n = (7 + from_monday - u64::from(w.num_days_from_monday())) % 7;
            day(back(if n == 0 { 7 } else { n }))?
        }
        Relative::NextWeekday(w) => {
            let n = (7 + u64::from(w.num_days_from_monday()) - from_monday) % 7;
            day(fwd(if n == 0 { 7 } else { n }))?
        }
        Relative::ThisWeekday(w) => {
            let target = u64::from(w.num_days_from_monday());
            match tense {
                Tense::Past => day(back((7 + from_monday - target) % 7))?,
                Tense::Future => day(fwd((7 + target - from_monday) % 7))?,
                Tense::Unknown => day(monday.checked_add_days(Days::new(target)))?,
            }
        }
        Relative::LastWeek => week(monday.checked_sub_days(Days::new(7))?)?,
        Relative::NextWeek => week(monday.checked_add_days(Days::new(7))?)?,
        Relative::ThisWeek => week(monday)?,
        Relative::ThisMonth => month_of(a)?,
        Relative::LastMonth => month_of(a.with_day(1)?.pred_opt()?)?,
        Relative::NextMonth => {
            let first = a.with_day(1)?;
            month_of(first.checked_add_days(Days::new(31))?)?
        }
    };
    Some(DateReading {
        date,
        precision: date.precision(),
        end,
        year_inferred: true,
        year_basis: anchor.basis,
        weekday_clash: None,
        basis: DateBasis::Relative,
    })
}

/// The unique year within `around_year ± window` in which `day` `month` falls on `weekday`;
/// `None` if there is no such year or more than one.
///
/// ```
/// use chrono::Weekday;
/// use nectar_text::year_from_weekday;
/// // Tuesday 29th September: 2020 is the only such year within two of 2021.
/// assert_eq!(year_from_weekday(9, 29, Weekday::Tue, 2021, 2), Some(2020));
/// assert_eq!(year_from_weekday(9, 29, Weekday::Tue, 2021, 30), None);
/// ```
pub fn year_from_weekday(
    month: u32,
    day: u32,
    weekday: Weekday,
    around_year: i32,
    window: i32,
) -> Option<i32> {
    let window = window.clamp(0, 400);
    let mut found = None;
    for y in around_year.saturating_sub(window)..=around_year.saturating_add(window) {
        if NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday) {
            if found.is_some() {
                return None;
            }
            found = Some(y);
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// Tense

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:will|shall|won%Qt|(?:is|are|%Qs|%Qre)%W(?:not%W)?(?:scheduled|due|expected|planned|set|going)|(?:(?:is|are|%Qs|%Qre)%Wnot|isn%Qt|aren%Qt)%W(?:until|till)|next|upcoming|forthcoming|to%Wbe%W(?:held|heard|discussed|considered|decided)|%Qll)(?-u:\b)",
    )
});

static PAST: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:was|were|wasn%Qt|weren%Qt|had|did|didn%Qt|met|took%Wplace|held|said|told|gave|came|went|ran|sat|heard|made|began|spent|won|lost|got|saw|felt|found|left|brought|thought|rose|fell|last|ago|previously|earlier|[a-z]+ed)(?-u:\b)",
    )
});

/// `-ed` words that are not past tense (or point to the future).
const NOT_PAST: &[&str] = &[
    "need",
    "needed",
    "indeed",
    "proceed",
    "exceed",
    "succeed",
    "speed",
    "feed",
    "seed",
    "breed",
    "bed",
    "red",
    "shed",
    "bred",
    "fed",
    "led",
    "wed",
    "ted",
    "ned",
    "scheduled",
    "planned",
    "proposed",
    "expected",
    "united",
    "limited",
    "based",
    "related",
    "interested",
    "concerned",
    "detailed",
    "dedicated",
    "advanced",
    "reserved",
    "unopposed",
    "embed",
];

/// The tense of the clause around byte `offset` of `text`, read from the sentence that holds
/// it: [`Tense::Future`] for `will`, `shall`, `is scheduled`, `is due`, `is not until`, `next`,
/// `upcoming`; [`Tense::Past`] for `was`, `were`, `met`, `took place`, `had`, `last`, and verbs
/// in `-ed`.
/// The marker nearest the offset wins (ties go to the past); the words after `will` (`will be
/// held`) belong to the future. [`Tense::Unknown`] when the sentence has no marker.
///
/// ```
/// use nectar_text::{tense_at, Tense};
/// let text = "The NEC met on 3 March. It will meet again on 5 May.";
/// assert_eq!(tense_at(text, text.find("3 March").unwrap()), Tense::Past);
/// assert_eq!(tense_at(text, text.find("5 May").unwrap()), Tense::Future);
/// ```
pub fn tense_at(text: &str, offset: usize) -> Tense {
    crate::Scan::new(text).tense_at(offset)
}

/// [`tense_at`] with the sentence `s` that holds `offset` already found.
pub(crate) fn tense_in(text: &str, s: Span, offset: usize) -> Tense {
    let Some(sentence) = text.get(s.start..s.end) else {
        return Tense::Unknown;
    };
    let offset = offset.clamp(s.start, s.end) - s.start;
    let dist = |start: usize, end: usize| {
        if end <= offset {
            offset - end
        } else {
            start.saturating_sub(offset)
        }
    };
    let mut best: Option<(usize, Tense)> = None;
    let mut masks: Vec<(usize, usize)> = Vec::new();
    for m in FUTURE.find_iter(sentence) {
        // Mask the verb group after the marker: "will be held", "is due to take place".
        let mut end = m.end();
        let b = sentence.as_bytes();
        for _ in 0..3 {
            let mut j = end;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\n' || b[j] == b'\r') {
                j += 1;
            }
            let k = crate::pattern::ascii_word_end(b, j);
            if k == j {
                break;
            }
            end = k;
        }
        masks.push((m.start(), end));
        let d = dist(m.start(), m.end());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, Tense::Future));
        }
    }
    for m in PAST.find_iter(sentence) {
        if masks.iter().any(|&(s, e)| m.start() >= s && m.start() < e) {
            continue;
        }
        let w = m.as_str().to_ascii_lowercase();
        if w.ends_with("ed") && NOT_PAST.contains(&w.as_str()) {
            continue;
        }
        let d = dist(m.start(), m.end());
        if best.is_none_or(|(bd, _)| d <= bd) {
            best = Some((d, Tense::Past));
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, DateMention) {
        let found = find_dates(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let m = found[0].clone();
        (text[m.span.start..m.span.end].to_owned(), m)
    }

    type Want = (&'static str, Option<i32>, Option<u32>, Option<u32>);

    #[test]
    fn a_day_later_in_the_clause_completes_a_month() {
        let (quote, m) = one("The NEC’s January meeting was held on Friday the 8th. Then lunch.");
        assert_eq!(quote, "January meeting was held on Friday the 8th");
        assert_eq!(
            (m.month, m.day, m.weekday),
            (Some(1), Some(8), Some(Weekday::Fri))
        );
        let (_, m) = one("The March NEC met on the 3rd, as planned.");
        assert_eq!((m.month, m.day), (Some(3), Some(3)));
        // Not across a sentence, not an invalid day, not another month's day.
        assert_eq!(one("We met in January. On the 8th we rested.").1.day, None);
        assert_eq!(
            one("The February meeting was held on the 30th.").1.day,
            None
        );
        let found = find_dates("In January, and on the 8th of February, we met.");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].month, found[0].day), (Some(1), None));
    }

    #[test]
    fn finds_full_dates() {
        let cases: &[(&str, Want)] = &[
            (
                "NEC Report - 11 February 2021",
                ("11 February 2021", Some(2021), Some(2), Some(11)),
            ),
            (
                "Posted Saturday, February 13, 2021 by me",
                ("Saturday, February 13, 2021", Some(2021), Some(2), Some(13)),
            ),
            (
                "the meeting on Tuesday 29th September.",
                ("Tuesday 29th September", None, Some(9), Some(29)),
            ),
            (
                "took place on November 24th. The",
                ("November 24th", None, Some(11), Some(24)),
            ),
            (
                "The 24th November meeting",
                ("24th November", None, Some(11), Some(24)),
            ),
            (
                "met on 6th October to",
                ("6th October", None, Some(10), Some(6)),
            ),
            ("training – 3 March", ("3 March", None, Some(3), Some(3))),
            ("on 1 November", ("1 November", None, Some(11), Some(1))),
            (
                "on the 24th of November we",
                ("24th of November", None, Some(11), Some(24)),
            ),
            (
                "in September 2020 the",
                ("September 2020", Some(2020), Some(9), None),
            ),
            (
                "NEC report – November 2011",
                ("November 2011", Some(2011), Some(11), None),
            ),
            ("on 2nd May we", ("2nd May", None, Some(5), Some(2))),
            (
                "dated 2020-09-29.",
                ("2020-09-29", Some(2020), Some(9), Some(29)),
            ),
            (
                "dated 29/09/2020.",
                ("29/09/2020", Some(2020), Some(9), Some(29)),
            ),
            ("dated 30/1/20.", ("30/1/20", Some(2020), Some(1), Some(30))),
            (
                "on 11\u{a0}February\u{a0}2021",
                ("11\u{a0}February\u{a0}2021", Some(2021), Some(2), Some(11)),
            ),
            (
                "on Tuesday 29th\nSeptember we",
                ("Tuesday 29th\nSeptember", None, Some(9), Some(29)),
            ),
            (
                "on 3 Dec. 2020",
                ("3 Dec. 2020", Some(2020), Some(12), Some(3)),
            ),
            ("on Feb 11th", ("Feb 11th", None, Some(2), Some(11))),
            (
                "Tuesday the 29th of September",
                ("Tuesday the 29th of September", None, Some(9), Some(29)),
            ),
        ];
        for &(text, (quote, year, month, day)) in cases {
            let (got, m) = one(text);
            assert_eq!(got, quote, "{text}");
            assert_eq!((m.year, m.month, m.day), (year, month, day), "{text}");
        }
    }

    #[test]
    fn weekdays_are_kept() {
        let (_, m) = one("on Tuesday 29th September");
        assert_eq!(m.weekday, Some(Weekday::Tue));
        let (_, m) = one("Saturday, February 13, 2021");
        assert_eq!(m.weekday, Some(Weekday::Sat));
    }

    #[test]
    fn finds_ranges_and_pairs() {
        let (q, m) = one("held on 24-25 January 2016 in");
        assert_eq!(q, "24-25 January 2016");
        assert_eq!(
            (m.day, m.end_day, m.month, m.year),
            (Some(24), Some(25), Some(1), Some(2016))
        );
        let (q, m) = one("on 24–25 January");
        assert_eq!(q, "24–25 January");
        assert_eq!(m.end_day, Some(25));
        let (q, m) = one("on 8 and 9 May");
        assert_eq!(q, "8 and 9 May");
        assert_eq!((m.day, m.end_day, m.month), (Some(8), Some(9), Some(5)));
        let (q, m) = one("from 30 November – 1 December 2020");
        assert_eq!(q, "30 November – 1 December 2020");
        assert_eq!(
            (m.day, m.month, m.end_day, m.end_month),
            (Some(30), Some(11), Some(1), Some(12))
        );
        let (q, m) = one("NEC Report – September & October 2020");
        assert_eq!(q, "September & October 2020");
        assert_eq!(
            (m.month, m.end_month, m.year, m.day),
            (Some(9), Some(10), Some(2020), None)
        );
        let r = resolve(&m, None, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-09");
        assert_eq!(r.end.map(|e| e.to_string()).as_deref(), Some("2020-10"));
        let (q, m) = one("on Wednesday 3rd and Thursday 4th March we");
        assert_eq!(q, "Wednesday 3rd and Thursday 4th March");
        assert_eq!(
            (m.day, m.end_day, m.weekday),
            (Some(3), Some(4), Some(Weekday::Wed))
        );
        let (q, m) = one("on January 24-25");
        assert_eq!(q, "January 24-25");
        assert_eq!(m.end_day, Some(25));

        let text = "panels – 3 December and 2 February";
        let found = find_dates(text);
        let quotes: Vec<&str> = found
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(quotes, ["3 December", "2 February"]);
        assert!(found.iter().all(|m| m.end_day.is_none()));
    }

    #[test]
    fn finds_months_used_as_times() {
        let cases: &[(&str, &str, u32)] = &[
            ("set by the July NEC meeting", "the July NEC", 7),
            ("July’s NEC agreed", "July’s NEC", 7),
            ("agreed in July.", "July", 7),
            ("deferred until late November", "late November", 11),
            ("to the May NEC", "the May NEC", 5),
            ("the March meeting", "the March meeting", 3),
            ("since mid-July", "mid-July", 7),
            ("next May’s elections", "next May’s elections", 5),
        ];
        for &(text, quote, month) in cases {
            let (got, m) = one(text);
            assert_eq!(got, quote, "{text}");
            assert_eq!(
                (m.month, m.year, m.day),
                (Some(month), None, None),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_non_dates() {
        for text in [
            "people may vote",
            "May I say",
            "Theresa May said",
            "Theresa May’s meeting",
            "in 2020 we",
            "the march on parliament",
            "Jan spoke",
            "31 February",
            "it scored 13/10",
            "version 1.2.3",
            "the first",
            "",
            "9.30am",
            "1/2/3/2020",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "{text}: {:?}",
                find_dates(text)
            );
        }
    }

    #[test]
    fn finds_relative_dates() {
        let cases: &[(&str, Relative)] = &[
            ("today", Relative::Today),
            ("Yesterday", Relative::Yesterday),
            ("tomorrow", Relative::Tomorrow),
            ("last night", Relative::Yesterday),
            ("last Tuesday", Relative::LastWeekday(Weekday::Tue)),
            ("next Monday", Relative::NextWeekday(Weekday::Mon)),
            ("this Friday", Relative::ThisWeekday(Weekday::Fri)),
            ("last week", Relative::LastWeek),
            ("next week", Relative::NextWeek),
            ("last month", Relative::LastMonth),
            ("next month", Relative::NextMonth),
            ("this month", Relative::ThisMonth),
            ("this week", Relative::ThisWeek),
        ];
        for &(phrase, rel) in cases {
            let text = format!("we met {phrase}.");
            let (got, m) = one(&text);
            assert_eq!(got, phrase);
            assert_eq!(m.relative, Some(rel), "{phrase}");
        }
    }

    fn anchor(y: i32, m: u32, d: u32) -> Anchor {
        Anchor::day(
            NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
            YearBasis::Published,
        )
    }

    fn reading(text: &str, a: Option<&Anchor>, tense: Tense) -> Option<DateReading> {
        let (_, m) = one(text);
        resolve(&m, a, tense)
    }

    #[test]
    fn resolves_stated_years() {
        let r = reading("11 February 2021", None, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-02-11");
        assert!(!r.year_inferred);
        assert_eq!(r.year_basis, YearBasis::Stated);
        assert_eq!(r.precision, DatePrecision::Day);
        let r = reading("September 2020", None, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-09");
        assert_eq!(r.precision, DatePrecision::Month);
        let r = reading("24-25 January 2016", None, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.end.map(|e| e.to_string()).as_deref(), Some("2016-01-25"));
        let r = reading("30 December – 2 January 2021", None, Tense::Unknown)
            .unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-12-30");
        assert_eq!(r.end.map(|e| e.to_string()).as_deref(), Some("2021-01-02"));
        assert_eq!(reading("29 February 2021", None, Tense::Unknown), None);
        // Extreme years from hand-made mentions do not overflow.
        let (_, mut m) = one("30 December – 2 January 2021");
        for year in [i32::MIN, i32::MAX] {
            m.year = Some(year);
            assert_eq!(resolve(&m, None, Tense::Unknown), None);
        }
    }

    #[test]
    fn infers_years_by_tense() {
        let a = anchor(2021, 2, 13);
        let a = Some(&a);
        let r = reading("November 24th", a, Tense::Past).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-11-24");
        assert!(r.year_inferred);
        assert_eq!(r.year_basis, YearBasis::Published);
        let r = reading("November 24th", a, Tense::Future).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-11-24");
        // Unknown: nearest. 24 November 2020 is 81 days back; 2021 is 284 ahead.
        let r = reading("November 24th", a, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-11-24");
        let r = reading("on 1 March", a, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-03-01");
        // The anchor's own day is both past and future.
        let r = reading("13 February", a, Tense::Future).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-02-13");
        let r = reading("13 February", a, Tense::Past).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-02-13");
        // Month alone: month precision.
        let r = reading("the July NEC", Some(&anchor(2020, 10, 8)), Tense::Past)
            .unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-07");
        assert_eq!(r.precision, DatePrecision::Month);
        let r = reading("the February NEC", a, Tense::Future).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-02");
        // No anchor, no year.
        assert_eq!(reading("November 24th", None, Tense::Past), None);
    }

    #[test]
    fn flags_weekday_clashes() {
        let r = reading("Monday 3 March 2015", None, Tense::Unknown).unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2015-03-03");
        assert_eq!(
            r.weekday_clash.as_deref(),
            Some("the text says Monday; 2015-03-03 is a Tuesday")
        );
        let r = reading(
            "Tuesday 29th September",
            Some(&anchor(2020, 10, 8)),
            Tense::Past,
        )
        .unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-09-29");
        assert_eq!(r.weekday_clash, None);
    }

    #[test]
    fn resolves_relative_dates() {
        // 2021-02-13 is a Saturday.
        let a = anchor(2021, 2, 13);
        let a = Some(&a);
        let cases: &[(&str, Tense, &str, Option<&str>)] = &[
            ("today", Tense::Unknown, "2021-02-13", None),
            ("yesterday", Tense::Unknown, "2021-02-12", None),
            ("tomorrow", Tense::Unknown, "2021-02-14", None),
            ("last Tuesday", Tense::Unknown, "2021-02-09", None),
            ("last Saturday", Tense::Unknown, "2021-02-06", None),
            ("next Monday", Tense::Unknown, "2021-02-15", None),
            ("next Saturday", Tense::Unknown, "2021-02-20", None),
            ("this Thursday", Tense::Past, "2021-02-11", None),
            ("this Thursday", Tense::Future, "2021-02-18", None),
            ("this Thursday", Tense::Unknown, "2021-02-11", None),
            (
                "last week",
                Tense::Unknown,
                "2021-02-01",
                Some("2021-02-07"),
            ),
            (
                "next week",
                Tense::Unknown,
                "2021-02-15",
                Some("2021-02-21"),
            ),
            (
                "this week",
                Tense::Unknown,
                "2021-02-08",
                Some("2021-02-14"),
            ),
            ("last month", Tense::Unknown, "2021-01", None),
            ("next month", Tense::Unknown, "2021-03", None),
            ("this month", Tense::Unknown, "2021-02", None),
        ];
        for &(phrase, tense, date, end) in cases {
            let r = reading(phrase, a, tense).unwrap_or_else(|| panic!("{phrase}"));
            assert_eq!(r.date.to_string(), date, "{phrase}");
            assert_eq!(r.end.map(|e| e.to_string()).as_deref(), end, "{phrase}");
            assert!(r.year_inferred);
        }
        assert_eq!(reading("today", None, Tense::Unknown), None);
        let r = reading("last month", Some(&anchor(2021, 1, 5)), Tense::Unknown)
            .unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2020-12");
        let r = reading("next month", Some(&anchor(2020, 12, 31)), Tense::Unknown)
            .unwrap_or_else(|| panic!());
        assert_eq!(r.date.to_string(), "2021-01");
    }

    #[test]
    fn years_from_weekdays() {
        assert_eq!(year_from_weekday(9, 29, Weekday::Tue, 2020, 2), Some(2020));
        assert_eq!(year_from_weekday(2, 29, Weekday::Sat, 2020, 3), Some(2020));
        assert_eq!(year_from_weekday(2, 30, Weekday::Sat, 2020, 3), None);
        assert_eq!(year_from_weekday(1, 1, Weekday::Mon, 2020, 0), None);
        assert_eq!(year_from_weekday(1, 1, Weekday::Mon, i32::MAX, 5), None);
    }

    #[test]
    fn reads_tense() {
        let cases: &[(&str, &str, Tense)] = &[
            (
                "The away day took place on November 24th.",
                "November",
                Tense::Past,
            ),
            (
                "The 24th November meeting is scheduled as an away day.",
                "24th",
                Tense::Future,
            ),
            ("The NEC will be held on 5 May.", "5 May", Tense::Future),
            ("We met on 3 March.", "3 March", Tense::Past),
            ("The next meeting is on 5 May.", "5 May", Tense::Future),
            ("It is due on 5 May.", "5 May", Tense::Future),
            ("Papers on 5 May.", "5 May", Tense::Unknown),
            (
                "It was agreed at the July NEC that we will meet on 5 May.",
                "July",
                Tense::Past,
            ),
            (
                "It was agreed at the July NEC that we will meet on 5 May.",
                "5 May",
                Tense::Future,
            ),
            (
                "The meeting was deferred until late November.",
                "late",
                Tense::Past,
            ),
        ];
        for &(text, at, want) in cases {
            let offset = text.find(at).unwrap_or(0);
            assert_eq!(tense_at(text, offset), want, "{text} @ {at}");
        }
        assert_eq!(tense_at("", 0), Tense::Unknown);
        assert_eq!(tense_at("will", 99), Tense::Future);
    }

    #[test]
    fn a_day_range_written_with_a_slash_starts_on_its_first_day() {
        let text = "NEC meeting, 19/20 November 2007";
        let m = &find_dates(text)[0];
        assert_eq!(&text[m.span.start..m.span.end], "19/20 November 2007");
        let r = resolve(m, None, Tense::Unknown).unwrap();
        assert_eq!(r.date.to_string(), "2007-11-19");
        assert_eq!(r.end.map(|e| e.to_string()).as_deref(), Some("2007-11-20"));
        // Numeric dates are still numeric dates.
        let text = "posted 3/3/2015";
        assert_eq!(
            resolve(&find_dates(text)[0], None, Tense::Unknown)
                .unwrap()
                .date
                .to_string(),
            "2015-03-03"
        );
    }
}
