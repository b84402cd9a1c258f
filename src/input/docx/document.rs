//! `word/document.xml` to paragraphs: text joined across runs, tracked changes
//! accepted, field codes dropped and results kept, content controls and
//! `mc:AlternateContent` read once, tables cell by cell. Notes, comments, headers and
//! footers live in other parts and are never read.

use roxmltree::Node;

use super::styles::{clamp_level, clamp_outline, is_centre};
use super::xml::{self, attr, child, num, val, MC};

/// Nesting deeper than this is not a document a person wrote; it is skipped, not
/// followed, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Marks a `w:br` until the paragraph is done and its neighbours are known.
pub const BREAK: char = '\u{1}';

/// One `w:p` as read, before numbering.
#[derive(Debug, Default, Clone)]
pub struct Para {
    pub text: String,
    pub style: Option<String>,
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
    pub outline: Option<u8>,
    pub centred: Option<bool>,
    /// Size set on the first run with text, in half-points (`None`: the style's).
    pub size: Option<u32>,
    sized: bool,
    /// The paragraph mark is a tracked deletion: the text joins the next paragraph.
    pub mark_deleted: bool,
    /// Pictures in the paragraph, in order.
    pub pictures: Vec<Picture>,
}

/// A picture in the body: the relationship that names its part, and its alt text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Picture {
    pub rel_id: String,
    pub alt: String,
}

/// The relationships namespace of `r:embed` and `r:id`.
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";

#[derive(Default)]
struct Field {
    in_code: bool,
    code: String,
    /// A table of contents: its result repeats the headings and is dropped.
    toc: bool,
}

#[derive(Default)]
struct Reader<'a, 'i> {
    paras: Vec<Para>,
    fields: Vec<Field>,
    /// Text boxes met inside the current paragraph, read after it.
    boxes: Vec<Node<'a, 'i>>,
}

/// Reads the paragraphs of the document body, in order.
pub fn read(doc: &roxmltree::Document) -> Vec<Para> {
    let mut r = Reader::default();
    let root = doc.root_element();
    if let Some(body) = xml::child(root, "body") {
        r.block(body, 0);
    }
    r.paras
}

impl<'a, 'i> Reader<'a, 'i> {
    fn keeps_text(&self) -> bool {
        self.fields.iter().all(|f| !f.in_code && !f.toc)
    }

    /// Block-level content: paragraphs, tables, content controls.
    fn block(&mut self, node: Node<'a, 'i>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for c in node.children().filter(Node::is_element) {
            if is_mc(c) {
                if let Some(branch) = alternate(c) {
                    self.block(branch, depth + 1);
                }
                continue;
            }
            match local(c) {
                "p" => self.paragraph(c, depth + 1),
                "del" | "moveFrom" | "sectPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "sdtPr"
                | "sdtEndPr" | "customXmlPr" => {}
                "tr" if child(c, "trPr").and_then(|p| child(p, "del")).is_some() => {}
                "sdt" => match sdt_content(c) {
                    Some(content) => self.block(content, depth + 1),
                    // Its paragraphs stay, empty, so paragraph numbers stay true.
                    None => {
                        let count = c.descendants().filter(|d| xml::is(*d, "p")).count();
                        self.paras
                            .extend(std::iter::repeat_with(Para::default).take(count));
                    }
                },
                _ => self.block(c, depth + 1),
            }
        }
    }

    fn paragraph(&mut self, p: Node<'a, 'i>, depth: usize) {
        let mut para = Para::default();
        if let Some(ppr) = child(p, "pPr") {
            para.style = val(ppr, "pStyle").map(str::to_string);
            if let Some(numpr) = child(ppr, "numPr") {
                para.num_id = num(numpr, "numId");
                para.ilvl = num(numpr, "ilvl").map(clamp_level);
            }
            para.outline = num(ppr, "outlineLvl").map(clamp_outline);
            para.centred = val(ppr, "jc").map(is_centre);
            para.mark_deleted = child(ppr, "rPr").and_then(|r| child(r, "del")).is_some();
        }
        let outer_boxes = std::mem::take(&mut self.boxes);
        self.inline(p, &mut para, depth + 1);
        para.text = resolve_breaks(&para.text);
        self.paras.push(para);
        let boxes = std::mem::replace(&mut self.boxes, outer_boxes);
        for b in boxes {
            self.block(b, depth + 1);
        }
    }

