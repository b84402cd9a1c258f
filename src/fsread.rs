//! Reading files someone else gave you (a lecture folder or a theme forwarded by mail):
//! only regular files, never more bytes than a limit (enforced while reading, since a
//! device or a growing file reports no true size), and by default only inside the
//! folder the lecture or theme lives in, so a deck never carries out a file the author
//! did not mean to put in it.

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest lecture file read, in bytes.
pub const MAX_LECTURE: u64 = 64 << 20;
/// Largest picture file read, in bytes.
pub const MAX_PICTURE: u64 = 32 << 20;
/// Largest theme file read (logo, background, font, style.css, templates), in bytes.
pub const MAX_THEME_FILE: u64 = 64 << 20;

/// Why a file was not read. Each says, in one line, which file and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound {
        path: PathBuf,
    },
    /// A folder, device, FIFO or socket.
    NotAFile {
        path: PathBuf,
        what: &'static str,
    },
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// The path leads out of `root` (absolute, `..`, or a link that points out).
    Outside {
        path: String,
        root: PathBuf,
        whose: &'static str,
    },
    Io {
        path: PathBuf,
        message: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound { path } => write!(f, "no file {}", path.display()),
            ReadError::NotAFile { path, what } => write!(
                f,
                "{} is {what}, not a regular file; give a file saved on disk",
                path.display()
            ),
            ReadError::TooLarge { path, limit } => write!(
                f,
                "{} is larger than {} MB; lectern reads files up to that size",
                path.display(),
                limit >> 20
            ),
            ReadError::Outside { path, root, whose } => write!(
                f,
                "`{path}` is outside the {whose}'s folder {}; copy the file into that folder, or allow it with --allow-outside (deck setting `allow_outside = true`)",
                root.display()
            ),
            ReadError::Io { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `path` whole if it is a regular file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.into(),
            limit,
        });
    }
    let file = open(path)?;
    // The file may have been swapped for a FIFO or device since the check above.
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.into(),
            limit,
        });
    }
    Ok(bytes)
}

/// Opens without blocking: opening a FIFO for reading waits for a writer otherwise.
fn open(path: &Path) -> Result<std::fs::File, ReadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path).map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound { path: path.into() },
        _ => ReadError::Io {
            path: path.into(),
            message: e.to_string(),
        },
    }
}

fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> ReadError {
    let kind = meta.file_type();
    let what = if kind.is_dir() {
        "a folder"
    } else {
        special_kind(&kind)
    };
    ReadError::NotAFile {
        path: path.into(),
        what,
    }
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// The file `written` (as the lecture or theme names it) under the folder `root`.
/// Unless `allow_outside`, a path that leads out of `root` is refused: absolute, with
/// `..` above the folder, or through a link that points out of it.
pub fn resolve(
    root: &Path,
    written: &str,
    allow_outside: bool,
    whose: &'static str,
) -> Result<PathBuf, ReadError> {
    let full = root.join(written);
    if allow_outside {
        return Ok(full);
    }
    let outside = || ReadError::Outside {
        path: written.into(),
        root: root.into(),
        whose,
    };
    // Lexically first, so a missing file outside is still called outside.
    let mut depth = 0usize;
    for part in Path::new(written).components() {
        match part {
            Component::Prefix(_) | Component::RootDir => return Err(outside()),
            Component::ParentDir if depth == 0 => return Err(outside()),
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
    }
    // Then through links: both sides as the file system resolves them.
    if let (Ok(real_root), Ok(real)) = (root.canonicalize(), full.canonicalize()) {
        if !real.starts_with(&real_root) {
            return Err(outside());
        }
    }
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_refused_before_a_byte_is_read() {
        let err = read_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::NotAFile {
                    what: "a device",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "/dev/zero is a device, not a regular file; give a file saved on disk"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pic.png");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let err = read_limited(&fifo, 1 << 20).unwrap_err();
        assert!(err.to_string().contains("a pipe (FIFO)"), "{err}");
    }

    #[test]
    fn the_limit_holds_while_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.bin");
        std::fs::write(&path, vec![7u8; 2048]).unwrap();
        assert_eq!(read_limited(&path, 2048).unwrap().len(), 2048);
        let err = read_limited(&path, 2047).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
        let err = read_limited(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        let err = read_limited(&dir.path().join("none.png"), 10).unwrap_err();
        assert!(matches!(err, ReadError::NotFound { .. }), "{err:?}");
    }

    #[test]
    fn paths_out_of_the_folder_are_refused_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("lecture");
        std::fs::create_dir_all(root.join("img")).unwrap();
        std::fs::write(root.join("img/a.png"), b"x").unwrap();
        std::fs::write(dir.path().join("secret.png"), b"x").unwrap();
        assert!(resolve(&root, "img/a.png", false, "lecture").is_ok());
        assert!(resolve(&root, "img/../img/a.png", false, "lecture").is_ok());
        for bad in ["../secret.png", "/etc/passwd", "img/../../secret.png"] {
            let err = resolve(&root, bad, false, "lecture").unwrap_err();
            assert!(matches!(err, ReadError::Outside { .. }), "{bad}: {err:?}");
            assert!(err.to_string().contains("--allow-outside"), "{err}");
            assert!(resolve(&root, bad, true, "lecture").is_ok());
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), root.join("link.png"))
                .unwrap();
            let err = resolve(&root, "link.png", false, "lecture").unwrap_err();
            assert!(matches!(err, ReadError::Outside { .. }), "{err:?}");
        }
    }
}
