//! `dialect::programs::two_io` built against crates.io wasmedge-wasi-nn 0.8.0.

fn main() {
    nn_legacy_guests::dialect::programs::two_io::<nn_legacy_guests::dialect::WasmedgeWasiNn>();
}
