//! `std::time` under the name `web-time`, patched in for the studio's wasm build only.
//!
//! cfb (which lectern uses to recognise old Word files) takes its clock from web-time,
//! which on wasm32 reaches JavaScript's `Date` through js-sys and wasm-bindgen: that adds
//! some thousand exported stubs (about a megabyte) and imports only wasm-bindgen's own
//! glue provides. The studio only reads files, and reading converts stored timestamps
//! without the clock (`SystemTime::now`, which std does not have on wasm32, is only for
//! writing), so std's types do.

pub use std::time::{Duration, Instant, SystemTime, SystemTimeError, UNIX_EPOCH};

/// web-time's `web` module (types for the browser's clock): nothing here uses it.
pub mod web {}
