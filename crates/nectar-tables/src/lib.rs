//! nectar's dataset as tables: one per entity, with stable snake_case columns, each documented
//! and typed, and the rows of a [`Report`] in each.
//!
//! Every tabular exporter (CSV, Arrow, Parquet) and the Frictionless `datapackage.json` are
//! written from [`TABLES`], so the formats share names, types, descriptions, keys and rows.
//!
//! ```
//! use nectar_tables::{TABLES, Cell, rows};
//! let figures = TABLES.iter().find(|t| t.name == "figures").unwrap();
//! assert_eq!(figures.primary_key, ["figure_id"]);
//! let report = nectar_model::example::report();
//! let tables = rows(&report);
//! assert_eq!(tables.len(), TABLES.len());
//! assert_eq!(tables[0][0][0], Cell::Str("generic-2015-03-03-aa7394bb".into()));
//! ```
#![deny(missing_docs)]

use chrono::NaiveDateTime;
use nectar_model::{
    DateBasis, DatePrecision, DecisionOutcome, Evidence, MeetingKind, MeetingStatus, Metric,
    PartialDate, Provenance, Qualifier, Report, ReportKind, RoleBasis, Unit, VoteResult, YearBasis,
};

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text.
    String,
    /// One of a fixed list of names (dictionary-encoded in Arrow).
    Enum(&'static [&'static str]),
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// True or false.
    Boolean,
    /// A date known to a day, a month or a year: ISO 8601 at its precision in CSV
    /// (`2020-07`), its first day in Arrow and Parquet, beside a `*_precision` column (see
    /// [`precision_column`]).
    PartialDate,
    /// A local date and time as the site shows it.
    DateTime,
}

/// A column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Its name, snake_case.
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// What it holds.
    pub description: &'static str,
    /// Whether every row has a value.
    pub required: bool,
    /// Whether values repeat across rows (dictionary-encoded in Arrow).
    pub repeats: bool,
}

/// A foreign key: `fields` of this table name a row of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// This table's columns.
    pub fields: &'static [&'static str],
    /// The table they point at.
    pub table: &'static str,
    /// Its columns.
    pub reference: &'static [&'static str],
}

/// A table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// Its name, snake_case (also the file's stem: `figures.csv`).
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
    /// The columns that identify a row.
    pub primary_key: &'static [&'static str],
    /// Its foreign keys.
    pub foreign_keys: &'static [ForeignKey],
    /// Whether its rows come from one report at a time or from the whole dataset.
    pub scope: Scope,
}

/// Where a table's rows come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Each report's own rows ([`rows`]), written as the reports are read.
    Report,
    /// Rows across reports (each real meeting once, claims compared, persons), written when
    /// every report has been read (by `nectar-dataset`).
    Dataset,
}

impl Table {
    /// The index of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// A value in a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text or an enum's name.
    Str(String),
    /// A whole number.
    Int(i64),
    /// A number.
    Num(f64),
    /// True or false.
    Bool(bool),
    /// A date at its precision.
    Date(PartialDate),
    /// A local date and time.
    DateTime(NaiveDateTime),
}

/// A row: one cell per column of its table.
pub type Row = Vec<Cell>;

const fn col(name: &'static str, ty: ColumnType, description: &'static str) -> Column {
    Column {
        name,
        ty,
        description,
        required: true,
        repeats: false,
    }
}

const fn opt(name: &'static str, ty: ColumnType, description: &'static str) -> Column {
    Column {
        name,
        ty,
        description,
        required: false,
        repeats: false,
    }
}

const fn rep(mut c: Column) -> Column {
    c.repeats = true;
    c
}

use ColumnType as T;

// IDs repeat only within one report: plain strings, not dictionaries, so that an Arrow
// writer's dictionaries do not grow with the corpus.
const REPORT_ID: Column = col("report_id", T::String, "The report's ID (see `reports`).");
const MEETING_ID: Column = opt(
    "meeting_id",
    T::String,
    "The meeting it belongs to (see `meetings`); empty when none.",
);
const QUOTE: Column = col("quote", T::String, "The exact text the fact was read from.");
const SPAN_START: Column = col(
    "span_start",
    T::Integer,
    "Byte offset of the quote's first byte in the source file.",
);
const SPAN_END: Column = col(
    "span_end",
    T::Integer,
    "Byte offset one past the quote's last byte in the source file.",
);

