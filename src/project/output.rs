//! Writing the deck: through a temporary file in the target's folder and a rename, so a
//! failed or interrupted build leaves the previous deck as it was.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why the deck could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The output is the lecture itself.
    WouldOverwriteLecture(PathBuf),
    /// The folder to write into does not exist.
    NoFolder {
        out: PathBuf,
        dir: PathBuf,
    },
    Io {
        out: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::WouldOverwriteLecture(out) => write!(
                f,
                "{}: the output would overwrite the lecture itself; choose another name with -o",
                out.display()
            ),
            WriteError::NoFolder { out, dir } => write!(
                f,
                "{}: the folder {} does not exist",
                out.display(),
                dir.display()
            ),
            WriteError::Io { out, error } => {
                write!(f, "{}: cannot write the deck: {error}", out.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `bytes` to `out`, never over `lecture`.
pub fn write_deck(lecture: &Path, out: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if same_file(lecture, out) {
        return Err(WriteError::WouldOverwriteLecture(out.to_path_buf()));
    }
    let dir = super::folder_of(out);
    if !dir.is_dir() {
        return Err(WriteError::NoFolder {
            out: out.to_path_buf(),
            dir,
        });
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, out));
    if let Err(error) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(WriteError::Io {
            out: out.to_path_buf(),
            error,
        });
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
