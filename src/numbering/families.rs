//! The one table of marker families: for each, its level (or that it is inline), the
//! forms it is written in (full- and half-width), how its ordinal is read and how its
//! badge is shown. The plain, Markdown and Word readers and the ordinal checks all read
//! it; adding a family is an entry here (and its name in [`Style`]) and a test.

use serde::Serialize;

use super::numeral::Numeral;

/// A marker family. The level of a paragraph family is fixed by the family, never by
/// where the marker stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// 一、
    Chapter,
    /// （一） or (一)
    Section,
    /// 1. 1． 1、 ⒈
    Arabic,
    /// （1） (1) ⑴
    ParenArabic,
    /// ①
    Circled,
    /// 甲、 乙、 丙、 (a level under （一）)
    Stem,
    /// 第一，
    Di,
    /// 一是
    Shi,
    /// 一要
    Yao,
    /// 首先 其次 再次 最后
    Sequence,
    /// 一方面 另一方面
    Aspect,
    /// 其一， 其二，
    Qi,
    /// —— at the head of parallel paragraphs (——这五年…, ——我们…)
    Dash,
}

/// Where a family's markers stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// At the start of a paragraph, giving it this level (1 is 一、, GB/T 9704).
    Paragraph(u8),
    /// At a sentence start inside a paragraph; a point only in a sequence of its family.
    Inline,
}

/// How strong a place in a paragraph is for a marker to start a point there: the
/// start of a paragraph, of a sentence (after 。！？；：), or of a clause (after ，、
/// or a connective such as 然而). Stronger places come later in the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Start {
    Clause,
    Sentence,
    Paragraph,
}

/// How the items of a run follow each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// Ordinals count up from one (一是 二是 三是; 首先 其次 最后).
    Counting,
    /// Counting, and the first word may come again in its sentence as the second item
    /// (一方面是……，一方面是……).
    CountingOrAgain,
    /// Every item writes the same marker, at the head of paragraph after paragraph
    /// (——……。 ——……。): each is the next item.
    Repeated,
}

/// How a form writes the ordinal.
#[derive(Debug, Clone, Copy)]
pub enum Count {
    Numeral(Numeral),
    /// Fixed words and their ordinals; ordinal 0 closes a run (最后 after 首先, 其次).
    Words(&'static [(&'static str, u32)]),
}

/// One written form: an opening (or `""`), the ordinal, a closing (or `""`). Every
/// listed spelling of the opening and closing is accepted, half- and full-width mixed.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    pub open: &'static [&'static str],
    pub count: Count,
    pub close: &'static [&'static str],
    /// `1.5亿`: a digit right after the form makes it a number, not a marker.
    pub not_before_digit: bool,
    /// `第一，` needs its comma: 第一生产力 and 第十一届 are words.
    pub needs_separator: bool,
    /// A label item (`第一条罪状是：`, `党八股的第二条罪状是：`): a short noun and 是 may
    /// stand between the form and a colon, and a short owner ending in 的 before it.
    pub label: bool,
    /// ⑴ also numbers footnotes: it never starts a point inside a paragraph.
    pub footnote: bool,
    /// Characters that make a word of the form when they follow it (第一要务, 第一要求).
    pub not_before: &'static [char],
    /// The forms a speaker mixes in one run (第一个，…第二是…): a run may go from one
    /// spoken form to another, while a label form (第一条, 第一篇) keeps to itself.
    pub spoken: bool,
}

/// What a slide's badge shows for a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    /// The ordinal alone, in the family's numeral: 一, 1, ①.
    Ordinal,
    /// The marker as written: 第一, 一要, 最后.
    AsWritten,
    /// The ordinal in this numeral, for markers that write none (——).
    Counted(Numeral),
}

#[derive(Debug)]
pub struct Family {
    pub style: Style,
    pub placement: Placement,
    /// The forms; the first, with its first opening and closing, is how lectern writes
    /// the family (badges, messages, numbers given to Word headings).
    pub forms: &'static [Form],
    /// Where in a paragraph its markers may start an inline point (a paragraph family:
    /// `None`, or where it is also written inside a paragraph, （1）…；（2）…).
    pub inline: Option<Start>,
    pub run: Run,
    pub badge: Badge,
}

