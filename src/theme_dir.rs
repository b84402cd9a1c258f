//! Theme folders on disk for the binary: reading one through [`ThemeFiles`], writing one
//! out (`lectern theme new`), checking one (`lectern theme check`).

use std::path::{Path, PathBuf};

use lectern::theme::{eject, Registry, ThemeFiles};
use lectern::Theme;

use crate::Fail;

/// A theme folder; files are read when the loader asks for them.
struct Folder(PathBuf);

impl ThemeFiles for Folder {
    fn origin(&self) -> String {
        self.0.display().to_string()
    }
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.0.join(path)).ok()
    }
    fn templates(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.0.join("templates")) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.ends_with(".j2"))
            .collect();
        names.sort();
        names
    }
}

/// Loads the theme in folder `dir`.
pub fn load_dir(dir: &Path) -> Result<Theme, Fail> {
    if !dir.is_dir() {
        return Err(Fail(format!(
            "{}: no such theme folder; `lectern themes` lists the built-in ones",
            dir.display()
        )));
    }
    let dir = dir.to_path_buf();
    Registry::new()
        .load_from(&Folder(dir))
        .map_err(|e| Fail(e.to_string()))
}

/// Writes `theme` out as a self-contained folder `dir` to edit.
pub fn new(dir: &Path, theme: &Theme) -> Result<(), Fail> {
    if dir.exists() {
        let empty = dir.is_dir() && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty {
            return Err(Fail(format!(
                "{}: already exists and is not an empty folder; choose a new folder name",
                dir.display()
            )));
        }
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "my-theme".into());
    for (path, bytes) in eject::eject(theme, &name) {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Fail(format!("{}: cannot create it: {e}", parent.display())))?;
        }
        std::fs::write(&target, bytes)
            .map_err(|e| Fail(format!("{}: cannot write it: {e}", target.display())))?;
    }
    eprintln!(
        "wrote the theme `{name}` (from `{}`) to {}\n  edit {}/theme.toml (colours, organisation, logo), then: lectern theme check {}",
        theme.chain.first().map_or("", String::as_str),
        dir.display(),
        dir.display(),
        dir.display()
    );
    Ok(())
}

/// A small lecture that has every kind of slide, to try a theme's templates on.
const SAMPLE: &str = "专题党课：主题检查\n同志们：\n这是一段开场白。\n\
一、第一部分\n部分导语。\n（一）第一节标题。第一，要点一。第二，要点二。\n\
二、第二部分\n（一）一节。一要“关键词”。二要再来一点。\n谢谢大家！\n";

/// Builds the sample lecture with `theme` and says what the theme holds.
pub fn check(dir: &Path, theme: &Theme) -> Result<(), Fail> {
    let opts = lectern::Options {
        theme: theme.clone(),
        ..lectern::Options::default()
    };
    let deck = lectern::compile(SAMPLE.as_bytes(), &opts)
        .map_err(|e| Fail(format!("{}: {e}", dir.display())))?;
    println!("{}: the theme `{}` is fine", dir.display(), theme.name);
    println!("  built from: {}", theme.chain.join(" ← "));
    // The theme's own CSS may be newer than the office PCs' browsers: say so, do not fail.
    let css_path = dir.join("style.css");
    if let Ok(css) = std::fs::read_to_string(&css_path) {
        for w in lectern::compat::css_warnings(&css) {
            eprintln!(
                "warning: {}:{}: `{}` needs {} (decks target {}); {}",
                css_path.display(),
                w.line,
                w.feature,
                w.needs,
                lectern::compat::TARGETS,
                w.help
            );
        }
    }
    if let Some(org) = &theme.organisation {
        println!("  organisation: {org}");
    }
    let colours: Vec<String> = theme
        .colours
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    println!("  colours: {}", colours.join(", "));
    for (what, asset) in [("logo", &theme.logo), ("background", &theme.background)] {
        if let Some(a) = asset {
            println!(
                "  {what}: {} → {}×{} {} ({} KB in the deck)",
                a.file,
                a.inlined.width,
                a.inlined.height,
                a.inlined.mime,
                a.inlined.uri.len().div_ceil(1024)
            );
        }
    }
    if let Some(f) = &theme.embed_font {
        println!(
            "  embedded font: {} ({} KB, subset per deck)",
            f.file,
            f.bytes.len() >> 10
        );
    }
    println!(
        "  a sample deck of {} slides builds ({} KB)",
        deck.slides.len(),
        deck.html.len().div_ceil(1024)
    );
    Ok(())
}
