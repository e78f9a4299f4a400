//! Differential call sequences: a seeded generator writes programs of legacy
//! calls, valid and hostile (random handles, indices, pointers, sizes, enum
//! values; malformed models; objects at address 0 and elsewhere in the
//! first page), for the interpreter guest
//! `tests/guests/wat/calls.wat`, which is componentized once. Each program
//! runs on the reference (upstream's WITX host) and on nn-host; every line
//! they print must be equal, except for the documented differences of
//! docs/testing.md, each recognised by [`documented`] from what the call
//! was. After a documented difference the hosts' states differ by design,
//! so the rest of the program is not compared.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use crate::harness::{self, Case, Compiled, End, Guest, Outcome};
use crate::rng::{progress, seeds, Rng};

/// Programs run by `cargo test`: about 40 s in the debug profile on 2 cores.
const BOUNDED_ITERS: u64 = 60;

/// calls.wat's linear memory and the regions the programs use. The
/// componentized guest's memory grows past it (the adapters allocate their
/// state there), so hostile pointers start at `FAR`, beyond both.
const MEMORY: u32 = 80 << 16;
const FAR: u32 = 0x1000_0000;
const SCRATCH: u32 = 0x4_0000;
const XML: [u32; 2] = [0x8_0000, 0xc_0000];
const XML_CAP: u32 = 0x4_0000;
const BIN: [u32; 2] = [0x10_0000, 0x28_0000];
const BIN_CAP: u32 = 0x18_0000;
/// Where `read` stores file lengths.
const LENGTHS: u32 = SCRATCH;

/// The numbers of witx/wasi_ephemeral_nn.witx the programs use (the
/// guest's numbering, not the WIT one: `autodetect` is 5 here, 6 in WIT),
/// from `nn_abi::legacy_abi`.
struct Witx {
    success: u32,
    invalid_argument: u32,
    runtime_error: u32,
    unsupported_operation: u32,
    too_large: u32,
    openvino: u32,
    onnx: u32,
    tensorflowlite: u32,
    autodetect: u32,
    f32: u32,
    u8: u32,
    tpu: u32,
    /// How many `graph_encoding`s and `execution_target`s there are.
    encodings: u32,
    targets: u32,
    /// Bytes per element of each `tensor_type`.
    element_sizes: Vec<u32>,
}

static WITX: LazyLock<Witx> = LazyLock::new(|| {
    let abi = nn_abi::legacy_abi();
    let cases = |ty: &str| abi.enum_cases(ty).expect("an enum of witx/");
    let value = |ty: &str, case: &str| abi.enum_value(ty, case).expect("a case of witx/");
    let errno = |case: &str| value("nn_errno", case);
    let encoding = |case: &str| value("graph_encoding", case);
    Witx {
        success: errno("success"),
        invalid_argument: errno("invalid_argument"),
        runtime_error: errno("runtime_error"),
        unsupported_operation: errno("unsupported_operation"),
        too_large: errno("too_large"),
        openvino: encoding("openvino"),
        onnx: encoding("onnx"),
        tensorflowlite: encoding("tensorflowlite"),
        autodetect: encoding("autodetect"),
        f32: value("tensor_type", "f32"),
        u8: value("tensor_type", "u8"),
        tpu: value("execution_target", "tpu"),
        encodings: cases("graph_encoding").len() as u32,
        targets: cases("execution_target").len() as u32,
        element_sizes: cases("tensor_type")
            .iter()
            .map(|ty| nn_abi::element_bytes(ty).expect("a tensor type with a width"))
            .collect(),
    }
});

/// An input or output of a model: WITX tensor type and dimensions.
#[derive(Clone, Debug, PartialEq)]
struct Port {
    ty: u32,
    dims: Vec<u32>,
}

impl Port {
    fn bytes(&self) -> u32 {
        self.dims.iter().product::<u32>() * WITX.element_sizes[self.ty as usize]
    }
}

