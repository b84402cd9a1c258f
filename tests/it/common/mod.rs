//! Helpers shared by the integration tests (`crate::common`).

pub mod browser;
pub mod cli;
pub mod deck;
pub mod firefox;
pub mod office;
pub mod package;
