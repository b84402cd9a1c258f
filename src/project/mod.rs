//! Loading a lecture from disk: the one place of the library that reads files.
//!
//! [`Project::load`] reads the lecture (recognising its format by content), the
//! `deck.toml` beside it, applies the settings in order (`deck.toml` < front matter <
//! the caller's overrides), resolves the theme (a built-in name or a folder, relative
//! to the current folder or to the lecture), reads the pictures the lecture names and
//! records every file it read or looked for, so that a watch mode knows what to watch.
//! [`Project::compile`] then makes the deck; [`output::write_deck`] writes it safely.
//! Nothing here prints: errors and diagnostics are data.

pub mod confine;
mod files;
pub mod output;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::input::sniff::{sniff, Foreign};
pub use files::{read_file, ReadError, Reads, MAX_IMAGE_BYTES};

use crate::theme::{Registry, ThemeError};
use crate::{Compiled, Options, Parsed, Settings, Theme};

/// Lectures larger than this are refused: a lecture is text, not a data dump.
pub const MAX_LECTURE_BYTES: u64 = 64 << 20;

/// The settings file read from the lecture's folder.
pub const DECK_FILE: &str = "deck.toml";

/// What the caller (the command line) says over the lecture's own settings.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// They beat the front matter and `deck.toml`; a relative `theme` folder is looked
    /// for from the current folder first, then from the lecture's.
    pub settings: Settings,
}

/// A lecture read from disk with everything it refers to, ready to compile.
pub struct Project {
    /// The lecture file as given.
    pub path: PathBuf,
    /// The options the deck is compiled with: format, settings, theme, pictures.
    pub options: Options,
    /// The lecture read and checked; its diagnostics are for the caller to show.
    pub parsed: Parsed,
    /// Every file the load read or looked for (the lecture, `deck.toml`, theme files,
    /// pictures), absent ones included: creating one changes the deck too.
    pub files: Vec<PathBuf>,
}

