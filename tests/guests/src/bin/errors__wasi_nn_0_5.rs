//! `dialect::programs::errors` built against crates.io wasi-nn 0.5.0.

fn main() {
    nn_legacy_guests::dialect::programs::errors::<nn_legacy_guests::dialect::WasiNn05>();
}
