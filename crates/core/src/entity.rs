use serde::{Deserialize, Serialize};

/// The kinds of named entity chronicle tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation or institution ("the Kremlin" as the Russian government).
    Organization,
    /// A country, region, city or other place.
    Location,
    /// A nationality or other group ("Ukrainian", "Russian negotiators").
    Group,
}

impl EntityType {
    /// Export name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Group => "group",
        }
    }

    /// Parses the export name.
    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "person" => Some(EntityType::Person),
            "organization" | "organisation" => Some(EntityType::Organization),
            "location" => Some(EntityType::Location),
            "group" => Some(EntityType::Group),
            _ => None,
        }
    }
}

/// The export id of an entity: `e:` plus the knowledge-base id when known,
/// else `e:<type>:<slug of the canonical name>`. Mentions and entity records
/// use this one function so they always agree.
pub fn entity_id(kb_id: Option<&str>, entity_type: EntityType, canonical: &str) -> String {
    match kb_id {
        Some(kb) if !kb.is_empty() => format!("e:{kb}"),
        _ => format!("e:{}:{}", entity_type.as_str(), slug(canonical)),
    }
}

/// Lower-case, ASCII-folded where trivial, words joined by `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(ch);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_prefer_kb_and_slug_names() {
        assert_eq!(entity_id(Some("RUS"), EntityType::Location, "Russia"), "e:RUS");
        assert_eq!(entity_id(None, EntityType::Person, "Vladimir  Medinsky"), "e:person:vladimir-medinsky");
        assert_eq!(slug("Erdoğan, Recep"), "erdoğan-recep");
    }
}
