//! Finding and loading OpenVINO GenAI (`libopenvino_genai`) and nn-host's
//! C++ shim over it, at run time, only when a `ggml` graph is loaded: nn-host
//! runs without GenAI installed, and says so in one line when a guest needs it.
//!
//! The PyPI wheel ships GenAI's C++ library only (no C API, no headers, no
//! RUNPATH). nn-host's own shim (`host/genai/shim.cpp`, built by `build.rs`
//! and embedded in the binary) gives it a C ABI. Loading goes:
//! 1. OpenVINO's C library, as every backend loads it
//!    ([`crate::openvino::library::load`]); then OpenVINO's C++ library
//!    beside it, made global so that GenAI and the shim resolve against it;
//! 2. GenAI, found in the order of [`find`], made global too, and checked to
//!    be the release the shim's declarations were written for
//!    ([`GENAI_VERSION`]);
//! 3. the shim, written to an anonymous memory file (`memfd_create`) and
//!    opened from there, so nothing is written to disk.
//!
//! GenAI loads its tokenizer extension from `OPENVINO_TOKENIZERS_PATH_GENAI`,
//! or else beside itself; the wheels put it in the `openvino_tokenizers`
//! package, so when neither holds it the variable is set to that file.

use anyhow::{bail, Context as _, Result};
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The GenAI release the shim's declarations match (its `get_version`
/// starts with this); another is refused before the shim is loaded.
pub const GENAI_VERSION: &str = "2026.4.1";

/// The command the error message recommends.
pub const INSTALL_COMMAND: &str =
    "pip install openvino-genai==2026.4.1.0 openvino-tokenizers==2026.4.1.0";

/// The environment variable GenAI reads for its tokenizer extension.
const TOKENIZERS_VARIABLE: &str = "OPENVINO_TOKENIZERS_PATH_GENAI";

/// The shim, built by `build.rs` from `host/genai/shim.cpp`.
static SHIM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libnn_genai_shim.so"));

/// `nn_genai_request` of the shim.
#[repr(C)]
pub struct Request {
    pub prompt: *const c_char,
    pub prompt_len: usize,
    pub max_new_tokens: usize,
    pub do_sample: c_int,
    pub temperature: f32,
    pub top_p: f32,
    pub top_k: usize,
    pub repetition_penalty: f32,
    pub presence_penalty: f32,
    pub frequency_penalty: f32,
    pub seed: u64,
    pub ignore_eos: c_int,
    pub stop: *const c_char,
    pub stop_len: usize,
    pub on_piece: Option<unsafe extern "C" fn(*mut c_void, *const c_char, usize) -> c_int>,
    pub user: *mut c_void,
}

/// `nn_genai_result` of the shim.
#[repr(C)]
pub struct Outcome {
    pub text: *mut c_char,
    pub text_len: usize,
    pub input_tokens: usize,
    pub output_tokens: usize,
    pub stopped_by_length: c_int,
}

/// An opaque `nn_genai_pipeline`.
pub enum RawPipeline {}

/// The shim's functions; each returning `*mut c_char` returns null on
/// success, else a message to release with `free`.
pub struct Shim {
    pub open: unsafe extern "C" fn(*const c_char, *mut *mut RawPipeline) -> *mut c_char,
    pub close: unsafe extern "C" fn(*mut RawPipeline),
    pub count_tokens:
        unsafe extern "C" fn(*mut RawPipeline, *const c_char, usize, *mut usize) -> *mut c_char,
    pub generate:
        unsafe extern "C" fn(*mut RawPipeline, *const Request, *mut Outcome) -> *mut c_char,
    pub free: unsafe extern "C" fn(*mut c_char),
}

impl Shim {
    /// Takes a message the shim returned: `None` for null (success).
    ///
    /// # Safety
    /// `message` is null or a string the shim returned and nobody released.
    pub unsafe fn take_message(&self, message: *mut c_char) -> Option<String> {
        if message.is_null() {
            return None;
        }
        // SAFETY: the caller passes a NUL-terminated string from the shim,
        // released right after with the shim's own `free`.
        let text = unsafe { CStr::from_ptr(message) }
            .to_string_lossy()
            .into_owned();
        // SAFETY: as above; nobody uses `message` afterwards.
        unsafe { (self.free)(message) };
        Some(text)
    }
}

