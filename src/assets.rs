//! Files a lecture refers to (Markdown images). The parsers never open files: the
//! caller hands an `Assets` that does ([`Folder`] for a lecture on disk; tests serve
//! them from memory). Either way the bytes go through `images::inline` (limits,
//! downscaling, no metadata).

use std::path::PathBuf;

use crate::fsread;
use crate::images::{self, ImageUse};

/// Resolves a path written in the lecture to a `data:` URI ready to inline.
pub trait Assets {
    /// `Err` says, in a sentence, what is wrong (missing file, not an image, too big).
    /// `allow_outside`: the deck allows files outside the lecture's folder.
    fn image(&self, path: &str, allow_outside: bool) -> Result<String, String>;
}

/// Pictures read from the lecture's folder: regular files only, at most
/// [`fsread::MAX_PICTURE`] bytes, and none from outside the folder unless allowed.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    /// Set by the user (`--allow-outside`): allows them whatever the deck says.
    allow_outside: bool,
    /// One decode per distinct picture, and the deck's picture budget.
    cache: images::Cache,
}

impl Folder {
    pub fn new(dir: impl Into<PathBuf>, allow_outside: bool) -> Self {
        Folder {
            dir: dir.into(),
            allow_outside,
            cache: images::Cache::new(),
        }
    }
}

impl Assets for Folder {
    fn image(&self, path: &str, allow_outside: bool) -> Result<String, String> {
        let written = path.strip_prefix("file://").unwrap_or(path);
        let full = fsread::resolve(
            &self.dir,
            written,
            allow_outside || self.allow_outside,
            "lecture",
        )
        .map_err(|e| e.to_string())?;
        let bytes = fsread::read_limited(&full, fsread::MAX_PICTURE).map_err(|e| e.to_string())?;
        self.cache
            .inline(&bytes, written, ImageUse::Content)
            .map(|p| p.data.uri.clone())
            .map_err(|e| e.to_string())
    }
}
