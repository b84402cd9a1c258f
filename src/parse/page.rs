//! Web-page copies: what a browser's select-all brings along with a lecture. Toolbars,
//! breadcrumbs, share, print and link lists are chrome (dropped, and listed); the
//! page's 来源/时间/作者 lines and its publication time are metadata (set apart with the
//! title block). One table each, so a new site's toolbar is one more entry.

use crate::input::source::Span;
use crate::numbering::block_marker;
use crate::tree::{Lecture, Role};

use super::item::Item;
use super::title::{is_date, is_subtitle};
use super::{is_salutation, is_source_note};

/// Whole lines that are a page's buttons and separators.
const CHROME_LINES: [&str; 35] = [
    "下载",
    "打印",
    "全屏",
    "收藏",
    "加大",
    "还原",
    "减小",
    "默认",
    "【",
    "】",
    "[",
    "]",
    ">",
    "›",
    "»",
    "|",
    "×",
    "首页",
    "分享",
    "分享:",
    "分享：",
    "分享到",
    "分享到:",
    "分享到：",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "【打印正文】",
    "[打印正文]",
    "【关闭窗口】",
    "[关闭窗口]",
    "打印正文",
    "阅读量：",
    "阅读量:",
];

/// Line openings of page chrome.
const CHROME_PREFIXES: [&str; 22] = [
    "【字号",
    "【字体",
    "[字号",
    "[字体",
    "字号：",
    "字体：",
    "分享到",
    "扫一扫",
    "上一篇",
    "下一篇",
    "当前位置",
    "您的位置",
    "您当前的位置",
    "相关链接",
    "相关附件",
    "相关报道",
    "相关文档",
    "相关新闻",
    "责任编辑",
    "编辑：",
    "》》",
    "浏览次数",
];

/// Tail lines after which the rest of a page is chrome (link lists, the page's own
/// description), whatever it says.
const TAIL_TRIGGERS: [&str; 16] = [
    "相关链接",
    "相关附件",
    "相关报道",
    "相关文档",
    "相关新闻",
    "扫一扫",
    "责任编辑",
    "编辑：",
    "》》",
    "打印本页",
    "关闭窗口",
    "上一篇",
    "【打印正文】",
    "[打印正文]",
    "【关闭窗口】",
    "打印正文",
];

/// Labels of metadata lines; the value may stand on the next line (`来源：⏎四川日报`).
const METADATA_LABELS: [&str; 10] = [
    "来源",
    "时间",
    "发布时间",
    "发表时间",
    "发布日期",
    "日期",
    "作者",
    "文章来源",
    "信息来源",
    "稿源",
];

/// Whether `line` is page chrome on its own (see [`chrome_runs`] for lines that are
/// chrome by their neighbours).
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    CHROME_LINES.contains(&t)
        || CHROME_PREFIXES.iter().any(|p| t.starts_with(p))
        || (t.starts_with("首页") && t.contains(['>', '›', '»']))
}

/// Whether the rest of the page from `line` on is chrome.
pub fn is_tail_trigger(line: &str) -> bool {
    let t = line.trim();
    TAIL_TRIGGERS.iter().any(|p| t.starts_with(p))
}

/// What a metadata line is: a label with its value, or a label alone (its value follows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metadata {
    Line,
    Label,
}

/// `来源：新华日报`, `时间：`, `2026-02-09 09:45:30`, `2026年02月10日 07时41分`.
pub fn metadata(line: &str) -> Option<Metadata> {
    let t = line.trim();
    for label in METADATA_LABELS {
        if let Some(rest) = t.strip_prefix(label) {
            if let Some(value) = rest.strip_prefix(['：', ':']) {
                return Some(if value.trim().is_empty() {
                    Metadata::Label
                } else {
                    Metadata::Line
                });
            }
        }
    }
    is_timestamp(t).then_some(Metadata::Line)
}

/// A publication time: a date followed by a clock time.
fn is_timestamp(t: &str) -> bool {
    let Some((date, time)) = t.split_once([' ', '\u{3000}']) else {
        return false;
    };
    let digits = |s: &str, extra: &str| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || extra.contains(c))
    };
    digits(date.trim(), "-/.年月日") && digits(time.trim(), ":：时分秒")
}