/// What the generator knows of a model it makes a program load.
#[derive(Clone, Debug)]
struct Model {
    /// Files under the models folder: the IR's xml and bin, or one ONNX file.
    files: Vec<String>,
    /// What the bytes are.
    kind: ModelKind,
    inputs: Vec<Port>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum ModelKind {
    /// A valid OpenVINO IR.
    Ir,
    /// A valid ONNX model.
    Onnx,
    /// Anything damaged or made up: the hosts may accept or reject it.
    Malformed,
}

fn f32_port(dims: &[u32]) -> Port {
    Port {
        ty: WITX.f32,
        dims: dims.to_vec(),
    }
}

/// The graphs both hosts preload for `load_by_name`: models of
/// [`real_models`], by folder name.
const PRELOADED: [&str; 2] = ["softmax", "two_io"];

/// How many inputs the graph a `load_by_name` of `name` gets has, when
/// `name` is one of [`PRELOADED`].
fn preloaded_inputs(real: &[Model], name: &str) -> Option<usize> {
    if !PRELOADED.contains(&name) {
        return None;
    }
    let xml = format!("{name}/model.xml");
    real.iter()
        .find(|m| m.files.first() == Some(&xml))
        .map(|m| m.inputs.len())
}

/// The models of tests/models, as the harness lays them out.
fn real_models() -> Vec<Model> {
    let ir = |name: &str, inputs: Vec<Port>| Model {
        files: vec![format!("{name}/model.xml"), format!("{name}/model.bin")],
        kind: ModelKind::Ir,
        inputs,
    };
    vec![
        ir("softmax", vec![f32_port(&[1, 10])]),
        ir("two_io", vec![f32_port(&[1, 4]), f32_port(&[1, 4])]),
        ir(
            "identity_u8",
            vec![Port {
                ty: WITX.u8,
                dims: vec![2, 3],
            }],
        ),
        Model {
            files: vec!["softmax.onnx".into()],
            kind: ModelKind::Onnx,
            inputs: vec![f32_port(&[1, 10])],
        },
    ]
}

/// A malformed model, written under the models folder for this seed.
fn malformed_model(rng: &mut Rng, seed: u64, slot: usize) -> Model {
    let dir = harness::models_dir();
    let read = |name: &str| std::fs::read(dir.join(name)).expect("model file");
    let softmax_xml = read("softmax/model.xml");
    let softmax_bin = read("softmax/model.bin");
    let (what, xml, bin): (&str, Vec<u8>, Vec<u8>) = match rng.below(9) {
        0 => {
            let len = rng.below(softmax_xml.len() as u32) as usize;
            ("truncated xml", softmax_xml[..len].to_vec(), softmax_bin)
        }
        1 => {
            let len = rng.below(4096) as usize;
            ("garbage", rng.bytes(len), rng.bytes(len / 4))
        }
        2 => {
            let depth = 1 + rng.below(20_000) as usize;
            let mut xml =
                String::from("<?xml version=\"1.0\"?>\n<net name=\"deep\" version=\"11\">");
            xml.push_str(&"<layers>".repeat(depth));
            xml.push_str(&"</layers>".repeat(depth));
            xml.push_str("</net>\n");
            ("deeply nested xml", xml.into_bytes(), softmax_bin)
        }
        3 => {
            let mut xml = String::from(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE net [\n<!ENTITY a \"aaaaaaaaaa\">\n",
            );
            for level in 1..10 {
                let prev = (b'a' + level - 1) as char;
                let this = (b'a' + level) as char;
                let refs = format!("&{prev};").repeat(10);
                writeln!(xml, "<!ENTITY {this} \"{refs}\">").unwrap();
            }
            xml.push_str("]>\n");
            let body =
                String::from_utf8_lossy(&softmax_xml).replacen("<?xml version=\"1.0\"?>", "", 1);
            xml.push_str(&body.replacen("name=\"x\"", "name=\"&j;\"", 1));
            ("entity expansion xml", xml.into_bytes(), softmax_bin)
        }
        4 => {
            let len = (1 << 20) + rng.below(BIN_CAP - (1 << 20)) as usize;
            ("huge bin", softmax_xml, vec![0x3f; len])
        }
        5 => {
            let mut xml = softmax_xml;
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(xml.len() as u32) as usize;
                xml[at] ^= 1 << rng.below(8);
            }
            ("xml with bit flips", xml, softmax_bin)
        }
        6 => {
            // Valid XML the adapter's name reader may not follow: comments
            // and odd spacing; OpenVINO still loads it.
            let text = String::from_utf8_lossy(&softmax_xml)
                .replace("<layers>", "<layers><!-- <port names=\"fake\"/> -->")
                .replace("names=\"", "names = \"");
            (
                "xml with comments and spacing",
                text.into_bytes(),
                softmax_bin,
            )
        }
        7 => {
            let text = String::from_utf8_lossy(&softmax_xml);
            let name_at = text.find("names=\"").map_or(0, |i| i + 7);
            let mut text = text.into_owned();
            let junk = *rng.pick(&["", "\u{1F600}", "a,b,c", "&amp;", "x\"y", "0"]);
            text.insert_str(name_at, junk);
            ("xml with odd tensor names", text.into_bytes(), softmax_bin)
        }
        _ => {
            let mut onnx = read("softmax.onnx");
            let len = rng.below(onnx.len() as u32 + 1) as usize;
            onnx.truncate(len);
            if let Some(byte) = onnx.get_mut(rng.below(len.max(1) as u32) as usize) {
                *byte ^= 1 << rng.below(8);
            }
            let name = format!("fuzz-{seed}-{slot}.onnx");
            std::fs::write(dir.join(&name), onnx).unwrap();
            return Model {
                files: vec![name],
                kind: ModelKind::Malformed,
                inputs: vec![f32_port(&[1, 10])],
            };
        }
    };
    let _ = what;
    let names = [
        format!("fuzz-{seed}-{slot}.xml"),
        format!("fuzz-{seed}-{slot}.bin"),
    ];
    std::fs::write(dir.join(&names[0]), xml).unwrap();
    std::fs::write(dir.join(&names[1]), bin).unwrap();
    Model {
        files: names.to_vec(),
        kind: ModelKind::Malformed,
        inputs: vec![f32_port(&[1, 10])],
    }
}

/// A guest memory range, `len` bytes at `ptr`, is within calls.wat's memory.
fn in_bounds(ptr: u32, len: u32) -> bool {
    (ptr as u64) + (len as u64) <= MEMORY as u64
}

/// One call of a program, with what the comparison needs to know about it.
#[derive(Clone, Debug)]
enum Call {
    Read,
    Load {
        /// The loaded model (by index into the program's models), when the
        /// builders are exactly its files in order.
        model: Option<usize>,
        /// The builder count passed.
        builders: u32,
        encoding: u32,
        target: u32,
        /// Every pointer (array, builders, out-pointer) in bounds.
        in_bounds: bool,
    },
    LoadByName {
        len: u32,
        in_bounds: bool,
        /// The input count of the preloaded graph it names, if it names one.
        inputs: Option<usize>,
    },
    Init {
        in_bounds: bool,
    },
    SetInput {
        ctx: u32,
        index: u32,
        port: Port,
        data_len: u32,
        in_bounds: bool,
    },
    Compute {
        ctx: u32,
    },
    GetOutput {
        ctx: u32,
        in_bounds: bool,
    },
}

/// A program: its words, its calls (one printed line each) and its models.
struct Program {
    words: Vec<u32>,
    calls: Vec<Call>,
    models: Vec<Model>,
    /// Objects [`Low::place`] put at address 0, and elsewhere in the first
    /// page.
    low: [u32; 2],
}

impl Program {
    fn store(&mut self, addr: u32, value: u32) {
        self.words.extend([0, addr, value]);
    }

