//! Every warning and error a lecture can get, one entry each: its stable code (shown as
//! `warning[L007]` and in `--json`), its severity, and its words in English and Chinese
//! side by side. `{0}`, `{1}`, … in the words are the arguments the caller passes, in
//! the same order for both languages.

use serde::{Serialize, Serializer};

use super::Severity;

/// The words of one kind of diagnostic.
pub struct Words {
    pub code: &'static str,
    pub severity: Severity,
    pub en: &'static str,
    pub zh: &'static str,
    pub help_en: Option<&'static str>,
    pub help_zh: Option<&'static str>,
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident = $code:literal $sev:ident {
        en: $en:literal, zh: $zh:literal $(, help: $hen:literal, $hzh:literal)? $(,)?
    })*) => {
        /// A kind of diagnostic. Codes are stable: a kind that goes away leaves its
        /// code unused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[doc = $doc])* $name,)*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code's entry in the table.
            pub fn words(self) -> &'static Words {
                match self {
                    $(Code::$name => &Words {
                        code: $code,
                        severity: Severity::$sev,
                        en: $en,
                        zh: $zh,
                        help_en: codes!(@opt $($hen)?),
                        help_zh: codes!(@opt $($hzh)?),
                    },)*
                }
            }
        }
    };
    (@opt $s:literal) => { Some($s) };
    (@opt) => { None };
}

