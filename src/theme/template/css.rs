//! The imported theme's `style.css`: the template's backgrounds, pictures and bands as
//! background layers of the slides, and its title and body placeholders as the regions
//! the headings and text sit in. Pictures go in as data URIs (a deck loads nothing).

use std::fmt::Write as _;

use super::drawing::Fill;
use super::read::{Background, Deco, Sheet, Template};

/// Slides on the template's title layout; the others are on its content layout.
const FIELD: &str = ".reveal .slides>section[data-kind=title],.reveal .slides>section[data-kind=part],.reveal .slides>section[data-kind=closing]";
const PAGE: &str =
    ".reveal .slides>section:not([data-kind=title]):not([data-kind=part]):not([data-kind=closing])";

fn fill_layer(fill: &Fill) -> Option<String> {
    match fill {
        Fill::Solid(c) => Some(format!("linear-gradient(#{c},#{c})")),
        Fill::Gradient {
            angle,
            radial,
            stops,
        } => {
            let stops: Vec<String> = stops
                .iter()
                .map(|(pos, c)| format!("#{c} {pos:.0}%"))
                .collect();
            Some(if *radial {
                format!("radial-gradient(circle,{})", stops.join(","))
            } else {
                format!("linear-gradient({angle:.0}deg,{})", stops.join(","))
            })
        }
        Fill::Picture(_) => None,
    }
}

/// The background declarations of a slide on `sheet` (over `master`).
fn background(
    t: &Template,
    sheet: Option<&Sheet>,
    on_top: &[Deco],
    uri: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut layers: Vec<(String, String)> = Vec::new(); // (image, position/size), bottom first
    let on_master = sheet.is_none_or(|s| s.shows_master);
    let mut decos: Vec<&Deco> = Vec::new();
    if on_master {
        decos.extend(&t.master.decos);
    }
    if let Some(s) = sheet {
        decos.extend(&s.decos);
    }
    decos.extend(on_top);
    for d in decos {
        let (image, at) = match d {
            Deco::Picture { part, at } => match uri(part) {
                Some(u) => (format!("url({u})"), at),
                None => continue,
            },
            Deco::Rect { fill, at } => match fill_layer(fill) {
                Some(l) => (l, at),
                None => continue,
            },
        };
        layers.push((
            image,
            format!(
                "{:.0}px {:.0}px/{:.0}px {:.0}px",
                at.x,
                at.y,
                at.w.max(1.0),
                at.h.max(1.0)
            ),
        ));
    }
    let own = sheet.and_then(|s| s.background.as_ref());
    let mut colour = String::from("var(--background)");
    match own.or(t.master.background.as_ref()) {
        Some(Background::Fill(Fill::Solid(c))) => colour = format!("#{c}"),
        Some(Background::Fill(f)) => {
            if let Some(l) = fill_layer(f) {
                layers.insert(0, (l, "0 0/100% 100%".into()));
            }
        }
        Some(Background::Picture(part)) => {
            if let Some(u) = uri(part) {
                layers.insert(0, (format!("url({u})"), "center/cover".into()));
            }
        }
        None => {}
    }
    layers.reverse(); // CSS lists the topmost layer first
    if layers.is_empty() {
        return format!("background:{colour}");
    }
    let mut images = Vec::new();
    let mut positions = Vec::new();
    let mut sizes = Vec::new();
    for (image, place) in &layers {
        let (pos, size) = place.split_once('/').unwrap_or((place, "auto"));
        images.push(image.as_str());
        positions.push(if pos == "center" { "50% 50%" } else { pos });
        sizes.push(size);
    }
    format!(
        "background-color:{colour};background-image:{};background-position:{};background-size:{};background-repeat:no-repeat",
        images.join(","),
        positions.join(","),
        sizes.join(",")
    )
}

/// PowerPoint keeps text a tenth of an inch inside its box: about 1 % of the width.
fn padding(r_top: f32, right: f32, bottom: f32, left: f32, w: f32) -> String {
    let (inset, right, left) = (w * 0.01, right + w * 0.01, left + w * 0.01);
    let r_top = r_top + inset / 2.0;
    format!(
        "padding:{:.0}px {:.0}px {:.0}px {:.0}px",
        r_top.max(0.0),
        right.max(0.0),
        bottom.max(0.0),
        left.max(0.0)
    )
}

/// Whether two regions leave a usable area for text (not a zero-size or inverted box).
fn usable(t: &Template, top: f32, bottom: f32, left: f32, right: f32) -> bool {
    let (w, h) = t.canvas;
    w - left - right > w * 0.4 && h - top - bottom > h * 0.3
}

