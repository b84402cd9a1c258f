//! Word's automatic numbering: `numPr` → `w:num` → `w:abstractNum` → `w:lvl`, with
//! counters kept per abstract list as Word keeps them (two `w:num` over one abstract
//! continue each other unless one restarts with `w:startOverride`).

use std::collections::{HashMap, HashSet};

use super::numfmt;
use super::styles::{clamp_level, Styles};
use super::xml::{self, attr, child, num, val};

const LEVELS: usize = 9;

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    fmt: String,
    text: String,
    /// Restart after a use of any level above `restart` (1-based); 0 never.
    restart: Option<u32>,
    suffix: Suffix,
    legal: bool,
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            fmt: "decimal".into(),
            text: String::new(),
            restart: None,
            suffix: Suffix::Tab,
            legal: false,
            style: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    Tab,
    Space,
    Nothing,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    starts: Vec<(usize, u32)>,
    levels: Vec<(usize, Level)>,
}

/// A paragraph's number as Word shows it, and what stands between it and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub text: String,
    pub suffix: Suffix,
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    started: HashSet<(u32, usize)>,
}

impl Numbering {
    pub fn parse(text: Option<&str>) -> Numbering {
        let mut out = Numbering::default();
        let Some(doc) = text.and_then(|t| xml::parse(t).ok()) else {
            return out;
        };
        for node in doc.root_element().children() {
            if xml::is(node, "abstractNum") {
                let Some(id) = attr(node, "abstractNumId").and_then(|v| v.parse().ok()) else {
                    continue;
                };
                let mut levels = vec![None; LEVELS];
                for l in node.children().filter(|c| xml::is(*c, "lvl")) {
                    let i = level_index(l);
                    levels[i] = Some(parse_level(l));
                }
                let style_link = val(node, "numStyleLink").map(str::to_string);
                out.abstracts.insert(id, Abstract { levels, style_link });
            } else if xml::is(node, "num") {
                let Some(id) = attr(node, "numId").and_then(|v| v.parse().ok()) else {
                    continue;
                };
                let Some(abstract_id) = num(node, "abstractNumId") else {
                    continue;
                };
                let mut n = Num {
                    abstract_id,
                    ..Num::default()
                };
                for o in node.children().filter(|c| xml::is(*c, "lvlOverride")) {
                    let i = level_index(o);
                    if let Some(start) = num(o, "startOverride") {
                        n.starts.push((i, start));
                    }
                    if let Some(l) = child(o, "lvl") {
                        n.levels.push((i, parse_level(l)));
                    }
                }
                out.nums.insert(id, n);
            }
        }
        out
    }

    /// The level a paragraph of style `style_id` has in list `num_id` when neither the
    /// paragraph nor its style names one: the level linked to that style, else 0.
    pub fn level_for_style(&self, num_id: u32, style_id: Option<&str>, styles: &Styles) -> u8 {
        let Some((_, levels)) = self.levels(num_id, styles) else {
            return 0;
        };
        style_id
            .and_then(|s| {
                levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(s))
            })
            .map_or(0, |i| i as u8)
    }

    /// Counts a paragraph of list `num_id` at level `ilvl` and returns its label.
    /// `None` for `numId` 0, an unknown list, a missing level and bullets.
    pub fn next(&mut self, num_id: u32, ilvl: u8, styles: &Styles) -> Option<Label> {
        if num_id == 0 {
            return None;
        }
        let (key, levels) = self.levels(num_id, styles)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        // Counters are shared by every list over one abstract definition (ECMA-376
        // §17.9); a list's override restarts its level where the list first uses it.
        if self.started.insert((num_id, ilvl)) {
            let overridden = self.nums.get(&num_id).is_some_and(|n| {
                n.starts.iter().any(|&(i, _)| i == ilvl) || n.levels.iter().any(|(i, _)| *i == ilvl)
            });
            if overridden {
                counters[ilvl] = None;
            }
        }
        let level = levels[ilvl].clone()?;
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |c| c.saturating_add(1)));
        for (k, deeper) in levels.iter().enumerate().skip(ilvl + 1) {
            let restart = deeper.as_ref().and_then(|l| l.restart).unwrap_or(k as u32);
            if (ilvl as u32) < restart {
                counters[k] = None;
            }
        }
        if level.fmt == "bullet" {
            return None;
        }
        let values = *counters;
        let text = expand(&level, &levels, &values);
        // An empty number (a list used only for its indents) shows nothing.
        if text.trim().is_empty() {
            return None;
        }
        Some(Label {
            text,
            suffix: level.suffix,
        })
    }

    /// The effective levels of list `num_id` (overrides applied) and the key its
    /// counters live under.
    fn levels(&self, num_id: u32, styles: &Styles) -> Option<(u32, Vec<Option<Level>>)> {
        let n = self.nums.get(&num_id)?;
        let mut key = n.abstract_id;
        let mut abs = self.abstracts.get(&key)?;
        // A list defined through a numbering style points to another abstract list.
        for _ in 0..4 {
            let Some(link) = &abs.style_link else { break };
            let linked = styles
                .numbering_style(link)
                .and_then(|id| self.nums.get(&id))
                .map(|n| n.abstract_id);
            match linked.and_then(|k| self.abstracts.get(&k).map(|a| (k, a))) {
                Some((k, a)) if k != key => {
                    key = k;
                    abs = a;
                }
                _ => break,
            }
        }
        let mut levels = abs.levels.clone();
        for (i, start) in &n.starts {
            if let Some(l) = levels[*i].as_mut() {
                l.start = *start;
            } else {
                levels[*i] = Some(Level {
                    start: *start,
                    ..Level::default()
                });
            }
        }
        for (i, l) in &n.levels {
            levels[*i] = Some(l.clone());
        }
        Some((key, levels))
    }
}

