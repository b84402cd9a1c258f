//! Images for a deck (a theme's logo and background, later pictures in a lecture):
//! decoded with limits (a decompression bomb is an error, never an out-of-memory),
//! scaled down to what a slide can show, re-encoded without metadata (no EXIF, no GPS
//! position of the office) and inlined as `data:` URIs. SVG goes in as an image, where
//! none of its scripts can run.

use std::fmt;
use std::io::Cursor;

use base64::Engine as _;

use super::svg;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder, ImageFormat, ImageReader, Limits};

/// What an image is for; sets how large it may stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The encoded bytes themselves, for writers that embed files rather than URIs.
    pub bytes: std::sync::Arc<[u8]>,
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
    /// An SVG holds something that could run, load or navigate.
    Unsafe { name: String, what: String },
    /// The deck's pictures together would pass a budget.
    OverBudget { name: String, what: String },
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
                "`{name}` is too large ({what}); save it smaller, at most {} megapixels (e.g. 7000×5000 pixels)",
                MAX_PICTURE_PIXELS / 1_000_000
            ),
            ImageError::OverBudget { name, what } => write!(
                f,
                "`{name}` is left out: {what}; use fewer or smaller pictures"
            ),
            ImageError::Unsafe { name, what } => write!(
                f,
                "`{name}` holds {what}, which could run code or load from the network; remove it from the SVG, or save the picture as PNG"
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

/// Pixels of one picture (Markdown, .docx or a theme's), read from its header before
/// any decoding: a 634-byte JPEG can claim 12000×12000 (in the limits table).
pub const MAX_PICTURE_PIXELS: u64 = 40_000_000;

/// Bytes one picture may decode to (a 16-bit RGBA picture takes 8 bytes a pixel).
pub const MAX_PICTURE_BYTES: u64 = 160 << 20;

/// Largest file accepted, in bytes.
const MAX_FILE: usize = 40 << 20;
/// Largest SVG accepted, in bytes: a logo, not a map.
pub(super) const MAX_SVG: usize = 512 << 10;
/// Largest picture accepted, in pixels a side.
const MAX_SIDE: u32 = 12_000;
/// Opaque pictures larger than this as PNG are re-encoded as JPEG.
const PNG_BUDGET: usize = 120 << 10;

/// Makes `bytes` (a file called `name`) into a `data:` URI fit for `usage`.
pub fn inline(bytes: &[u8], name: &str, usage: ImageUse) -> Result<DataUri, ImageError> {
    inline_within(bytes, name, usage, u64::MAX).map(|(uri, _)| uri)
}

/// [`inline`], refusing a picture of more than `max_pixels` before decoding it;
/// also returns the pixels decoded.
fn inline_within(
    bytes: &[u8],
    name: &str,
    usage: ImageUse,
    max_pixels: u64,
) -> Result<(DataUri, u64), ImageError> {
    if svg::looks_like_svg(bytes) {
        return svg::svg(bytes, name).map(|uri| (uri, 0));
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
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PICTURE_BYTES);
    let decode_error = |e: image::ImageError| match e {
        image::ImageError::Limits(l) => ImageError::TooLarge {
            name: name.into(),
            what: l.to_string(),
        },
        image::ImageError::Unsupported(_) => ImageError::Unsupported { name: name.into() },
        other => ImageError::Corrupt {
            name: name.into(),
            message: other.to_string(),
        },
    };
    // the header first: its size is checked against the budget before any decoding
    let mut header = ImageReader::with_format(Cursor::new(bytes), format);
    header.limits(limits.clone());
    let decoder = header.into_decoder().map_err(decode_error)?;
    let (w, h) = image::ImageDecoder::dimensions(&decoder);
    let decoded = image::ImageDecoder::total_bytes(&decoder);
    drop(decoder);
    let pixels = u64::from(w) * u64::from(h);
    // a few hundred bytes can claim 12000×12000 pixels: refused before any decoding
    if pixels > MAX_PICTURE_PIXELS {
        return Err(ImageError::TooLarge {
            name: name.into(),
            what: format!("{w}×{h} pixels, {} megapixels", pixels / 1_000_000),
        });
    }
    if decoded > MAX_PICTURE_BYTES {
        return Err(ImageError::TooLarge {
            name: name.into(),
            what: format!(
                "{w}×{h} pixels that decode to {} MB, more than {} MB",
                decoded >> 20,
                MAX_PICTURE_BYTES >> 20
            ),
        });
    }
    if pixels > max_pixels {
        return Err(ImageError::OverBudget {
            name: name.into(),
            what: format!(
                "its {w}×{h} pixels would take the deck's pictures past their budget of decoded pixels ({} million in all)",
                MAX_DECODED_PIXELS / 1_000_000
            ),
        });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let img = reader.decode().map_err(decode_error)?;
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
    let uri = DataUri {
        uri: data_uri(mime, &data),
        mime,
        width: img.width(),
        height: img.height(),
        encoded_len: data.len(),
        bytes: data.into(),
    };
    Ok((uri, pixels))
}

/// Pixels a deck may decode in all (each distinct picture counted once): forty
/// 12-megapixel photographs.
pub const MAX_DECODED_PIXELS: u64 = 500_000_000;
/// Bytes of pictures a deck may carry, each distinct picture counted once (both
/// writers embed a picture once however many slides show it).
pub const MAX_DECK_PICTURES: u64 = 96 << 20;

/// The pictures of one build: each distinct file (by SHA-256 of its bytes) is decoded
/// and encoded once however many slides show it, and the build stays within
/// [`MAX_DECODED_PIXELS`] and [`MAX_DECK_PICTURES`].
///
/// Both writers put each distinct picture in the deck once (HTML: one `data:` copy that
/// the other places reference by [`Picture::id`]; PPTX: one media part), so the deck's
/// budget counts [`Cache::distinct_bytes`]; [`Cache::deck_bytes`] says what copying it
/// per place would have cost.
#[derive(Debug)]
pub struct Cache {
    inner: std::sync::Mutex<CacheInner>,
    max_pixels: u64,
    max_deck_bytes: u64,
}

impl Default for Cache {
    fn default() -> Self {
        Cache::with_budget(MAX_DECODED_PIXELS, MAX_DECK_PICTURES)
    }
}

#[derive(Debug, Default)]
struct CacheInner {
    done: std::collections::HashMap<([u8; 32], ImageUse), Result<Picture, ImageError>>,
    pixels: u64,
    distinct_bytes: u64,
    deck_bytes: u64,
}

/// A picture ready for the deck, shared by every place that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// `img-` and the first 16 hex digits of the SHA-256 of the file: the same file
    /// gets the same id, in this build and the next.
    pub id: String,
    pub data: std::sync::Arc<DataUri>,
}

impl Cache {
    pub fn new() -> Self {
        Cache::default()
    }

    /// A cache with budgets of its own (tests, front ends with other limits).
    pub fn with_budget(max_pixels: u64, max_deck_bytes: u64) -> Self {
        Cache {
            inner: Default::default(),
            max_pixels,
            max_deck_bytes,
        }
    }

    /// [`inline`] once per distinct file and use; later calls with the same bytes get
    /// the same picture (or the same error) without decoding again.
    pub fn inline(&self, bytes: &[u8], name: &str, usage: ImageUse) -> Result<Picture, ImageError> {
        use sha2::{Digest, Sha256};
        let hash: [u8; 32] = Sha256::digest(bytes).into();
        let key = (hash, usage);
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let found = match inner.done.get(&key) {
            Some(done) => done.clone(),
            None => {
                let left = self.max_pixels.saturating_sub(inner.pixels);
                let max_bytes = self.max_deck_bytes;
                let made = inline_within(bytes, name, usage, left).and_then(|(data, pixels)| {
                    let total = inner.distinct_bytes + data.encoded_len as u64;
                    if total > max_bytes {
                        return Err(ImageError::OverBudget {
                            name: name.into(),
                            what: format!(
                                "it would put more than {} of pictures in the deck",
                                megabytes(max_bytes)
                            ),
                        });
                    }
                    inner.pixels += pixels;
                    inner.distinct_bytes = total;
                    Ok(Picture {
                        id: format!("img-{}", hex(&hash[..8])),
                        data: std::sync::Arc::new(data),
                    })
                });
                // a picture over the budget may fit a later build: not remembered
                if !matches!(made, Err(ImageError::OverBudget { .. })) {
                    inner.done.insert(key, made.clone());
                }
                made
            }
        }?;
        inner.deck_bytes += found.data.encoded_len as u64;
        Ok(found)
    }

    /// A lecture's picture as the deck model holds it, through [`Cache::inline`].
    pub fn picture(
        &self,
        bytes: &[u8],
        name: &str,
        alt: &str,
    ) -> Result<crate::deck::Image, ImageError> {
        let p = self.inline(bytes, name, ImageUse::Content)?;
        Ok(crate::deck::Image {
            id: p.id,
            data: p.data.bytes.clone(),
            mime: p.data.mime,
            width: p.data.width,
            height: p.data.height,
            alt: alt.to_string(),
        })
    }

    /// Bytes of pictures in a deck that holds each distinct picture once.
    pub fn distinct_bytes(&self) -> u64 {
        self.inner.lock().map_or(0, |i| i.distinct_bytes)
    }

    /// Bytes of pictures in a deck that copies a picture for each place it shows.
    pub fn deck_bytes(&self) -> u64 {
        self.inner.lock().map_or(0, |i| i.deck_bytes)
    }
}

fn megabytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{} MB", n >> 20)
    } else {
        format!("{} KB", n.div_ceil(1024))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
        let crc = crc32fast::hash(&bomb[12..29]);
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

    fn svg_with(inner: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{inner}</svg>"#
        )
    }

    #[test]
    fn an_svg_that_could_run_load_or_navigate_is_refused() {
        for (inner, what) in [
            ("<script>alert(1)</script>", "<script>"),
            (r#"<rect onload="alert(1)"/>"#, "event attribute `onload`"),
            (
                r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#,
                "<foreignObject>",
            ),
            (
                r#"<image href="https://example.com/x.png"/>"#,
                "https://example.com/x.png",
            ),
            (
                r#"<a xlink:href="javascript:alert(1)"><rect/></a>"#,
                "javascript:alert(1)",
            ),
            (r#"<use href="other.svg#a"/>"#, "other.svg#a"),
            (
                r#"<rect style="fill:url(http://e.com/p)"/>"#,
                "url(http://e.com/p)",
            ),
            ("<style>@import 'http://e.com/x.css';</style>", "@import"),
            (
                r#"<a><set attributeName="href" to="javascript:x"/></a>"#,
                "animation of `href`",
            ),
        ] {
            let svg = svg_with(inner);
            let err = inline(svg.as_bytes(), "logo.svg", ImageUse::Logo).unwrap_err();
            assert!(matches!(err, ImageError::Unsafe { .. }), "{inner}: {err:?}");
            let msg = err.to_string();
            assert!(
                msg.contains(what) && msg.contains("logo.svg"),
                "{inner}: {msg}"
            );
        }
        // internal references and embedded rasters are fine
        let ok = svg_with(
            r##"<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/><image href="data:image/png;base64,AAAA"/>"##,
        );
        assert!(inline(ok.as_bytes(), "logo.svg", ImageUse::Logo).is_ok());
    }

    #[test]
    fn only_real_svg_passes_as_svg() {
        // XML that merely mentions <svg> in its first KB, e.g. a config file
        let not_svg =
            br#"<?xml version="1.0"?><config><!-- <svg> --><password>x</password></config>"#;
        let err = inline(not_svg, "secret.xml", ImageUse::Content).unwrap_err();
        assert!(err.to_string().contains("not an SVG picture"), "{err}");
        let broken = br#"<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>"#;
        let err = inline(broken, "b.svg", ImageUse::Content).unwrap_err();
        assert!(err.to_string().contains("not well-formed"), "{err}");
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>"#;
        let err = inline(laughs, "l.svg", ImageUse::Content).unwrap_err();
        assert!(err.to_string().contains("DTD"), "{err}");
        // the DOCTYPE line Illustrator writes is fine
        let illustrator = br#"<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" width="40px" height="20px"/>"#;
        let out = inline(illustrator, "ai.svg", ImageUse::Logo).unwrap();
        assert_eq!((out.width, out.height), (40, 20));
    }

    #[test]
    fn the_same_picture_is_made_once_and_shares_one_id() {
        let cache = Cache::new();
        let photo = png(900, 600);
        let a = cache.inline(&photo, "a.png", ImageUse::Content).unwrap();
        let b = cache
            .inline(&photo, "copy-of-a.png", ImageUse::Content)
            .unwrap();
        assert_eq!(a.id, b.id);
        assert!(
            std::sync::Arc::ptr_eq(&a.data, &b.data),
            "decoded once, shared"
        );
        let other = cache
            .inline(&png(90, 60), "b.png", ImageUse::Content)
            .unwrap();
        assert_ne!(other.id, a.id);
        let one = a.data.encoded_len as u64;
        assert_eq!(cache.distinct_bytes(), one + other.data.encoded_len as u64);
        assert_eq!(cache.deck_bytes(), 2 * one + other.data.encoded_len as u64);
    }

    #[test]
    fn a_deck_over_its_picture_budgets_is_told_so() {
        // pixels: the second distinct picture would pass the budget, before decoding
        let cache = Cache::with_budget(300 * 300 + 10, u64::MAX);
        cache
            .inline(&png(300, 300), "a.png", ImageUse::Content)
            .unwrap();
        let err = cache
            .inline(&png(301, 300), "b.png", ImageUse::Content)
            .unwrap_err();
        assert!(matches!(err, ImageError::OverBudget { .. }), "{err:?}");
        assert!(
            err.to_string().contains("b.png") && err.to_string().contains("decoded pixels"),
            "{err}"
        );
        // bytes: the deck embeds each picture once, so showing one again costs nothing,
        // and only new pictures past the budget are refused
        let photo = png(200, 100);
        let one = inline(&photo, "p.png", ImageUse::Content)
            .unwrap()
            .encoded_len as u64;
        let cache = Cache::with_budget(u64::MAX, 2 * one + one / 2);
        for _ in 0..30 {
            cache.inline(&photo, "p.png", ImageUse::Content).unwrap();
        }
        cache
            .inline(&png(201, 100), "q.png", ImageUse::Content)
            .unwrap();
        let err = cache
            .inline(&png(202, 100), "r.png", ImageUse::Content)
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("of pictures in the deck; use fewer or smaller pictures"),
            "{err}"
        );
    }

    #[test]
    fn other_files_are_refused_by_name() {
        let err = inline(b"%PDF-1.4 hello", "logo.pdf", ImageUse::Logo).unwrap_err();
        assert!(err.to_string().contains("logo.pdf"), "{err}");
    }
}