    /// Paragraph content: runs and the containers that hold runs.
    fn inline(&mut self, node: Node<'a, 'i>, para: &mut Para, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for c in node.children().filter(Node::is_element) {
            if is_mc(c) {
                if let Some(branch) = alternate(c) {
                    self.inline(branch, para, depth + 1);
                }
                continue;
            }
            if c.tag_name().name() == "t" && is_math(c) {
                if self.keeps_text() {
                    para.text.push_str(&clean(c.text().unwrap_or("")));
                }
                continue;
            }
            match local(c) {
                "r" => self.run(c, para, depth + 1),
                "pPr" | "rPr" | "del" | "moveFrom" | "sdtPr" | "sdtEndPr" | "customXmlPr"
                | "rt" => {}
                "fldSimple" => {
                    let toc = attr(c, "instr").is_some_and(is_toc);
                    if !toc {
                        self.inline(c, para, depth + 1);
                    }
                }
                "sdt" => {
                    if let Some(content) = sdt_content(c) {
                        self.inline(content, para, depth + 1);
                    }
                }
                _ => self.inline(c, para, depth + 1),
            }
        }
    }

    fn run(&mut self, r: Node<'a, 'i>, para: &mut Para, depth: usize) {
        let rpr = child(r, "rPr");
        let hidden = rpr.is_some_and(|p| xml::on(p, "vanish"));
        let start = para.text.len();
        for c in r.children().filter(Node::is_element) {
            if is_mc(c) {
                if let Some(branch) = alternate(c) {
                    self.run(branch, para, depth + 1);
                }
                continue;
            }
            let keep = self.keeps_text() && !hidden;
            match local(c) {
                "t" if keep => para.text.push_str(&clean(c.text().unwrap_or(""))),
                "tab" | "ptab" if keep => para.text.push(' '),
                "br" | "cr" if keep => para.text.push(BREAK),
                "noBreakHyphen" if keep => para.text.push('-'),
                "sym" if keep => {
                    let ch = attr(c, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|ch| !('\u{E000}'..='\u{F8FF}').contains(ch));
                    para.text.extend(ch);
                }
                "fldChar" => self.field_char(c),
                "instrText" => {
                    if let Some(f) = self.fields.last_mut() {
                        if f.code.len() < 256 {
                            f.code.push_str(c.text().unwrap_or(""));
                        }
                    }
                }
                "drawing" | "pict" | "object" => {
                    if keep {
                        // The alt text stays in the paragraph (the notes read it); the
                        // picture itself is shown on the slide.
                        let alt = c
                            .descendants()
                            .find(|d| d.tag_name().name() == "docPr")
                            .and_then(|d| d.attribute("descr"))
                            .map(clean)
                            .unwrap_or_default();
                        para.text.push_str(&alt);
                        if let Some(rel_id) = picture_rel(c) {
                            para.pictures.push(Picture {
                                rel_id: rel_id.to_string(),
                                alt: alt.trim().to_string(),
                            });
                        }
                    }
                    // Only the outermost boxes: a box inside a box is read with it.
                    let outermost = |d: &Node| {
                        xml::is(*d, "txbxContent")
                            && !d
                                .ancestors()
                                .skip(1)
                                .take_while(|a| *a != c)
                                .any(|a| xml::is(a, "txbxContent"))
                    };
                    self.boxes.extend(c.descendants().filter(outermost));
                }
                "ruby" => {
                    if let Some(base) = child(c, "rubyBase") {
                        self.inline(base, para, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if !para.sized && para.text.len() > start {
            para.sized = true;
            para.size = rpr.and_then(|p| num(p, "sz"));
        }
    }

    fn field_char(&mut self, c: Node) {
        match attr(c, "fldCharType") {
            Some("begin") => self.fields.push(Field {
                in_code: true,
                ..Field::default()
            }),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_code = false;
                    f.toc = is_toc(&f.code);
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }
}

fn local<'a>(n: Node<'a, '_>) -> &'a str {
    match n.tag_name().namespace() {
        Some(xml::W | xml::W_STRICT) => n.tag_name().name(),
        _ => "",
    }
}

/// The relationship of the picture a `w:drawing` or `w:pict` shows: `a:blip/@r:embed`
/// (DrawingML) or `v:imagedata/@r:id` (VML). Pictures inside a text box are the box's.
fn picture_rel<'a>(c: Node<'a, '_>) -> Option<&'a str> {
    let in_box = |d: &Node| {
        d.ancestors()
            .take_while(|a| *a != c)
            .any(|a| xml::is(a, "txbxContent"))
    };
    c.descendants()
        .filter(|d| !in_box(d))
        .find_map(|d| match d.tag_name().name() {
            "blip" => rel_attr(d, "embed"),
            "imagedata" => rel_attr(d, "id"),
            _ => None,
        })
}

fn rel_attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == name && matches!(a.namespace(), Some(R | R_STRICT)))
        .map(|a| a.value())
        .filter(|v| !v.is_empty())
}

fn is_mc(n: Node) -> bool {
    n.tag_name().namespace() == Some(MC) && n.tag_name().name() == "AlternateContent"
}

fn is_math(n: Node) -> bool {
    n.tag_name()
        .namespace()
        .is_some_and(|ns| ns.ends_with("/math"))
}

/// The branch of `mc:AlternateContent` to read: the Fallback (what every reader
/// understands), else the first Choice.
fn alternate<'a, 'i>(n: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    let branch = |name: &str| {
        n.children()
            .find(|c| c.tag_name().namespace() == Some(MC) && c.tag_name().name() == name)
    };
    branch("Fallback").or_else(|| branch("Choice"))
}

/// The content of a content control, unless it only shows its placeholder prompt or
/// is a generated table of contents.
fn sdt_content<'a, 'i>(sdt: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    if let Some(pr) = child(sdt, "sdtPr") {
        if child(pr, "showingPlcHdr").is_some() {
            return None;
        }
        let gallery = pr
            .descendants()
            .find(|d| xml::is(*d, "docPartGallery"))
            .and_then(|d| attr(d, "val"));
        if gallery.is_some_and(|g| g.eq_ignore_ascii_case("Table of Contents")) {
            return None;
        }
    }
    child(sdt, "sdtContent")
}

fn is_toc(code: &str) -> bool {
    code.trim_start().to_ascii_uppercase().starts_with("TOC")
}

/// Text from XML: line ends and tabs become spaces (one paragraph stays one line),
/// other control characters go.
fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A line break inside a paragraph joins its two sides: with a space between Latin
/// words or numbers, with nothing between Chinese characters.
fn resolve_breaks(text: &str) -> String {
    if !text.contains(BREAK) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != BREAK {
            out.push(c);
            continue;
        }
        let before = chars[..i].iter().rev().find(|&&c| c != BREAK);
        let after = chars[i + 1..].iter().find(|&&c| c != BREAK);
        let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(before) && latin(after) && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(body: &str) -> Vec<String> {
        let xml = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        );
        let doc = xml::parse(&xml).unwrap();
        read(&doc).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn joins_runs_tabs_and_breaks() {
        assert_eq!(
            paras(
                r#"<w:p><w:r><w:t>学深</w:t></w:r><w:r><w:t xml:space="preserve">悟透</w:t><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t><w:br/><w:t>新</w:t></w:r></w:p>"#
            ),
            ["学深悟透 A B新"]
        );
    }

    #[test]
    fn accepts_tracked_changes_and_drops_field_codes() {
        let body = r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>
            <w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>
            <w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:fldSimple w:instr="DATE"><w:r><w:t>今天</w:t></w:r></w:fldSimple></w:p>"#;
        assert_eq!(paras(body), ["保留插入移来3今天"]);
    }

    #[test]
    fn content_controls_alternate_content_and_tables() {
        let body = r#"<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>选</w:t></mc:Choice><mc:Fallback><w:t>备</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        assert_eq!(paras(body), ["控件", "", "备", "甲", "乙"]);
    }

    #[test]
    fn table_of_contents_and_hidden_text_are_left_out() {
        let body = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、目录项 3</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"#;
        assert_eq!(paras(body), ["", "正文"]);
    }

    #[test]
    fn deep_nesting_is_cut_off_not_followed() {
        let deep = "<w:customXml>".repeat(5000) + &"</w:customXml>".repeat(5000);
        assert_eq!(paras(&deep), Vec::<String>::new());
    }
}
