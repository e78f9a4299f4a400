//! `nn-adapter-finish <wasi-nn version> <legacy module> <linked.wasm>
//! <out.wasm>`: the last step of `adapter/build.sh` (see
//! [`nn_adapter_tools::finish`]); also verifies the result against that
//! version's WIT and that legacy module's functions, so a build that
//! produced a bad adapter fails right there.
//!
//! `nn-adapter-finish --targets`: the adapter builds `adapter/build.sh`
//! makes, one line each: the WIT version, the legacy module (the artifact's
//! name) and the adapter's cargo features for them
//! (`nn_abi::WasiNnVersion`, `nn_abi::LegacyModule`).

use anyhow::{Context, Result};
use nn_abi::{LegacyModule, WasiNnVersion};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [version, module, input, output] = match args.as_slice() {
        [flag] if flag == "--targets" => {
            for version in WasiNnVersion::ALL {
                for module in LegacyModule::ALL {
                    let features: Vec<&str> = [version.adapter_feature(), module.adapter_feature()]
                        .into_iter()
                        .flatten()
                        .collect();
                    println!("{version} {} {}", module.name(), features.join(","));
                }
            }
            return Ok(());
        }
        [version, module, input, output] => [version, module, input, output],
        _ => anyhow::bail!(
            "usage: nn-adapter-finish <wasi-nn version> <legacy module> <linked.wasm> <out.wasm>\n       \
             nn-adapter-finish --targets"
        ),
    };
    let version: WasiNnVersion = version.parse()?;
    let module = LegacyModule::named(module).with_context(|| {
        format!("unknown legacy module `{module}`; expected wasi_ephemeral_nn or wasi_nn")
    })?;
    let linked = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let adapter = nn_adapter_tools::finish(&linked)?;
    nn_adapter_tools::verify(&adapter, version, module).with_context(|| {
        format!(
            "the finished {version} adapter for `{}` fails verification",
            module.name()
        )
    })?;
    std::fs::write(output, &adapter).with_context(|| format!("writing {output}"))?;
    Ok(())
}
