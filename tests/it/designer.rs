//! Slides a designer would sign (issue 23), measured on every slide in headless Chromium
//! and Firefox ESR, at 16:9 and 4:3: no heading breaks inside a word (words as the
//! browser's own segmenter, `Intl.Segmenter`, finds them: independent of the deck's (a two-character
//! "word" of a function character that another reading splits, 在|意识形态, is not counted); in
//! key lines, outline entries and crumbs too), outline entries on two lines at most, no
//! point or section title over two lines (three at 4:3), no text under 20 px on a
//! 1280×720 screen (1024×768 at 4:3), no key line that ends on a word leading into what
//! is not shown or repeats the title, no key line whose line on screen is not said in the
//! notes (a claim elided as A……才B shows each side on a line of its own), no chip that is a
//! sentence. The same counts as
//! `benches/look.py` takes over the real-text corpus.

use std::path::{Path, PathBuf};

use crate::common::browser::{build_deck, chromium, file_url, seed_lecture, Driver, Engine};
use crate::common::firefox::firefox;
use lectern::aspect::Aspect;
use lectern::{Format, Options, Theme};

/// The faults of the slide on screen, each as `kind: example`.
const FAULTS: &str = r#"(() => {
  const sec = document.querySelector('.reveal > .slides > section.present');
  const k = sec.getBoundingClientRect().width / sec.offsetWidth;
  // canvas px to px on the screen the deck is judged on: 1280 wide at 16:9, 1024 at 4:3
  const screen = (sec.offsetWidth === 1440 ? 1024 : 1280) / sec.offsetWidth;
  const chars = (el) => { const out = []; const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n; (n = w.nextNode());) { if (n.parentNode.closest('.badge,.lx-gap')) continue;
      for (let i = 0; i < n.data.length; i++) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        const q = r.getClientRects()[0]; if (q && q.width > 0 && n.data[i].trim()) out.push({c: n.data[i], top: q.top, w: q.width}); } }
    return out; };
  const lines = (el) => { const ls = []; let top = null;
    for (const x of chars(el)) { if (top === null || Math.abs(x.top - top) > 3 * k) { ls.push(''); top = x.top; } ls[ls.length - 1] += x.c; }
    return ls; };
  const seg = new Intl.Segmenter('zh', {granularity: 'word'});
  // a two-character "word" of a function character and the start of a longer word has
  // two readings (主义在|意识形态 is not 在意, 源头的|中国 not 的中): not counted
  const FUNC = '的在和与及是了把被对为从向以';
  const twoReadings = (t, w) => w.segment.length === 2 && FUNC.includes(w.segment[0]) &&
    ([...seg.segment(t.slice(w.index + 1))][0] || {segment: ''}).segment.length >= 2;
  const inside = (t) => { const s = new Set(); for (const w of seg.segment(t)) { if (twoReadings(t, w)) continue;
    for (let i = 1; i < w.segment.length; i++) s.add(w.index + i); } return s; };
  const out = [], kind = sec.dataset.kind, four3 = sec.offsetWidth === 1440;
  const body = sec.querySelector('.slide-body') || sec;
  let min = 1e9;
  for (const el of body.querySelectorAll('h1,h2,h3,li,p,.chips li,.byline')) {
    if (el.closest('aside,footer,nav')) continue;
    const c = chars(el).find((x) => /[\u4e00-\u9fff]/.test(x.c));
    if (c) min = Math.min(min, c.w / k * screen);
  }
  if (min < 19.5) out.push('tiny: ' + min.toFixed(1) + 'px');
  // line breaks between words: in headings, key lines, outline entries and crumbs
  const between = (el) => { const ls = lines(el), cut = inside(ls.join('')); let pos = 0;
    ls.forEach((l, j) => { if (j && cut.has(pos)) out.push('midword: ' + ls[j - 1].slice(-3) + '|' + l.slice(0, 3)); pos += l.length; }); };
  for (const h of body.querySelectorAll('h1,h2,h3')) between(h.querySelector('.title-text') || h);
  for (const el of sec.querySelectorAll('.keys li,.outline li,nav.crumbs .trail')) between(el);
  // an outline entry whole on up to two lines
  for (const li of sec.querySelectorAll('.outline li')) if (lines(li).length > 2) out.push('entry over 2 lines: ' + lines(li).join('/'));
  const title = sec.querySelector('.title-text') || body.querySelector('h1,h2,h3');
  const tl = title ? lines(title) : [];
  if ((kind === 'point' || kind === 'section') && tl.length > (four3 ? 3 : 2)) out.push('long: ' + tl.length + ' lines ' + tl.join('/'));
  // （续） beside its title, never on a line of its own; crumbs whole on the band's two lines
  if (tl.length > 1 && tl[tl.length - 1].replace(/[（）()\s]/g, '') === '续') out.push('lone 续: ' + tl.join('/'));
  const trail = sec.querySelector('nav.crumbs .trail');
  if (trail && lines(trail).length > 2) out.push('crumbs cut: ' + trail.textContent.slice(0, 24));
  const norm = (t) => t.replace(/[\s，。、；：！？,.;:!?“”"‘’（）()《》…—·]/g, '');
  const MARKER = /^(第?[一二三四五六七八九十]+[是要、，,]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|首先|其次|再次|最后|一方面|另一方面)[，,：:]?/;
  const DANGLE = ['是', '为', '对', '把', '将', '和', '与', '及', '即', '在', '强调', '指出', '提出', '认为', '决定', '如下', '以下', '包括', '就是', '：', ':', '——'];
  const t = title ? norm(title.textContent.trim().replace(MARKER, '')) : '';
  for (const li of sec.querySelectorAll('.keys li')) {
    const s = li.textContent.trim().replace(/[。；;]+$/, '');
    if (DANGLE.some((d) => s.endsWith(d))) out.push('dangling: ' + s.slice(-12));
    const nk = norm(s.replace(MARKER, ''));
    if (t && nk && (t.startsWith(nk) || (nk.startsWith(t) && t.length >= 0.6 * nk.length))) out.push('repeat: ' + s.slice(0, 16));
  }
  // each line a key sentence shows on screen is said in the notes (A……才B on one line is not)
  const notes = sec.querySelector('aside.notes'), said = notes ? norm(notes.textContent) : '';
  for (const li of sec.querySelectorAll('.keys li'))
    for (const l of lines(li)) if (said && norm(l) && !said.includes(norm(l))) out.push('not said: ' + l.slice(0, 20));
  for (const c of sec.querySelectorAll('.chips li')) {
    const s = c.textContent.trim();
    if (/[？?。！!，,；;：:]/.test(s) || s.length > 8) out.push('chip: ' + s);
  }
  return out;
})()"#;

