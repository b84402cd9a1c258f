//! `lectern themes`, `lectern theme new` (write a theme out as a folder to edit) and
//! `lectern theme check` (load a folder, build a sample deck with it, say what it holds).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use lectern::project::{self, Reads};
use lectern::theme::eject;
use lectern::Theme;

use super::lang::t;
use super::{Fail, Out, Reporter};

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Write a theme out as a folder to edit (logo, colours, organisation, fonts).
    New {
        /// The folder to create; it must not exist or be empty.
        dir: PathBuf,
        /// The theme to start from: a built-in name or a theme folder.
        #[arg(long, default_value = lectern::theme::DEFAULT_THEME)]
        from: String,
    },
    /// Make a theme folder from the unit's PowerPoint template (.pptx or .potx): its
    /// colours, faces, background, pictures and placeholders; .pptx decks are then built
    /// on the template itself.
    Import {
        /// The PowerPoint template, .pptx or .potx.
        template: PathBuf,
        /// The theme folder to create; it must not exist or be empty.
        dir: PathBuf,
    },
    /// Check a theme folder: its theme.toml, files, templates and a sample deck.
    Check {
        /// The theme folder.
        dir: PathBuf,
    },
}

/// `lectern themes`: the built-ins, one a line, the default first.
pub fn list() -> Result<ExitCode, Fail> {
    let mut out = Out::new();
    for name in lectern::theme::builtin_names() {
        let theme =
            Theme::builtin(&name).map_err(|e| Fail(super::messages::load_error(&e.into())))?;
        out.line(&format!("{name:<10} {}", theme.description));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(command: &Command, reporter: &mut Reporter) -> Result<ExitCode, Fail> {
    match command {
        Command::New { dir, from } => new(dir, &project::load_theme(from)?, reporter)?,
        Command::Import { template, dir } => import(template, dir, reporter)?,
        Command::Check { dir } => {
            let theme = project::load_theme_folder(dir, &Reads::default(), false)?;
            check(dir, &theme)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A folder to write a new theme into: one that does not exist or is empty.
fn fresh_folder(dir: &Path) -> Result<(), Fail> {
    if dir.exists() {
        let empty = dir.is_dir() && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty {
            let dir = dir.display();
            return Err(Fail(t!(
                "{dir}: already exists and is not an empty folder; choose a new folder name",
                "{dir}：已经存在且不是空文件夹；请换一个新的文件夹名"
            )));
        }
    }
    Ok(())
}

/// The last part of `dir` as a theme name.
fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "my-theme".into())
}

/// Writes `files` into `dir` (made, with its parents).
fn write_files(dir: &Path, files: Vec<(String, Vec<u8>)>) -> Result<(), Fail> {
    for (path, bytes) in files {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Fail(super::messages::os_error(parent, &e, true)))?;
        }
        std::fs::write(&target, bytes)
            .map_err(|e| Fail(super::messages::os_error(&target, &e, true)))?;
    }
    Ok(())
}

/// `lectern theme import TEMPLATE DIR`: the folder is written beside DIR under a
/// temporary name, checked, and only then renamed, so a failure leaves nothing.
fn import(template: &Path, dir: &Path, reporter: &mut Reporter) -> Result<(), Fail> {
    fresh_folder(dir)?;
    let bytes = std::fs::read(template)
        .map_err(|e| Fail(super::messages::os_error(template, &e, false)))?;
    let source = template.file_name().map_or_else(
        || "template.pptx".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let name = folder_name(dir);
    let imported = lectern::theme::template::import(&bytes, &source, &name).map_err(|e| {
        let (en, zh) = e.en_zh();
        let shown = template.display();
        Fail(t!("{shown}: {en}", "{shown}：{zh}"))
    })?;
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| Fail(super::messages::os_error(parent, &e, true)))?;
    let staging = tempfile::Builder::new()
        .prefix(".lectern-import-")
        .tempdir_in(parent)
        .map_err(|e| Fail(super::messages::os_error(parent, &e, true)))?;
    write_files(staging.path(), imported.files)?;
    project::load_theme_folder(staging.path(), &Reads::default(), false)?;
    if dir.exists() {
        let _ = std::fs::remove_dir(dir);
    }
    let staged = staging.keep();
    std::fs::rename(&staged, dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staged);
        Fail(super::messages::os_error(dir, &e, true))
    })?;
    let mut out = Out::new();
    let (shown, from) = (dir.display(), template.display());
    out.line(&t!(
        "imported {from} as the theme `{name}` in {shown}",
        "已把 {from} 导入为主题 `{name}`，写在 {shown}"
    ));
    let zh = super::lang::current() == super::lang::Lang::Zh;
    let pick = |n: &lectern::theme::template::Note| if zh { n.zh.clone() } else { n.en.clone() };
    out.line(&t!("  taken:", "  已取得："));
    for n in &imported.took {
        out.line(&format!("    {}", pick(n)));
    }
    if !imported.missed.is_empty() {
        out.line(&t!("  not taken:", "  未能取得："));
        for n in &imported.missed {
            out.line(&format!("    {}", pick(n)));
        }
    }
    reporter.note(&t!(
        "use it: lectern build 讲稿.txt --theme {shown} (-o 讲稿.pptx builds on the template itself)",
        "使用：lectern build 讲稿.txt --theme {shown}（-o 讲稿.pptx 直接用这个模板的母版和版式）"
    ));
    Ok(())
}

