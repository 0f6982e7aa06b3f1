//! Where it happened: place recognition and geocoding with an embedded gazetteer.
//!
//! [`Gazetteer`] holds the bundled GeoNames-derived place names (countries, first-level
//! divisions, regions and every city of 15,000 people or more). [`PlaceResolver`] finds the
//! place names of a sentence, resolves each to one gazetteer entry and keeps every candidate it
//! weighed with its score and the reasons for it, so an explanation can show why one won.
//! [`Location`] is the serializable form attached to events.

pub mod gazetteer;
pub mod locate;
pub mod places;

pub use gazetteer::{fold_key, FeatureType, Gazetteer, PlaceId};
pub use places::{PlaceMatch, PlaceMemory, PlaceResolver};

use crate::model::Span;
use serde::{Deserialize, Serialize};

/// How precisely a location pins down where something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A city or town.
    City,
    /// A first-level division or a region.
    Admin1,
    /// A country.
    Country,
}

impl Precision {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::City => "city",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
        }
    }

    /// The precision of a feature type.
    pub fn of(feature: FeatureType) -> Precision {
        match feature {
            FeatureType::City | FeatureType::Capital => Precision::City,
            FeatureType::Admin1 | FeatureType::Region => Precision::Admin1,
            FeatureType::Country => Precision::Country,
        }
    }
}

/// Where an event happened, as attached to events and written out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name as the gazetteer writes it ("Paris", "Gaza Strip", "China").
    pub name: String,
    /// CAMEO country code of the country it lies in (`FRA`, `PSE`, `KSV`).
    pub country: String,
    /// The first-level division: its name when known ("Texas"), else its GeoNames code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub admin1: Option<String>,
    /// Latitude (a country's is its capital's).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// What kind of place it is.
    pub feature_type: FeatureType,
    /// The text that named the place, as a byte range of the original document.
    pub span: Span,
    /// How precise the location is.
    pub precision: Precision,
    /// GeoNames id, for cities.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geonameid: Option<u32>,
}
