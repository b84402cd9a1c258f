//! Keyword chips: the short “quoted” names a point's text uses (“卡脖子”, “含金量”), shown
//! under its title.

/// Longest chip, in characters.
pub const MAX_CHIP: usize = 8;

/// Up to six “quoted” phrases of the text, each once, that read as a name: short (at
/// most [`MAX_CHIP`] characters), no sentence or clause in them (no ，。！？；：), not
/// words someone says (a quotation after ：or 说/问/答, dialogue in a story). None
/// qualify: no chips.
pub fn keyword_chips(text: &str, title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        let before = rest[..open].chars().next_back();
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        let phrase = after[..close].trim();
        let n = phrase.chars().count();
        // A chip repeats nothing the title says, and a bare number says nothing alone.
        let wordy = phrase.chars().any(|c| c > '\u{2E80}');
        let sentence = phrase.contains([
            '，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', ':', '…',
        ]);
        let spoken = matches!(before, Some('：' | ':' | '说' | '问' | '答' | '道' | '曰'));
        if (2..=MAX_CHIP).contains(&n)
            && wordy
            && !sentence
            && !spoken
            && !title.contains(phrase)
            && !out.iter().any(|p| p == phrase)
        {
            out.push(phrase.to_string());
        }
        if out.len() == 6 {
            break;
        }
        rest = &after[close + '”'.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_are_quoted_phrases_once_each() {
        let chips = keyword_chips(
            "全力突破“卡脖子”问题，“含金量”“含智量”“含金量”，“”“2070”“泛化”以及“一个长得超过了八个字的引文”",
            "避免概念“泛化”",
        );
        assert_eq!(chips, ["卡脖子", "含金量", "含智量"]);
        // dialogue in a story and a proverb with its stop are no chips
        // (party-lecture-1942-against-party-formalism)
        let chips = keyword_chips(
            "先生问：“你得了几分？”学生答“三分。”正如“冰冻三尺，非一日之寒。”我们要反对“党八股”。",
            "标题",
        );
        assert_eq!(chips, ["党八股"]);
    }
}
