//! `nn-adapter-finish <linked.wasm> <out.wasm>`: the last step of
//! `adapter/build.sh` (see [`nn_adapter_verify::finish`]); also verifies the
//! result, so a build that produced a bad adapter fails right there.

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(output), None) = (args.next(), args.next(), args.next()) else {
        anyhow::bail!("usage: nn-adapter-finish <linked.wasm> <out.wasm>");
    };
    let linked = std::fs::read(&input).with_context(|| format!("reading {input:?}"))?;
    let adapter = nn_adapter_verify::finish(&linked)?;
    nn_adapter_verify::verify(&adapter).context("the finished adapter fails verification")?;
    std::fs::write(&output, &adapter).with_context(|| format!("writing {output:?}"))?;
    Ok(())
}
