//! Closed vocabularies: every variant's snake_case name is what the outputs write.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a snake_case enum with `as_str`, `ALL` and docs per variant.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every variant's name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The variant of this snake_case name, if any.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == name)
            }

            /// The snake_case name used in every output format.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What kind of meeting: the full NEC or one of its committees and panels.
    MeetingKind {
        /// An ordinary meeting of the full NEC.
        Full => "full",
        /// The NEC's away day (usually after the annual NEC elections).
        AwayDay => "away_day",
        /// A special meeting of the full NEC on one subject.
        Special => "special",
        /// An emergency meeting.
        Emergency => "emergency",
        /// The Organisation Committee.
        OrganisationCommittee => "organisation_committee",
        /// The Equalities Committee.
        EqualitiesCommittee => "equalities_committee",
        /// The Disputes Panel (or Committee) and its hearings.
        DisputesPanel => "disputes_panel",
        /// Any other committee, panel or working group.
        OtherCommittee => "other_committee",
        /// Training for NEC members.
        Training => "training",
        /// A meeting whose kind the text does not say.
        Unknown => "unknown",
    }
}

vocabulary! {
    /// Where a person's role comes from.
    RoleBasis {
        /// The report's text gives it (`the Chair, Jo Bloggs`).
        Stated => "stated",
        /// The curated table of people gives the office they held on the report's date.
        Curated => "curated",
    }
}

vocabulary! {
    /// Whether a meeting has happened.
    MeetingStatus {
        /// It took place.
        Held => "held",
        /// It is planned.
        Scheduled => "scheduled",
    }
}

vocabulary! {
    /// How exact a stated quantity is.
    Qualifier {
        /// Stated as it is.
        Exact => "exact",
        /// `over`, `more than`, `at least`.
        Over => "over",
        /// `around`, `about`, `some`, `roughly`.
        Around => "around",
        /// `under`, `almost`, `nearly`, `fewer than`.
        Under => "under",
    }
}

vocabulary! {
    /// The unit of a [`crate::Figure`].
    Unit {
        /// A count of things or people.
        Count => "count",
        /// A percentage (the value is 19 for 19%).
        Percent => "percent",
        /// Pounds sterling.
        Gbp => "gbp",
        /// Euros.
        Eur => "eur",
        /// US dollars.
        Usd => "usd",
    }
}

vocabulary! {
    /// The result of a counted vote (Open Civic Data's names).
    VoteResult {
        /// The motion was carried.
        Pass => "pass",
        /// The motion fell.
        Fail => "fail",
        /// The text does not say.
        Unknown => "unknown",
    }
}

vocabulary! {
    /// What a meeting decided about something.
    DecisionOutcome {
        /// Agreed.
        Agreed => "agreed",
        /// Approved, endorsed or adopted.
        Approved => "approved",
        /// Deferred or postponed.
        Deferred => "deferred",
        /// Defeated or voted down.
        Defeated => "defeated",
        /// Noted or received.
        Noted => "noted",
        /// Someone was elected or appointed.
        Elected => "elected",
        /// Rejected or refused.
        Rejected => "rejected",
    }
}

vocabulary! {
    /// Where a report-level value (title, publication date, author) came from.
    Origin {
        /// The report's own text; the value has evidence.
        Text => "text",
        /// The metadata sidecar beside the report.
        Sidecar => "sidecar",
        /// The web page's own markup (`og:title`, `article:published_time`, its author).
        Markup => "markup",
        /// The report's URL.
        Url => "url",
        /// Worked out from other facts.
        Inferred => "inferred",
    }
}

vocabulary! {
    /// What a document is.
    ReportKind {
        /// A report of one or more NEC meetings.
        NecReport => "nec_report",
        /// Something else (another body's minutes, a news story): no facts are mined from it.
        NotNecReport => "not_nec_report",
    }
}

vocabulary! {
    /// What a figure measures: only quantities about the party, its members, staff, finances,
    /// meetings and internal elections.
    Metric {
        /// Total party membership (a total said to include members in arrears too).
        Membership => "membership",
        /// Members in arrears.
        MembersInArrears => "members_in_arrears",
        /// Members who joined in a period.
        Joiners => "joiners",
        /// Members lost in a period (leavers, lapsed, a net loss).
        Leavers => "leavers",
        /// A share of the members (`19% of whom joined since 2020`).
        MembersPercent => "members_percent",
        /// Money the party raised, spent, saved, owes or charges.
        Money => "money",
        /// The electorate of an internal ballot (ballots issued, members eligible to vote).
        BallotElectorate => "ballot_electorate",
        /// The turnout of an internal ballot.
        BallotTurnout => "ballot_turnout",
        /// Votes cast in an internal ballot.
        VotesCast => "votes_cast",
        /// Conference delegates.
        Delegates => "delegates",
        /// Attendance and registrations at party events.
        Attendance => "attendance",
        /// Party staff.
        Staff => "staff",
        /// Constituency Labour Parties.
        Clps => "clps",
        /// Complaints and disciplinary cases (suspensions, exclusions, expulsions).
        Cases => "cases",
        /// Any other party statistic (submissions, applications, motions, selections).
        Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for kind in MeetingKind::ALL {
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(DecisionOutcome::ALL.len(), 7);
    }
}
