//! Prints, for each PLOVER gold record, the language layer's mentions and the
//! main event's arguments, for debugging actor rules:
//! `cargo run --release -p chronicle-events --example gsr_mentions -- [PATH] [ID-SUBSTRING]`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/plover-gsr/PLOVER_GSR_dev.json".into());
    let filter = std::env::args().nth(2).unwrap_or_default();
    let gold = match chronicle_events::eval::read_gold(std::path::Path::new(&path)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipped: {e}");
            return;
        }
    };
    let lang = chronicle_language::Language::load().expect("language layer");
    let coder = chronicle_events::EventCoder::builtin().expect("lexicon");
    for g in gold.iter().filter(|g| g.id.contains(&filter)) {
        let mut doc = chronicle_events::eval::plain_document(&g.text);
        lang.annotate(&mut doc);
        coder.code(&mut doc);
        println!("== {} gold {:?} {:?} → {:?}\n   {}", g.id, g.event_type.map(|t| t.as_str()), g.source, g.target, g.text);
        for m in &doc.mentions {
            println!(
                "   m '{}' {:?} c={:?} s={:?} {:?}",
                m.span.text(doc.body()),
                m.entity_type,
                m.country,
                m.sector,
                m.source
            );
        }
        if let Some(e) = chronicle_events::eval::main_event(&doc.events) {
            let names = |v: &[chronicle_core::EventArg]| {
                v.iter().map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("+")
            };
            println!("   → {} {} → {} | {}", e.event_type.as_str(), names(&e.actors), names(&e.recipients), e.rule);
        }
    }
}
