//! How much of a store's record is placed on the map and tied to a country
//! (issue 15's bars): the share of event parties (actors and recipients)
//! with a country, of events with a place, of placed events with
//! coordinates, and of entity mentions with a country per type; then the
//! most frequent names without a country and, with `--show N`, N sentences
//! of events without a place, for reading what the misses are.
//!
//! `cargo run --release -p chronicle-store --example coverage -- STORE.db [--show N]`

use std::collections::HashMap;
use std::path::PathBuf;

use chronicle_core::{Document, EventArg};
use chronicle_store::Store;

#[derive(Default)]
struct Tally {
    parties: (u64, u64),
    events: u64,
    placed: u64,
    with_coordinates: u64,
    mentions: HashMap<String, (u64, u64)>,
    uncountried: HashMap<String, u64>,
    unplaced: Vec<String>,
}

impl Tally {
    fn party(&mut self, a: &EventArg) {
        self.parties.1 += 1;
        if a.country.as_deref().is_some_and(|c| !c.is_empty()) {
            self.parties.0 += 1;
        } else {
            *self.uncountried.entry(a.name.clone()).or_default() += 1;
        }
    }

    fn add(&mut self, doc: &Document, show: usize) {
        for m in &doc.mentions {
            let t = self.mentions.entry(m.entity_type.as_str().to_string()).or_default();
            t.1 += 1;
            t.0 += u64::from(m.country.is_some());
        }
        for e in &doc.events {
            self.events += 1;
            e.actors.iter().chain(&e.recipients).for_each(|a| self.party(a));
            match &e.place {
                Some(p) => {
                    self.placed += 1;
                    self.with_coordinates += u64::from(p.lat.is_some());
                }
                None if self.unplaced.len() < show => {
                    let s = e.sentence.text(doc.body()).replace('\n', " ");
                    self.unplaced.push(format!("{} | {}", e.event_type.as_str(), s));
                }
                None => {}
            }
        }
    }
}

fn share(n: u64, of: u64) -> String {
    format!("{n}/{of} = {:.1} %", 100.0 * n as f64 / of.max(1) as f64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: coverage STORE.db [--show N]")?);
    let show = match (args.next().as_deref(), args.next()) {
        (Some("--show"), Some(n)) => n.parse()?,
        _ => 0,
    };
    let store = Store::open_existing(&db)?;
    let mut tally = Tally::default();
    store.for_each_document(|d| {
        tally.add(&d, show);
        Ok(())
    })?;
    println!("event parties with a country: {}", share(tally.parties.0, tally.parties.1));
    println!("events with a place:          {}", share(tally.placed, tally.events));
    println!("placed events with lat/lon:   {}", share(tally.with_coordinates, tally.placed));
    let mut types: Vec<_> = tally.mentions.iter().collect();
    types.sort();
    for (t, (c, n)) in types {
        println!("{t} mentions with a country: {}", share(*c, *n));
    }
    let mut names: Vec<_> = tally.uncountried.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nparties without a country, most frequent:");
    for (name, n) in names.iter().take(60) {
        println!("{n:6}  {name}");
    }
    if !tally.unplaced.is_empty() {
        println!("\nevents without a place:");
        tally.unplaced.iter().for_each(|s| println!("{s}"));
    }
    Ok(())
}
