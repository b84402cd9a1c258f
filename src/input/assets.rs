//! Files a lecture refers to (Markdown images). The parsers never open files: the
//! caller hands an `Assets` that does (`project`'s picture folder for a lecture on disk;
//! tests serve them from memory). Either way the bytes go through the image pipeline
//! (limits, downscaling, no metadata), each distinct picture once.

/// Reads a file named in the lecture.
pub trait Assets {
    /// The file's bytes; `Err` says, in a sentence, what is wrong (missing file, too
    /// big, outside the lecture's folder). `allow_outside`: the deck allows files
    /// outside the lecture's folder.
    fn read(&self, path: &str, allow_outside: bool) -> Result<Vec<u8>, String>;
}
