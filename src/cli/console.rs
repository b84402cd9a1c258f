//! Whether the console is our own: Windows gives a program started from Explorer (a
//! double-click, a dropped file) a new console that closes when it exits, so what it
//! says must wait for Enter; a program started from cmd or PowerShell shares theirs.

/// True when no other process is attached to our console (never off Windows).
#[cfg(windows)]
#[allow(unsafe_code)]
pub fn own() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 4];
    // SAFETY: the buffer is valid for `ids.len()` process ids, which is what we pass;
    // the call only writes into it and returns how many processes share the console.
    let attached = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    attached == 1
}

#[cfg(not(windows))]
pub fn own() -> bool {
    false
}
