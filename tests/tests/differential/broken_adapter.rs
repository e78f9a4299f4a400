//! The suite must catch real breakage: deliberately broken variants of the
//! shipped adapter (`nn_adapter_tools::adapter`) are built here by patching
//! its wasm, the legacy guests are componentized with them
//! (`Componentizer::adapt`), and the differential comparison must reject
//! every one of them, while the unpatched adapter passes the same cases.
//!
//! The patches only rely on the WITX ABI (export names and parameters), not
//! on how the adapter is written: a few instructions are prepended to an
//! exported function's body.

use crate::harness::{
    compiled, run_nn_host, run_upstream_witx, rust_guest, same_as_reference, Case, Compiled,
};
use nn_componentize::Componentizer;
use wasm_encoder::{CodeSection, Module, RawSection};
use wasmparser::{ExternalKind, Parser, Payload, TypeRef};

/// Returns `adapter` with `prologue` (raw instruction bytes) inserted at the
/// start of the body of the function exported as `export`.
fn patch_export_prologue(adapter: &[u8], export: &str, prologue: &[u8]) -> Vec<u8> {
    // First pass: the index of the exported function.
    let mut imported_funcs = 0u32;
    let mut target = None;
    for payload in Parser::new(0).parse_all(adapter) {
        match payload.expect("parse adapter") {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(
                        import.expect("import").ty,
                        TypeRef::Func(_) | TypeRef::FuncExact(_)
                    ) {
                        imported_funcs += 1;
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for e in reader {
                    let e = e.expect("export");
                    if e.name == export && e.kind == ExternalKind::Func {
                        target = Some(e.index);
                    }
                }
            }
            _ => {}
        }
    }
    let target = target.unwrap_or_else(|| panic!("the adapter exports no function {export}"));
    assert!(target >= imported_funcs, "{export} is an imported function");
    let defined = (target - imported_funcs) as usize;

    // Second pass: copy every section, rebuilding the code section.
    let mut module = Module::new();
    let mut code: Option<CodeSection> = None;
    let mut body_index = 0usize;
    let mut patched = false;
    for payload in Parser::new(0).parse_all(adapter) {
        let payload = payload.expect("parse adapter");
        match &payload {
            Payload::CodeSectionStart { .. } => code = Some(CodeSection::new()),
            Payload::CodeSectionEntry(body) => {
                let section = code.as_mut().unwrap();
                let bytes = body.as_bytes();
                if body_index == defined {
                    let ops_at = body
                        .get_binary_reader_for_operators()
                        .unwrap()
                        .original_position()
                        - body.range().start;
                    let mut new_body = bytes[..ops_at].to_vec();
                    new_body.extend_from_slice(prologue);
                    new_body.extend_from_slice(&bytes[ops_at..]);
                    section.raw(&new_body);
                    patched = true;
                } else {
                    section.raw(bytes);
                }
                body_index += 1;
            }
            other => {
                // The code section ends where the next section begins.
                if let Some(done) = code.take() {
                    module.section(&done);
                }
                if let Some((id, range)) = other.as_section() {
                    module.section(&RawSection {
                        id,
                        data: &adapter[range],
                    });
                }
            }
        }
    }
    if let Some(done) = code.take() {
        module.section(&done);
    }
    assert!(patched, "did not find the body of {export}");
    let bytes = module.finish();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&bytes)
        .expect("the patched adapter is valid wasm");
    bytes
}

/// `get_output(context, index, …)`: `index ^= 1`, i.e. outputs matched by
/// the wrong position (0 ↔ 1).
const SWAP_OUTPUT_POSITIONS: &[u8] = &[
    0x20, 0x01, // local.get 1 (index)
    0x41, 0x01, // i32.const 1
    0x73, // i32.xor
    0x21, 0x01, // local.set 1
];

/// `set_input(context, index, tensor)`: in the tensor record (type byte at
/// offset 8) f32 (1) and u8 (3) are swapped, i.e. two tensor-type values
/// swapped in the translation.
const SWAP_TENSOR_TYPES_F32_U8: &[u8] = &[
    0x20, 0x02, // local.get 2           (address for the store)
    0x41, 0x03, // i32.const 3
    0x41, 0x01, // i32.const 1
    0x20, 0x02, 0x2d, 0x00, 0x08, // local.get 2; i32.load8_u offset=8
    0x20, 0x02, 0x2d, 0x00, 0x08, // local.get 2; i32.load8_u offset=8
    0x41, 0x03, 0x46, // i32.const 3; i32.eq
    0x1b, // select: t == 3 ? 1 : t
    0x20, 0x02, 0x2d, 0x00, 0x08, // local.get 2; i32.load8_u offset=8
    0x41, 0x01, 0x46, // i32.const 1; i32.eq
    0x1b, // select: t == 1 ? 3 : (t == 3 ? 1 : t)
    0x3a, 0x00, 0x08, // i32.store8 offset=8
];

/// Runs `case` with the good adapter (must pass) and with `broken` (must be
/// rejected). The broken component runs on nn-host only: upstream's WIT host
/// runs the same adapter code, and each extra component compile costs
/// seconds in the debug profile.
fn assert_rejected(broken: &[u8], cases: &[Case]) {
    for case in cases {
        let good = compiled(case.guest);
        let bad = Compiled::new(
            good.name,
            good.module_bytes.clone(),
            Componentizer::new().adapt("wasi_ephemeral_nn", broken.to_vec()),
            good.wasi_nn,
        );
        assert_ne!(
            bad.component_bytes, good.component_bytes,
            "the broken adapter was not used"
        );

        let reference = run_upstream_witx(case, &good);
        same_as_reference(&reference, &run_nn_host(case, &good))
            .unwrap_or_else(|e| panic!("control: the real adapter must pass {case:?}: {e}"));
        let ours = run_nn_host(case, &bad);
        let verdict = same_as_reference(&reference, &ours);
        assert!(
            verdict.is_err(),
            "the differential check accepted a broken adapter on {case:?}:\n{reference}{ours}"
        );
    }
}

#[test]
fn rejects_adapter_with_output_positions_swapped() {
    let broken = patch_export_prologue(
        nn_adapter_tools::adapter(nn_abi::WasiNnVersion::default()),
        "get_output",
        SWAP_OUTPUT_POSITIONS,
    );
    assert_rejected(
        &broken,
        &[Case::new(rust_guest::two_io, &["models/two_io", "3"])],
    );
}

#[test]
fn rejects_adapter_with_tensor_types_swapped() {
    let broken = patch_export_prologue(
        nn_adapter_tools::adapter(nn_abi::WasiNnVersion::default()),
        "set_input",
        SWAP_TENSOR_TYPES_F32_U8,
    );
    assert_rejected(
        &broken,
        &[
            Case::new(
                rust_guest::classify,
                &["models/identity_u8", "u8", "2x3", "seed:7"],
            ),
            Case::new(
                rust_guest::classify,
                &["models/softmax", "f32", "1x10", "seed:1"],
            ),
        ],
    );
}
