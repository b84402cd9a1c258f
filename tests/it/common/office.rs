//! LibreOffice, headless: the stand-in for PowerPoint and WPS in the .pptx tests.

use std::path::Path;
use std::process::Command;

/// LibreOffice converts `files` to PDF in `dir`, in one run with a profile of its own (a
/// shared or stale profile makes it exit at once without converting). Its exit code says
/// nothing: callers check that each PDF exists.
pub fn libreoffice_pdf<P: AsRef<Path>>(dir: &Path, files: &[P]) {
    let profile = dir.join(format!("lo-profile-{}", std::process::id()));
    let _ = Command::new("soffice")
        .args(["--headless", "--norestore"])
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(files.iter().map(AsRef::as_ref))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&profile);
}
