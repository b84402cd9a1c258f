//! Slide proportions: a leaf type the theme, the settings and every writer share.

use std::fmt;
use std::str::FromStr;

/// Slide canvas proportions, chosen at build time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Aspect {
    #[default]
    #[serde(rename = "16:9")]
    Wide,
    #[serde(rename = "4:3")]
    Standard,
}

impl Aspect {
    /// The canvas in CSS pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            Aspect::Wide => (1920, 1080),
            Aspect::Standard => (1440, 1080),
        }
    }

    /// As written in settings: `16:9` or `4:3`.
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Wide => "16:9",
            Aspect::Standard => "4:3",
        }
    }
}

impl fmt::Display for Aspect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Aspect {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "16:9" => Ok(Aspect::Wide),
            "4:3" => Ok(Aspect::Standard),
            _ => Err(format!("unknown aspect `{s}`: use 16:9 or 4:3")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Aspect;

    #[test]
    fn reads_and_writes_both_shapes() {
        for a in [Aspect::Wide, Aspect::Standard] {
            assert_eq!(a.to_string().parse::<Aspect>(), Ok(a));
        }
        assert!("16:10".parse::<Aspect>().is_err());
    }
}
