//! What the theme looks like to PowerPoint: its palette as a colour scheme, its font
//! stacks reduced to one face each that Windows ships (PowerPoint has no fallback
//! list), and the colours of the full-field title, part and closing slides.

use crate::theme::Theme;

/// A font as PowerPoint names it, with the hints that let a program without it pick a
/// similar one (pitch and family, GB2312 character set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    pub name: &'static str,
    pub pitch_family: &'static str,
    pub panose: &'static str,
    /// Whether Windows ships a bold of it: 宋体, 黑体, 仿宋, 楷体 have none, and bold set on
    /// them is faked (smeared strokes).
    pub has_bold: bool,
}

const YAHEI: Face = Face {
    name: "微软雅黑",
    pitch_family: "34",
    panose: "020B0503020204020204",
    has_bold: true,
};
const SONG: Face = Face {
    name: "宋体",
    pitch_family: "2",
    panose: "02010600030101010101",
    has_bold: false,
};
const HEI: Face = Face {
    name: "黑体",
    pitch_family: "49",
    panose: "02010609060101010101",
    has_bold: false,
};
const FANGSONG: Face = Face {
    name: "仿宋",
    pitch_family: "49",
    panose: "02010609060101010101",
    has_bold: false,
};
const KAI: Face = Face {
    name: "楷体",
    pitch_family: "49",
    panose: "02010609060101010101",
    has_bold: false,
};
const NSONG: Face = Face {
    name: "新宋体",
    pitch_family: "49",
    panose: "02010609030101010101",
    has_bold: false,
};
/// Code: a monospaced face every Windows has (its CJK falls back to the East Asian face).
pub const MONO: Face = Face {
    name: "Consolas",
    pitch_family: "49",
    panose: "020B0609020204030204",
    has_bold: true,
};

/// The fonts that come with every Chinese Windows, under the names a stack may use.
const WINDOWS: [(&[&str], Face); 6] = [
    (
        &["微软雅黑", "microsoft yahei", "microsoft yahei ui"],
        YAHEI,
    ),
    (&["宋体", "simsun"], SONG),
    (&["新宋体", "nsimsun"], NSONG),
    (&["黑体", "simhei"], HEI),
    (
        &["仿宋", "fangsong", "仿宋_gb2312", "fangsong_gb2312"],
        FANGSONG,
    ),
    (&["楷体", "kaiti", "楷体_gb2312", "kaiti_gb2312"], KAI),
];

/// The first font of `stack` that Windows ships; without one, 宋体 for a serif stack
/// and 微软雅黑 for any other.
pub fn windows_face(stack: &[String]) -> Face {
    stack
        .iter()
        .find_map(|f| {
            let f = f.trim().to_lowercase();
            WINDOWS
                .iter()
                .find(|(names, _)| names.contains(&f.as_str()))
                .map(|(_, face)| *face)
        })
        .unwrap_or_else(|| {
            if stack.iter().any(|f| f == "serif") {
                SONG
            } else {
                YAHEI
            }
        })
}

/// The theme's colours (hex without `#`) and faces.
#[derive(Debug, Clone)]
pub struct Look {
    pub primary: String,
    pub accent: String,
    pub background: String,
    pub text: String,
    pub heading: String,
    pub on_primary: String,
    pub muted: String,
    pub title_face: Face,
    pub body_face: Face,
    /// Title, part and closing slides sit on the primary colour with accent type; a
    /// theme whose accent is its primary (light, contrast) keeps its background there.
    pub field_on_primary: bool,
    /// A dark field gets the accent frame; a light one a strip across the top.
    pub field_framed: bool,
    /// The band across the top is filled with the primary colour; a light theme (light
    /// field, no frame) draws only its rule, with the breadcrumb in the muted colour.
    pub band_filled: bool,
}

impl Look {
    pub fn of(theme: &Theme) -> Look {
        let c = |key: &str, fallback: &str| {
            theme
                .colour(key)
                .unwrap_or(fallback)
                .trim_start_matches('#')
                .to_ascii_uppercase()
        };
        let primary = c("primary", "#B2001E");
        let accent = c("accent", "#F2C75C");
        let background = c("background", "#FFFFFF");
        let field_on_primary = distance(&primary, &accent) > 80.0;
        let field = if field_on_primary {
            &primary
        } else {
            &background
        };
        let field_framed = luminance(field) < 0.5;
        Look {
            text: c("text", "#222222"),
            heading: c("heading", "#222222"),
            on_primary: c("on_primary", "#FFFFFF"),
            muted: c("muted", "#666666"),
            title_face: windows_face(&theme.title_fonts),
            body_face: windows_face(&theme.body_fonts),
            field_on_primary,
            field_framed,
            band_filled: field_on_primary || field_framed,
            primary,
            accent,
            background,
        }
    }

    /// The breadcrumb's colour in the band.
    pub fn crumbs(&self) -> &'static str {
        if self.band_filled {
            "bg2"
        } else {
            "accent3"
        }
    }

    /// Scheme colour names (see the colour scheme in `theme.rs`) for the field slides:
    /// (background, headings, body text).
    pub fn field(&self) -> (&'static str, &'static str, &'static str) {
        if self.field_on_primary {
            ("accent1", "accent2", "bg2")
        } else {
            ("bg1", "tx2", "tx1")
        }
    }
}

fn rgb(hex: &str) -> [f32; 3] {
    let v = u32::from_str_radix(hex.get(..6).unwrap_or("000000"), 16).unwrap_or(0);
    [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(|x| x as f32)
}

fn distance(a: &str, b: &str) -> f32 {
    let (a, b) = (rgb(a), rgb(b));
    (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f32>().sqrt()
}

fn luminance(hex: &str) -> f32 {
    let [r, g, b] = rgb(hex);
    (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_first_windows_font_of_a_stack() {
        let stack = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let red_title = stack(&[
            "FZXiaoBiaoSong-B05S",
            "STZhongsong",
            "SimSun",
            "宋体",
            "serif",
        ]);
        assert_eq!(windows_face(&red_title).name, "宋体");
        assert_eq!(
            windows_face(&stack(&["PingFang SC", "Microsoft YaHei"])).name,
            "微软雅黑"
        );
        assert_eq!(windows_face(&stack(&["仿宋_GB2312"])).name, "仿宋");
        assert_eq!(
            windows_face(&stack(&["Noto Serif CJK SC", "serif"])).name,
            "宋体"
        );
        assert_eq!(windows_face(&stack(&["Noto Sans CJK SC"])).name, "微软雅黑");
    }

    #[test]
    fn field_slides_follow_the_palette() {
        for (name, on_primary, framed) in [
            ("red", true, true),
            ("blue", true, true),
            ("light", false, false),
            ("contrast", false, true),
        ] {
            let look = Look::of(&Theme::builtin(name).unwrap());
            assert_eq!(
                (look.field_on_primary, look.field_framed),
                (on_primary, framed),
                "{name}"
            );
        }
    }
}
