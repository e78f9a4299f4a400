//! `dialect::programs::classify` built against crates.io wasmedge-wasi-nn 0.8.0.

fn main() {
    nn_legacy_guests::dialect::programs::classify::<nn_legacy_guests::dialect::WasmedgeWasiNn>();
}
