//! Hostile shapes at 1× and 10× (`cargo bench --bench shapes`): each builds a lecture of
//! one shape that used to be quadratic or worse, times the whole compile at both sizes
//! and prints the ratio. Linear work gives about 10; quadratic work gives about 100.
//! `SHAPES_SCALE=4` makes every input 4 times larger (both sizes).

use std::time::{Duration, Instant};

use lectern::{compile, Format, Options};

/// One paragraph with `n` inline points (第一，… up to 第九十九，… and again from 第一).
fn inline_points(n: usize) -> String {
    let mut s = String::from("标题\n同志们：\n一、一个很长的段落\n");
    for i in 0..n {
        s.push_str(&format!("第{}，要抓好第{i}项工作。", numeral(i % 99 + 1)));
    }
    s.push('\n');
    s
}

/// A Markdown lecture with `n` `::: notes` blocks.
fn fenced_notes(n: usize) -> String {
    let mut s = String::from("# 标题\n\n## 一、部分\n\n");
    for i in 0..n {
        s.push_str(&format!("段落{i}。\n\n::: notes\n备注{i}\n:::\n\n"));
    }
    s
}

/// `n` empty `一、` lines: one warning each.
fn empty_markers(n: usize) -> String {
    let mut s = String::from("标题\n同志们：\n一、开头\n内容。\n");
    for _ in 0..n {
        s.push_str("一、\n");
    }
    s
}

fn numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].into(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn time(input: &str, format: Format) -> Duration {
    let opts = Options {
        format,
        ..Options::default()
    };
    // the best of a few runs: the machine is shared
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let _ = std::hint::black_box(compile(input.as_bytes(), &opts));
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

fn main() {
    let scale: usize = std::env::var("SHAPES_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    type Shape = (&'static str, fn(usize) -> String, Format, usize);
    let shapes: [Shape; 3] = [
        (
            "inline points in one paragraph",
            inline_points,
            Format::Plain,
            1_000,
        ),
        ("::: notes blocks", fenced_notes, Format::Markdown, 2_000),
        (
            "empty 一、 lines (warnings)",
            empty_markers,
            Format::Plain,
            2_000,
        ),
    ];
    println!(
        "{:<34} {:>8} {:>10} {:>8} {:>10} {:>6}",
        "shape", "1×", "time", "10×", "time", "ratio"
    );
    for (name, make, format, base) in shapes {
        let n = base * scale;
        let small = time(&make(n), format);
        let large = time(&make(10 * n), format);
        println!(
            "{name:<34} {n:>8} {:>8.1}ms {:>8} {:>8.1}ms {:>6.1}",
            small.as_secs_f64() * 1e3,
            10 * n,
            large.as_secs_f64() * 1e3,
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
}
