//! Chinese typesetting on real slides, in headless Chromium (and Firefox ESR where the two
//! engines must agree): no text runs out of its box, no line starts with a closing mark or
//! ends with an opening one, a heading or key sentence never leaves one character alone on
//! a line, titles break at natural points, and the closing words sit at the canvas centre
//! by their ink. Decks: the seed lecture and four texts of the real-text corpus, in every
//! built-in theme. Screenshots of every slide kind land in `target/screenshots/typeset-*`.

use std::path::{Path, PathBuf};

use crate::common::browser::{build_deck, chromium, file_url, seed_lecture, Driver, Engine};
use crate::common::firefox::firefox;
use lectern::{Format, Options, Theme};

/// Real texts of the corpus: two speeches copied from web pages, a long leader's speech and a
/// Markdown classic with many short parts.
const CORPUS: &[&str] = &[
    "school-speech-2021-opening-web.txt",
    "party-meeting-speech-2021-school-web.txt",
    "leader-speech-2018-cadre-training-web.txt",
    "work-meeting-speech-1956-ten-relationships.md",
];

/// What is wrong with the typesetting of the slide on screen, one line a problem.
const PROBLEMS: &str = r#"(() => {
  const s = document.querySelector('.reveal > .slides > section.present');
  const box = s.getBoundingClientRect(), k = box.width / s.offsetWidth, out = [];
  const NO_START = '，。、；：？！）》”’】」』〕〉…';
  const OPEN = '“‘（《【「『〔〈';
  const MARKS = NO_START + OPEN + '—　 ';
  const say = (what, e) => out.push(what + ' [' + e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + '] ' + e.textContent.trim().slice(0, 24));
  const f = s.querySelector('.slide-footer');
  const ftexts = f && getComputedStyle(f).display !== 'none'
    ? [...f.querySelectorAll('span')].filter((e) => e.textContent.trim() && e.getClientRects().length) : [];
  const footerTop = ftexts.length ? Math.min(...ftexts.map((e) => e.getBoundingClientRect().top)) : Infinity;
  const blocks = [...s.querySelectorAll('h1,h2,h3,p,li,td,th,figcaption,nav.crumbs span,.footer-text,.page-number')]
    .filter((e) => e.textContent.trim() && e.getClientRects().length && !e.closest('aside'));
  for (const e of blocks) {
    const r = e.getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) say('off the slide', e);
    if (e.closest('nav.crumbs')) continue; // a breadcrumb too long ends in … by design
    const range = document.createRange();
    range.selectNodeContents(e);
    const rs = [...range.getClientRects()].filter((q) => q.width > 0);
    if (rs.some((q) => q.right > r.right + 2 * k || q.left < r.left - 2 * k)) say('text wider than its box', e);
    if (e.closest('.slide-body') && rs.length && Math.max(...rs.map((q) => q.bottom)) > footerTop + 1) say('text under the footer', e);
  }
  // the lines of each block of the body, from the boxes of its characters
  for (const e of blocks.filter((b) => b.closest('.slide-body') && !b.querySelector('li,p'))) {
    const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), chars = [];
    for (let t; (t = walk.nextNode());) {
      if (t.parentNode.closest('.badge,.lx-gap')) continue;
      for (let i = 0; i < t.data.length; i++) {
        const r = document.createRange();
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        const q = r.getClientRects()[0];
        if (q && q.width > 0) chars.push([t.data[i], q]);
      }
    }
    const lines = [];
    chars.forEach((c, i) => {
      if (!i || c[1].top > chars[i - 1][1].top + chars[i - 1][1].height / 2) lines.push([]);
      lines[lines.length - 1].push(c[0]);
    });
    lines.forEach((l, i) => {
      if (i && NO_START.includes(l[0])) say('line ' + (i + 1) + ' starts with ' + l[0], e);
      if (i < lines.length - 1 && OPEN.includes(l[l.length - 1])) say('line ' + (i + 1) + ' ends with ' + l[l.length - 1], e);
      if (lines.length > 1 && l.filter((c) => !MARKS.includes(c)).length < 2 && e.matches('h1,h2,h3,.keys li,.items li'))
        say('line ' + (i + 1) + ' holds one character: ' + l.join(''), e);
    });
  }
  return out;
})()"#;

