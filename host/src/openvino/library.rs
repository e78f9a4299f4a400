//! Finding and loading OpenVINO's C library (`libopenvino_c`) at run time.
//!
//! `openvino-sys` 0.11.1 (`runtime-linking`) keeps the loaded library in one
//! process-wide `static LazyLock<RwLock<Option<Arc<SharedLibrary>>>>`
//! (`src/linking/runtime.rs`), even though its panic message says "not loaded
//! on this thread": loading it once, from any thread, makes it usable from
//! every thread (the `loaded_library_is_process_wide` test checks this). Its
//! own search only looks for an unversioned `libopenvino_c.so`, which the PyPI
//! wheel does not ship (`libopenvino_c.so.2641`), so this module finds the file
//! itself and loads it by exact path. [`load`] is idempotent and cheap after
//! the first success; every path that touches OpenVINO calls it first.

use anyhow::{bail, Context as _, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// The command the error message recommends; the host is tested against it.
pub const INSTALL_COMMAND: &str = "pip install openvino==2026.4.1";

/// The path loaded by the first successful [`load`]; failures are not cached
/// so that a later call can succeed once the environment is fixed.
static LOADED: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Loads `libopenvino_c` once per process and returns the file it came from.
///
/// Search order: `OPENVINO_LIB` (a file, or a folder holding the library),
/// `OPENVINO_INSTALL_DIR` (its `runtime/lib/intel64` and `lib` folders, or the
/// folder itself), the standard system library folders, then the
/// `openvino/libs` folder of the OpenVINO wheel that `python3` would import
/// (remembered across processes once [`remember_wheel_in`] names a file).
pub fn load() -> Result<PathBuf> {
    let mut loaded = LOADED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(path) = loaded.as_ref() {
        return Ok(path.clone());
    }
    let path = find()?;
    openvino_sys::library::load_from(path.clone())
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("loading OpenVINO's C library from {}", path.display()))?;
    tracing::debug!(path = %path.display(), "loaded OpenVINO");
    *loaded = Some(path.clone());
    Ok(path)
}

/// Whether the loaded `libopenvino_c` has `ov_core_compile_model_props`, the
/// non-variadic compile that takes properties (the model cache's
/// `CACHE_DIR`). `openvino-sys` panics when a function it declares is
/// missing, so an older library is asked first; then models are compiled
/// without the cache.
pub(crate) fn has_compile_model_props() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    *FOUND.get_or_init(|| {
        let Ok(path) = load() else { return false };
        // SAFETY: the library is already loaded (this only takes a
        // reference), and the symbol is looked up, never called, here.
        let found = unsafe {
            libloading::Library::new(&path).is_ok_and(|library| {
                library
                    .get::<unsafe extern "C" fn()>(b"ov_core_compile_model_props\0")
                    .is_ok()
            })
        };
        if !found {
            tracing::warn!(path = %path.display(), "this OpenVINO has no ov_core_compile_model_props: compiled models are not cached");
        }
        found
    })
}

/// Returns the first `libopenvino_c` found in the documented search order.
fn find() -> Result<PathBuf> {
    let mut tried = Vec::new();
    if let Some(lib) = std::env::var_os("OPENVINO_LIB") {
        let lib = PathBuf::from(lib);
        if lib.is_file() {
            return Ok(lib);
        }
        match library_in(&lib) {
            Some(found) => return Ok(found),
            None => bail!(
                "OPENVINO_LIB={} is neither the libopenvino_c file nor a folder holding it",
                lib.display()
            ),
        }
    }
    if let Some(dir) = std::env::var_os("OPENVINO_INSTALL_DIR") {
        let dir = PathBuf::from(dir);
        for sub in ["runtime/lib/intel64", "runtime/lib/aarch64", "lib", "."] {
            let folder = dir.join(sub);
            if let Some(found) = library_in(&folder) {
                return Ok(found);
            }
            tried.push(folder);
        }
    }
    for folder in [
        "/usr/local/lib",
        "/usr/lib",
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
        "/opt/intel/openvino/runtime/lib/intel64",
    ] {
        let folder = PathBuf::from(folder);
        if let Some(found) = library_in(&folder) {
            return Ok(found);
        }
        tried.push(folder);
    }
    match wheel_libs(WHEEL_MEMO.get().map(PathBuf::as_path), python_wheel_libs) {
        Some(folder) => {
            if let Some(found) = library_in(&folder) {
                return Ok(found);
            }
            tried.push(folder);
        }
        None => tried.push(PathBuf::from(
            "<the openvino package of python3> (not installed)",
        )),
    }
    let tried = tried
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    bail!(
        "OpenVINO's C library (libopenvino_c) was not found; install it with `{INSTALL_COMMAND}` \
         or point OPENVINO_LIB at the file (looked in: {tried})"
    )
}