const CITE_URL: Column = opt(
    "cite_url",
    T::String,
    "The report's URL with a text fragment (`#:~:text=`) that a browser scrolls to and highlights the quote at; empty when the report has no URL.",
);

const RULE: Column = rep(col(
    "rule",
    T::String,
    "The rule of nectar's that read it, `table.cue` (listed in nectar-extract's data/rules.toml).",
));
const CONFIDENCE: Column = col(
    "confidence",
    T::Number,
    "How far to trust it, 0 to 1: the share of its rule's rows that were right on the real reports nectar is measured on.",
);

const TO_REPORTS: ForeignKey = ForeignKey {
    fields: &["report_id"],
    table: "reports",
    reference: &["report_id"],
};

const TO_MEETINGS: ForeignKey = ForeignKey {
    fields: &["meeting_id"],
    table: "meetings",
    reference: &["meeting_id"],
};

const TO_NEC_MEETINGS: ForeignKey = ForeignKey {
    fields: &["nec_meeting_id"],
    table: "nec_meetings",
    reference: &["nec_meeting_id"],
};

const TO_VOTES: ForeignKey = ForeignKey {
    fields: &["vote_id"],
    table: "votes",
    reference: &["vote_id"],
};

/// Every table, in the order exporters write them.
pub const TABLES: &[Table] = &[
    Table {
        name: "reports",
        description: "One row per report read: where it came from and what it is.",
        columns: &[
            col(
                "report_id",
                T::String,
                "Stable ID: the host it was published on and a hash of its URL (`labourlist.org-3f2a9c1b0d`), else `sha256-` and the start of its file's SHA-256; `-pN` for the Nth post of a listing page.",
            ),
            col(
                "file",
                T::String,
                "The file's path relative to the folder given to nectar (its name when given on its own).",
            ),
            col(
                "sha256",
                T::String,
                "SHA-256 of the file's bytes, lowercase hex.",
            ),
            rep(col(
                "source",
                T::String,
                "The layout it was read as (the parser's name).",
            )),
            rep(col(
                "kind",
                T::Enum(ReportKind::NAMES),
                "Whether it reports NEC meetings.",
            )),
            opt("title", T::String, "The title."),
            opt("published", T::PartialDate, "When it was published."),
            rep(opt(
                "published_precision",
                T::Enum(DatePrecision::NAMES),
                "How much of the publication date is known.",
            )),
            opt("authors", T::String, "The authors, joined with `; `."),
            opt(
                "url",
                T::String,
                "Where it was published: the metadata sidecar's URL, else the page's canonical URL.",
            ),
            col(
                "n_comments",
                T::Integer,
                "How many readers' comments it has.",
            ),
            rep(col(
                "parser_version",
                T::String,
                "The version of the parser that read it.",
            )),
            opt(
                "fingerprint",
                T::String,
                "A MinHash of the words of its body (16 values, hex), to know the same report posted at another address (see `copies`); empty for a body under 50 words.",
            ),
        ],
        primary_key: &["report_id"],
        foreign_keys: &[],
        scope: Scope::Report,
    },
    Table {
        name: "meetings",
        description: "One row per meeting a report is about or mentions.",
        columns: &[
            col(
                "meeting_id",
                T::String,
                "Stable ID: the report's ID, `/m-` and a hash of the quote.",
            ),
            REPORT_ID,
            opt(
                "nec_meeting_id",
                T::String,
                "The real meeting it is (see `nec_meetings`); empty when the text gives it no date.",
            ),
            opt(
                "date",
                T::PartialDate,
                "When: ISO 8601 at its precision (`2020-07` for a month).",
            ),
            rep(opt(
                "date_precision",
                T::Enum(DatePrecision::NAMES),
                "How much of the date is known.",
            )),
            opt(
                "date_inferred",
                T::Boolean,
                "Whether the year was worked out rather than written.",
            ),
            rep(opt(
                "year_basis",
                T::Enum(YearBasis::NAMES),
                "Where the year came from.",
            )),
            rep(opt(
                "date_basis",
                T::Enum(DateBasis::NAMES),
                "Where the date itself was read: text, title, url, relative or published.",
            )),
            opt(
                "end_date",
                T::PartialDate,
                "The last day of a meeting over several days.",
            ),
            rep(col(
                "kind",
                T::Enum(MeetingKind::NAMES),
                "What kind of meeting.",
            )),
            rep(opt(
                "body",
                T::String,
                "The committee or panel, when it is not one of the named kinds.",
            )),
            rep(col(
                "status",
                T::Enum(MeetingStatus::NAMES),
                "Held or scheduled.",
            )),
            col(
                "primary",
                T::Boolean,
                "Whether it is the meeting the report is about.",
            ),
            opt("duration_hours", T::Number, "How long it ran, in hours."),
            rep(opt(
                "duration_qualifier",
                T::Enum(Qualifier::NAMES),
                "How exact the duration is (`over 7 hours`: over).",
            )),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
        ],
        primary_key: &["meeting_id"],
        foreign_keys: &[TO_REPORTS, TO_NEC_MEETINGS],
        scope: Scope::Dataset,
    },
    Table {
        name: "figures",
        description: "One row per quantity stated: membership, arrears, percentages, money, other counts.",
        columns: &[
            col(
                "figure_id",
                T::String,
                "Stable ID: the report's ID, `/f-` and a hash of the quote (`-2`, `-3` for a second and third figure with the same quote).",
            ),
            REPORT_ID,
            MEETING_ID,
            rep(col(
                "metric",
                T::Enum(Metric::NAMES),
                "What it measures, about the party only: total membership (with any in arrears it is said to include), members in arrears, joiners, leavers, a share of the members, money, an internal ballot's electorate, turnout or votes cast, delegates, attendance, staff, CLPs, disciplinary cases, or another party statistic.",
            )),
            col("value", T::Number, "The value (19 for 19%)."),
            rep(col("unit", T::Enum(Unit::NAMES), "Its unit.")),
            rep(col(
                "qualifier",
                T::Enum(Qualifier::NAMES),
                "How exact it is (`over 512,000`: over).",
            )),
            opt(
                "as_of",
                T::PartialDate,
                "The date it describes: the meeting's unless the text says otherwise.",
            ),
            rep(opt(
                "as_of_precision",
                T::Enum(DatePrecision::NAMES),
                "How much of that date is known.",
            )),
            col(
                "from_comment",
                T::Boolean,
                "Whether a reader's comment states it, not the report's author.",
            ),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            RULE,
            CONFIDENCE,
        ],
        primary_key: &["figure_id"],
        foreign_keys: &[TO_REPORTS, TO_MEETINGS],
        scope: Scope::Report,
    },
    Table {
        name: "votes",
        description: "One row per counted vote.",
        columns: &[
            col(
                "vote_id",
                T::String,
                "Stable ID: the report's ID, `/v-` and a hash of the quote (`-2`, `-3` for a second and third vote with the same quote).",
            ),
            REPORT_ID,
            MEETING_ID,
            opt(
                "subject",
                T::String,
                "What was voted on, as the text words it: the words after the count, or its sentence (after the one before when it points back: `Our proposal was lost 14-17`).",
            ),
            opt("yes", T::Integer, "Votes for."),
            opt("no", T::Integer, "Votes against."),
            opt("abstain", T::Integer, "Abstentions."),
            rep(col(
                "result",
                T::Enum(VoteResult::NAMES),
                "Carried (pass) or fell (fail).",
            )),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            RULE,
            CONFIDENCE,
        ],
        primary_key: &["vote_id"],
        foreign_keys: &[TO_REPORTS, TO_MEETINGS],
        scope: Scope::Report,
    },
    Table {
        name: "decisions",
        description: "One row per decision, with the counted vote that took it when there was one.",
        columns: &[
            col(
                "decision_id",
                T::String,
                "Stable ID: the report's ID, `/d-` and a hash of the quote (`-2`, `-3` for a second and third decision with the same quote).",
            ),
            REPORT_ID,
            MEETING_ID,
            rep(col(
                "outcome",
                T::Enum(DecisionOutcome::NAMES),
                "What was decided.",
            )),
            opt(
                "subject",
                T::String,
                "What was decided, in a few words: the motion, paper or proposal; the sentence, after the one before, when its words only point back (`This was accepted.`).",
            ),
            col("unanimous", T::Boolean, "Whether it was unanimous."),
            col("narrow", T::Boolean, "Whether it was narrow."),
            opt(
                "vote_id",
                T::String,
                "The counted vote that took it (see `votes`); empty when none.",
            ),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            RULE,
            CONFIDENCE,
        ],
        primary_key: &["decision_id"],
        foreign_keys: &[TO_REPORTS, TO_MEETINGS, TO_VOTES],
        scope: Scope::Report,
    },
    Table {
        name: "people",
        description: "One row per person a report names.",
        columns: &[
            REPORT_ID,
            rep(opt(
                "person_id",
                T::String,
                "The curated person's ID; empty for a name not in the table.",
            )),
            rep(col("name", T::String, "The full name.")),
            opt(
                "aliases",
                T::String,
                "The other forms the report names them by (`Keir`, `Starmer`), joined with `; `.",
            ),
            rep(opt(
                "role",
                T::String,
                "Their role in a normal form (`Deputy Leader`, `Chair of the Organisation Committee`), as the text or the dated role table gives it.",
            )),
            rep(opt(
                "role_basis",
                T::Enum(RoleBasis::NAMES),
                "Where the role comes from: `stated` by the text, or `curated` from the dated role table; empty without a role.",
            )),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            RULE,
            CONFIDENCE,
        ],
        primary_key: &["report_id", "span_start"],
        foreign_keys: &[TO_REPORTS],
        scope: Scope::Report,
    },
    Table {
        name: "agenda_items",
        description: "One row per agenda item of a report's primary meeting, in order.",
        columns: &[
            REPORT_ID,
            MEETING_ID,
            col("ordinal", T::Integer, "Its position, from 1."),
            col("heading", T::String, "Its heading or name."),
            rep(opt("presenter", T::String, "Who presented it.")),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            RULE,
            CONFIDENCE,
        ],
        primary_key: &["report_id", "ordinal"],
        foreign_keys: &[TO_REPORTS, TO_MEETINGS],
        scope: Scope::Report,
    },
    Table {
        name: "comments",
        description: "One row per reader's comment below a report.",
        columns: &[
            REPORT_ID,
            col("ordinal", T::Integer, "Its position, from 1."),
            opt("author", T::String, "The name shown."),
            col(
                "anonymous",
                T::Boolean,
                "Whether the site marks the commenter as anonymous.",
            ),
            opt(
                "posted_at",
                T::DateTime,
                "When it was posted, in the site's local time.",
            ),
            col("text", T::String, "The comment's text."),
            SPAN_START,
            SPAN_END,
        ],
        primary_key: &["report_id", "ordinal"],
        foreign_keys: &[TO_REPORTS],
        scope: Scope::Report,
    },
    Table {
        name: "nec_meetings",
        description: "One row per real meeting of the NEC or one of its committees, merged from every report that mentions it: the same kind of body on the same day (or days), and a mention of only a month joined to the one meeting of that month it can be.",
        columns: &[
            col(
                "nec_meeting_id",
                T::String,
                "Stable ID: the body (`nec` for the full NEC, its away days, special and emergency meetings; else the committee) and the date (`nec-2016-01-26`, `nec-2016-01` when only the month is known).",
            ),
            col(
                "date",
                T::PartialDate,
                "When: the day most reports give, at the best precision any gives.",
            ),
            rep(col(
                "date_precision",
                T::Enum(DatePrecision::NAMES),
                "How much of the date is known.",
            )),
            rep(col(
                "date_basis",
                T::Enum(DateBasis::NAMES),
                "Where the date was read in the report that gives it best: text, title, url, relative or published.",
            )),
            opt(
                "end_date",
                T::PartialDate,
                "The last day of a meeting over several days.",
            ),
            rep(col(
                "kind",
                T::Enum(MeetingKind::NAMES),
                "What kind of meeting: the most specific kind its reports give.",
            )),
            rep(opt(
                "body",
                T::String,
                "The committee or panel, when it is not one of the named kinds.",
            )),
            rep(col(
                "status",
                T::Enum(MeetingStatus::NAMES),
                "Held when any report says it took place, else scheduled.",
            )),
            opt(
                "duration_hours",
                T::Number,
                "How long it ran: the preferred value of its `duration` claims.",
            ),
            rep(opt(
                "duration_qualifier",
                T::Enum(Qualifier::NAMES),
                "How exact the duration is.",
            )),
            col(
                "n_reports",
                T::Integer,
                "How many reports mention it (a copy of a report on another site counts once).",
            ),
            col(
                "n_primary",
                T::Integer,
                "How many of them are reports of this meeting, not passing mentions.",
            ),
            col(
                "report_ids",
                T::String,
                "The reports that mention it, joined with `; `.",
            ),
            opt(
                "conflicts",
                T::String,
                "The properties its reports disagree on (see `claims`), joined with `; `; empty when they agree.",
            ),
        ],
        primary_key: &["nec_meeting_id"],
        foreign_keys: &[],
        scope: Scope::Dataset,
    },
    Table {
        name: "claims",
        description: "One row per value a report gives for a property of a real meeting that reports can disagree on (its date, its duration, the party's membership, a vote's counts), with how it compares to the other reports' values. Values that overlap as intervals agree (`over 485,000` and `485,312`); none is averaged away.",
        columns: &[
            col(
                "claim_id",
                T::String,
                "Stable ID: the fact's ID, `#` and the property.",
            ),
            col(
                "nec_meeting_id",
                T::String,
                "The real meeting (see `nec_meetings`).",
            ),
            rep(col(
                "property",
                T::Enum(CLAIM_PROPERTIES),
                "What is claimed: the meeting's `date` or `duration`, the party's `membership`, or a `vote`'s counts.",
            )),
            opt(
                "subject",
                T::String,
                "Which one, when a meeting has several: the vote's subject as its first report words it, the month a membership figure describes.",
            ),
            col(
                "value",
                T::String,
                "The value as nectar reads it: an ISO date (a range `2007-11-19/2007-11-20`), hours, a number with its qualifier (`over 485000`), counts `for-against[-abstain]`.",
            ),
            opt(
                "low",
                T::Number,
                "The lowest number the value allows (a rounded or qualified number stands for an interval; counts: the votes for).",
            ),
            opt(
                "high",
                T::Number,
                "The highest number the value allows (counts: the votes against).",
            ),
            REPORT_ID,
            col(
                "fact_id",
                T::String,
                "The row the value comes from: a `meeting_id`, `figure_id` or `vote_id`.",
            ),
            QUOTE,
            SPAN_START,
            SPAN_END,
            CITE_URL,
            rep(col(
                "rank",
                T::Enum(CLAIM_RANKS),
                "As Wikidata ranks statements: `preferred` for the value most reports support (then the most precise), `normal` for a value that disagrees with it.",
            )),
            rep(col(
                "status",
                T::Enum(CLAIM_STATUSES),
                "For the meeting and property (and subject): `single` when one report gives it, `agree` when every value overlaps the preferred one, `conflict` when one does not.",
            )),
        ],
        primary_key: &["claim_id"],
        foreign_keys: &[TO_REPORTS, TO_NEC_MEETINGS],
        scope: Scope::Dataset,
    },
    Table {
        name: "copies",
        description: "One row per report that is a copy of another: the same text (by `fingerprint`) at another address. A copy's facts count once, as the first's: in `nec_meetings.n_reports`, `claims` and the charts.",
        columns: &[
            REPORT_ID,
            col(
                "copy_of",
                T::String,
                "The report it copies: of the reports with the same text, the first published (then the first by ID).",
            ),
        ],
        primary_key: &["report_id"],
        foreign_keys: &[
            TO_REPORTS,
            ForeignKey {
                fields: &["copy_of"],
                table: "reports",
                reference: &["report_id"],
            },
        ],
        scope: Scope::Dataset,
    },
    Table {
        name: "persons",
        description: "One row per person the reports name, across reports: the curated person (with their dated roles from the people data), else the name as written.",
        columns: &[
            col(
                "person_id",
                T::String,
                "The curated person's ID, else the name in lower case with hyphens (`jo-bloggs`).",
            ),
            rep(col("name", T::String, "The full name.")),
            opt(
                "aliases",
                T::String,
                "The other forms the reports and the people data name them by, joined with `; `.",
            ),
            col(
                "curated",
                T::Boolean,
                "Whether the person is in nectar's people data (with a public source), not only a name a report gives a role.",
            ),
            rep(opt(
                "section",
                T::String,
                "Where they sat or worked, by the people data (an NEC section, `staff`).",
            )),
            opt(
                "roles",
                T::String,
                "Their roles with dates, by the people data (`General Secretary 2011-03-01/2018-03-20`), joined with `; `.",
            ),
            opt(
                "source",
                T::String,
                "The public record the people data takes them from.",
            ),
            col("n_reports", T::Integer, "How many reports name them."),
        ],
        primary_key: &["person_id"],
        foreign_keys: &[],
        scope: Scope::Dataset,
    },
];

