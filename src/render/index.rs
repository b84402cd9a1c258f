//! The page a folder build writes beside its decks: one row per lecture with its title,
//! date, speaker, slides and minutes, linking to the deck; a lecture that failed is
//! listed with why. Self-contained like the decks: no script, no request.

use crate::markup::escape;

/// One lecture of the folder.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The lecture's file name, as the folder lists it.
    pub lecture: String,
    /// The deck's address relative to the index; `None` when the build failed.
    pub href: Option<String>,
    pub title: String,
    pub date: Option<String>,
    pub speaker: Option<String>,
    pub slides: usize,
    pub seconds: u32,
    /// Why no deck was written.
    pub error: Option<String>,
}

/// The index page for `entries`, in order, under the heading `folder`.
pub fn index(folder: &str, entries: &[Entry]) -> String {
    let mut rows = String::new();
    for e in entries {
        let title = match &e.href {
            Some(href) => format!("<a href=\"{}\">{}</a>", escape(href), escape(&e.title)),
            None => escape(&e.title),
        };
        let cells = match &e.error {
            Some(why) => format!(
                "<td colspan=\"4\" class=\"failed\">没有生成：{}</td>",
                escape(why)
            ),
            None => format!(
                "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
                escape(e.date.as_deref().unwrap_or("")),
                escape(e.speaker.as_deref().unwrap_or("")),
                e.slides,
                e.seconds.div_ceil(60)
            ),
        };
        rows.push_str(&format!(
            "<tr><td>{title}<div class=\"file\">{}</div></td>{cells}</tr>\n",
            escape(&e.lecture)
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{folder} · 讲稿目录</title>\n<style>{STYLE}</style></head>\n<body><h1>{folder}</h1>\n\
<table><thead><tr><th>讲稿</th><th>日期</th><th>主讲</th><th>幻灯片</th><th>分钟</th></tr></thead>\n\
<tbody>\n{rows}</tbody></table>\n</body></html>\n",
        folder = escape(folder)
    )
}

const STYLE: &str = "body{font-family:\"Microsoft YaHei\",\"微软雅黑\",\"PingFang SC\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222;background:#fffdf8}\
h1{color:#b2001e;font-weight:600;border-bottom:3px solid #d4a537;padding-bottom:.3em}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.55em .7em;border-bottom:1px solid #e5dccb;vertical-align:top}\
th{color:#6b5a3a;font-weight:normal;font-size:.9em}td.n,th:nth-child(n+4){text-align:right}\
a{color:#b2001e;text-decoration:none;font-size:1.1em}a:hover{text-decoration:underline}\
.file{color:#888;font-size:.85em;margin-top:.2em}.failed{color:#a00}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_link_built_decks_and_say_why_others_failed() {
        let page = index(
            "讲稿<夹>",
            &[
                Entry {
                    lecture: "a.txt".into(),
                    href: Some("a.html".into()),
                    title: "标题甲".into(),
                    date: Some("2024年6月28日".into()),
                    slides: 17,
                    seconds: 61,
                    ..Entry::default()
                },
                Entry {
                    lecture: "bad.txt".into(),
                    title: "bad.txt".into(),
                    error: Some("讲稿是空的".into()),
                    ..Entry::default()
                },
            ],
        );
        assert!(page.contains("<a href=\"a.html\">标题甲</a>"), "{page}");
        assert!(page.contains("<td class=\"n\">17</td><td class=\"n\">2</td>"));
        assert!(page.contains("没有生成：讲稿是空的"));
        assert!(page.contains("讲稿&lt;夹&gt;") && !page.contains("<script"));
    }
}
