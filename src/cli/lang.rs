//! The language of the command's messages: Chinese when the system speaks Chinese
//! (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh`, as POSIX orders them; the user's
//! UI language on Windows), English otherwise; `--lang zh|en` chooses.

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// The language messages are written in (English until [`set`] is called).
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::En)
}

pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// `--lang` as given on the command line, read before clap parses it so that clap's
/// help and errors come in that language too.
pub fn from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            _ => continue,
        };
        return match value.as_deref() {
            Some("zh") => Some(Lang::Zh),
            Some("en") => Some(Lang::En),
            _ => None,
        };
    }
    None
}

/// The system's language, from the environment as POSIX orders it.
pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = get(key).filter(|v| !v.is_empty()) {
            return if v.to_ascii_lowercase().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
    }
    system()
}

#[cfg(windows)]
fn system() -> Lang {
    match sys_locale::get_locale() {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(not(windows))]
fn system() -> Lang {
    Lang::En
}

/// A message in the current language: `t!("english {x}", "中文 {x}", x = …)`. Both
/// texts take the same arguments.
macro_rules! t {
    ($en:literal, $zh:literal $(, $($arg:tt)*)?) => {
        match $crate::cli::lang::current() {
            $crate::cli::lang::Lang::Zh => format!($zh $(, $($arg)*)?),
            $crate::cli::lang::Lang::En => format!($en $(, $($arg)*)?),
        }
    };
}
pub(crate) use t;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_decides_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(from_env(env(&[])), Lang::En);
    }

    #[test]
    fn the_flag_is_found_before_clap() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            from_args(&args(&["lectern", "--lang", "zh", "build"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            from_args(&args(&["lectern", "build", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(
            from_args(&args(&["lectern", "build", "--", "--lang=en"])),
            None
        );
    }
}
