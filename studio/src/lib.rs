//! The compiler for `lectern-studio.html`: a WebAssembly module with a small hand-written
//! interface (no bindings generator), called from the page's Web Worker.
//!
//! Memory: the page asks [`studio_alloc`] for a buffer, copies bytes in and hands it to a
//! call, which takes it over. Every call leaves its answer in one result buffer (JSON, or
//! a file's bytes) whose address and length [`studio_result_ptr`]/[`studio_result_len`]
//! give, valid until the next call. A call returns 1 when it worked, 0 when its result
//! is a failure as JSON: `{"ok": false, "kind", "message", "zh", "diagnostics"?, "text"?}`.

// A failure carries its words in two languages and the lecture's diagnostics: bigger than
// clippy likes an error to be, and made once a build at most.
#![allow(clippy::result_large_err)]

pub mod session;
mod theme_zip;

use std::cell::RefCell;

use serde_json::json;
use session::{Controls, Failure, Session};

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the page to fill.
#[no_mangle]
pub extern "C" fn studio_alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len.max(1));
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Takes back a buffer from [`studio_alloc`] of `len` bytes.
///
/// # Safety
/// `ptr` came from `studio_alloc(len)` and is not used after.
#[no_mangle]
pub unsafe extern "C" fn studio_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

/// Takes over a buffer filled with `len` bytes.
///
/// # Safety
/// `ptr` came from `studio_alloc(len)` and holds `len` bytes.
unsafe fn take(ptr: *mut u8, len: usize) -> Vec<u8> {
    Vec::from_raw_parts(ptr, len, len.max(1))
}

#[no_mangle]
pub extern "C" fn studio_result_ptr() -> *const u8 {
    RESULT.with(|r| r.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn studio_result_len() -> usize {
    RESULT.with(|r| r.borrow().len())
}

fn answer(result: Result<Vec<u8>, Failure>) -> u32 {
    let (ok, bytes) = match result {
        Ok(bytes) => (1, bytes),
        Err(f) => {
            let mut v = json!({"ok": false, "kind": f.kind, "message": f.message, "zh": f.zh});
            if let Some(d) = f.diagnostics {
                v["diagnostics"] = d;
            }
            if let Some(t) = f.text {
                v["text"] = t.into();
            }
            (0, v.to_string().into_bytes())
        }
    };
    RESULT.with(|r| *r.borrow_mut() = bytes);
    ok
}

/// Builds the lecture (`input`) with the page's controls (`controls`, JSON); the result
/// describes the deck (see [`Session::compile`]).
///
/// # Safety
/// Both buffers came from [`studio_alloc`] with these lengths, filled; they are taken over.
#[no_mangle]
pub unsafe extern "C" fn studio_compile(
    input: *mut u8,
    input_len: usize,
    controls: *mut u8,
    controls_len: usize,
) -> u32 {
    let input = take(input, input_len);
    let controls = take(controls, controls_len);
    answer(
        Controls::from_json(&controls)
            .map_err(|e| Failure::new("controls", &e, &e))
            .and_then(|c| SESSION.with(|s| s.borrow_mut().compile(&input, &c)))
            .map(|v| v.to_string().into_bytes()),
    )
}

/// The last good deck as the file of writer `name` (`html`, `pptx`).
///
/// # Safety
/// The buffer came from [`studio_alloc`] with this length, filled; it is taken over.
#[no_mangle]
pub unsafe extern "C" fn studio_write(name: *mut u8, name_len: usize) -> u32 {
    let name = take(name, name_len);
    let name = String::from_utf8_lossy(&name);
    answer(SESSION.with(|s| s.borrow().write(&name)))
}

/// Loads a department theme from a .zip of its folder; the result is `{"ok", "name"}`.
///
/// # Safety
/// The buffer came from [`studio_alloc`] with this length, filled; it is taken over.
#[no_mangle]
pub unsafe extern "C" fn studio_theme_zip(zip: *mut u8, zip_len: usize) -> u32 {
    let zip = take(zip, zip_len);
    answer(
        SESSION
            .with(|s| s.borrow_mut().load_theme_zip(&zip))
            .map(|name| json!({"ok": true, "name": name}).to_string().into_bytes()),
    )
}

/// Loads a department theme from its folder, as the page packs the folder picker's files
/// (see `theme_zip::read_packed`); the result is `{"ok", "name"}`.
///
/// # Safety
/// The buffer came from [`studio_alloc`] with this length, filled; it is taken over.
#[no_mangle]
pub unsafe extern "C" fn studio_theme_folder(packed: *mut u8, packed_len: usize) -> u32 {
    let packed = take(packed, packed_len);
    answer(
        SESSION
            .with(|s| s.borrow_mut().load_theme_folder(&packed))
            .map(|name| json!({"ok": true, "name": name}).to_string().into_bytes()),
    )
}

/// Loads the unit's PowerPoint template (.pptx/.potx) named `name` as a theme; the result
/// is `{"ok", "name", "took", "missed"}` (see [`Session::load_template`]).
///
/// # Safety
/// Both buffers came from [`studio_alloc`] with these lengths, filled; they are taken over.
#[no_mangle]
pub unsafe extern "C" fn studio_theme_template(
    name: *mut u8,
    name_len: usize,
    bytes: *mut u8,
    bytes_len: usize,
) -> u32 {
    let name = take(name, name_len);
    let name = String::from_utf8_lossy(&name);
    let bytes = take(bytes, bytes_len);
    answer(
        SESSION
            .with(|s| s.borrow_mut().load_template(&name, &bytes))
            .map(|v| v.to_string().into_bytes()),
    )
}

/// The built-in themes, default first, as a JSON list.
#[no_mangle]
pub extern "C" fn studio_themes() -> u32 {
    answer(Ok(json!(lectern::theme::builtin_names())
        .to_string()
        .into_bytes()))
}
