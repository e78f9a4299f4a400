//! `dialect::programs::types` built against crates.io wasi-nn 0.4.0.

fn main() {
    nn_legacy_guests::dialect::programs::types::<nn_legacy_guests::dialect::WasiNn04>();
}