fn text(path: &str) -> (String, String, Format) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let format = if path.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Plain
    };
    let label = full.file_stem().unwrap().to_string_lossy().into_owned();
    (label, std::fs::read_to_string(&full).unwrap(), format)
}

/// The seed and the fixtures.
fn lectures() -> Vec<(String, String, Format)> {
    let mut out = vec![("seed".to_string(), seed_lecture(), Format::Plain)];
    for f in [
        "tests/fixtures/party-inline.txt",
        "tests/fixtures/report-halfwidth.txt",
        "tests/fixtures/speech-levels.txt",
        "tests/fixtures/starts-with-heading.txt",
        "tests/fixtures/talk.md",
        // continuation slides, long crumbs
        "tests/corpus/leader-speech-2018-cadre-training-web.txt",
        // fifteen parts, parts of ten sections, 党和国家 and 党的建设 in headings
        "tests/corpus/party-congress-2022-20th-web.txt",
        // parts under chapter lines with ten entries, figure callouts
        "tests/corpus/gov-report-2026-inner-mongolia-web.txt",
        // a stretch that ends on a lead-in (三个基本人生目标：), 以及 in a long title
        "tests/corpus/theory-article-values-web.txt",
    ] {
        out.push(text(f));
    }
    out
}

fn build(
    dir: &Path,
    label: &str,
    lecture: &str,
    format: Format,
    theme: &str,
    four3: bool,
) -> PathBuf {
    let options = Options {
        format,
        theme: Theme::builtin(theme).unwrap(),
        aspect: Some(if four3 {
            Aspect::Standard
        } else {
            Aspect::Wide
        }),
        ..Options::default()
    };
    let name = format!("{label}-{theme}{}", if four3 { "-43" } else { "" });
    build_deck(dir, &name, lecture, &options)
}

fn faults_in<E: Engine>(engine: &E, deck: &Path) -> (usize, Vec<String>) {
    let page = engine.open(&file_url(deck, "#/1"));
    page.wait_for("document.querySelector('section.present')", "the deck runs");
    page.wait_for("document.fonts.status === 'loaded'", "fonts load");
    let n: usize = page.eval("document.querySelectorAll('.reveal > .slides > section').length");
    let mut found = Vec::new();
    for i in 1..=n {
        page.eval_json(&format!("location.hash = '#/{i}'")).unwrap();
        page.wait_for(
            &format!("document.querySelector('#s-{i}.present')"),
            "the slide shows",
        );
        for f in page.eval::<Vec<String>>(FAULTS) {
            found.push(format!("slide {i}: {f}"));
        }
    }
    (n, found)
}

/// Every lecture in the red theme, the seed in the others too.
fn check<E: Engine>(engine: &E, themes: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let (mut all, mut slides) = (Vec::new(), 0);
    for theme in themes {
        let mut lectures = lectures();
        if theme != "red" {
            lectures.truncate(1);
        }
        for (label, lecture, format) in &lectures {
            for four3 in [false, true] {
                let deck = build(dir.path(), label, lecture, *format, theme, four3);
                let (n, found) = faults_in(engine, &deck);
                slides += n;
                let aspect = if four3 { "4:3" } else { "16:9" };
                all.extend(
                    found
                        .into_iter()
                        .map(|f| format!("{theme} {label} {aspect} {f}")),
                );
            }
        }
    }
    eprintln!("{}: {slides} slides looked at", engine.name());
    assert!(slides > 100, "{slides} slides looked at");
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

#[test]
fn slides_have_whole_words_short_titles_readable_text_and_whole_claims() {
    let Some(chrome) =
        chromium("slides_have_whole_words_short_titles_readable_text_and_whole_claims")
    else {
        return;
    };
    check(&chrome, &lectern::theme::builtin_names());
}

#[test]
fn firefox_slides_have_whole_words_short_titles_readable_text_and_whole_claims() {
    let Some(fox) =
        firefox("firefox_slides_have_whole_words_short_titles_readable_text_and_whole_claims")
    else {
        return;
    };
    check(&fox, &["red".to_string()]);
}