fn corpus_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(label, lecture, format)` of every deck the tests look at.
fn lectures() -> Vec<(String, String, Format)> {
    let mut out = vec![("seed".to_string(), seed_lecture(), Format::Plain)];
    for name in CORPUS {
        let format = if name.ends_with(".md") {
            Format::Markdown
        } else {
            Format::Plain
        };
        let label = name.split('.').next().unwrap().to_string();
        out.push((label, corpus_text(name), format));
    }
    out
}

fn build(dir: &Path, label: &str, lecture: &str, format: Format, theme: &str) -> PathBuf {
    let options = Options {
        format,
        theme: Theme::builtin(theme).unwrap_or_else(|e| panic!("{theme}: {e}")),
        ..Options::default()
    };
    build_deck(dir, &format!("{label}-{theme}"), lecture, &options)
}

/// Shows slide `number` (1-based) of the open deck and waits until the runtime has laid it out.
fn show(page: &impl Driver, number: usize) {
    page.eval_json(&format!("location.hash = '#/{number}'"))
        .expect("set the hash");
    page.wait_for(
        &format!("document.querySelector('#s-{number}.present')"),
        "the slide shows",
    );
}

/// Every problem on every slide of `deck`, as "slide N: what"; a screenshot of the first
/// slide of each kind.
fn problems_in<E: Engine>(engine: &E, deck: &Path, shots: &str) -> (usize, Vec<String>) {
    let page = engine.open(&file_url(deck, "#/1"));
    page.wait_for("document.querySelector('section.present')", "the deck runs");
    page.wait_for("document.fonts.status === 'loaded'", "fonts load");
    let kinds: Vec<String> = page.eval(
        "[...document.querySelectorAll('.reveal > .slides > section')].map(s => s.dataset.kind)",
    );
    let mut found = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, kind) in kinds.iter().enumerate() {
        show(&page, i + 1);
        for p in page.eval::<Vec<String>>(PROBLEMS) {
            found.push(format!("slide {}: {p}", i + 1));
        }
        if seen.insert(kind.clone()) && !shots.is_empty() {
            page.screenshot(&format!("typeset-{shots}-{kind}"));
        }
    }
    (kinds.len(), found)
}

#[test]
fn no_text_overflows_or_breaks_a_line_wrongly_in_any_theme() {
    let name = "no_text_overflows_or_breaks_a_line_wrongly_in_any_theme";
    let Some(chrome) = chromium(name) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    let mut slides = 0;
    for theme in lectern::theme::builtin_names() {
        for (label, lecture, format) in lectures() {
            let deck = build(dir.path(), &label, &lecture, format, &theme);
            let (n, found) = problems_in(&chrome, &deck, &format!("{theme}-{label}"));
            eprintln!("{theme} {label}: {n} slides, {} problems", found.len());
            slides += n;
            all.extend(found.into_iter().map(|p| format!("{theme} {label} {p}")));
        }
    }
    assert!(slides > 400, "{slides} slides looked at");
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn firefox_no_text_overflows_or_breaks_a_line_wrongly_in_any_theme() {
    let Some(fox) = firefox("firefox_no_text_overflows_or_breaks_a_line_wrongly_in_any_theme")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    for theme in lectern::theme::builtin_names() {
        let deck = build(dir.path(), "seed", &seed_lecture(), Format::Plain, &theme);
        let (_, found) = problems_in(&fox, &deck, "");
        all.extend(found.into_iter().map(|p| format!("{theme} seed {p}")));
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// The check finds what it is for: a line break forced before a comma of the seed's title.
#[test]
fn the_check_sees_a_line_that_starts_with_a_comma() {
    let Some(chrome) = chromium("the_check_sees_a_line_that_starts_with_a_comma") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let deck = build(dir.path(), "seed", &seed_lecture(), Format::Plain, "red");
    let page = chrome.open(&file_url(&deck, "#/1"));
    page.wait_for("document.querySelector('#s-1.present')", "the deck runs");
    page.eval_json(
        "(() => { const h = document.querySelector('#s-1 h1'); h.innerHTML = h.textContent.replace('，为', '<br>，为'); })()",
    )
    .unwrap();
    let found: Vec<String> = page.eval(PROBLEMS);
    assert!(
        found.iter().any(|p| p.contains("starts with ，")),
        "{found:?}"
    );
}

/// Lines of slide `number`'s heading, as the reader sees them.
fn heading_lines(page: &impl Driver, number: usize) -> Vec<String> {
    show(page, number);
    page.eval(&format!(
        "(() => {{
           const h = document.querySelector('#s-{number} .slide-body').querySelector('h1,h2,h3');
           const walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT), lines = [];
           let top = null;
           for (let t; (t = walk.nextNode());) {{
             if (t.parentNode.closest('.badge,.lx-gap')) continue;
             for (let i = 0; i < t.data.length; i++) {{
               const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
               const q = r.getClientRects()[0];
               if (!q || !q.width) continue;
               if (top === null || q.top > top + q.height / 2) {{ lines.push(''); top = q.top; }}
               lines[lines.length - 1] += t.data[i];
             }}
           }}
           return lines; }})()"
    ))
}

const TITLES: &str = "专题党课：强化创新驱动，加快发展新质生产力，为推动高质量发展注入澎湃新动能
同志们：
今天讲两个问题。
一、坚持以人民为中心的发展思想作为　以实干担当推动高质量发展走深走实
这是第一部分的导语。
（一）准确把握新质生产力是高质量发展重要着力点和主攻方向的深刻内涵。这是小节的导语。第一，短要点。内容一。第二，短要点二。内容二。
二、第二部分讲实干
（一）小节二。第一，要点甲。内容甲。第二，要点乙。内容乙。
";

fn titles_in<E: Engine>(engine: &E) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    for theme in lectern::theme::builtin_names() {
        let deck = build(dir.path(), "titles", TITLES, Format::Plain, &theme);
        let page = engine.open(&file_url(&deck, "#/1"));
        page.wait_for("document.fonts.status === 'loaded'", "fonts load");
        for number in [1, 3, 4] {
            let lines = heading_lines(&page, number);
            eprintln!("{} {theme} slide {number}: {lines:?}", engine.name());
            out.push(lines);
        }
        if theme == "red" {
            show(&page, 3);
            page.screenshot(&format!("typeset-{}-space-title", engine.name()));
        }
        // a title with no mark but a half-width space, too long for two lines at the space
        let deck = build(dir.path(), "opener", OPENER, Format::Plain, &theme);
        let page = engine.open(&file_url(&deck, "#/1"));
        page.wait_for("document.fonts.status === 'loaded'", "fonts load");
        out.push(heading_lines(&page, 1));
    }
    out
}

const OPENER: &str = "不忘初心担使命 传承博雅谱新篇奋力开创绍兴一中高水平发展新局面
同志们：
今天讲一个问题。
一、第一部分
（一）小节。第一，要点甲。内容甲。第二，要点乙。内容乙。
";

#[test]
fn titles_break_at_natural_points_alike_in_both_engines() {
    let name = "titles_break_at_natural_points_alike_in_both_engines";
    let Some(chrome) = chromium(name) else {
        return;
    };
    let lines = titles_in(&chrome);
    for (i, l) in lines.iter().enumerate() {
        match i % 4 {
            // the title: after a comma, in two lines of 17 and 15 characters
            0 => assert_eq!(
                l,
                &[
                    "强化创新驱动，加快发展新质生产力，",
                    "为推动高质量发展注入澎湃新动能"
                ],
                "the title slide"
            ),
            // at the full-width space, which is not drawn at the line's end
            1 => assert_eq!(
                l,
                &[
                    "坚持以人民为中心的发展思想作为",
                    "以实干担当推动高质量发展走深走实"
                ],
                "a part title with a full-width space"
            ),
            // before 奋力, a word that opens a phrase, not inside 奋力 (it broke 奋|力)
            3 => assert_eq!(
                l,
                &[
                    "不忘初心担使命 传承博雅谱新篇",
                    "奋力开创绍兴一中高水平发展新局面"
                ],
                "a title broken before the phrase 奋力开创…"
            ),
            // no punctuation: between phrases (before 是 / 和, after 的), nowhere mid-word
            _ => {
                assert!(l.len() >= 2, "the long section title wraps: {l:?}");
                for pair in l.windows(2) {
                    let (end, start) = (
                        pair[0].chars().last().unwrap(),
                        pair[1].chars().next().unwrap(),
                    );
                    assert!(
                        end == '的' || start == '是' || start == '和',
                        "a break between {end} and {start}: {l:?}"
                    );
                }
            }
        }
    }
    drop(chrome);
    if let Some(fox) = firefox(name) {
        assert_eq!(titles_in(&fox), lines, "the same lines in Firefox");
    }
}

/// Where the closing words' ink sits against the canvas centre, in screen pixels
/// (positive: right of centre), from a screenshot of the closing slide.
fn closing_offset(page: &impl Driver, shot: &str) -> f64 {
    let n: usize = page.eval("document.querySelectorAll('.reveal > .slides > section').length");
    show(page, n);
    page.wait_for("document.fonts.status === 'loaded'", "fonts load");
    let (left, top, right, bottom, centre): (f64, f64, f64, f64, f64) = page.eval(
        "(() => { const h = document.querySelector('section.present .slide-body h2').getBoundingClientRect();
          const c = document.querySelector('.reveal > .slides').getBoundingClientRect();
          return [h.left, h.top, h.right, h.bottom, c.left + c.width / 2]; })()",
    );
    let img = image::open(page.screenshot(shot)).unwrap().to_rgb8();
    let bg = *img.get_pixel(left as u32 + 2, top as u32 + 2);
    let (mut x0, mut x1) = (u32::MAX, 0);
    for y in top as u32..bottom as u32 {
        for x in left as u32..right as u32 {
            let p = img.get_pixel(x, y);
            let d: u32 = (0..3).map(|i| u32::from(p[i].abs_diff(bg[i]))).sum();
            if d > 120 {
                (x0, x1) = (x0.min(x), x1.max(x));
            }
        }
    }
    assert!(x1 > x0, "{shot}: no ink found for the closing words");
    (f64::from(x0) + f64::from(x1)) / 2.0 - centre
}

#[test]
fn the_closing_words_sit_at_the_canvas_centre() {
    let name = "the_closing_words_sit_at_the_canvas_centre";
    let dir = tempfile::tempdir().unwrap();
    let chrome = chromium(name);
    let fox = firefox(name);
    for theme in lectern::theme::builtin_names() {
        let deck = build(dir.path(), "seed", &seed_lecture(), Format::Plain, &theme);
        let mut offsets = Vec::new();
        if let Some(c) = &chrome {
            let page = c.open(&file_url(&deck, "#/1"));
            offsets.push(closing_offset(&page, &format!("typeset-{theme}-closing")));
        }
        if let Some(f) = &fox {
            let page = f.open(&file_url(&deck, "#/1"));
            offsets.push(closing_offset(
                &page,
                &format!("firefox-typeset-{theme}-closing"),
            ));
        }
        // 1280 px window: 2/3 of a canvas pixel a screen pixel; 谢谢！ sat 32 px left
        for off in offsets {
            assert!(
                off.abs() <= 3.0,
                "{theme}: 谢谢！ is {off:.1} screen px off the canvas centre"
            );
        }
    }
}

/// A long title with no mark, no 的/和/是 and no word that opens a phrase: the lines
/// end between words (before 暨, which joins two events), never inside one (it broke
/// 高质量发|展).
#[test]
fn a_title_without_cues_breaks_between_words() {
    let name = "a_title_without_cues_breaks_between_words";
    let Some(chrome) = chromium(name) else {
        return;
    };
    const LECTURE: &str = "题目
同志们：
今天讲两个问题。
一、全省营商环境优化提升暨高质量发展现场观摩会议暨项目集中开工
正文。
二、第二部分
正文。
";
    const WORDS: [&str; 12] = [
        "营商",
        "环境",
        "优化",
        "提升",
        "高质量",
        "发展",
        "现场",
        "观摩",
        "会议",
        "项目",
        "集中",
        "开工",
    ];
    let lines_in = |engine: &dyn Fn(&str) -> Vec<String>| -> Vec<Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        lectern::theme::builtin_names()
            .iter()
            .map(|theme| {
                let deck = build(dir.path(), "cues", LECTURE, Format::Plain, theme);
                engine(&file_url(&deck, "#/3"))
            })
            .collect()
    };
    let open_in = |url: &str| {
        let page = chrome.open(url);
        page.wait_for("document.fonts.status === 'loaded'", "fonts load");
        heading_lines(&page, 3)
    };
    let lines = lines_in(&open_in);
    for l in &lines {
        eprintln!("{l:?}");
        assert!(l.len() >= 2, "the title wraps: {l:?}");
        let mut at = 0;
        let whole: String = l.concat();
        for line in &l[..l.len() - 1] {
            at += line.len();
            for w in WORDS {
                let split = whole
                    .match_indices(w)
                    .any(|(i, _)| i < at && at < i + w.len());
                assert!(!split, "«{w}» split across lines: {l:?}");
            }
        }
    }
    drop(chrome);
    if let Some(fox) = firefox(name) {
        let open_in = |url: &str| {
            let page = fox.open(url);
            page.wait_for("document.fonts.status === 'loaded'", "fonts load");
            heading_lines(&page, 3)
        };
        assert_eq!(lines_in(&open_in), lines, "the same lines in Firefox");
    }
}

/// Where a heading's words end is in the file as offsets, not as a `<wbr>` between every
/// two words (28,000 of them were 45% of the 1,403-slide deck's elements): a hidden slide
/// holds none, a slide shown has one at each place the build found between words (the
/// breaks its keep-all leaves). Copied text carries nothing for them.
fn word_breaks_come_with_the_slide_shown<E: Engine>(engine: &E) {
    let name = engine.name();
    let dir = tempfile::tempdir().unwrap();
    let deck = build_deck(dir.path(), "deck", &seed_lecture(), &Options::default());
    let html = std::fs::read_to_string(&deck).unwrap();
    assert!(!html.contains("<wbr>") && html.contains(" data-w=\""));
    let page = engine.open(&file_url(&deck, "#/5"));
    page.expect_slide(4, "opening #/5");
    let counts = "[...document.querySelectorAll('.reveal > .slides > section')].map((s) => s.getElementsByTagName('wbr').length)";
    let shown: Vec<usize> = page.eval(counts);
    let with: Vec<usize> = (0..shown.len()).filter(|&i| shown[i] > 0).collect();
    assert_eq!(with, [4], "{name}: slides with <wbr>s, {shown:?}");
    // the title's text between its <wbr>s: the words the build found
    let words: Vec<String> = page.eval(
        "(() => { const out = ['']; document.querySelector('section.present h3 .lx-w').childNodes
           .forEach((n) => n.nodeName === 'WBR' ? out.push('') : out[out.length - 1] += n.textContent);
           return out; })()",
    );
    let title = "生产力是大国博弈的胜负手";
    assert_eq!(words, lectern::words::pieces(title), "{name}");
    let copied: String = page.eval(
        "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('section.present h3 .title-text'));
           const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); })()",
    );
    assert_eq!(copied.replace('\n', ""), title, "{name}");
    page.key("ArrowRight");
    page.expect_slide(5, "ArrowRight");
    let shown: Vec<usize> = page.eval(counts);
    assert!(
        shown[4] > 0 && shown[5] > 0 && shown[6] == 0,
        "{name}: {shown:?}"
    );
}

#[test]
fn word_breaks_come_with_the_slide_shown_in_chromium() {
    if let Some(chrome) = chromium("word_breaks_come_with_the_slide_shown") {
        word_breaks_come_with_the_slide_shown(&chrome);
    }
}

#[test]
fn word_breaks_come_with_the_slide_shown_in_firefox() {
    if let Some(fox) = firefox("word_breaks_come_with_the_slide_shown (firefox)") {
        word_breaks_come_with_the_slide_shown(&fox);
    }
}

/// The `<wbr>`s the runtime makes of `data-w` fall where the build's segmentation puts
/// them, over whole real texts (every slide unpacked by the overview's thumbnails): the
/// text between two of them is one of [`lectern::words::pieces`] of the span's text.
#[test]
fn word_breaks_fall_where_the_build_found_words_over_real_texts() {
    let Some(chrome) = chromium("word_breaks_fall_where_the_build_found_words") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut texts = vec![("seed".to_string(), seed_lecture(), Format::Plain)];
    for name in [
        "theory-article-values-web.txt",
        "leader-speech-2010-education-meeting-web.txt",
        "work-meeting-speech-1956-ten-relationships.md",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(name);
        let format = if name.ends_with(".md") {
            Format::Markdown
        } else {
            Format::Plain
        };
        texts.push((
            name.to_string(),
            std::fs::read_to_string(path).unwrap(),
            format,
        ));
    }
    for (name, lecture, format) in texts {
        let deck = build(dir.path(), &name.replace('.', "-"), &lecture, format, "red");
        let page = chrome.open(&file_url(&deck, ""));
        page.key("o");
        page.wait_for(
            "document.querySelector('.lx-ov:not([hidden]) .lx-cell')",
            "the overview",
        );
        // every span but the shown slide's (its lines are balanced: <br>s among the words)
        let spans: Vec<Vec<String>> = page.eval(
            "[...document.querySelectorAll('.reveal:not(.lx-mini) > .slides > section:not(.present) .lx-w')].map((w) => {
               const out = ['']; w.childNodes.forEach((n) => n.nodeName === 'WBR' ? out.push('') : out[out.length - 1] += n.textContent);
               return out; })",
        );
        assert!(spans.len() > 20, "{name}: {} spans", spans.len());
        let left: usize =
            page.eval("document.querySelectorAll('.reveal:not(.lx-mini) [data-w]').length");
        assert_eq!(left, 0, "{name}: spans left packed");
        for words in spans {
            let text = words.concat();
            assert_eq!(words, lectern::words::pieces(&text), "{name}: {text}");
        }
    }
}
