//! The CSS and JavaScript of real decks against the oldest target browsers (DESIGN §4:
//! Chromium 80, Firefox ESR 78): the seed lecture built with every built-in theme and with
//! a theme made by `lectern theme new`, checked with caniuse data (`doiuse`), `es-check
//! es2017` and MDN's data on browser APIs (`eslint-plugin-compat`) from `.ci/compat/`
//! (installed by `.ci/run` with `npm ci`), and with lectern's own table (`lectern::theme::compat`,
//! the one `theme check` uses).
//!
//! Without the npm tools the caniuse part prints a loud SKIPPED line, unless
//! `LECTERN_REQUIRE_BROWSER=1` (CI) makes that a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::cli::{Ran, Test};

/// Runs lectern in English; it must succeed.
fn lectern(args: &[&str]) -> Ran {
    Test::new()
        .args(args)
        .env("LANG", "C.UTF-8")
        .status(0)
        .run()
}

/// The bodies of every `<tag …>…</tag>` in `html`.
fn inline(html: &str, tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&format!("<{tag}")) {
        let after = &rest[i..];
        let open = after.find('>').expect("tag closes") + 1;
        let close = after.find(&format!("</{tag}>")).expect("element closes");
        out.push(after[open..close].to_string());
        rest = &after[close..];
    }
    out
}

