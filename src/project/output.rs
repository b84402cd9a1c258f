//! Writing the deck without harm: through a temporary file created exclusively, with a
//! random name, in the target's own folder, then renamed over the target, so a failed
//! or interrupted build leaves the previous deck as it was. A symlinked output is
//! followed and the file it points to keeps its mode; a device or pipe (`/dev/null`,
//! `/dev/stdout`) is written in place, never replaced; temporary files that a killed
//! build left behind are removed by the next build into that folder.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Every temporary file of ours starts with this; the process id follows, so the next
/// build can tell a dead build's leftovers from a running one's.
const TEMP_PREFIX: &str = ".lectern-";
const TEMP_SUFFIX: &str = ".tmp";

/// Where `/proc` cannot say whether a build is alive, its leftovers are removed after this.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// How many symlinks are followed before giving up (a loop).
const MAX_LINKS: usize = 40;

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
    /// The output is a folder, a socket or a block device.
    NotAFile(PathBuf),
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
            WriteError::NotAFile(out) => write!(
                f,
                "{}: is a folder or a device, not a file; give a file name with -o",
                out.display()
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
    let io = |error| WriteError::Io {
        out: out.to_path_buf(),
        error,
    };
    if same_file(lecture, out) {
        return Err(WriteError::WouldOverwriteLecture(out.to_path_buf()));
    }
    let target = follow_links(out).map_err(io)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return if is_stream(meta) {
                write_in_place(&target, bytes).map_err(io)
            } else {
                Err(WriteError::NotAFile(out.to_path_buf()))
            };
        }
    }
    let dir = super::folder_of(&target);
    if !dir.is_dir() {
        return Err(WriteError::NoFolder {
            out: out.to_path_buf(),
            dir,
        });
    }
    remove_stale(&dir);
    if existing
        .as_ref()
        .is_some_and(|meta| meta.len() == bytes.len() as u64)
        && touch_if_same(&target, bytes)
    {
        return Ok(());
    }
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // tempfile's own 0600 would stay on a new deck; what `open` would create instead
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io)?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .map_err(io)?;
    if let Some(meta) = existing {
        // the deck it replaces keeps its mode (a shared folder's group-writable deck)
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

/// When the deck at `target` already holds `bytes`, marks it as made now and says so.
/// Rebuilding an unchanged lecture (a folder build, `make`) then leaves the file, its
/// links and anything watching it alone, and costs no rename: on ext4 replacing a file
/// by rename starts writing the new one out at once.
fn touch_if_same(target: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(target)
    else {
        return false;
    };
    // compared a piece at a time: a big deck is not read into memory a second time
    let mut piece = [0u8; 16 * 1024];
    let mut at = 0;
    loop {
        match std::io::Read::read(&mut file, &mut piece) {
            Ok(0) if at == bytes.len() => break,
            Ok(n) if n > 0 && bytes.get(at..at + n) == Some(&piece[..n]) => at += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
    file.set_modified(SystemTime::now()).is_ok()
}

/// The file `path` names once its symlinks are followed (it need not exist).
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&path)?;
                path = super::folder_of(&path).join(to);
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// A character device or a pipe: written as a stream, never replaced by a file.
fn is_stream(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_char_device() || t.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn write_in_place(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Removes the temporary files that builds no longer running left in `dir`.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .filter(|n| n.ends_with(TEMP_SUFFIX))
            .and_then(|n| n.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // a plain file of ours only: never a link someone planted
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.is_file() && !alive(pid, &meta) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the build that made a temporary file may still be writing it.
fn alive(pid: u32, meta: &std::fs::Metadata) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    meta.modified()
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_none_or(|age| age < STALE_AFTER)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_unchanged_deck_is_left_in_place_and_marked_new() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let (lecture, out) = (dir.path().join("讲稿.txt"), dir.path().join("讲稿.html"));
        std::fs::write(&lecture, "标题").unwrap();
        write_deck(&lecture, &out, b"<html>one</html>").unwrap();
        let before = std::fs::metadata(&out).unwrap();
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        std::fs::File::options()
            .write(true)
            .open(&out)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let leftover = dir.path().join(".lectern-4194305-AbC123.tmp");
        std::fs::write(&leftover, "half a deck").unwrap();
        write_deck(&lecture, &out, b"<html>one</html>").unwrap();
        assert!(
            !leftover.exists(),
            "a dead build's leftovers go all the same"
        );
        let same = std::fs::metadata(&out).unwrap();
        assert_eq!(same.ino(), before.ino(), "the same file, not a replacement");
        assert!(same.modified().unwrap() > old, "marked as made now");
        // a different deck of the same length replaces the file
        write_deck(&lecture, &out, b"<html>two</html>").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"<html>two</html>");
        assert_ne!(std::fs::metadata(&out).unwrap().ino(), before.ino());
    }
}
