//! Deck settings: TOML front matter between `+++` lines, YAML front matter between `---`
//! lines, or a `deck.toml` beside the lecture. The same keys everywhere; an unknown key
//! or a wrong type is an error with its line.
//!
//! Precedence, lowest first: `deck.toml`, front matter, command-line flags.

use serde::Deserialize;

use crate::aspect::Aspect;

/// Writes the settings struct, its merge and the key table from one list, so a key is
/// added in exactly one place.
macro_rules! settings {
    ($($(#[doc = $doc:literal])* $key:ident: $ty:ty => $kind:ident,)*) => {
        /// Every key a deck can set. All optional: unset means "as the lecture or theme says".
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Settings {
            $($(#[doc = $doc])* pub $key: Option<$ty>,)*
        }

        impl Settings {
            /// `self` with every key that `higher` sets taken from `higher`.
            pub fn over(self, higher: &Settings) -> Settings {
                Settings {
                    $($key: higher.$key.clone().or(self.$key),)*
                }
            }
        }

        /// The keys and the kind of value each takes, in the documented order.
        pub const KEYS: &[(&str, Kind)] = &[$((stringify!($key), Kind::$kind),)*];
    };
}

settings! {
    title: String => Text,
    kicker: String => Text,
    speaker: String => Text,
    organisation: String => Text,
    date: String => Text,
    /// A built-in theme name or a theme folder (relative to the lecture).
    theme: String => Text,
    aspect: Aspect => Aspect,
    /// Speaking rate, characters a minute.
    rate: u32 => Number,
    /// Total minutes for the lecture: timings are scaled to fill them.
    minutes: u32 => Number,
    /// What a point slide shows under its title: "key" sentences, the "title" alone or
    /// the "full" text.
    content: Content => Text,
    /// Whether the outline (目录) slide is shown.
    outline: bool => Flag,
    /// The big words of the closing slide.
    closing: String => Text,
    /// Keep half-width punctuation as written instead of making it full-width.
    keep_punctuation: bool => Flag,
    /// Let raw HTML in a Markdown lecture through (scripts still cannot run).
    allow_html: bool => Flag,
    /// Read pictures and theme files from outside the lecture's (or theme's) folder.
    allow_outside: bool => Flag,
}

/// What a point slide shows under its title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Content {
    /// Up to three key sentences of its own text.
    #[default]
    Key,
    /// The title alone.
    Title,
    /// The whole text, shrunk to fit.
    Full,
}

impl std::str::FromStr for Content {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "key" => Ok(Content::Key),
            "title" => Ok(Content::Title),
            "full" => Ok(Content::Full),
            _ => Err(format!(
                "unknown content `{s}`: use \"key\", \"title\" or \"full\""
            )),
        }
    }
}

/// A settings error: where (byte offset in the text it was read from) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    pub offset: usize,
    pub message: String,
}

impl Settings {
    /// Reads a `deck.toml` (or TOML front matter).
    pub fn from_toml(text: &str) -> Result<Settings, SettingsError> {
        let settings: Settings = toml::from_str(text).map_err(|e| SettingsError {
            offset: e.span().map_or(0, |s| s.start),
            message: e.message().trim().to_string(),
        })?;
        settings.validate(text)?;
        Ok(settings)
    }

    /// Reads YAML front matter: flat `key: value` lines, as decks write them.
    pub fn from_yaml(text: &str) -> Result<Settings, SettingsError> {
        let mut table = toml::Table::new();
        let mut offset = 0;
        for line in text.split('\n') {
            let here = offset;
            offset += line.len() + 1;
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let err = |message: String| SettingsError {
                offset: here,
                message,
            };
            let Some((key, value)) = t.split_once(':') else {
                return Err(err(format!(
                    "`{t}` is not a `key: value` line (front matter takes only such lines)"
                )));
            };
            let key = key.trim();
            let Some(kind) = KEYS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v) else {
                return Err(err(format!(
                    "unknown key `{key}`; the keys are {}",
                    KEYS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
                )));
            };
            let value = yaml_value(value.trim(), kind)
                .ok_or_else(|| err(format!("`{key}` takes {}", kind.describe())))?;
            table.insert(key.to_string(), value);
        }
        let settings =
            Settings::deserialize(toml::Value::Table(table)).map_err(|e| SettingsError {
                offset: 0,
                message: e.to_string(),
            })?;
        settings.validate(text)?;
        Ok(settings)
    }

    fn validate(&self, text: &str) -> Result<(), SettingsError> {
        let at = |key: &str| key_offset(text, key);
        if let Some(rate) = self.rate.filter(|r| !(60..=1000).contains(r)) {
            return Err(SettingsError {
                offset: at("rate"),
                message: format!(
                    "rate {rate} is not a speaking rate: use 60 to 1000 characters a minute"
                ),
            });
        }
        if let Some(m) = self.minutes.filter(|m| !(1..=600).contains(m)) {
            return Err(SettingsError {
                offset: at("minutes"),
                message: format!("minutes {m} is out of range: use 1 to 600"),
            });
        }
        Ok(())
    }
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Flag,
    Aspect,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number => "a whole number",
            Kind::Flag => "true or false",
            Kind::Aspect => "\"16:9\" or \"4:3\"",
        }
    }
}

