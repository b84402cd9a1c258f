//! Word (.docx) lectures to plain lecture text.
//!
//! The output is what the plain-text parser reads: one line per Word paragraph (so a
//! diagnostic's line N is the document's paragraph N, empty paragraphs and table cells
//! counted), with Word's automatic numbers written in front of the text exactly as Word
//! shows them. The plain rules then apply unchanged: a `docx` and its text twin give the
//! same deck.
//!
//! - [`package`]: the zip, with limits (a zip bomb is an error);
//! - [`document`]: paragraphs and runs;
//! - [`styles`] and [`numbering`] (+ [`numfmt`]): the number each paragraph shows;
//! - [`sniff`]: what a file is when it is not a .docx (encrypted, old .doc, RTF, HTML).

mod document;
mod numbering;
mod numfmt;
mod package;

pub(crate) use package::normalise_path;

pub use package::{MAX_ENTRIES, MAX_PART, MAX_TOTAL};
pub mod sniff;
mod styles;
mod xml;

use std::fmt;

use crate::diag::Code;
use crate::numbering::{block_marker, Counters, Style, LEVELS};
use numbering::{Label, Numbering, Suffix};
use package::Package;
use styles::Styles;

/// A Word document as lecture text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// One line per paragraph.
    pub text: String,
    /// What the conversion decided for the author to know about.
    pub notes: Vec<Note>,
    /// The pictures in the body, in reading order, not yet checked as images.
    pub pictures: Vec<Picture>,
}

/// A picture as stored in the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The paragraph (1-based, the line of `text`) it stands in.
    pub paragraph: usize,
    /// The part's name in the package, e.g. `word/media/image1.png`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Its alt text (also kept in the paragraph's text), possibly empty.
    pub alt: String,
}

/// A remark about one paragraph (1-based, the line of `text`): its kind and the
/// arguments of its words, which become a diagnostic once the text has a line index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub paragraph: usize,
    pub code: Code,
    pub args: Vec<String>,
}

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    Empty,
    Encrypted,
    OldWord,
    OtherOle,
    DamagedOle,
    Rtf,
    Html { mhtml: bool },
    WordXml,
    NotDocx,
    Corrupt(String),
    TooLarge(String),
    NoDocument,
    BadXml(String),
}

impl DocxError {
    /// The same sentence in Chinese.
    pub fn zh(&self) -> String {
        const SAVE: &str = "请用 Word 或 WPS 打开，另存为 .docx（文件 › 另存为 › Word 文档 .docx）";
        match self {
            DocxError::Empty => "文件是空的".into(),
            DocxError::Encrypted => "文件已加密：请在 Word 或 WPS 里取消密码后另存为 .docx".into(),
            DocxError::OldWord => format!("这是旧版 .doc/.wps 文档：{SAVE}"),
            DocxError::OtherOle => "这是另一种 Office 文件，不是 Word 文档；请从 Word 或 WPS 另存为 .docx".into(),
            DocxError::DamagedOle => format!("这是损坏的旧版 Office 文件（.doc/.wps）：{SAVE}"),
            DocxError::Rtf => format!("这是 RTF 文件，不是 .docx：{SAVE}，或另存为纯文本"),
            DocxError::Html { .. } => format!("这是以 Word 文件名保存的网页，不是 .docx：{SAVE}，或另存为纯文本"),
            DocxError::WordXml => format!("这是 Word 2003 XML 文档，不是 .docx：{SAVE}"),
            DocxError::NotDocx => "这不是 Word .docx 文件（不是 zip 包）；请把讲稿另存为 .docx 或纯文本".into(),
            DocxError::Corrupt(detail) | DocxError::BadXml(detail) => {
                format!(".docx 文件已损坏（{detail}）：请用 Word 或 WPS 打开后重新另存为 .docx")
            }
            DocxError::TooLarge(detail) => format!("拒绝读取：{detail}；这像是压缩炸弹，不是讲稿"),
            DocxError::NoDocument => {
                "这个 zip 包里没有 word/document.xml，不是 Word 文档（是 .xlsx、.pptx 或别的 zip？）；请从 Word 或 WPS 另存为 .docx".into()
            }
        }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SAVE: &str =
            "open it in Word or WPS and save it as .docx (文件 › 另存为 › Word 文档 .docx)";
        match self {
            DocxError::Empty => write!(f, "the file is empty"),
            DocxError::Encrypted => write!(
                f,
                "文件已加密，请取消密码后另存为 .docx (the Word file is password-protected: remove the password in Word or WPS and save it again as .docx)"
            ),
            DocxError::OldWord => write!(
                f,
                "这是旧版 .doc/.wps 文档，请用 Word 或 WPS 打开后另存为 .docx (an old binary Word/WPS file: {SAVE})"
            ),
            DocxError::OtherOle => write!(
                f,
                "an Office file of another kind (not a Word document); save the lecture from Word or WPS as .docx"
            ),
            DocxError::DamagedOle => write!(
                f,
                "a damaged old-style Office file (.doc/.wps); {SAVE}"
            ),
            DocxError::Rtf => write!(f, "this is an RTF file, not a .docx: {SAVE}, or save it as plain text"),
            DocxError::Html { mhtml } => write!(
                f,
                "this is a {} saved under a Word name, not a .docx: {SAVE}, or save it as plain text",
                if *mhtml { "single-file web page (MHTML)" } else { "web page (HTML)" }
            ),
            DocxError::WordXml => write!(f, "this is a Word 2003 XML document, not a .docx: {SAVE}"),
            DocxError::NotDocx => write!(
                f,
                "this is not a Word .docx file (it is not a zip package); save the lecture as .docx or plain text"
            ),
            DocxError::Corrupt(detail) => write!(
                f,
                "the .docx is damaged ({detail}); open it in Word or WPS and save it again as .docx"
            ),
            DocxError::TooLarge(detail) => write!(
                f,
                "refused: {detail}; this looks like a zip bomb, not a lecture"
            ),
            DocxError::NoDocument => write!(
                f,
                "this zip has no word/document.xml, so it is not a Word document (an .xlsx, .pptx or another zip?); save the lecture from Word or WPS as .docx"
            ),
            DocxError::BadXml(detail) => write!(
                f,
                "the .docx is damaged: {detail}; open it in Word or WPS and save it again as .docx"
            ),
        }
    }
}

