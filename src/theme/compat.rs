//! CSS features newer than the browsers of office PCs (DESIGN §4: Chromium 80, the kernel
//! of 360 and 奇安信 browsers, and Firefox ESR 78 on UOS and Kylin), found in a theme's
//! `style.css` so that `lectern theme check` can warn before a department presents on an
//! old engine.
//!
//! A lexical scan with a short table, not a CSS engine: it knows the features that break a
//! layout when an old engine drops them (flexbox `gap`, `inset`, `aspect-ratio`, `:is()`,
//! `:has()`, nesting, container queries …). Features that old engines may ignore without
//! harm (`text-wrap: balance`, `text-spacing-trim`, `print-color-adjust`) are not in it.
//! CI checks the built-in decks more thoroughly with caniuse data (`.ci/compat/`).

/// One use of a feature the target browsers lack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssWarning {
    /// 1-based line in the style sheet.
    pub line: usize,
    /// The feature as written (`gap`, `:has()`, `@container` …).
    pub feature: &'static str,
    /// The first versions that have it, e.g. "Chromium 84".
    pub needs: &'static str,
    /// What to write instead.
    pub help: &'static str,
    /// The same in Chinese.
    pub help_zh: &'static str,
}

/// The oldest engines a deck must work in, for messages.
pub const TARGETS: &str = "Chromium 80 / Firefox ESR 78";

struct Feature {
    /// What the scan looks for (see [`Where`]).
    pattern: &'static str,
    at: Where,
    needs: &'static str,
    help: &'static str,
    help_zh: &'static str,
}

#[derive(Clone, Copy, PartialEq)]
enum Where {
    /// A property name in a declaration.
    Property,
    /// Text in a declaration's value (a function or a unit suffix of a number).
    Value,
    /// Text in a selector.
    Selector,
    /// An at-rule name.
    AtRule,
}