const NONE: &[&str] = &[""];
const PAREN_OPEN: &[&str] = &["（", "("];
const PAREN_CLOSE: &[&str] = &["）", ")"];

const fn form(open: &'static [&'static str], count: Count, close: &'static [&'static str]) -> Form {
    Form {
        open,
        count,
        close,
        not_before_digit: false,
        needs_separator: false,
        label: false,
        footnote: false,
        not_before: &[],
        spoken: false,
    }
}

/// A form of the spoken 第一 family (see [`Form::spoken`]).
const fn spoken(form: Form) -> Form {
    Form {
        spoken: true,
        ..form
    }
}

/// A form that needs a comma or colon after it (第一， 其一，).
const fn separated(
    open: &'static [&'static str],
    count: Count,
    close: &'static [&'static str],
) -> Form {
    Form {
        needs_separator: true,
        ..form(open, count, close)
    }
}

const fn numeral(n: Numeral) -> Count {
    Count::Numeral(n)
}

/// Every family, in the order of [`Style`].
pub const FAMILIES: &[Family] = &[
    Family {
        style: Style::Chapter,
        placement: Placement::Paragraph(1),
        forms: &[form(NONE, numeral(Numeral::Chinese), &["、"])],
        inline: None,
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::Section,
        placement: Placement::Paragraph(2),
        forms: &[form(PAREN_OPEN, numeral(Numeral::Chinese), PAREN_CLOSE)],
        inline: None,
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::Arabic,
        placement: Placement::Paragraph(3),
        forms: &[
            Form {
                not_before_digit: true,
                // 1：… as a hand-numbered Word file mixes it with 1.
                ..form(
                    NONE,
                    numeral(Numeral::Arabic),
                    &[".", "．", "、", "：", ":"],
                )
            },
            form(NONE, numeral(Numeral::FullStop), NONE),
        ],
        inline: None,
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::ParenArabic,
        placement: Placement::Paragraph(4),
        forms: &[
            form(PAREN_OPEN, numeral(Numeral::Arabic), PAREN_CLOSE),
            Form {
                footnote: true,
                ..form(NONE, numeral(Numeral::Parenthesized), NONE)
            },
        ],
        // 十件民生实事：（1）……。（2）…… in one paragraph
        inline: Some(Start::Sentence),
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::Circled,
        placement: Placement::Paragraph(5),
        forms: &[form(NONE, numeral(Numeral::Circled), NONE)],
        // ① also marks footnotes inside a paragraph
        inline: None,
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::Stem,
        placement: Placement::Paragraph(3),
        forms: &[form(NONE, numeral(Numeral::Stems), &["、"])],
        inline: None,
        run: Run::Counting,
        badge: Badge::Ordinal,
    },
    Family {
        style: Style::Di,
        placement: Placement::Inline,
        // one form per way of writing it: a run keeps to one (第一点 第二点, not 第一点 第二篇)
        forms: &[
            spoken(separated(&["第"], numeral(Numeral::Chinese), NONE)),
            separated(&["第"], numeral(Numeral::Chinese), &["方面"]),
            separated(&["第"], numeral(Numeral::Chinese), &["点"]),
            spoken(separated(&["第"], numeral(Numeral::Chinese), &["个"])),
            separated(&["第"], numeral(Numeral::Chinese), &["篇"]),
            // 第一种：主观主义的态度。 第二种：…
            separated(&["第"], numeral(Numeral::Chinese), &["种"]),
            // 第一是…… 第二是……
            spoken(form(&["第"], numeral(Numeral::Chinese), &["是"])),
            // 第一个是…，第二个是…； 我们第一要…，第二要…
            spoken(form(&["第"], numeral(Numeral::Chinese), &["个是"])),
            spoken(Form {
                not_before: &[
                    '务', '求', '素', '点', '闻', '件', '案', '害', '领', '紧', '职', '义',
                ],
                ..form(&["第"], numeral(Numeral::Chinese), &["要"])
            }),
            // 第一条： 第一条罪状是： 党八股的第二条罪状是：
            Form {
                label: true,
                ..separated(&["第"], numeral(Numeral::Chinese), &["条"])
            },
            // 第一是…第二是…还有就是…: the spoken word that closes a run of any form
            form(NONE, Count::Words(&[("还有就是", 0)]), NONE),
        ],
        inline: Some(Start::Clause),
        run: Run::Counting,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Shi,
        placement: Placement::Inline,
        forms: &[form(NONE, numeral(Numeral::Chinese), &["是"])],
        inline: Some(Start::Clause),
        run: Run::Counting,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Yao,
        placement: Placement::Inline,
        forms: &[form(NONE, numeral(Numeral::Chinese), &["要"])],
        // 这就是说，一要看，二要帮。
        inline: Some(Start::Clause),
        run: Run::Counting,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Sequence,
        placement: Placement::Inline,
        forms: &[form(
            NONE,
            Count::Words(&[
                ("首先", 1),
                ("其次", 2),
                ("再次", 3),
                ("最后", 0),
                ("最终", 0),
            ]),
            NONE,
        )],
        // 首先 after a comma is an adverb far more often than a point
        inline: Some(Start::Sentence),
        run: Run::Counting,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Aspect,
        placement: Placement::Inline,
        forms: &[form(
            NONE,
            Count::Words(&[("一方面", 1), ("另一方面", 2)]),
            NONE,
        )],
        inline: Some(Start::Clause),
        run: Run::CountingOrAgain,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Qi,
        placement: Placement::Inline,
        forms: &[separated(&["其"], numeral(Numeral::Chinese), NONE)],
        inline: Some(Start::Clause),
        run: Run::Counting,
        badge: Badge::AsWritten,
    },
    Family {
        style: Style::Dash,
        placement: Placement::Inline,
        forms: &[form(NONE, Count::Words(&[("——", 1), ("――", 1)]), NONE)],
        inline: Some(Start::Paragraph),
        run: Run::Repeated,
        badge: Badge::Counted(Numeral::Chinese),
    },
];

