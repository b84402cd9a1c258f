//! The package's zip, written here so that one deflate compressor serves every entry: the
//! zip crate set up a new one (miniz's tables, some 300 KB) for each of a deck's hundred
//! parts, more than half of the work of writing the seed's .pptx. The archive is the
//! plainest kind (no zip64, no extra fields, no data descriptors, ASCII names, every
//! entry dated 1980-01-01 with Unix mode 0644), byte for byte what the zip crate wrote.

use flate2::{Compress, Compression, FlushCompress, Status};

/// An archive being written.
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    deflate: Compress,
}

/// MS-DOS date of 1980-01-01 (the zip epoch), time 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    pub fn new() -> Zip {
        Zip {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
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
        let offset = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        self.entries = self.entries.checked_add(1).ok_or_else(too_big)?;

        // local file header
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

        // its central directory record: made on Unix (3), mode 0644 in the high bits
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        for v in [(3 << 8) | version, version, 0, method, 0, DOS_DATE] {
            put16(c, v);
        }
        for v in [crc, packed_size, size] {
            put32(c, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(c, v);
        }
        put32(c, 0o100_644 << 16);
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
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

    /// The archive: the entries, the central directory and its end record.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the .pptx is too big without zip64".to_string();
        let at = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        put32(o, 0x0605_4b50);
        for v in [0, 0, self.entries, self.entries] {
            put16(o, v);
        }
        put32(o, size);
        put32(o, at);
        put16(o, 0);
        Ok(self.out)
    }
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
    fn the_zip_crate_reads_back_every_entry_as_written() {
        let mut zip = Zip::new();
        let xml = "<p:sld>幻灯片</p:sld>".repeat(500);
        zip.add("ppt/slides/slide1.xml", xml.as_bytes(), true)
            .unwrap();
        zip.add("ppt/media/image1.png", b"\x89PNG not really", false)
            .unwrap();
        zip.add("empty.xml", b"", true).unwrap();
        let bytes = zip.finish().unwrap();
        let mut back = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let want: [(&str, &[u8], ::zip::CompressionMethod); 3] = [
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
            ("empty.xml", b"", ::zip::CompressionMethod::Deflated),
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
