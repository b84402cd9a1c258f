//! One page's compiler: the last good deck, the theme the user loaded, and a build that
//! does what `lectern build FILE --theme … --aspect … --content … --minutes|--rate …` does
//! with a lecture that has no `deck.toml` or pictures beside it, so the bytes are the same.

use std::path::Path;

use lectern::settings::Content;
use lectern::theme::files::MemoryFiles;
use lectern::theme::Registry;
use lectern::{Aspect, Options, Planned, Settings, Theme};
use serde_json::{json, Value};

/// What the page's controls say; every field is optional ("as the lecture says").
#[derive(Debug, Default)]
pub struct Controls {
    /// The file's name: its extension picks plain text or Markdown, its stem is the
    /// title of a lecture without one (as the CLI takes them from the path).
    pub name: String,
    pub theme: Option<String>,
    pub aspect: Option<Aspect>,
    pub content: Option<Content>,
    pub minutes: Option<u32>,
    pub rate: Option<u32>,
    /// Send the lecture's text back (decoded, a Word file's one paragraph a line) for
    /// the editor: on opening a file, not on every keystroke.
    pub text: bool,
}

impl Controls {
    /// Reads the page's JSON: `{"name", "theme", "aspect", "content", "minutes", "rate"}`;
    /// empty strings and zeros mean unset.
    pub fn from_json(text: &[u8]) -> Result<Controls, String> {
        let v: Value = serde_json::from_slice(text).map_err(|e| e.to_string())?;
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let number = |k: &str| {
            v.get(k)
                .and_then(Value::as_u64)
                .filter(|n| *n > 0)
                .map(|n| n.min(u32::MAX as u64) as u32)
        };
        Ok(Controls {
            name: text("name").unwrap_or_else(|| "讲稿.txt".into()),
            theme: text("theme"),
            aspect: text("aspect").map(|a| a.parse()).transpose()?,
            content: text("content").map(|c| c.parse()).transpose()?,
            minutes: number("minutes"),
            rate: number("rate"),
            text: v.get("text").and_then(Value::as_bool).unwrap_or(false),
        })
    }
}

/// Why a build made no deck: a kind the page words in its language, and the library's
/// own sentence.
#[derive(Debug)]
pub struct Failure {
    pub kind: &'static str,
    pub message: String,
    /// The same in Chinese.
    pub zh: String,
    /// The lecture's diagnostics when it was read but has errors.
    pub diagnostics: Option<Value>,
    /// The lecture's text, when it was read and asked for.
    pub text: Option<String>,
}

impl Failure {
    pub fn new(kind: &'static str, message: impl ToString, zh: impl ToString) -> Self {
        Failure {
            kind,
            message: message.to_string(),
            zh: zh.to_string(),
            diagnostics: None,
            text: None,
        }
    }
}

#[derive(Default)]
pub struct Session {
    /// The last good deck and the theme it was made with; downloads write it.
    last: Option<(Planned, Theme)>,
    /// A department theme the user loaded, by its name.
    custom: Option<Theme>,
}

impl Session {
    /// Loads a theme folder from a .zip of it (the folder itself, or the zip holding one
    /// folder); the theme's name is the one to put in `Controls::theme`.
    pub fn load_theme_zip(&mut self, bytes: &[u8]) -> Result<String, Failure> {
        let files = crate::theme_zip::read(bytes)
            .map_err(|(en, zh)| Failure::new("theme", en, format!("主题包有误：{zh}")))?;
        self.load_theme_files(&files)
    }

    /// Loads a theme folder the page's folder picker chose (see
    /// [`crate::theme_zip::read_packed`]); the theme's name is the one to put in
    /// `Controls::theme`.
    pub fn load_theme_folder(&mut self, packed: &[u8]) -> Result<String, Failure> {
        let files = crate::theme_zip::read_packed(packed)
            .map_err(|(en, zh)| Failure::new("theme", en, format!("主题文件夹有误：{zh}")))?;
        self.load_theme_files(&files)
    }

    fn load_theme_files(&mut self, files: &MemoryFiles) -> Result<String, Failure> {
        let theme = Registry::new()
            .load_from(files)
            .map_err(|e| Failure::new("theme", &e, e.zh()))?;
        let name = theme.name.clone();
        self.custom = Some(theme);
        Ok(name)
    }