    fn store_bytes(&mut self, addr: u32, bytes: &[u8]) {
        for (i, chunk) in bytes.chunks(4).enumerate() {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            self.store(addr + 4 * i as u32, u32::from_le_bytes(word));
        }
    }

    fn nn(&mut self, opcode: u32, args: &[u32], show: (u32, u32), call: Call) {
        self.words.push(opcode);
        self.words.extend_from_slice(args);
        self.words.extend([show.0, show.1]);
        self.calls.push(call);
    }

    fn hex(&self) -> String {
        self.words
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .fold(String::new(), |mut s, b| {
                write!(s, "{b:02x}").unwrap();
                s
            })
    }
}

/// The first page of calls.wat's memory holds only what it writes after a
/// call (its iovec, digits and line buffer, and argv at start-up), so a
/// call's object may sit there, at address 0 first: [`Low::place`] puts one
/// small object of a call below `LOW_END` instead of in its slot.
const LOW_END: u32 = 0x300;

/// Which of a call's objects sit in low memory. Its own random stream, so
/// that the rest of a seed's program is what it was before low placement
/// (the replayed seeds of [`FIXED_SEEDS`] keep their programs).
struct Low {
    rng: Rng,
    /// The current call placed an object low already.
    used: bool,
    /// Objects placed at address 0, and elsewhere in the first page.
    placed: [u32; 2],
}

impl Low {
    /// Starts the next call.
    fn call(&mut self) {
        self.used = false;
    }