fn yaml_value(raw: &str, kind: Kind) -> Option<toml::Value> {
    let unquoted = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')));
    let text = unquoted.unwrap_or(raw);
    match kind {
        Kind::Text => Some(toml::Value::String(text.to_string())),
        Kind::Aspect => text
            .parse::<Aspect>()
            .is_ok()
            .then(|| toml::Value::String(text.into())),
        Kind::Number if unquoted.is_none() => text.parse::<i64>().ok().map(toml::Value::Integer),
        Kind::Flag if unquoted.is_none() => match text {
            "true" | "yes" | "on" => Some(toml::Value::Boolean(true)),
            "false" | "no" | "off" => Some(toml::Value::Boolean(false)),
            _ => None,
        },
        _ => None,
    }
}

/// Byte offset of the line that sets `key`, for messages about its value.
fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split('\n') {
        let t = line.trim_start();
        if t.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(['=', ':']))
        {
            return offset + (line.len() - t.len());
        }
        offset += line.len() + 1;
    }
    0
}

/// Front matter found at the start of a lecture.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// Byte range of the whole block, fences included.
    pub start: usize,
    pub end: usize,
    /// The settings inside, or where and why they are wrong.
    pub settings: Result<Settings, SettingsError>,
}

/// Finds `+++ … +++` (TOML) or `--- … ---` (YAML) at the very start of `text`.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let fence = ["+++", "---"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|r| r.starts_with('\n') || r.starts_with(" \n"))
    })?;
    let body_start = text.find('\n')? + 1;
    let mut offset = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            let content = &text[body_start..offset];
            let parsed = if fence == "+++" {
                Settings::from_toml(content)
            } else {
                Settings::from_yaml(content)
            };
            return Some(FrontMatter {
                start: 0,
                end: offset + line.len(),
                settings: parsed.map_err(|e| SettingsError {
                    offset: e.offset + body_start,
                    message: e.message,
                }),
            });
        }
        offset += line.len();
    }
    None
}

/// Where a `+++` front matter opens without ever closing (its text is then read as
/// lecture text, which is worth a warning).
pub fn unclosed_front_matter(text: &str) -> Option<usize> {
    let opens = text
        .strip_prefix("+++")
        .is_some_and(|r| r.starts_with('\n') || r.starts_with(" \n"));
    (opens && front_matter(text).is_none()).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_front_matter_read_the_same_keys() {
        let toml =
            "+++\ntitle = \"讲稿\"\nrate = 200\noutline = false\naspect = \"4:3\"\n+++\n正文";
        let yaml = "---\ntitle: 讲稿\nrate: 200\noutline: off\naspect: \"4:3\"\n---\n正文";
        let a = front_matter(toml).unwrap();
        let b = front_matter(yaml).unwrap();
        assert_eq!(a.settings, b.settings);
        let s = a.settings.unwrap();
        assert_eq!(
            (s.rate, s.outline, s.aspect),
            (Some(200), Some(false), Some(Aspect::Standard))
        );
        assert_eq!(&toml[a.end..], "正文");
        assert_eq!(&yaml[b.end..], "正文");
    }

    #[test]
    fn errors_point_at_the_key() {
        let text = "+++\ntitle = \"x\"\nbogus = 1\n+++\n";
        let e = front_matter(text).unwrap().settings.unwrap_err();
        assert!(e.message.contains("unknown field `bogus`"), "{}", e.message);
        assert_eq!(&text[e.offset..e.offset + 5], "bogus");

        let text = "---\ntitle: x\nrate: fast\n---\n";
        let e = front_matter(text).unwrap().settings.unwrap_err();
        assert!(
            e.message.contains("`rate` takes a whole number"),
            "{}",
            e.message
        );
        assert!(text[e.offset..].starts_with("rate"));

        let text = "+++\nrate = 5\n+++\n";
        let e = front_matter(text).unwrap().settings.unwrap_err();
        assert!(e.message.contains("60 to 1000"));
        assert!(text[e.offset..].starts_with("rate"));

        let e = front_matter("---\nspeaker 张三\n---\n")
            .unwrap()
            .settings
            .unwrap_err();
        assert!(e.message.contains("not a `key: value` line"));
    }

    #[test]
    fn later_settings_win() {
        let low = Settings {
            rate: Some(200),
            title: Some("低".into()),
            ..Settings::default()
        };
        let high = Settings {
            rate: Some(300),
            ..Settings::default()
        };
        let s = low.over(&high);
        assert_eq!((s.rate, s.title.as_deref()), (Some(300), Some("低")));
    }

    #[test]
    fn no_front_matter_without_a_closing_fence() {
        assert!(front_matter("---\n没有结束\n").is_none());
        assert!(front_matter("——在大会上的讲话\n").is_none());
        assert_eq!(unclosed_front_matter("+++\ntitle = \"x\"\n讲稿\n"), Some(0));
        assert_eq!(
            unclosed_front_matter("+++\ntitle = \"x\"\n+++\n讲稿\n"),
            None
        );
        assert_eq!(unclosed_front_matter("---\n没有结束\n"), None);
    }
}