/// Seed decks: `(label, html)` for each built-in theme and for an ejected one.
fn decks(dir: &Path) -> Vec<(String, String)> {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/decks/lecture.txt");
    let mut out = Vec::new();
    let names = lectern::theme::builtin_names();
    assert!(names.len() >= 4, "built-in themes: {names:?}");
    for name in names {
        let html = dir.join(format!("{name}.html"));
        lectern(&[
            "build",
            seed,
            "--theme",
            &name,
            "-o",
            html.to_str().unwrap(),
        ]);
        out.push((name, std::fs::read_to_string(html).unwrap()));
    }
    let ejected = dir.join("my-dept");
    lectern(&["theme", "new", ejected.to_str().unwrap(), "--from", "red"]);
    let html = dir.join("my-dept.html");
    lectern(&[
        "build",
        seed,
        "--theme",
        ejected.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    out.push(("theme new".into(), std::fs::read_to_string(html).unwrap()));
    out
}

/// Writes each deck's inline CSS and JavaScript to `dir`; returns (css files, js files).
fn split(dir: &Path, decks: &[(String, String)]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut css, mut js) = (Vec::new(), Vec::new());
    for (i, (label, html)) in decks.iter().enumerate() {
        let styles = inline(html, "style");
        let scripts = inline(html, "script");
        assert!(
            !styles.is_empty() && !scripts.is_empty(),
            "{label}: no inline CSS or JS"
        );
        let path = dir.join(format!("deck{i}.css"));
        std::fs::write(&path, styles.join("\n")).unwrap();
        css.push(path);
        let path = dir.join(format!("deck{i}.js"));
        std::fs::write(&path, scripts.join("\n;\n")).unwrap();
        js.push(path);
    }
    (css, js)
}

#[test]
fn lecterns_own_table_finds_nothing_newer_in_the_decks() {
    let dir = tempfile::tempdir().unwrap();
    for (label, html) in decks(dir.path()) {
        for css in inline(&html, "style") {
            let found = lectern::theme::compat::css_warnings(&css);
            assert!(found.is_empty(), "{label}: {found:?}");
        }
    }
}

/// `.ci/compat/node_modules/.bin/NAME`, or None with a loud line (a failure in CI).
fn npm_tool(name: &str, test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/compat");
    let bin = dir.join("node_modules/.bin").join(name);
    let node = Command::new("node").arg("--version").output().is_ok();
    if node && bin.exists() {
        return Some(bin);
    }
    let required = std::env::var("LECTERN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let why = format!(
        "{test}: {} missing (node {}; run `npm ci --prefix .ci/compat`)",
        bin.display(),
        if node { "found" } else { "not found" }
    );
    assert!(!required, "{why} and LECTERN_REQUIRE_BROWSER=1");
    eprintln!("\n*** SKIPPED {why} ***\n");
    None
}

#[test]
fn the_decks_css_and_javascript_run_on_chromium_80_and_firefox_78() {
    let test = "the_decks_css_and_javascript_run_on_chromium_80_and_firefox_78";
    let (Some(_), Some(es_check), Some(eslint_bin)) = (
        npm_tool("doiuse", test),
        npm_tool("es-check", test),
        npm_tool("eslint", test),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let decks = decks(dir.path());
    let (css, js) = split(dir.path(), &decks);

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/compat/check.mjs");
    let out = Command::new("node")
        .arg(&script)
        .args(&css)
        .output()
        .expect("run doiuse");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "CSS newer than Chromium 80 / Firefox 78:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("0 problem(s)"), "{report}");

    let out = Command::new(es_check)
        .args(["es2017", "--checkFeatures", "--noColor"])
        .args(&js)
        .output()
        .expect("run es-check");
    assert!(
        out.status.success(),
        "JavaScript newer than ES2017:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let out = eslint(&eslint_bin, dir.path(), &js);
    assert!(
        out.status.success(),
        "browser APIs missing from Chromium 80 / Firefox 78:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// eslint with `.ci/compat/eslint.config.mjs` (eslint-plugin-compat) over `files` in `dir`.
fn eslint(bin: &Path, dir: &Path, files: &[PathBuf]) -> std::process::Output {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/compat/eslint.config.mjs");
    Command::new(bin)
        .arg("--config")
        .arg(config)
        .args(files)
        .current_dir(dir)
        .output()
        .expect("run eslint")
}

#[test]
fn the_check_catches_what_it_is_for() {
    // The tools are only worth running if they fail on the features issue 16 is about.
    let test = "the_check_catches_what_it_is_for";
    let (Some(_), Some(es_check), Some(eslint_bin)) = (
        npm_tool("doiuse", test),
        npm_tool("es-check", test),
        npm_tool("eslint", test),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let css = dir.path().join("new.css");
    std::fs::write(
        &css,
        ".chips{display:flex;gap:24px}\n.a:has(b){color:red}\n",
    )
    .unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/compat/check.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(&css)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{report}");
    assert!(
        report.contains("flexbox-gap") && report.contains("css-has"),
        "{report}"
    );

    let js = dir.path().join("new.js");
    std::fs::write(&js, "var a = {}; var b = a?.b ?? 1; var c = { ...a };\n").unwrap();
    let out = Command::new(es_check)
        .args(["es2017", "--checkFeatures", "--noColor"])
        .arg(&js)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "es-check let ?. ?? and object spread through"
    );

    // ES2017 syntax calling APIs Chromium 80 or Firefox 78 lack.
    let apis = dir.path().join("apis.js");
    std::fs::write(
        &apis,
        "var x = [1].at(0); var s = 'a'.replaceAll('a', 'b'); var c = structuredClone({});\n",
    )
    .unwrap();
    let out = eslint(&eslint_bin, dir.path(), &[apis]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{report}");
    assert!(
        report.contains("Array.at()")
            && report.contains("String.replaceAll()")
            && report.contains("structuredClone"),
        "{report}"
    );
}

#[test]
fn theme_check_warns_about_newer_css_in_a_themes_own_style_css() {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("my-dept");
    let theme = theme.to_str().unwrap();
    lectern(&["theme", "new", theme, "--from", "red"]);
    let fresh = lectern(&["theme", "check", theme]);
    let stderr = &fresh.stderr;
    assert!(
        !stderr.contains("warning"),
        "a theme fresh from `theme new` is clean: {stderr}"
    );

    let css = Path::new(theme).join("style.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    let line = text.lines().count() + 1;
    text.push_str(".reveal .chips{display:flex;gap:8px}\n.reveal h3:has(.badge){color:red}\n");
    std::fs::write(&css, text).unwrap();
    let out = lectern(&["theme", "check", theme]);
    let stderr = &out.stderr;
    let path = css.display();
    assert!(
        stderr.contains(&format!("warning: {path}:{line}: `gap` needs Chromium 84"))
            && stderr.contains(&format!("{path}:{}: `:has` needs", line + 1)),
        "{stderr}"
    );
    assert!(
        stderr.contains("margins"),
        "the warning says what to do: {stderr}"
    );
    // In Chinese under --lang zh, with the same line and what to write instead.
    let out = lectern(&["theme", "check", theme, "--lang", "zh"]);
    let stderr = &out.stderr;
    assert!(
        stderr.contains(&format!("警告：{path} 第 {line} 行：`gap` 要 Chromium 84"))
            && stderr.contains("flex 子项之间用 margin 隔开"),
        "{stderr}"
    );
}
