//! Helpers shared by the integration tests (`mod common;`).

pub mod browser;
pub mod cli;
pub mod deck;
pub mod firefox;
