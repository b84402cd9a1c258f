//! Reference outputs: the sha256 of the HTML and PPTX bytes of every fixture, the seed
//! and every corpus text, as the CLI writes them with the default theme, checked in as
//! `tests/outputs.sha256`. Any change to any output fails here with the files named, so a
//! change no one meant (a refactor, a dependency) cannot slip through; a change that is
//! meant is blessed with `LECTERN_BLESS=1 cargo test --test it outputs` and reviewed in the
//! diff of that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lectern::project::{Overrides, Project};
use lectern::render::writers;
use sha2::{Digest, Sha256};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The inputs, by their path from the project root.
fn inputs() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("decks/lecture.txt")];
    for dir in ["tests/fixtures", "tests/fixtures/docx", "tests/corpus"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if lectern::input::format::is_lecture(&path)
                && !path.ends_with("README.md")
                && !path.ends_with("GAPS.md")
            {
                out.push(path.strip_prefix(root()).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// name → hash of every output the inputs give (the printed PDF aside: a browser's).
fn hashes() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for input in inputs() {
        let project = Project::load(&root().join(&input), &Overrides::default())
            .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let theme = project.options.theme.clone();
        let (_, planned) = project.into_planned().unwrap();
        for output in writers().iter().filter(|o| !o.printed) {
            let bytes = planned.write(output, &theme).unwrap();
            let name = format!("{}.{}", input.display(), output.extensions[0]);
            out.insert(
                name.replace('\\', "/"),
                format!("{:x}", Sha256::digest(&bytes)),
            );
        }
    }
    out
}

#[test]
fn every_output_is_the_reference_output() {
    let file = root().join("tests/outputs.sha256");
    let got = hashes();
    let text: String = got.iter().map(|(n, h)| format!("{h}  {n}\n")).collect();
    if std::env::var_os("LECTERN_BLESS").is_some() {
        std::fs::write(&file, text).unwrap();
        return;
    }
    let want: BTreeMap<String, String> = std::fs::read_to_string(&file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(h, n)| (n.to_string(), h.to_string()))
        .collect();
    let changed: Vec<&String> = got.keys().filter(|n| want.get(*n) != got.get(*n)).collect();
    let gone: Vec<&String> = want.keys().filter(|n| !got.contains_key(*n)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "outputs differ from tests/outputs.sha256 — changed or new: {changed:?}; no longer made: {gone:?}. \
         If the change is meant, run LECTERN_BLESS=1 cargo test --test it outputs and review the diff."
    );
}