impl Project {
    /// Reads the lecture at `path` and what it needs.
    pub fn load(path: &Path, overrides: &Overrides) -> Result<Project, LoadError> {
        let reads = Reads::default();
        reads.note(path);
        let bytes = read_file(path, MAX_LECTURE_BYTES).map_err(|error| LoadError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        let format = sniff(path, &bytes).map_err(|kind| LoadError::Foreign {
            path: path.to_path_buf(),
            kind,
        })?;
        let dir = folder_of(path);
        let mut options = Options {
            format,
            overrides: overrides.settings.clone(),
            deck_file: deck_file(&dir, &reads)?,
            assets: Some(Arc::new(files::PictureFolder {
                dir: dir.clone(),
                reads: reads.clone(),
                allow_outside: overrides.settings.allow_outside == Some(true),
            })),
            ..Options::default()
        };
        if let Some(stem) = path.file_stem() {
            options.plan.fallback_title = stem.to_string_lossy().into_owned();
        }
        let parsed = crate::parse(&bytes, &options).map_err(|error| LoadError::Lecture {
            path: path.to_path_buf(),
            error,
        })?;
        let from_flag = overrides.settings.theme.is_some();
        let outside = parsed.settings.allow_outside == Some(true);
        options.theme = resolve_theme(
            parsed.settings.theme.as_deref(),
            from_flag,
            &dir,
            &reads,
            outside,
        )?;
        Ok(Project {
            path: path.to_path_buf(),
            options,
            parsed,
            files: reads.list(),
        })
    }

    /// Plans and renders the deck; a lecture with errors is refused
    /// ([`crate::Error::Rejected`]).
    pub fn compile(&self) -> Result<Compiled, LoadError> {
        crate::compile_parsed(self.parsed.clone(), &self.options).map_err(|error| {
            LoadError::Lecture {
                path: self.path.clone(),
                error,
            }
        })
    }

    /// Plans the deck for any writer, moving the lecture into the result instead of
    /// copying it (a one-off build has no use for the project after): the options come
    /// back beside the deck.
    pub fn into_planned(self) -> Result<(Options, crate::Planned), LoadError> {
        let Project {
            path,
            options,
            parsed,
            ..
        } = self;
        match crate::plan_parsed(parsed, &options) {
            Ok(planned) => Ok((options, planned)),
            Err(error) => Err(LoadError::Lecture { path, error }),
        }
    }

    /// "line" as reports and outlines say it; in a Word file a line is a paragraph.
    pub fn line_word(&self) -> &'static str {
        self.options.format.info().line_word
    }
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The settings of the `deck.toml` in `dir`, if there is one.
fn deck_file(dir: &Path, reads: &Reads) -> Result<Settings, LoadError> {
    let path = dir.join(DECK_FILE);
    reads.note(&path);
    if !path.exists() {
        return Ok(Settings::default());
    }
    let bytes = read_file(&path, MAX_LECTURE_BYTES).map_err(|error| LoadError::Read {
        path: path.clone(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::DeckFile {
        path: path.clone(),
        line: 0,
        column: 0,
        message: "is not UTF-8 text; save it as UTF-8".into(),
    })?;
    Settings::from_toml(&text).map_err(|e| {
        let (line, column) = crate::input::source::LineIndex::new(&text).line_col(&text, e.offset);
        LoadError::DeckFile {
            path,
            line,
            column,
            message: e.message,
        }
    })
}

/// The theme called `name`: a folder when one is at that path (a flag's relative path
/// from the current folder first, a deck setting's from the lecture's folder first),
/// else a built-in by that name.
fn resolve_theme(
    name: Option<&str>,
    from_flag: bool,
    lecture_dir: &Path,
    reads: &Reads,
    allow_outside: bool,
) -> Result<Theme, LoadError> {
    let Some(name) = name else {
        return Ok(Theme::default_theme());
    };
    let path = Path::new(name);
    let mut candidates = vec![path.to_path_buf()];
    if path.is_relative() {
        let beside = lecture_dir.join(path);
        if from_flag {
            candidates.push(beside);
        } else {
            candidates.insert(0, beside);
        }
    }
    if let Some(dir) = candidates.iter().find(|p| p.is_dir()) {
        return load_theme_folder(dir, reads, allow_outside);
    }
    if name.contains(['/', '\\']) {
        return Err(LoadError::NoThemeFolder {
            path: candidates.swap_remove(0),
        });
    }
    Ok(Theme::builtin(name)?)
}

/// Loads the theme in folder `dir`, noting the files it reads in `reads`; unless
/// `allow_outside`, its files must be inside the folder.
pub fn load_theme_folder(
    dir: &Path,
    reads: &Reads,
    allow_outside: bool,
) -> Result<Theme, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::NoThemeFolder {
            path: dir.to_path_buf(),
        });
    }
    let folder = files::ThemeFolder {
        dir: dir.to_path_buf(),
        reads: reads.clone(),
        allow_outside,
    };
    Ok(Registry::new().load_from(&folder)?)
}

/// A theme by built-in name, or by folder when the name is a path to one.
pub fn load_theme(name: &str) -> Result<Theme, LoadError> {
    resolve_theme(Some(name), true, Path::new("."), &Reads::default(), false)
}

