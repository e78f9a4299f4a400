//! Test helpers shared by the parsers' unit tests: a [`Sink`] that collects
//! names as strings, the repository's test models and a small IR fixture.

use super::{decode, parse, NameOut, NamesForm, Sink};

/// Collects names as strings: `(inputs, outputs)`, each tensor a list of
/// its names.
#[derive(Default, Debug, PartialEq)]
pub struct Collect {
    pub inputs: Vec<Vec<String>>,
    pub outputs: Vec<Vec<String>>,
    /// What each input declares: raw element type and shape.
    pub declared: Vec<(String, String)>,
}

/// Names ended so far (UTF-8 is checked once the tensor is done: names
/// reported before an `abort` need not be), and the current one.
struct Names(Vec<Vec<u8>>, Vec<u8>);
impl NameOut for Names {
    fn byte(&mut self, b: u8) {
        self.1.push(b);
    }
    fn end(&mut self) {
        assert!(!self.1.is_empty(), "empty names are never reported");
        self.0.push(std::mem::take(&mut self.1));
    }
    fn abort(&mut self) {
        self.0.clear();
        self.1.clear();
    }
}

pub fn decoded(form: NamesForm, raw: &[u8]) -> Vec<String> {
    let mut names = Names(Vec::new(), Vec::new());
    decode(form, raw, &mut names);
    assert!(names.1.is_empty());
    names
        .0
        .into_iter()
        .map(|n| String::from_utf8(n).expect("names are UTF-8"))
        .collect()
}

impl Sink for Collect {
    fn tensor(&mut self, output: bool, form: NamesForm, raw: &[u8]) {
        let names = decoded(form, raw);
        if output {
            self.outputs.push(names);
        } else {
            assert!(self.outputs.is_empty(), "inputs come before outputs");
            self.inputs.push(names);
        }
    }

    fn declared(&mut self, element_type: &[u8], shape: &[u8]) {
        assert_eq!(
            self.declared.len() + 1,
            self.inputs.len(),
            "one declaration right after each input"
        );
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        self.declared.push((text(element_type), text(shape)));
    }
}

pub fn run(model: &[u8]) -> Option<Collect> {
    let mut c = Collect::default();
    parse(model, &mut c, &mut Vec::new()).then_some(c)
}

pub fn v(names: &[&[&str]]) -> Vec<Vec<String>> {
    names
        .iter()
        .map(|t| t.iter().map(|s| s.to_string()).collect())
        .collect()
}

pub fn model(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/models/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A small IR with two Parameters and two Results; `extra` goes into the
/// first Result, `names` onto the first Parameter's port.
pub fn ir(param_names: &str, result_attrs: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<!-- a comment with <layer> inside -->
<net name="t" version="11">
  <layers>
<layer id="7" name="x" type="Parameter" version="opset1">
  <data shape="1" element_type="f32"/>
  <output><port id="0" precision="FP32" {param_names}><dim>1</dim></port></output>
</layer>
<layer id="3" name="y" type="Parameter" version="opset1">
  <output><port id="0" precision="FP32" names="y"/></output>
</layer>
<layer id="9" name="add" type="Add" version="opset1">
  <input><port id="0"/><port id="1"/></input>
  <output><port id="2" precision="FP32" names="add_out,alias"/></output>
</layer>
<layer id="10" name="r0" type="Result" version="opset1" {result_attrs}>
  <input><port id="0"/></input>
</layer>
<layer id="11" name="r1" type="Result" version="opset1">
  <input><port id="0"/></input>
</layer>
  </layers>
  <edges>
<edge from-layer="7" from-port="0" to-layer="9" to-port="0"/>
<edge from-layer="3" from-port="0" to-layer="9" to-port="1"/>
<edge from-layer="9" from-port="2" to-layer="10" to-port="0"/>
<edge from-layer="7" from-port="0" to-layer="11" to-port="0"/>
  </edges>
</net>
"#
    )
}