    /// `home`, or, for one object of `len` bytes (at most 256) per call and
    /// one call in a few, a low address: 0 half the time, else a 4-aligned
    /// one in the first page.
    fn place(&mut self, home: u32, len: u32) -> u32 {
        if self.used || len > 0x100 || !self.rng.chance(1, 6) {
            return home;
        }
        self.used = true;
        let at = if self.rng.chance(1, 2) {
            0
        } else {
            4 * self.rng.below(LOW_END / 4)
        };
        self.placed[usize::from(at != 0)] += 1;
        at
    }
}

/// A pointer: mostly the given valid one, sometimes hostile (rarely: a
/// program has dozens, and the first hostile one ends the comparison).
fn pointer(rng: &mut Rng, valid: u32, len: u32) -> u32 {
    if !rng.chance(1, 40) {
        return valid;
    }
    let random = FAR | rng.next_u32();
    *rng.pick(&[
        FAR,
        FAR - len.min(FAR) + 1,
        0xffff_0000,
        0xffff_fff0,
        u32::MAX,
        random,
    ])
}

/// A small number around `valid`, or a hostile one.
fn number(rng: &mut Rng, valid: u32, hostile_in: u32) -> u32 {
    if !rng.chance(1, hostile_in) {
        return valid;
    }
    let random = rng.next_u32();
    *rng.pick(&[
        0,
        1,
        2,
        3,
        valid.wrapping_add(1),
        valid.wrapping_sub(1),
        1000,
        u32::MAX,
        random,
    ])
}

fn generate(seed: u64) -> Program {
    let mut rng = Rng::new(seed);
    let mut low = Low {
        rng: Rng::new(seed ^ 0x6c6f_775f_6d65_6d00),
        used: false,
        placed: [0; 2],
    };
    let mut program = Program {
        words: Vec::new(),
        calls: Vec::new(),
        models: Vec::new(),
        low: [0; 2],
    };
    // Scratch slots of this program: records at SCRATCH + 0x100.., in 256-byte steps.
    let mut next_slot = SCRATCH + 0x100;
    let mut slot = move || {
        let addr = next_slot;
        next_slot += 0x100;
        addr
    };
    let paths = slot();

    // Models: one or two, read into their regions.
    let real = real_models();
    let count = 1 + rng.below(2) as usize;
    for region in 0..count {
        let model = if rng.chance(1, 3) {
            malformed_model(&mut rng, seed, region)
        } else {
            rng.pick(&real).clone()
        };
        for (file_index, file) in model.files.iter().enumerate() {
            let path = paths + 0x40 * (2 * region + file_index) as u32;
            program.store_bytes(path, file.as_bytes());
            let (dest, cap) = if file_index == 0 && model.files.len() == 2 {
                (XML[region], XML_CAP)
            } else {
                (BIN[region], BIN_CAP)
            };
            let len_out = LENGTHS + 8 * region as u32 + 4 * file_index as u32;
            program
                .words
                .extend([1, path, file.len() as u32, dest, cap, len_out]);
            program.calls.push(Call::Read);
        }
        program.models.push(model);
    }
    let file_len = |region: usize, file_index: usize| -> u32 {
        let dir = harness::models_dir();
        let model = program.models[region].clone();
        std::fs::metadata(dir.join(&model.files[file_index]))
            .unwrap()
            .len() as u32
    };
    let lens: Vec<Vec<u32>> = (0..count)
        .map(|r| {
            (0..program.models[r].files.len())
                .map(|f| file_len(r, f))
                .collect()
        })
        .collect();

    let calls = 3 + rng.below(25);
    // Handles the generator expects, as the hosts number them (from 0).
    let mut graphs = 0u32;
    let mut contexts: Vec<usize> = Vec::new();
    let out = slot();
    for _ in 0..calls {
        low.call();
        match rng.below(16) {
            0..=2 => {
                let region = rng.below(count as u32) as usize;
                let model = program.models[region].clone();
                let mut array = slot();
                let mut builders: Vec<(u32, u32)> = if model.files.len() == 2 {
                    vec![
                        (XML[region], lens[region][0]),
                        (BIN[region], lens[region][1]),
                    ]
                } else {
                    vec![(BIN[region], lens[region][0])]
                };
                let exact = !rng.chance(1, 6);
                if !exact {
                    match rng.below(3) {
                        0 => {
                            builders.pop();
                        }
                        1 => builders.reverse(),
                        _ => builders.push((XML[0], 8)),
                    }
                }
                for b in builders.iter_mut() {
                    b.0 = pointer(&mut rng, b.0, b.1);
                    b.1 = number(&mut rng, b.1, 24);
                }
                let default_encoding = if model.files.len() == 2 {
                    WITX.openvino
                } else {
                    WITX.onnx
                };
                let encoding = number(&mut rng, default_encoding, 8);
                let target = number(&mut rng, 0, 10);
                let mut array_ptr = pointer(&mut rng, array, 8 * builders.len() as u32);
                let count = number(&mut rng, builders.len() as u32, 16);
                // Past an array in its slot memory is zero (empty builders);
                // in low memory it is not, so only an array read exactly as
                // written may move there.
                if array_ptr == array && count == builders.len() as u32 {
                    array = low.place(array, 8 * count);
                    array_ptr = array;
                }
                for (i, (ptr, len)) in builders.iter().enumerate() {
                    program.store(array + 8 * i as u32, *ptr);
                    program.store(array + 8 * i as u32 + 4, *len);
                }
                let out_ptr = pointer(&mut rng, low.place(out, 4), 4);
                let bounds = in_bounds(array_ptr, count.saturating_mul(8))
                    && builders
                        .iter()
                        .take(count as usize)
                        .all(|&(p, l)| in_bounds(p, l))
                    && in_bounds(out_ptr, 4);
                let loads_model = exact && array_ptr == array && count == builders.len() as u32;
                let show = if in_bounds(out_ptr, 4) {
                    (out_ptr, 4)
                } else {
                    (0, 0)
                };
                program.nn(
                    2,
                    &[array_ptr, count, encoding, target, out_ptr],
                    show,
                    Call::Load {
                        model: loads_model.then_some(region),
                        builders: count,
                        encoding,
                        target,
                        in_bounds: bounds,
                    },
                );
                graphs += 1;
            }
            3 => {
                let name = *rng.pick(&[PRELOADED[0], PRELOADED[1], "missing", ""]);
                let mut ptr = slot();
                let mut name_ptr = pointer(&mut rng, ptr, name.len() as u32);
                let len = number(&mut rng, name.len() as u32, 12);
                // As for a builder array: only a name read exactly as written.
                if name_ptr == ptr && len == name.len() as u32 {
                    ptr = low.place(ptr, len);
                    name_ptr = ptr;
                }
                program.store_bytes(ptr, name.as_bytes());
                let out_ptr = pointer(&mut rng, low.place(out, 4), 4);
                let show = if in_bounds(out_ptr, 4) {
                    (out_ptr, 4)
                } else {
                    (0, 0)
                };
                program.nn(
                    3,
                    &[name_ptr, len, out_ptr],
                    show,
                    Call::LoadByName {
                        len,
                        in_bounds: in_bounds(name_ptr, len) && in_bounds(out_ptr, 4),
                        inputs: preloaded_inputs(&real, name)
                            .filter(|_| len as usize == name.len()),
                    },
                );
                graphs += 1;
            }
            4..=5 => {
                let graph = rng.below(graphs + 1);
                let graph = number(&mut rng, graph, 8);
                let out_ptr = pointer(&mut rng, low.place(out, 4), 4);
                let show = if in_bounds(out_ptr, 4) {
                    (out_ptr, 4)
                } else {
                    (0, 0)
                };
                program.nn(
                    4,
                    &[graph, out_ptr],
                    show,
                    Call::Init {
                        in_bounds: in_bounds(out_ptr, 4),
                    },
                );
                contexts.push(0);
            }
            6..=9 => {
                let ctx = rng.below(contexts.len() as u32 + 1);
                let ctx = number(&mut rng, ctx, 8);
                let index = rng.below(2);
                let index = number(&mut rng, index, 10);
                // The tensor of some model's input, maybe spoiled.
                let all: Vec<Port> = real.iter().flat_map(|m| m.inputs.clone()).collect();
                let mut port = rng.pick(&all).clone();
                if rng.chance(1, 8) {
                    port.dims = (0..rng.below(4)).map(|_| rng.below(12)).collect();
                }
                port.ty = number(&mut rng, port.ty, 10);
                let bytes = if (port.ty as usize) < WITX.element_sizes.len() {
                    port.bytes()
                } else {
                    port.dims.iter().product::<u32>() * 4
                };
                let data_len = number(&mut rng, bytes, 10);
                let record = low.place(slot(), 20);
                let dims = low.place(slot(), 4 * port.dims.len() as u32);
                for (i, d) in port.dims.iter().enumerate() {
                    program.store(dims + 4 * i as u32, *d);
                }
                let data = low.place(SCRATCH + 0x1_0000, bytes.max(data_len));
                for i in 0..bytes.min(0x100) / 4 {
                    program.store(data + 4 * i, rng.next_u32() & 0x3fff_ffff);
                }
                let dims_ptr = pointer(&mut rng, dims, 4 * port.dims.len() as u32);
                let data_ptr = pointer(&mut rng, data, data_len);
                program.store(record, dims_ptr);
                program.store(record + 4, port.dims.len() as u32);
                program.store(record + 8, port.ty);
                program.store(record + 12, data_ptr);
                program.store(record + 16, data_len);
                let record_ptr = pointer(&mut rng, record, 20);
                let bounds = in_bounds(record_ptr, 20)
                    && in_bounds(dims_ptr, 4 * port.dims.len() as u32)
                    && in_bounds(data_ptr, data_len);
                program.nn(
                    5,
                    &[ctx, index, record_ptr],
                    (0, 0),
                    Call::SetInput {
                        ctx,
                        index,
                        port,
                        data_len,
                        in_bounds: bounds,
                    },
                );
            }
            10..=11 => {
                let ctx = rng.below(contexts.len() as u32 + 1);
                let ctx = number(&mut rng, ctx, 8);
                program.nn(6, &[ctx], (0, 0), Call::Compute { ctx });
            }
            _ => {
                let ctx = rng.below(contexts.len() as u32 + 1);
                let ctx = number(&mut rng, ctx, 8);
                let index = rng.below(2);
                let index = number(&mut rng, index, 10);
                let size = *rng.pick(&[40, 16, 6, 64, 39]);
                let size = number(&mut rng, size, 8).min(0x100);
                let buffer = low.place(slot(), size);
                let size_at = low.place(out + 4, 4);
                program.store(size_at, 0);
                let buffer_ptr = pointer(&mut rng, buffer, size);
                let size_ptr = pointer(&mut rng, size_at, 4);
                let bounds = in_bounds(buffer_ptr, size) && in_bounds(size_ptr, 4);
                let show = if bounds { (buffer, 0x100) } else { (0, 0) };
                program.nn(
                    7,
                    &[ctx, index, buffer_ptr, size, size_ptr],
                    show,
                    Call::GetOutput {
                        ctx,
                        in_bounds: bounds,
                    },
                );
                // And the size written, when it is in bounds.
                if in_bounds(size_ptr, 4) {
                    program.nn(
                        6,
                        &[u32::MAX],
                        (size_ptr, 4),
                        Call::Compute { ctx: u32::MAX },
                    );
                }
            }
        }
    }
    program.low = low.placed;
    program
}

/// What the reference knows of its contexts, from its own output.
#[derive(Default)]
struct State {
    /// Graph handle → what is known of it.
    graphs: BTreeMap<u32, GraphState>,
    contexts: BTreeMap<u32, ContextState>,
}

#[derive(Clone, Copy, Default)]
struct GraphState {
    /// Model index in the program (None: not a known model).
    model: Option<usize>,
    /// How many inputs it has, when known.
    inputs: Option<usize>,
}

#[derive(Default)]
struct ContextState {
    graph: GraphState,
    /// Input indices set (successfully, on both hosts).
    set: std::collections::BTreeSet<u32>,
    computed: bool,
}

fn handle_of(line: &str) -> Option<u32> {
    let hex = line.split(' ').nth(1)?;
    let bytes: Vec<u8> = (0..4)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}

fn errno_of(line: &str) -> u32 {
    line.split(' ')
        .next()
        .and_then(|e| e.parse().ok())
        .unwrap_or(u32::MAX)
}

impl State {
    /// Follows a call both hosts answered alike.
    fn update(&mut self, call: &Call, line: &str, models: &[Model]) {
        if errno_of(line) != WITX.success {
            return;
        }
        let handle = handle_of(line);
        match call {
            Call::Load { model, .. } => {
                if let Some(h) = handle {
                    let model = model.filter(|&m| models[m].kind == ModelKind::Ir);
                    let inputs = model.map(|m| models[m].inputs.len());
                    self.graphs.insert(h, GraphState { model, inputs });
                }
            }
            Call::LoadByName { inputs, .. } => {
                if let Some(h) = handle {
                    let inputs = *inputs;
                    self.graphs.insert(
                        h,
                        GraphState {
                            model: None,
                            inputs,
                        },
                    );
                }
            }
            Call::Init { .. } => {}
            Call::SetInput { ctx, index, .. } => {
                if let Some(c) = self.contexts.get_mut(ctx) {
                    c.set.insert(*index);
                }
            }
            Call::Compute { ctx } => {
                if let Some(c) = self.contexts.get_mut(ctx) {
                    c.computed = true;
                }
            }
            Call::Read | Call::GetOutput { .. } => {}
        }
    }