/// Why a lecture could not be loaded or compiled.
#[derive(Debug)]
pub enum LoadError {
    /// The lecture or its `deck.toml` could not be read.
    Read {
        path: PathBuf,
        error: ReadError,
    },
    /// The file is a PDF, a presentation or a spreadsheet.
    Foreign {
        path: PathBuf,
        kind: Foreign,
    },
    /// `deck.toml` is wrong; `line` 0 when the whole file is.
    DeckFile {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A theme was given as a folder that is not there.
    NoThemeFolder {
        path: PathBuf,
    },
    Theme(ThemeError),
    /// The lecture could not be read or made into a deck (encoding, Word file, errors in
    /// the lecture, the theme's templates).
    Lecture {
        path: PathBuf,
        error: crate::Error,
    },
}

impl From<ThemeError> for LoadError {
    fn from(e: ThemeError) -> Self {
        LoadError::Theme(e)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read { path, error } => match error {
                ReadError::IsFolder => {
                    write!(f, "{}: is a folder; give the lecture file", path.display())
                }
                e => write!(f, "{}: {e}", path.display()),
            },
            LoadError::Foreign { path, kind } => write!(f, "{}: {kind}", path.display()),
            LoadError::DeckFile {
                path,
                line: 0,
                message,
                ..
            } => write!(f, "{}: {message}", path.display()),
            LoadError::DeckFile {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            LoadError::NoThemeFolder { path } => write!(
                f,
                "{}: no such theme folder; `lectern themes` lists the built-in ones",
                path.display()
            ),
            LoadError::Theme(e) => e.fmt(f),
            LoadError::Lecture { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn lecture_in(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const LECTURE: &str = "专题党课：测试\n同志们：\n开场。\n一、第一部分\n（一）一节。第一，要点一。第二，要点二。\n谢谢大家！\n";

    #[test]
    fn settings_come_from_deck_toml_then_front_matter_then_overrides() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("deck.toml"),
            "speaker = \"甲\"\norganisation = \"某局\"\nrate = 300\n",
        )
        .unwrap();
        let text = format!("+++\nspeaker = \"乙\"\nrate = 200\n+++\n{LECTURE}");
        let path = lecture_in(dir.path(), "讲稿.txt", &text);
        let overrides = Overrides {
            settings: Settings {
                rate: Some(250),
                ..Settings::default()
            },
        };
        let project = Project::load(&path, &overrides).unwrap();
        let s = &project.parsed.settings;
        assert_eq!(s.organisation.as_deref(), Some("某局"), "deck.toml");
        assert_eq!(
            s.speaker.as_deref(),
            Some("乙"),
            "front matter over deck.toml"
        );
        assert_eq!(s.rate, Some(250), "override over front matter");
        assert_eq!(
            project.files,
            [path.clone(), dir.path().join("deck.toml")],
            "the files it read"
        );
    }

    #[test]
    fn the_decks_own_theme_setting_is_applied_and_a_folder_is_found_beside_the_lecture() {
        let dir = tempfile::tempdir().unwrap();
        let path = lecture_in(
            dir.path(),
            "a.txt",
            &format!("+++\ntheme = \"blue\"\n+++\n{LECTURE}"),
        );
        let project = Project::load(&path, &Overrides::default()).unwrap();
        assert_eq!(project.options.theme.name, "blue");
        let deck = project.compile().unwrap();
        assert!(
            deck.html.contains("--primary:#0b3c8c"),
            "the blue theme's colour"
        );

        let theme = dir.path().join("dept");
        std::fs::create_dir(&theme).unwrap();
        std::fs::write(
            theme.join("theme.toml"),
            "name = \"dept\"\nextends = \"red\"\n[brand]\norganisation = \"某县农业农村局\"\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("deck.toml"), "theme = \"./dept\"\n").unwrap();
        let path = lecture_in(dir.path(), "b.txt", LECTURE);
        let project = Project::load(&path, &Overrides::default()).unwrap();
        assert_eq!(project.options.theme.name, "dept");
        assert!(
            project.files.contains(&theme.join("theme.toml")),
            "{:?}",
            project.files
        );
        assert!(project.compile().unwrap().html.contains("某县农业农村局"));

        std::fs::write(dir.path().join("deck.toml"), "theme = \"./nowhere\"\n").unwrap();
        let e = Project::load(&path, &Overrides::default()).err().unwrap();
        assert!(matches!(e, LoadError::NoThemeFolder { .. }), "{e}");
    }

    #[test]
    fn a_word_file_under_another_name_is_read_as_word_and_a_pdf_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("讲稿.txt");
        std::fs::write(&pdf, b"%PDF-1.4\n...").unwrap();
        let e = Project::load(&pdf, &Overrides::default()).err().unwrap();
        assert!(e.to_string().contains("this is a PDF"), "{e}");

        let e = Project::load(dir.path(), &Overrides::default())
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .ends_with("is a folder; give the lecture file"),
            "{e}"
        );
    }
}
