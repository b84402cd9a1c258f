//! Rules a deck does not need, left out of it: a theme styles components (figure callouts)
//! that most decks never show, and every byte of style is parsed on every presenting PC.

/// `css` (minified: `selector{…}` rules, `@media…{…}` blocks) without the top-level rules
/// whose every selector names the class `class`.
pub fn without_class(css: &str, class: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let Some(end) = block_end(rest, open) else {
            break;
        };
        let (selectors, rule) = (&rest[..open], &rest[..end]);
        let names = |s: &str| has_class(s, class);
        if selectors.trim_start().starts_with('@') || !selectors.split(',').all(names) {
            out.push_str(rule);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the block opened at `open` ends (just after its `}`), nested blocks included;
/// braces in strings (`content:"{"`) do not count.
fn block_end(css: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in css[open..].char_indices() {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `selector` names `.class` (not `.class-label` or `.classes`).
fn has_class(selector: &str, class: &str) -> bool {
    let dotted = format!(".{class}");
    selector.match_indices(&dotted).any(|(i, m)| {
        let next = selector[i + m.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rules_wholly_for_the_class_go() {
        let css = ".a{x:1}.reveal .figures li{y:2}.figures,.b{z:3}.figures-x{w:4}\
@media print{.figures{v:5}}.c{u:6}";
        assert_eq!(
            without_class(css, "figures"),
            ".a{x:1}.figures,.b{z:3}.figures-x{w:4}@media print{.figures{v:5}}.c{u:6}"
        );
    }

    #[test]
    fn braces_in_strings_do_not_end_a_rule() {
        let css = r#".figures li::before{content:"}{\"}"}.a{x:1}"#;
        assert_eq!(without_class(css, "figures"), ".a{x:1}");
    }

    #[test]
    fn unbalanced_css_is_kept_as_it_is() {
        assert_eq!(without_class(".a{x:1}.b{", "figures"), ".a{x:1}.b{");
    }
}