/// The properties a claim can be about.
pub const CLAIM_PROPERTIES: &[&str] = &["date", "duration", "membership", "vote"];
/// A claim's rank.
pub const CLAIM_RANKS: &[&str] = &["preferred", "normal"];
/// How a property's claims compare.
pub const CLAIM_STATUSES: &[&str] = &["single", "agree", "conflict"];

fn s(v: impl Into<String>) -> Cell {
    Cell::Str(v.into())
}

fn o(v: Option<impl Into<String>>) -> Cell {
    v.map_or(Cell::Null, |v| Cell::Str(v.into()))
}

fn int(v: Option<impl Into<i64>>) -> Cell {
    v.map_or(Cell::Null, |v| Cell::Int(v.into()))
}

fn date(v: Option<PartialDate>) -> Cell {
    v.map_or(Cell::Null, Cell::Date)
}

/// A fact's quote, span and [`cite_url`] on the report's URL.
fn evidence(ev: &Evidence, url: Option<&str>) -> [Cell; 4] {
    [
        s(ev.quote.clone()),
        Cell::Int(ev.span.start as i64),
        Cell::Int(ev.span.end as i64),
        o(url.and_then(|u| cite_url(u, &ev.quote))),
    ]
}

/// The words of a text fragment's part, percent-encoded as the Text Fragments spec asks
/// (`-`, `,` and `&` are its syntax; everything but ASCII letters, digits and `._~` is
/// encoded, a space as `%20`).
fn fragment_part(words: &[&str]) -> String {
    let mut out = String::new();
    for b in words.join(" ").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A link that opens `url` scrolled to `quote` and highlighted, by a text fragment
/// (`#:~:text=`; Chrome, Edge, Safari and Firefox follow them): the quote itself when it is
/// at most 8 words, else its first and last 4 words as a range. None for an empty quote or a
/// URL that is not http(s).
///
/// ```
/// let link = nectar_tables::cite_url("https://example.org/nec#top", "a six-hour meeting").unwrap();
/// assert_eq!(link, "https://example.org/nec#:~:text=a%20six%2Dhour%20meeting");
/// let long = "The NEC agreed the timetable for the selection of the new General Secretary today";
/// assert_eq!(
///     nectar_tables::cite_url("https://example.org/nec", long).unwrap(),
///     "https://example.org/nec#:~:text=The%20NEC%20agreed%20the,new%20General%20Secretary%20today"
/// );
/// ```
pub fn cite_url(url: &str, quote: &str) -> Option<String> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return None;
    }
    let base = url.split('#').next().unwrap_or(url);
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let text = if words.len() <= 8 {
        fragment_part(&words)
    } else {
        format!(
            "{},{}",
            fragment_part(&words[..4]),
            fragment_part(&words[words.len() - 4..])
        )
    };
    Some(format!("{base}#:~:text={text}"))
}

