//! Copies: the same report posted at more than one address (a member's blog and a group's
//! site), known by their bodies' fingerprints (`nectar_model::ids::same_text`). Candidates are
//! found by locality-sensitive hashing (four bands of four MinHash values: reports that share
//! a band), so the reports are never compared two by two.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use nectar_model::ids::same_text;

use crate::Rows;

/// The copies among the reports: each copy's report ID, with the ID of the report it copies.
pub(crate) fn find(reports: &Rows) -> BTreeMap<String, String> {
    let mut prints: Vec<(&str, &str, NaiveDate)> = reports
        .rows
        .iter()
        .filter_map(|r| {
            let id = reports.str(r, "report_id")?;
            let print = reports.str(r, "fingerprint")?;
            let published = reports
                .date(r, "published")
                .map_or(NaiveDate::MAX, |d| d.first_day());
            Some((id, print, published))
        })
        .collect();
    // The first of a group is the first published, then the first by ID.
    prints.sort_by(|a, b| (a.2, a.0).cmp(&(b.2, b.0)));
    let mut bands: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    for (i, (_, print, _)) in prints.iter().enumerate() {
        for band in 0..4 {
            if let Some(key) = print.get(band * 64..(band + 1) * 64) {
                bands.entry((band, key)).or_default().push(i);
            }
        }
    }
    // Each report's group, by the first report of it (union-find over the candidates).
    let mut first: Vec<usize> = (0..prints.len()).collect();
    fn root(first: &mut [usize], mut i: usize) -> usize {
        while first[i] != i {
            first[i] = first[first[i]];
            i = first[i];
        }
        i
    }
    let mut pairs = BTreeSet::new();
    for members in bands.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for (a, b) in pairs {
        if same_text(prints[a].1, prints[b].1) {
            let (ra, rb) = (root(&mut first, a), root(&mut first, b));
            // The earlier report (in sorted order) stays the group's first.
            first[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut copies = BTreeMap::new();
    for i in 0..prints.len() {
        let r = root(&mut first, i);
        if r != i {
            copies.insert(prints[i].0.to_owned(), prints[r].0.to_owned());
        }
    }
    copies
}