/// The shim of the first successful [`load`]; failures are not kept, so a
/// later call succeeds once the environment is fixed.
static LOADED: Mutex<Option<&'static Shim>> = Mutex::new(None);

/// Loads GenAI and the shim once per process.
pub fn load() -> Result<&'static Shim> {
    let mut loaded = LOADED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(shim) = *loaded {
        return Ok(shim);
    }
    let openvino_c = crate::openvino::library::load()?;
    let folder = openvino_c.parent().unwrap_or(Path::new("."));
    let openvino =
        crate::openvino::library::newest_in(folder, "libopenvino").with_context(|| {
            format!(
                "OpenVINO's C++ library (libopenvino.so) is not beside its C library in {}",
                folder.display()
            )
        })?;
    open_global(&openvino)?;
    let genai = find()?;
    if std::env::var_os(TOKENIZERS_VARIABLE).is_none()
        && genai
            .parent()
            .and_then(|f| crate::openvino::library::newest_in(f, "libopenvino_tokenizers"))
            .is_none()
    {
        let tokenizers = python_package_file(
            "openvino_tokenizers",
            "lib/libopenvino_tokenizers.so",
        )
        .with_context(|| {
            format!(
                "OpenVINO Tokenizers (libopenvino_tokenizers.so), which GenAI needs, was found neither beside {} nor in python3's openvino_tokenizers package; install it with `{INSTALL_COMMAND}` or set {TOKENIZERS_VARIABLE} to the file",
                genai.display()
            )
        })?;
        // Set while holding LOADED, before GenAI reads it (at its first
        // pipeline), and never changed after.
        std::env::set_var(TOKENIZERS_VARIABLE, tokenizers);
    }
    let genai_library = open_global(&genai)?;
    check_version(genai_library, &genai)?;
    let shim = open_shim()?;
    *loaded = Some(shim);
    Ok(shim)
}

/// Opens `path` with its symbols global (and keeps it open for the life of
/// the process).
fn open_global(path: &Path) -> Result<&'static libloading::os::unix::Library> {
    use libloading::os::unix::{Library, RTLD_GLOBAL, RTLD_NOW};
    // SAFETY: these are OpenVINO's own libraries; their initialisers are
    // what the Python bindings run too.
    let library = unsafe { Library::open(Some(path), RTLD_NOW | RTLD_GLOBAL) }
        .with_context(|| format!("loading {}", path.display()))?;
    Ok(Box::leak(Box::new(library)))
}

/// `ov::Version` as `get_version` returns it.
#[repr(C)]
struct Version {
    build_number: *const c_char,
    description: *const c_char,
}

fn check_version(library: &libloading::os::unix::Library, path: &Path) -> Result<()> {
    // SAFETY: `get_version` is GenAI's `extern "C"` function returning
    // `ov::Version` (two C string pointers) by value; the strings are static.
    let build = unsafe {
        let get_version = library
            .get::<unsafe extern "C" fn() -> Version>(b"get_version\0")
            .with_context(|| {
                format!(
                    "{} has no get_version: it is not OpenVINO GenAI",
                    path.display()
                )
            })?;
        let version = get_version();
        CStr::from_ptr(version.build_number)
            .to_string_lossy()
            .into_owned()
    };
    if !build.starts_with(GENAI_VERSION) {
        bail!(
            "{} is OpenVINO GenAI {build}; nn-host's ggml backend is built for {GENAI_VERSION} only (its C++ ABI changes between releases): install it with `{INSTALL_COMMAND}` or point OPENVINO_GENAI_LIB at that release",
            path.display()
        );
    }
    Ok(())
}