fn provenance(p: &Provenance) -> [Cell; 2] {
    [s(p.rule.clone()), Cell::Num(p.confidence)]
}

/// The rows of one report's mentions of meetings, for the `meetings` table (its
/// `nec_meeting_id` left empty: the dataset fills it in when every report has been read).
pub fn meeting_rows(report: &Report) -> Vec<Row> {
    let id = || s(report.report_id.clone());
    let url = report.document.url.as_deref();
    report
        .meetings
        .iter()
        .map(|m| {
            let d = m.date.as_ref();
            let mut row = vec![
                s(m.meeting_id.clone()),
                id(),
                Cell::Null,
                date(d.map(|d| d.date)),
                o(d.map(|d| d.precision.as_str())),
                d.map_or(Cell::Null, |d| Cell::Bool(d.year_inferred)),
                o(d.map(|d| d.year_basis.as_str())),
                o(d.map(|d| d.basis.as_str())),
                date(d.and_then(|d| d.end)),
                s(m.kind.as_str()),
                o(m.body.clone()),
                s(m.status.as_str()),
                Cell::Bool(m.primary),
                m.duration
                    .as_ref()
                    .map_or(Cell::Null, |d| Cell::Num(d.hours)),
                o(m.duration.as_ref().map(|d| d.qualifier.as_str())),
            ];
            row.extend(evidence(&m.evidence, url));
            row
        })
        .collect()
}