/// The deepest paragraph level.
pub const LEVELS: usize = 5;

impl Style {
    /// This style's entry in the table.
    pub fn family(self) -> &'static Family {
        &FAMILIES[self as usize]
    }

    /// The family that gives paragraphs `level` (1 is 一、): how a heading without a
    /// written marker (Markdown `##`, a Word outline level) is numbered.
    pub fn at_level(level: u8) -> Option<Style> {
        FAMILIES
            .iter()
            .find(|f| f.placement == Placement::Paragraph(level))
            .map(|f| f.style)
    }

    /// 1 for 一、 down to 5 for ①; `None` for the inline families.
    pub fn level(self) -> Option<u8> {
        match self.family().placement {
            Placement::Paragraph(level) => Some(level),
            Placement::Inline => None,
        }
    }

    /// How this style writes `ordinal`, in full-width form (for badges and messages).
    pub fn format(self, ordinal: u32) -> String {
        let form = &self.family().forms[0];
        format!(
            "{}{}{}",
            form.open[0],
            form.count.write(ordinal),
            form.close[0]
        )
    }

    /// The ordinal alone as the family writes it (一, 1, ①; a word for word families).
    pub fn numeral(self, ordinal: u32) -> String {
        self.family().forms[0].count.write(ordinal)
    }

    /// Whether `ordinal` is the word that closes a run (最后) rather than a number.
    pub fn closes_run(self, ordinal: u32) -> bool {
        ordinal == 0
            && self
                .family()
                .forms
                .iter()
                .any(|f| matches!(f.count, Count::Words(_)))
    }
}