    /// Follows an `init` of graph handle `graph` both hosts answered alike.
    fn init(&mut self, graph: Option<u32>, line: &str) {
        let Some(graph) = graph else { return };
        if let (0, Some(h), Some(&graph)) =
            (errno_of(line), handle_of(line), self.graphs.get(&graph))
        {
            self.contexts.insert(
                h,
                ContextState {
                    graph,
                    ..ContextState::default()
                },
            );
        }
    }
}

/// The documented class a difference belongs to, or None.
fn documented(call: &Call, reference: Option<u32>, nn: u32, state: &State) -> Option<&'static str> {
    let w = &*WITX;
    match (call, reference) {
        // The reference trapped or panicked during the call.
        (
            Call::Load {
                encoding,
                target,
                in_bounds,
                ..
            },
            None,
        ) => {
            if nn == w.invalid_argument && (*encoding >= w.encodings || *target >= w.targets) {
                Some("invalid enum: reference traps")
            } else if nn == w.invalid_argument && !in_bounds {
                Some("out-of-bounds pointer: reference panics")
            } else if *target == w.tpu && nn == w.unsupported_operation {
                Some("tpu target: reference panics")
            } else {
                None
            }
        }
        (
            Call::LoadByName {
                in_bounds: false, ..
            },
            None,
        )
        | (Call::Init { in_bounds: false }, None)
        | (
            Call::GetOutput {
                in_bounds: false, ..
            },
            None,
        ) if nn == w.invalid_argument => Some("out-of-bounds pointer: reference panics"),
        // The adapter checks the context handle before the other arguments;
        // the reference reads the tensor (or buffer) first and fails there.
        (Call::SetInput { ctx, .. }, None) | (Call::GetOutput { ctx, .. }, None)
            if nn == w.unsupported_operation && !state.contexts.contains_key(ctx) =>
        {
            Some("bad tensor or buffer and unknown context: reference fails first")
        }
        (
            Call::LoadByName {
                len: 0,
                in_bounds: false,
                ..
            },
            Some(r),
        ) if r == w.unsupported_operation && nn == w.invalid_argument => {
            Some("empty name at an out-of-bounds pointer")
        }
        // The reference reads no builder of an empty array, and OpenVINO
        // wants two.
        (
            Call::Load {
                builders: 0,
                in_bounds: false,
                ..
            },
            Some(r),
        ) if r == w.runtime_error && nn == w.invalid_argument => {
            Some("empty builder array at an out-of-bounds pointer")
        }
        (
            Call::SetInput {
                port,
                data_len,
                in_bounds,
                ..
            },
            None,
        ) if nn == w.invalid_argument => {
            if port.ty as usize >= w.element_sizes.len() {
                Some("invalid enum: reference traps")
            } else if !in_bounds {
                Some("out-of-bounds pointer: reference panics")
            } else if *data_len != port.bytes() {
                Some("data length differs from dims: reference panics")
            } else {
                None
            }
        }
        (
            Call::Load {
                encoding,
                in_bounds,
                ..
            },
            Some(r),
        ) => {
            if r == w.unsupported_operation && *encoding == w.onnx && nn != w.success {
                Some(
                    "load as onnx: no ONNX backend on the reference; nn-host rejects the arguments",
                )
            } else if r == w.unsupported_operation && *encoding == w.onnx && nn == w.success {
                Some("ONNX model: no ONNX backend on the reference")
            } else if r == w.unsupported_operation
                && *encoding != w.openvino
                && !in_bounds
                && nn == w.invalid_argument
            {
                Some("out-of-bounds builders and an encoding without backend on the reference, which says so before reading them; the adapter must check them before the host can")
            } else if r == w.unsupported_operation
                && *encoding == w.tensorflowlite
                && nn != w.success
            {
                Some("load as tensorflowlite: no TensorFlow Lite backend on the reference; nn-host rejects the arguments")
            } else if r == w.unsupported_operation && *encoding == w.autodetect {
                Some("autodetect: no such backend on the reference")
            } else {
                None
            }
        }
        // The adapter checks a tensor against what the model declares when
        // it has read the model; a graph loaded by name, or a malformed
        // model both hosts load that its reader does not follow, leaves the
        // check to the host's compute.
        (Call::SetInput { ctx, .. }, Some(r)) if r == w.runtime_error && nn == w.success => {
            state.contexts.get(ctx)?.graph.model.is_none().then_some(
                "set_input the reference refuses on a graph the fuzzer knows no model for \
                 (loaded by name, or a malformed model both hosts loaded): the adapter \
                 cannot check it, compute does",
            )
        }
        (Call::Compute { ctx }, Some(r)) if r == w.success && nn == w.invalid_argument => {
            let c = state.contexts.get(ctx)?;
            if c.set.is_empty() {
                return Some("compute before any set_input");
            }
            let inputs = c.graph.inputs? as u32;
            (0..inputs)
                .any(|i| !c.set.contains(&i))
                .then_some("compute with an input never set")
        }
        // The reference copies out the uncomputed output, then traps on the
        // out-of-bounds size pointer; nn-host has no output to give yet.
        (
            Call::GetOutput {
                ctx,
                in_bounds: false,
            },
            None,
        ) if nn == w.runtime_error => {
            let computed = state.contexts.get(ctx)?.computed;
            (!computed).then_some("get_output before compute, with an out-of-bounds pointer")
        }
        // The reference may also find the buffer too small first.
        (Call::GetOutput { ctx, .. }, Some(r))
            if (r == w.success || r == w.too_large) && nn == w.runtime_error =>
        {
            let computed = state.contexts.get(ctx)?.computed;
            (!computed).then_some("get_output before compute")
        }
        _ => None,
    }
}

