//! Writing the component to `-o FILE` the way `cp` writes its destination.
//!
//! - A symbolic link is followed: its target is written, the link stays.
//! - A device, FIFO or socket is opened and written directly, never replaced.
//! - A regular file with more than one hard link is truncated and written in
//!   place, so every name keeps seeing the same file (like `cp`); an I/O
//!   error mid-write can then leave it partial.
//! - Any other regular file, and a new one, is written to a temporary file
//!   beside it and renamed over it, so a failure or a SIGINT/SIGTERM/SIGHUP
//!   never leaves a partial file or a stray temporary one. An existing file
//!   keeps its permission bits.
//! - A regular file without any write permission bit is refused, even for
//!   root, as is a directory.

use anyhow::{bail, Context};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Refuses, before anything is converted, a destination that cannot be
/// written: one in a folder that does not exist, or the file `input` itself
/// (as `cp` refuses to copy a file onto itself).
pub fn check_destination(path: &Path, input: Option<&Path>) -> anyhow::Result<()> {
    let name = path.display();
    let target = follow_symlinks(path).with_context(|| format!("{name}: cannot write"))?;
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        bail!(
            "{name}: the folder {} does not exist; create it first",
            folder.display()
        );
    }
    if let (Some(input), Ok(output)) = (input, fs::metadata(&target)) {
        if fs::metadata(input).is_ok_and(|input| same_file(&input, &output)) {
            bail!(
                "{name}: is the input file {}; refusing to overwrite the input (write the component to another file)",
                input.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Writes `bytes` to `path` following the rules above.
pub fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path.display();
    let target = follow_symlinks(path).with_context(|| format!("{name}: cannot write"))?;
    let existing = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(|| format!("{name}: cannot write")),
    };
    match existing {
        None => write_atomically(&target, bytes, None),
        Some(metadata) if metadata.is_dir() => bail!("{name}: is a directory"),
        Some(metadata) if !metadata.is_file() => {
            write_in_place(&target, bytes).with_context(|| format!("{name}: cannot write"))
        }
        Some(metadata) if metadata.permissions().readonly() => {
            bail!("{name}: is read-only; refusing to overwrite it (make it writable or remove it)")
        }
        Some(metadata) => {
            // Fail as `cp` would when the file exists but is not ours to
            // write: the rename below only needs the directory's permission.
            OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| format!("{name}: cannot write"))?;
            if link_count(&metadata) > 1 {
                write_in_place(&target, bytes).with_context(|| format!("{name}: cannot write"))
            } else {
                write_atomically(&target, bytes, Some(metadata.permissions()))
            }
        }
    }
}

/// `path` with every symbolic link along the final component resolved, so
/// that a dangling link names the file to create.
fn follow_symlinks(path: &Path) -> io::Result<PathBuf> {
    // The limit Linux puts on nested links (ELOOP).
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

#[cfg(unix)]
fn link_count(metadata: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn link_count(_: &fs::Metadata) -> u64 {
    1
}

fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Truncation is a no-op for devices and FIFOs, and what `cp` does to a
    // regular file it writes in place.
    let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes through a temporary file in the destination's directory and
/// renames it into place, so a failure never leaves a partial component
/// where a build system would take it for a finished one.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.display();
    // Each candidate name is registered for removal before the file is
    // created under it, so no signal can end the process between the two.
    // (A signal before the creation unlinks a name that does not exist.)
    let mut cleanup = None;
    let mut file = tempfile::Builder::new()
        .make_in(dir, |candidate| {
            cleanup = Some(interrupt::remove_on_signal(candidate));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            // What `File::create` gives (the umask applies), not the
            // owner-only mode of temporary files: a new component is an
            // ordinary output.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
            options.open(candidate)
        })
        .with_context(|| format!("{name}: cannot create a temporary file next to it"))?;
    if let Some(permissions) = permissions {
        file.as_file()
            .set_permissions(permissions)
            .with_context(|| format!("{name}: cannot keep its permissions"))?;
    }
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .with_context(|| format!("{name}: cannot write"))?;
    file.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{name}: cannot write"))?;
    Ok(())
}

/// Removing the temporary file when a signal ends the process: `tempfile`
/// deletes it on drop, which a signal's default action skips.
#[cfg(unix)]
mod interrupt {
    use std::ffi::{c_char, c_int, CString};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr;
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::Once;

    /// The signals that end a process by default and that users and
    /// supervisors send to stop one.
    const SIGNALS: [c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    /// The temporary file to remove, owned by whoever swaps it out: the
    /// handler or [`Registration::drop`], never both.
    static TEMPORARY: AtomicPtr<c_char> = AtomicPtr::new(ptr::null_mut());

    /// Unregisters the temporary file when dropped.
    pub struct Registration(());

    /// Has `path` removed if one of [`SIGNALS`] arrives before the returned
    /// value is dropped.
    pub fn remove_on_signal(path: &Path) -> Registration {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(install_handlers);
        if let Ok(path) = CString::new(path.as_os_str().as_bytes()) {
            let old = TEMPORARY.swap(path.into_raw(), Ordering::SeqCst);
            free(old);
        }
        Registration(())
    }

    impl Drop for Registration {
        fn drop(&mut self) {
            free(TEMPORARY.swap(ptr::null_mut(), Ordering::SeqCst));
        }
    }

    fn free(path: *mut c_char) {
        if !path.is_null() {
            // SAFETY: every non-null pointer in TEMPORARY comes from
            // `CString::into_raw`, and the swap made this one ours.
            drop(unsafe { CString::from_raw(path) });
        }
    }

    /// Installs [`on_signal`] for each of [`SIGNALS`] that still has its
    /// default action (one ignored by the parent, as under `nohup`, stays
    /// ignored).
    fn install_handlers() {
        for signal in SIGNALS {
            // SAFETY: plain sigaction calls with zeroed, then filled-in,
            // structs; the handler only makes async-signal-safe calls.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, ptr::null(), &mut old) != 0
                    || old.sa_sigaction != libc::SIG_DFL
                {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(c_int) as libc::sighandler_t;
                action.sa_flags = libc::SA_RESETHAND;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, ptr::null_mut());
            }
        }
    }

    /// Removes the registered temporary file, then raises `signal` again
    /// with its default action (SA_RESETHAND restored it), so the process
    /// ends the way its parent expects.
    extern "C" fn on_signal(signal: c_int) {
        let path = TEMPORARY.swap(ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: unlink and raise are async-signal-safe; `path` is a
        // NUL-terminated string nobody else frees any more.
        unsafe {
            if !path.is_null() {
                libc::unlink(path);
            }
            libc::raise(signal);
        }
    }
}

#[cfg(not(unix))]
mod interrupt {
    pub struct Registration;

    /// Only Unix signals are handled.
    pub fn remove_on_signal(_: &std::path::Path) -> Registration {
        Registration
    }
}
