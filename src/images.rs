//! Images for a deck (a theme's logo and background, later pictures in a lecture):
//! decoded with limits (a decompression bomb is an error, never an out-of-memory),
//! scaled down to what a slide can show, re-encoded without metadata (no EXIF, no GPS
//! position of the office) and inlined as `data:` URIs. SVG goes in as an image, where
//! none of its scripts can run.

use std::fmt;
use std::io::Cursor;

use base64::Engine as _;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder, ImageFormat, ImageReader, Limits};

/// What an image is for; sets how large it may stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageUse {
    /// A logo: at most 400 px tall (the title slide shows it largest).
    Logo,
    /// A slide background: at most the canvas, 1920×1080.
    Background,
    /// A picture in a slide's body.
    Content,
}

impl ImageUse {
    fn max_size(self) -> (u32, u32) {
        match self {
            ImageUse::Logo => (1200, 400),
            ImageUse::Background => (1920, 1080),
            ImageUse::Content => (1600, 900),
        }
    }
}

/// An image ready to put in the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataUri {
    /// `data:image/png;base64,…`
    pub uri: String,
    pub mime: &'static str,
    /// Size after scaling; for SVG, from its `viewBox` or `width`/`height` (0 if unknown).
    pub width: u32,
    pub height: u32,
    /// Encoded size in bytes, before base64.
    pub encoded_len: usize,
}

/// Why an image cannot go in the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// Not a format lectern reads.
    Unsupported { name: String },
    /// The file or the picture it unpacks to is too large.
    TooLarge { name: String, what: String },
    /// The file is damaged.
    Corrupt { name: String, message: String },
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::Unsupported { name } => write!(
                f,
                "`{name}` is not an image lectern can read; use PNG, JPEG, GIF, WebP or SVG"
            ),
            ImageError::TooLarge { name, what } => write!(
                f,
                "`{name}` is too large ({what}); save it smaller, e.g. at most 8000×8000 pixels"
            ),
            ImageError::Corrupt { name, message } => {
                write!(
                    f,
                    "`{name}` cannot be read: {message}; open and save it again"
                )
            }
        }
    }
}

impl std::error::Error for ImageError {}

/// Largest file accepted, in bytes.
const MAX_FILE: usize = 40 << 20;
/// Largest SVG accepted, in bytes: a logo, not a map.
const MAX_SVG: usize = 512 << 10;
/// Largest picture accepted, in pixels a side.
const MAX_SIDE: u32 = 12_000;
/// Most memory a decoder may ask for.
const MAX_ALLOC: u64 = 512 << 20;
/// Opaque pictures larger than this as PNG are re-encoded as JPEG.
const PNG_BUDGET: usize = 120 << 10;

/// An image re-encoded for a deck: the bytes to embed, their format and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub data: Vec<u8>,
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Makes `bytes` (a file called `name`) into a `data:` URI fit for `usage`.
pub fn inline(bytes: &[u8], name: &str, usage: ImageUse) -> Result<DataUri, ImageError> {
    let e = prepare(bytes, name, usage)?;
    Ok(DataUri {
        uri: data_uri(e.mime, &e.data),
        mime: e.mime,
        width: e.width,
        height: e.height,
        encoded_len: e.data.len(),
    })
}

/// A picture of a lecture as the deck model holds it.
pub fn picture(bytes: &[u8], name: &str, alt: &str) -> Result<crate::deck::Image, ImageError> {
    let e = prepare(bytes, name, ImageUse::Content)?;
    Ok(crate::deck::Image {
        data: e.data.into(),
        mime: e.mime,
        width: e.width,
        height: e.height,
        alt: alt.to_string(),
    })
}

/// Decodes `bytes` with limits, scales them to `usage` and re-encodes them without
/// metadata; an SVG stays as it is.
pub fn prepare(bytes: &[u8], name: &str, usage: ImageUse) -> Result<Encoded, ImageError> {
    if looks_like_svg(bytes) {
        return svg(bytes, name);
    }
    if bytes.len() > MAX_FILE {
        return Err(ImageError::TooLarge {
            name: name.into(),
            what: format!("{} MB", bytes.len() >> 20),
        });
    }
    let format =
        image::guess_format(bytes).map_err(|_| ImageError::Unsupported { name: name.into() })?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif | ImageFormat::WebP
    ) {
        return Err(ImageError::Unsupported { name: name.into() });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(l) => ImageError::TooLarge {
            name: name.into(),
            what: l.to_string(),
        },
        image::ImageError::Unsupported(_) => ImageError::Unsupported { name: name.into() },
        other => ImageError::Corrupt {
            name: name.into(),
            message: other.to_string(),
        },
    })?;
    let (max_w, max_h) = usage.max_size();
    let img = if img.width() > max_w || img.height() > max_h {
        img.resize(max_w, max_h, FilterType::Lanczos3)
    } else {
        img
    };
    let (data, mime) = encode(&img).map_err(|e| ImageError::Corrupt {
        name: name.into(),
        message: e.to_string(),
    })?;
    Ok(Encoded {
        data,
        mime,
        width: img.width(),
        height: img.height(),
    })
}

/// `data:` URI of encoded bytes.
pub fn data_uri(mime: &str, data: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(data)
    )
}