/// Finds `libopenvino_c.so` or a versioned `libopenvino_c.so.N` in `folder`.
fn library_in(folder: &Path) -> Option<PathBuf> {
    newest_in(folder, "libopenvino_c")
}

/// Finds `STEM.so` or a versioned `STEM.so.N` in `folder`, preferring the
/// unversioned name and then the highest version.
pub(crate) fn newest_in(folder: &Path, stem: &str) -> Option<PathBuf> {
    let unversioned = folder.join(format!("{stem}.so"));
    if unversioned.is_file() {
        return Some(unversioned);
    }
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter_map(|path| Some((library_version(path.file_name()?.to_str()?, stem)?, path)))
        .max_by(|(a, _), (b, _)| a.cmp(b))
        .map(|(_, path)| path)
}

/// The version numbers of a `STEM.so.N[.M...]` file name, compared as
/// numbers (so `.so.2641` is newer than `.so.999`); `None` for any other
/// name.
fn library_version(name: &str, stem: &str) -> Option<Vec<u64>> {
    name.strip_prefix(stem)?
        .strip_prefix(".so.")?
        .split('.')
        .map(|part| part.parse().ok())
        .collect()
}

/// The file that remembers the wheel's `libs` folder, if any.
static WHEEL_MEMO: OnceLock<PathBuf> = OnceLock::new();

/// Remembers in `file` where `python3` said the OpenVINO wheel is, so that a
/// later process finds the library without starting Python (about 70 ms of
/// every `nn-host run` otherwise). The first call in a process wins; the
/// memo is only used while its folder still holds the library, and
/// `OPENVINO_LIB`, `OPENVINO_INSTALL_DIR` and the system folders still come
/// first.
pub fn remember_wheel_in(file: PathBuf) {
    let _ = WHEEL_MEMO.set(file);
}

/// The wheel's `libs` folder: the one `memo` holds if it still has the
/// library, else `ask`'s answer, written to `memo` when it has the library.
/// A memo that cannot be read or written only costs the question.
fn wheel_libs(memo: Option<&Path>, ask: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
    if let Some(bytes) = memo.and_then(|memo| std::fs::read(memo).ok()) {
        let folder = PathBuf::from(std::ffi::OsString::from_vec(bytes));
        if library_in(&folder).is_some() {
            return Some(folder);
        }
    }
    let folder = ask()?;
    if let Some(memo) = memo.filter(|_| library_in(&folder).is_some()) {
        // Written aside and renamed, so a reader never sees half a path.
        let aside = memo.with_extension(format!("{}.tmp", std::process::id()));
        let written = memo
            .parent()
            .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
            && std::fs::write(&aside, folder.as_os_str().as_bytes()).is_ok()
            && std::fs::rename(&aside, memo).is_ok();
        if !written {
            let _ = std::fs::remove_file(&aside);
        }
    }
    Some(folder)
}

/// The `libs` folder of `python3`'s `openvino` wheel; `None` when it is not
/// installed.
fn python_wheel_libs() -> Option<PathBuf> {
    Some(python_package_folder("openvino")?.join("libs"))
}

