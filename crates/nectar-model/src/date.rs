//! Dates known to a day, a month or a year, and how their year was found.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// Year, month and day.
    Day,
    /// Year and month (`the July NEC`).
    Month,
    /// The year alone.
    Year,
}

impl DatePrecision {
    /// Every precision's name.
    pub const NAMES: &'static [&'static str] = &["day", "month", "year"];

    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// A calendar date known to a day, a month or a year.
///
/// It is written as ISO 8601 at its precision: `2021-02-11`, `2020-07` or `2020`.
///
/// ```
/// use nectar_model::PartialDate;
/// let d: PartialDate = "2020-07".parse().unwrap();
/// assert_eq!(d.to_string(), "2020-07");
/// assert_eq!(d.precision(), nectar_model::DatePrecision::Month);
/// assert!(PartialDate::ymd(2021, 2, 30).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl PartialDate {
    /// The years a date may have: four digits, from 1000 to 2999, so that every date is written
    /// as ISO 8601 without a sign and reads back (a sidecar's `0000-01-01` is refused).
    pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

    /// A date known to the day; `None` if it is not a real date or its year is outside
    /// [`PartialDate::YEARS`].
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !Self::YEARS.contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date known to the month; `None` if the month is not 1 to 12 or the year is outside
    /// [`PartialDate::YEARS`].
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        if !Self::YEARS.contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date known to the year.
    pub fn y(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// The same day as a [`NaiveDate`].
    pub fn from_naive(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1 to 12), if known.
    pub fn month(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day the date can stand for (the 1st of the month, or 1 January).
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date can stand for (the month's last day, or 31 December).
    ///
    /// ```
    /// use nectar_model::PartialDate;
    /// let feb = PartialDate::ym(2016, 2).unwrap();
    /// assert_eq!(feb.last_day().to_string(), "2016-02-29");
    /// ```
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The day itself, when the date is known to the day.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError(String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date (YYYY, YYYY-MM or YYYY-MM-DD expected): {:?}",
            self.0
        )
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateError(s.to_owned());
        let mut parts = s.trim().split('-');
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let year_part = parts.next().ok_or_else(err)?;
        if !digits(year_part, 4) {
            return Err(err());
        }
        let year: i32 = year_part.parse().map_err(|_| err())?;
        if !Self::YEARS.contains(&year) {
            return Err(err());
        }
        let num = |p: Option<&str>| -> Result<Option<u32>, ParseDateError> {
            match p {
                None => Ok(None),
                Some(p) if digits(p, 2) => p.parse().map(Some).map_err(|_| err()),
                Some(_) => Err(err()),
            }
        };
        let month = num(parts.next())?;
        let day = num(parts.next())?;
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(Self::y(year)),
            (Some(m), None) => Self::ym(year, m).ok_or_else(err),
            (Some(m), Some(d)) => Self::ymd(year, m, d).ok_or_else(err),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An ISO 8601 date at its precision: YYYY-MM-DD, YYYY-MM or YYYY.",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

/// Where the year of a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    /// The text states the year next to the date.
    Stated,
    /// The report's publication date, as its text gives it.
    Published,
    /// The publication date in the metadata sidecar.
    SidecarPublished,
    /// The date parts of the report's URL (`/2015/05/`).
    Url,
    /// The period named in the report's title (`NEC Report – September & October 2020`).
    Title,
    /// Other dates and years in the report's text.
    Context,
}

impl YearBasis {
    /// Every basis's name.
    pub const NAMES: &'static [&'static str] = &[
        "stated",
        "published",
        "sidecar_published",
        "url",
        "title",
        "context",
    ];

    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Published => "published",
            Self::SidecarPublished => "sidecar_published",
            Self::Url => "url",
            Self::Title => "title",
            Self::Context => "context",
        }
    }
}

/// Where a date itself was read: what a reader checks to trust it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// Written in the report's text (`held on 14 March`).
    #[default]
    Text,
    /// Written in the report's title (`NEC Report - 14 March 2015`).
    Title,
    /// Given by the page's address (`nec-report-26-september-2023`, `/nec/20100518`).
    Url,
    /// A word relative to the publication date (`today`, `last Tuesday`, `this week`).
    Relative,
    /// The publication date itself.
    Published,
}

impl DateBasis {
    /// Every basis's name.
    pub const NAMES: &'static [&'static str] = &["text", "title", "url", "relative", "published"];

    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Title => "title",
            Self::Url => "url",
            Self::Relative => "relative",
            Self::Published => "published",
        }
    }
}

/// A date read from a report, with how sure it is.
///
/// ```
/// use nectar_model::{DateReading, PartialDate, YearBasis};
/// let reading = DateReading::inferred(PartialDate::ymd(2020, 11, 24).unwrap(), YearBasis::Context);
/// assert!(reading.year_inferred);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateReading {
    /// The date (the first day of a range).
    pub date: PartialDate,
    /// How much of the date is known.
    pub precision: DatePrecision,
    /// The last day of a range of days (`8-9 March`), if the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Whether the year is not written next to the date and was worked out.
    pub year_inferred: bool,
    /// Where the year came from.
    pub year_basis: YearBasis,
    /// A weekday written with the date that does not match it; the date wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday_clash: Option<String>,
    /// Where the date itself was read.
    #[serde(default)]
    pub basis: DateBasis,
}

impl DateReading {
    /// A date whose year the text states.
    pub fn stated(date: PartialDate) -> Self {
        Self {
            date,
            precision: date.precision(),
            end: None,
            year_inferred: false,
            year_basis: YearBasis::Stated,
            weekday_clash: None,
            basis: DateBasis::Text,
        }
    }

    /// The same reading, read from `basis`.
    pub fn from(self, basis: DateBasis) -> Self {
        Self { basis, ..self }
    }

    /// A date whose year was worked out from `basis`.
    pub fn inferred(date: PartialDate, basis: YearBasis) -> Self {
        Self {
            date,
            precision: date.precision(),
            end: None,
            year_inferred: basis != YearBasis::Stated,
            year_basis: basis,
            weekday_clash: None,
            basis: DateBasis::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    /// Issue 17: a sidecar's `0000-01-01` gave dates like `-001-01-24`, and `2020-+1-+5` read
    /// as a date.
    #[test]
    fn dates_out_of_range_or_with_signs_are_refused() {
        use super::PartialDate;
        for bad in [
            "0000-01-01",
            "0999",
            "3000-01",
            "2020-+1-+5",
            "+020-01-01",
            "2020-1-05",
            "20201",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        assert!(PartialDate::ymd(0, 1, 1).is_none());
        assert_eq!(
            "1906-02-15".parse::<PartialDate>().unwrap().to_string(),
            "1906-02-15"
        );
    }

    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in ["2021-02-11", "2020-07", "2011"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2021-02-30",
            "2021-13",
            "21-02-11",
            "2021-2-1",
            "",
            "2021-02-11-01",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }
}
