//! Errors as sentences in the user's language. The core's errors carry their Chinese
//! beside their English (`zh()` next to `Display`, for every front end); here the loading,
//! writing and printing errors of the command line get theirs, and an operating-system
//! error becomes one that says what to do.

use std::io::ErrorKind;
use std::path::Path;

use lectern::project::output::WriteError;
use lectern::project::{LoadError, ReadError};

use super::lang::{current, t, Lang};

/// Why loading or compiling failed, as one line.
pub fn load_error(e: &LoadError) -> String {
    if current() == Lang::En {
        return e.to_string();
    }
    match e {
        LoadError::Read { path, error } => read_error(path, error),
        LoadError::Foreign { path, kind } => format!("{}：{}", path.display(), kind.zh()),
        LoadError::DeckFile { path, line: 0, .. } => {
            format!("{}：不是 UTF-8 文本，请另存为 UTF-8", path.display())
        }
        LoadError::DeckFile {
            path,
            line,
            column,
            message,
        } => format!("{}:{line}:{column}：设置有误：{message}", path.display()),
        LoadError::NoThemeFolder { path } => format!(
            "{}：没有这个主题文件夹；`lectern themes` 列出内置主题",
            path.display()
        ),
        LoadError::Theme(e) => e.zh(),
        LoadError::Lecture { path, error } => {
            format!("{}：{}", path.display(), error.zh())
        }
    }
}

fn read_error(path: &Path, e: &ReadError) -> String {
    let p = path.display();
    match e {
        ReadError::NotFound => format!("{p}：找不到这个文件：请检查文件名和所在的文件夹"),
        ReadError::IsFolder => format!("{p}：这是一个文件夹；请给出讲稿文件"),
        ReadError::NotRegular => format!("{p}：不是普通文件（设备或管道）；请给出一个文件"),
        ReadError::TooLarge(limit) => {
            format!("{p}：文件超过 {} MB，不像是讲稿", limit >> 20)
        }
        ReadError::PermissionDenied => {
            format!("{p}：没有权限读取这个文件：请把它复制到自己的文件夹，或请管理员放开权限")
        }
        ReadError::Os(detail) => format!("{p}：读不出来：{detail}"),
    }
}

/// Why the deck could not be written, as one line that says what to do.
pub fn write_error(e: &WriteError) -> String {
    match e {
        WriteError::Io { out, error } => os_error(out, error, true),
        _ if current() == Lang::En => e.to_string(),
        WriteError::WouldOverwriteLecture(out) => format!(
            "{}：输出会覆盖讲稿本身；请用 -o 换一个文件名",
            out.display()
        ),
        WriteError::NoFolder { out, dir } => format!(
            "{}：文件夹 {} 不存在；请先建好它，或换一个位置",
            out.display(),
            dir.display()
        ),
        WriteError::NotAFile(out) => format!(
            "{}：这是文件夹或设备，不是文件；请用 -o 给出文件名",
            out.display()
        ),
    }
}

/// An operating-system error on `path` as a sentence with what to do.
pub fn os_error(path: &Path, e: &std::io::Error, writing: bool) -> String {
    let p = path.display();
    // ENAMETOOLONG: ErrorKind::InvalidFilename is newer than our minimum Rust
    if e.raw_os_error() == Some(36) && cfg!(target_os = "linux") {
        return t!(
            "{p}: the file name is too long for this disk: choose a shorter name",
            "{p}：文件名太长，这个磁盘存不下：请换一个短一点的名字"
        );
    }
    match (e.kind(), writing) {
        (ErrorKind::PermissionDenied, true) => t!(
            "{p}: you may not write here: choose another folder with -o, or ask for write permission",
            "{p}：没有权限写入：请用 -o 换一个文件夹，或请管理员开放写入权限"
        ),
        (ErrorKind::PermissionDenied, false) => t!(
            "{p}: you may not read it: copy it to a folder of your own, or ask for read permission",
            "{p}：没有权限读取：请把它复制到自己的文件夹，或请管理员开放读取权限"
        ),
        (ErrorKind::StorageFull, _) => t!(
            "{p}: the disk is full: free some space or write the deck elsewhere with -o",
            "{p}：磁盘已满：请清理出一些空间，或用 -o 写到别的磁盘"
        ),
        (ErrorKind::ReadOnlyFilesystem, _) => t!(
            "{p}: this disk is read-only: write the deck elsewhere with -o",
            "{p}：这个磁盘是只读的：请用 -o 写到别处"
        ),
        (ErrorKind::NotFound, _) => t!(
            "{p}: not found: check the name and the folder",
            "{p}：找不到：请检查文件名和文件夹"
        ),
        _ if writing => t!(
            "{p}: cannot write the deck: {e}",
            "{p}：写不进去：{e}"
        ),
        _ => t!("{p}: cannot read it: {e}", "{p}：读不出来：{e}"),
    }
}

/// Why no PDF was printed, with what to install or set.
pub fn pdf_error(e: &lectern::render::pdf::PdfError) -> String {
    use lectern::render::pdf::PdfError;
    if current() == Lang::En {
        return e.to_string();
    }
    match e {
        PdfError::NoBrowser => "找不到用来打印 PDF 的 Chrome、Edge 或 Chromium 浏览器：请安装其中一个，或用 LECTERN_BROWSER=浏览器路径 指定".into(),
        PdfError::NamedBrowserMissing(p) => {
            format!("LECTERN_BROWSER 指定的 {} 不存在：请检查路径", p.display())
        }
        PdfError::Browser { path, detail } => {
            format!("{} 没能打印幻灯片：{detail}", path.display())
        }
        PdfError::Io(err) => format!("无法准备打印：{err}"),
    }
}