impl std::error::Error for DocxError {}

/// Reads a .docx into lecture text.
pub fn convert(bytes: &[u8]) -> Result<Converted, DocxError> {
    if bytes.is_empty() {
        return Err(DocxError::Empty);
    }
    let mut pkg = Package::open(bytes)?;
    let main = pkg
        .related("_rels/.rels", "", "officeDocument")
        .filter(|m| m.ends_with(".xml"))
        .unwrap_or_else(|| "word/document.xml".into());
    let mut text = pkg.part(&main)?;
    if text.is_none() && main != "word/document.xml" {
        text = pkg.part("word/document.xml")?;
    }
    let text = text.ok_or(DocxError::NoDocument)?;
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let dir = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let rels = format!("{dir}_rels/{file}.rels");
    let styles_part = pkg
        .related(&rels, &dir, "styles")
        .unwrap_or_else(|| format!("{dir}styles.xml"));
    let numbering_part = pkg
        .related(&rels, &dir, "numbering")
        .unwrap_or_else(|| format!("{dir}numbering.xml"));
    let styles = Styles::parse(pkg.part(&styles_part)?.as_deref());
    let numbering = Numbering::parse(pkg.part(&numbering_part)?.as_deref());

    let doc = xml::parse(&text).map_err(|e| DocxError::BadXml(format!("{main}: {e}")))?;
    if !xml::is(doc.root_element(), "document") {
        return Err(DocxError::NoDocument);
    }
    let paras = document::read(&doc);
    let (mut converted, found) = assemble(paras, &styles, numbering);
    let rels_by_id = pkg.relationships(&rels, &dir);
    for (paragraph, pic) in found {
        let Some((_, name)) = rels_by_id.iter().find(|(id, _)| *id == pic.rel_id) else {
            converted.notes.push(Note {
                paragraph,
                code: Code::DocxPicturePartMissing,
                args: vec![pic.rel_id.to_string()],
            });
            continue;
        };
        // A picture that cannot be read costs the picture, not the lecture.
        match pkg.bytes(name) {
            Ok(Some(bytes)) => converted.pictures.push(Picture {
                paragraph,
                name: name.clone(),
                bytes,
                alt: pic.alt,
            }),
            Ok(None) => converted.notes.push(Note {
                paragraph,
                code: Code::DocxPictureMissing,
                args: vec![name.to_string()],
            }),
            Err(e) => converted.notes.push(Note {
                paragraph,
                code: Code::DocxPictureTooBig,
                args: vec![name.to_string(), e.to_string()],
            }),
        }
    }
    Ok(converted)
}