/// Compares the two runs of a program; Ok names the documented difference
/// that ended the comparison, if any.
fn compare(
    program: &Program,
    reference: &Outcome,
    nn: &Outcome,
) -> Result<Option<&'static str>, String> {
    let ref_lines: Vec<&str> = reference.stdout.lines().collect();
    let nn_lines: Vec<&str> = nn.stdout.lines().collect();
    let mut state = State::default();
    for (i, call) in program.calls.iter().enumerate() {
        let (r, n) = (ref_lines.get(i).copied(), nn_lines.get(i).copied());
        let Some(n) = n else {
            return Err(format!(
                "nn-host stopped at call {i} ({call:?}): {:?}",
                nn.end
            ));
        };
        let Some(r) = r else {
            if matches!(reference.end, End::Exit(_)) {
                return Err(format!("the reference exited before call {i}"));
            }
            return documented(call, None, errno_of(n), &state)
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "call {i} ({call:?}): the reference failed ({:?}), nn-host printed {n:?}",
                        reference.end
                    )
                });
        };
        if r != n {
            let class = (errno_of(r) != errno_of(n))
                .then(|| documented(call, Some(errno_of(r)), errno_of(n), &state))
                .flatten();
            return class.map(Some).ok_or_else(|| {
                format!("call {i} ({call:?}):\n  reference: {r}\n  nn-host:   {n}")
            });
        }
        if let Call::Init { .. } = call {
            state.init(program.words_graph(i), r);
        }
        state.update(call, r, &program.models);
    }
    if reference.end != nn.end {
        return Err(format!(
            "ends differ: reference {:?}, nn-host {:?}",
            reference.end, nn.end
        ));
    }
    Ok(None)
}

