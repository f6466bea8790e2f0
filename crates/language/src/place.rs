//! Where events happened: each event's location (a place mention the event
//! coder chose) resolved to a GeoNames place of the knowledge base, with its
//! id and coordinates.
//!
//! - A location the recognizer already tied to a GeoNames place
//!   (`geonames-<id>`) is that place.
//! - A country is the country, placed at the population-weighted centre of
//!   its GeoNames places (GeoNames gives no point for a country here).
//! - A region of the hand-made KB (a state, province, oblast or named area)
//!   is the GeoNames place of that name in the region's country when there
//!   is one (a city named like its province: "Misrata", "Donetsk"), else the
//!   region, with its country and no coordinates (the KB has none for
//!   regions), never a town abroad that shares its name ("Florida").
//! - Any other name (a capital the hand-made KB knows, a city the tagger
//!   found) is looked up among the GeoNames places of that name: the most
//!   populous in a country the document names elsewhere, unless it is much
//!   smaller than the most populous of all (`min_population_share` in
//!   `data/language/places.tsv`), then that one ("Tripoli" in an article
//!   naming Lebanon is Lebanon's, otherwise Libya's; "Geneva" in an article
//!   naming the United States is still Switzerland's).
//! - A place no table knows keeps its name and the mention's country, with
//!   no coordinates.
//!
//! Reads: `events[].location`, `mentions`. Writes: `events[].place`.

use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, EventArg, Mention, Place};

use crate::kb::{fold, Kb};

const RULES_TSV: &str = include_str!("../../../data/language/places.tsv");

/// `min_population_share` of `data/language/places.tsv` (0.15 when the
/// line is missing or not a number in 0..=1).
static MIN_POPULATION_SHARE: LazyLock<f64> = LazyLock::new(|| {
    RULES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| k.trim() == "min_population_share")
        .and_then(|(_, v)| v.trim().parse::<f64>().ok())
        .filter(|v| (0.0..=1.0).contains(v))
        .unwrap_or(0.15)
});

/// Fills `place` of every event that has a location.
pub fn annotate(kb: &Kb, doc: &mut Document) {
    if doc.events.iter().all(|e| e.location.is_none()) {
        return;
    }
    let places: Vec<Option<Place>> =
        doc.events.iter().map(|e| e.location.as_ref().map(|l| resolve(kb, l, &doc.mentions))).collect();
    for (e, p) in doc.events.iter_mut().zip(places) {
        e.place = p;
    }
}

/// The place a location argument names, given the document's mentions.
pub fn resolve(kb: &Kb, arg: &EventArg, mentions: &[Mention]) -> Place {
    if let Some(p) = arg.kb_id.as_deref().and_then(|k| k.strip_prefix("geonames-")?.parse().ok()).and_then(|id| kb.place(id)) {
        return gazetteer_place(p);
    }
    if let Some(c) = arg.kb_id.as_deref().and_then(|k| kb.country(k)) {
        let centre = kb.country_centre(&c.iso3);
        return Place {
            name: c.name.clone(),
            geonames_id: None,
            country: Some(c.iso3.clone()),
            lat: centre.map(|c| c.0),
            lon: centre.map(|c| c.1),
        };
    }
    let region = arg.kb_id.as_deref().and_then(|k| kb.regions.iter().find(|r| !r.code.is_empty() && r.code == k));
    let candidates = kb.places_named(&arg.name);
    if let Some(r) = region.or_else(|| kb.region_named(&arg.name)) {
        return match candidates.iter().find(|p| p.iso3 == r.iso3) {
            Some(city) => gazetteer_place(city),
            None => Place { name: r.name.clone(), geonames_id: None, country: Some(r.iso3.clone()), lat: None, lon: None },
        };
    }
    let named = countries_named_besides(mentions, &arg.name);
    match choose(&candidates, &named) {
        Some(p) => gazetteer_place(p),
        None => Place { name: arg.name.clone(), geonames_id: None, country: arg.country.clone(), lat: None, lon: None },
    }
}

/// Of the places of one name (most populous first), the most populous in a
/// country of `named` unless it is much smaller than the largest
/// (`min_population_share`), else the largest.
pub(crate) fn choose<'k>(candidates: &[&'k crate::kb::Place], named: &[&str]) -> Option<&'k crate::kb::Place> {
    let largest = candidates.first().map_or(0.0, |p| p.population as f64);
    let local = candidates
        .iter()
        .find(|p| named.contains(&p.iso3.as_str()))
        .filter(|p| p.population as f64 >= *MIN_POPULATION_SHARE * largest);
    local.or(candidates.first()).copied()
}

fn gazetteer_place(p: &crate::kb::Place) -> Place {
    Place { name: p.name.clone(), geonames_id: Some(p.geonameid), country: Some(p.iso3.clone()), lat: Some(p.lat), lon: Some(p.lon) }
}