/// Writes `theme` out as a self-contained folder `dir` to edit.
fn new(dir: &Path, theme: &Theme, reporter: &mut Reporter) -> Result<(), Fail> {
    fresh_folder(dir)?;
    let name = folder_name(dir);
    write_files(dir, eject::eject(theme, &name))?;
    let (from, dir) = (
        theme.chain.first().map_or("", String::as_str),
        dir.display(),
    );
    reporter.note(&t!(
        "wrote the theme `{name}` (from `{from}`) to {dir}\n  edit {dir}/theme.toml (colours, organisation, logo), then: lectern theme check {dir}",
        "已把主题 `{name}`（来自 `{from}`）写到 {dir}\n  修改 {dir}/theme.toml（颜色、单位、标志）后运行：lectern theme check {dir}"
    ));
    Ok(())
}

/// A small lecture that has every kind of slide, to try a theme's templates on.
const SAMPLE: &str = "专题党课：主题检查\n同志们：\n这是一段开场白。\n\
一、第一部分\n部分导语。\n（一）第一节标题。第一，要点一。第二，要点二。\n\
二、第二部分\n（一）一节。一要“关键词”。二要再来一点。\n谢谢大家！\n";

/// Builds the sample lecture with `theme` and says what the theme holds.
fn check(dir: &Path, theme: &Theme) -> Result<(), Fail> {
    let opts = lectern::Options {
        theme: theme.clone(),
        ..lectern::Options::default()
    };
    let deck = lectern::compile(SAMPLE.as_bytes(), &opts).map_err(|error| {
        Fail(super::messages::load_error(&project::LoadError::Lecture {
            path: dir.to_path_buf(),
            error,
        }))
    })?;
    let mut out = Out::new();
    let (shown, name) = (dir.display(), &theme.name);
    out.line(&t!(
        "{shown}: the theme `{name}` is fine",
        "{shown}：主题 `{name}` 没有问题"
    ));
    out.line(&format!("  built from: {}", theme.chain.join(" ← ")));
    // The theme's own CSS may be newer than the office PCs' browsers: say so, do not fail.
    let css_path = dir.join("style.css");
    if let Ok(css) = std::fs::read_to_string(&css_path) {
        for w in lectern::theme::compat::css_warnings(&css) {
            let (path, line, feature, needs) = (css_path.display(), w.line, w.feature, w.needs);
            let (targets, help, help_zh) = (lectern::theme::compat::TARGETS, w.help, w.help_zh);
            eprintln!(
                "{}",
                t!(
                    "warning: {path}:{line}: `{feature}` needs {needs} (decks target {targets}); {help}",
                    "警告：{path} 第 {line} 行：`{feature}` 要 {needs} 才支持（幻灯片要能在 {targets} 上放映）；提示：{help_zh}"
                )
            );
        }
    }
    if let Some(org) = &theme.organisation {
        out.line(&format!("  organisation: {org}"));
    }
    let colours: Vec<String> = theme
        .colours
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    out.line(&format!("  colours: {}", colours.join(", ")));
    for (what, asset) in [("logo", &theme.logo), ("background", &theme.background)] {
        if let Some(a) = asset {
            out.line(&format!(
                "  {what}: {} → {}×{} {} ({} KB in the deck)",
                a.file,
                a.inlined.width,
                a.inlined.height,
                a.inlined.mime,
                a.inlined.uri.len().div_ceil(1024)
            ));
        }
    }
    if let Some(t) = &theme.template {
        out.line(&format!(
            "  template: {} ({} KB; .pptx decks are built on it)",
            t.file,
            t.bytes.len().div_ceil(1024)
        ));
    }
    if let Some(f) = &theme.embed_font {
        out.line(&format!(
            "  embedded font: {} ({} KB, subset per deck)",
            f.file,
            f.bytes.len() >> 10
        ));
    }
    out.line(&format!(
        "  a sample deck of {} slides builds ({} KB)",
        deck.deck.slides.len(),
        deck.html.len().div_ceil(1024)
    ));
    Ok(())
}