    /// Loads the unit's PowerPoint template (.pptx/.potx) as a theme, as `lectern theme
    /// import` makes one (the folder it would write, kept in memory): HTML decks drawn like
    /// the template, .pptx decks built on it. `file` is the template's file name; its stem
    /// names the theme. The result is the theme's name and what the import took and left
    /// out, in English and Chinese.
    pub fn load_template(&mut self, file: &str, bytes: &[u8]) -> Result<Value, Failure> {
        let stem = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "template".into());
        let imported = lectern::theme::template::import(bytes, file, &stem).map_err(|e| {
            let (en, zh) = e.en_zh();
            Failure::new("theme", format!("{file}: {en}"), format!("{file}：{zh}"))
        })?;
        let notes = |list: &[lectern::theme::template::Note]| {
            list.iter()
                .map(|n| json!({"en": n.en, "zh": n.zh}))
                .collect::<Vec<_>>()
        };
        let (took, missed) = (notes(&imported.took), notes(&imported.missed));
        let files = imported
            .files
            .into_iter()
            .fold(MemoryFiles::new(file), |files, (path, bytes)| {
                files.with(path, bytes)
            });
        let name = self.load_theme_files(&files)?;
        Ok(json!({"ok": true, "name": name, "took": took, "missed": missed}))
    }

    /// Builds the lecture; on success the result describes the deck (outline,
    /// diagnostics, slide count, minutes) and the deck is kept for [`Session::write`].
    pub fn compile(&mut self, bytes: &[u8], controls: &Controls) -> Result<Value, Failure> {
        let path = Path::new(&controls.name);
        let format = lectern::input::sniff::sniff(path, bytes)
            .map_err(|k| Failure::new("foreign", k, k.zh()))?;
        let mut options = Options {
            format,
            overrides: Settings {
                theme: controls.theme.clone(),
                aspect: controls.aspect,
                content: controls.content,
                minutes: controls.minutes,
                rate: controls.rate,
                ..Settings::default()
            },
            ..Options::default()
        };
        if let Some(stem) = path.file_stem() {
            options.plan.fallback_title = stem.to_string_lossy().into_owned();
        }
        let parsed = lectern::parse(bytes, &options).map_err(failure)?;
        options.theme = self.theme(parsed.settings.theme.as_deref())?;
        let outline = lectern::outline::outline_json(&parsed);
        let diagnostics = diagnostics(&parsed);
        let line_word = format.info().line_word;
        let text = controls.text.then(|| parsed.source.text.clone());
        let planned = match lectern::plan_parsed(parsed, &options) {
            Ok(planned) => planned,
            Err(e) => {
                let mut f = failure(e);
                f.diagnostics = Some(diagnostics);
                f.text = text;
                return Err(f);
            }
        };
        let info = &planned.deck.info;
        let mut result = json!({
            "ok": true,
            "outline": outline,
            "diagnostics": diagnostics,
            "slides": planned.deck.slides.len(),
            "seconds": info.total_seconds,
            "title": info.title,
            "aspect": planned.aspect.as_str(),
            "theme": options.theme.name,
            "line_word": line_word,
        });
        if let Some(text) = text {
            result["text"] = Value::String(text);
        }
        self.last = Some((planned, options.theme));
        Ok(result)
    }

    /// The last good deck written by the writer called `name` (`html`, `pptx`).
    pub fn write(&self, name: &str) -> Result<Vec<u8>, Failure> {
        let (planned, theme) = self
            .last
            .as_ref()
            .ok_or_else(|| Failure::new("no_deck", "no deck yet", "还没有幻灯片"))?;
        let output = lectern::render::writers()
            .iter()
            .find(|o| o.name == name && !o.printed)
            .ok_or_else(|| {
                Failure::new(
                    "write",
                    format!("no writer `{name}`"),
                    format!("没有 `{name}` 格式"),
                )
            })?;
        planned.write(output, theme).map_err(failure)
    }

    /// The theme a name means: the loaded department theme, else a built-in one, else
    /// the default (as the CLI resolves `--theme` and the deck's `theme` setting).
    fn theme(&self, name: Option<&str>) -> Result<Theme, Failure> {
        let Some(name) = name else {
            return Ok(Theme::default_theme());
        };
        if let Some(custom) = self.custom.as_ref().filter(|t| t.name == name) {
            return Ok(custom.clone());
        }
        if name.contains(['/', '\\']) {
            return Err(Failure::new(
                "theme_folder",
                format!(
                    "{name}: the lecture names a theme folder; load it as a .zip with “Theme…”"
                ),
                format!("{name}：讲稿指定了主题文件夹；请用“载入主题”选择它的 .zip"),
            ));
        }
        Theme::builtin(name).map_err(|e| Failure::new("theme", &e, e.zh()))
    }
}

/// The diagnostics with their words in both languages, for the page's list.
fn diagnostics(parsed: &lectern::Parsed) -> Value {
    parsed
        .diagnostics
        .iter()
        .map(|d| {
            let (zh, zh_help) = d.words(true);
            json!({
                "code": d.code,
                "severity": d.severity,
                "line": d.line,
                "column": d.column,
                "message": d.message,
                "help": d.help,
                "zh": zh,
                "zh_help": zh_help,
            })
        })
        .collect()
}

fn failure(e: lectern::Error) -> Failure {
    use lectern::Error;
    let kind = match &e {
        Error::Source(_) => "source",
        Error::Docx(_) => "docx",
        Error::Theme(_) => "theme",
        Error::Rejected(_) => "rejected",
        Error::Template(_) | Error::Write(_) | Error::Font(_) => "write",
    };
    Failure::new(kind, &e, e.zh())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &[u8] = include_bytes!("../../decks/lecture.txt");

    #[test]
    fn the_seed_builds_and_both_writers_write_it() {
        let mut s = Session::default();
        let c = Controls::from_json(br#"{"name":"lecture.txt","theme":"blue"}"#).unwrap();
        let r = s
            .compile(SEED, &c)
            .unwrap_or_else(|f| panic!("{}", f.message));
        assert!(r["slides"].as_u64().unwrap() > 5);
        assert_eq!(r["theme"], "blue");
        assert!(s.write("html").unwrap().starts_with(b"<!DOCTYPE html>"));
        assert!(s.write("pptx").unwrap().starts_with(b"PK"));
    }

    #[test]
    fn a_binary_file_fails_and_the_last_deck_stays() {
        let mut s = Session::default();
        let c = Controls::from_json(br#"{"name":"lecture.txt"}"#).unwrap();
        s.compile(SEED, &c).ok().unwrap();
        let before = s.write("html").unwrap();
        let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        let f = s.compile(&bin, &c).expect_err("a binary file fails");
        assert_eq!(f.kind, "source");
        assert_eq!(s.write("html").unwrap(), before);
    }
}
