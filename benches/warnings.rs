//! Reporting at scale: the seed lecture with its body pasted 32 times as one line
//! (about 254 KB, thousands of warnings), built by the `lectern` binary with standard
//! error going to a pipe, as a terminal or a log would take it (`cargo bench --bench
//! warnings`). Before buffered, clipped and capped reporting this took 5.9 s, 99 % of it
//! in printing; the library's own share is `parse_stage` here.

use std::io::Read;
use std::process::{Command, Stdio};

use divan::Bencher;

fn main() {
    divan::main();
}

/// The acceptance check's one-line input: lines 5–12 of the seed joined and repeated.
fn one_line() -> String {
    let seed = include_str!("../decks/lecture.txt");
    let lines: Vec<&str> = seed.split('\n').collect();
    let mut out: Vec<String> = lines[..4].iter().map(|s| s.to_string()).collect();
    out.push(lines[4..12].concat().repeat(32));
    out.extend(lines[12..].iter().map(|s| s.to_string()));
    out.join("\n")
}

#[divan::bench(sample_count = 10)]
fn build_one_line(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("oneline.txt");
    std::fs::write(&input, one_line()).unwrap();
    let out = dir.path().join("oneline.html");
    bencher.bench(|| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("build")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut report = Vec::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_end(&mut report)
            .unwrap();
        assert!(child.wait().unwrap().success());
        report.len()
    });
}

#[divan::bench(sample_count = 10)]
fn parse_stage(bencher: Bencher) {
    let input = one_line().into_bytes();
    let opts = lectern::Options::default();
    bencher.bench(|| lectern::parse(divan::black_box(&input), &opts).unwrap());
}
