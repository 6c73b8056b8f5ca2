//! Genesis: the BTT allocation table and the named presets chain specs are built from.

pub mod allocation;
pub mod presets;
