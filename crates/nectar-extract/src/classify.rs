//! Which pages report meetings of Labour's NEC: a scored decision with its reasons.
//!
//! Each piece of evidence for or against adds its weight; a page with a positive score is an
//! NEC report. The weights lean towards keeping a page: a page wrongly kept costs a few
//! facts, a report wrongly dropped loses all of its facts.

use std::sync::LazyLock;

use ::regex::Regex;
use nectar_model::ReportKind;
use nectar_text::{ceil_boundary, floor_boundary};

use crate::{knowledge, regex};

/// What a page offers the decision.
pub(crate) struct Page<'a> {
    /// The title and the opening of the text.
    pub head: &'a str,
    /// The title, if the page has one.
    pub title: Option<&'a str>,
    /// The page's address.
    pub url: Option<&'a str>,
    /// The body.
    pub body: &'a str,
}

/// The decision: the kind, the score and each reason with its weight.
pub(crate) struct Decision {
    pub kind: ReportKind,
    pub score: i32,
    pub reasons: Vec<(i32, &'static str)>,
}

impl Decision {
    /// The decision as one line for the report's notes.
    pub fn note(&self) -> String {
        let verdict = match self.kind {
            ReportKind::NecReport => "an NEC report",
            ReportKind::NotNecReport => "not an NEC report",
        };
        let reasons: Vec<String> = self
            .reasons
            .iter()
            .map(|(w, r)| format!("{r} ({w:+})"))
            .collect();
        let reasons = if reasons.is_empty() {
            "no sign of an NEC meeting, report or decision".to_owned()
        } else {
            reasons.join("; ")
        };
        format!("{verdict} (score {:+}): {reasons}", self.score)
    }
}

const S: &str = r"[\s\u{a0}]+";

/// The NEC by its names.
static NEC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bNEC\b|\bnational[\s\u{a0}]+executive\b").expect("valid regex"));

static MEETING_TALK: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i-u)\b(?:meeting|met|away(?u:[\s\u{a0}])?day|agenda|was(?u:[\s\u{a0}])+agreed|we(?u:[\s\u{a0}])+agreed|report(?:ed)?(?u:[\s\u{a0}])+(?:to|from|on)|gave(?u:[\s\u{a0}])+(?:a|the|his|her)(?u:[\s\u{a0}])+(?u:\S)+(?u:[\s\u{a0}])+report)\b")
        .expect("valid regex")
});

/// The NEC as the subject of a decision (`the NEC voted`, `the party's ruling body agreed`,
/// `The National Executive Committee (NEC) passed`), or a decision of the NEC named as such
/// (`votes on Labour's national executive`, `the NEC's decision`).
static NEC_DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    let nec = format!(
        r"(?:NEC|national{S}executive(?:{S}committee)?|ruling{S}(?:body|executive|committee))"
    );
    let verbs = r"voted|agreed|decided|chose|endorsed|approved|passed|rejected|appointed|backed|elected|selected|ruled|suspended|expelled|adopted|confirmed|upheld|overturned|imposed|refused|blocked";
    regex(&format!(
        r"(?i)\b{nec}(?:{S}?\([^)]{{1,12}}\))?{S}(?:(?:has|have|had|then|also|finally|formally|narrowly|unanimously|today|yesterday){S}){{0,2}}(?:{verbs})\b|\b(?:votes?|decisions?|ruling|ballot){S}(?:on|of|at|by){S}(?:the{S}|labour['’]s{S}|its{S})?{nec}\b|\b{nec}['’]s{S}(?:decision|vote|ruling)\b"
    ))
    .expect("valid regex")
});

static OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i-u)\b(?:CLP|branch|constituency|ward|regional|district|council|union|trades?(?u:[\s\u{a0}])+council)(?u:[\s\u{a0}])+(?:executive|committee|meeting|EC|minutes)\b|\bminutes(?u:[\s\u{a0}])+of(?u:[\s\u{a0}])+the\b")
        .expect("valid regex")
});

