//! Reading the files a lecture names: only regular files, never more than a limit, and
//! each one recorded so that a watch mode knows what to watch.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::theme::ThemeFiles;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    IsFolder,
    /// A device, a pipe or a socket: reading one may never end.
    NotRegular,
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    PermissionDenied,
    /// Any other failure, as the operating system put it.
    Os(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::IsFolder => f.write_str("is a folder, not a file"),
            ReadError::NotRegular => {
                f.write_str("is not a regular file (a device or a pipe); give a file")
            }
            ReadError::TooLarge(limit) => {
                write!(
                    f,
                    "is larger than {} MB, more than a lecture needs",
                    limit >> 20
                )
            }
            ReadError::PermissionDenied => {
                f.write_str("permission denied: you may not read it; copy it somewhere you can")
            }
            ReadError::Os(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::IsFolder,
            _ => ReadError::Os(e.to_string()),
        }
    }
}

/// Reads the regular file at `path`, at most `limit` bytes of it.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening: opening a pipe for reading waits for a writer.
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let file = open_nonblocking(path)?;
    // The file may have been swapped for a pipe since the look above.
    if !file.metadata()?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size can change between the look and the read: the limit holds either way.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Opens for reading without waiting: opening a pipe waits for a writer otherwise.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path)
}

/// The files a build read or looked for, in the order it did; shared by the readers of
/// pictures and theme files, which the library calls back later.
#[derive(Debug, Clone, Default)]
pub struct Reads(Arc<Mutex<Vec<PathBuf>>>);

impl Reads {
    pub fn note(&self, path: &Path) {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !list.iter().any(|p| p == path) {
            list.push(path.to_path_buf());
        }
    }

    pub fn list(&self) -> Vec<PathBuf> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Pictures larger than this are refused before they are read.
pub const MAX_IMAGE_BYTES: u64 = 32 << 20;

/// Theme files (CSS, templates, pictures, fonts) larger than this are refused.
pub const MAX_THEME_FILE_BYTES: u64 = 32 << 20;

/// Pictures named in a Markdown lecture, read from the lecture's folder (and from
/// outside it only when allowed).
pub struct PictureFolder {
    pub dir: PathBuf,
    pub reads: Reads,
    /// The user allows pictures from outside the folder, whatever the deck says.
    pub allow_outside: bool,
}

impl crate::Assets for PictureFolder {
    fn read(&self, path: &str, allow_outside: bool) -> Result<Vec<u8>, String> {
        let allowed = allow_outside || self.allow_outside;
        let full = crate::project::confine::resolve(&self.dir, path, allowed, "lecture")
            .map_err(|e| e.to_string())?;
        self.reads.note(&full);
        read_file(&full, MAX_IMAGE_BYTES).map_err(|e| match e {
            ReadError::NotFound => format!("no file {}", full.display()),
            ReadError::TooLarge(_) => format!("{} is larger than 32 MB", full.display()),
            e => format!("{}: {e}", full.display()),
        })
    }
}

/// A theme folder on disk; files are read when the theme loader asks for them.
pub struct ThemeFolder {
    pub dir: PathBuf,
    pub reads: Reads,
    /// `theme.toml` may name files outside the folder.
    pub allow_outside: bool,
}

impl ThemeFiles for ThemeFolder {
    fn origin(&self) -> String {
        self.dir.display().to_string()
    }
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let full = crate::project::confine::resolve(&self.dir, path, self.allow_outside, "theme")
            .map_err(|e| e.to_string())?;
        self.reads.note(&full);
        match read_file(&full, MAX_THEME_FILE_BYTES) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ReadError::NotFound) => Ok(None),
            Err(e) => Err(format!("`{path}` {e}")),
        }
    }
    fn templates(&self) -> Vec<String> {
        let dir = self.dir.join("templates");
        self.reads.note(&dir);
        let Ok(entries) = std::fs::read_dir(dir) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, b"0123456789").unwrap();
        assert_eq!(read_file(&file, 10).unwrap(), b"0123456789");
        assert_eq!(read_file(&file, 9), Err(ReadError::TooLarge(9)));
        assert_eq!(read_file(dir.path(), 10), Err(ReadError::IsFolder));
        assert_eq!(
            read_file(&dir.path().join("none"), 10),
            Err(ReadError::NotFound)
        );
        #[cfg(unix)]
        assert_eq!(
            read_file(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular)
        );
    }
}