fn level_index(node: roxmltree::Node) -> usize {
    attr(node, "ilvl")
        .and_then(|v| v.trim().parse::<u32>().ok())
        .map_or(0, |v| usize::from(clamp_level(v)))
}

fn parse_level(l: roxmltree::Node) -> Level {
    Level {
        start: num(l, "start").unwrap_or(1),
        fmt: val(l, "numFmt").unwrap_or("decimal").to_string(),
        text: val(l, "lvlText").unwrap_or("").to_string(),
        restart: num(l, "lvlRestart"),
        suffix: match val(l, "suff") {
            Some("space") => Suffix::Space,
            Some("nothing") => Suffix::Nothing,
            _ => Suffix::Tab,
        },
        legal: xml::on(l, "isLgl"),
        style: val(l, "pStyle").map(str::to_string),
    }
}

/// Fills `%1` … `%9` in the level's text with the counters of those levels.
fn expand(level: &Level, levels: &[Option<Level>], values: &[Option<u32>; LEVELS]) -> String {
    let mut out = String::new();
    let mut chars = level.text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match (c, digit) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                let i = d as usize - 1;
                let of = levels[i].as_ref();
                let value = values[i].unwrap_or_else(|| of.map_or(1, |l| l.start));
                let fmt = match of {
                    _ if level.legal => "decimal",
                    Some(l) => l.fmt.as_str(),
                    None => "decimal",
                };
                out.push_str(&numfmt::format(value, fmt));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbering(body: &str) -> Numbering {
        Numbering::parse(Some(&format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{body}</w:numbering>"#
        )))
    }

    fn lvl(i: u8, fmt: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    #[test]
    fn counts_levels_and_resets_deeper_ones() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、"),
            lvl(1, "chineseCounting", "（%2）"),
            lvl(2, "decimal", "%1.%2.%3")
        );
        let mut n = numbering(&body);
        let s = Styles::default();
        let mut label = |l| n.next(1, l, &s).map(|l| l.text);
        assert_eq!(label(0).as_deref(), Some("一、"));
        assert_eq!(label(1).as_deref(), Some("（一）"));
        assert_eq!(label(1).as_deref(), Some("（二）"));
        // Without isLgl each level keeps its own format.
        assert_eq!(label(2).as_deref(), Some("一.二.1"));
        assert_eq!(label(0).as_deref(), Some("二、"));
        assert_eq!(label(1).as_deref(), Some("（一）"));
        assert_eq!(n.next(0, 0, &s), None);
        assert_eq!(n.next(9, 0, &s), None);
    }

    #[test]
    fn start_override_restarts_a_shared_list() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="4">{}</w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num>
               <w:num w:numId="3"><w:abstractNumId w:val="4"/>
                 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            lvl(0, "chineseCountingThousand", "第%1条")
        );
        let mut n = numbering(&body);
        let s = Styles::default();
        let got: Vec<String> = [1, 1, 2, 3, 3]
            .iter()
            .map(|&id| n.next(id, 0, &s).unwrap().text)
            .collect();
        assert_eq!(got, ["第一条", "第二条", "第三条", "第一条", "第二条"]);
    }

    #[test]
    fn lvl_restart_zero_never_restarts_and_legal_is_decimal() {
        let body = r#"<w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
            <w:lvl w:ilvl="2"><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
            </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>"#;
        let mut n = numbering(body);
        let s = Styles::default();
        let mut label = |l| n.next(7, l, &s).unwrap().text;
        assert_eq!(label(0), "一、");
        assert_eq!(label(1), "1.");
        assert_eq!(label(0), "二、");
        assert_eq!(label(1), "2.");
        assert_eq!(label(2), "2.1");
    }
}