static ELECTION_STORY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:nec|national[\s\u{a0}]+executive)[\s\u{a0}]+(?:election|elections|ballot|result|results|race|slate)\b|\bresults?[\s\u{a0}]+(?:of|in)[\s\u{a0}]+the[\s\u{a0}]+(?:nec|national[\s\u{a0}]+executive)")
        .expect("valid regex")
});

/// Another organisation's executive (`the SNP’s National Executive Committee`, `UNISON NEC`,
/// `Young Labour national committee`), from `data/words.toml`'s `other_bodies`.
static OTHER_BODY_EXECUTIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\b(?:{})(?:['’]s)?[\s\u{{a0}}]+(?i:NEC|national[\s\u{{a0}}]+(?:executive|committee)|executive[\s\u{{a0}}]+committee)\b",
        alternatives(&knowledge::WORDS.other_bodies)
    ))
    .expect("valid regex")
});

/// Labour's NEC named as such (`Labour's NEC`, `the Labour Party National Executive`).
static LABOUR_NEC: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\bLabour(?:[\s\u{a0}]+Party)?(?:['’]s)?[\s\u{a0}]+(?i:NEC|national[\s\u{a0}]+executive)\b")
        .expect("valid regex")
});

/// A title, address or opening that names a report or a meeting of the NEC (`Report of the
/// NEC meeting held on ...`, `NEC report: March`, `Labour NEC away day`).
static NEC_REPORT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:NEC|national[\s\u{a0}]+executive(?:[\s\u{a0}]+committee)?)\b[^.!?]{0,60}?\b(?:report|reports|meeting|meetings|update|away[\s\u{a0}-]?day|round-?up|briefing)\b|\b(?:report|meeting|update|round-?up)[\s\u{a0}]+(?:of|from|on)[\s\u{a0}]+(?:the[\s\u{a0}]+|labour['’]s[\s\u{a0}]+)?(?:NEC|national[\s\u{a0}]+executive)\b")
        .expect("valid regex")
});

static OTHER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\bminutes[\s\u{a0}]+of\b|\bconstituency[\s\u{a0}]+labour[\s\u{a0}]+party\b|\b(?:CLP|branch|ward|district|regional)[\s\u{a0}]+(?:executive|committee|meeting|general[\s\u{a0}]+meeting)\b|\bexecutive[\s\u{a0}]+committee\b")
        .expect("valid regex")
});

/// A word list as regex alternatives, any space matching any run of spaces.
fn alternatives(words: &[String]) -> String {
    words
        .iter()
        .map(|b| regex::escape(b).replace(' ', S))
        .collect::<Vec<_>>()
        .join("|")
}

/// A word list as one case-blind regex of whole words.
fn word_list(words: &[String]) -> Regex {
    regex(&format!(r"(?i)\b(?:{})(?:\b|$)", alternatives(words))).expect("valid regex")
}

static UNION_WORDS: LazyLock<Regex> = LazyLock::new(|| word_list(&knowledge::WORDS.union_words));
static PARTY_WORDS: LazyLock<Regex> = LazyLock::new(|| word_list(&knowledge::WORDS.party_words));

/// Whether `text` names Labour's own NEC, not a wing's (`Young Labour`).
pub(crate) fn names_labour_nec(text: &str) -> bool {
    LABOUR_NEC.find_iter(text).any(|m| {
        let before = text[..m.start()].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !matches!(word, "Young" | "Scottish" | "Welsh")
    })
}

/// The words of an address's path (`/2023/09/nec-report-26-september-2023/` gives
/// `2023 09 nec report 26 september 2023`).
fn address_words(url: &str) -> String {
    let path = crate::url_parts(url).1;
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.replace(['/', '-', '_', '.', '+'], " ")
}