/// A photo caption: `…本报记者 朱江 摄`, `图为…`.
pub fn is_caption(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("图为") || (t.ends_with('摄') && t.chars().count() <= 80) || t.ends_with("摄）")
}

/// A repost or editor's note above the title: `现摘录……`, `转载……`, `编者按：……`.
pub fn is_repost_note(line: &str) -> bool {
    let t = line.trim_start_matches(['【', '[']).trim();
    [
        "现摘录",
        "摘录",
        "转载",
        "转发",
        "编者按",
        "编者的话",
        "按语",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Which of `lines` (the head of a text, before its salutation or first heading) are
/// chrome: chrome lines, the lines of a `【字号：…】` box, the pieces of a breadcrumb
/// written one a line (`首页⏎>⏎新闻中心`), and a line that repeats the chrome line before it.
pub fn chrome_in_head(lines: &[&str]) -> Vec<bool> {
    let mut out: Vec<bool> = lines.iter().map(|l| is_chrome(l)).collect();
    let mut in_box = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("【字") || t.starts_with("[字") {
            in_box = !t.ends_with('】') && !t.ends_with(']');
            out[i] = true;
            continue;
        }
        if in_box {
            out[i] = true;
            in_box = !(t.ends_with('】') || t.ends_with(']'));
            continue;
        }
        let sep = |j: usize| {
            lines
                .get(j)
                .is_some_and(|l| matches!(l.trim(), ">" | "›" | "»"))
        };
        if sep(i + 1) || (i > 0 && sep(i - 1)) {
            out[i] = true;
        }
        if i > 0 && out[i - 1] && lines[i - 1].trim() == t {
            out[i] = true;
        }
        // 当前位置：首页 > 新闻中心> 校长专栏⏎校长专栏: the column's name under its crumb
        if i > 0 && out[i - 1] && !t.is_empty() && is_crumb_tail(lines[i - 1], t) {
            out[i] = true;
        }
        // 当前位置：⏎首页: the page's place line and what follows up to the breadcrumb
        if i > 0 && out[i - 1] && t == "首页" {
            out[i] = true;
        }
    }
    out
}

/// Whether `line` is the last piece of the breadcrumb `crumb` (`首页 > 新闻中心> 校长专栏`).
fn is_crumb_tail(crumb: &str, line: &str) -> bool {
    crumb
        .rsplit(['>', '›', '»'])
        .next()
        .is_some_and(|last| crumb.contains(['>', '›', '»']) && last.trim() == line)
}

// ---- Cleaning a page's items: chrome dropped, metadata set apart, the title found.

/// How far into a text its head (page chrome, metadata, title block) may reach.
const HEAD_MAX: usize = 40;
/// How far from the end a page's tail (link lists, share and print bars) may start.
const TAIL_MAX: usize = 40;

/// A bracket the page broke from its marker (`（` on a line, `三）改革开放…` on the next)
/// goes back before it, so the marker is read.
pub(super) fn join_broken_markers(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::Text(open)), Item::Text(t)) = (out.last_mut(), &item) {
            let lone = open.role == Role::Prose && matches!(open.text.trim(), "（" | "(");
            let joined = format!("{}{}", open.text.trim(), t.text);
            if lone && t.role == Role::Prose && block_marker(&joined).is_some() {
                open.text = joined;
                open.span = Span::new(open.span.start, t.span.end);
                open.rich = None;
                continue;
            }
            // a numeral alone on its line over the heading's text (`十二` / `划清两种
            //界限`): one heading, numbered with a space
            let numeral = open.text.trim();
            let bare = open.role == Role::Prose
                && crate::numbering::chinese_number(numeral)
                    .is_some_and(|(o, n)| o > 0 && n == numeral.len());
            let spaced = format!("{numeral} {}", t.text.trim());
            if bare && t.role == Role::Prose && super::item::paragraph_marker(&t.text).is_none() {
                if let Some(found) = crate::numbering::spaced_heading(&spaced) {
                    if found.marker.text == numeral {
                        open.text = spaced;
                        open.span = Span::new(open.span.start, t.span.end);
                        open.rich = None;
                        continue;
                    }
                }
            }
        }
        out.push(item);
    }
    out
}