/// A paragraph with its number applied.
struct Line {
    text: String,
    numbered: bool,
    outline: Option<u8>,
    title_style: bool,
    big_centred: bool,
    pictures: Vec<document::Picture>,
}

/// The lecture text, and each picture with the paragraph (1-based) it stands in.
fn assemble(
    paras: Vec<document::Para>,
    styles: &Styles,
    mut numbering: Numbering,
) -> (Converted, Vec<(usize, document::Picture)>) {
    let mut lines = Vec::with_capacity(paras.len());
    let mut carry = String::new();
    let mut carry_pictures = Vec::new();
    for mut p in paras {
        if p.mark_deleted {
            // Accepting the deletion of a paragraph mark joins it to the next one.
            carry.push_str(&p.text);
            carry_pictures.append(&mut p.pictures);
            lines.push(Line {
                text: String::new(),
                numbered: false,
                outline: None,
                title_style: false,
                big_centred: false,
                pictures: Vec::new(),
            });
            continue;
        }
        let style = styles.resolve(p.style.as_deref());
        let label = match p.num_id.or(style.num_id) {
            Some(id) if id != 0 => {
                let ilvl = p
                    .ilvl
                    .or(style.ilvl)
                    .unwrap_or_else(|| numbering.level_for_style(id, p.style.as_deref(), styles));
                numbering.next(id, ilvl, styles)
            }
            _ => None,
        };
        let body = std::mem::take(&mut carry) + &p.text;
        let mut pictures = std::mem::take(&mut carry_pictures);
        pictures.append(&mut p.pictures);
        let size = p.size.or(style.size).unwrap_or(styles.default_size);
        lines.push(Line {
            numbered: label.is_some(),
            text: match &label {
                Some(l) => join(l, &body),
                None => body,
            },
            outline: p.outline.or(style.outline).filter(|&l| l < 9),
            title_style: style.title,
            big_centred: p.centred.unwrap_or(style.centred)
                && size * 4 >= styles.default_size * 5
                && size >= 28,
            pictures,
        });
    }
    let mut notes = Vec::new();
    // The first paragraph is the title for the plain rules even when nothing marks it.
    let title = place_title(&mut lines, &mut notes)
        .or_else(|| lines.iter().position(|l| !l.text.trim().is_empty()));
    number_outline_headings(&mut lines, title, &mut notes);
    let text = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let pictures = lines
        .into_iter()
        .enumerate()
        .flat_map(|(i, l)| l.pictures.into_iter().map(move |p| (i + 1, p)))
        .collect();
    (
        Converted {
            text,
            notes,
            pictures: Vec::new(),
        },
        pictures,
    )
}

/// The number, then what Word puts between it and the text. A tab or a space becomes a
/// space where the plain-text rules need one (after `1.`, `第一条`); after `、` or `）`
/// nothing is needed.
fn join(label: &Label, body: &str) -> String {
    let needs_space = label
        .text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == '.');
    let sep = match label.suffix {
        Suffix::Nothing => "",
        Suffix::Tab | Suffix::Space if needs_space => " ",
        _ => "",
    };
    format!(
        "{}{sep}{}",
        label.text,
        body.trim_start_matches([' ', '\u{3000}'])
    )
}

/// The title: a paragraph in the Title style, else a centred large one, among the
/// paragraphs before the first heading. It goes first, where the plain rules look.
fn place_title(lines: &mut [Line], notes: &mut Vec<Note>) -> Option<usize> {
    let first = lines.iter().position(|l| !l.text.trim().is_empty())?;
    let head_end = lines
        .iter()
        .position(|l| l.numbered || block_marker(l.text.trim_start()).is_some())
        .unwrap_or(lines.len())
        .min(first + 8);
    let candidates = || (first..head_end).filter(|&i| !lines[i].text.trim().is_empty());
    let at = candidates()
        .find(|&i| lines[i].title_style)
        .or_else(|| candidates().find(|&i| lines[i].big_centred))?;
    if at != first {
        lines[first..=at].rotate_right(1);
        notes.push(Note {
            paragraph: first + 1,
            code: Code::DocxTitleMoved,
            args: vec![(at + 1).to_string(), (at - first).to_string()],
        });
    }
    Some(first)
}

