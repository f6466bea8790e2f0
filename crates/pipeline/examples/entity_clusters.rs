//! The entities of a whole store grouped two ways — by `entities::canonicalise`
//! over its documents in storage order, and by the clusters the entity index
//! stored at ingest (`canonicalise_stored`) — with counts per type, how many
//! have a country, and the entities whose aliases contain a word (`--word`,
//! e.g. a family name written many ways). `--dump FILE` writes one line per
//! canonicalised entity (mentions, type, country, aliases) for diffing two
//! builds.
//!
//! `cargo run --release -p chronicle-pipeline --example entity_clusters -- STORE.db [--word W] [--dump FILE]`

use std::collections::BTreeMap;
use std::io::Write;

use chronicle_core::Document;
use chronicle_link::entities::{canonicalise, canonicalise_stored, CanonicalEntity};
use chronicle_store::Store;

fn summary(label: &str, ents: &[CanonicalEntity]) {
    let mut by_type: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for e in ents {
        let t = by_type.entry(e.entity_type.as_str()).or_default();
        t.0 += 1;
        t.1 += usize::from(e.country.is_some());
        t.2 += e.mentions;
    }
    println!("{label}: {} entities", ents.len());
    for (t, (n, c, m)) in by_type {
        println!("  {t:13} {n:6} entities, {c:6} with a country, {m:7} mentions");
    }
}

fn with_word(ents: &[CanonicalEntity], word: &str) {
    let w = word.to_lowercase();
    let hits: Vec<&CanonicalEntity> = ents.iter().filter(|e| e.aliases.iter().any(|a| a.to_lowercase().contains(&w))).collect();
    println!("  entities with an alias containing {word:?}: {}", hits.len());
    for e in hits.iter().take(15) {
        println!("    {:6} {} {:?} {}", e.mentions, e.entity_type.as_str(), e.country, e.name);
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or("usage: entity_clusters STORE.db [--word W] [--dump FILE]")?;
    let (mut word, mut dump) = (None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--word" => word = args.next(),
            "--dump" => dump = args.next(),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let store = Store::open_existing(std::path::Path::new(&db))?;
    let ids: Vec<String> = store.storage_order()?.iter().map(|d| d.as_str().to_string()).collect();
    let mut docs: Vec<Document> = store.documents_by_id(&ids)?;
    let position: std::collections::HashMap<String, usize> = ids.iter().enumerate().map(|(i, d)| (d.clone(), i)).collect();
    docs.sort_by_key(|d| position.get(d.id.as_str()).copied().unwrap_or(usize::MAX));
    let fresh = canonicalise(&docs);
    let stored = canonicalise_stored(&docs, &store.entity_clusters()?);
    summary("canonicalise", &fresh);
    word.as_deref().into_iter().for_each(|w| with_word(&fresh, w));
    summary("stored clusters", &stored);
    word.as_deref().into_iter().for_each(|w| with_word(&stored, w));
    if let Some(path) = dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        let mut lines: Vec<String> = fresh
            .iter()
            .map(|e| format!("{}\t{}\t{}\t{}", e.mentions, e.entity_type.as_str(), e.country.as_deref().unwrap_or("-"), e.aliases.join(" | ")))
            .collect();
        lines.sort();
        for l in lines {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}