/// PNG for pictures with transparency or that compress well (logos, drawings), JPEG for
/// opaque photographs. Neither encoder writes metadata.
fn encode(img: &DynamicImage) -> image::ImageResult<(Vec<u8>, &'static str)> {
    let transparent = img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255);
    let mut png = Vec::new();
    if transparent {
        let rgba = img.to_rgba8();
        PngEncoder::new_with_quality(&mut png, CompressionType::Best, PngFilter::Adaptive)
            .write_image(
                &rgba,
                rgba.width(),
                rgba.height(),
                image::ExtendedColorType::Rgba8,
            )?;
        return Ok((png, "image/png"));
    }
    let rgb = img.to_rgb8();
    PngEncoder::new_with_quality(&mut png, CompressionType::Best, PngFilter::Adaptive)
        .write_image(
            &rgb,
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )?;
    if png.len() <= PNG_BUDGET {
        return Ok((png, "image/png"));
    }
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 85).write_image(
        &rgb,
        rgb.width(),
        rgb.height(),
        image::ExtendedColorType::Rgb8,
    )?;
    Ok(if jpeg.len() < png.len() {
        (jpeg, "image/jpeg")
    } else {
        (png, "image/png")
    })
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with("<?xml") || t.starts_with("<svg") || t.starts_with("<!--"))
        && head.contains("<svg")
}

/// An SVG goes in unchanged but as an image (`<img>` or CSS `url()`), where browsers
/// run none of its scripts and load nothing it links to.
fn svg(bytes: &[u8], name: &str) -> Result<Encoded, ImageError> {
    if bytes.len() > MAX_SVG {
        return Err(ImageError::TooLarge {
            name: name.into(),
            what: format!(
                "{} KB of SVG, at most {} KB",
                bytes.len() >> 10,
                MAX_SVG >> 10
            ),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImageError::Corrupt {
        name: name.into(),
        message: "the SVG is not UTF-8 text".into(),
    })?;
    let (width, height) = svg_size(text);
    Ok(Encoded {
        data: bytes.to_vec(),
        mime: "image/svg+xml",
        width,
        height,
    })
}

/// The proportions of an SVG from its root element's `viewBox`, else `width`/`height`.
fn svg_size(text: &str) -> (u32, u32) {
    let Some(start) = text.find("<svg") else {
        return (0, 0);
    };
    let tag = &text[start..text[start..].find('>').map_or(text.len(), |e| start + e)];
    let attr = |name: &str| {
        let i = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[i..].chars().next()?;
        let rest = &tag[i + 1..];
        Some(rest[..rest.find(quote)?].to_string())
    };
    let num = |s: &str| {
        s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<f64>()
            .ok()
    };
    if let Some(vb) = attr("viewBox") {
        let v: Vec<f64> = vb
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(|s| s.parse().ok())
            .collect();
        if v.len() == 4 && v[2] > 0.0 && v[3] > 0.0 {
            return (v[2].round() as u32, v[3].round() as u32);
        }
    }
    match (
        attr("width").and_then(|w| num(&w)),
        attr("height").and_then(|h| num(&h)),
    ) {
        (Some(w), Some(h)) if w > 0.0 && h > 0.0 => (w.round() as u32, h.round() as u32),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x * 7) as u8, (y * 3) as u8, 90]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    /// A JPEG with an EXIF segment carrying a GPS-like marker right after SOI.
    fn jpeg_with_exif(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 251) as u8, (y % 241) as u8, 40]));
        let mut jpeg = Vec::new();
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let payload = b"Exif\0\0MM\0*\0\0\0\x08GPS-SECRET-LOCATION";
        let len = (payload.len() + 2) as u16;
        let mut out = jpeg[..2].to_vec();
        out.extend([0xFF, 0xE1]);
        out.extend(len.to_be_bytes());
        out.extend(payload);
        out.extend(&jpeg[2..]);
        out
    }

    fn decoded(uri: &DataUri) -> Vec<u8> {
        let b64 = uri.uri.split_once(",").unwrap().1;
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap()
    }

    #[test]
    fn a_big_logo_is_scaled_down_to_what_a_slide_shows() {
        let big = png(3000, 3000);
        let out = inline(&big, "logo.png", ImageUse::Logo).unwrap();
        assert_eq!((out.width, out.height), (400, 400));
        assert!(out.uri.starts_with("data:image/"));
        assert!(out.uri.len() < 300_000, "{} bytes", out.uri.len());
        let back = image::load_from_memory(&decoded(&out)).unwrap();
        assert_eq!((back.width(), back.height()), (400, 400));
    }

    #[test]
    fn exif_does_not_survive() {
        let photo = jpeg_with_exif(2400, 1600);
        assert!(photo.windows(6).any(|w| w == b"Exif\0\0"));
        let out = inline(&photo, "photo.jpg", ImageUse::Background).unwrap();
        let bytes = decoded(&out);
        assert!(!bytes.windows(4).any(|w| w == b"Exif"));
        assert!(!bytes.windows(10).any(|w| w == b"GPS-SECRET"));
        assert!(out.width <= 1920 && out.height <= 1080);
    }

    #[test]
    fn a_decompression_bomb_is_refused_not_decoded() {
        // A PNG header claiming 60000×60000 pixels (10.8 GB of RGB) over a tiny file.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = inline(&bomb, "bomb.png", ImageUse::Logo).unwrap_err();
        assert!(matches!(err, ImageError::TooLarge { .. }), "{err:?}");
        assert!(err.to_string().contains("bomb.png"));
    }

    #[test]
    fn an_svg_goes_in_as_an_image_and_keeps_its_proportions() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="red"/></svg>"#;
        let out = inline(svg, "logo.svg", ImageUse::Logo).unwrap();
        assert!(out.uri.starts_with("data:image/svg+xml;base64,"));
        assert_eq!((out.width, out.height), (300, 100));
        let huge = format!("<svg>{}</svg>", " ".repeat(MAX_SVG));
        assert!(inline(huge.as_bytes(), "map.svg", ImageUse::Logo).is_err());
    }

    #[test]
    fn other_files_are_refused_by_name() {
        let err = inline(b"%PDF-1.4 hello", "logo.pdf", ImageUse::Logo).unwrap_err();
        assert!(err.to_string().contains("logo.pdf"), "{err}");
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
