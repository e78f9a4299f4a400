//! `dialect::programs::errors` built against crates.io wasmedge-wasi-nn 0.8.0.

fn main() {
    nn_legacy_guests::dialect::programs::errors::<nn_legacy_guests::dialect::WasmedgeWasiNn>();
}
