//! What the extraction knows, read from the data files in `data/`: the people of
//! `data/people.toml` and the word lists of `data/words.toml`. Both files say how to extend them.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

/// A role someone held from one date to another.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenure {
    /// The role (`General Secretary`).
    pub role: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day; none while it lasts.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// A person of `data/people.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable ID (`keir-starmer`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// Other full forms (`Dame Margaret Beckett`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether the first name alone means this person while they hold a role.
    #[serde(default)]
    pub first_name_alone: bool,
    /// Where they sat or worked (an NEC section, `staff`).
    #[serde(default)]
    pub section: Option<String>,
    /// Where the facts are recorded.
    pub source: String,
    /// Roles with dates.
    #[serde(default)]
    pub roles: Vec<Tenure>,
}

impl Person {
    /// The role the person held on `day`, if any.
    pub fn role_on(&self, day: NaiveDate) -> Option<&str> {
        self.roles
            .iter()
            .find(|r| r.from <= day && r.to.is_none_or(|to| day <= to))
            .map(|r| r.role.as_str())
    }

    /// The first word of the name.
    pub fn first_name(&self) -> &str {
        self.name.split(' ').next().unwrap_or(&self.name)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    person: Vec<Person>,
}

/// The people of `data/people.toml`, in file order.
pub fn people() -> &'static [Person] {
    static PEOPLE: LazyLock<Vec<Person>> = LazyLock::new(|| {
        toml::from_str::<PeopleFile>(include_str!("../data/people.toml"))
            .expect("data/people.toml is valid")
            .person
    });
    &PEOPLE
}

/// The word lists of `data/words.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    /// Capitalised words that are not people's names.
    pub not_names: HashSet<String>,
    /// Words that make a phrase next to a name its role.
    pub role_words: Vec<String>,
    /// Roles in their normal form, by the phrases that name them.
    pub role_forms: Vec<(String, String)>,
    /// Words before a role that go.
    pub role_determiners: Vec<String>,
    /// Words before a role that stay before its normal form.
    pub role_qualifiers: Vec<String>,
    /// Words besides role words and `not_names` that can stand in a role before a name.
    pub role_adjectives: Vec<String>,
    /// Words a role read before a name cannot end with.
    pub connectors: Vec<String>,
    /// Nouns after a count, with the metric they give.
    pub count_nouns: Vec<(String, String)>,
    /// Nouns a few words before a count (`attendance would be N`), with the metric they give.
    pub before_nouns: Vec<(String, String)>,
    /// Verbs after a count of members, with the metric they give.
    pub member_verbs: Vec<(String, String)>,
    /// Words right before a count that make it members lost.
    pub loss_words: Vec<String>,
    /// Words that say a quantity is not about the party.
    pub not_party_words: Vec<String>,
    /// Words near a percentage that make it a share of disciplinary cases.
    pub case_words: Vec<String>,
    /// Words near a percentage that make it a share of money.
    pub money_words: Vec<String>,
    /// Metrics whose counts under 10 still count.
    pub small_count_metrics: Vec<String>,
    /// Organisations other than Labour with an executive of their own.
    pub other_bodies: Vec<String>,
    /// Words by which a trade union's reports speak of it.
    pub union_words: Vec<String>,
    /// Words by which a party's reports speak of it.
    pub party_words: Vec<String>,
    /// How many union words a page needs before they can outweigh its party words.
    pub union_words_min: usize,
}

/// The word lists, read once.
pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/words.toml")).expect("data/words.toml is valid")
});

/// What a person's name looks like: the lists of `data/names.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Names {
    /// Common given names: a capitalised run that starts with one is a name.
    pub given_names: HashSet<String>,
    /// Titles before a name (`Baroness`, `Cllr`).
    pub honorifics: HashSet<String>,
    /// Words after a name that make it the title of a thing (`Inquiry`), lower case.
    pub thing_words: HashSet<String>,
    /// Words that are not names elsewhere but are surnames after a given name (`May`).
    pub surname_words: HashSet<String>,
    /// Words before a place's name (`at`), after which a surname word is a place.
    pub place_words: HashSet<String>,
}

/// The name lists, read once.
pub(crate) static NAMES: LazyLock<Names> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/names.toml")).expect("data/names.toml is valid")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_people_file_is_consistent() {
        let all = people();
        assert!(all.len() >= 40, "{}", all.len());
        let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "IDs are unique");
        for p in all {
            let slug = p.name.to_lowercase().replace(' ', "-");
            assert_eq!(p.id, slug, "{}: the ID is the name", p.name);
            assert!(p.source.starts_with("https://"), "{}: a source", p.name);
            for r in &p.roles {
                assert!(r.to.is_none_or(|to| r.from <= to), "{}: {}", p.name, r.role);
            }
        }
    }

    #[test]
    fn roles_on_a_day() {
        let who = |id: &str| people().iter().find(|p| p.id == id).unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            who("iain-mcnicol").role_on(day("2015-01-20")),
            Some("General Secretary")
        );
        assert_eq!(who("iain-mcnicol").role_on(day("2019-01-20")), None);
        assert_eq!(
            who("keir-starmer").role_on(day("2026-01-01")),
            Some("Leader")
        );
        assert_eq!(who("keir-starmer").first_name(), "Keir");
    }

    #[test]
    fn the_name_lists_load() {
        assert!(NAMES.given_names.contains("Angela"));
        assert!(NAMES.honorifics.contains("Baroness"));
        assert!(NAMES.thing_words.iter().all(|w| *w == w.to_lowercase()));
        // A given name is never a word that is not a name.
        for n in &NAMES.given_names {
            assert!(!WORDS.not_names.contains(n), "{n}");
        }
    }

    #[test]
    fn the_word_lists_load() {
        assert!(WORDS.not_names.contains("Labour"));
        assert!(WORDS.role_words.iter().all(|w| *w == w.to_lowercase()));
        assert!(
            WORDS
                .count_nouns
                .iter()
                .all(|(n, _)| *n == n.to_lowercase())
        );
        // Every metric the lists give is one of the closed vocabulary.
        let metrics = WORDS
            .count_nouns
            .iter()
            .chain(&WORDS.member_verbs)
            .chain(&WORDS.before_nouns)
            .map(|(_, m)| m)
            .chain(&WORDS.small_count_metrics);
        for m in metrics {
            assert!(nectar_model::Metric::NAMES.contains(&m.as_str()), "{m}");
        }
    }
}
