//! Files a lecture or a theme names stay inside its folder: a lecture or a theme is
//! often a folder forwarded by someone else, and a deck must never carry out a file
//! from elsewhere on the disk (an absolute path, `..`, or a link pointing out) without
//! the user saying so (`--allow-outside`, deck setting `allow_outside = true`).

use std::fmt;
use std::path::{Component, Path, PathBuf};

/// A path that leads out of the folder it must stay in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside {
    /// The path as written.
    pub path: String,
    pub root: PathBuf,
    /// "lecture" or "theme".
    pub whose: &'static str,
}

impl fmt::Display for Outside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is outside the {}'s folder {}; copy the file into that folder, or allow it with --allow-outside (deck setting `allow_outside = true`)",
            self.path,
            self.whose,
            self.root.display()
        )
    }
}

impl std::error::Error for Outside {}
/// The file `written` (as the lecture or theme names it) under the folder `root`.
/// Unless `allow_outside`, a path that leads out of `root` is refused: absolute, with
/// `..` above the folder, or through a link that points out of it.
pub fn resolve(
    root: &Path,
    written: &str,
    allow_outside: bool,
    whose: &'static str,
) -> Result<PathBuf, Outside> {
    let full = root.join(written);
    if allow_outside {
        return Ok(full);
    }
    let outside = || Outside {
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
            assert_eq!(err.path, bad);
            assert!(err.to_string().contains("--allow-outside"), "{err}");
            assert!(resolve(&root, bad, true, "lecture").is_ok());
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), root.join("link.png"))
                .unwrap();
            let err = resolve(&root, "link.png", false, "lecture").unwrap_err();
            assert_eq!(err.path, "link.png");
        }
    }
}