/// The NEC by the names a decision of it goes by.
static DECIDER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\bNEC\b|\bnational[\s\u{a0}]+executive\b|\bruling[\s\u{a0}]+(?:body|executive|committee)\b")
        .expect("valid regex")
});

/// The text around a naming of the NEC (at `m`): `before` bytes before it, `after` bytes after.
fn around(text: &str, m: (usize, usize), before: usize, after: usize) -> &str {
    let from = floor_boundary(text, m.0.saturating_sub(before));
    &text[from..ceil_boundary(text, m.1 + after)]
}

/// What the namings of the NEC in a text say: where they are, whether one says the NEC
/// decided something ([`NEC_DECIDED`]), looked for around the naming only.
struct Namings {
    at: Vec<(usize, usize)>,
    decided: bool,
}

fn namings(text: &str) -> Namings {
    let mut n = Namings {
        at: Vec::new(),
        decided: false,
    };
    for m in DECIDER.find_iter(text) {
        let at = (m.start(), m.end());
        n.at.push(at);
        n.decided = n.decided || NEC_DECIDED.is_match(around(text, at, 40, 80));
    }
    n
}

/// How many of the namings `at` in `text` speak of NEC elections ([`ELECTION_STORY`]), looked
/// for around each naming only; counted only where the decision needs it.
fn elections(text: &str, at: &[(usize, usize)]) -> usize {
    at.iter()
        .filter(|&&m| ELECTION_STORY.is_match(around(text, m, 24, 24)))
        .count()
}

