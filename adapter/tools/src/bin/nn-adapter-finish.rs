//! `nn-adapter-finish <wasi-nn version> <linked.wasm> <out.wasm>`: the last
//! step of `adapter/build.sh` (see [`nn_adapter_tools::finish`]); also
//! verifies the result against that version's WIT, so a build that produced
//! a bad adapter fails right there.
//!
//! `nn-adapter-finish --targets`: the adapter builds `adapter/build.sh`
//! makes, one line each: the WIT version and the adapter's cargo features
//! for it (`nn_abi::WasiNnVersion`).

use anyhow::{Context, Result};
use nn_abi::WasiNnVersion;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [version, input, output] = match args.as_slice() {
        [flag] if flag == "--targets" => {
            for version in WasiNnVersion::ALL {
                println!("{version} {}", version.adapter_feature().unwrap_or(""));
            }
            return Ok(());
        }
        [version, input, output] => [version, input, output],
        _ => anyhow::bail!(
            "usage: nn-adapter-finish <wasi-nn version> <linked.wasm> <out.wasm>\n       \
             nn-adapter-finish --targets"
        ),
    };
    let version: WasiNnVersion = version.parse()?;
    let linked = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let adapter = nn_adapter_tools::finish(&linked)?;
    nn_adapter_tools::verify(&adapter, version)
        .with_context(|| format!("the finished {version} adapter fails verification"))?;
    std::fs::write(output, &adapter).with_context(|| format!("writing {output}"))?;
    Ok(())
}
