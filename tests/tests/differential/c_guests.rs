//! The C guests of tests/guests/c, written for WAMR (their own header,
//! `include/wamr_nn.h`) and built by build.rs with zig's C compiler.
//!
//! Each program's build with WITX's encoding numbering runs on the reference
//! (upstream 48's WITX host) and must print what is computed here or what the
//! Rust guests print for the same input. A program without such a test does
//! not compile.

use crate::harness::{
    compiled, run_upstream_witx, rust_guest, top_class, Case, End, Guest, Outcome, CLASSIFY_CHELSEA,
};

/// The builds of each C guest, named as its source file.
#[allow(non_upper_case_globals, dead_code)]
pub mod c_guest {
    use crate::harness::Guest;

    /// A program's builds for WAMR's `wasi_ephemeral_nn` numbering and for
    /// WITX's.
    #[derive(Clone, Copy)]
    pub struct Builds {
        pub wamr: Guest,
        pub witx: Guest,
    }

    macro_rules! declare {
        ($name:ident, $wamr:literal, $witx:literal) => {
            pub const $name: Builds = Builds {
                wamr: Guest::C {
                    name: stringify!($name),
                    path: $wamr,
                },
                witx: Guest::C {
                    name: stringify!($name),
                    path: $witx,
                },
            };
        };
    }
    foreach_c_guest!(declare);

    /// The builds for WAMR's legacy `wasi_nn` module.
    pub mod legacy {
        use crate::harness::Guest;

        macro_rules! declare {
            ($name:ident, $path:literal) => {
                pub const $name: Guest = Guest::C {
                    name: stringify!($name),
                    path: $path,
                };
            };
        }
        foreach_c_legacy_guest!(declare);
    }
}

foreach_c_guest!(assert_test_exists);

fn on_reference(guest: Guest, case: Case) -> Outcome {
    run_upstream_witx(&case, &compiled(guest))
}

#[track_caller]
fn assert_prints(outcome: &Outcome, expected: &str) {
    assert_eq!(outcome.end, End::Exit(0), "{outcome}");
    assert_eq!(outcome.stdout, expected, "{outcome}");
}

/// What `classify` prints for these scores, which arrived as `bytes`:
/// `top class` and the five best, computed here.
fn classify_output(bytes: usize, scores: &[f32]) -> String {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // Stable: of equal scores the lower index first, as the guest picks.
    order.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap());
    let mut out = format!("output 0: {bytes} bytes\n");
    out += &format!("top class: {} ({:.6})\n", order[0], scores[order[0]]);
    for &i in order.iter().take(5) {
        out += &format!("  {i} {:.6}\n", scores[i]);
    }
    out
}

/// The scores the Rust `classify` guest prints on the reference.
fn rust_classify_scores(args: &[&str]) -> Vec<f32> {
    let outcome = on_reference(rust_guest::classify, Case::new(rust_guest::classify, args));
    let line = outcome
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("scores: "))
        .unwrap_or_else(|| panic!("no scores in {outcome}"));
    line.trim_matches(|c| c == '[' || c == ']')
        .split(", ")
        .map(|v| v.parse().unwrap())
        .collect()
}

/// Arguments of `classify` (and, with a graph name for the folder, of
/// `classify_by_name`): the softmax model on the shared input file, and
/// EfficientNet-Lite0 on chelsea.png.
pub const CLASSIFY_SOFTMAX: [&str; 4] = ["models/softmax", "1x10", "models/input.f32", "40"];
pub const CLASSIFY_EFFICIENTNET: [&str; 4] = [
    CLASSIFY_CHELSEA[0],
    CLASSIFY_CHELSEA[2],
    CLASSIFY_CHELSEA[3],
    CLASSIFY_CHELSEA[4],
];

/// The C classifier prints the scores the Rust `classify` guest prints,
/// on the softmax model and on the real classifier and photo.
#[test]
fn classify() {
    let softmax = rust_classify_scores(&["models/softmax", "f32", "1x10", "models/input.f32"]);
    let guest = c_guest::classify.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &CLASSIFY_SOFTMAX)),
        &classify_output(40, &softmax),
    );
    let efficientnet = rust_classify_scores(&CLASSIFY_CHELSEA);
    let outcome = on_reference(guest, Case::new(guest, &CLASSIFY_EFFICIENTNET));
    assert_prints(&outcome, &classify_output(4000, &efficientnet));
    assert_eq!(top_class(&outcome.stdout), Some("282"), "{outcome}");
}

/// By name, the preloaded graph classifies as the loaded one does.
#[test]
fn classify_by_name() {
    let loaded = on_reference(
        c_guest::classify.witx,
        Case::new(c_guest::classify.witx, &CLASSIFY_SOFTMAX),
    );
    let guest = c_guest::classify_by_name.witx;
    let mut args = CLASSIFY_SOFTMAX;
    args[0] = "softmax";
    let by_name = on_reference(guest, Case::new(guest, &args).preload(&["softmax"]));
    assert_prints(&by_name, &loaded.stdout);
}

/// The errnos of upstream's WITX host: unknown handles, names and
/// encodings are unsupported_operation, what OpenVINO refuses is
/// runtime_error, a short buffer too_large.
#[test]
fn errors() {
    let guest = c_guest::errors.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &["models/softmax"])),
        "load_garbage: error runtime_error\n\
         load_autodetect: error unsupported_operation\n\
         load_by_name_unknown: error unsupported_operation\n\
         load_by_name_with_config_unknown: error unsupported_operation\n\
         init_unknown_graph: error unsupported_operation\n\
         set_input_bad_index: error runtime_error\n\
         set_input_wrong_shape: error runtime_error\n\
         compute_unknown_context: error unsupported_operation\n\
         get_output_too_small: error too_large\n\
         get_output_bad_index: error runtime_error\n\
         get_output_unknown_context: error unsupported_operation\n\
         get_output_fits: ok\n",
    );
}

/// two_io's inputs are a = [0, 1.5, 3, 4.5] and b = [10, 6, 2, -2]; its
/// outputs a + b and a - b land one after the other in one buffer.
#[test]
fn outputs() {
    let guest = c_guest::outputs.witx;
    assert_prints(
        &on_reference(guest, Case::new(guest, &["models/two_io", "16"])),
        "output 0: 16 bytes at element 0\n\
         output 1: 16 bytes at element 4\n\
         buffer: 10 7.5 5 2.5 -10 -4.5 1 6.5\n",
    );
}