impl Program {
    /// The graph handle argument of the `i`th call (an `init`).
    fn words_graph(&self, i: usize) -> Option<u32> {
        let mut pc = 0;
        let mut call = 0;
        while pc < self.words.len() {
            let op = self.words[pc];
            let (args, shows) = match op {
                0 => (2, 0),
                1 => (5, 0),
                2 | 7 => (5, 2),
                3 | 5 => (3, 2),
                4 => (2, 2),
                _ => (1, 2),
            };
            if op != 0 {
                if call == i {
                    return self.words.get(pc + 1).copied();
                }
                call += 1;
            }
            pc += 1 + args + shows;
        }
        None
    }
}

fn calls_guest() -> Arc<Compiled> {
    harness::compiled(Guest::Wat("calls"))
}

/// Runs the program of one seed; Ok names the documented difference met,
/// if any.
fn check(
    seed: u64,
    program: &Program,
    compiled: &Compiled,
) -> Result<Option<&'static str>, String> {
    let case = Case::new(Guest::Wat("calls"), &[&program.hex()]).preload(&PRELOADED);
    let reference = harness::run_upstream_witx(&case, compiled);
    let nn = harness::run_nn_host(&case, compiled);
    let result =
        compare(program, &reference, &nn).map_err(|e| format!("seed {seed}: {e}\n{reference}{nn}"));
    for model in &program.models {
        if model.kind == ModelKind::Malformed {
            for file in &model.files {
                let _ = std::fs::remove_file(harness::models_dir().join(file));
            }
        }
    }
    result
}

