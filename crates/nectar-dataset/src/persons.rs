//! One row per person across reports, with what the people data knows of them.

use std::collections::{BTreeMap, BTreeSet};

use nectar_tables::{Cell, Row};

use crate::Rows;

#[derive(Default)]
struct Person<'a> {
    name: Option<&'a str>,
    aliases: BTreeSet<String>,
    reports: BTreeSet<&'a str>,
}

/// The rows of `persons`, by ID.
pub(crate) fn rows(people: &Rows) -> Vec<Row> {
    let mut persons: BTreeMap<String, Person> = BTreeMap::new();
    for row in &people.rows {
        let Some(name) = people.str(row, "name") else {
            continue;
        };
        let id = people
            .str(row, "person_id")
            .map_or_else(|| nectar_tables::person_slug(name), str::to_owned);
        let p = persons.entry(id).or_default();
        p.name.get_or_insert(name);
        if name != p.name.unwrap_or(name) {
            p.aliases.insert(name.to_owned());
        }
        for alias in people.str(row, "aliases").unwrap_or("").split("; ") {
            if !alias.trim().is_empty() {
                p.aliases.insert(alias.trim().to_owned());
            }
        }
        if let Some(r) = people.str(row, "report_id") {
            p.reports.insert(r);
        }
    }
    let curated = nectar_extract::people();
    persons
        .into_iter()
        .map(|(id, mut p)| {
            let known = curated.iter().find(|c| c.id == id);
            let name = known.map_or(p.name.unwrap_or(""), |k| k.name.as_str());
            if let Some(k) = known {
                p.aliases.extend(k.aliases.iter().cloned());
            }
            p.aliases.remove(name);
            let roles: Vec<String> = known
                .map(|k| {
                    k.roles
                        .iter()
                        .map(|t| {
                            let to = t.to.map_or_else(String::new, |d| d.to_string());
                            format!("{} {}/{to}", t.role, t.from)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let joined = |items: Vec<String>| {
                if items.is_empty() {
                    Cell::Null
                } else {
                    Cell::Str(items.join("; "))
                }
            };
            vec![
                Cell::Str(id.clone()),
                Cell::Str(name.to_owned()),
                joined(p.aliases.into_iter().collect()),
                Cell::Bool(known.is_some()),
                known
                    .and_then(|k| k.section.clone())
                    .map_or(Cell::Null, Cell::Str),
                joined(roles),
                known.map_or(Cell::Null, |k| Cell::Str(k.source.clone())),
                Cell::Int(p.reports.len() as i64),
            ]
        })
        .collect()
}