/// The folder of `python3`'s package `package`; `None` when it is not
/// installed. `find_spec` locates the package without importing it:
/// importing `openvino` loads its native libraries, which costs a few
/// hundred milliseconds of every start of nn-host.
pub(crate) fn python_package_folder(package: &str) -> Option<PathBuf> {
    let output = Command::new("python3")
        .args([
            "-c",
            &format!(
                "import importlib.util; spec = importlib.util.find_spec('{package}'); \
                 print(spec.submodule_search_locations[0])"
            ),
        ])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let folder = String::from_utf8(output.stdout).ok()?;
    Some(PathBuf::from(folder.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `openvino-sys` keeps the library in a process-wide static: after loading
    /// it on one thread, a fresh thread can call into it without loading again.
    #[test]
    fn loaded_library_is_process_wide() {
        std::thread::spawn(|| load().unwrap()).join().unwrap();
        let version = std::thread::spawn(|| {
            let mut v = openvino_sys::ov_version_t {
                buildNumber: std::ptr::null(),
                description: std::ptr::null(),
            };
            // SAFETY: `v` is a valid out-parameter and is freed by OpenVINO below.
            let status = unsafe { openvino_sys::ov_get_openvino_version(&mut v) };
            assert_eq!(status, openvino_sys::ov_status_e::OK);
            // SAFETY: on success `buildNumber` is a NUL-terminated string owned by `v`.
            let text = unsafe { std::ffi::CStr::from_ptr(v.buildNumber) }
                .to_string_lossy()
                .into_owned();
            // SAFETY: `v` was filled by OpenVINO and is freed once.
            unsafe { openvino_sys::ov_version_free(&mut v) };
            text
        })
        .join()
        .unwrap();
        assert!(version.starts_with("2026."), "{version}");
    }

    #[test]
    fn newest_library_is_chosen_by_number() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "libopenvino_c.so.999",
            "libopenvino_c.so.2641",
            "libopenvino_c.so.2641.bak",
            "libopenvino_c.so.x",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        assert_eq!(
            library_in(dir.path()),
            Some(dir.path().join("libopenvino_c.so.2641"))
        );
        assert_eq!(
            library_version("libopenvino_c.so.2026.4.1", "libopenvino_c"),
            Some(vec![2026, 4, 1])
        );
        assert_eq!(library_version("libopenvino_c.so", "libopenvino_c"), None);
        assert_eq!(library_version("libopenvino_c.so.1", "libopenvino"), None);
        std::fs::write(dir.path().join("libopenvino_c.so"), b"").unwrap();
        assert_eq!(
            library_in(dir.path()),
            Some(dir.path().join("libopenvino_c.so"))
        );
    }

    #[test]
    fn wheel_location_is_remembered_while_it_holds_the_library() {
        let dir = tempfile::tempdir().unwrap();
        let wheel = dir.path().join("wheel libs");
        std::fs::create_dir(&wheel).unwrap();
        std::fs::write(wheel.join("libopenvino_c.so.2641"), b"").unwrap();
        let memo = dir.path().join("cache/openvino-wheel");
        let asked = std::cell::Cell::new(0);
        let ask = |answer: &Path| {
            asked.set(asked.get() + 1);
            Some(answer.to_path_buf())
        };

        // No memo: asked every time, nothing written.
        assert_eq!(wheel_libs(None, || ask(&wheel)), Some(wheel.clone()));
        assert!(!memo.exists());
        // First answer is written; the second call does not ask.
        assert_eq!(wheel_libs(Some(&memo), || ask(&wheel)), Some(wheel.clone()));
        assert_eq!(
            wheel_libs(Some(&memo), || unreachable!()),
            Some(wheel.clone())
        );
        assert_eq!(asked.get(), 2);
        assert_eq!(
            std::fs::read(&memo).unwrap(),
            wheel.as_os_str().as_encoded_bytes()
        );

        // The library gone from the remembered folder: asked again, and an
        // answer without the library is not remembered.
        std::fs::remove_file(wheel.join("libopenvino_c.so.2641")).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        assert_eq!(wheel_libs(Some(&memo), || ask(&elsewhere)), Some(elsewhere));
        assert_eq!(asked.get(), 3);
        assert_eq!(
            std::fs::read(&memo).unwrap(),
            wheel.as_os_str().as_encoded_bytes()
        );
        assert_eq!(wheel_libs(Some(&memo), || None), None);
        // Only the memo is left in its folder.
        assert_eq!(
            std::fs::read_dir(memo.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn load_is_idempotent() {
        assert_eq!(load().unwrap(), load().unwrap());
    }
}