/// Countries of the document's location mentions other than those named
/// `name` (a capital's own mention says nothing about which one is meant).
fn countries_named_besides<'a>(mentions: &'a [Mention], name: &str) -> Vec<&'a str> {
    let key = fold(name);
    let mut out: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.entity_type == EntityType::Location && fold(&m.canonical) != key) {
        if let Some(c) = m.country.as_deref().filter(|c| !out.contains(c)) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, MentionSource, Metadata, Span};

    fn world() -> Kb {
        let places = "# columns: geonameid\tname\tascii\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\n\
            2210247\tTripoli\t\tTarabulus\tLBY\t09\t32.8925\t13.1800\t1150989\n\
            266826\tTripoli\t\tTarabulus\tLBN\t09\t34.4367\t35.8497\t229398\n\
            2219905\tBenghazi\t\t\tLBY\t02\t32.1167\t20.0667\t650629\n\
            2214846\tMisratah\t\tMisrata\tLBY\t58\t32.3754\t15.0925\t386120\n\
            9999999\tCyrenaica\t\t\tBRA\t01\t-10.0\t-50.0\t20000\n";
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in crate::kb::FILES {
            let text = match f {
                "places.tsv" => places.to_string(),
                "regions.tsv" => "# columns: code\tname\taliases\tiso3\nLY-MI\tMisrata District\tMisrata\tLBY\n\tCyrenaica\tBarqa\tLBY\n".to_string(),
                "countries.tsv" => "# columns: iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tcameo\n\
                    LBY\tLY\tLibya\t\tLibyan\tTripoli\t\nLBN\tLB\tLebanon\t\tLebanese\tBeirut\t\n"
                    .to_string(),
                _ => String::new(),
            };
            texts.push((f.to_string(), text));
        }
        Kb::from_texts(&texts).unwrap()
    }

    fn doc(body: &str, places: &[(&str, Option<&str>)]) -> Document {
        let mut d = Document::new(DocId::parse("a"), "a".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
        for (name, country) in places {
            let start = body.find(name).unwrap();
            d.mentions.push(Mention {
                span: Span::new(body, start, start + name.len()).unwrap(),
                entity_type: EntityType::Location,
                canonical: name.to_string(),
                kb_id: None,
                country: country.map(String::from),
                sector: None,
                source: MentionSource::Kb,
            });
        }
        d
    }

    fn arg(name: &str, kb_id: Option<&str>, country: Option<&str>) -> EventArg {
        EventArg { name: name.into(), kb_id: kb_id.map(String::from), country: country.map(String::from), sector: None, span: None }
    }

    #[test]
    fn an_ambiguous_city_is_the_one_in_a_country_the_document_names() {
        let kb = world();
        let lebanon = doc("Clashes in Tripoli, northern Lebanon.", &[("Tripoli", Some("LBY")), ("Lebanon", Some("LBN"))]);
        let p = resolve(&kb, &arg("Tripoli", None, Some("LBY")), &lebanon.mentions);
        assert_eq!((p.geonames_id, p.country.as_deref()), (Some(266826), Some("LBN")));
        let libya = doc("Clashes in Tripoli and Benghazi.", &[("Tripoli", Some("LBY")), ("Benghazi", Some("LBY"))]);
        let p = resolve(&kb, &arg("Tripoli", None, Some("LBY")), &libya.mentions);
        assert_eq!((p.geonames_id, p.lat), (Some(2210247), Some(32.8925)));
        let small = doc("Clashes in Tripoli, Lebanon.", &[("Tripoli", Some("LBY")), ("Lebanon", Some("LBN"))]);
        let p = resolve(&kb, &arg("Benghazi", None, None), &small.mentions);
        assert_eq!(p.geonames_id, Some(2219905), "the only Benghazi, wherever the article is");
        let nothing_else = doc("Clashes in Tripoli.", &[("Tripoli", Some("LBN"))]);
        let p = resolve(&kb, &arg("Tripoli", None, None), &nothing_else.mentions);
        assert_eq!(p.geonames_id, Some(2210247), "no other country named: the most populous");
    }

    #[test]
    fn ids_countries_and_unknown_places() {
        let kb = world();
        let d = doc("x", &[]);
        assert_eq!(resolve(&kb, &arg("Banghazi", Some("geonames-2219905"), Some("LBY")), &d.mentions).name, "Benghazi");
        let libya = resolve(&kb, &arg("Libya", Some("LBY"), Some("LBY")), &d.mentions);
        assert_eq!((libya.name.as_str(), libya.geonames_id, libya.country.as_deref()), ("Libya", None, Some("LBY")));
        let (lat, lon) = (libya.lat.unwrap(), libya.lon.unwrap());
        assert!((32.1..32.9).contains(&lat) && (13.1..20.1).contains(&lon), "between its places: {lat} {lon}");
        let misrata = resolve(&kb, &arg("Misrata", Some("LY-MI"), Some("LBY")), &d.mentions);
        assert_eq!(misrata.geonames_id, Some(2214846), "the city named like its district");
        let cyrenaica = resolve(&kb, &arg("Cyrenaica", None, Some("LBY")), &d.mentions);
        assert_eq!((cyrenaica.geonames_id, cyrenaica.country.as_deref()), (None, Some("LBY")), "not the town abroad");
        let gulf = resolve(&kb, &arg("Gulf of Sidra", None, Some("LBY")), &d.mentions);
        assert_eq!((gulf.geonames_id, gulf.lat, gulf.country.as_deref()), (None, None, Some("LBY")));
    }
}
