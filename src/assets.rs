//! Files a lecture refers to (Markdown images). The library never opens files: the
//! caller hands an `Assets` that does, so tests can serve them from memory. Either way
//! the bytes go through `images::inline` (limits, downscaling, no metadata).

/// Resolves a path written in the lecture to a `data:` URI ready to inline.
pub trait Assets {
    /// `Err` says, in a sentence, what is wrong (missing file, not an image, too big).
    fn image(&self, path: &str) -> Result<String, String>;
}
