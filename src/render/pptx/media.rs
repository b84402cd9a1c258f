//! Pictures as PowerPoint takes them. PNG, JPEG and GIF go in as they are; WebP, which
//! older PowerPoint and WPS cannot show, becomes PNG. An SVG goes in with a PNG
//! fallback, as Office 2016 writes it: PowerPoint 2016 and later draw the SVG, older
//! versions, WPS and LibreOffice the PNG. lectern has no SVG rasteriser (the `image`
//! crate reads no SVG, and `resvg` would bring its own text stack and system fonts,
//! which the deck must not depend on), so that PNG is a plain placeholder of the
//! picture's proportions; its alt text is the picture's description and its caption.

use std::io::Cursor;

use crate::deck::Image;

/// A media part to write: bytes and extension.
pub struct Media {
    pub data: Vec<u8>,
    pub ext: &'static str,
    /// The same for the same picture in the same form: the package holds it once.
    pub key: String,
}

/// The bitmap to embed and, for an SVG, the SVG itself.
pub fn media_of(img: &Image) -> (Media, Option<Media>) {
    match img.mime {
        "image/png" | "image/jpeg" | "image/gif" => (
            Media {
                data: img.data.to_vec(),
                ext: super::package::media_extension(img.mime),
                key: format!("{}.bitmap", img.id),
            },
            None,
        ),
        "image/svg+xml" => (
            Media {
                data: placeholder(img.width, img.height),
                ext: "png",
                key: format!("{}.fallback", img.id),
            },
            Some(Media {
                data: img.data.to_vec(),
                ext: "svg",
                key: format!("{}.svg", img.id),
            }),
        ),
        _ => (
            Media {
                data: to_png(&img.data).unwrap_or_else(|| placeholder(img.width, img.height)),
                ext: "png",
                key: format!("{}.png", img.id),
            },
            None,
        ),
    }
}

fn to_png(data: &[u8]) -> Option<Vec<u8>> {
    let decoded = image::load_from_memory(data).ok()?;
    let mut out = Cursor::new(Vec::new());
    decoded.write_to(&mut out, image::ImageFormat::Png).ok()?;
    Some(out.into_inner())
}

/// A light grey PNG with a border, `w`×`h` scaled to at most 800 pixels a side
/// (16:9 when the size is unknown).
pub fn placeholder(w: u32, h: u32) -> Vec<u8> {
    let (w, h) = if w == 0 || h == 0 { (800, 450) } else { (w, h) };
    let scale = (800.0 / w.max(h) as f32).min(1.0);
    let (w, h) = (
        ((w as f32 * scale).round() as u32).max(8),
        ((h as f32 * scale).round() as u32).max(8),
    );
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let edge = x < 3 || y < 3 || x + 3 >= w || y + 3 >= h;
        image::Rgb(if edge { [0x99; 3] } else { [0xEE; 3] })
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("a PNG encodes in memory");
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_gets_a_png_of_its_proportions() {
        let svg = Image {
            id: "svg".into(),
            data: b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 100'/>"
                .to_vec()
                .into(),
            mime: "image/svg+xml",
            width: 200,
            height: 100,
            alt: "示意图".into(),
        };
        let (png, original) = media_of(&svg);
        assert_eq!(png.ext, "png");
        let decoded = image::load_from_memory(&png.data).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (200, 100));
        assert_eq!(original.unwrap().ext, "svg");
    }
}
