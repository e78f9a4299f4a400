//! `nn-adapter-finish <wasi-nn version> <linked.wasm> <out.wasm>`: the last
//! step of `adapter/build.sh` (see [`nn_adapter_verify::finish`]); also
//! verifies the result against that version's WIT, so a build that produced
//! a bad adapter fails right there.

use anyhow::{Context, Result};
use nn_adapter_verify::WasiNnVersion;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(version), Some(input), Some(output), None) =
        (args.next(), args.next(), args.next(), args.next())
    else {
        anyhow::bail!("usage: nn-adapter-finish <wasi-nn version> <linked.wasm> <out.wasm>");
    };
    let version: WasiNnVersion = version.parse()?;
    let linked = std::fs::read(&input).with_context(|| format!("reading {input}"))?;
    let adapter = nn_adapter_verify::finish(&linked)?;
    nn_adapter_verify::verify(&adapter, version)
        .with_context(|| format!("the finished {version} adapter fails verification"))?;
    std::fs::write(&output, &adapter).with_context(|| format!("writing {output}"))?;
    Ok(())
}
