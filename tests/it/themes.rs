//! Themes as a user meets them: every built-in builds the seed lecture, a department's
//! theme shows its colour, organisation and logo, and each kind of mistake in a theme is
//! an error naming the file, the line and the key.

use std::io::Cursor;

use lectern::theme::{builtin_names, MemoryFiles, Registry};
use lectern::{compile, Options, Theme, ThemeError};

const SEED: &[u8] = include_bytes!("../../decks/lecture.txt");

fn build(theme: Theme) -> lectern::Compiled {
    let opts = Options {
        theme,
        ..Options::default()
    };
    compile(SEED, &opts).expect("the seed lecture builds")
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 60]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn invalid(err: ThemeError) -> (String, Option<usize>, Option<String>, String) {
    let shown = err.to_string();
    match err {
        ThemeError::Invalid {
            file, line, key, ..
        } => (file, line, key, shown),
        other => panic!("expected an Invalid error, got {other:?}"),
    }
}

#[test]
fn every_builtin_theme_builds_the_seed_lecture_in_its_own_colours() {
    let names = builtin_names();
    assert!(names.len() >= 4, "{names:?}");
    let mut primaries = Vec::new();
    for name in &names {
        let theme = Theme::builtin(name).unwrap();
        let primary = theme.colour("primary").unwrap().to_string();
        let deck = build(theme);
        assert_eq!(deck.deck.slides.len(), 17, "{name}");
        assert!(
            deck.html.contains(&format!("data-theme=\"{name}\"")),
            "{name}"
        );
        assert!(
            deck.html.contains(&format!("--primary:{primary}")),
            "{name}"
        );
        assert!(deck.html.contains("--font-title:"), "{name}");
        primaries.push(primary);
    }
    primaries.sort();
    primaries.dedup();
    assert_eq!(
        primaries.len(),
        names.len(),
        "each theme has its own primary colour"
    );
}

#[test]
fn the_default_theme_is_the_formal_red_one_with_a_serif_title_face() {
    let theme = Theme::default_theme();
    assert_eq!(theme.name, "red");
    assert_eq!(theme.colour("primary"), Some("#b2001e"));
    assert!(theme.title_fonts.iter().any(|f| f == "SimSun"));
    assert_eq!(theme.title_fonts.last().map(String::as_str), Some("serif"));
    for family in [
        "Microsoft YaHei",
        "PingFang SC",
        "Noto Sans CJK SC",
        "SimHei",
    ] {
        assert!(theme.body_fonts.iter().any(|f| f == family), "{family}");
    }
    assert_eq!(Theme::builtin("default").unwrap().name, "red");
}

#[test]
fn a_department_theme_in_memory_shows_its_colour_organisation_and_logo() {
    let plain = build(Theme::builtin("red").unwrap());
    let dept = MemoryFiles::new("dept")
        .with(
            "theme.toml",
            "name = \"dept\"\nextends = \"red\"\n\n[colours]\nprimary = \"#123457\"\n\n\
             [brand]\norganisation = \"测试市测绘局\"\nlogo = \"logo.png\"\n",
        )
        .with("logo.png", png(3000, 3000))
        .with("style.css", ".reveal .dept-marker{color:red}");
    let theme = Registry::new().load_from(&dept).unwrap();
    assert_eq!(theme.chain, ["dept", "red"]);
    let logo = theme.logo.as_ref().unwrap();
    assert_eq!((logo.inlined.width, logo.inlined.height), (400, 400));
    let deck = build(theme);
    let html = &deck.html;
    assert!(html.contains("--primary:#123457"));
    assert!(!html.contains("--primary:#b2001e"));
    assert!(html.contains("<span class=\"footer-text\">"));
    let footers = html.matches("<footer class=\"slide-footer\">").count();
    let in_footers = html
        .split("<footer class=\"slide-footer\">")
        .skip(1)
        .filter(|f| f[..f.find("</footer>").unwrap()].contains("测试市测绘局"))
        .count();
    assert_eq!((in_footers, footers), (17, 17), "in every slide's footer");
    // and on the title and closing slides themselves
    assert_eq!(
        html.matches("<p class=\"byline\">测试市测绘局</p>").count(),
        2
    );
    assert_eq!(
        html.matches("data:image/png;base64,").count(),
        1,
        "the logo is in once"
    );
    assert_eq!(html.matches("class=\"logo\"").count(), 17);
    // the child's CSS comes after its parent's, so it wins
    let parent_css = html
        .find("党政红")
        .unwrap_or(0)
        .max(html.find(".reveal nav.crumbs").unwrap());
    assert!(html.find(".dept-marker").unwrap() > parent_css);
    let grow = html.len() - plain.html.len();
    assert!(grow < 300_000, "a 3000×3000 logo adds {grow} bytes");
}

#[test]
fn a_theme_overrides_one_template_and_keeps_its_parents_others() {
    let dept = MemoryFiles::new("dept")
        .with(
            "theme.toml",
            "name = \"dept\"\nextends = \"blue\"\nclosing = \"再见\"\n",
        )
        .with(
            "templates/slide-closing.html.j2",
            "<div class=\"slide-body\"><h2 class=\"custom-closing\">{{ slide.title }}</h2></div>",
        );
    let theme = Registry::new().load_from(&dept).unwrap();
    assert_eq!(theme.chain, ["dept", "blue", "red"]);
    let html = build(theme).html;
    assert!(html.contains("<h2 class=\"custom-closing\">再见</h2>"));
    assert!(
        html.contains("<nav class=\"crumbs\">"),
        "the parent's point template"
    );
    assert!(html.contains("--primary:#0b3c8c"), "blue's colour");
}

