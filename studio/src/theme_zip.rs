//! A department theme from a .zip of its folder, read in memory: the page has no
//! folders to read, and a zip is what people mail each other.

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
    let root = (0..zip.len())
        .filter_map(|i| zip.name_for_index(i).map(str::to_string))
        .filter_map(|n| n.strip_suffix("theme.toml").map(str::to_string))
        .filter(|prefix| prefix.is_empty() || prefix.matches('/').count() == 1)
        .min_by_key(|prefix| prefix.len())
        .ok_or_else(|| {
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
            let mb = MAX_THEME_BYTES >> 20;
            return Err((
                format!("the theme's files are over {mb} MB"),
                format!("主题的文件超过 {mb} MB"),
            ));
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