const FEATURES: &[Feature] = &[
    Feature {
        pattern: "gap",
        at: Where::Property,
        needs: "Chromium 84",
        help: "space flex items with margins (grid gap is fine)",
        help_zh: "flex 子项之间用 margin 隔开（grid 的 gap 可以用）",
    },
    Feature {
        pattern: "row-gap",
        at: Where::Property,
        needs: "Chromium 84",
        help: "space flex items with margins (grid gap is fine)",
        help_zh: "flex 子项之间用 margin 隔开（grid 的 gap 可以用）",
    },
    Feature {
        pattern: "column-gap",
        at: Where::Property,
        needs: "Chromium 84",
        help: "space flex items with margins (grid gap is fine)",
        help_zh: "flex 子项之间用 margin 隔开（grid 的 gap 可以用）",
    },
    Feature {
        pattern: "inset",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write top, right, bottom and left",
        help_zh: "分别写 top、right、bottom 和 left",
    },
    Feature {
        pattern: "inset-block",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write top and bottom",
        help_zh: "分别写 top 和 bottom",
    },
    Feature {
        pattern: "inset-inline",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write left and right",
        help_zh: "分别写 left 和 right",
    },
    Feature {
        pattern: "margin-inline",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write margin-left and margin-right",
        help_zh: "分别写 margin-left 和 margin-right",
    },
    Feature {
        pattern: "margin-block",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write margin-top and margin-bottom",
        help_zh: "分别写 margin-top 和 margin-bottom",
    },
    Feature {
        pattern: "padding-inline",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write padding-left and padding-right",
        help_zh: "分别写 padding-left 和 padding-right",
    },
    Feature {
        pattern: "padding-block",
        at: Where::Property,
        needs: "Chromium 87",
        help: "write padding-top and padding-bottom",
        help_zh: "分别写 padding-top 和 padding-bottom",
    },
    Feature {
        pattern: "aspect-ratio",
        at: Where::Property,
        needs: "Chromium 88, Firefox 89",
        help: "give width and height",
        help_zh: "写出 width 和 height",
    },
    Feature {
        pattern: "translate",
        at: Where::Property,
        needs: "Chromium 104",
        help: "use transform: translate(…)",
        help_zh: "改用 transform: translate(…)",
    },
    Feature {
        pattern: "rotate",
        at: Where::Property,
        needs: "Chromium 104",
        help: "use transform: rotate(…)",
        help_zh: "改用 transform: rotate(…)",
    },
    Feature {
        pattern: "scale",
        at: Where::Property,
        needs: "Chromium 104",
        help: "use transform: scale(…)",
        help_zh: "改用 transform: scale(…)",
    },
    Feature {
        pattern: "accent-color",
        at: Where::Property,
        needs: "Chromium 93, Firefox 92",
        help: "leave form controls to the browser",
        help_zh: "表单控件交给浏览器",
    },
    Feature {
        pattern: "content-visibility",
        at: Where::Property,
        needs: "Chromium 85, Firefox 125",
        help: "leave it out",
        help_zh: "删去这一条",
    },
    Feature {
        pattern: "container-type",
        at: Where::Property,
        needs: "Chromium 105, Firefox 110",
        help: "size for the 1920×1080 canvas instead",
        help_zh: "改为按 1920×1080 画布定尺寸",
    },
    Feature {
        pattern: "container",
        at: Where::Property,
        needs: "Chromium 105, Firefox 110",
        help: "size for the 1920×1080 canvas instead",
        help_zh: "改为按 1920×1080 画布定尺寸",
    },
    Feature {
        pattern: "backdrop-filter",
        at: Where::Property,
        needs: "Firefox 103",
        help: "use a semi-transparent background",
        help_zh: "改用半透明背景",
    },
    Feature {
        pattern: "color-mix(",
        at: Where::Value,
        needs: "Chromium 111, Firefox 113",
        help: "write the mixed colour out",
        help_zh: "直接写出混合后的颜色",
    },
    Feature {
        pattern: "oklch(",
        at: Where::Value,
        needs: "Chromium 111, Firefox 113",
        help: "write the colour as #rrggbb",
        help_zh: "颜色写成 #rrggbb",
    },
    Feature {
        pattern: "oklab(",
        at: Where::Value,
        needs: "Chromium 111, Firefox 113",
        help: "write the colour as #rrggbb",
        help_zh: "颜色写成 #rrggbb",
    },
    Feature {
        pattern: "lch(",
        at: Where::Value,
        needs: "Chromium 111, Firefox 113",
        help: "write the colour as #rrggbb",
        help_zh: "颜色写成 #rrggbb",
    },
    Feature {
        pattern: "lab(",
        at: Where::Value,
        needs: "Chromium 111, Firefox 113",
        help: "write the colour as #rrggbb",
        help_zh: "颜色写成 #rrggbb",
    },
    Feature {
        pattern: "light-dark(",
        at: Where::Value,
        needs: "Chromium 123, Firefox 120",
        help: "choose one colour",
        help_zh: "只写一种颜色",
    },
    Feature {
        pattern: "dvh",
        at: Where::Value,
        needs: "Chromium 108, Firefox 101",
        help: "use px on the canvas, or vh",
        help_zh: "在画布上用 px，或用 vh",
    },
    Feature {
        pattern: "svh",
        at: Where::Value,
        needs: "Chromium 108, Firefox 101",
        help: "use px on the canvas, or vh",
        help_zh: "在画布上用 px，或用 vh",
    },
    Feature {
        pattern: "lvh",
        at: Where::Value,
        needs: "Chromium 108, Firefox 101",
        help: "use px on the canvas, or vh",
        help_zh: "在画布上用 px，或用 vh",
    },
    Feature {
        pattern: "dvw",
        at: Where::Value,
        needs: "Chromium 108, Firefox 101",
        help: "use px on the canvas, or vw",
        help_zh: "在画布上用 px，或用 vw",
    },
    Feature {
        pattern: "cqw",
        at: Where::Value,
        needs: "Chromium 105, Firefox 110",
        help: "use px on the canvas",
        help_zh: "在画布上用 px",
    },
    Feature {
        pattern: "cqh",
        at: Where::Value,
        needs: "Chromium 105, Firefox 110",
        help: "use px on the canvas",
        help_zh: "在画布上用 px",
    },
    Feature {
        pattern: ":has(",
        at: Where::Selector,
        needs: "Chromium 105, Firefox 121",
        help: "put a class on the element instead",
        help_zh: "改为给元素加一个 class",
    },
    Feature {
        pattern: ":is(",
        at: Where::Selector,
        needs: "Chromium 88",
        help: "write the selectors out, separated by commas",
        help_zh: "把选择器逐个写出，用逗号分隔",
    },
    Feature {
        pattern: ":where(",
        at: Where::Selector,
        needs: "Chromium 88",
        help: "write the selectors out, separated by commas",
        help_zh: "把选择器逐个写出，用逗号分隔",
    },
    Feature {
        pattern: ":focus-visible",
        at: Where::Selector,
        needs: "Chromium 86, Firefox 85",
        help: "use :focus",
        help_zh: "改用 :focus",
    },
    Feature {
        pattern: "&",
        at: Where::Selector,
        needs: "Chromium 112, Firefox 117 (nesting)",
        help: "write each rule out in full",
        help_zh: "把每条规则完整写出",
    },
    Feature {
        pattern: "@container",
        at: Where::AtRule,
        needs: "Chromium 105, Firefox 110",
        help: "size for the 1920×1080 canvas instead",
        help_zh: "改为按 1920×1080 画布定尺寸",
    },
    Feature {
        pattern: "@layer",
        at: Where::AtRule,
        needs: "Chromium 99, Firefox 97",
        help: "order the rules in the file instead",
        help_zh: "改为按文件中规则的先后排列",
    },
    Feature {
        pattern: "@property",
        at: Where::AtRule,
        needs: "Chromium 85, Firefox 128",
        help: "use a plain custom property",
        help_zh: "改用普通的自定义属性",
    },
    Feature {
        pattern: "@scope",
        at: Where::AtRule,
        needs: "Chromium 118",
        help: "use longer selectors",
        help_zh: "改用更长的选择器",
    },
    Feature {
        pattern: "@starting-style",
        at: Where::AtRule,
        needs: "Chromium 117, Firefox 129",
        help: "leave the entry animation out",
        help_zh: "不用入场动画",
    },
];

