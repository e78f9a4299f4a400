//! `dialect::programs::types` built against crates.io wasmedge-wasi-nn 0.8.0.

fn main() {
    nn_legacy_guests::dialect::programs::types::<nn_legacy_guests::dialect::WasmedgeWasiNn>();
}
