//! Files a lecture refers to (Markdown images). The library never opens files: the
//! caller hands an `Assets` that does, so tests can serve them from memory. Either way
//! the bytes go through the image pipeline (limits, downscaling, no metadata).

/// Reads a file named in the lecture.
pub trait Assets {
    /// The file's bytes; `Err` says, in a sentence, what is wrong (missing file, too big).
    fn read(&self, path: &str) -> Result<Vec<u8>, String>;
}
