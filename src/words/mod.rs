//! Where a line may break in Chinese text: between words, never inside one. Chinese has
//! no spaces, so the words are found with a word list (`list.txt`: jieba's dictionary, see
//! `tools/wordlist.py`) and the cheapest path through them (jieba's own method, without
//! its model for unknown words: a run of single characters is kept together, as jieba's
//! model mostly would, except beside a word of the list).

use std::sync::OnceLock;

/// The list (`list.txt`) as `build.rs` lays it out (by length, sorted, front-coded, see
/// its `word_table`), deflated.
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.deflate"));

/// Longest word in the list, in characters.
const MAX_LEN: usize = 6;

/// The words of each length: sorted records of the word's bytes and its cost.
struct Table {
    bytes: Vec<u8>,
    /// Where each length's records start, and how many there are.
    runs: [(usize, usize); MAX_LEN],
    /// The cost of a character the list does not know.
    unknown: u16,
}

impl Table {
    fn cost(&self, word: &str) -> Option<u16> {
        let n = word.len() / 3;
        if n == 0 || n > MAX_LEN || word.len() != 3 * n {
            return None;
        }
        let (start, count) = self.runs[n - 1];
        let size = 3 * n + 1;
        let records = &self.bytes[start..start + count * size];
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r = &records[mid * size..(mid + 1) * size];
            match r[..size - 1].cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(u16::from(r[size - 1])),
            }
        }
        None
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut packed = Vec::with_capacity(2_000_000);
        std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(PACKED), &mut packed)
            .expect("build.rs deflated the word list");
        // Undo build.rs's front coding into sorted records of word and cost.
        let mut bytes = Vec::with_capacity(3_400_000);
        let mut runs = [(0, 0); MAX_LEN];
        let mut at = 0;
        let mut worst = 0;
        for (n, run) in runs.iter_mut().enumerate() {
            let count =
                u32::from_le_bytes(packed[at..at + 4].try_into().expect("4 bytes")) as usize;
            let costs = &packed[at + 4..at + 4 + count];
            at += 4 + count;
            if n == 0 {
                worst = costs.iter().copied().max().unwrap_or(0);
            }
            *run = (bytes.len(), count);
            at = match n + 1 {
                1 => unfront::<3>(&packed, at, costs, &mut bytes),
                2 => unfront::<6>(&packed, at, costs, &mut bytes),
                3 => unfront::<9>(&packed, at, costs, &mut bytes),
                4 => unfront::<12>(&packed, at, costs, &mut bytes),
                5 => unfront::<15>(&packed, at, costs, &mut bytes),
                _ => unfront::<18>(&packed, at, costs, &mut bytes),
            };
        }
        Table {
            bytes,
            runs,
            unknown: u16::from(worst) + 2,
        }
    })
}

/// Appends the records of one length (`L` bytes a word) from the front-coded words at
/// `packed[at..]`, one per cost; returns where the next length starts. A word length
/// known at compile time lets the copies be plain moves (this runs 347,000 times at the
/// first heading of a build).
fn unfront<const L: usize>(
    packed: &[u8],
    mut at: usize,
    costs: &[u8],
    bytes: &mut Vec<u8>,
) -> usize {
    let start = bytes.len();
    bytes.resize(start + costs.len() * (L + 1), 0);
    let mut word = [0u8; L];
    for (record, &cost) in bytes[start..].chunks_exact_mut(L + 1).zip(costs) {
        let shared = 3 * usize::from(packed[at]);
        word[shared..].copy_from_slice(&packed[at + 1..at + 1 + L - shared]);
        record[..L].copy_from_slice(&word);
        record[L] = cost;
        at += 1 + L - shared;
    }
    at
}

fn ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The byte offsets in `s` between two ideographs where a line may break: word
/// boundaries next to a word of the list of two or more characters. (Other places —
/// after punctuation, at spaces, around Latin text — follow the usual line-breaking
/// rules and are not listed.)
pub fn breaks(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    // each run of ideographs on its own
    let mut run: Vec<(usize, char)> = Vec::new();
    for (at, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if ideograph(c) {
            run.push((at, c));
            continue;
        }
        if run.len() > 1 {
            let end = at;
            run_breaks(s, &run, end, &mut out);
        }
        run.clear();
    }
    out
}

