//! Files a lecture refers to (Markdown images). The parsers never open files: the
//! caller hands an `Assets` that does (`project`'s picture folder for a lecture on disk;
//! tests serve them from memory). Either way the bytes go through `images::inline` (limits,
//! downscaling, no metadata).

/// Resolves a path written in the lecture to a `data:` URI ready to inline.
pub trait Assets {
    /// `Err` says, in a sentence, what is wrong (missing file, not an image, too big).
    /// `allow_outside`: the deck allows files outside the lecture's folder.
    fn image(&self, path: &str, allow_outside: bool) -> Result<String, String>;
}
