//! A department theme from a .zip of its folder, or from the folder itself as the page's
//! folder picker hands it over, read in memory: the page has no folders to read, and a zip
//! is what people mail each other.

use std::io::Read;

use lectern::theme::files::MemoryFiles;

/// Theme files bigger than this together are refused (a theme is some TOML, templates
/// and a font or logo).
const MAX_THEME_BYTES: u64 = 32 << 20;

/// The theme folder in `bytes`: the files under the folder that holds `theme.toml`
/// (the zip's root or one folder in it).
/// Errors come in English and Chinese.
pub fn read(bytes: &[u8]) -> Result<MemoryFiles, (String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        (
            format!("not a readable .zip: {e}"),
            format!("不是能读的 .zip 文件（{e}）"),
        )
    })?;
    let names: Vec<String> = (0..zip.len())
        .filter_map(|i| zip.name_for_index(i).map(str::to_string))
        .collect();
    let root = theme_root(names.iter().map(String::as_str)).ok_or_else(|| {
        (
            "the .zip has no theme.toml (zip the theme folder itself)".to_string(),
            ".zip 里没有 theme.toml（请把主题文件夹本身压缩成 .zip）".to_string(),
        )
    })?;
    let origin = root.trim_end_matches('/');
    let mut files = MemoryFiles::new(if origin.is_empty() {
        "theme.zip"
    } else {
        origin
    });
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| (e.to_string(), format!(".zip 已损坏（{e}）")))?;
        if entry.is_dir() {
            continue;
        }
        let Some(path) = entry.name().strip_prefix(root.as_str()).map(str::to_string) else {
            continue;
        };
        total += entry.size();
        if total > MAX_THEME_BYTES {
            return Err(too_big());
        }
        let mut data = Vec::with_capacity(entry.size() as usize);
        entry
            .by_ref()
            .take(MAX_THEME_BYTES)
            .read_to_end(&mut data)
            .map_err(|e| (format!("{path}: {e}"), format!("{path}：读不出来（{e}）")))?;
        files = files.with(path, data);
    }
    Ok(files)
}

/// Where the theme folder starts among `names`: the shallowest `theme.toml` at the top
/// or one folder down (`dept/theme.toml`), as the prefix to strip.
fn theme_root<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    names
        .filter_map(|n| n.strip_suffix("theme.toml"))
        .filter(|prefix| {
            prefix.is_empty() || (prefix.ends_with('/') && prefix.matches('/').count() == 1)
        })
        .min_by_key(|prefix| prefix.len())
        .map(str::to_string)
}

fn too_big() -> (String, String) {
    let mb = MAX_THEME_BYTES >> 20;
    (
        format!("the theme's files are over {mb} MB"),
        format!("主题的文件超过 {mb} MB"),
    )
}

/// The theme folder the page's folder picker chose, packed by the page as a list of
/// files: for each, the path's length (u32, little-endian), the path (UTF-8, starting
/// with the chosen folder's name), the content's length (u32) and the content.
pub fn read_packed(bytes: &[u8]) -> Result<MemoryFiles, (String, String)> {
    let broken = || {
        (
            "the folder's files did not arrive whole".to_string(),
            "文件夹里的文件没有完整读到".to_string(),
        )
    };
    let mut entries = Vec::new();
    let mut rest = bytes;
    let take = |rest: &mut &[u8]| -> Option<Vec<u8>> {
        let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let piece = rest.get(4..4 + len)?.to_vec();
        *rest = &rest[4 + len..];
        Some(piece)
    };
    while !rest.is_empty() {
        let path = take(&mut rest).ok_or_else(broken)?;
        let data = take(&mut rest).ok_or_else(broken)?;
        entries.push((String::from_utf8_lossy(&path).into_owned(), data));
    }
    let root = theme_root(entries.iter().map(|(n, _)| n.as_str())).ok_or_else(|| {
        (
            "the folder has no theme.toml (choose the theme folder itself)".to_string(),
            "文件夹里没有 theme.toml（请选择主题文件夹本身）".to_string(),
        )
    })?;
    let origin = root.trim_end_matches('/');
    let mut files = MemoryFiles::new(if origin.is_empty() { "theme" } else { origin });
    let mut total = 0u64;
    for (path, data) in entries {
        let Some(path) = path.strip_prefix(root.as_str()) else {
            continue;
        };
        total += data.len() as u64;
        if total > MAX_THEME_BYTES {
            return Err(too_big());
        }
        files = files.with(path.to_string(), data);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (path, data) in files {
            out.extend((path.len() as u32).to_le_bytes());
            out.extend(path.as_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend(*data);
        }
        out
    }

    #[test]
    fn a_chosen_folder_is_the_theme_under_its_theme_toml() {
        let files = read_packed(&pack(&[
            ("dept/theme.toml", b"name = \"dept\"\nextends = \"blue\"\n"),
            ("dept/logo.svg", b"<svg/>"),
        ]))
        .unwrap();
        let theme = lectern::theme::Registry::new().load_from(&files).unwrap();
        assert_eq!(theme.name, "dept");
    }

    #[test]
    fn a_folder_without_theme_toml_or_cut_short_is_refused_in_chinese() {
        let (_, zh) = read_packed(&pack(&[("dept/logo.svg", b"<svg/>")])).unwrap_err();
        assert!(zh.contains("theme.toml"), "{zh}");
        let whole = pack(&[("dept/theme.toml", b"name = \"dept\"\n")]);
        let (_, zh) = read_packed(&whole[..whole.len() - 3]).unwrap_err();
        assert!(zh.contains("没有完整"), "{zh}");
    }
}