/// Decides whether a page reports meetings of Labour's NEC. The evidence against is weighed
/// only while the score is positive, each count only as far as the answer needs.
pub(crate) fn classify(page: &Page<'_>) -> Decision {
    let mut reasons: Vec<(i32, &'static str)> = Vec::new();
    let title_names = page.title.is_some_and(|t| NEC_REPORT_TITLE.is_match(t));
    if title_names {
        reasons.push((4, "the title names an NEC report or meeting"));
    } else if page
        .url
        .is_some_and(|u| NEC_REPORT_TITLE.is_match(&address_words(u)))
    {
        reasons.push((4, "the address names an NEC report or meeting"));
    } else if NEC_REPORT_TITLE.is_match(page.head) {
        reasons.push((4, "the opening names an NEC report or meeting"));
    }
    let body = namings(page.body);
    if !body.at.is_empty() && MEETING_TALK.is_match(page.body) {
        reasons.push((2, "the body names the NEC and speaks of a meeting"));
    }
    let decided = body.decided || namings(page.head).decided;
    if decided {
        reasons.push((2, "the NEC is said to have decided something"));
    }
    if names_labour_nec(page.head) || names_labour_nec(page.body) {
        reasons.push((1, "Labour's NEC is named"));
    }

    let mut score: i32 = reasons.iter().map(|(w, _)| w).sum();
    let mut against = |weight: i32, reason: &'static str, holds: &dyn Fn() -> bool| {
        if score > 0 && holds() {
            reasons.push((weight, reason));
            score += weight;
        }
    };
    // The title alone, or the whole opening, naming another body's minutes or meeting.
    let first = page
        .title
        .unwrap_or_else(|| page.head.lines().next().unwrap_or(""));
    let other = |words: &str| OTHER_HEAD.is_match(words) && !NEC.is_match(words);
    against(
        -6,
        "the opening names another body's minutes or committee",
        &|| other(first) || other(page.head),
    );
    against(
        -6,
        "the opening names another organisation's executive",
        &|| OTHER_BODY_EXECUTIVE.is_match(page.head) && !names_labour_nec(page.head),
    );
    let election_first = ELECTION_STORY.is_match(page.head.lines().next().unwrap_or(""));
    against(-5, "the first line is about NEC elections", &|| {
        election_first
    });
    against(-3, "the body is mostly about NEC elections", &|| {
        !election_first && !decided && {
            let election = elections(page.body, &body.at);
            election >= 2 && election * 2 >= MEETING_TALK.find_iter(page.body).count()
        }
    });
    against(
        -3,
        "other bodies' committees are named more than the NEC",
        &|| {
            let others = OTHER_BODY
                .find_iter(page.body)
                .take(body.at.len() + 1)
                .count();
            others > body.at.len()
        },
    );
    against(-8, "it speaks of a union more than of a party", &|| {
        let union = UNION_WORDS.find_iter(page.body).count();
        union >= knowledge::WORDS.union_words_min
            && union > PARTY_WORDS.find_iter(page.body).take(union).count()
    });

    Decision {
        kind: if score > 0 {
            ReportKind::NecReport
        } else {
            ReportKind::NotNecReport
        },
        score,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(head: &str, title: Option<&str>, url: Option<&str>, body: &str) -> ReportKind {
        classify(&Page {
            head,
            title,
            url,
            body,
        })
        .kind
    }

    #[test]
    fn classifies_other_bodies() {
        let nec = "The NEC met on Tuesday. The meeting agreed a motion.";
        assert_eq!(kind(nec, None, None, nec), ReportKind::NecReport);
        let head = "Minutes of the meeting of the Executive Committee";
        let body = "The minutes were agreed. The NEC guidance on AGMs was noted.";
        assert_eq!(kind(head, None, None, body), ReportKind::NotNecReport);
        let weather = "A story about the weather.";
        assert_eq!(kind(weather, None, None, weather), ReportKind::NotNecReport);
    }

    #[test]
    fn a_news_story_of_an_nec_decision_is_a_report() {
        let body = "Labour's ruling body has chosen a new treasurer. The NEC voted by 20 \
                    votes to 9 for the change, sources said.";
        assert_eq!(kind(body, None, None, body), ReportKind::NecReport);
        let body = "Members of the NEC will vote next month; most are undecided.";
        assert_eq!(kind(body, None, None, body), ReportKind::NotNecReport);
    }

    #[test]
    fn an_address_naming_an_nec_report_keeps_the_page() {
        let body = "We discussed the budget and the campaign.";
        let url = "https://example.org/2024/03/nec-report-12-march-2024/";
        assert_eq!(kind(body, None, Some(url), body), ReportKind::NecReport);
        assert_eq!(kind(body, None, None, body), ReportKind::NotNecReport);
    }

    #[test]
    fn a_unions_nec_report_is_not_labours() {
        let title = "NEC report, meeting of 4 May";
        let body = "The President opened the meeting. The general secretary said the union \
                    would ballot for strike action; branches were thanked and employers \
                    criticised. The NEC agreed the pay claim.";
        let head = format!("{title}\n{body}");
        let d = classify(&Page {
            head: &head,
            title: Some(title),
            url: None,
            body,
        });
        assert_eq!(d.kind, ReportKind::NotNecReport, "{}", d.note());
        assert!(d.note().contains("union"), "{}", d.note());
    }

    #[test]
    fn another_bodys_executive_is_not_labours_nec() {
        let body = "The NEC met today and agreed the timetable for the meeting.";
        let kind = |head: &str| kind(head, None, None, body);
        assert_eq!(
            kind("The SNP’s National Executive Committee met today."),
            ReportKind::NotNecReport
        );
        assert_eq!(
            kind("At the Young Labour national committee meeting, members voted."),
            ReportKind::NotNecReport
        );
        assert_eq!(kind("UNISON NEC report"), ReportKind::NotNecReport);
        // Naming Labour's NEC as well keeps the page: it compares the two.
        assert_eq!(
            kind("Unite NEC backs what Labour's NEC decided"),
            ReportKind::NecReport
        );
    }
    #[test]
    fn names_labour_nec_not_a_wings() {
        assert!(!names_labour_nec("the Young Labour NEC rep"));
        assert!(names_labour_nec("Labour’s NEC met"));
    }
}
