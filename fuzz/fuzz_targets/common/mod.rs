//! Shared by the fuzz targets.

pub mod model;
