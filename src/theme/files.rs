//! Where a theme's files come from. The library reads themes only through
//! [`ThemeFiles`], so tests hand themes in memory; `project` reads theme folders on
//! disk.

use std::collections::BTreeMap;

use rust_embed::RustEmbed;

/// The files of one theme folder.
pub trait ThemeFiles {
    /// How messages name the folder: `themes/red`, `/home/li/dept-theme`.
    fn origin(&self) -> String;
    /// A file by its path relative to the folder (`theme.toml`, `templates/deck.html.j2`,
    /// `logo.png`); `Ok(None)` when there is no such file, `Err` (a sentence) when there
    /// is one that cannot be read.
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String>;
    /// The file names (not paths) under `templates/` that end in `.j2`.
    fn templates(&self) -> Vec<String>;
}

#[derive(RustEmbed)]
#[folder = "themes/"]
struct Embedded;

/// A built-in theme, embedded in the binary.
#[derive(Debug, Clone)]
pub struct BuiltIn {
    name: String,
}

impl BuiltIn {
    /// The built-in theme called `name`, if there is one.
    pub fn get(name: &str) -> Option<BuiltIn> {
        Embedded::get(&format!("{name}/theme.toml")).map(|_| BuiltIn { name: name.into() })
    }

    /// Names of all built-in themes, unsorted.
    pub fn names() -> Vec<String> {
        Embedded::iter()
            .filter_map(|p| p.strip_suffix("/theme.toml").map(str::to_string))
            .filter(|n| !n.contains('/'))
            .collect()
    }
}

impl ThemeFiles for BuiltIn {
    fn origin(&self) -> String {
        format!("themes/{}", self.name)
    }
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(Embedded::get(&format!("{}/{path}", self.name)).map(|f| f.data.into_owned()))
    }
    fn templates(&self) -> Vec<String> {
        let prefix = format!("{}/templates/", self.name);
        Embedded::iter()
            .filter_map(|p| p.strip_prefix(&prefix).map(str::to_string))
            .filter(|n| n.ends_with(".j2") && !n.contains('/'))
            .collect()
    }
}

/// A theme held in memory: for tests and for front ends that get themes from elsewhere.
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    origin: String,
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryFiles {
    pub fn new(origin: impl Into<String>) -> Self {
        MemoryFiles {
            origin: origin.into(),
            files: BTreeMap::new(),
        }
    }

    /// Adds a file at `path` (relative to the theme folder).
    pub fn with(mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.insert(path.into(), bytes.into());
        self
    }
}

impl ThemeFiles for MemoryFiles {
    fn origin(&self) -> String {
        self.origin.clone()
    }
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.files.get(path).cloned())
    }
    fn templates(&self) -> Vec<String> {
        self.files
            .keys()
            .filter_map(|p| p.strip_prefix("templates/"))
            .filter(|n| n.ends_with(".j2") && !n.contains('/'))
            .map(str::to_string)
            .collect()
    }
}
