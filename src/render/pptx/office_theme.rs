//! `ppt/theme/theme1.xml`: the lectern theme as an Office theme — its palette as the
//! colour scheme (so PowerPoint's colour picker offers it and the master's shapes follow
//! it), its title and body faces as the major and minor fonts, East Asian ones included.

use super::look::{Face, Look};
use super::text::colour_el;
use super::xml::Xml;

pub const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// The colour scheme: dk1 text, lt1 background, dk2 heading, lt2 on-primary, accent1
/// primary, accent2 accent, accent3 muted. The master maps bg1/tx1/bg2/tx2 onto them.
pub fn theme_xml(look: &Look, name: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "a:theme",
        &[("xmlns:a", NS_A), ("name", &format!("lectern {name}"))],
        |x| {
            x.el("a:themeElements", &[], |x| {
                x.el("a:clrScheme", &[("name", name)], |x| {
                    let slots = [
                        ("a:dk1", &look.text),
                        ("a:lt1", &look.background),
                        ("a:dk2", &look.heading),
                        ("a:lt2", &look.on_primary),
                        ("a:accent1", &look.primary),
                        ("a:accent2", &look.accent),
                        ("a:accent3", &look.muted),
                        ("a:accent4", &look.heading),
                        ("a:accent5", &look.text),
                        ("a:accent6", &look.muted),
                        ("a:hlink", &look.primary),
                        ("a:folHlink", &look.muted),
                    ];
                    for (tag, hex) in slots {
                        x.el(tag, &[], |x| colour_el(x, hex));
                    }
                });
                x.el("a:fontScheme", &[("name", name)], |x| {
                    font_set(x, "a:majorFont", look.title_face);
                    font_set(x, "a:minorFont", look.body_face);
                });
                x.raw(FORMAT_SCHEME);
            });
            x.empty("a:objectDefaults", &[]);
            x.empty("a:extraClrSchemeLst", &[]);
        },
    );
    x.finish()
}

fn font_set(x: &mut Xml, tag: &str, face: Face) {
    x.el(tag, &[], |x| {
        for t in ["a:latin", "a:ea", "a:cs"] {
            x.empty(
                t,
                &[
                    ("typeface", face.name),
                    ("panose", face.panose),
                    ("pitchFamily", face.pitch_family),
                    ("charset", "-122"),
                ],
            );
        }
        // the face PowerPoint uses for Simplified Chinese text in this theme
        x.empty("a:font", &[("script", "Hans"), ("typeface", face.name)]);
    });
}

/// Fills, lines and effects the schema requires three of each; lectern's shapes set
/// their own, so these are plain.
const FORMAT_SCHEME: &str = concat!(
    "<a:fmtScheme name=\"lectern\">",
    "<a:fillStyleLst>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "</a:fillStyleLst>",
    "<a:lnStyleLst>",
    "<a:ln w=\"6350\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>",
    "<a:ln w=\"12700\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>",
    "<a:ln w=\"19050\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>",
    "</a:lnStyleLst>",
    "<a:effectStyleLst>",
    "<a:effectStyle><a:effectLst/></a:effectStyle>",
    "<a:effectStyle><a:effectLst/></a:effectStyle>",
    "<a:effectStyle><a:effectLst/></a:effectStyle>",
    "</a:effectStyleLst>",
    "<a:bgFillStyleLst>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "</a:bgFillStyleLst>",
    "</a:fmtScheme>",
);