impl Count {
    /// `n` in this count; a word family past its words writes its last word (a
    /// repeated marker, its one word).
    pub fn write(self, n: u32) -> String {
        match self {
            Count::Numeral(numeral) => numeral.write(n),
            Count::Words(words) => {
                // words of one ordinal are spellings of one marker (—— ――): the first
                let one = words
                    .iter()
                    .all(|(_, v)| Some(v) == words.first().map(|w| &w.1));
                words
                    .iter()
                    .find(|(_, v)| *v == n)
                    .or(if one { words.first() } else { words.last() })
                    .map_or_else(String::new, |(w, _)| w.to_string())
            }
        }
    }

    fn first_chars(self) -> Vec<char> {
        match self {
            Count::Numeral(numeral) => numeral.first_chars(),
            Count::Words(words) => words.iter().filter_map(|(w, _)| w.chars().next()).collect(),
        }
    }

    fn read(self, s: &str) -> Option<(u32, usize)> {
        match self {
            Count::Numeral(numeral) => numeral.read(s),
            Count::Words(words) => words
                .iter()
                .find(|(w, _)| s.starts_with(w))
                .map(|(w, v)| (*v, w.len())),
        }
    }
}

impl Form {
    /// The characters this form can start with: [`Form::read`] of a string starting
    /// with any other is `None`.
    pub fn first_chars(&self) -> Vec<char> {
        let mut out: Vec<char> = self.open.iter().filter_map(|o| o.chars().next()).collect();
        if self.open.contains(&"") {
            out.extend(self.count.first_chars());
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The ordinal this form writes at the start of `s`, and the form's length in bytes.
    pub fn read(&self, s: &str) -> Option<(u32, usize)> {
        let open = self.open.iter().find(|o| s.starts_with(*o))?;
        let rest = &s[open.len()..];
        let (ordinal, n) = self.count.read(rest)?;
        let close = self.close.iter().find(|c| rest[n..].starts_with(*c))?;
        let len = open.len() + n + close.len();
        if self.not_before_digit
            && s[len..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            return None;
        }
        if s[len..].starts_with(self.not_before) {
            return None;
        }
        Some((ordinal, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_its_styles() {
        for (i, family) in FAMILIES.iter().enumerate() {
            assert_eq!(family.style as usize, i, "{:?}", family.style);
        }
        let deepest = FAMILIES.iter().filter_map(|f| f.style.level()).max();
        assert_eq!(deepest, Some(LEVELS as u8));
        for level in 1..=LEVELS as u8 {
            assert_eq!(Style::at_level(level).and_then(Style::level), Some(level));
        }
        // a second family at a level does not take the level's numbering
        assert_eq!(Style::at_level(3), Some(Style::Arabic));
    }

    /// `first_chars` is a filter in front of `read`: it must never turn away a marker
    /// that `read` takes — not one any form writes, nor one at any place in the real texts.
    #[test]
    fn first_chars_never_turn_away_what_read_takes() {
        use super::Numeral::*;
        // every ordinal in every numeral, so that a reader's other spellings (１２ for
        // 12, 一○ for 十) are tried too
        let numerals = [
            Chinese,
            ChineseZero,
            Legal,
            Digital,
            Arabic,
            FullWidth,
            Stems,
            Branches,
            Circled,
            Parenthesized,
            FullStop,
        ];
        let mut samples = Vec::new();
        for form in FAMILIES.iter().flat_map(|f| f.forms) {
            for n in 0..=40 {
                let mut written: Vec<String> = numerals.iter().map(|m| m.write(n)).collect();
                written.push(form.count.write(n));
                for open in form.open {
                    for close in form.close {
                        for w in &written {
                            samples.push(format!("{open}{w}{close}x"));
                        }
                    }
                }
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                samples.push(std::fs::read_to_string(&path).unwrap());
            }
        }
        samples.push(include_str!("../../decks/lecture.txt").to_string());
        let forms: Vec<(&Form, Vec<char>)> = FAMILIES
            .iter()
            .flat_map(|f| f.forms)
            .map(|f| (f, f.first_chars()))
            .collect();
        let (mut read, mut places) = (0, 0);
        for text in &samples {
            for (i, c) in text.char_indices() {
                places += 1;
                for (form, first) in &forms {
                    if form.read(&text[i..]).is_some() {
                        read += 1;
                        assert!(first.contains(&c), "{:?} at {:?}", form.open, &text[i..]);
                    }
                }
            }
        }
        assert!(
            read > 1000 && places > 100_000,
            "{read} markers in {places} places"
        );
    }

    #[test]
    fn added_families_stems_di_aspects_and_qi() {
        use crate::numbering::{block_marker, inline_marker};
        let stem = block_marker("乙、推进改革").unwrap();
        assert_eq!((stem.marker.style, stem.marker.ordinal), (Style::Stem, 2));
        assert_eq!(stem.marker.level(), Some(3));
        assert_eq!(stem.marker.badge(), "乙");
        assert!(block_marker("甲方负责").is_none());
        let di = inline_marker("第二方面，要落实").unwrap();
        assert_eq!(
            (di.marker.style, di.marker.ordinal, di.marker.text.as_str()),
            (Style::Di, 2, "第二方面")
        );
        assert!(inline_marker("第一方面军").is_none());
        let qi = inline_marker("其二，要落实").unwrap();
        assert_eq!((qi.marker.style, qi.marker.ordinal), (Style::Qi, 2));
        assert!(inline_marker("其一贯作风").is_none());
    }

    #[test]
    fn dashes_paren_numbers_in_a_paragraph_and_the_ways_of_writing_di() {
        use crate::numbering::inline_marker;
        let at = |s: &str| {
            inline_marker(s).map(|f| {
                let m = f.marker;
                (m.style, m.ordinal, m.text, s[f.skip..].to_string(), f.lead)
            })
        };
        let dash = at("——我们创立了新思想").unwrap();
        assert_eq!(
            (dash.0, dash.1, dash.3.as_str()),
            (Style::Dash, 1, "我们创立了新思想")
        );
        assert_eq!(at("――向新的动能").map(|d| d.0), Some(Style::Dash));
        assert_eq!(Style::Dash.family().run, Run::Repeated);
        let paren = at("（1）做好就业").unwrap();
        assert_eq!((paren.0, paren.1), (Style::ParenArabic, 1));
        // ⑴ numbers footnotes; 1. only heads paragraphs
        assert_eq!(at("⑴注释"), None);
        assert_eq!(at("1.加强"), None);
        for (s, ordinal, text, title) in [
            ("第一点，应当肯定", 1, "第一点", "应当肯定"),
            ("第二是国际统一战线", 2, "第二是", "国际统一战线"),
            ("第二个，究竟什么原因", 2, "第二个", "究竟什么原因"),
            ("第三篇，是鲁迅的信", 3, "第三篇", "是鲁迅的信"),
            ("第一条：“留心各样的事情”", 1, "第一条", "“留心各样的事情”"),
            ("第七条罪状是：流毒全党", 7, "第七条", "流毒全党"),
        ] {
            let found = at(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(
                (found.0, found.1, found.2.as_str(), found.3.as_str()),
                (Style::Di, ordinal, text, title),
                "{s}"
            );
        }
        let owned = at("党八股的第二条罪状是：装腔作势").unwrap();
        assert_eq!((owned.2.as_str(), owned.3.as_str()), ("第二条", "装腔作势"));
        assert_eq!(owned.4, "党八股的".len());
        for s in [
            "第一点",
            "第一个必要条件",
            "第一阶段是感性知识",
            "第二条罪状",
            "第一篇文章",
            "我们的第一个五年计划",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
    }

    #[test]
    fn every_family_reads_what_it_writes() {
        for family in FAMILIES {
            // a repeated marker (——) writes no ordinal: every item reads as the first
            let repeated = family.run == Run::Repeated;
            for ordinal in 1..=2 {
                let written = family.style.format(ordinal);
                let read = family.forms[0].read(&written);
                let want = if repeated { 1 } else { ordinal };
                assert_eq!(read, Some((want, written.len())), "{written}");
            }
        }
    }
}