/// The breaks inside one run of ideographs (`run`: their offsets and characters; it ends
/// at byte `end`).
fn run_breaks(s: &str, run: &[(usize, char)], end: usize, out: &mut Vec<usize>) {
    let t = table();
    let n = run.len();
    let at = |i: usize| if i < n { run[i].0 } else { end };
    // best[i]: the cheapest cost of run[i..]; next[i]: where its first word ends
    let mut best = vec![0u32; n + 1];
    let mut next = vec![n; n + 1];
    for i in (0..n).rev() {
        let mut b = u32::MAX;
        for len in 1..=MAX_LEN.min(n - i) {
            let w = &s[at(i)..at(i + len)];
            let c = match t.cost(w) {
                Some(c) => c,
                None if len == 1 => t.unknown,
                None => continue,
            };
            let v = u32::from(c) + best[i + len];
            if v < b {
                b = v;
                next[i] = i + len;
            }
        }
        best[i] = b;
    }
    // the words, as (start, length) in characters
    let mut words = Vec::new();
    let mut i = 0;
    while i < n {
        words.push((i, next[i] - i));
        i = next[i];
    }
    // a break beside a single character is likely inside a word the list does not
    // know (a name, a new term: 认识新|时代), unless it is a word of grammar (的, 和)
    let single = |(a, len): (usize, usize)| len == 1 && !GRAMMAR.contains(run[a].1);
    let mut cuts: Vec<usize> = (1..words.len())
        .filter(|&k| !single(words[k - 1]) && !single(words[k]))
        .collect();
    // A piece longer than LONG_PIECE would be cut anywhere where a line is too short for
    // it: there, also where two or more single characters meet a word (每万人|平均上重点线|率近: an
    // unknown word of their own, as jieba's model would make them).
    let mut more = Vec::new();
    let mut from = 0;
    for &end in cuts.iter().chain(std::iter::once(&words.len())) {
        let chars = words[end - 1].0 + words[end - 1].1 - words[from].0;
        if chars > LONG_PIECE {
            let singles = |k: usize, step: isize| {
                let mut m = 0;
                let mut k = k as isize;
                while (from as isize..end as isize).contains(&k) && words[k as usize].1 == 1 {
                    m += 1;
                    k += step;
                }
                m
            };
            more.extend((from + 1..end).filter(|&k| {
                (words[k - 1].1 > 1 && singles(k, 1) > 1)
                    || (words[k].1 > 1 && singles(k - 1, -1) > 1)
            }));
        }
        from = end;
    }
    cuts.extend(more);
    cuts.sort_unstable();
    out.extend(cuts.into_iter().map(|k| at(words[k].0)));
}

/// Longest piece, in characters, kept whole where words meet runs of single characters
/// (发展新质生产力: a term; a line of the narrowest heading holds 14 characters).
const LONG_PIECE: usize = 8;

/// Characters that are words of grammar on their own: a line may break beside them.
const GRAMMAR: &str =
    "的地得了着过和与及或是在把被对向从为以于而并且也都就又将让使由等之其所各每该本此即但若";

/// `s` cut into pieces at [`breaks`].
pub fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for b in breaks(s) {
        out.push(&s[from..b]);
        from = b;
    }
    out.push(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table build.rs packs is the list: every word with its cost, of every length
    /// (the front coding undone), and nothing else.
    #[test]
    fn the_table_holds_the_list_word_for_word() {
        let mut cost = 0;
        let mut words = 0;
        for line in include_str!("list.txt").lines() {
            if let Some(n) = line.strip_prefix('=') {
                cost = n.parse().unwrap();
            } else if !line.starts_with('#') && !line.is_empty() {
                words += 1;
                assert_eq!(table().cost(line), Some(cost), "{line}");
            }
        }
        let held: usize = table().runs.iter().map(|r| r.1).sum();
        assert_eq!(held, words);
        assert_eq!(table().cost("浙江省委书记"), None);
    }

    #[test]
    fn headings_break_between_words_only() {
        assert_eq!(
            pieces("切实增强发展新质生产力的战略主动"),
            ["切实增强", "发展新质生产力", "的", "战略", "主动"]
        );
        // the breaks the issue saw inside words: 浙|江 自我革|命 学|校 实|行 帝|国主义 高质|量 为推|动
        for (text, bad) in [
            ("坚持浙江经验", "坚持浙"),
            ("勇于自我革命", "勇于自我革"),
            ("办好学校教育", "办好学"),
            ("实行最严格的制度", "实"),
            ("反对帝国主义侵略", "反对帝"),
            ("推动高质量发展", "推动高质"),
            ("为推动高质量发展", "为推"),
        ] {
            assert!(!breaks(text).contains(&bad.len()), "{:?}", pieces(text));
        }
        assert_eq!(pieces("为推动高质量发展"), ["为", "推动", "高质量", "发展"]);
    }

    #[test]
    fn a_long_piece_is_cut_where_unknown_words_meet_known_ones() {
        // leader-speech-2010-education-meeting-web: the runtime split 上重点|线率近 at 4:3
        assert_eq!(
            pieces("每万人平均上重点线率近"),
            ["每万人", "平均上重点线", "率近"]
        );
        // short pieces stay whole
        assert_eq!(pieces("认识新时代"), ["认识新时代"]);
    }

    #[test]
    fn text_other_than_ideographs_is_left_to_the_usual_rules() {
        assert!(breaks("GDP增长5.5%左右")
            .iter()
            .all(|&b| b > "GDP增长5.5%".len()));
        assert!(breaks("").is_empty());
        assert!(breaks("，。").is_empty());
    }
}