fn open_shim() -> Result<&'static Shim> {
    use std::io::Write as _;
    use std::os::fd::{AsRawFd as _, FromRawFd as _};
    // SAFETY: a valid NUL-terminated name and flags.
    let fd = unsafe { libc::memfd_create(c"nn-genai-shim".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error())
            .context("creating a memory file for nn-host's GenAI shim");
    }
    // SAFETY: `fd` is the new descriptor, owned by nothing else.
    let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
    file.write_all(SHIM)
        .context("writing nn-host's GenAI shim to a memory file")?;
    let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
    // SAFETY: the shim has no initialisers beyond the C++ runtime's; its
    // undefined symbols resolve against the global libraries opened above.
    let library =
        unsafe { libloading::os::unix::Library::open(Some(&path), libloading::os::unix::RTLD_NOW) }
            .context(
                "loading nn-host's GenAI shim (its symbols must match the loaded OpenVINO GenAI)",
            )?;
    let library: &'static libloading::os::unix::Library = Box::leak(Box::new(library));
    // SAFETY: the types are those of host/genai/shim.cpp's extern "C" API.
    unsafe {
        Ok(Box::leak(Box::new(Shim {
            open: *library.get(b"nn_genai_open\0")?,
            close: *library.get(b"nn_genai_close\0")?,
            count_tokens: *library.get(b"nn_genai_count_tokens\0")?,
            generate: *library.get(b"nn_genai_generate\0")?,
            free: *library.get(b"nn_genai_free\0")?,
        })))
    }
}

/// Returns the first `libopenvino_genai` found: `OPENVINO_GENAI_LIB` (a file,
/// or a folder holding it), `OPENVINO_INSTALL_DIR`'s `runtime/lib/intel64`,
/// `runtime/lib/aarch64` and `lib` folders, the system library folders, then
/// the `openvino_genai` package of `python3`.
fn find() -> Result<PathBuf> {
    let in_folder =
        |folder: &Path| crate::openvino::library::newest_in(folder, "libopenvino_genai");
    if let Some(lib) = std::env::var_os("OPENVINO_GENAI_LIB") {
        let lib = PathBuf::from(lib);
        if lib.is_file() {
            return Ok(lib);
        }
        return in_folder(&lib).with_context(|| {
            format!(
                "OPENVINO_GENAI_LIB={} is neither the libopenvino_genai file nor a folder holding it",
                lib.display()
            )
        });
    }
    let mut tried = Vec::new();
    let mut folders = Vec::new();
    if let Some(dir) = std::env::var_os("OPENVINO_INSTALL_DIR") {
        let dir = PathBuf::from(dir);
        for sub in ["runtime/lib/intel64", "runtime/lib/aarch64", "lib"] {
            folders.push(dir.join(sub));
        }
    }
    for folder in [
        "/usr/local/lib",
        "/usr/lib",
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
    ] {
        folders.push(PathBuf::from(folder));
    }
    for folder in folders {
        if let Some(found) = in_folder(&folder) {
            return Ok(found);
        }
        tried.push(folder.display().to_string());
    }
    match python_package_file("openvino_genai", "") {
        Some(folder) => match in_folder(&folder) {
            Some(found) => return Ok(found),
            None => tried.push(folder.display().to_string()),
        },
        None => tried.push("<the openvino_genai package of python3> (not installed)".into()),
    }
    bail!(
        "OpenVINO GenAI (libopenvino_genai), which ggml graphs need, was not found; install it with `{INSTALL_COMMAND}` or point OPENVINO_GENAI_LIB at the file (looked in: {})",
        tried.join(", ")
    )
}

/// `relative` inside the folder of `python3`'s package `package`, if that
/// package is installed and (for a non-empty `relative`) the file exists.
fn python_package_file(package: &str, relative: &str) -> Option<PathBuf> {
    let path = crate::openvino::library::python_package_folder(package)?.join(relative);
    path.exists().then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_pinned_release_once() {
        let first = load().unwrap() as *const Shim;
        assert_eq!(first, load().unwrap() as *const Shim);
    }
}