/// A line that can be a title: short, and not a sentence of the lecture.
pub(super) fn title_like(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 50
        && !t.ends_with(['。', '！', '？', '!', '?', '；'])
        && !is_caption(t)
        && !is_repost_note(t)
}

/// Sets a web page's chrome apart (toolbars, breadcrumbs and font-size boxes above the
/// text, link lists and share/print bars below it) as `dropped`, and its metadata
/// (来源, 时间, the publication time, a headline that repeats the title) with the title
/// block. Returns the rest and how many lines the title takes when a subtitle anchors
/// it (0: the first line decides as before).
pub(super) fn clean_page(items: Vec<Item>, lecture: &mut Lecture) -> (Vec<Item>, usize) {
    let n = items.len();
    let head_end = items
        .iter()
        .take(HEAD_MAX)
        .position(|i| {
            i.is_heading()
                || i.prose()
                    .is_some_and(|t| is_salutation(&t.text) || t.text.chars().count() > 80)
        })
        .unwrap_or(n.min(HEAD_MAX));
    let tail_from = (head_end.max(n.saturating_sub(TAIL_MAX))..n)
        .find(|&i| items[i].prose().is_some_and(|t| is_tail_trigger(&t.text)))
        .unwrap_or(n);

    let head_lines: Vec<&str> = items[..head_end]
        .iter()
        .map(|i| i.prose().map_or("", |t| t.text.as_str()))
        .collect();
    let chrome = chrome_in_head(&head_lines);
    let mut kept: Vec<Item> = Vec::with_capacity(n);
    let mut value_next = false;
    let mut head_kept = 0;
    // how many kept head lines stood above the last metadata line
    let mut meta_at = None;
    for (i, item) in items.into_iter().enumerate() {
        let prose = item.prose().is_some();
        if i < head_end && prose && chrome[i] {
            lecture.dropped.push(item.text().clone());
            value_next = false;
            continue;
        }
        if i >= tail_from && !item.prose().is_some_and(|t| is_source_note(&t.text)) {
            lecture.dropped.push(item.text().clone());
            continue;
        }
        // the document's provenance with its date: the source note
        if i < head_end && prose && super::front::source_with_date(&item.text().text) {
            lecture.source_note.push(item.text().clone());
            meta_at = Some(head_kept);
            value_next = false;
            continue;
        }
        if i < head_end && prose {
            let meta = metadata(&item.text().text);
            if meta.is_some() || value_next {
                value_next = meta == Some(Metadata::Label);
                meta_at = Some(head_kept);
                lecture.meta.lines.push(item.text().clone());
                continue;
            }
        }
        if i < head_end {
            head_kept += 1;
        }
        kept.push(item);
    }

    // The title stands right above the last subtitle of the head; what stands before it
    // (the page's headline, a share box repeating title and subtitle, a repost note) is
    // metadata, pictures and captions aside.
    let head = &kept[..head_kept];
    let Some(sub) = head
        .iter()
        .rposition(|i| i.prose().is_some_and(|t| is_subtitle(&t.text)))
    else {
        // A page's headline, its property line (文章来源：… 发布时间：…), then the
        // document's own title: the title is the first line after the property line.
        // (an editor's note there — 现摘录…，希认真学习！ — stands with the title block)
        let after_notes = meta_at.map(|k| {
            k + kept[k..head_kept]
                .iter()
                .take_while(|i| i.prose().is_some_and(|t| is_repost_note(&t.text)))
                .count()
        });
        return match after_notes.filter(|&k| k > 0 && k < head_kept && opens_document(&kept[k])) {
            Some(k) => (set_aside_before(kept, k, lecture), 1),
            None => (set_notes_apart(kept, lecture), 0),
        };
    };
    let candidate = |i: &Item| {
        i.prose()
            .is_some_and(|t| title_like(&t.text) && !is_subtitle(&t.text))
    };
    if sub == 0 || !candidate(&head[sub - 1]) {
        return (set_notes_apart(kept, lecture), 0);
    }
    let mut first = sub - 1;
    while first > 0
        && sub - first < 3
        && candidate(&head[first - 1])
        && head[first - 1].text().line + 1 == head[first].text().line
        && !head[first - 1]
            .text()
            .text
            .contains(head[first].text().text.as_str())
    {
        first -= 1;
    }
    (set_aside_before(kept, first, lecture), sub - first)
}