/// The name the dataset gives a report's file: its path relative to the folder given, else
/// (from an older nectar's output) its path as given.
pub fn file_name(report: &Report) -> &str {
    if report.document.file.is_empty() {
        &report.document.path
    } else {
        &report.document.file
    }
}

/// The column that says how much of the date in column `date_column` is known
/// (`published_precision` for `published`, `date_precision` for `date`); none for a date
/// always known to the day (`end_date`).
///
/// ```
/// let reports = &nectar_tables::TABLES[nectar_tables::table_index("reports")];
/// assert_eq!(nectar_tables::precision_column(reports, "published"), Some("published_precision"));
/// ```
pub fn precision_column(table: &Table, date_column: &str) -> Option<&'static str> {
    let name = format!("{date_column}_precision");
    table
        .columns
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.name)
}

/// The index of a table in [`TABLES`].
///
/// ```
/// assert_eq!(nectar_tables::TABLES[nectar_tables::table_index("figures")].name, "figures");
/// ```
///
/// # Panics
/// When no table has the name: a misspelt name in nectar's own code.
pub fn table_index(name: &str) -> usize {
    TABLES
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("no table named {name}"))
}

/// The rows of one report in every table of [`Scope::Report`], in the order of [`TABLES`]
/// (the tables of [`Scope::Dataset`] empty).
pub fn rows(report: &Report) -> Vec<Vec<Row>> {
    let id = || s(report.report_id.clone());
    let url = report.document.url.as_deref();
    let reports = vec![vec![
        id(),
        s(file_name(report)),
        s(report.document.sha256.clone()),
        s(report.source.clone()),
        s(report.kind.as_str()),
        o(report.title.as_ref().map(|t| t.value.clone())),
        date(report.published.as_ref().map(|p| p.value)),
        o(report
            .published
            .as_ref()
            .map(|p| p.value.precision().as_str())),
        if report.authors.is_empty() {
            Cell::Null
        } else {
            s(report
                .authors
                .iter()
                .map(|a| a.value.as_str())
                .collect::<Vec<_>>()
                .join("; "))
        },
        o(report.document.url.clone()),
        Cell::Int(report.comments.len() as i64),
        s(report.parser.version.clone()),
        o(report.fingerprint.clone()),
    ]];
    let figures = report
        .figures
        .iter()
        .map(|f| {
            let mut row = vec![
                s(f.figure_id.clone()),
                id(),
                o(f.meeting_id.clone()),
                s(f.metric.as_str()),
                Cell::Num(f.value),
                s(f.unit.as_str()),
                s(f.qualifier.as_str()),
                date(f.as_of),
                o(f.as_of.map(|d| d.precision().as_str())),
                Cell::Bool(f.from_comment),
            ];
            row.extend(evidence(&f.evidence, url));
            row.extend(provenance(&f.provenance));
            row
        })
        .collect();
    let votes = report
        .votes
        .iter()
        .map(|v| {
            let mut row = vec![
                s(v.vote_id.clone()),
                id(),
                o(v.meeting_id.clone()),
                o(v.subject.clone()),
                int(v.counts.yes),
                int(v.counts.no),
                int(v.counts.abstain),
                s(v.result.as_str()),
            ];
            row.extend(evidence(&v.evidence, url));
            row.extend(provenance(&v.provenance));
            row
        })
        .collect();
    let decisions = report
        .decisions
        .iter()
        .map(|d| {
            let mut row = vec![
                s(d.decision_id.clone()),
                id(),
                o(d.meeting_id.clone()),
                s(d.outcome.as_str()),
                o(d.subject.clone()),
                Cell::Bool(d.unanimous),
                Cell::Bool(d.narrow),
                o(d.vote_id.clone()),
            ];
            row.extend(evidence(&d.evidence, url));
            row.extend(provenance(&d.provenance));
            row
        })
        .collect();
    let people = report
        .people
        .iter()
        .map(|p| {
            let mut row = vec![
                id(),
                o(p.person_id.clone()),
                s(p.name.clone()),
                if p.aliases.is_empty() {
                    Cell::Null
                } else {
                    s(p.aliases.join("; "))
                },
                o(p.role.clone()),
                o(p.role_basis.map(RoleBasis::as_str)),
            ];
            row.extend(evidence(&p.evidence, url));
            row.extend(provenance(&p.provenance));
            row
        })
        .collect();
    let agenda = report
        .agenda_items
        .iter()
        .map(|a| {
            let mut row = vec![
                id(),
                o(a.meeting_id.clone()),
                Cell::Int(i64::from(a.ordinal)),
                s(a.heading.clone()),
                o(a.presenter.clone()),
            ];
            row.extend(evidence(&a.evidence, url));
            row.extend(provenance(&a.provenance));
            row
        })
        .collect();
    let comments = report
        .comments
        .iter()
        .map(|c| {
            vec![
                id(),
                Cell::Int(i64::from(c.ordinal)),
                o(c.author.clone()),
                Cell::Bool(c.anonymous),
                c.posted_at.map_or(Cell::Null, Cell::DateTime),
                s(c.text.clone()),
                Cell::Int(c.evidence.span.start as i64),
                Cell::Int(c.evidence.span.end as i64),
            ]
        })
        .collect();
    let mut tables: Vec<Vec<Row>> = vec![Vec::new(); TABLES.len()];
    for (name, rows) in [
        ("reports", reports),
        ("figures", figures),
        ("votes", votes),
        ("decisions", decisions),
        ("people", people),
        ("agenda_items", agenda),
        ("comments", comments),
    ] {
        tables[table_index(name)] = rows;
    }
    tables
}

