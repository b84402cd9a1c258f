//! Files a lecture refers to (Markdown images). The library never opens files: the
//! caller hands an `Assets` that does, so tests can serve them from memory.

use base64::Engine as _;

/// Resolves a path written in the lecture to a `data:` URI ready to inline.
pub trait Assets {
    /// `Err` says, in a sentence, what is wrong (missing file, not an image, too big).
    fn image(&self, path: &str) -> Result<String, String>;
}

/// The image formats a deck can show, by their first bytes.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    let text_start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if text_start.contains("<svg") {
        Some("image/svg+xml")
    } else {
        None
    }
}

/// The bytes as a `data:` URI, unchanged.
pub fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}
