//! A picture shown on many slides is in the deck once, and every place still shows it:
//! in the slides, in the notes of the speaker view and in print.

use crate::common::browser::{chromium, file_url};
use crate::common::cli::Test;

const PHOTO: &[u8] = include_bytes!("../fixtures/photo.png");

fn lecture(times: usize) -> String {
    let mut md = String::from("# 标题\n\n同志们：\n\n");
    for i in 1..=times {
        md.push_str(&format!(
            "## 第{i}部分\n\n内容{i}。\n\n![支部活动照片](photo.png)\n\n"
        ));
    }
    md
}

#[test]
fn a_picture_on_thirty_slides_is_embedded_once() {
    let deck = |times: usize| {
        let ran = Test::new()
            .file("photo.png", PHOTO)
            .file("p.md", lecture(times))
            .args(["build", "p.md", "-q"])
            .run();
        ran.read_string("p.html")
    };
    let (one, thirty) = (deck(1), deck(30));
    assert_eq!(thirty.matches("data:image/png;base64,").count(), 1);
    assert_eq!(thirty.matches("data-lx-pic=").count(), 30);
    // thirty places cost a few hundred bytes each, not thirty copies
    let per_place = (thirty.len() - one.len()) / 29;
    assert!(per_place < 2_000, "{per_place} bytes a place");
}

#[test]
fn every_place_of_a_shared_picture_shows_it() {
    let Some(chrome) = chromium("every_place_of_a_shared_picture_shows_it") else {
        return;
    };
    let ran = Test::new()
        .file("photo.png", PHOTO)
        .file("p.md", lecture(5))
        .args(["build", "p.md", "-q"])
        .run();
    let deck = ran.path("p.html");
    for suffix in ["", "?print", "?print=handout"] {
        let page = chrome.open(&file_url(&deck, suffix));
        let shown: Vec<u32> = page.eval(
            "[...document.querySelectorAll('.slides > section img')].map(i => i.complete ? i.naturalWidth : 0)",
        );
        // (the handout shows each slide twice: the slide and its place beside the notes)
        assert!(shown.len() >= 5, "{suffix}: {shown:?}");
        assert!(
            shown.iter().all(|&w| w == 4),
            "{suffix}: the pictures' widths {shown:?}"
        );
    }
}

#[test]
fn the_pptx_holds_a_shared_picture_in_one_media_part() {
    let ran = Test::new()
        .file("photo.png", PHOTO)
        .file("p.md", lecture(5))
        .args(["build", "p.md", "-o", "p.pptx", "-q"])
        .run();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(ran.read("p.pptx"))).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let media: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("ppt/media/image"))
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let mut pointing = 0;
    for name in names.iter().filter(|n| n.starts_with("ppt/slides/_rels/")) {
        let mut rels = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut rels).unwrap();
        pointing += usize::from(rels.contains(media[0].trim_start_matches("ppt/")));
    }
    assert_eq!(pointing, 5, "slides that show the picture");
}

#[test]
fn a_large_photo_shown_on_three_hundred_slides_builds() {
    // 300 places of one picture: one copy in the deck, so within the deck's budget
    let ran = Test::new()
        .file("photo.png", PHOTO)
        .file("p.md", lecture(300))
        .args(["build", "p.md", "-q"])
        .run();
    assert_eq!(
        ran.read_string("p.html").matches("data-lx-pic=").count(),
        300
    );
}
