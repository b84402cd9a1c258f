//! A theme's template failing, said in one line: which template, which line, what went
//! wrong and what to do — a theme comes from someone else, so the person building the
//! deck must be able to tell a broken theme from a broken lecture.

use minijinja::ErrorKind;

/// Instructions a template may run per slide of the deck (plus a base): a fair template
/// uses a few hundred; a loop that never ends runs out instead of hanging the build.
pub const FUEL_PER_SLIDE: u64 = 20_000;
pub const FUEL_BASE: u64 = 2_000_000;
/// How deep templates may nest (includes, macros, loops): minijinja's own default
/// is 500; real themes need a handful.
pub const RECURSION_LIMIT: usize = 100;

/// The fuel for a deck of `slides` slides.
pub fn fuel(slides: usize) -> u64 {
    FUEL_BASE.saturating_add(FUEL_PER_SLIDE.saturating_mul(slides as u64))
}

/// One line about `e`, from the template it happened in.
pub fn template_message(e: &minijinja::Error) -> String {
    // the innermost error says what happened; the outer ones where (an include)
    let mut inner = e;
    while let Some(next) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = next;
    }
    let place = match (inner.name().or(e.name()), inner.line().or(e.line())) {
        (Some(name), Some(line)) => format!("templates/{name}:{line}: "),
        (Some(name), None) => format!("templates/{name}: "),
        _ => String::new(),
    };
    let detail = inner.detail().unwrap_or_default();
    let what = match inner.kind() {
        ErrorKind::TemplateNotFound => format!(
            "{detail}: a theme can include or extend only its own templates (the .j2 files in its templates/ folder), never other files"
        ),
        ErrorKind::OutOfFuel => "the template ran too long (a loop that never ends, or one far too large for the deck) and was stopped; fix the loop".into(),
        ErrorKind::WriteFailure => {
            let source = std::error::Error::source(inner).map(|s| s.to_string()).unwrap_or_default();
            format!("the template wrote too much ({source}: a loop far too large for the deck?) and was stopped; fix the loop")
        }
        ErrorKind::InvalidOperation if detail.contains("recursion") => format!(
            "the template nests too deep (more than {RECURSION_LIMIT} levels of include, macro or loop: a template that includes itself?); remove the recursion"
        ),
        kind => {
            let detail = if detail.is_empty() { String::new() } else { format!(": {detail}") };
            format!("{kind}{detail}; fix the theme's template")
        }
    };
    format!(
        "the theme's template failed: {place}{}",
        what.replace('\n', " ")
    )
}