codes! {
    // ---- reading the file
    /// A Word file's picture whose part is missing from the package.
    DocxPicturePartMissing = "L001" Warning {
        en: "a picture's part ({0}) is missing from the .docx; it is left out",
        zh: "一张图片的部件（{0}）在 .docx 里找不到，没有放进幻灯片",
        help: "insert the picture again in Word and save", "在 Word 里重新插入这张图片，再保存",
    }
    DocxPictureMissing = "L002" Warning {
        en: "the picture {0} is missing from the .docx; it is left out",
        zh: "图片 {0} 在 .docx 里找不到，没有放进幻灯片",
        help: "insert the picture again in Word and save", "在 Word 里重新插入这张图片，再保存",
    }
    DocxPictureTooBig = "L003" Warning {
        en: "the picture {0} is left out: {1}",
        zh: "图片 {0} 没有放进幻灯片：{1}",
        help: "insert a smaller copy of the picture in Word and save",
              "在 Word 里插入这张图片的小一些的版本，再保存",
    }
    /// The paragraph in Word's title style came after other paragraphs.
    DocxTitleMoved = "L004" Warning {
        en: "paragraph {0} (the Word title) is used as the title; the {1} paragraph(s) before it now follow it",
        zh: "第 {0} 段（Word 的标题样式）用作标题；它前面的 {1} 段移到它后面",
        help: "put the title first in the document if this is not what you meant",
              "如果不是这个意思，请在文档里把标题放在最前面",
    }
    DocxHeadingNumbered = "L005" Warning {
        en: "a Word heading without a number (outline level {0}): numbered {1} for the deck",
        zh: "Word 标题没有编号（大纲级别 {0}）：幻灯片里编为 {1}",
        help: "number the heading in Word (automatic numbering or typed) to choose its number",
              "在 Word 里给这个标题编号（自动编号或直接输入），就能自己定编号",
    }
    PictureLeftOut = "L006" Warning {
        en: "picture left out: {0}",
        zh: "图片没有放进幻灯片：{0}",
        help: "replace the picture in Word with a PNG or JPEG and save",
              "在 Word 里把这张图片换成 PNG 或 JPEG 格式，再保存",
    }

    // ---- settings
    FrontMatterUnclosed = "L010" Warning {
        en: "the front matter opened by +++ is never closed: it is read as lecture text",
        zh: "+++ 开始的设置区没有结束：它被当作讲稿正文",
        help: "add a line +++ after the settings, or delete the first +++",
              "在设置后面加一行 +++，或删掉第一个 +++",
    }
    FrontMatterInvalid = "L011" Error {
        en: "deck settings: {0}",
        zh: "幻灯片设置有误：{0}",
        help: "fix the front matter between the fences, or remove it",
              "改正两行 +++ 之间的设置，或把它们删掉",
    }

    // ---- the text and its structure
    CopiedFromWeb = "L020" Warning {
        en: "the text looks copied from a website: this reprint or source notice is kept out of the slides and the notes",
        zh: "讲稿像是从网页复制的：这条转载或来源说明不放进幻灯片和备注",
        help: "nothing to do; remove the line from the lecture to silence this",
              "不用处理；从讲稿里删掉这一行，就不再提示",
    }
    PageChromeDropped = "L021" Warning {
        en: "dropped {0} line{2} of web-page chrome (toolbars, breadcrumbs, share, print and link lists): line{2} {1}",
        zh: "去掉了 {0} 行网页上的栏目文字（工具栏、导航、分享、打印和链接列表）：第 {1} 行",
        help: "nothing to do; if one of them belongs to the lecture, write it in other words",
              "不用处理；如果其中哪一行是讲稿的内容，换个说法写",
    }
    NoTitleLine = "L022" Warning {
        en: "no title line: the first line reads as a paragraph of the lecture",
        zh: "没有标题行：第一行读来是讲稿的一段正文",
        help: "put the title on the first line; the deck uses the file name meanwhile",
              "把题目写在第一行；在那之前幻灯片用文件名作标题",
    }
    StartsWithHeading = "L023" Warning {
        en: "no title line: the lecture starts with a numbered heading",
        zh: "没有标题行：讲稿一开头就是带编号的标题",
        help: "put the title on the first line; the deck uses the file name meanwhile",
              "把题目写在第一行；在那之前幻灯片用文件名作标题",
    }
    /// A heading marker with nothing after it.
    EmptyHeading = "L024" Warning {
        en: "{0} has no text after it",
        zh: "{0} 后面没有文字",
        help: "write the heading after the marker, or delete the marker; it is kept as text",
              "在序号后面写上标题，或删掉这个序号；它按正文保留",
    }
    /// An inline point marker at the end of the text: the lecture is cut off.
    CutOff = "L025" Warning {
        en: "{0} has no text after it: the lecture looks cut off here",
        zh: "{0} 后面没有文字：讲稿像是在这里断了",
        help: "finish the point or delete the marker; it stays in the notes and gets no slide",
              "把这一点写完，或删掉这个序号；它留在备注里，不单独成页",
    }
    NumberingStart = "L026" Warning {
        en: "numbering starts at {0} instead of {1}",
        zh: "编号从 {0} 开始，而不是 {1}",
        help: "renumber the headings, or add the missing one", "重新编号，或补上缺的那一条",
    }
    NumberSkipped = "L027" Warning {
        en: "{0} follows {1}: {2} is missing",
        zh: "{0} 接在 {1} 后面：缺了 {2}",
        help: "renumber the headings, or add the missing one", "重新编号，或补上缺的那一条",
    }
    NumberBack = "L028" Warning {
        en: "{0} follows {1}: the numbering goes back",
        zh: "{0} 接在 {1} 后面：编号倒退了",
        help: "renumber the headings, or add the missing one", "重新编号，或补上缺的那一条",
    }
    LevelJump = "L029" Warning {
        en: "level jump: {0} comes straight under {1} without a {2} level",
        zh: "层级跳跃：{0} 直接在 {1} 下面，中间缺少 {2} 这一级",
        help: "it is nested under {1} anyway; add the {2} level if one was meant",
              "它仍然归在 {1} 下面；如果本该有 {2} 这一级，请补上",
    }
    UnclosedQuote = "L030" Warning {
        en: "unclosed quote: this “ has no ” in its paragraph",
        zh: "引号没有配对：这个“在本段里没有”",
        help: "add the closing ” where the quotation ends", "在引文结束的地方补上”",
    }

    // ---- pictures in Markdown
    ImageOnWeb = "L040" Warning {
        en: "image {0} is on the web: the deck makes no network request",
        zh: "图片 {0} 在网上：幻灯片不联网，显示不了",
        help: "download it and refer to the file, e.g. ![图](images/photo.jpg)",
              "把图片下载下来，再引用这个文件，例如 ![图](images/photo.jpg)",
    }
    ImageUnreadable = "L041" Error {
        en: "image {0}: {1}",
        zh: "图片 {0}：{1}",
    }
    /// A picture of a lecture given without its folder (the studio page, the library's
    /// bytes-in API): left out, said once per picture.
    ImageNotGiven = "L042" Warning {
        en: "image {0} is left out: only the lecture was given, not the pictures beside it",
        zh: "图片 {0} 没有放进幻灯片：只拿到了讲稿，没有拿到它旁边的图片",
        help: "build it with `lectern build` where its pictures are",
              "请在图片所在的文件夹里用 `lectern build` 生成",
    }

    // ---- limits (src/limits.rs)
    /// Markdown lists or formatting nested past the depth limit.
    NestedTooDeep = "L050" Warning {
        en: "lists or formatting nested more than {0} levels deep: the deeper levels are flattened into level {0}",
        zh: "列表或文字格式嵌套超过 {0} 层：更深的层级并入第 {0} 层",
        help: "nest less deeply; a slide shows a few levels at most",
              "减少嵌套层数；一张幻灯片最多显示几层",
    }
    /// More inline points in one paragraph than the limit.
    TooManyInlinePoints = "L052" Warning {
        en: "more than {0} points in a row here: the rest stays text of the last point",
        zh: "这里连续的要点超过 {0} 个：其余的留作最后一点的正文",
        help: "split the text into paragraphs with headings", "把这段文字分成带标题的几段",
    }
    /// More headings and points in the lecture than the limit.
    TooManyPoints = "L053" Error {
        en: "the lecture has more than {0} headings and points (the slide limit); no deck is made",
        zh: "讲稿的标题和要点超过 {0} 个（幻灯片数量的上限），没有生成幻灯片",
        help: "split the lecture into several files, e.g. one a part",
              "把讲稿分成几个文件，例如每个部分一个",
    }
    /// Raw HTML (with allow_html) nested past the depth limit.
    HtmlTooDeep = "L051" Warning {
        en: "raw HTML nested more than {0} elements deep: it is shown as text, not as HTML",
        zh: "原始 HTML 的元素嵌套超过 {0} 层：按文字显示，不按 HTML 显示",
        help: "close the elements you open, or nest them less deeply",
              "把打开的元素关上，或减少嵌套层数",
    }
}