/// A person's ID from their name where the curated table has none: lower case, letters and
/// digits, words joined with hyphens (`Jo O’Neill-Smith` is `jo-o-neill-smith`).
pub fn person_slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl Cell {
    /// The cell as CSV writes it: empty for null, ISO 8601 for dates, `true`/`false`.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Str(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(n) => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::DateTime(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}

impl ColumnType {
    /// The type's name in the documentation.
    pub fn describe(&self) -> String {
        match self {
            ColumnType::String => "text".into(),
            ColumnType::Enum(names) => format!("one of {}", names.join(", ")),
            ColumnType::Integer => "integer".into(),
            ColumnType::Number => "number".into(),
            ColumnType::Boolean => "true/false".into(),
            ColumnType::PartialDate => "date (YYYY-MM-DD, YYYY-MM or YYYY)".into(),
            ColumnType::DateTime => "date and time".into(),
        }
    }
}

/// The tables documented in Markdown, one line per column (the README's section).
pub fn markdown() -> String {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!(
            "#### `{}`\n\n{} Key: `{}`.\n\n| column | type | |\n|---|---|---|\n",
            t.name,
            t.description,
            t.primary_key.join("`, `")
        ));
        for c in t.columns {
            let required = if c.required { "" } else { ", may be empty" };
            out.push_str(&format!(
                "| `{}` | {}{} | {} |\n",
                c.name,
                c.ty.describe(),
                required,
                c.description.replace('|', "\\|")
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_one_cell_per_column_and_keys_exist() {
        let report: Report = nectar_model::example::report();
        for (table, rows) in TABLES.iter().zip(rows(&report)) {
            for row in &rows {
                assert_eq!(row.len(), table.columns.len(), "{}", table.name);
                for (cell, column) in row.iter().zip(table.columns) {
                    assert!(
                        !(column.required && *cell == Cell::Null),
                        "{}.{} is required",
                        table.name,
                        column.name
                    );
                }
            }
            for key in table.primary_key {
                assert!(table.column(key).is_some(), "{}.{key}", table.name);
            }
            for fk in table.foreign_keys {
                assert!(TABLES.iter().any(|t| t.name == fk.table));
            }
        }
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        for t in TABLES {
            let mut names: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), t.columns.len(), "{}", t.name);
            assert!(names.iter().all(|n| {
                n.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            }));
        }
    }
}
