// A start-section program: AssemblyScript runs top-level statements from
// the module's start section, as the as-wasi-nn examples do.
@external("wasi_ephemeral_nn", "compute")
declare function compute(context: u32): u32;

compute(0);