pub fn style_css(t: &Template, source: &str, uri: &dyn Fn(&str) -> Option<String>) -> String {
    let (w, h) = t.canvas;
    let mut css = String::new();
    let _ = writeln!(
        css,
        "/* Made by `lectern theme import` from {source}: its backgrounds, pictures and bands, and\n   the places of its title and body placeholders on the {w:.0}×{h:.0} canvas. Import again after changing the template. */"
    );
    css.push_str(".reveal nav.crumbs,.reveal .band{display:none}\n");
    css.push_str(".reveal h3::after,.reveal section[data-kind=outline] h2::after{display:none}\n");
    let title_px = t.title_size.map_or(68.0, |s| s.clamp(44.0, 88.0));
    let body_px = t.body_size.map_or(40.0, |s| s.clamp(28.0, 48.0));

    let _ = writeln!(
        css,
        ".reveal h2,.reveal h3{{font-size:{title_px:.0}px}}\n.reveal section[data-kind=outline] h2{{letter-spacing:.1em}}"
    );
    // content slides: the content layout's title and body placeholders
    let title = t.region(t.content.as_ref(), &["title"]);
    let body = t.region(t.content.as_ref(), &["body", "obj"]);
    let filled = |sheet: Option<&Sheet>, types: &[&str], at: Option<super::read::Region>| {
        let fill = t.ph_fill(sheet, types)?;
        Some(Deco::Rect { fill, at: at? })
    };
    let on_top: Vec<Deco> = filled(t.content.as_ref(), &["title"], title)
        .into_iter()
        .chain(filled(t.content.as_ref(), &["body", "obj"], body))
        .collect();
    let mut rule = background(t, t.content.as_ref(), &on_top, uri);
    if let (Some(ti), Some(b)) = (title, body) {
        let top = ti.y;
        let left = ti.x.min(b.x);
        let right = w - (ti.x + ti.w).max(b.x + b.w);
        let bottom = h - (b.y + b.h).max(ti.y + ti.h);
        if usable(t, top, bottom, left, right) {
            let _ = write!(rule, ";{}", padding(top, right, bottom, left, w));
            let gap = (b.y - (ti.y + ti.h)).max(16.0);
            // a title on a band of its own fill keeps the template's colour and fits the band
            if t.ph_fill(t.content.as_ref(), &["title"]).is_some() {
                let colour = t
                    .title_colour
                    .as_deref()
                    .map_or("var(--heading)".into(), |c| format!("#{c}"));
                let size = (ti.h * 0.45).max(36.0);
                let _ = writeln!(
                    css,
                    "{PAGE} .slide-body>h2,{PAGE} .slide-body>h3{{color:{colour};font-size:{size:.0}px}}"
                );
            }
            let _ = writeln!(
                css,
                "{PAGE} .slide-body>:first-child{{margin-top:0}}\n{PAGE} .slide-body>h2,{PAGE} .slide-body>h3{{min-height:{:.0}px;display:flex;flex-wrap:wrap;align-items:center}}\n{PAGE} .slide-body>h2+*,{PAGE} .slide-body>h3+*{{margin-top:{gap:.0}px}}",
                ti.h.min(h * 0.3)
            );
        }
    }
    let _ = writeln!(css, "{PAGE}{{{rule};font-size:{body_px:.0}px}}");

    // title, part and closing slides: the title layout's background and title region
    let sheet = t.title.as_ref();
    let ti = t.region(sheet, &["ctrTitle", "title"]);
    let sub = t.region(sheet, &["subTitle", "body", "obj"]);
    let on_top: Vec<Deco> = filled(sheet, &["ctrTitle", "title"], ti)
        .into_iter()
        .chain(filled(sheet, &["subTitle", "body", "obj"], sub))
        .collect();
    let mut rule = background(t, sheet, &on_top, uri);
    if let Some(ti) = ti {
        let lower = sub
            .filter(|s| s.y > ti.y)
            .map_or(ti.y + ti.h, |s| s.y + s.h);
        let (top, bottom, left, right) = (ti.y, h - lower, ti.x, w - (ti.x + ti.w));
        if usable(t, top, bottom, left, right) {
            let _ = write!(rule, ";{}", padding(top, right, bottom, left, w));
        }
    }
    let heading = sheet
        .and_then(|s| s.title_colour.clone())
        .or_else(|| t.title_colour.clone())
        .map_or("var(--heading)".to_string(), |c| format!("#{c}"));
    let size = sheet
        .and_then(|s| s.title_size)
        .or(t.title_size)
        .map_or(80.0, |s| s.clamp(56.0, 100.0));
    let _ = writeln!(css, "{FIELD}{{{rule};color:var(--text)}}");
    let _ = writeln!(
        css,
        ".reveal section[data-kind=title]::before,.reveal section[data-kind=part]::before,.reveal section[data-kind=closing]::before{{display:none}}\n\
         .reveal section[data-kind=title] h1,.reveal section[data-kind=part] h2,.reveal section[data-kind=closing] h2{{color:{heading}}}\n\
         .reveal section[data-kind=title] h1{{font-size:{size:.0}px}}\n\
         .reveal .kicker,.reveal section[data-kind=part] .part-of{{color:var(--primary)}}\n\
         .reveal .kicker::before,.reveal .kicker::after{{background:var(--primary)}}\n\
         .reveal section[data-kind=part] .ordinal{{border-color:var(--primary);color:var(--primary)}}\n\
         .reveal section[data-kind=part] .items li::before{{background:var(--primary)}}\n\
         .reveal section[data-kind=part] .chips li{{border-color:var(--primary);color:var(--primary)}}\n\
         .reveal section[data-kind=title] .slide-footer,.reveal section[data-kind=closing] .slide-footer{{color:var(--muted)}}"
    );
    css
}
