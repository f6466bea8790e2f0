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
