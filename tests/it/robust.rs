//! No input makes lectern panic: every prefix of every fixture, and the fixtures with
//! bytes changed at random (a fixed seed, so a failure repeats), compile or fail cleanly.

use crate::common::deck as util;

use lectern::{compile, Format, Options};

fn fixtures() -> Vec<(Format, Vec<u8>)> {
    let mut out = vec![(
        Format::Plain,
        util::read(&util::root().join("decks/lecture.txt")),
    )];
    for entry in std::fs::read_dir(util::root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            out.push((Format::from_path(&path), util::read(&path)));
        }
    }
    out
}

fn options(format: Format) -> Options {
    Options {
        format,
        ..Options::default()
    }
}

#[test]
fn every_prefix_compiles_or_fails_cleanly() {
    // Byte prefixes: most cut a character in two, which reads as another encoding.
    for (format, bytes) in fixtures() {
        let opts = options(format);
        for i in (0..bytes.len()).step_by(5) {
            let _ = compile(&bytes[..i], &opts);
        }
    }
}

#[test]
fn random_byte_changes_never_panic() {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    // Bytes that matter to the parsers: markers, punctuation, quotes, newlines, fences.
    let interesting: Vec<u8> = "一、（）()1.。；：“”\n#-+*|<>!`:第是要".bytes().collect();
    for (format, bytes) in fixtures() {
        let opts = options(format);
        for _ in 0..150 {
            let mut b = bytes.clone();
            for _ in 0..1 + next() % 8 {
                let at = (next() % b.len() as u64) as usize;
                match next() % 3 {
                    0 => b[at] = interesting[(next() % interesting.len() as u64) as usize],
                    1 => {
                        b.remove(at);
                    }
                    _ => b.insert(at, (next() & 0xFF) as u8),
                }
            }
            let _ = compile(&b, &opts);
        }
    }
}
