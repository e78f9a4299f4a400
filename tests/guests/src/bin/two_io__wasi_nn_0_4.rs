//! `dialect::programs::two_io` built against crates.io wasi-nn 0.4.0.

fn main() {
    nn_legacy_guests::dialect::programs::two_io::<nn_legacy_guests::dialect::WasiNn04>();
}