/// Paragraphs that Word shows as headings (an outline level, through `w:outlineLvl` or
/// a heading style) but that carry no number get one, so they still open parts and
/// sections: the outline levels in use rank as 一、 （一） 1. （1） ①. Each gets a
/// note, since the number is not in the document.
fn number_outline_headings(lines: &mut [Line], title: Option<usize>, notes: &mut Vec<Note>) {
    let is_heading =
        |i: usize, l: &Line| Some(i) != title && l.outline.is_some() && !l.text.trim().is_empty();
    let unnumbered = |l: &Line| !l.numbered && block_marker(l.text.trim_start()).is_none();
    if !lines
        .iter()
        .enumerate()
        .any(|(i, l)| is_heading(i, l) && unnumbered(l))
    {
        return;
    }
    let mut ranks: Vec<u8> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| is_heading(*i, l))
        .filter_map(|(_, l)| l.outline)
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    let mut counters = Counters::default();
    for (i, line) in lines.iter_mut().enumerate() {
        if !is_heading(i, line) {
            continue;
        }
        let Some(rank) = line
            .outline
            .and_then(|o| ranks.iter().position(|&r| r == o))
            .filter(|&r| r < LEVELS)
        else {
            continue;
        };
        let level = rank as u8 + 1;
        let text = line.text.trim_start().to_string();
        let written = block_marker(&text).map(|f| f.marker.ordinal);
        let ordinal = counters.next(level, written);
        if line.numbered || written.is_some() {
            continue;
        }
        let style = Style::at_level(level).expect("every level has a family");
        let marker = style.format(ordinal);
        let label = Label {
            text: marker.clone(),
            suffix: Suffix::Space,
        };
        line.text = join(&label, &text);
        notes.push(Note {
            paragraph: i + 1,
            code: Code::DocxHeadingNumbered,
            args: vec![
                (line.outline.unwrap_or(0) + 1).to_string(),
                marker.to_string(),
            ],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// A minimal package: the three parts the reader looks at.
    fn package(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        for (name, text) in [
            (
                "word/document.xml",
                format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
            ),
            (
                "word/styles.xml",
                format!("<w:styles {W}>{styles}</w:styles>"),
            ),
            (
                "word/numbering.xml",
                format!("<w:numbering {W}>{numbering}</w:numbering>"),
            ),
        ] {
            zip.start_file(name, opts).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn p(style: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn the_title_style_paragraph_comes_first() {
        let styles =
            r#"<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/></w:style>"#;
        let body =
            p("x", "附件1") + "<w:p/>" + &p("a5", "在全市大会上的讲话") + &p("x", "同志们：");
        let c = convert(&package(&body, styles, "")).unwrap();
        assert_eq!(c.text, "在全市大会上的讲话\n附件1\n\n同志们：");
        assert_eq!(c.notes.len(), 1);
        assert_eq!(c.notes[0].paragraph, 1);
    }

    #[test]
    fn numbering_through_a_numbering_style_and_level_styles() {
        // abstract 1 only links to the numbering style "ns", whose list is abstract 2;
        // the heading style's level comes from the lvl's pStyle.
        let styles = r#"
          <w:style w:type="numbering" w:styleId="ns"><w:name w:val="讲稿编号"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="h2"><w:name w:val="标题 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
        let numbering = r#"
          <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ns"/></w:abstractNum>
          <w:abstractNum w:abstractNumId="2">
            <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:pStyle w:val="h2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#;
        let body = p("x", "讲话") + &p("h2", "2024年工作回顾") + &p("h2", "下一步打算");
        let c = convert(&package(&body, styles, numbering)).unwrap();
        // A space after `1.` keeps 2024 from reading as 1.2024.
        assert_eq!(c.text, "讲话\n1. 2024年工作回顾\n2. 下一步打算");
        assert!(c.notes.is_empty(), "{:?}", c.notes);
    }

    #[test]
    fn unnumbered_headings_rank_by_outline_level() {
        let styles = r#"
          <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
          <w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/></w:style>"#;
        let body = p("x", "标题")
            + &p("2", "第一部分")
            + &p("3", "甲")
            + &p("3", "乙")
            + &p("2", "三、写了编号的")
            + &p("3", "丙");
        let c = convert(&package(&body, styles, "")).unwrap();
        assert_eq!(
            c.text,
            "标题\n一、第一部分\n（一）甲\n（二）乙\n三、写了编号的\n（一）丙"
        );
        let at: Vec<usize> = c.notes.iter().map(|n| n.paragraph).collect();
        assert_eq!(at, [2, 3, 4, 6]);
    }
}