/// Seeds of long runs that once found a difference, each since fixed: they
/// run on every `cargo test`.
const FIXED_SEEDS: &[(u64, &str)] = &[
    (
        1_000_000,
        "load_by_name of a missing graph with a bad out-pointer: the reference says \
         unsupported_operation before it writes, the adapter checked the pointer first",
    ),
    (1_000_065, "the same"),
    (
        1_000_080,
        "load of an unreadable model with target tpu: the reference reads the model \
         first (runtime_error), nn-host refused the target first",
    ),
    (1_000_364, "the same"),
    (
        1_000_014,
        "set_input past the inputs of a graph loaded by name: the context refused every \
         later compute; now compute leaves that input out (errors.wat \
         set_input_index_out_of_range_by_name)",
    ),
    (1_000_382, "the same"),
];

#[test]
fn seeds_that_once_failed() {
    let compiled = calls_guest();
    for (seed, what) in FIXED_SEEDS {
        if let Err(failure) = check(*seed, &generate(*seed), &compiled) {
            panic!("{what}:\n{failure}");
        }
    }
}

#[test]
fn call_sequences_match_the_reference() {
    let range = seeds(BOUNDED_ITERS);
    let compiled = calls_guest();
    let start = std::time::Instant::now();
    let mut classes: BTreeMap<&str, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    // Objects placed at address 0, and elsewhere in the first page.
    let mut low = [0; 2];
    for seed in range.clone() {
        let program = generate(seed);
        low = [low[0] + program.low[0], low[1] + program.low[1]];
        match check(seed, &program, &compiled) {
            Ok(class) => *classes.entry(class.unwrap_or("identical")).or_default() += 1,
            Err(failure) => {
                eprintln!("{failure}");
                failures.push(failure);
            }
        }
        progress("calls", 100, seed, &range, start);
    }
    eprintln!(
        "calls: {classes:?}, {} failures; objects at address 0: {}, elsewhere in the first page: {}",
        failures.len(),
        low[0],
        low[1]
    );
    assert!(
        failures.is_empty(),
        "{} seeds failed (replay one with NN_FUZZ_SEED=<seed> NN_FUZZ_ITERS=1):\n{}",
        failures.len(),
        failures.join("\n")
    );
    // A run of the bounded length or longer reaches low memory many times.
    let programs = range.end - range.start;
    assert!(
        programs < BOUNDED_ITERS
            || (u64::from(low[0]) * 4 >= programs && u64::from(low[1]) * 4 >= programs),
        "too few objects in low memory: {low:?} in {programs} programs"
    );
}