impl Code {
    /// The stable code, `L001` …
    pub fn as_str(self) -> &'static str {
        self.words().code
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// `template` with `{0}`, `{1}`, … replaced by `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let index = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        match index.and_then(|(i, close)| args.get(i).map(|a| (a, close))) {
            Some((arg, close)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_each_has_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let w = code.words();
            assert!(seen.insert(w.code), "{} used twice", w.code);
            assert!(w.code.starts_with('L') && w.code.len() == 4, "{}", w.code);
            assert!(!w.en.is_empty() && !w.zh.is_empty(), "{}", w.code);
            assert_eq!(w.help_en.is_some(), w.help_zh.is_some(), "{}", w.code);
            // Chinese takes no argument English does not (it may skip an English plural)
            let places = |s: &str| (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).count();
            assert!(places(w.zh) <= places(w.en), "{}", w.code);
            assert!(places(w.en) == 0 || w.en.contains("{0}"), "{}", w.code);
        }
    }

    #[test]
    fn fill_puts_arguments_in_place_and_keeps_other_braces() {
        assert_eq!(
            fill("{0} follows {1}: {2} is missing", &["三、", "一、", "二、"]),
            "三、 follows 一、: 二、 is missing"
        );
        assert_eq!(fill("{x} and {9}", &["a"]), "{x} and {9}");
    }
}
