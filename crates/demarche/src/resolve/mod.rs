//! Where it happened: place recognition and geocoding with an embedded gazetteer.
//!
//! [`Gazetteer`] holds the bundled GeoNames-derived place names (countries, first-level
//! divisions, regions and every city of 15,000 people or more). [`PlaceResolver`] finds the
//! place names of a sentence, resolves each to one gazetteer entry and keeps every candidate it
//! weighed with its score and the reasons for it, so an explanation can show why one won.
//! [`Location`] is the serializable form attached to events. [`dedup`] groups the events of
//! many documents that report one real-world event into clusters.

mod bundled;
pub mod dedup;
pub mod first_words;
// The gazetteer's text parser and the snapshot encoder run in build.rs, which compiles these
// two files (and `first_words`) on its own; inside the library only the snapshot test uses them.
#[cfg_attr(not(test), allow(dead_code))]
pub mod gazetteer;
pub mod locate;
#[cfg_attr(not(test), allow(dead_code))]
pub mod name_table;
pub mod places;
#[cfg_attr(not(test), allow(dead_code))]
mod snapshot;

#[cfg(test)]
mod place_accuracy;

pub use gazetteer::{FeatureType, Gazetteer};
pub use places::{PlaceMatch, PlaceMemory, PlaceResolver};

pub use crate::model::{Location, Precision};

impl Precision {
    /// The precision of a feature type.
    pub fn of(feature: FeatureType) -> Precision {
        match feature {
            FeatureType::City | FeatureType::Capital => Precision::City,
            FeatureType::Admin1 | FeatureType::Region => Precision::Admin1,
            FeatureType::Country => Precision::Country,
        }
    }
}
