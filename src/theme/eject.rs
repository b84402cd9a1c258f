//! `lectern theme new DIR --from NAME`: a theme written out as one self-contained folder
//! (its whole chain flattened) for a department to edit.

use super::Theme;

/// The files of `theme`, flattened, as `(path in the folder, bytes)`; `name` is the new
/// theme's name.
pub fn eject(theme: &Theme, name: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(
        "theme.toml".to_string(),
        toml_text(theme, name).into_bytes(),
    )];
    if !theme.css.is_empty() {
        out.push(("style.css".into(), theme.css.clone().into_bytes()));
    }
    for (file, source) in &theme.templates {
        out.push((format!("templates/{file}"), source.clone().into_bytes()));
    }
    for asset in [&theme.logo, &theme.background].into_iter().flatten() {
        out.push((asset.file.clone(), asset.bytes.to_vec()));
    }
    if let Some(font) = &theme.embed_font {
        out.push((font.file.clone(), font.bytes.to_vec()));
    }
    if let Some(t) = &theme.template {
        out.push((t.file.clone(), t.bytes.to_vec()));
    }
    out
}

/// A TOML string, quoted and escaped.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", items.join(", "))
}

const COLOUR_NOTES: [&str; 7] = [
    "主色：顶部色带、序号徽标、关键词边框、标题页和篇章页的底色",
    "点缀色：色带下的细线、红底上的标题字",
    "普通页的底色",
    "正文文字",
    "普通页的标题",
    "主色上的文字（色带里的层级导航、徽标里的序号）",
    "页脚等次要文字",
];

fn toml_text(t: &Theme, name: &str) -> String {
    let mut s = String::new();
    let from = t.chain.first().map_or("", String::as_str);
    s += &format!(
        "# lectern 主题，由 `lectern theme new` 从内置主题 {from} 导出。改动后用\n\
         # `lectern theme check 本文件夹` 检查，用 `lectern build 讲稿.txt --theme 本文件夹` 使用。\n\
         # style.css 和 templates/ 里的文件也都可以修改。\n\n"
    );
    s += &format!("name = {}\n", q(name));
    s += &format!("description = {}\n", q(&t.description));
    s += "# extends = \"red\"   # 继承一个内置主题：本文件夹只需写要改的部分\n";
    s += &format!("closing = {}   # 结束页的大字\n\n", q(&t.closing_text));
    s += "[colours]   # 颜色一律写成 \"#rrggbb\"\n";
    for ((key, value), note) in t.colours.iter().zip(COLOUR_NOTES) {
        s += &format!("{key} = {}   # {note}\n", q(value));
    }
    s += "\n[fonts]   # 字体按顺序取第一个电脑上有的\n";
    s += &format!("title = {}\n", list(&t.title_fonts));
    s += &format!("body = {}\n", list(&t.body_fonts));
    let (embed, embed_for) = match &t.embed_font {
        Some(f) => (
            f.file.clone(),
            match (f.for_titles, f.for_body) {
                (true, false) => "title",
                (false, true) => "body",
                _ => "all",
            },
        ),
        None => (String::new(), "all"),
    };
    s += &format!(
        "embed = {}   # 嵌入的字体文件（.ttf/.otf/.ttc），只嵌入讲稿用到的字，例如 \"fonts/FZXBSJW.ttf\"\n",
        q(&embed)
    );
    s += &format!(
        "embed_for = {}   # \"title\"、\"body\" 或 \"all\"\n",
        q(embed_for)
    );
    s += "\n[brand]\n";
    s += &format!(
        "organisation = {}   # 单位名称，显示在页脚和标题页\n",
        q(t.organisation.as_deref().unwrap_or(""))
    );
    s += &format!(
        "footer = {}   # 页脚文字；空着则显示单位名称和日期\n",
        q(t.footer.as_deref().unwrap_or(""))
    );
    s += &format!(
        "logo = {}   # 本文件夹里的标志图片（PNG、JPEG、SVG），例如 \"logo.png\"；空着则不显示\n",
        q(t.logo.as_ref().map_or("", |a| a.file.as_str()))
    );
    s += &format!(
        "background = {}   # 普通页的背景图片；空着则为纯色\n",
        q(t.background.as_ref().map_or("", |a| a.file.as_str()))
    );
    let l = &t.layout;
    s += "\n[layout]\n";
    s += &format!(
        "aspect = {}   # \"16:9\" 或 \"4:3\"\n",
        q(l.aspect.as_str())
    );
    s += &format!("show_page_number = {}\n", l.show_page_number);
    s += &format!("show_progress = {}\n", l.show_progress);
    s += &format!("show_footer = {}\n", l.show_footer);
    s += &format!("show_logo = {}\n", l.show_logo);
    s += &format!("show_breadcrumb = {}\n", l.show_breadcrumb);
    if let Some(t) = &t.template {
        s += &format!(
            "\n[template]\nfile = {}   # .pptx 幻灯片用这个 PowerPoint 模板的母版和版式\n",
            q(&t.file)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{MemoryFiles, Registry};

    #[test]
    fn an_ejected_theme_loads_back_the_same() {
        for name in crate::theme::builtin_names() {
            let theme = Theme::builtin(&name).unwrap();
            let mut files = MemoryFiles::new("dept");
            for (path, bytes) in eject(&theme, "dept") {
                files = files.with(path, bytes);
            }
            let back = Registry::new().load_from(&files).unwrap();
            assert_eq!(back.name, "dept");
            assert_eq!(back.colours, theme.colours, "{name}");
            assert_eq!(back.title_fonts, theme.title_fonts);
            assert_eq!(back.layout, theme.layout);
            assert_eq!(back.templates, theme.templates);
            assert_eq!(back.css, theme.css);
            assert_eq!(back.closing_text, theme.closing_text);
        }
    }
}