/// Every use in `css` of a feature missing from [`TARGETS`], in order.
pub fn css_warnings(css: &str) -> Vec<CssWarning> {
    let clean = blank_comments_and_strings(css);
    let mut out = Vec::new();
    for item in items(&clean) {
        let hits = FEATURES.iter().filter(|f| match f.at {
            Where::Property => item.kind == Item::Declaration && property(item.text) == f.pattern,
            Where::Value => {
                item.kind == Item::Declaration && value_has(value(item.text), f.pattern)
            }
            Where::Selector => item.kind == Item::Selector && item.text.contains(f.pattern),
            Where::AtRule => item.kind == Item::AtRule && at_name(item.text) == f.pattern,
        });
        for f in hits {
            // Grid gap is old (Chromium 66); only gap in flexbox is new.
            if f.pattern.ends_with("gap") && item.in_grid {
                continue;
            }
            out.push(CssWarning {
                line: item.line,
                feature: f.pattern.trim_end_matches('('),
                needs: f.needs,
                help: f.help,
                help_zh: f.help_zh,
            });
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Item {
    Selector,
    AtRule,
    Declaration,
}

struct Piece<'a> {
    kind: Item,
    text: &'a str,
    line: usize,
    /// The declaration sits in a rule that says `display: grid` (or inline-grid).
    in_grid: bool,
}

/// Splits a style sheet (comments and strings blanked) into selectors, at-rule preludes
/// and declarations, with the line each starts on.
fn items(css: &str) -> Vec<Piece<'_>> {
    let mut out: Vec<Piece<'_>> = Vec::new();
    let mut start = 0;
    // For each open block: is it a rule's body (declarations) and does it say grid?
    let mut rule_starts: Vec<usize> = Vec::new();
    for (i, c) in css.char_indices() {
        if !matches!(c, '{' | '}' | ';') {
            continue;
        }
        let raw = &css[start..i];
        let text = raw.trim();
        let line = 1 + css[..start + (raw.len() - raw.trim_start().len())]
            .matches('\n')
            .count();
        if !text.is_empty() {
            let kind = if c == '{' {
                if text.starts_with('@') {
                    Item::AtRule
                } else {
                    Item::Selector
                }
            } else if text.starts_with('@') {
                Item::AtRule // @import …; @layer a, b;
            } else {
                Item::Declaration
            };
            out.push(Piece {
                kind,
                text,
                line,
                in_grid: false,
            });
        }
        match c {
            '{' => rule_starts.push(out.len()),
            '}' => {
                if let Some(from) = rule_starts.pop() {
                    let decls = &mut out[from..];
                    let grid = decls.iter().any(|p| {
                        p.kind == Item::Declaration
                            && property(p.text) == "display"
                            && value(p.text).contains("grid")
                    });
                    for p in decls.iter_mut() {
                        p.in_grid = grid;
                    }
                }
            }
            _ => {}
        }
        start = i + c.len_utf8();
    }
    out
}

/// The same text with comments and string contents replaced by spaces (same byte offsets,
/// newlines kept), so braces and semicolons inside them do not split anything.
fn blank_comments_and_strings(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let blank = |c: char, out: &mut String| {
        if c == '\n' {
            out.push('\n')
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()))
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                out.push_str("  ");
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    blank(c, &mut out);
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' | '\'' => {
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    if !escaped && d == c {
                        out.push(d);
                        break;
                    }
                    escaped = !escaped && d == '\\';
                    blank(d, &mut out);
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn property(decl: &str) -> String {
    decl.split(':')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn value(decl: &str) -> &str {
    decl.split_once(':').map_or("", |(_, v)| v)
}

fn at_name(prelude: &str) -> String {
    prelude
        .split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `pattern` in a value: a function name (`oklch(`) not inside a longer name, or a unit
/// (`dvh`) right after a number. Strings and `url(…)` do not count (`content: "lab("`).
fn value_has(value: &str, pattern: &str) -> bool {
    let mut v = value.to_ascii_lowercase();
    while let Some(i) = v.find("url(") {
        let end = v[i..].find(')').map_or(v.len(), |j| i + j + 1);
        v.replace_range(i..end, "");
    }
    v.match_indices(pattern).any(|(i, _)| {
        let before = v[..i].chars().next_back();
        let after = v[i + pattern.len()..].chars().next();
        if pattern.ends_with('(') {
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        } else {
            before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(css: &str) -> Vec<(usize, &'static str)> {
        css_warnings(css)
            .into_iter()
            .map(|w| (w.line, w.feature))
            .collect()
    }

    #[test]
    fn finds_what_old_engines_lack_with_its_line() {
        let css = ".a{display:flex;gap:24px}\n\
                   .b{inset:0;aspect-ratio:16/9}\n\
                   .c:has(img), .d:is(.e){color:red}\n\
                   @container (min-width: 400px) { .f { color: red } }\n\
                   .g{color:color-mix(in srgb, red, blue);height:100dvh}\n\
                   .h{ & .i { color: red } }\n";
        assert_eq!(
            features(css),
            [
                (1, "gap"),
                (2, "inset"),
                (2, "aspect-ratio"),
                (3, ":has("),
                (3, ":is("),
                (4, "@container"),
                (5, "color-mix"),
                (5, "dvh"),
                (6, "&"),
            ]
            .map(|(l, f)| (l, f.trim_end_matches('(')))
        );
    }

    #[test]
    fn leaves_alone_what_old_engines_have_or_ignore_harmlessly() {
        let css = "/* gap: 1px; :has( */\n\
                   .grid{display:grid;gap:12px}\n\
                   .a{margin:0 12px 24px;top:0;left:0;transform:translate(-50%,-50%) scale(.5)}\n\
                   .b::before{content:\"oklch( & :has(\";background:url(lab(x).png)}\n\
                   h1{text-wrap:balance;text-spacing-trim:trim-start;print-color-adjust:exact}\n\
                   .c{width:calc(100vh - 3px);font-size:12pt}\n\
                   @media print { .d { break-after: page } }\n";
        assert_eq!(features(css), []);
    }

    #[test]
    fn the_built_in_themes_and_the_runtime_are_clean() {
        for css in [
            include_str!("../../themes/red/style.css"),
            include_str!("../../themes/light/style.css"),
            include_str!("../../themes/contrast/style.css"),
            include_str!("../runtime/runtime.css"),
        ] {
            assert_eq!(css_warnings(css), []);
        }
    }
}
