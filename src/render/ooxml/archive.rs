//! The package's zip, written here so that one deflate compressor serves every entry: the
//! zip crate set up a new one (miniz's tables, some 300 KB) for each of a deck's hundred
//! parts, more than half of the work of writing the seed's .pptx. The archive is the
//! plainest kind (no zip64, no extra fields, no data descriptors, ASCII names, every
//! entry dated 1980-01-01 with Unix mode 0644), byte for byte what the zip crate wrote.

use flate2::{Compress, Compression, FlushCompress, Status};

/// An archive being written: the entries' bytes, and what the central directory needs
/// of each (kept as records so that another archive's entries can go in front).
pub struct Zip {
    out: Vec<u8>,
    entries: Vec<Entry>,
    deflate: Compress,
}

/// One entry's central directory record, less the name's bytes' position.
struct Entry {
    name: String,
    version: u16,
    method: u16,
    crc: u32,
    packed_size: u32,
    size: u32,
    offset: usize,
}

/// MS-DOS date of 1980-01-01 (the zip epoch), time 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    pub fn new() -> Zip {
        Zip {
            out: Vec::new(),
            entries: Vec::new(),
            // zip's default level, raw deflate (no zlib header)
            deflate: Compress::new(Compression::new(6), false),
        }
    }

    /// Adds `data` as `name`, deflated or stored as it is (media that is compressed already).
    pub fn add(&mut self, name: &str, data: &[u8], deflate: bool) -> Result<(), String> {
        let too_big = || format!("{name}: too big for a .pptx without zip64");
        let crc = crc32fast::hash(data);
        let packed;
        let (method, version, body): (u16, u16, &[u8]) = if deflate {
            packed = self.compress(data)?;
            (8, 20, &packed)
        } else {
            (0, 10, data)
        };
        let size = u32::try_from(data.len()).map_err(|_| too_big())?;
        let packed_size = u32::try_from(body.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        if self.entries.len() >= usize::from(u16::MAX) {
            return Err(too_big());
        }

        // local file header
        let offset = self.out.len();
        let o = &mut self.out;
        put32(o, 0x0403_4b50);
        for v in [version, 0, method, 0, DOS_DATE] {
            put16(o, v);
        }
        for v in [crc, packed_size, size] {
            put32(o, v);
        }
        put16(o, name_len);
        put16(o, 0);
        o.extend_from_slice(name.as_bytes());
        o.extend_from_slice(body);
        self.entries.push(Entry {
            name: name.to_string(),
            version,
            method,
            crc,
            packed_size,
            size,
            offset,
        });
        Ok(())
    }

    fn compress(&mut self, data: &[u8]) -> Result<Vec<u8>, String> {
        self.deflate.reset();
        let mut out = Vec::with_capacity(data.len() / 4 + 64);
        loop {
            let read = self.deflate.total_in() as usize;
            let status = self
                .deflate
                .compress_vec(&data[read..], &mut out, FlushCompress::Finish)
                .map_err(|e| e.to_string())?;
            if status == Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(1024));
        }
    }

    /// The archive with the entries `front` adds (with the same compressor) before those
    /// added so far: a package writes its parts as they are made and its table of
    /// contents, which needs them all, in front at the end.
    pub fn finish_with_front(
        mut self,
        front: impl FnOnce(&mut Zip) -> Result<(), String>,
    ) -> Result<Vec<u8>, String> {
        let body = (
            std::mem::take(&mut self.out),
            std::mem::take(&mut self.entries),
        );
        front(&mut self)?;
        join((self.out, self.entries), body)
    }
}

/// The bytes of `head`'s entries, then `body`'s, then the central directory of both.
fn join(head: (Vec<u8>, Vec<Entry>), body: (Vec<u8>, Vec<Entry>)) -> Result<Vec<u8>, String> {
    let too_big = || "the .pptx is too big without zip64".to_string();
    let ((head_out, head), (mut o, body)) = (head, body);
    // the body is the big one: grow it (in place, for a large block) and move it up,
    // rather than copying it behind the head
    let shift = head_out.len();
    o.reserve(shift + 64 * (head.len() + body.len()));
    o.splice(0..0, head_out);
    let at = u32::try_from(o.len()).map_err(|_| too_big())?;
    let shifted = body.into_iter().map(|e| Entry {
        offset: e.offset + shift,
        ..e
    });
    let mut count: u16 = 0;
    for e in head.into_iter().chain(shifted) {
        count = count.checked_add(1).ok_or_else(too_big)?;
        let offset = u32::try_from(e.offset).map_err(|_| too_big())?;
        // made on Unix (3), mode 0644 in the high bits
        put32(&mut o, 0x0201_4b50);
        for v in [(3 << 8) | e.version, e.version, 0, e.method, 0, DOS_DATE] {
            put16(&mut o, v);
        }
        for v in [e.crc, e.packed_size, e.size] {
            put32(&mut o, v);
        }
        for v in [e.name.len() as u16, 0, 0, 0, 0] {
            put16(&mut o, v);
        }
        put32(&mut o, 0o100_644 << 16);
        put32(&mut o, offset);
        o.extend_from_slice(e.name.as_bytes());
    }
    let size = u32::try_from(o.len() - at as usize).map_err(|_| too_big())?;
    put32(&mut o, 0x0605_4b50);
    for v in [0, 0, count, count] {
        put16(&mut o, v);
    }
    put32(&mut o, size);
    put32(&mut o, at);
    put16(&mut o, 0);
    Ok(o)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn the_zip_crate_reads_back_every_entry_as_written_with_the_front_first() {
        let mut zip = Zip::new();
        let xml = "<p:sld>幻灯片</p:sld>".repeat(500);
        zip.add("ppt/slides/slide1.xml", xml.as_bytes(), true)
            .unwrap();
        zip.add("ppt/media/image1.png", b"\x89PNG not really", false)
            .unwrap();
        let bytes = zip
            .finish_with_front(|zip| zip.add("empty.xml", b"", true))
            .unwrap();
        let mut back = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let want: [(&str, &[u8], ::zip::CompressionMethod); 3] = [
            ("empty.xml", b"", ::zip::CompressionMethod::Deflated),
            (
                "ppt/slides/slide1.xml",
                xml.as_bytes(),
                ::zip::CompressionMethod::Deflated,
            ),
            (
                "ppt/media/image1.png",
                b"\x89PNG not really",
                ::zip::CompressionMethod::Stored,
            ),
        ];
        for (i, (name, data, method)) in want.into_iter().enumerate() {
            let mut entry = back.by_index(i).unwrap();
            assert_eq!(entry.name(), name);
            assert_eq!(entry.compression(), method);
            let mut read = Vec::new();
            entry.read_to_end(&mut read).unwrap();
            assert_eq!(read, data, "{name}");
        }
    }
}
