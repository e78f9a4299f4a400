//! `dialect::programs::classify` built against crates.io wasi-nn 0.4.0.

fn main() {
    nn_legacy_guests::dialect::programs::classify::<nn_legacy_guests::dialect::WasiNn04>();
}
