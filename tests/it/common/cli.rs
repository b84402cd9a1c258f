//! One way to run the `lectern` binary in tests, after just's `tests/test.rs`:
//!
//! ```ignore
//! Test::new()
//!     .seed("lecture.txt")
//!     .args(["build", "lecture.txt"])
//!     .stderr_has("wrote lecture.html")
//!     .run();
//! ```
//!
//! Each test runs in a fresh temporary folder with colours and the user's locale turned
//! off (English messages unless the test sets a language). `run` checks the exit status
//! (0 unless `.status(..)` says otherwise) and every expectation, and returns what the
//! command printed and the folder, to look at the files it wrote.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A run of `lectern` being set up.
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    dir: tempfile::TempDir,
    cwd: Option<PathBuf>,
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    status: Option<i32>,
    stderr: Option<String>,
    stdout_has: Vec<String>,
    stderr_has: Vec<String>,
    stderr_lacks: Vec<String>,
}

/// What a finished run printed, and its folder.
pub struct Ran {
    pub dir: tempfile::TempDir,
    pub status: Option<i32>,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test::in_dir(tempfile::tempdir().expect("a temporary folder"))
    }

    /// A run in `dir` (from [`Ran::then`]: the next command in the same folder).
    pub fn in_dir(dir: tempfile::TempDir) -> Test {
        Test {
            dir,
            cwd: None,
            args: Vec::new(),
            env: Vec::new(),
            status: Some(0),
            stderr: None,
            stdout_has: Vec::new(),
            stderr_has: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    /// The test's folder (the command runs in it).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` to `name` in the test's folder (creating folders on the way).
    pub fn file(self, name: &str, bytes: impl AsRef<[u8]>) -> Test {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Copies the seed lecture (`decks/lecture.txt`) in as `name`.
    pub fn seed(self, name: &str) -> Test {
        let bytes = std::fs::read(super::deck::root().join("decks/lecture.txt")).unwrap();
        self.file(name, bytes)
    }

    /// Copies the test fixture `fixture` (under `tests/fixtures/`) in as `name`.
    pub fn fixture(self, fixture: &str, name: &str) -> Test {
        let bytes = std::fs::read(super::deck::fixture(fixture)).unwrap();
        self.file(name, bytes)
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Runs in `dir` instead of the test's folder.
    pub fn current_dir(mut self, dir: impl Into<PathBuf>) -> Test {
        self.cwd = Some(dir.into());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    pub fn env_remove(mut self, key: &str) -> Test {
        self.env.push((key.into(), None));
        self
    }

    /// The exit status expected (0 by default).
    pub fn status(mut self, code: i32) -> Test {
        self.status = Some(code);
        self
    }

    /// Any exit status will do (the test looks at it itself).
    pub fn any_status(mut self) -> Test {
        self.status = None;
        self
    }

    /// Standard error, exactly.
    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.into());
        self
    }

    /// Standard output contains `text`.
    pub fn stdout_has(mut self, text: &str) -> Test {
        self.stdout_has.push(text.into());
        self
    }

    /// Standard error contains `text`.
    pub fn stderr_has(mut self, text: &str) -> Test {
        self.stderr_has.push(text.into());
        self
    }

    /// Standard error does not contain `text`.
    pub fn stderr_lacks(mut self, text: &str) -> Test {
        self.stderr_lacks.push(text.into());
        self
    }

    /// Runs the command and checks what was expected.
    pub fn run(self) -> Ran {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lectern"));
        cmd.args(&self.args)
            .current_dir(self.cwd.as_deref().unwrap_or(self.dir.path()))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            cmd.env_remove(key);
        }
        for (key, value) in &self.env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        let output = cmd.output().expect("the binary runs");
        let ran = Ran {
            status: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stdout_bytes: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            dir: self.dir,
        };
        let what = format!(
            "lectern {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            ran.stdout.chars().take(4000).collect::<String>(),
            ran.stderr.chars().take(4000).collect::<String>()
        );
        if let Some(code) = self.status {
            assert_eq!(ran.status, Some(code), "exit status of {what}");
        }
        if let Some(want) = &self.stderr {
            assert_eq!(&ran.stderr, want, "stderr of {what}");
        }
        for want in &self.stdout_has {
            assert!(
                ran.stdout.contains(want.as_str()),
                "stdout lacks {want:?}: {what}"
            );
        }
        for want in &self.stderr_has {
            assert!(
                ran.stderr.contains(want.as_str()),
                "stderr lacks {want:?}: {what}"
            );
        }
        for unwanted in &self.stderr_lacks {
            assert!(
                !ran.stderr.contains(unwanted.as_str()),
                "stderr has {unwanted:?}: {what}"
            );
        }
        ran
    }
}

impl Ran {
    /// A next command in the same folder.
    pub fn then(self) -> Test {
        Test::in_dir(self.dir)
    }

    /// The path of `name` in the test's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The bytes of `name` in the test's folder.
    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The text of `name` in the test's folder.
    pub fn read_string(&self, name: &str) -> String {
        String::from_utf8(self.read(name)).unwrap()
    }
}
