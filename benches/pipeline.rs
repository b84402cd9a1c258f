//! Stage timings on the seed lecture and on 10× and 100× copies of its body, so the
//! growth with input size shows (`cargo bench`). Whole-process numbers and the
//! comparison with Marp and pandoc are in `benches/compare.sh`.

use divan::{black_box, Bencher};
use lectern::{compile, parse, plan, render, Options};

fn main() {
    divan::main();
}

/// The seed lecture with its body (lines 4–12) repeated `n` times.
fn lecture(n: usize) -> Vec<u8> {
    let seed = include_str!("../decks/lecture.txt");
    let lines: Vec<&str> = seed.split('\n').collect();
    let mut out: Vec<&str> = lines[..3].to_vec();
    for _ in 0..n {
        out.extend_from_slice(&lines[3..12]);
    }
    out.extend_from_slice(&lines[12..]);
    out.join("\n").into_bytes()
}

const SIZES: [usize; 3] = [1, 10, 100];

#[divan::bench(args = SIZES)]
fn parse_stage(bencher: Bencher, n: usize) {
    let input = lecture(n);
    let opts = Options::default();
    bencher
        .counter(divan::counter::BytesCount::new(input.len()))
        .bench(|| parse(black_box(&input), &opts).unwrap());
}

#[divan::bench(args = SIZES)]
fn plan_stage(bencher: Bencher, n: usize) {
    let opts = Options::default();
    let parsed = parse(&lecture(n), &opts).unwrap();
    bencher.bench(|| plan::plan(black_box(&parsed.lecture), &opts.plan));
}

#[divan::bench(args = SIZES)]
fn render_stage(bencher: Bencher, n: usize) {
    let opts = Options::default();
    let parsed = parse(&lecture(n), &opts).unwrap();
    let deck = plan::plan(&parsed.lecture, &opts.plan);
    bencher.bench(|| {
        render::html::render(black_box(&deck), &opts.theme, opts.theme.layout.aspect).unwrap()
    });
}

#[divan::bench(args = SIZES)]
fn whole_compile(bencher: Bencher, n: usize) {
    let input = lecture(n);
    let opts = Options::default();
    bencher
        .counter(divan::counter::BytesCount::new(input.len()))
        .bench(|| compile(black_box(&input), &opts).unwrap());
}