/// Sets the lines before the title at `first` with the title block's lines (the page's
/// headline, a share box, a repost note); pictures and captions stay.
fn set_aside_before(kept: Vec<Item>, first: usize, lecture: &mut Lecture) -> Vec<Item> {
    let mut out = Vec::with_capacity(kept.len());
    for (i, item) in kept.into_iter().enumerate() {
        let aside = i < first && item.prose().is_some_and(|t| !is_caption(&t.text));
        if aside {
            lecture.meta.lines.push(item.text().clone());
        } else {
            out.push(item);
        }
    }
    out
}

/// Whether a line after a page's property line is the document's title: title-like,
/// and not a date or a name (which would follow a title the page put above).
fn opens_document(item: &Item) -> bool {
    item.prose().is_some_and(|t| {
        title_like(&t.text) && !is_subtitle(&t.text) && !is_date(&t.text) && !name_like(&t.text)
    })
}

/// A name, or a post and a name (`王 琛`, `省长 罗东川`): at most four characters once
/// spaces are gone, or after the post's space.
pub(super) fn name_like(line: &str) -> bool {
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let t = line.trim();
    bare(t) <= 4
        || t.split_once([' ', '\u{3000}'])
            .is_some_and(|(_, name)| bare(name) <= 4 && bare(t) <= 24)
}

/// Repost and editor's notes above the title are not the title: they stand with the
/// title block's lines. Captions stay where they are (the opening).
fn set_notes_apart(items: Vec<Item>, lecture: &mut Lecture) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut seen_title = false;
    for item in items {
        if !seen_title {
            match item.prose() {
                Some(t) if is_repost_note(&t.text) => {
                    lecture.meta.lines.push(t.clone());
                    continue;
                }
                Some(t) => seen_title = !is_caption(&t.text),
                None => seen_title = matches!(item, Item::Heading { .. }),
            }
        }
        out.push(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolbars_breadcrumbs_and_boxes_are_chrome() {
        let head = [
            "当前位置：",
            "首页",
            ">",
            "政务信息",
            ">",
            "宁夏要闻",
            "2026年宁夏回族自治区政府工作报告",
            "阅读量：",
            "【字体：",
            "小",
            "中",
            "大",
            "】",
            "政府工作报告",
        ];
        let chrome = chrome_in_head(&head);
        let kept: Vec<&str> = head
            .iter()
            .zip(&chrome)
            .filter(|(_, c)| !**c)
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(kept, ["2026年宁夏回族自治区政府工作报告", "政府工作报告"]);
        let school = [
            "当前位置：首页 > 新闻中心> 校长专栏",
            "校长专栏",
            "乘风破浪，逐梦扬帆——在2020学年第二学期开学典礼上的讲话",
            "校长专栏",
        ];
        assert_eq!(chrome_in_head(&school), [true, true, false, false]);
        assert!(is_chrome("【打印正文】") && is_tail_trigger("【打印正文】"));
        assert!(is_chrome("分享到:"));
        assert!(is_chrome("首页 > 新闻中心 > 要闻"));
        assert!(!is_chrome("首页工程要抓紧"));
        assert!(is_tail_trigger("扫一扫在手机打开当前页"));
    }

    #[test]
    fn metadata_lines_and_what_is_not() {
        assert_eq!(metadata("来源：新华日报"), Some(Metadata::Line));
        assert_eq!(metadata("来源:"), Some(Metadata::Label));
        assert_eq!(metadata("时间：2026-02-09"), Some(Metadata::Line));
        assert_eq!(metadata("2026-02-09 09:45:30"), Some(Metadata::Line));
        assert_eq!(metadata("2026年02月10日 07时41分"), Some(Metadata::Line));
        assert_eq!(metadata("来源于群众"), None);
        assert_eq!(metadata("2026年1月27日"), None);
        assert!(is_caption(
            "省长刘小涛代表省人民政府向大会作政府工作报告。本报记者 朱江 摄"
        ));
        assert!(!is_caption("政府工作报告"));
        assert!(is_repost_note(
            "现摘录习近平总书记《在……会议上的讲话》，希认真学习！"
        ));
    }
}