#[test]
fn layout_switches_hide_slots_and_set_the_shape() {
    let dept = MemoryFiles::new("dept").with(
        "theme.toml",
        "name = \"d\"\nextends = \"red\"\n[layout]\naspect = \"4:3\"\nshow_page_number = false\nshow_breadcrumb = false\nshow_progress = false\n",
    );
    let html = build(Registry::new().load_from(&dept).unwrap()).html;
    assert!(html.contains("data-aspect=\"4:3\"") && html.contains("data-width=\"1440\""));
    assert!(!html.contains("<nav class=\"crumbs\">"));
    assert!(html.contains("<span class=\"page-number\"></span>"));
    assert!(html.contains("data-progress=\"false\""));
}

#[test]
fn an_unknown_key_is_named_with_its_file_and_line() {
    let t = MemoryFiles::new("dept").with(
        "theme.toml",
        "name = \"d\"\nextends = \"red\"\n\n[brand]\norganisation = \"局\"\nbogus_key = 1\n",
    );
    let (file, line, key, shown) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!(file, "dept/theme.toml");
    assert_eq!(line, Some(6));
    assert_eq!(key.as_deref(), Some("bogus_key"));
    assert!(
        shown.starts_with("dept/theme.toml:6: key `bogus_key`: unknown key"),
        "{shown}"
    );
}

#[test]
fn a_bad_colour_is_named_with_its_line_and_key() {
    let t = MemoryFiles::new("dept").with(
        "theme.toml",
        "name = \"d\"\nextends = \"red\"\n[colours]\naccent = \"#D4A537\"\nprimary = \"dark red\"\n",
    );
    let (_, line, key, shown) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!((line, key.as_deref()), (Some(5), Some("primary")));
    assert!(shown.contains("`dark red` is not a colour"), "{shown}");
}

#[test]
fn a_missing_logo_file_is_named() {
    let t = MemoryFiles::new("dept").with(
        "theme.toml",
        "name = \"d\"\nextends = \"red\"\n[brand]\nlogo = \"images/logo.png\"\n",
    );
    let (_, line, key, shown) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!((line, key.as_deref()), (Some(4), Some("logo")));
    assert!(
        shown.contains("`images/logo.png` is not in the theme folder"),
        "{shown}"
    );
}

#[test]
fn an_extends_cycle_is_an_error_not_a_hang() {
    let mut reg = Registry::new();
    reg.add(
        "a",
        MemoryFiles::new("themes/a").with("theme.toml", "name = \"a\"\nextends = \"b\"\n"),
    );
    reg.add(
        "b",
        MemoryFiles::new("themes/b").with("theme.toml", "name = \"b\"\nextends = \"a\"\n"),
    );
    let (file, line, key, shown) = invalid(reg.load("a").unwrap_err());
    assert_eq!(file, "themes/b/theme.toml");
    assert_eq!((line, key.as_deref()), (Some(2), Some("extends")));
    assert!(shown.contains("a → b → a"), "{shown}");
}

#[test]
fn an_unknown_parent_is_named_with_the_known_ones() {
    let t = MemoryFiles::new("dept").with("theme.toml", "name = \"d\"\nextends = \"scarlet\"\n");
    let (_, line, key, shown) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!((line, key.as_deref()), (Some(2), Some("extends")));
    assert!(
        shown.contains("`extends = \"scarlet\"` names no theme"),
        "{shown}"
    );
    assert!(
        shown.contains("red") && shown.contains("contrast"),
        "{shown}"
    );
}

#[test]
fn unknown_built_in_names_list_the_known_ones() {
    let err = Theme::builtin("scarlet").unwrap_err();
    assert!(matches!(err, ThemeError::Unknown { .. }));
    assert!(err.to_string().contains("red, blue"), "{err}");
}

#[test]
fn a_theme_without_templates_or_parent_says_to_extend_one() {
    let t = MemoryFiles::new("dept").with("theme.toml", "name = \"d\"\n");
    let (file, _, _, shown) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!(file, "dept/templates/deck.html.j2");
    assert!(
        shown.contains("extends = \\\"red\\\"") || shown.contains("extends = \"red\""),
        "{shown}"
    );
}

#[test]
fn font_names_cannot_break_out_of_css() {
    let t = MemoryFiles::new("dept").with(
        "theme.toml",
        "name = \"d\"\nextends = \"red\"\n[fonts]\ntitle = [\"SimSun\", \"x}body{display:none\"]\n",
    );
    let (_, line, key, _) = invalid(Registry::new().load_from(&t).unwrap_err());
    assert_eq!((line, key.as_deref()), (Some(4), Some("title")));
}

/// The library honours the deck's own theme setting as the command does.
#[test]
fn compile_takes_the_theme_the_deck_names() {
    let lecture = "+++\ntheme = \"blue\"\n+++\n标题\n同志们：\n一、开头\n内容。\n";
    let compiled = lectern::compile(lecture.as_bytes(), &lectern::Options::default()).unwrap();
    assert!(
        compiled.html.contains("data-theme=\"blue\""),
        "the deck is not blue"
    );
    // a flag (overrides) beats the setting
    let opts = lectern::Options {
        overrides: lectern::Settings {
            theme: Some("default".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let compiled = lectern::compile(lecture.as_bytes(), &opts).unwrap();
    assert!(!compiled.html.contains("data-theme=\"blue\""));
}
