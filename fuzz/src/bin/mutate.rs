//! A mutation runner for the fuzz targets on the stable toolchain (libFuzzer's
//! coverage-guided `cargo fuzz run` needs a nightly compiler). It starts from seed
//! files, mutates them (byte changes, tokens that matter to the readers, deletions,
//! duplications that amplify, splices of two seeds), runs the target in-process and
//! reports executions and findings: a panic, or one input running longer than the
//! limit (the watchdog then saves it and stops the run).
//!
//! `mutate TARGET SECONDS SEED_FILE_OR_DIR...`; findings go to `artifacts/TARGET/`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Bytes that matter to lectern's readers: markers, punctuation, Markdown and HTML
/// syntax, template syntax, fences, encodings.
const TOKENS: &[&str] = &[
    "一、",
    "（一）",
    "(一)",
    "1.",
    "（1）",
    "①",
    "第一，",
    "第二，",
    "一是",
    "二是",
    "一要",
    "二要",
    "首先",
    "其次",
    "最后",
    "一方面",
    "另一方面",
    "甲、",
    "。",
    "；",
    "：",
    "，",
    "“",
    "”",
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "```\n",
    "| a | b |\n|---|---|\n",
    "![图](a.png)",
    "![图](x.svg)",
    "[链接](http://e.com)",
    "<div>",
    "</div>",
    "<script>",
    "<!-- 备注: 注 -->",
    "::: notes\n",
    ":::\n",
    "+++\n",
    "---\n",
    "title = \"x\"\n",
    "allow_html = true\n",
    "rate = 5\n",
    "{{ deck.title }}",
    "{% for s in slides %}",
    "{% endfor %}",
    "{% include \"x\" %}",
    "\u{feff}",
    "\u{3000}",
    "\u{a0}",
    "\0",
    "\u{1b}[31m",
    "\u{ffff}",
    "谢谢大家！",
    "同志们：",
    "来源：",
    "[colours]\nprimary = \"#fff\"\n",
    "[brand]\nlogo = \"x.png\"\n",
    "extends = \"red\"\n",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        match rng.below(7) {
            0 if len > 0 => {
                let at = rng.below(len);
                input[at] = rng.next() as u8;
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(64));
                input.drain(at..at + n);
            }
            4 if len > 0 => {
                // a stretch repeated: the shape amplification and quadratic work need
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(256));
                let piece = input[at..at + n].to_vec();
                for _ in 0..1 + rng.below(16) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            5 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let n = 1 + rng.below((other.len() - from).min(512));
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[from..from + n].iter().copied());
                }
            }
            _ if len > 1 => input.truncate(rng.below(len)),
            _ => input.push(rng.next() as u8),
        }
    }
    input.truncate(1 << 20);
}

fn seeds(paths: &[String]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut add = |p: &Path| {
        if let Ok(b) = std::fs::read(p) {
            out.push(b);
        }
    };
    for p in paths {
        let p = Path::new(p);
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|d| {
                    d.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            entries.sort();
            entries.iter().for_each(|e| add(e));
        } else {
            add(p);
        }
    }
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(secs)) = (
        args.first().cloned(),
        args.get(1).and_then(|s| s.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: mutate TARGET SECONDS SEED_FILE_OR_DIR...");
        std::process::exit(2);
    };
    let name: &'static str = Box::leak(name.into_boxed_str());
    let target: fn(&[u8]) = match name {
        "plain" => lectern_fuzz::plain,
        "markdown" => lectern_fuzz::markdown,
        "docx" => lectern_fuzz::docx,
        "settings" => lectern_fuzz::settings,
        "compile" => lectern_fuzz::compile,
        "deep" => lectern_fuzz::deep,
        other => {
            eprintln!("no target `{other}`: plain, markdown, docx, settings, compile");
            std::process::exit(2);
        }
    };
    let limit = Duration::from_secs(
        std::env::var("FUZZ_SLOW_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10),
    );
    let seeds = seeds(&args[2..]);
    let artifacts = PathBuf::from("artifacts").join(name);
    std::fs::create_dir_all(&artifacts).expect("artifacts folder");

    // the watchdog: one input running past the limit is a finding, and ends the run
    let current: Arc<Mutex<(Vec<u8>, Instant)>> =
        Arc::new(Mutex::new((Vec::new(), Instant::now())));
    let runs = Arc::new(AtomicU64::new(0));
    {
        let current = Arc::clone(&current);
        let runs = Arc::clone(&runs);
        let artifacts = artifacts.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            let Some((input, started)) = current.lock().ok().map(|g| g.clone()) else {
                continue;
            };
            if started.elapsed() > limit {
                let path = artifacts.join(format!("slow-{}", runs.load(Ordering::Relaxed)));
                let _ = std::fs::write(&path, &input);
                println!(
                    "{name}: FINDING slow input ({} bytes, over {} s) saved to {}",
                    input.len(),
                    limit.as_secs(),
                    path.display()
                );
                println!(
                    "{name}: {} executions, 1 finding (slow)",
                    runs.load(Ordering::Relaxed)
                );
                std::process::exit(1);
            }
        });
    }

    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ std::process::id() as u64);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut panics = 0u64;
    let mut slowest = Duration::ZERO;
    let mut pool: Vec<Vec<u8>> = seeds.clone();
    while Instant::now() < deadline {
        let mut input = pool[rng.below(pool.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        if let Ok(mut g) = current.lock() {
            *g = (input.clone(), Instant::now());
        }
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| target(&input));
        slowest = slowest.max(started.elapsed());
        let n = runs.fetch_add(1, Ordering::Relaxed) + 1;
        if outcome.is_err() {
            panics += 1;
            let path = artifacts.join(format!("panic-{n}"));
            let _ = std::fs::write(&path, &input);
            println!("{name}: FINDING panic saved to {}", path.display());
        }
        // a random walk: mutants breed further mutants, the seeds stay in the pool
        if pool.len() < seeds.len() + 256 {
            pool.push(input);
        } else {
            let at = seeds.len() + rng.below(256);
            pool[at] = input;
        }
    }
    println!(
        "{name}: {} executions in {secs} s, {panics} panic(s), slowest input {:.2} s",
        runs.load(Ordering::Relaxed),
        slowest.as_secs_f64()
    );
    if panics > 0 {
        std::process::exit(1);
    }
}
