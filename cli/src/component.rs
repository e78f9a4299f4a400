//! What `inspect` says about a component: the `wasi:nn` version it imports,
//! command or reactor, how nn-componentize adapted it (its
//! [`ADAPTED_SECTION`]), its baked names, and which hosts run it.

use crate::{baked_names, Dialect, NameTable, WasiNnVersion};
use anyhow::{bail, Context, Result};
use std::fmt;
use wasmparser::{Parser, Payload};

/// The custom section in which nn-componentize records how it adapted a
/// module's `wasi_ephemeral_nn` imports: `dialect=NAME` and
/// `wasi-nn=VERSION` lines.
pub const ADAPTED_SECTION: &str = "nn-componentize:adapted";

/// How a component's wasi-nn adapter was made ([`ADAPTED_SECTION`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adaptation {
    pub dialect: Dialect,
    pub wasi_nn: WasiNnVersion,
}

impl Adaptation {
    /// The section's contents.
    pub fn encode(&self) -> String {
        format!("dialect={}\nwasi-nn={}\n", self.dialect, self.wasi_nn)
    }

    pub fn decode(data: &[u8]) -> Result<Adaptation> {
        let text = std::str::from_utf8(data).context("not UTF-8")?;
        let (mut dialect, mut wasi_nn) = (None, None);
        for line in text.lines() {
            match line.split_once('=') {
                Some(("dialect", name)) => dialect = Some(name.parse()?),
                Some(("wasi-nn", version)) => wasi_nn = Some(version.parse()?),
                _ => bail!("unexpected line {line:?}"),
            }
        }
        match (dialect, wasi_nn) {
            (Some(dialect), Some(wasi_nn)) => Ok(Adaptation { dialect, wasi_nn }),
            _ => bail!("expected a dialect= and a wasi-nn= line, got {text:?}"),
        }
    }
}

/// What `inspect` reports about a component.
#[derive(Debug, Clone)]
pub struct ComponentInfo {
    /// The `wasi:nn` versions it imports (as spelled in its imports).
    pub wasi_nn: Vec<String>,
    /// Whether it exports `wasi:cli/run` (a command), else a reactor.
    pub command: bool,
    /// How nn-componentize adapted it, when it did.
    pub adaptation: Option<Adaptation>,
    pub baked_names: Option<NameTable>,
}

impl ComponentInfo {
    /// Reads `component`'s top-level imports and exports and
    /// nn-componentize's custom sections.
    pub fn read(component: &[u8]) -> Result<ComponentInfo> {
        let mut info = ComponentInfo {
            wasi_nn: Vec::new(),
            command: false,
            adaptation: None,
            baked_names: baked_names(component)?,
        };
        // Nesting depth: 1 is the component itself.
        let mut depth = 0;
        for payload in Parser::new(0).parse_all(component) {
            match payload.context("not a valid component")? {
                Payload::Version { .. } => depth += 1,
                Payload::End(_) => depth -= 1,
                Payload::ComponentImportSection(imports) if depth == 1 => {
                    for import in imports {
                        let name = import.context("not a valid component")?.name.name;
                        if let Some((_, version)) = name
                            .strip_prefix("wasi:nn/")
                            .and_then(|rest| rest.split_once('@'))
                        {
                            if !info.wasi_nn.iter().any(|v| v == version) {
                                info.wasi_nn.push(version.to_owned());
                            }
                        }
                    }
                }
                Payload::ComponentExportSection(exports) if depth == 1 => {
                    for export in exports {
                        let name = export.context("not a valid component")?.name.name;
                        info.command |= name.starts_with("wasi:cli/run@");
                    }
                }
                Payload::CustomSection(section) if section.name() == ADAPTED_SECTION => {
                    let adaptation = Adaptation::decode(section.data())
                        .with_context(|| format!("custom section `{ADAPTED_SECTION}`"))?;
                    info.adaptation = Some(adaptation);
                }
                _ => {}
            }
        }
        Ok(info)
    }
}

impl fmt::Display for ComponentInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.command {
            true => writeln!(f, "kind: command (exports wasi:cli/run)")?,
            false => writeln!(
                f,
                "kind: reactor (exports no wasi:cli/run; hosts that run commands refuse it)"
            )?,
        }
        if self.wasi_nn.is_empty() {
            writeln!(f, "wasi:nn: not imported")?;
        }
        for version in &self.wasi_nn {
            let hosts = match version.parse::<WasiNnVersion>() {
                Ok(known) => format!("runs on {} and nn-host", known.wasmtime_releases()),
                Err(_) => "a version neither nn-host nor nn-componentize knows".to_owned(),
            };
            writeln!(f, "wasi:nn: {version} ({hosts})")?;
        }
        match &self.adaptation {
            Some(adaptation) => writeln!(
                f,
                "wasi-nn adapter: dialect {}, wasi:nn {} (recorded by nn-componentize)",
                adaptation.dialect, adaptation.wasi_nn
            )?,
            None => writeln!(
                f,
                "wasi-nn adapter: none recorded (no `{ADAPTED_SECTION}` custom section)"
            )?,
        }
        match &self.baked_names {
            None => writeln!(
                f,
                "no baked tensor names: load_by_name graphs use decimal names"
            ),
            Some(table) => {
                writeln!(f, "baked tensor names for load_by_name:")?;
                for (graph, names) in table.iter() {
                    writeln!(
                        f,
                        "  {graph:?}: inputs {:?}, outputs {:?}",
                        names.inputs, names.outputs
                    )?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adaptations_round_trip_and_bad_sections_are_named() {
        for dialect in Dialect::ALL {
            for wasi_nn in WasiNnVersion::ALL {
                let adaptation = Adaptation { dialect, wasi_nn };
                let decoded = Adaptation::decode(adaptation.encode().as_bytes()).unwrap();
                assert_eq!(decoded, adaptation);
            }
        }
        for bad in [&b""[..], b"dialect=wasi-nn-0.6\n", b"x=y\n", b"\xff"] {
            assert!(Adaptation::decode(bad).is_err(), "{bad:?}");
        }
    }
}
